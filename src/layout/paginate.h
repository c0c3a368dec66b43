#pragma once
// Paged documents: a timeline flows onto pages of the template's size, each page a chunk
// of consecutive events (a window of time) laid out by layout_page on its own: its own
// axis, ticks and breaks, eras clipped to its stretch; the title block on the first page,
// legend and sources on the last, running header and page numbers in the margins.
#include <optional>
#include <vector>

#include "layout/scene.h"
#include "layout/text_measurer.h"
#include "model/timeline.h"
#include "style/style.h"

namespace chronicle::layout {

/// Where each page starts: event indices, the first 0, increasing.
using Cuts = std::vector<std::size_t>;

/// The fewest pages: each takes as many events as fit (at least one), cut preferably at
/// the widest gap in time near the end of what fits. nullopt when more than `max_pages`.
/// `pages`, when given, receives each page's layout (for paged_scene). `quick` (a long
/// document): each page's first probe holds about the label area the last page held, and
/// each next probe's count follows from the height the last one needed (c events needing
/// h pt: about c × page height / h), within what fits and what does not: about four
/// layouts a page instead of six; every page still fits.
std::optional<Cuts> greedy_cuts(const model::Timeline& tl, const style::Style& st, TextMeasurer& m,
                                std::size_t max_pages, std::vector<Scene>* pages = nullptr, bool quick = false);
/// `k` pages holding about as many events each (the cut near each even share moved to the
/// widest gap in time within a fifth of a page), when every page fits; else nullopt.
std::optional<Cuts> balanced_cuts(const model::Timeline& tl, const style::Style& st, TextMeasurer& m, std::size_t k);
/// Cuts moved earlier, from the last page back, so that neighbouring pages hold about as
/// many events as each other where both still fit (a greedy last page of three events
/// after pages of forty); true when any moved.
bool even_out(const model::Timeline& tl, const style::Style& st, TextMeasurer& m, Cuts& cuts);
/// The document of those pages (`laid_out`: their layouts, when already made); `overview`:
/// each page shows where it sits in the whole.
Scene paged_scene(const model::Timeline& tl, const style::Style& st, TextMeasurer& m, const Cuts& cuts, bool overview,
                  std::vector<Scene> laid_out = {});

}  // namespace chronicle::layout
