#include "render/draw_items.h"

#include <functional>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>

#include <hb.h>
#include <pango/pangocairo.h>

#include "render/font_session_impl.h"

namespace chronicle::render {
namespace {

using layout::Item;
using layout::ItemKind;

/// cairo_save/cairo_restore as a scope.
struct SaveRestore {
  cairo_t* cr;
  explicit SaveRestore(cairo_t* c) : cr(c) { cairo_save(cr); }
  ~SaveRestore() { cairo_restore(cr); }
};

double hex(const std::string& s, std::size_t at, std::size_t n) {
  return double(std::stoul(s.substr(at, n), nullptr, 16)) / (n == 1 ? 15.0 : 255.0);
}

/// A link's URI as Cairo may write it into a PDF string: Cairo 1.16 copies it between
/// parentheses unescaped, so an unbalanced ')' would end the string and let the rest become
/// PDF syntax (/S /JavaScript ...). Every byte outside the URL characters that are safe
/// there is percent-encoded ('(' ')' '\\' '\'' spaces, controls, non-ASCII), which leaves
/// the URL's meaning as it was; the result needs no quoting in Cairo's attribute string.
std::string safe_uri(const std::string& url) {
  static const std::string safe = "-._~:/?#[]@!$&*+,;=%";
  std::string out;
  for (unsigned char c : url) {
    if (std::isalnum(c) || safe.find(char(c)) != std::string::npos) {
      out += char(c);
    } else {
      static const char* digits = "0123456789ABCDEF";
      out += '%';
      out += digits[c >> 4];
      out += digits[c & 15];
    }
  }
  return out;
}

/// The font's ascent (pt), from the measuring context (in pt whatever the drawing's scale:
/// a PNG at 24 dpi would otherwise get the ascent of a 3x smaller font); once a document.
double font_ascent(DrawContext& dc, const std::string& key, const layout::Font& font) {
  std::map<std::string, double> local;
  auto& ascents = dc.ascents ? *dc.ascents : local;
  auto it = ascents.find(key);
  if (it != ascents.end()) return it->second;
  PangoFontDescription* desc = describe(font);
  PangoFontMetrics* metrics = pango_context_get_metrics(dc.measuring, desc, pango_language_from_string("en"));
  const double ascent = double(pango_font_metrics_get_ascent(metrics)) / PANGO_SCALE;
  pango_font_metrics_unref(metrics);
  pango_font_description_free(desc);
  return ascents.emplace(key, ascent).first->second;
}

/// A layout in `font` on the drawing's context, reused for every line of that font.
PangoLayout* font_layout(DrawContext& dc, const std::string& key, const layout::Font& font) {
  auto it = dc.fonts.find(key);
  if (it != dc.fonts.end()) return it->second;
  PangoLayout* layout = pango_layout_new(dc.pango);
  PangoFontDescription* desc = describe(font);
  pango_layout_set_font_description(layout, desc);
  pango_font_description_free(desc);
  return dc.fonts.emplace(key, layout).first->second;
}

namespace {

/// Link annotations over parts of a line already drawn: `x_of(byte)` gives a byte's x
/// offset within the line. A PDF only (other surfaces ignore tags).
void link_parts(DrawContext& dc, const layout::TextLine& line, const std::function<double(std::size_t)>& x_of) {
  for (const auto& k : line.links) {
    const double x0 = line.x + x_of(k.from), x1 = line.x + x_of(k.to);
    char rect[160];
    std::snprintf(rect, sizeof rect, " rect=[%.2f %.2f %.2f %.2f]", std::min(x0, x1) - 1, line.y, std::abs(x1 - x0) + 2,
                  line.height);
    const std::string attrs = "dest='" + safe_uri(k.dest) + "'" + rect;
    cairo_tag_begin(dc.cr, CAIRO_TAG_LINK, attrs.c_str());
    cairo_tag_end(dc.cr, CAIRO_TAG_LINK);
  }
}

}  // namespace

/// Whether `line` sets a right-to-left run before a left-to-right one (visually).
bool rtl_before_ltr(PangoLayoutLine* line) {
  for (GSList* r = line->runs; r && r->next; r = r->next) {
    const auto* run = static_cast<PangoGlyphItem*>(r->data);
    const auto* next = static_cast<PangoGlyphItem*>(r->next->data);
    if ((run->item->analysis.level & 1) && !(next->item->analysis.level & 1)) return true;
  }
  return false;
}

/// A left-to-right mark (U+200E) where a right-to-left run ends and a left-to-right one
/// begins, drawn as an invisible glyph (the run's font's space) whose text is the mark. A
/// PDF's text extraction reads glyphs left to right and turns every run of right-to-left
/// and neutral characters around up to the next left-to-right one (poppler's pdftotext):
/// without the mark, "Araghchi (عباس عراقچی) meets" reads "Araghchi ( )عباس عراقچی meets".
void ltr_mark(cairo_t* cr, PangoFont* font, double x, double baseline) {
  hb_codepoint_t glyph = 0;
  if (!font || !PANGO_IS_CAIRO_FONT(font) || !hb_font_get_nominal_glyph(pango_font_get_hb_font(font), ' ', &glyph)) return;
  cairo_scaled_font_t* scaled = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));
  if (!scaled) return;
  SaveRestore guard(cr);
  cairo_set_scaled_font(cr, scaled);
  const cairo_glyph_t g{glyph, x, baseline};
  const cairo_text_cluster_t cluster{3, 1};
  cairo_show_text_glyphs(cr, "\u200e", 3, &g, 1, &cluster, 1, cairo_text_cluster_flags_t(0));
}

