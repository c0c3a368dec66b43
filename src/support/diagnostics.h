#pragma once
// Shared vocabulary for errors and warnings: every stage reports into one Diagnostics
// sink; only cli/print_diagnostics formats them for people.
#include <cstddef>
#include <string>
#include <vector>

namespace chronicle {

/// Where something is in an input file; line and column are 1-based, 0 when unknown.
struct SourceLocation {
  std::string file;
  int line = 0;
  int col = 0;
};

enum class Severity { Warning, Error };

/// One message: where (file:line:col and JSON pointer), how bad, and what.
struct Diagnostic {
  Severity severity = Severity::Error;
  SourceLocation loc;
  std::string pointer;  ///< JSON pointer such as /events/3/date; empty when not applicable
  std::string message;
};

/// Turns a JSON pointer (or a format's own path) into a file position, lazily.
class Locator {
 public:
  virtual ~Locator() = default;
  virtual SourceLocation locate(const std::string& pointer, bool key_of = false) const = 0;
};

/// Collects diagnostics from every stage. Errors beyond `max_errors` are counted, not kept.
class Diagnostics {
 public:
  void error(SourceLocation loc, std::string pointer, std::string message);
  void warning(SourceLocation loc, std::string pointer, std::string message);
  void add(Diagnostic d);

  bool has_errors() const { return error_count_ > 0; }
  std::size_t error_count() const { return error_count_; }
  std::size_t dropped() const { return dropped_; }
  /// All kept diagnostics sorted by file, line, column (stable for equal positions).
  std::vector<Diagnostic> sorted() const;
  const std::vector<Diagnostic>& items() const { return items_; }

  static constexpr std::size_t max_errors = 50;

 private:
  std::vector<Diagnostic> items_;
  std::size_t error_count_ = 0;
  std::size_t dropped_ = 0;
};

/// "file:line:col: error: message (at /pointer)", the one-line form printed for people, with
/// control characters (and bidi controls) from the input shown as escapes, never obeyed.
std::string format_diagnostic(const Diagnostic& d);
/// The same line as it is, unescaped.
std::string format_diagnostic_raw(const Diagnostic& d);

}  // namespace chronicle
