#pragma once
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <pango/pango.h>

#include "layout/text_measurer.h"

namespace chronicle::render {

/// layout::TextMeasurer with Pango: wraps at word boundaries (inside words only when a
/// word alone is too wide), with the same font map and options used for drawing.
///
/// measure_ahead() shapes a batch of texts on several threads: each helper thread has a
/// context over a font map of its own (Pango objects are not shared between threads),
/// over the same fontconfig configuration, so every thread shapes with the same font
/// files and options and the results do not depend on which thread measured a text.
class PangoTextMeasurer : public layout::TextMeasurer {
 public:
  /// `context` measures on the calling thread; `make_context` makes the context of one
  /// helper thread (owned by the measurer from then on). `threads` is the most threads
  /// measure_ahead() uses, the calling one included (1: none besides it).
  PangoTextMeasurer(PangoContext* context, std::function<PangoContext*()> make_context, unsigned threads,
                    std::set<std::string>* fonts_used, std::unordered_set<PangoFont*>* seen);
  std::vector<layout::MeasuredLine> wrap(const std::string& text, const layout::Font& font, double max_width) override;
  double line_height(const layout::Font& font) override;
  void measure_ahead(const std::vector<layout::TextRequest>& requests) override;

  /// A line this measurer made, shaped as it was measured (nullptr when not kept): drawing
  /// shows it instead of shaping the text again.
  PangoLayoutLine* shaped_line(const layout::Font& font, const std::string& text) const;

  ~PangoTextMeasurer() override;

 private:
  struct Shaper;
  /// What shaping one text gave: its lines, and the paragraph layout when it is kept.
  struct Shaped {
    std::vector<layout::MeasuredLine> lines;
    PangoLayout* kept = nullptr;
  };
  /// Records a shaped text: its lines under `key`, its layout's lines for drawing.
  const std::vector<layout::MeasuredLine>& store(std::string key, const layout::Font& font, Shaped shaped);
  Shaper& helper(std::size_t index);

  std::unordered_map<std::string, std::vector<layout::MeasuredLine>> measured_;  ///< font, width, text -> lines
  /// Shaped lines kept for drawing: font + line text -> (paragraph layout, line index).
  std::unordered_map<std::string, std::pair<PangoLayout*, int>> shaped_;
  std::vector<PangoLayout*> kept_;  ///< the paragraph layouts `shaped_` points into (owned)
  static constexpr std::size_t max_kept = 60000;  ///< beyond this, lines are shaped again to draw
  std::unique_ptr<Shaper> main_;                   ///< shapes on the calling thread
  std::vector<std::unique_ptr<Shaper>> helpers_;   ///< made on first use, one per helper thread
  std::function<PangoContext*()> make_context_;
  unsigned threads_;
  PangoContext* context_;
  std::set<std::string>* fonts_used_;
  std::unordered_set<PangoFont*>* seen_fonts_;
  std::map<std::string, double> line_heights_;
};

}  // namespace chronicle::render
