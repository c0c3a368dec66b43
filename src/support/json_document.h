#pragma once
// JSON with positions. nlohmann/json 3.11.2 keeps no position for parsed values, so a
// JsonDocument keeps the text and finds a value's line:col from its JSON pointer by
// scanning the (already valid) text along the pointer's path, only when a message needs it.
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/diagnostics.h"
#include "support/limits.h"

namespace chronicle {

class JsonDocument : public Locator {
 public:
  /// Parses `text`; on a syntax error reports "file:line:col: error: ..." into `diags`
  /// and returns nullptr. Nesting deeper than `max_depth` is rejected before parsing.
  static std::shared_ptr<const JsonDocument> parse(std::string file, std::string text,
                                                   Diagnostics& diags);

  const nlohmann::json& root() const { return root_; }
  const std::string& file() const { return file_; }

  /// Location of the value at `pointer` ("/events/3/date"); of the nearest existing
  /// ancestor when the pointer does not resolve. For `key_of == true`, the location of
  /// the member's key instead of its value (for "unknown field" messages).
  SourceLocation locate(const std::string& pointer, bool key_of = false) const override;

  static constexpr int max_depth = limits::max_json_depth;

 private:
  JsonDocument() = default;
  /// Line and column of byte `offset`, from the nearest checkpoint (one every 4 KiB).
  SourceLocation location_at(std::size_t offset) const;
  std::string file_;
  std::string text_;
  nlohmann::json root_;
  // Lazily filled, so that a message per event costs no scan of the whole file each:
  mutable std::unordered_map<std::string, std::size_t> offsets_;  ///< pointer -> where its value starts
  mutable std::vector<SourceLocation> checkpoints_;               ///< line:col at every 4 KiB
  mutable std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> progress_;  ///< array -> furthest element seen, its place
};

/// Line and column (1-based, column counted in characters of UTF-8) of byte `offset`.
SourceLocation location_of_offset(const std::string& file, const std::string& text,
                                  std::size_t offset);

/// Line and column of byte offsets of one text in O(log lines + line length) each: the
/// lines' starts are found once, at the first question (for readers whose messages may be
/// many, such as a warning per CSV row or column).
class LineIndex {
 public:
  SourceLocation at(const std::string& file, const std::string& text, std::size_t offset) const;

 private:
  mutable std::vector<std::size_t> starts_;
};

/// "/events/3" + "date" -> "/events/3/date", escaping ~ and / in the token.
std::string pointer_append(const std::string& pointer, const std::string& token);
std::string pointer_append(const std::string& pointer, std::size_t index);

}  // namespace chronicle
