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

/// Which way a date without a year or week points from the reference ("Tuesday", "April
/// 7", "Christmas", "this spring"): the one before it, the one after it, or the nearer.
enum class Direction { Nearest, Past, Future };

/// The direction a sentence points its relative dates: future for "will", "plans",
/// "expected", "scheduled", "next"..., past for "was", "said", "met", "last", "ago" and
/// verbs in the past tense; `cue` is the word that decided ("" for Nearest).
struct DirectionCue {
  Direction direction = Direction::Nearest;
  std::string cue;
};
DirectionCue direction_of(const std::string& sentence);
/// "past", "future", "nearest".
const char* direction_name(Direction d);

/// Resolves a journalists' relative date against `reference` (which must be given to the
/// day). nullopt when `text` is not such a date. The value keeps `text`, and `direction`
/// says which way a date without a year went ("nearest" unless `dir` says otherwise):
///  - against the reference: "Monday", "Friday night", "Tuesday at 3 p.m.", "yesterday",
///    "tonight", "last night", "this weekend", "last week", "earlier this month",
///    "late last year", "early December", "mid-March", "last fall", "this spring",
///    "Aug. 7", "November 11", "Christmas", "New Year's Day", "the '70s", "18:00 UTC",
///    "8:30 a.m. EDT", "noon", "two years ago" (the year, TimeML's convention), "3 weeks
///    ago" (that week), "the first quarter", "the second half of last year";
///  - against the story's last date (the reference): "the day before", "the next day",
///    "a week earlier", "two days later", "the following month", "that day".
std::optional<std::variant<DateValue, DateError>> parse_relative(const std::string& text, const DateValue& reference,
                                                                 Direction dir = Direction::Nearest);

/// A markwhen chain: "[after] [!id] DURATION". `id` is empty for "after the previous date".
struct Chain {
  std::string id;
  Duration duration;
  bool before = false;  ///< "before !x 1 month", "by !x": counts back from the event's start
  std::string part;     ///< "start" or "end" for "!x.start", "!x.end"; empty: the default (end; start when before)
};
std::optional<Chain> parse_chain(const std::string& text);

}  // namespace chronicle::model
