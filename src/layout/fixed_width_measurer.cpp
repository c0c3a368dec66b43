#include "layout/text_measurer.h"

namespace chronicle::layout {
namespace {

std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

std::vector<MeasuredLine> FixedWidthMeasurer::wrap(const std::string& text, const Font& font, double max_width) {
  const double em = font.size * 0.55;
  auto width = [&](const std::string& s) { return double(code_points(s)) * em; };
  std::vector<MeasuredLine> lines;
  if (max_width <= 0) return {{text, width(text)}};
  std::string line;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t space = text.find(' ', pos);
    std::string word = text.substr(pos, space == std::string::npos ? std::string::npos : space - pos);
    std::string candidate = line.empty() ? word : line + " " + word;
    if (!line.empty() && width(candidate) > max_width) {
      lines.push_back({line, width(line)});
      line = word;
    } else {
      line = candidate;
    }
    if (space == std::string::npos) break;
    pos = space + 1;
  }
  lines.push_back({line, width(line)});
  return lines;
}

}  // namespace chronicle::layout
