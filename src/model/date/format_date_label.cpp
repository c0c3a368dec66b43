#include "model/date/format_date_label.h"

#include <cstdio>

namespace chronicle::model {

const char* month_abbreviation(unsigned month) {
  static constexpr const char* names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return names[(month - 1) % 12];
}

namespace {

/// 13800000000 -> "13,800,000,000" from a million on (deep time); shorter years as written.
std::string grouped(std::int64_t n) {
  std::string digits = std::to_string(n);
  if (n < 1'000'000) return digits;
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

std::string format_year(std::int64_t y) {
  return y > 0 ? grouped(y) : grouped(1 - y) + " BC";
}

namespace {

std::string two(unsigned v) {
  char b[8];
  std::snprintf(b, sizeof b, "%02u", v % 100);
  return b;
}

std::string offset_suffix(const DateValue& d) {
  if (!d.has_offset || d.offset_minutes == 0) return "";
  int m = d.offset_minutes < 0 ? -d.offset_minutes : d.offset_minutes;
  return std::string(" UTC") + (d.offset_minutes < 0 ? "−" : "+") + two(unsigned(m / 60)) + ":" + two(unsigned(m % 60));
}

}  // namespace

std::string format_date_label(const DateValue& d) {
  if (d.open) return d.text.empty() ? "?" : "…";  // EDTF unknown / open interval end
  if (d.present) return "present";
  if (d.casual) return d.text;  // as the source wrote it: "early 2020", "c. 1850"
  const CivilTime t = civil_from_seconds(d.from + Seconds(d.offset_minutes) * 60);
  const std::string year = format_year(t.date.year);
  const std::string month = month_abbreviation(t.date.month);
  const std::string day = std::to_string(t.date.day) + " " + month + " " + year;
  std::string s;
  switch (d.precision) {
    case Precision::Millennium:
    case Precision::Century:
    case Precision::Decade: s = t.date.year > 0 ? year + "s" : year; break;  // "1990s", "1900s"
    case Precision::Year: s = year; break;
    case Precision::Quarter: s = "Q" + std::to_string((t.date.month - 1) / 3 + 1) + " " + year; break;
    case Precision::Season: {
      static constexpr const char* seasons[] = {"Winter", "Winter", "Spring", "Spring", "Spring", "Summer",
                                                "Summer", "Summer", "Autumn", "Autumn", "Autumn", "Winter"};
      s = std::string(seasons[t.date.month - 1]) + " " + year;
      break;
    }
    case Precision::Month: s = month + " " + year; break;
    case Precision::Week: s = "week of " + day; break;
    case Precision::Day: s = day; break;
    case Precision::Hour:
    case Precision::Minute: s = day + " " + two(t.hour) + ":" + two(t.minute) + offset_suffix(d); break;
    case Precision::Second:  // ":00" seconds are left out, as people write times
      s = day + " " + two(t.hour) + ":" + two(t.minute) + (t.second ? ":" + two(t.second) : "") + offset_suffix(d);
      break;
  }
  return d.approximate ? "c. " + s : s;
}

std::string format_iso(Seconds t) {
  const CivilTime c = civil_from_seconds(t);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s%04lld-%02u-%02uT%02u:%02u:%02uZ", c.date.year < 0 ? "-" : "",
                static_cast<long long>(c.date.year < 0 ? -c.date.year : c.date.year), c.date.month, c.date.day,
                c.hour, c.minute, c.second);
  return buf;
}

std::string format_span_label(const DateValue& start, const DateValue& end) {
  return format_date_label(start) + " – " + format_date_label(end);
}

}  // namespace chronicle::model
