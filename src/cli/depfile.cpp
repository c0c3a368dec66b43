#include "cli/depfile.h"

namespace chronicle::cli {
namespace {

std::string escape(const std::string& path) {
  std::string out;
  for (char c : path) {
    if (c == ' ' || c == '#') out += '\\';
    if (c == '$') out += '$';
    out += c;
  }
  return out;
}

}  // namespace

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
