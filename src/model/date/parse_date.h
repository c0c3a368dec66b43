#pragma once
#include <optional>
#include <string>
#include <variant>

#include "model/date/date_value.h"

namespace chronicle::model {

/// Largest absolute year accepted (eleven digits: seven times the age of the universe, for
/// cosmology timelines; int64 seconds hold about 292 billion years).
constexpr std::int64_t max_abs_year = 99'999'999'999;
constexpr std::size_t max_year_digits = 11;

/// Why a date string was rejected, for a person: "month 13 is not between 01 and 12".
struct DateError {
  std::string message;
};

/// Parses an ISO 8601 date of any precision: "2015", "2015-07", "2015-07-14",
/// "2015-07-14T10", "2015-07-14T10:30", "2015-07-14T10:30:00Z", "...+03:30"; negative
/// (astronomical) years "-0490" (491 BC); "~" prefix for approximate; "present".
std::variant<DateValue, DateError> parse_date(const std::string& text);

/// An EDTF interval in one string: "1964/2008", "2004-06/2006-08", open ends
/// "2004-06/.." and "../1985", unknown ends "1985/" and "/1985".
struct DateInterval {
  DateValue start, end;
};

/// nullopt when `text` is not of the form A/B; an error when it is but A or B is not a date.
/// An open or unknown end has `open` set (resolved later to the timeline's first or last date).
std::optional<std::variant<DateInterval, DateError>> parse_interval(const std::string& text);

}  // namespace chronicle::model
