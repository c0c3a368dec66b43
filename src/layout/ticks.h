#pragma once
// Pass 2, ticks: for each axis segment, the finest calendar-true granularity (seconds to
// millions of years) whose labels fit without colliding, and those labels.
#include <string>
#include <vector>

#include "layout/scene.h"
#include "layout/text_measurer.h"
#include "layout/time_scale.h"

namespace chronicle::layout {

enum class TickUnit { Second, Minute, Hour, Day, Week, Month, Year };

struct TickStep {
  TickUnit unit;
  std::int64_t count;
};

struct TickMark {
  Seconds t = 0;
  double x = 0;
};

struct TickLabel {
  std::string text;
  double x = 0;      ///< centre of the label
  double width = 0;
};

struct SegmentTicks {
  TickStep step{TickUnit::Year, 1};
  std::vector<TickMark> marks;
  std::vector<TickLabel> labels;
};

/// Boundaries of `step` in [from, to], calendar-true (months, ISO weeks from Monday,
/// BCE-friendly year multiples).
std::vector<Seconds> tick_times(const TickStep& step, Seconds from, Seconds to);

/// The ticks of one segment; labels never overlap one another and stay inside it.
SegmentTicks make_ticks(const Segment& seg, const TimeScale& scale, TextMeasurer& measure, const Font& font);

}  // namespace chronicle::layout
