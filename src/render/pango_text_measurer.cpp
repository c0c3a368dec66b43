#include "render/pango_text_measurer.h"

#include <cmath>

#include "render/font_session_impl.h"

namespace chronicle::render {
namespace {

std::string font_key(const layout::Font& f) {  // integers: std::to_string(double) goes through printf
  return f.family + "/" + std::to_string(std::llround(f.size * 1000)) + (f.bold ? "b" : "") + (f.italic ? "i" : "");
}

}  // namespace

PangoTextMeasurer::~PangoTextMeasurer() {
  for (auto& [key, layout] : layouts_) g_object_unref(layout);
  for (PangoLayout* layout : kept_) g_object_unref(layout);
}

PangoLayoutLine* PangoTextMeasurer::shaped_line(const layout::Font& font, const std::string& text) const {
  std::string key = font_key(font);
  key += '\x1f';
  key += text;
  auto it = shaped_.find(key);
  if (it == shaped_.end()) return nullptr;
  return pango_layout_get_line_readonly(it->second.first, it->second.second);
}

PangoLayout* PangoTextMeasurer::layout_for(const layout::Font& font) {
  const std::string key = font_key(font);
  auto it = layouts_.find(key);
  if (it != layouts_.end()) return it->second;
  PangoLayout* layout = pango_layout_new(context_);
  PangoFontDescription* desc = describe(font);
  pango_layout_set_font_description(layout, desc);
  pango_font_description_free(desc);
  layouts_[key] = layout;
  return layout;
}

std::vector<layout::MeasuredLine> PangoTextMeasurer::wrap(const std::string& text, const layout::Font& font,
                                                          double max_width) {
  // Measured before (a date line many events share, a label a lane measures again)?
  std::string key = font_key(font);
  key += '\x1f';
  key += std::to_string(std::llround(max_width * 1000));
  key += '\x1f';
  key += text;
  if (auto it = measured_.find(key); it != measured_.end()) return it->second;
  auto lines = wrap_uncached(text, font, max_width);
  measured_.emplace(std::move(key), lines);
  return lines;
}

std::vector<layout::MeasuredLine> PangoTextMeasurer::wrap_uncached(const std::string& text, const layout::Font& font,
                                                                   double max_width) {
  // One shaping per call: the text is laid out at the wrap width once, and each line's
  // width is read from that layout (of the line without its trailing spaces, in visual
  // ranges, so that right-to-left runs count right).
  // A layout of its own while lines are kept for drawing, else the font's reusable one.
  const bool keep = kept_.size() < max_kept;
  PangoLayout* layout = keep ? pango_layout_copy(layout_for(font)) : layout_for(font);
  pango_layout_set_width(layout, max_width > 0 ? int(max_width * PANGO_SCALE) : -1);
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text(layout, text.data(), int(text.size()));
  note_fonts(layout, *fonts_used_, *seen_fonts_);
  std::vector<layout::MeasuredLine> out;
  for (GSList* l = pango_layout_get_lines_readonly(layout); l; l = l->next) {
    auto* line = static_cast<PangoLayoutLine*>(l->data);
    std::size_t start = std::size_t(line->start_index), length = std::size_t(line->length);
    while (length > 0 && (text[start + length - 1] == ' ' || text[start + length - 1] == '\n')) --length;
    std::string piece = text.substr(start, length);
    double width = 0;
    if (length > 0) {
      int* ranges = nullptr;
      int n = 0;
      pango_layout_line_get_x_ranges(line, int(start), int(start + length), &ranges, &n);
      for (int k = 0; k < n; ++k) width += double(ranges[2 * k + 1] - ranges[2 * k]) / PANGO_SCALE;
      g_free(ranges);
    }
    if (out.empty() && l->next == nullptr && length == text.size()) {  // one line, nothing trimmed: its logical width
      PangoRectangle logical;
      pango_layout_line_get_extents(line, nullptr, &logical);
      width = double(logical.width) / PANGO_SCALE;
    }
    if (keep) {
      std::string key = font_key(font);
      key += '\x1f';
      key += piece;
      shaped_.emplace(std::move(key), std::make_pair(layout, int(out.size())));
    }
    out.push_back({piece, width});
  }
  if (out.empty()) out.push_back({"", 0});
  if (keep) kept_.push_back(layout);
  else pango_layout_set_width(layout, -1);
  return out;
}

double PangoTextMeasurer::line_height(const layout::Font& font) {
  const std::string key = font_key(font);
  auto it = line_heights_.find(key);
  if (it != line_heights_.end()) return it->second;
  PangoFontDescription* desc = describe(font);
  PangoFontMetrics* m = pango_context_get_metrics(context_, desc, pango_language_from_string("en"));
  double h = double(pango_font_metrics_get_ascent(m) + pango_font_metrics_get_descent(m)) / PANGO_SCALE;
  pango_font_metrics_unref(m);
  pango_font_description_free(desc);
  line_heights_[key] = h;
  return h;
}

}  // namespace chronicle::render
