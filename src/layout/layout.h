#pragma once
// The layout stage: pure geometry. It reads a model::Timeline and a style::Style and
// returns a Scene; it never touches fonts, files or Cairo (text sizes come through a
// TextMeasurer). Three levels, each a function over plain data:
//
//  document  layout_timeline (layout.cpp): the one place the layout's freedoms are
//            searched for a layout that fits the template's page, least harmful first:
//            the template's type with titles wrapping at its width, then wider; then the
//            type stepped down by 5 % to font.min_scale (one scale for the whole document);
//            a paged document also tries a sequential axis. The first that fits (fits() in
//            page_layout.h, the one rule) wins. A poster that fits at no scale grows, with a
//            warning, up to 14,400 pt; beyond, it flows onto pages. A paged document takes
//            the fewest pages any option gives, at the largest type that needs no more,
//            balanced (about as many events a page) when every page of an even split fits.
//  page      layout_page (page_layout.cpp): header, body blocks (one band, or a swimlane
//            per track, then the detail inset; or the vertical chart), footer, put together
//            by assemble_page.
//  chart     layout_chart (chart.h): measure labels, time scale, axis band, span rows,
//            flags or a column of labels, on one axis, in either orientation (frame.h).
//
// The leaf passes: time_scale (segments, breaks, widths by demand), ticks (calendar-true
// steps whose labels fit), label_placement (flags that touch no label, pole or marker),
// collision_index, invariants (what every Scene must satisfy).
#include <optional>

#include "layout/layout_constants.h"
#include "layout/scene.h"
#include "layout/text_measurer.h"
#include "layout/time_scale.h"
#include "model/timeline.h"
#include "style/style.h"
#include "support/diagnostics.h"

namespace chronicle::layout {

/// The whole document, fitted to the template's page: one poster page (page.flow "grow"),
/// or pages (page.flow "pages"). Warnings (a page that grew, a poster that flowed onto
/// pages, a layout key the orientation ignores) go to `diags` when given.
Scene layout_timeline(const model::Timeline& timeline, const style::Style& style, TextMeasurer& measure,
                      Diagnostics* diags = nullptr);
/// What a page is laid out with beyond the timeline and style.
struct PageOptions {
  const model::Timeline* legend = nullptr;  ///< the legend describes this (a whole document), else the page's timeline
  std::optional<Window> clip;               ///< a page of a paged document: its stretch of time
  double list_share = k::list_share;        ///< of the chart's room: a taller list spreads over columns
  std::size_t list_min = k::list_min;       ///< labels in one stretch of axis that become a list
  double list_stretch = 1;                  ///< label widths of axis one list gathers (see ChartRequest)
  bool staircase = false;                   ///< the arrangement that never crosses (see ChartRequest)
  bool balance_lists = false;               ///< neighbouring lists share labels evenly (see ChartRequest)
  bool compact = false;                     ///< half the padding of lanes and the gap above the footer
  /// A fit freedom (layout.inset "auto", horizontal, one page): the crowdest cluster of
  /// events gets the detail inset, which takes its labels off the main chart.
  bool detail_cluster = false;
  std::optional<Window> detailed;           ///< (set by layout_page: the stretch the inset labels)
};

/// One page holding every event of `timeline`, growing when it must (page_layout.cpp):
/// header, the charts (one band, or a swimlane per track, then the detail inset; or the
/// vertical chart), footer, assembled by assemble_page.
Scene layout_page(const model::Timeline& timeline, const style::Style& style, TextMeasurer& measure,
                  const PageOptions& options = {});

}  // namespace chronicle::layout
