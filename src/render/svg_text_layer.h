#pragma once
// What Cairo's SVG surface cannot say: it draws every glyph as a shape (so the SVG looks
// the same in every viewer, with no font installed) and knows nothing of text, titles or
// ids. chronicle adds, on top of Cairo's drawing:
//  - <title> and <desc> for the document, and role / aria attributes on the root;
//  - a text layer: every line of text as a real <text> over its glyphs, invisible
//    (fill-opacity 0) but selectable and findable, stretched to the glyphs' width;
//  - each event's lines in a <g id="event-ID"> of their own, with a <title> (date and
//    title: a tooltip in browsers) and an aria-label for screen readers.
#include <string>
#include <vector>

#include "layout/scene.h"

namespace chronicle::render {

/// Adds the text layer for page `page` of `scene` to Cairo's SVG `svg`; `scale` is user
/// units per point (4/3 for a px document, else 1).
void add_svg_text_layer(std::string& svg, const layout::Scene& scene, int page, double scale);

/// Turns the delimiters draw_scene() leaves around each group (two specks of known colours)
/// into <g id="..."> ... </g>, the k-th pair for the k-th of `groups`: an event id gives
/// "event-ID-marks" (its span, leader, marker and label: one group a person can move or
/// restyle), "track-N" and "eras" name the page's lanes and eras. A pair that would not nest
/// (Cairo opened a clip group between them) is removed without a group. No delimiter is
/// left in the SVG.
void group_svg_events(std::string& svg, const std::vector<std::string>& groups);

/// Cairo writes SVG coordinates with six decimals; a hundredth of a user unit (of a point:
/// 3.5 micrometres) is more than any viewer or printer resolves. Rounds the numbers of the
/// geometry attributes (d, x, y, width, height, points; transforms and the viewBox are kept: a
/// matrix scaling by 4/3 must stay exact) to two
/// decimals, dropping trailing zeros.
void round_svg_numbers(std::string& svg);

}  // namespace chronicle::render
