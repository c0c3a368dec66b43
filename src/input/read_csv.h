#pragma once
// Spreadsheets: the TimelineJS template's columns, and plain CSV with a column mapping.
#include <map>
#include <optional>
#include <string>

#include "input/raw_timeline.h"

namespace chronicle::input {

/// True when the CSV header has TimelineJS's columns (Year and Headline).
bool looks_like_timelinejs_csv(const std::string& text);

/// A TimelineJS spreadsheet saved as CSV: Year, Month, Day, Time, End Year, End Month,
/// End Day, End Time, Display Date, Headline, Text, Media, Media Credit, Media Caption,
/// Media Thumbnail, Type ("title", "era" or an event), Group, Background.
std::optional<RawTimeline> read_timelinejs_csv(const std::string& file, std::string text, Diagnostics& diags);

/// The fields a plain CSV row can fill, and the column each is read from by default.
const std::vector<std::string>& csv_fields();

/// A plain CSV with a header. `columns` maps fields to column names (--columns
/// date=When,title=What); unmapped fields are read from the column of the same name.
/// One row is one event; `source`/`source_url`/`published` cells name its source.
std::optional<RawTimeline> read_csv(const std::string& file, std::string text,
                                    const std::map<std::string, std::string>& columns, Diagnostics& diags);

}  // namespace chronicle::input
