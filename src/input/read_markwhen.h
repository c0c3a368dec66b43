#pragma once
// markwhen text (.mw): a header (front matter between "---" lines, or key: value lines
// before the first event: title, description, dateFormat), then event lines
// "DATE_RANGE: title" with description lines under them, "#tags" and "!id" in the text,
// "group NAME"/"endGroup" (tracks) and "section NAME"/"endSection" (eras).
#include <optional>
#include <string>

#include "input/raw_timeline.h"

namespace chronicle::input {

/// True when `text` reads as markwhen (event lines "DATE: text" and no JSON or CSV shape).
bool looks_like_markwhen(const std::string& text);

/// Dates stay text for the model (EDTF, casual, relative "after !id 2 weeks", ranges
/// "2012-2013", "now"), except markwhen's slashed dates, written month first (or day
/// first after "dateFormat: d/M/y"), which become ISO dates here.
std::optional<RawTimeline> read_markwhen(const std::string& file, std::string text, Diagnostics& diags);

}  // namespace chronicle::input
