#pragma once
// Pass 1, time scale: splits time into axis segments separated by breaks where long
// empty stretches would crowd clusters of events, and maps each time to an x position.
// Guarantee: within a segment, x grows linearly with time; across the whole axis, x is
// monotone in time.
#include <vector>

#include "model/date/calendar.h"

namespace chronicle::layout {

using model::Seconds;

/// One event's extent in time, as the scale sees it.
struct TimeExtent {
  Seconds anchor = 0;  ///< where its marker sits
  Seconds first = 0;   ///< earliest time it covers
  Seconds last = 0;    ///< latest time it covers
};

struct Segment {
  Seconds from = 0, to = 0;  ///< time domain (to > from)
  double x0 = 0, x1 = 0;     ///< page extent
  int events = 0;
};

struct TimeScale {
  std::vector<Segment> segments;  ///< left to right; a break lies between neighbours
  double x(Seconds t) const;      ///< page x of time t (clamped to the axis)
  int segment_of(Seconds t) const;  ///< index of the segment holding t (nearest when in a break)
};

struct ScaleOptions {
  double x0 = 0, x1 = 1000;   ///< page extent of the whole axis
  double break_gap = 26;      ///< pt between segments
  bool allow_breaks = true;   ///< "auto"; false for "linear"
  double crowded = 14;        ///< pt: neighbouring distinct anchors closer than this are crowded
  int max_breaks = 3;
};

/// Chooses segments for `events` (sorted by anchor) and lays them over [x0, x1].
TimeScale make_time_scale(const std::vector<TimeExtent>& events, const ScaleOptions& opt);

}  // namespace chronicle::layout
