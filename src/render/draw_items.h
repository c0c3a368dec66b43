#pragma once
// One draw function per Scene item kind (mapnik's process_*_symbolizer), private to render/.
#include <cairo.h>
#include <pango/pango.h>

#include <map>
#include <string>

#include "layout/scene.h"
#include "render/pango_text_measurer.h"

namespace chronicle::render {

struct DrawContext {
  cairo_t* cr;
  PangoContext* pango;  ///< created for `cr`, with the session's font map
  PangoContext* measuring;  ///< the measurer's context (72 dpi, no transform): font metrics in pt
  /// Per font: a reusable layout (made when a line was not shaped when measured).
  std::map<std::string, PangoLayout*> fonts;
  const PangoTextMeasurer* measurer = nullptr;  ///< lines shaped when measured, drawn as they are
  std::map<std::string, double>* ascents = nullptr;  ///< per font: its ascent on `measuring` (pt), kept across pages
  bool pdf = false;  ///< drawing a PDF page: text extraction marks (see draw_shaped_line)
  ~DrawContext();
};

void draw_item(DrawContext& dc, const layout::Item& item);
/// Parses "#rgb", "#rrggbb" or "#rrggbbaa" into a Cairo source colour.
void set_color(cairo_t* cr, const std::string& color);

}  // namespace chronicle::render
