#pragma once
#include <vector>

#include "input/raw_timeline.h"
#include "model/timeline.h"
#include "support/diagnostics.h"

namespace chronicle::model {

/// Builds one Timeline from raw input: parses dates, checks ids, references and
/// intervals, creates tracks named by events, numbers cited sources, sorts events.
/// Every problem goes to `diags`; the result is meaningful only without errors.
Timeline normalize(const std::vector<input::RawTimeline>& raws, Diagnostics& diags);

}  // namespace chronicle::model
