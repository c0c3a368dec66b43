#pragma once
// Seeded random timelines for property tests: clusters and gaps, spans, tracks, eras,
// titles of varied length (some in Persian), precisions from years to minutes.
#include <cstdint>

#include "model/timeline.h"

namespace chronicle::testing {

model::Timeline random_timeline(std::uint32_t seed, int events);

}  // namespace chronicle::testing
