#pragma once
// A page is assembled once, from a header block, body blocks (the charts) and a footer
// block; every orientation and kind of page goes through assemble_page.
#include <optional>
#include <vector>

#include "layout/scene.h"
#include "model/timeline.h"
#include "style/style.h"

namespace chronicle::layout {

/// Items laid out from y = 0 down to `height`.
struct Block {
  std::vector<Item> items;
  double height = 0;
  int crossings = 0;  ///< leaders in it that had to cross a label
};

struct PageFrame {
  double width = 0, height = 0, margin = 0;  ///< the template's page
  double footer_gap = 22;                    ///< between the body and the footer
};

struct AssembledPage {
  std::vector<Item> items;  ///< body, header, footer: in drawing order
  double height = 0;        ///< the page's height: the template's, or more when the content needs it
  double needed = 0;        ///< what the content needs
};

/// The header's items are in page coordinates (its height: where the body may start); the
/// body blocks follow one under another, in the middle of the room left (`centre_body`) or
/// at its top; the footer stands at the foot of the page, at least footer_gap under the body.
AssembledPage assemble_page(const PageFrame& page, Block header, std::vector<Block> body, Block footer,
                            bool centre_body);

/// The crowdest cluster of `tl` (the most events within k::detail_cluster_share of its
/// span, at least k::detail_cluster_min, outliers off its ends), padded: the window a detail
/// inset takes the labels of when the fit needs one; nullopt when there is none.
std::optional<model::Inset> crowded_cluster(const model::Timeline& tl);

/// The one rule of fitting: a page fits when it kept the template's size (within
/// k::fit_tolerance, so rounding never makes a page grow).
bool fits(const Scene& page, const style::Style& st);

}  // namespace chronicle::layout
