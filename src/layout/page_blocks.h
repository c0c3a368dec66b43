#pragma once
// Text blocks of the page around the chart: title, subtitle, legend, sources list.
#include <cmath>
#include <string>
#include <vector>

#include "layout/layout_constants.h"
#include "layout/scene.h"
#include "layout/text_measurer.h"
#include "model/timeline.h"
#include "style/style.h"

namespace chronicle::layout {

/// Lines of wrapped text stacked from (0, 0); width is the widest line.
struct TextBlock {
  std::vector<TextLine> lines;
  double width = 0, height = 0;
};

TextBlock text_block(const std::string& text, const Font& font, const std::string& color, double max_width,
                     TextMeasurer& measure);
/// The box around `lines`.
Box bounds_of(const std::vector<TextLine>& lines);
/// Moves every line of `block` by (dx, dy).
void translate(TextBlock& block, double dx, double dy);
Font font_of(const style::Style& st, double size, bool bold = false, bool italic = false);

/// Track colours: each track's own, else the template's palette in order; then, last, the
/// colour of events on no track (the template's text colour, softened).
std::vector<std::string> track_colors(const model::Timeline& tl, const style::Style& st);
/// `color` at `alpha` (0..1) over `background`, as one opaque "#rrggbb": large tinted areas
/// stay plain fills (no transparency groups in the PDF).
std::string blend(const std::string& color, const std::string& background, double alpha);
/// "#rrggbb" + "aa" alpha (also expands "#rgb").
std::string with_alpha(const std::string& color, const char* alpha);
/// The date line of a label: "14 Jul 2015  [1,2]".
std::string date_line(const model::Timeline& tl, const model::Event& e);
/// A rough measure of the area `e`'s label needs at `st`'s sizes (a character 0.5 em wide,
/// lines 1.2 em), without measuring: enough to tell a timeline that cannot fit a page, or
/// how many events make a page's worth.
double rough_label_area(const model::Event& e, const style::Style& st);
/// An event's label: the date line (in `color`, with source numbers), then the title
/// wrapped at `title_width`. label_requests() names the same texts.
TextBlock event_label_block(const model::Timeline& tl, const style::Style& st, const model::Event& e,
                            const std::string& color, double title_width, TextMeasurer& measure);
/// The one-line label inside a span's bar: "Title  ·  14 Jul 2015  [1]".
std::string span_line(const model::Timeline& tl, const model::Event& e);
/// What a layout of `events` (of `tl`) will measure for their labels (date lines, titles wrapped at
/// `title_width`, and with `span_lines` the one-line labels inside span bars), for
/// TextMeasurer::measure_ahead.
std::vector<TextRequest> label_requests(const model::Timeline& tl, const std::vector<const model::Event*>& events,
                                        const style::Style& st, double title_width, bool span_lines);
/// The height of a page whose content needs `needed` pt: the template's height, or more
/// (whole points) when the content needs it; within a point of the template's height
/// counts as fitting, so rounding never makes a page grow.
inline double page_height_for(double needed, double template_height) {
  return needed <= template_height + k::fit_tolerance ? template_height : std::ceil(needed);
}
/// Moves an item down by dy.
void shift(Item& it, double dy);
/// Appends `items` to `to`, each moved down by dy.
void append_shifted(std::vector<Item>& to, const std::vector<Item>& items, double dy);
/// The same, moving the items (the caller's vector is left empty).
void append_shifted(std::vector<Item>& to, std::vector<Item>&& items, double dy);
/// Moves an item right by dx.
void shift_x(Item& it, double dx);
/// The radius of an event's marker: the template's, half as large again for a milestone.
double marker_radius(const model::Event& e, const style::Style& st);
/// The largest marker radius among `tl`'s events.
double largest_marker_radius(const model::Timeline& tl, const style::Style& st);
/// The font of an event's title: the template's label font, bold for a milestone.
Font title_font(const style::Style& st, const model::Event& e);
/// An event's marker centred on `at`: a circle (or the template's square), a diamond for
/// an approximate date, hollow when the sources disagree, larger and ringed for a milestone.
Item marker_item(const model::Event& e, Point at, const style::Style& st, const std::string& color, int segment);
/// The stroke of an event's own leader line: its track colour, translucent; solid and
/// heavier for a milestone.
void style_event_leader(Item& leader, const model::Event& e, const std::string& color);
/// Moves milestones' markers after the others (drawn later: on top of a neighbour's).
void milestones_on_top(std::vector<Item>& markers);
/// Title and subtitle from y = margin; returns the y where the chart may start, `gap` under them.
double header_items(const model::Timeline& tl, const style::Style& st, TextMeasurer& measure, std::vector<Item>& out,
                    double gap = k::header_gap);

/// Document facts and the outline (a bookmark per track, then per event, opening at the
/// event's label), from the finished items.
void finish_scene(const model::Timeline& tl, Scene& scene);

/// Items of the footer (legend of tracks, numbered sources) laid out from y = 0 over
/// `width`; returns their height.
double footer_items(const model::Timeline& tl, const style::Style& st, const std::vector<std::string>& track_colors,
                    double x0, double width, TextMeasurer& measure, std::vector<Item>& out);

}  // namespace chronicle::layout
