#pragma once
#include <string>

#include "model/date/date_value.h"

namespace chronicle::model {

/// "2015", "Jul 2015", "14 Jul 2015", "14 Jul 2015 10:30", "491 BC", "c. 1850".
std::string format_date_label(const DateValue& d);
/// "2017 – 2021", "14 Jul 2015 – present".
std::string format_span_label(const DateValue& start, const DateValue& end);
/// A year for people: 2015 -> "2015", 0 -> "1 BC", -490 -> "491 BC".
std::string format_year(std::int64_t astronomical_year);
/// ISO 8601 in UTC: "2015-07-14T10:30:00Z"; astronomical years, "-0490-01-01T00:00:00Z".
std::string format_iso(Seconds t);
/// "Jan".."Dec".
const char* month_abbreviation(unsigned month);

}  // namespace chronicle::model
