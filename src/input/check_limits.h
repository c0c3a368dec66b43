#pragma once
// The limits of support/limits.h applied to what any reader produced, so that every format
// holds them (chronicle JSON's reader checks its own as it reads; markwhen, CSV and
// TimelineJS are checked here, after reading).
#include "input/raw_timeline.h"

namespace chronicle::input {

/// Reports every text value longer than limits::max_text_bytes (at its place, naming the
/// field) and a timeline of more than limits::max_events events (at the first one past
/// the limit), and empties such values so later stages never see them. False on any.
bool check_limits(RawTimeline& raw, Diagnostics& diags);

}  // namespace chronicle::input
