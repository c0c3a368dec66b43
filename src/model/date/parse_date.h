#pragma once
#include <string>
#include <variant>

#include "model/date/date_value.h"

namespace chronicle::model {

/// Largest absolute year accepted (nine digits).
constexpr std::int64_t max_abs_year = 999'999'999;

/// Why a date string was rejected, for a person: "month 13 is not between 01 and 12".
struct DateError {
  std::string message;
};

/// Parses an ISO 8601 date of any precision: "2015", "2015-07", "2015-07-14",
/// "2015-07-14T10", "2015-07-14T10:30", "2015-07-14T10:30:00Z", "...+03:30"; negative
/// (astronomical) years "-0490" (491 BC); "~" prefix for approximate; "present".
std::variant<DateValue, DateError> parse_date(const std::string& text);

}  // namespace chronicle::model
