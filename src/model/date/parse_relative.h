#pragma once
// Dates that mean something only against another date:
//  - as journalists write them, against a reference day (a source's publication date or
//    --reference-date): "Monday", "on Tuesday", "last October", "yesterday",
//    "earlier this week", "3 days ago", "November 11";
//  - as markwhen chains them, against an instant: "2 weeks", "after !phase1 1 month".
#include <optional>
#include <string>
#include <variant>

#include "model/date/parse_date.h"

namespace chronicle::model {

/// A calendar duration: "2 weeks", "1 month", "2 minutes 3 seconds".
struct Duration {
  std::int64_t years = 0, months = 0, days = 0, seconds = 0;
  std::int64_t business_days = 0;  ///< markwhen's "10 weekdays", "10 work days": Monday to Friday only
  Precision unit = Precision::Day;  ///< the finest unit written
};

std::optional<Duration> parse_duration(const std::string& text);
/// t + d, calendar-true for months and years (Jan 31 + 1 month = Feb 28/29).
Seconds add_duration(Seconds t, const Duration& d);

/// True when `text` is a relative date of the journalists' kind (it needs a reference day).
bool is_relative_date(const std::string& text);

/// Resolves a journalists' relative date against `reference` (which must be given to the
/// day). nullopt when `text` is not such a date. The value keeps `text` and is `casual`.
std::optional<std::variant<DateValue, DateError>> parse_relative(const std::string& text,
                                                                 const DateValue& reference);

/// A markwhen chain: "[after] [!id] DURATION". `id` is empty for "after the previous date".
struct Chain {
  std::string id;
  Duration duration;
  bool before = false;  ///< "before !x 1 month", "by !x": counts back from the event's start
  std::string part;     ///< "start" or "end" for "!x.start", "!x.end"; empty: the default (end; start when before)
};
std::optional<Chain> parse_chain(const std::string& text);

}  // namespace chronicle::model
