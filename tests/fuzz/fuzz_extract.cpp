// The article reader and the tagger: any bytes as an article, with and without a
// publication date, must give diagnostics or a timeline, never a crash, a hang or UB;
// every mention lies within the text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "extract/article.h"
#include "extract/extract_timeline.h"
#include "extract/tagger.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace chronicle;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  model::DateValue published;
  published.from = 20042 * model::seconds_per_day;  // 2024-11-15
  published.to = published.from + model::seconds_per_day;
  for (bool with_date : {false, true}) {
    Diagnostics diags;
    auto a = extract::read_article("fuzz.txt", bytes, with_date ? std::optional(published) : std::nullopt, diags);
    if (!a) continue;
    if (a->body > a->text.size()) __builtin_trap();
    extract::Anchors anchors;
    anchors.published = a->published;
    const auto tagged = extract::tag_text("fuzz.txt", a->text, a->body, anchors, diags);
    for (const auto& m : tagged.mentions)
      if (m.begin >= m.end || m.end > a->text.size() || m.sentence >= tagged.sentences.size()) __builtin_trap();
    Diagnostics d2;
    extract::extract_timeline({{"fuzz.txt", bytes}}, {with_date ? std::optional(published) : std::nullopt}, d2);
  }
  return 0;
}
