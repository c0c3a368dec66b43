#pragma once
// Text blocks of the page around the chart: title, subtitle, legend, sources list.
#include <string>
#include <vector>

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

/// Items of the footer (legend of tracks, numbered sources) laid out from y = 0 over
/// `width`; returns their height.
double footer_items(const model::Timeline& tl, const style::Style& st, const std::vector<std::string>& track_colors,
                    double x0, double width, TextMeasurer& measure, std::vector<Item>& out);

}  // namespace chronicle::layout
