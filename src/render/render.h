#pragma once
// The render stage: draws a layout::Scene with Cairo (SVG, PDF, PNG surfaces) and Pango
// (all text), with fonts from the project-local fontconfig file only. It returns bytes;
// writing files is the cli's job. Cairo and Pango stay behind this header.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "layout/scene.h"
#include "layout/text_measurer.h"
#include "support/diagnostics.h"

namespace chronicle::render {

enum class Format { Svg, Pdf, Png };

/// "svg", "pdf", "png" from a file name's extension, or nullopt.
std::optional<Format> format_from_path(const std::string& path);

/// The fonts chronicle may use (a FcConfig built from one fonts.conf) and a Pango font
/// map over them, shared by measuring and drawing so both see the same glyphs.
class FontSession {
 public:
  /// Loads `fonts_conf`; on failure reports into `diags` and returns nullptr. Text is
  /// measured on up to `threads` threads (the results do not depend on how many).
  static std::unique_ptr<FontSession> create(const std::string& fonts_conf, Diagnostics& diags,
                                             unsigned threads = 1);
  ~FontSession();

  layout::TextMeasurer& measurer();
  /// The font files the configuration offers.
  std::vector<std::string> font_files() const;
  /// The font files measuring and drawing have actually used so far (for depfiles).
  std::vector<std::string> fonts_used() const;
  /// The characters of UTF-8 `text` that no pinned font has a glyph for (they would draw
  /// as boxes), in order of first appearance; white space, controls and invisible format
  /// characters (joiners, bidi marks, variation selectors) are never missing.
  std::vector<char32_t> missing_characters(const std::string& text) const;

  struct Impl;
  Impl& impl() { return *impl_; }

 private:
  explicit FontSession(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

struct RenderOptions {
  double png_dpi = 144;              ///< PNG pixels = ceil(pt * dpi / 72)
  std::string creation_date;         ///< PDF CreationDate, ISO 8601; fixed for reproducible bytes
  std::string creator = std::string("chronicle ") + version();
  static const char* version();
};

/// Draws `scene` in `format`: a PDF gets every page; an SVG or PNG holds `page` (0-based).
/// nullopt (with a diagnostic) when Cairo reports an error.
std::optional<std::string> render_scene(const layout::Scene& scene, Format format, FontSession& fonts,
                                        const RenderOptions& options, Diagnostics& diags, int page = 0);

}  // namespace chronicle::render
