#pragma once
// The layout stage: pure geometry. It reads a model::Timeline and a style::Style and
// returns a Scene; it never touches fonts, files or Cairo (text sizes come through a
// TextMeasurer). The passes, in order, each with what it guarantees:
//
//  1. time_scale       axis segments with breaks over long empty stretches; x is linear
//                      in time inside a segment and monotone along the whole axis.
//  2. ticks            per segment, the finest calendar-true step whose labels fit;
//                      tick labels never overlap and stay inside their segment.
//  3. spans and eras   span bars packed into rows under the axis band, each with its
//                      label inside or beside it; era bands with their titles in rows.
//  4. label_placement  a flag (pole + label) for every point event; no label touches
//                      another label, a pole or a marker, and no pole crosses a label.
//  5. page assembly    header, chart and footer stacked; a poster grows taller rather
//                      than shrinking or dropping anything. Everything is inside the page.
//  6. paginate         (page.flow "pages": briefings, slides) when one page cannot hold
//                      the timeline at the template's sizes, its events flow onto as many
//                      pages as they need, each laid out by passes 1-5 on its own, cut
//                      preferably at gaps in time; title block on the first page, legend
//                      and sources on the last, running header and page numbers in the
//                      margins.
#include "layout/scene.h"
#include "layout/text_measurer.h"
#include "model/timeline.h"
#include "style/style.h"

namespace chronicle::layout {

/// The whole document: one page that grows (page.flow "grow"), or pages (page.flow "pages").
Scene layout_timeline(const model::Timeline& timeline, const style::Style& style, TextMeasurer& measure);
/// One page holding every event of `timeline`, growing when it must (page_layout.cpp):
/// header, the charts (one band, or a swimlane per track, then the detail inset; or the
/// vertical chart), footer, assembled by assemble_page. The footer's legend describes
/// `legend` when given (a page of a longer document: its tracks, eras and markers, whole),
/// else `timeline`.
Scene layout_page(const model::Timeline& timeline, const style::Style& style, TextMeasurer& measure,
                  const model::Timeline* legend = nullptr);

}  // namespace chronicle::layout