/// A line shaped when it was measured, its baseline at (x, baseline). On a PDF page, a line
/// with a right-to-left run before a left-to-right one is drawn run by run, with a mark
/// between them (ltr_mark); the glyphs are the same.
void draw_shaped_line(DrawContext& dc, PangoLayoutLine* shaped, double x, double baseline) {
  if (!dc.pdf || !rtl_before_ltr(shaped)) {
    cairo_move_to(dc.cr, x, baseline);
    pango_cairo_show_layout_line(dc.cr, shaped);
    return;
  }
  const char* text = pango_layout_get_text(shaped->layout);
  for (GSList* r = shaped->runs; r; r = r->next) {
    auto* run = static_cast<PangoGlyphItem*>(r->data);
    PangoRectangle logical;
    pango_glyph_string_extents(run->glyphs, run->item->analysis.font, nullptr, &logical);
    cairo_move_to(dc.cr, x, baseline);
    pango_cairo_show_glyph_item(dc.cr, text, run);
    x += double(logical.width) / PANGO_SCALE;
    const auto* next = r->next ? static_cast<PangoGlyphItem*>(r->next->data) : nullptr;
    if (next && (run->item->analysis.level & 1) && !(next->item->analysis.level & 1))
      ltr_mark(dc.cr, run->item->analysis.font, x, baseline);
  }
}

