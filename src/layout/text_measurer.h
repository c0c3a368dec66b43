#pragma once
// How layout learns the size of text without knowing any font engine. render implements
// it with Pango; tests use FixedWidthMeasurer.
#include <string>
#include <vector>

#include "layout/scene.h"

namespace chronicle::layout {

struct MeasuredLine {
  std::string text;
  double width = 0;
};

/// One text a layout is about to measure: what wrap(text, font, max_width) will be asked.
struct TextRequest {
  std::string text;
  Font font;
  double max_width = 0;
};

class TextMeasurer {
 public:
  virtual ~TextMeasurer() = default;
  /// Breaks `text` into lines no wider than `max_width` (a word longer than that gets a
  /// line of its own, broken inside if need be); max_width <= 0 means one line.
  virtual std::vector<MeasuredLine> wrap(const std::string& text, const Font& font, double max_width) = 0;
  /// Height of one line of `font`, the distance between baselines.
  virtual double line_height(const Font& font) = 0;

  /// Says which texts are about to be measured, so that an implementation may measure
  /// them ahead (on several threads); wrap() then answers exactly as it would have
  /// without this call. Doing nothing is a correct implementation.
  virtual void measure_ahead(const std::vector<TextRequest>& requests) { (void)requests; }

  double width(const std::string& text, const Font& font) { return wrap(text, font, 0).front().width; }
};

/// Every character (UTF-8 code point) is 0.55 em wide, every line 1.3 em tall. Wraps at
/// spaces. For tests: no fonts needed, results known by hand.
class FixedWidthMeasurer : public TextMeasurer {
 public:
  std::vector<MeasuredLine> wrap(const std::string& text, const Font& font, double max_width) override;
  double line_height(const Font& font) override { return font.size * 1.3; }
};

}  // namespace chronicle::layout
