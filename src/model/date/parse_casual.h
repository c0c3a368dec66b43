#pragma once
#include <optional>
#include <string>
#include <variant>

#include "model/date/parse_date.h"

namespace chronicle::model {

/// Dates as historians and journalists write them: "circa 1850", "c. 1850", "1990s",
/// "early 2020", "mid-1960s", "late 19th century", "Q3 2019", "spring 1968",
/// "19th century", "490 BC", "AD 79", "2024-W46", "14 July 2015", "July 14, 2015",
/// "Nov. 11, 2024", with an optional time "10:30" and "UTC" or an offset.
/// nullopt when the text is none of these; an error when it is one but impossible.
/// The value keeps the text, and `casual` so that labels show it as written.
std::optional<std::variant<DateValue, DateError>> parse_casual(const std::string& text);

}  // namespace chronicle::model
