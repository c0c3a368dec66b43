// The CSV importers (plain, with a column mapping, and TimelineJS's spreadsheet columns),
// normalization and layout. The first byte picks the importer.
#include <cstddef>
#include <cstdint>
#include <string>

#include "input/read_csv.h"
#include "fuzz_pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace chronicle;
  if (size == 0) return 0;
  Diagnostics diags;
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::optional<input::RawTimeline> raw;
  if (data[0] & 1) raw = input::read_timelinejs_csv("fuzz.csv", std::move(text), diags);
  else raw = input::read_csv("fuzz.csv", std::move(text), {{"date", "When"}, {"title", "What"}}, diags);
  fuzzing::normalize_and_lay_out(raw, diags);
  return 0;
}
