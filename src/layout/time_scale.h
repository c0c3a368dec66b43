#pragma once
// Pass 1, time scale: splits time into axis segments, each with its own rate, separated by
// breaks, and maps each time to an x position. Width goes by demand: a segment's share of
// the axis follows how many events it holds (a little, how long it lasts), and a cut is
// made where it spreads crowded anchors (a long empty stretch, or a change of pace between
// a sparse stretch and a busy one). Guarantee: within a segment, x grows linearly with
// time; across the whole axis, x is monotone in time. A sequential scale instead spaces
// events evenly in time order (one segment; x interpolates between their anchors).
#include <vector>

#include "model/date/calendar.h"

namespace chronicle::layout {

using model::Seconds;

/// A stretch of time a chart is limited to: [from, to].
struct Window {
  Seconds from = 0, to = 0;
};

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
  /// A sequential scale: the distinct anchors in time order and their evenly spaced x.
  std::vector<std::pair<Seconds, double>> knots;
  double x(Seconds t) const;      ///< page x of time t (clamped to the axis)
  int segment_of(Seconds t) const;  ///< index of the segment holding t (nearest when in a break)
  bool sequential() const { return !knots.empty(); }
};

struct ScaleOptions {
  double x0 = 0, x1 = 1000;   ///< page extent of the whole axis
  double break_gap = 26;      ///< pt between segments
  bool allow_breaks = true;   ///< "auto"; false for "linear"
  bool sequential = false;    ///< events evenly spaced in time order
  double reach = 150;         ///< pt: anchors closer than this crowd each other's labels
  int max_breaks = 3;
};

/// Chooses segments for `events` (sorted by anchor) and lays them over [x0, x1].
TimeScale make_time_scale(const std::vector<TimeExtent>& events, const ScaleOptions& opt);

}  // namespace chronicle::layout
