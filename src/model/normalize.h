#pragma once
#include <vector>

#include "input/raw_timeline.h"
#include "model/timeline.h"
#include "support/diagnostics.h"

namespace chronicle::model {

struct NormalizeOptions {
  /// The day relative dates ("Monday", "last October") are resolved against when their
  /// event cites no source with a 'published' date. Empty: such dates are errors.
  std::string reference_date;
  /// Merge events of different files that describe the same happening.
  bool merge = true;
};

/// Builds one Timeline from raw input: parses dates, checks ids, references and
/// intervals, creates tracks named by events, numbers cited sources, sorts events.
/// Every problem goes to `diags`; the result is meaningful only without errors.
/// Events of different files merge when they share an id, or when their dates are
/// compatible and their titles similar; conflicting claims make an event disputed.
Timeline normalize(const std::vector<input::RawTimeline>& raws, Diagnostics& diags,
                   const NormalizeOptions& options = {});

}  // namespace chronicle::model
