#pragma once
// What every importer's fuzz target does after reading: normalize and lay out.
#include <optional>

#include "input/raw_timeline.h"
#include "layout/layout.h"
#include "model/normalize.h"

namespace chronicle::fuzzing {

inline void normalize_and_lay_out(const std::optional<input::RawTimeline>& raw, Diagnostics& diags) {
  if (!raw || diags.has_errors()) return;
  // The file twice, as two inputs: every event meets its twin in the merge.
  model::NormalizeOptions options;
  options.reference_date = "2024-11-15";
  model::Timeline tl = model::normalize({*raw, *raw}, diags, options);
  if (diags.has_errors() || tl.events.empty()) return;
  layout::FixedWidthMeasurer m;
  style::Style st;
  layout::layout_timeline(tl, st, m);
}

}  // namespace chronicle::fuzzing
