#pragma once
// Private to render/: what a FontSession holds.
#include <map>
#include <memory>
#include <set>
#include <unordered_set>
#include <string>

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "render/pango_text_measurer.h"
#include "render/render.h"

namespace chronicle::render {

struct FontSession::Impl {
  FcConfig* config = nullptr;
  PangoFontMap* font_map = nullptr;
  PangoContext* context = nullptr;  ///< for measuring: 72 dpi, no hinting
  std::unique_ptr<PangoTextMeasurer> measurer;
  std::set<std::string> used;       ///< font files a layout has used
  std::unordered_set<PangoFont*> seen_fonts;  ///< fonts (referenced) whose files are in `used`
  FcCharSet* coverage = nullptr;    ///< every character some pinned font has
  std::map<std::string, double> ascents;  ///< per font_key: its ascent on `context` (pt), for every page drawn
  ~Impl();
};

/// Adds the files of the fonts `layout` shaped its text with to `used`.
void note_fonts(PangoLayout* layout, std::set<std::string>& used, std::unordered_set<PangoFont*>& seen);

/// Font options used for measuring and drawing alike: no hinting, no metric hinting,
/// so text measures the same at every resolution and in every format.
cairo_font_options_t* make_font_options();
/// A Pango font map over `config`'s fonts (FreeType fonts drawn by Cairo).
PangoFontMap* new_font_map(FcConfig* config);
/// A context for measuring on `map`: 72 dpi, make_font_options(), unrounded glyph positions.
PangoContext* new_measuring_context(PangoFontMap* map);
/// A short key naming `font` (family, size, weight, style) for per-font caches.
std::string font_key(const layout::Font& font);
/// A Pango description of `font` with an absolute size in pt.
PangoFontDescription* describe(const layout::Font& font);

}  // namespace chronicle::render
