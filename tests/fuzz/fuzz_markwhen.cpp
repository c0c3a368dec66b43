// The markwhen importer, normalization and layout.
#include <cstddef>
#include <cstdint>
#include <string>

#include "input/read_markwhen.h"
#include "fuzz_pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace chronicle;
  Diagnostics diags;
  auto raw = input::read_markwhen("fuzz.mw", std::string(reinterpret_cast<const char*>(data), size), diags);
  fuzzing::normalize_and_lay_out(raw, diags);
  return 0;
}
