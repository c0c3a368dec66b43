// The date parser and everything that formats a date.
#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>

#include "model/date/format_date_label.h"
#include "model/date/parse_date.h"
#include "model/date/parse_relative.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace chronicle::model;
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto r = parse_date(text);
  // Relative dates against a reference day, intervals and markwhen chains.
  DateValue ref;
  ref.text = "2024-11-15";
  ref.from = 20042 * seconds_per_day;
  ref.to = ref.from + seconds_per_day;
  if (auto rel = parse_relative(text, ref))
    if (auto* d = std::get_if<DateValue>(&*rel))
      if (d->to <= d->from) __builtin_trap();
  if (auto iv = parse_interval(text))
    if (auto* v = std::get_if<DateInterval>(&*iv)) format_date_label(v->start), format_date_label(v->end);
  if (auto chain = parse_chain(text)) add_duration(ref.from, chain->duration);
  if (auto* d = std::get_if<DateValue>(&r)) {
    if (!d->present && d->to <= d->from) __builtin_trap();  // an interval is never empty
    format_date_label(*d);
    format_iso(d->from);
    format_iso(d->to);
    format_span_label(*d, *d);
  }
  return 0;
}