void draw_text_line(DrawContext& dc, const layout::TextLine& line) {
  SaveRestore guard(dc.cr);
  if (!line.link.empty()) {
    std::string attrs = "uri='" + safe_uri(line.link) + "'";
    cairo_tag_begin(dc.cr, CAIRO_TAG_LINK, attrs.c_str());
  }
  for (const auto& a : line.anchors) {  // a destination: where links to this line go
    const std::string attrs = "name='" + safe_uri(a) + "'";
    cairo_tag_begin(dc.cr, CAIRO_TAG_DEST, attrs.c_str());
  }
  auto end_tags = [&] {
    for (std::size_t k = 0; k < line.anchors.size(); ++k) cairo_tag_end(dc.cr, CAIRO_TAG_DEST);
    if (!line.link.empty()) cairo_tag_end(dc.cr, CAIRO_TAG_LINK);
  };
  const std::string key = font_key(line.font);
  const double ascent = font_ascent(dc, key, line.font);
  set_color(dc.cr, line.color);
  if (PangoLayoutLine* shaped = dc.measurer ? dc.measurer->shaped_line(line.font, line.text) : nullptr) {
    // Shaped when measured: drawn from the same glyphs, baseline where the measurer put it.
    draw_shaped_line(dc, shaped, line.x, line.y + ascent);
    end_tags();
    link_parts(dc, line, [&](std::size_t byte) {
      int x = 0;
      pango_layout_line_index_to_x(shaped, int(std::min(byte, line.text.size())), 0, &x);
      return double(x) / PANGO_SCALE;
    });
    return;
  }
  PangoLayout* layout = font_layout(dc, key, line.font);
  pango_layout_set_text(layout, line.text.data(), int(line.text.size()));
  // Baselines where the measurer put them, even when a fallback font (Arabic script)
  // makes this line's own ascent taller.
  const double baseline = double(pango_layout_get_baseline(layout)) / PANGO_SCALE;
  cairo_move_to(dc.cr, line.x, line.y + ascent - baseline);
  pango_cairo_show_layout(dc.cr, layout);
  // (its fonts were noted when it was measured: every line drawn is a line the measurer made)
  end_tags();
  link_parts(dc, line, [&](std::size_t byte) {
    PangoRectangle pos;
    pango_layout_index_to_pos(layout, int(std::min(byte, line.text.size())), &pos);
    return double(pos.x) / PANGO_SCALE;
  });
}

void fill_rect(cairo_t* cr, const layout::Box& b, const std::string& color, double radius = 0) {
  if (color.empty()) return;
  set_color(cr, color);
  if (radius <= 0) {
    cairo_rectangle(cr, b.x, b.y, b.w, b.h);
  } else {
    double r = std::min({radius, b.w / 2, b.h / 2});
    cairo_new_sub_path(cr);
    cairo_arc(cr, b.right() - r, b.y + r, r, -M_PI / 2, 0);
    cairo_arc(cr, b.right() - r, b.bottom() - r, r, 0, M_PI / 2);
    cairo_arc(cr, b.x + r, b.bottom() - r, r, M_PI / 2, M_PI);
    cairo_arc(cr, b.x + r, b.y + r, r, M_PI, 3 * M_PI / 2);
    cairo_close_path(cr);
  }
  cairo_fill(cr);
}

void stroke_polyline(cairo_t* cr, const Item& it) {
  if (it.points.size() < 2 || it.stroke.empty()) return;
  SaveRestore guard(cr);
  set_color(cr, it.stroke);
  cairo_set_line_width(cr, it.line_width > 0 ? it.line_width : 1);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
  cairo_move_to(cr, it.points[0].x, it.points[0].y);
  for (std::size_t i = 1; i < it.points.size(); ++i) cairo_line_to(cr, it.points[i].x, it.points[i].y);
  cairo_stroke(cr);
}

/// The outline of a marker of radius r centred on (cx, cy).
void marker_path(cairo_t* cr, layout::MarkerShape shape, double cx, double cy, double r) {
  cairo_new_path(cr);
  if (shape == layout::MarkerShape::Diamond) {
    cairo_move_to(cr, cx, cy - r * 1.15);
    cairo_line_to(cr, cx + r * 1.15, cy);
    cairo_line_to(cr, cx, cy + r * 1.15);
    cairo_line_to(cr, cx - r * 1.15, cy);
    cairo_close_path(cr);
  } else if (shape == layout::MarkerShape::Square) {
    cairo_rectangle(cr, cx - r * 0.9, cy - r * 0.9, r * 1.8, r * 1.8);
  } else {
    cairo_arc(cr, cx, cy, r, 0, 2 * M_PI);
  }
}

/// A marker: filled, outlined; a milestone's also has a ring of the outline's colour
/// inside (filled: a target; hollow, as when sources disagree: a dot in the middle).
void draw_mark(cairo_t* cr, const Item& it, double cx, double cy, double r) {
  const std::string outline = it.stroke.empty() ? "#ffffff" : it.stroke;
  marker_path(cr, it.shape, cx, cy, r);
  set_color(cr, it.fill);
  cairo_fill_preserve(cr);
  set_color(cr, outline);
  cairo_set_line_width(cr, it.line_width > 0 ? it.line_width : 1);
  cairo_stroke(cr);
  if (!it.milestone) return;
  marker_path(cr, it.shape, cx, cy, r * 0.55);
  set_color(cr, outline);
  cairo_set_line_width(cr, std::max(1.0, r * 0.22));
  cairo_stroke(cr);
}

