#include "support/diagnostics.h"

#include <cstdio>

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
    // An error is never left out for a warning: it takes the place of the last warning kept.
    if (d.severity == Severity::Error)
      for (auto it = items_.rbegin(); it != items_.rend(); ++it)
        if (it->severity == Severity::Warning) {
          *it = std::move(d);
          return;
        }
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

namespace {

/// `s` with what a terminal would obey made visible: C0 and C1 control characters and DEL
/// as \xNN, bidirectional controls (U+202A-U+202E, U+2066-U+2069) as \u{NNNN}. A newline in
/// an input can then not forge another "FILE:L:C: error:" line, nor an escape sequence
/// reach the terminal.
std::string visible(const std::string& s) {
  std::string out;
  char buf[16];
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const unsigned char n1 = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
    const unsigned char n2 = i + 2 < s.size() ? static_cast<unsigned char>(s[i + 2]) : 0;
    if (c < 0x20 || c == 0x7f) {
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    } else if (c == 0xC2 && n1 >= 0x80 && n1 <= 0x9F) {  // C1 controls
      std::snprintf(buf, sizeof buf, "\\x%02X", n1);
      out += buf;
      i += 1;
    } else if (c == 0xE2 && ((n1 == 0x80 && n2 >= 0xAA && n2 <= 0xAE) || (n1 == 0x81 && n2 >= 0xA6 && n2 <= 0xA9))) {
      std::snprintf(buf, sizeof buf, "\\u{%04X}", ((c & 0x0F) << 12) | ((n1 & 0x3F) << 6) | (n2 & 0x3F));
      out += buf;
      i += 2;
    } else {
      out += char(c);
    }
  }
  return out;
}

}  // namespace

std::string format_diagnostic(const Diagnostic& d) {
  return visible(format_diagnostic_raw(d));
}

std::string format_diagnostic_raw(const Diagnostic& d) {
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
