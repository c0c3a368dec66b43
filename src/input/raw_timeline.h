#pragma once
// The input stage turns bytes into RawTimeline: the strings a file holds, each with the
// JSON pointer it came from, and no meaning yet (dates stay text; ids are not checked).
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/diagnostics.h"

namespace chronicle::input {

/// A string value read from a file, with the pointer it was read at.
struct RawText {
  std::string value;
  std::string pointer;
  bool present = false;
  bool invalid = false;  ///< present but of the wrong type (already reported)
  std::string reference;  ///< for a relative date read back from a model: what it was resolved against
  std::string direction;  ///< and which way it was turned ("past", "future", "nearest ...")
};

/// A value that was present in the input at `pointer`.
inline RawText text_at(std::string value, std::string pointer) {
  RawText t;
  t.value = std::move(value);
  t.pointer = std::move(pointer);
  t.present = true;
  return t;
}

struct RawSource {
  std::string pointer;
  RawText id, title, url, published;
};

struct RawTrack {
  std::string pointer;
  RawText id, title, color;
};

struct RawEra {
  std::string pointer;
  RawText title, start, end, track;
  std::vector<std::size_t> members;  ///< without start/end: the era spans these events (markwhen sections)
};

/// One source's claim about when an event happened: a date (or start and end) and the
/// sources that say so.
struct RawClaim {
  std::string pointer;
  RawText date, start, end;
  std::vector<RawText> sources;
};

struct RawInset {
  std::string pointer;
  RawText title, start, end;
};

struct RawEvent {
  std::string pointer;
  RawText id, title, date, start, end, description, track;
  RawText date_label;  ///< how to show the date instead of the computed label (TimelineJS display_date)
  /// A milestone flag: "true"/"false" (a JSON boolean), a CSV cell ("yes", "x", ...), or
  /// "true" for a markwhen #milestone tag; model reads it.
  RawText milestone;
  std::vector<RawText> tags;
  std::vector<RawText> sources;
  std::vector<RawClaim> claims;  ///< several dated claims instead of date/start/end
  /// markwhen's recurrence after the date ("every other week for 1 year", "every 2 days x10"):
  /// model expands it into one event per occurrence.
  RawText recurrence;
};

/// Everything one input file said, in file order.
struct RawTimeline {
  std::string file;
  std::string format;  ///< "chronicle", "timelinejs", "timelinejs-csv", "csv" or "markwhen"
  std::shared_ptr<const Locator> locator;  ///< pointer -> file:line:col
  RawText title, subtitle, author, orientation;
  std::vector<RawText> keywords;
  nlohmann::json style;  ///< the "style" block as written (null when absent), at /style
  std::vector<RawEvent> events;
  std::vector<RawTrack> tracks;
  std::vector<RawEra> eras;
  std::vector<RawSource> sources;
  std::vector<RawInset> insets;

  SourceLocation locate(const std::string& pointer) const {
    return locator ? locator->locate(pointer) : SourceLocation{file, 0, 0};
  }
};

}  // namespace chronicle::input
