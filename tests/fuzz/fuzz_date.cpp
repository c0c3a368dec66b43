// The date parser and everything that formats a date.
#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>

#include "model/date/format_date_label.h"
#include "model/date/parse_date.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace chronicle::model;
  auto r = parse_date(std::string(reinterpret_cast<const char*>(data), size));
  if (auto* d = std::get_if<DateValue>(&r)) {
    if (!d->present && d->to <= d->from) __builtin_trap();  // an interval is never empty
    format_date_label(*d);
    format_iso(d->from);
    format_iso(d->to);
    format_span_label(*d, *d);
  }
  return 0;
}
