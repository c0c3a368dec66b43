#pragma once
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "model/date/parse_date.h"

namespace chronicle::model {

/// Dates as historians and journalists write them: "circa 1850", "c. 1850", "1990s",
/// "early 2020", "mid-1960s", "late 19th century", "Q3 2019", "spring 1968",
/// "19th century", "490 BC", "AD 79", "2024-W46", "14 July 2015", "July 14, 2015",
/// "Nov. 11, 2024", with an optional time "10:30" and "UTC" or an offset.
/// nullopt when the text is none of these; an error when it is one but impossible.
/// The value keeps the text, and `casual` so that labels show it as written.
std::optional<std::variant<DateValue, DateError>> parse_casual(const std::string& text);

/// The day (days since 1970-01-01) of the holiday named by `name` (lower case words, as
/// {"new", "year's", "day"}) in `year`: fixed ones (Christmas, New Year's Day, Independence
/// Day, Halloween, ...) and moving ones (Easter, Thanksgiving, Labor Day, Memorial Day, ...).
/// nullopt when `name` is no holiday chronicle knows.
std::optional<std::int64_t> holiday_day(const std::vector<std::string>& name, std::int64_t year);

/// `d` narrowed to its first, middle or last third ("early", "mid", "late"), approximate.
void narrow_to_third(DateValue& d, const std::string& part);

}  // namespace chronicle::model
