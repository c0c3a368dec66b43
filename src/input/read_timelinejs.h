#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "input/raw_timeline.h"
#include "support/diagnostics.h"

namespace chronicle::input {

/// True when a parsed JSON document looks like TimelineJS3 (events with "start_date"
/// objects, or a title with "text").
bool looks_like_timelinejs(const nlohmann::json& root);

/// Reads TimelineJS3 JSON: title.text.headline/text, events[].start_date/end_date
/// ({year, month, day, hour, minute, second, display_date}), text.headline/text (HTML
/// tags dropped), group (a track), eras; media is not drawn (a warning says so once).
std::optional<RawTimeline> read_timelinejs(const std::string& file, std::string text, Diagnostics& diags);

}  // namespace chronicle::input
