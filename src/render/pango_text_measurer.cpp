#include "render/pango_text_measurer.h"

#include "render/font_session_impl.h"

namespace chronicle::render {
namespace {

std::string font_key(const layout::Font& f) {
  return f.family + "/" + std::to_string(f.size) + (f.bold ? "b" : "") + (f.italic ? "i" : "");
}

}  // namespace

PangoTextMeasurer::~PangoTextMeasurer() {
  for (auto& [key, layout] : layouts_) g_object_unref(layout);
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

double PangoTextMeasurer::single_width(PangoLayout* layout, const std::string& text) {
  pango_layout_set_width(layout, -1);
  pango_layout_set_text(layout, text.data(), int(text.size()));
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  return double(logical.width) / PANGO_SCALE;
}

std::vector<layout::MeasuredLine> PangoTextMeasurer::wrap(const std::string& text, const layout::Font& font,
                                                          double max_width) {
  PangoLayout* layout = layout_for(font);
  std::vector<layout::MeasuredLine> out;
  double whole = single_width(layout, text);
  note_fonts(layout, *fonts_used_);
  if (max_width <= 0 || whole <= max_width) {
    out.push_back({text, whole});
  } else {
    pango_layout_set_width(layout, int(max_width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    std::vector<std::string> pieces;
    for (GSList* l = pango_layout_get_lines_readonly(layout); l; l = l->next) {
      auto* line = static_cast<PangoLayoutLine*>(l->data);
      std::string piece = text.substr(std::size_t(line->start_index), std::size_t(line->length));
      while (!piece.empty() && (piece.back() == ' ' || piece.back() == '\n')) piece.pop_back();
      pieces.push_back(piece);
    }
    pango_layout_set_width(layout, -1);
    for (const auto& p : pieces) out.push_back({p, single_width(layout, p)});
  }
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
