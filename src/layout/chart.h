#pragma once
// One chart: some events on one time axis, laid out in chart coordinates (frame.h). Every
// chart is a call of layout_chart on a plain request: the timeline's band, each swimlane
// (all sharing one scale), the detail inset (a window of time), a page of a paged
// document (a chunk of events), in either orientation. Its passes, in order, each taking
// and returning plain data:
//
//  1. measure_labels  the label block of every point event: date line, wrapped title.
//  2. chart_scale     the request's shared scale, or a new one over [u0, u1].
//  3. axis_band       the band, its ticks and tick labels, break marks (none in a lane).
//  4. span_rows       span bars (with their labels in rows beyond the band, horizontal;
//                     in narrow lanes beside it, vertical).
//  5. flags / column  markers, leaders and labels of point events: flags above and below
//                     the band (horizontal), a column beside it (vertical).
#include <optional>
#include <string>
#include <vector>

#include "layout/frame.h"
#include "layout/layout_constants.h"
#include "layout/page_blocks.h"
#include "layout/text_measurer.h"
#include "layout/time_scale.h"
#include "model/timeline.h"
#include "style/style.h"

namespace chronicle::layout {

struct ChartRequest {
  const model::Timeline* timeline = nullptr;  ///< for the source numbers of date lines
  std::vector<const model::Event*> events;    ///< in time order
  const style::Style* style = nullptr;
  const std::vector<std::string>* track_colors = nullptr;
  Frame frame;
  double x_min = 0, x_max = 0;  ///< page x: the chart's left and right edges
  double length = 0;            ///< vertical: the axis length the page offers (it may stretch)
  const TimeScale* scale = nullptr;  ///< a shared scale (swimlanes); else the chart makes one
  std::optional<Window> window;      ///< an inset: only this stretch of time, on a linear axis
  std::optional<Window> clip;        ///< a page of a paged document: extents clipped to its window
  /// The stretch the detail inset labels (a fit freedom): its point events get a marker
  /// here, their labels there.
  std::optional<Window> detailed;
  bool band = true;             ///< false: a swimlane (no band: flags on both sides of its line)
  double era_column = 0;        ///< vertical: the width of the era titles' column at the left
  double list_height = 0;       ///< a list taller than this spreads over columns (0: no limit)
  std::size_t list_min = k::list_min;  ///< labels in one stretch of axis that become a list
  /// How many label widths of axis one list gathers (1: one; more: fewer, wider lists that
  /// spread over more columns: flatter where clusters crowd one another).
  double list_stretch = 1;
  /// Neighbouring lists share their labels evenly (each keeps its stretch of axis; its
  /// bracket shows what it covers): no list twice as tall as the one beside it.
  bool balance_lists = false;
  /// The arrangement that never crosses: the axis ends a label's width before the right
  /// edge (every label stands right of its pole) and lists stay in one column.
  bool staircase = false;
};

struct Chart {
  TimeScale scale;
  std::vector<Item> items;      ///< chart coordinates (page x; y from the band's top edge, or from
                                ///< the axis' start when vertical), in drawing order
  double top = 0, bottom = 0;   ///< the y extent of everything drawn
  double band = 0;              ///< the axis band's thickness
  double band_at = 0;           ///< v of the band's near edge (page x of its left side, vertical)
  int crossings = 0;            ///< labels whose pole had to cross another label
};

/// The colour of an event: its track's, or (the last of `track_colors`) that of events on no track.
std::string event_color(const model::Event& e, const std::vector<std::string>& track_colors);

/// The scale a horizontal chart of `events` over [x_min, x_max] uses: the axis ends a
/// label's width before the right edge, so every label can stand right of its pole.
TimeScale chart_scale(const ChartRequest& r, double widest_label);
/// The widest label block among `r`'s point events.
double widest_label(const ChartRequest& r, TextMeasurer& m);

Chart layout_chart(const ChartRequest& r, TextMeasurer& m);

/// The axis band of `scale` (from v0, thickness `band` across), its ticks, tick labels and break
/// marks, in chart coordinates; tick labels that do not fit across the band beside markers
/// of radius `marker_r` are left out.
std::vector<Item> axis_band(const TimeScale& scale, const Frame& frame, double band, double marker_r,
                            const style::Style& st, TextMeasurer& m, double v0 = 0);

}  // namespace chronicle::layout
