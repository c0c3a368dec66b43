#include "cli/depfile.h"

namespace chronicle::cli {
namespace {

/// A path as GNU make and ninja both read it back (ninja's depfile parser, GNU make's
/// quoting): a space as "\ " with the backslashes before it doubled (2N+1 backslashes and a
/// space are N backslashes and a space), '#' and ':' as "\#" and "\:" (one more backslash
/// than stood before them), '$' as "$$"; other backslashes as they are.
std::string escape(const std::string& path) {
  std::string out;
  for (std::size_t i = 0; i < path.size();) {
    const char c = path[i];
    if (c == '\\') {
      std::size_t k = 0;
      while (i + k < path.size() && path[i + k] == '\\') ++k;
      const char next = i + k < path.size() ? path[i + k] : '\0';
      out.append(next == ' ' ? 2 * k : k, '\\');
      i += k;
      continue;
    }
    if (c == ' ' || c == '#' || c == ':') out += '\\';
    if (c == '$') out += '$';
    out += c;
    ++i;
  }
  return out;
}

}  // namespace

std::string depfile_problem(const std::string& path) {
  if (path.find_first_of("\n\r") != std::string::npos) return "it holds a line break";
  if (!path.empty() && path.back() == '\\') return "it ends with a backslash";
  if (!path.empty() && path.back() == ':') return "it ends with a colon";
  return "";
}

std::string make_depfile(const std::vector<std::string>& outputs, const std::vector<std::string>& deps) {
  std::string s;
  for (std::size_t i = 0; i < outputs.size(); ++i) s += (i ? " " : "") + escape(outputs[i]);
  s += ":";
  for (const auto& d : deps) s += " \\\n  " + escape(d);
  s += "\n";
  // An empty rule for each dependency (gcc -MP), so make does not fail when one is removed.
  for (const auto& d : deps) s += "\n" + escape(d) + ":\n";
  return s;
}

}  // namespace chronicle::cli
