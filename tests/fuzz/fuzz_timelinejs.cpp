// The TimelineJS importer, normalization and layout.
#include <cstddef>
#include <cstdint>
#include <string>

#include "input/read_timelinejs.h"
#include "layout/layout.h"
#include "model/normalize.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace chronicle;
  Diagnostics diags;
  auto raw = input::read_timelinejs("fuzz.json", std::string(reinterpret_cast<const char*>(data), size), diags);
  if (!raw || diags.has_errors()) return 0;
  model::Timeline tl = model::normalize({*raw}, diags);
  if (diags.has_errors() || tl.events.empty()) return 0;
  layout::FixedWidthMeasurer m;
  style::Style st;
  layout::layout_timeline(tl, st, m);
  return 0;
}
