#include "support/diagnostics.h"

#include <algorithm>

namespace chronicle {

void Diagnostics::error(SourceLocation loc, std::string pointer, std::string message) {
  add({Severity::Error, std::move(loc), std::move(pointer), std::move(message)});
}

void Diagnostics::warning(SourceLocation loc, std::string pointer, std::string message) {
  add({Severity::Warning, std::move(loc), std::move(pointer), std::move(message)});
}

void Diagnostics::add(Diagnostic d) {
  if (d.severity == Severity::Error) ++error_count_;
  if (items_.size() >= max_errors) {
    ++dropped_;
    return;
  }
  items_.push_back(std::move(d));
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out = items_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.loc.file != b.loc.file) return a.loc.file < b.loc.file;
    if (a.loc.line != b.loc.line) return a.loc.line < b.loc.line;
    return a.loc.col < b.loc.col;
  });
  return out;
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string s;
  if (!d.loc.file.empty()) {
    s += d.loc.file;
    if (d.loc.line > 0) s += ":" + std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col);
    s += ": ";
  } else {
    s += "chronicle: ";
  }
  s += d.severity == Severity::Error ? "error: " : "warning: ";
  s += d.message;
  if (!d.pointer.empty()) s += " (at " + d.pointer + ")";
  return s;
}

}  // namespace chronicle
