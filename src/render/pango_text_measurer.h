#pragma once
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include <pango/pango.h>

#include "layout/text_measurer.h"

namespace chronicle::render {

/// layout::TextMeasurer with Pango: wraps at word boundaries (inside words only when a
/// word alone is too wide), with the same font map and options used for drawing.
class PangoTextMeasurer : public layout::TextMeasurer {
 public:
  PangoTextMeasurer(PangoContext* context, std::set<std::string>* fonts_used, std::unordered_set<PangoFont*>* seen)
      : context_(context), fonts_used_(fonts_used), seen_fonts_(seen) {}
  std::vector<layout::MeasuredLine> wrap(const std::string& text, const layout::Font& font, double max_width) override;
  double line_height(const layout::Font& font) override;

  /// A line this measurer made, shaped as it was measured (nullptr when not kept): drawing
  /// shows it instead of shaping the text again.
  PangoLayoutLine* shaped_line(const layout::Font& font, const std::string& text) const;

  ~PangoTextMeasurer() override;

 private:
  std::vector<layout::MeasuredLine> wrap_uncached(const std::string& text, const layout::Font& font, double max_width);
  std::unordered_map<std::string, std::vector<layout::MeasuredLine>> measured_;  ///< font, width, text -> lines
  /// Shaped lines kept for drawing: font + line text -> (paragraph layout, line index).
  std::unordered_map<std::string, std::pair<PangoLayout*, int>> shaped_;
  std::vector<PangoLayout*> kept_;  ///< the paragraph layouts `shaped_` points into (owned)
  static constexpr std::size_t max_kept = 60000;  ///< beyond this, lines are shaped again to draw
  /// One layout per font, reused: creating layouts and font descriptions costs more
  /// than shaping a label.
  PangoLayout* layout_for(const layout::Font& font);
  std::map<std::string, PangoLayout*> layouts_;
  PangoContext* context_;
  std::set<std::string>* fonts_used_;
  std::unordered_set<PangoFont*>* seen_fonts_;
  std::map<std::string, double> line_heights_;
};

}  // namespace chronicle::render
