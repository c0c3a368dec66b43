#include <algorithm>
#include <cmath>
#include <filesystem>

#include <pango/pangofc-font.h>
#include <pango/pangofc-fontmap.h>

#include "render/font_session_impl.h"
#include "support/text.h"

namespace chronicle::render {

cairo_font_options_t* make_font_options() {
  cairo_font_options_t* o = cairo_font_options_create();
  cairo_font_options_set_hint_style(o, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(o, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias(o, CAIRO_ANTIALIAS_GRAY);
  return o;
}

PangoFontMap* new_font_map(FcConfig* config) {
  PangoFontMap* map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
  pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config);
  return map;
}

PangoContext* new_measuring_context(PangoFontMap* map) {
  PangoContext* context = pango_font_map_create_context(map);
  cairo_font_options_t* o = make_font_options();
  pango_cairo_context_set_font_options(context, o);
  cairo_font_options_destroy(o);
  pango_cairo_context_set_resolution(context, 72);
  // Glyphs where the font puts them, not rounded to whole points: measuring agrees
  // with every output's scale, and a PDF gets no position correction per glyph.
  pango_context_set_round_glyph_positions(context, FALSE);
  return context;
}

std::string font_key(const layout::Font& f) {  // integers: std::to_string(double) goes through printf
  return f.family + "/" + std::to_string(std::llround(f.size * 1000)) + (f.bold ? "b" : "") + (f.italic ? "i" : "");
}

PangoFontDescription* describe(const layout::Font& font) {
  PangoFontDescription* d = pango_font_description_new();
  pango_font_description_set_family(d, font.family.c_str());
  pango_font_description_set_absolute_size(d, font.size * PANGO_SCALE);
  pango_font_description_set_weight(d, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(d, font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  return d;
}

FontSession::Impl::~Impl() {
  measurer.reset();
  for (PangoFont* f : seen_fonts) g_object_unref(f);
  if (context) g_object_unref(context);
  if (font_map) g_object_unref(font_map);
  if (config) FcConfigDestroy(config);
  if (coverage) FcCharSetDestroy(coverage);
}

FontSession::FontSession(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
FontSession::~FontSession() = default;

std::unique_ptr<FontSession> FontSession::create(const std::string& fonts_conf, Diagnostics& diags,
                                                 unsigned threads) {
  auto impl = std::make_unique<Impl>();
  impl->config = FcConfigCreate();
  if (!FcConfigParseAndLoad(impl->config, reinterpret_cast<const FcChar8*>(fonts_conf.c_str()), FcTrue) ||
      !FcConfigBuildFonts(impl->config)) {
    diags.error({}, "", "cannot load the font configuration " + fonts_conf);
    return nullptr;
  }
  // The font files beside fonts.conf, in a fixed order, as application fonts: fontconfig
  // then scans nothing else and writes no cache.
  const std::filesystem::path dir = std::filesystem::path(fonts_conf).parent_path();
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    const std::string ext = e.path().extension().string();
    if (ext == ".ttf" || ext == ".otf" || ext == ".ttc") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) FcConfigAppFontAddFile(impl->config, reinterpret_cast<const FcChar8*>(f.c_str()));
  FcFontSet* set = FcConfigGetFonts(impl->config, FcSetApplication);
  if (!set || set->nfont == 0) {
    diags.error({}, "", "no fonts found through " + fonts_conf + " (is fonts-noto-core installed?)");
    return nullptr;
  }
  impl->coverage = FcCharSetCreate();
  for (int i = 0; i < set->nfont; ++i) {
    FcCharSet* chars = nullptr;
    if (FcPatternGetCharSet(set->fonts[i], FC_CHARSET, 0, &chars) == FcResultMatch && chars)
      FcCharSetMerge(impl->coverage, chars, nullptr);
  }
  impl->font_map = new_font_map(impl->config);
  impl->context = new_measuring_context(impl->font_map);
  // Helper threads measure with font maps of their own over the same configuration.
  FcConfig* config = impl->config;
  auto make_context = [config] {
    PangoFontMap* map = new_font_map(config);
    PangoContext* context = new_measuring_context(map);
    g_object_unref(map);  // the context holds it
    return context;
  };
  impl->measurer = std::make_unique<PangoTextMeasurer>(impl->context, make_context, threads, &impl->used,
                                                       &impl->seen_fonts);
  return std::unique_ptr<FontSession>(new FontSession(std::move(impl)));
}

void note_fonts(PangoLayout* layout, std::set<std::string>& used, std::unordered_set<PangoFont*>& seen) {
  // Runs of one line share their font objects, and labels share a few fonts: look a
  // font's file up once (the lookups cost more than shaping when done per line).
  for (GSList* l = pango_layout_get_lines_readonly(layout); l; l = l->next) {
    for (GSList* r = static_cast<PangoLayoutLine*>(l->data)->runs; r; r = r->next) {
      auto* run = static_cast<PangoLayoutRun*>(r->data);
      if (!run || !run->item) continue;
      PangoFont* font = run->item->analysis.font;
      if (!font || !seen.insert(font).second) continue;
      g_object_ref(font);  // held until the session ends, so no other font can take its address
      if (!PANGO_IS_FC_FONT(font)) continue;
      FcPattern* pattern = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
      FcChar8* file = nullptr;
      if (pattern && FcPatternGetString(pattern, FC_FILE, 0, &file) == FcResultMatch)
        used.insert(reinterpret_cast<const char*>(file));
    }
  }
}

std::vector<char32_t> FontSession::missing_characters(const std::string& text) const {
  std::vector<char32_t> missing;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = utf8_next(text, i);
    const bool invisible = c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0xAD || c == 0x34F ||
                           (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
                           (c >= 0x2060 && c <= 0x206F) || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF ||
                           (c >= 0xE0100 && c <= 0xE01EF) || c == ' ' || c == 0xA0 || (c >= 0x2000 && c <= 0x200A);
    if (invisible || FcCharSetHasChar(impl_->coverage, FcChar32(c))) continue;
    if (std::find(missing.begin(), missing.end(), c) == missing.end()) missing.push_back(c);
  }
  return missing;
}

std::vector<std::string> FontSession::fonts_used() const { return {impl_->used.begin(), impl_->used.end()}; }

layout::TextMeasurer& FontSession::measurer() { return *impl_->measurer; }

std::vector<std::string> FontSession::font_files() const {
  std::vector<std::string> files;
  FcFontSet* set = FcConfigGetFonts(impl_->config, FcSetApplication);
  for (int i = 0; set && i < set->nfont; ++i) {
    FcChar8* file = nullptr;
    if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) == FcResultMatch)
      files.push_back(reinterpret_cast<const char*>(file));
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

}  // namespace chronicle::render