void draw_marker(cairo_t* cr, const Item& it) {
  draw_mark(cr, it, it.box.x + it.box.w / 2, it.box.y + it.box.h / 2, it.box.w / 2);
}

void draw_lines(DrawContext& dc, const Item& it) {
  for (const auto& l : it.lines) draw_text_line(dc, l);
}

}  // namespace

DrawContext::~DrawContext() {
  for (auto& [key, layout] : fonts) g_object_unref(layout);
}

void set_color(cairo_t* cr, const std::string& c) {
  if (c.size() == 4) {
    cairo_set_source_rgb(cr, hex(c, 1, 1), hex(c, 2, 1), hex(c, 3, 1));
  } else if (c.size() == 7) {
    cairo_set_source_rgb(cr, hex(c, 1, 2), hex(c, 3, 2), hex(c, 5, 2));
  } else if (c.size() == 9) {
    cairo_set_source_rgba(cr, hex(c, 1, 2), hex(c, 3, 2), hex(c, 5, 2), hex(c, 7, 2));
  } else {
    cairo_set_source_rgb(cr, 0, 0, 0);
  }
}

void draw_item(DrawContext& dc, const Item& it) {
  SaveRestore guard(dc.cr);
  cairo_new_path(dc.cr);  // cairo_save does not save the path: start each item clean
  switch (it.kind) {
    case ItemKind::Era:
    case ItemKind::Lane: fill_rect(dc.cr, it.box, it.fill); break;
    case ItemKind::LaneLine:
    case ItemKind::Guide: stroke_polyline(dc.cr, it); break;
    case ItemKind::Overview: fill_rect(dc.cr, it.box, it.fill, 2); break;
    case ItemKind::OverviewWindow:
    case ItemKind::InsetWindow:
      fill_rect(dc.cr, it.box, it.fill);
      stroke_polyline(dc.cr, it);
      break;
    case ItemKind::Axis: fill_rect(dc.cr, it.box, it.fill, 3); break;
    case ItemKind::Precision: fill_rect(dc.cr, it.box, it.fill, 1.5); break;
    case ItemKind::Bar: fill_rect(dc.cr, it.box, it.fill, 3); break;
    case ItemKind::Tick:
    case ItemKind::Leader:
    case ItemKind::AxisBreak: stroke_polyline(dc.cr, it); break;
    case ItemKind::Marker: draw_marker(dc.cr, it); break;
    case ItemKind::Legend:
      if (!it.fill.empty() && !it.points.empty()) {
        set_color(dc.cr, it.fill);
        cairo_new_path(dc.cr);
        if (it.shape == layout::MarkerShape::Square) {  // an era's swatch: a small band
          const double h = it.box.h * 0.6;
          cairo_rectangle(dc.cr, it.points[0].x - h * 0.8, it.points[0].y - h / 2, h * 1.6, h);
          cairo_fill_preserve(dc.cr);
          set_color(dc.cr, it.stroke.empty() ? it.fill : it.stroke);
          cairo_set_line_width(dc.cr, 0.5);
          cairo_stroke(dc.cr);
        } else if (it.stroke.empty()) {  // a track's colour
          cairo_arc(dc.cr, it.points[0].x, it.points[0].y, it.box.h * 0.3, 0, 2 * M_PI);
          cairo_fill(dc.cr);
        } else {  // a marker's key: drawn as the marker is
          const double r = it.box.h * 0.3 * (it.milestone ? layout::milestone_marker_scale : 1);
          draw_mark(dc.cr, it, it.points[0].x, it.points[0].y, r);
        }
      }
      draw_lines(dc, it);
      break;
    default: draw_lines(dc, it); break;
  }
}

}  // namespace chronicle::render
