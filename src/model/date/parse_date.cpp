#include "model/date/parse_date.h"

#include <optional>

#include "model/date/parse_casual.h"

#include <cctype>

namespace chronicle::model {

std::variant<DateValue, DateError> parse_iso(const std::string& text);

const char* precision_name(Precision p) {
  static constexpr const char* names[] = {"millennium", "century", "decade", "year",
                                          "quarter",    "season",  "month",  "week",
                                          "day",        "hour",    "minute", "second"};
  return names[static_cast<int>(p)];
}

namespace {

struct Cursor {
  const std::string& s;
  std::size_t i = 0;
  bool done() const { return i >= s.size(); }
  bool peek(char c) const { return i < s.size() && s[i] == c; }
  /// Reads exactly `n` digits, or returns -1.
  long long digits(std::size_t n) {
    if (i + n > s.size()) return -1;
    long long v = 0;
    for (std::size_t k = 0; k < n; ++k) {
      char c = s[i + k];
      if (!std::isdigit(static_cast<unsigned char>(c))) return -1;
      v = v * 10 + (c - '0');
    }
    i += n;
    return v;
  }
};

DateError fail(const std::string& text, const std::string& why) {
  return {"invalid date '" + text + "': " + why};
}

const char* expected_forms = "expected ISO 8601 such as 2015, 2015-07, 2015-07-14 or 2015-07-14T10:30Z";

/// EDTF unspecified digits: 201X (a decade), 19XX (a century), 1XXX (a millennium),
/// 2004-XX (some month of 2004), 2004-06-XX (some day of June 2004).
std::optional<std::variant<DateValue, DateError>> parse_unspecified(const std::string& t) {
  if (t.find('X') == std::string::npos) return std::nullopt;
  DateValue d;
  bool negative = !t.empty() && t[0] == '-';
  std::string y = t.substr(negative ? 1 : 0, 4);
  std::string rest = t.size() > (negative ? 5u : 4u) ? t.substr(negative ? 5 : 4) : "";
  if (y.size() != 4) return std::nullopt;
  std::size_t x = y.find('X');
  if (x != std::string::npos) {
    if (!rest.empty() || y.find_first_not_of('X', x) != std::string::npos) return std::nullopt;
    for (std::size_t k = 0; k < x; ++k)
      if (!std::isdigit(static_cast<unsigned char>(y[k]))) return std::nullopt;
    if (x == 0) return std::nullopt;
    std::int64_t unit = x == 3 ? 10 : x == 2 ? 100 : 1000;
    std::int64_t first = std::stoll(y.substr(0, x)) * unit;
    if (negative) first = -first - (unit - 1);  // -19XX: the years -1999 .. -1900
    d.precision = x == 3 ? Precision::Decade : x == 2 ? Precision::Century : Precision::Millennium;
    d.from = seconds_from_civil({{first, 1, 1}, 0, 0, 0});
    d.to = seconds_from_civil({{first + unit, 1, 1}, 0, 0, 0});
    return d;
  }
  if (rest == "-XX" || rest == "-XX-XX") {
    auto r = parse_iso(t.substr(0, t.size() - rest.size()));
    return r;
  }
  if (rest.size() == 6 && rest.substr(3) == "-XX") return parse_iso(t.substr(0, t.size() - 3));
  return std::nullopt;
}

}  // namespace

/// ISO 8601 / EDTF level 0 and the "~" prefix; EDTF seasons (YYYY-21..24).
std::variant<DateValue, DateError> parse_iso(const std::string& text) {
  DateValue d;
  d.text = text;
  Cursor c{text};
  if (c.peek('~')) {
    d.approximate = true;
    ++c.i;
  }
  bool negative = false;
  if (c.peek('-') || c.peek('+')) {
    negative = c.peek('-');
    ++c.i;
  }
  std::size_t year_start = c.i;
  while (!c.done() && std::isdigit(static_cast<unsigned char>(text[c.i]))) ++c.i;
  std::size_t year_digits = c.i - year_start;
  if (year_digits == 0) return fail(text, expected_forms);
  if (year_digits < 4) return fail(text, "a year needs at least four digits ('0" + text.substr(year_start, year_digits) + "' style)");
  if (year_digits > max_year_digits) return fail(text, "the year is out of range (at most eleven digits)");
  // Eight digits and nothing else, unsigned: ISO 8601's basic form of a day, 20150714
  // (never the year 20,150,714; a year past four digits is written with a sign or as
  // EDTF's Y20150714).
  if (year_digits == 8 && year_start == 0 && c.done()) {
    const std::int64_t y = std::stoll(text.substr(0, 4));
    const int m = std::stoi(text.substr(4, 2)), dd = std::stoi(text.substr(6, 2));
    if (m < 1 || m > 12 || dd < 1 || unsigned(dd) > days_in_month(y, unsigned(m)))
      return fail(text, "eight digits are a day in ISO 8601's basic form (YYYYMMDD), and this is no day; a year "
                        "of more than four digits takes a sign (+" + text + ") or EDTF's Y (Y" + text + ")");
    d.from = seconds_from_civil({{y, unsigned(m), unsigned(dd)}, 0, 0, 0});
    d.to = d.from + seconds_per_day;
    d.precision = Precision::Day;
    return d;
  }
  std::int64_t year = std::stoll(text.substr(year_start, year_digits));
  if (negative) year = -year;

  CivilTime start{{year, 1, 1}, 0, 0, 0};
  d.precision = Precision::Year;
  if (c.peek('-')) {
    ++c.i;
    long long month = c.digits(2);
    if (month < 0) return fail(text, "the month must be two digits (01-12)");
    if (month >= 21 && month <= 24 && c.done()) {  // EDTF seasons: spring, summer, autumn, winter
      static constexpr unsigned first_month[] = {3, 6, 9, 12};
      CivilTime from{{year, first_month[month - 21], 1}, 0, 0, 0};
      CivilTime to = from;
      to.date.month += 3;
      if (to.date.month > 12) {
        to.date.month -= 12;
        to.date.year += 1;
      }
      d.precision = Precision::Season;
      d.from = seconds_from_civil(from);
      d.to = seconds_from_civil(to);
      return d;
    }
    if (month < 1 || month > 12) return fail(text, "month " + std::to_string(month) + " is not between 01 and 12");
    start.date.month = unsigned(month);
    d.precision = Precision::Month;
    if (c.peek('-')) {
      ++c.i;
      long long day = c.digits(2);
      if (day < 0) return fail(text, "the day must be two digits");
      unsigned dim = days_in_month(year, unsigned(month));
      if (day < 1 || day > dim) {
        return fail(text, "day " + std::to_string(day) + " does not exist: " +
                              std::string("JanFebMarAprMayJunJulAugSepOctNovDec").substr((month - 1) * 3, 3) + " " +
                              std::to_string(year) + " has " + std::to_string(dim) + " days");
      }
      start.date.day = unsigned(day);
      d.precision = Precision::Day;
      if (c.peek('T') || c.peek(' ')) {
        ++c.i;
        long long hour = c.digits(2);
        if (hour < 0 || hour > 23) return fail(text, "the hour must be two digits, 00-23");
        start.hour = unsigned(hour);
        d.precision = Precision::Hour;
        if (c.peek(':')) {
          ++c.i;
          long long minute = c.digits(2);
          if (minute < 0 || minute > 59) return fail(text, "the minute must be two digits, 00-59");
          start.minute = unsigned(minute);
          d.precision = Precision::Minute;
          if (c.peek(':')) {
            ++c.i;
            long long second = c.digits(2);
            if (second < 0 || second > 59) return fail(text, "the second must be two digits, 00-59");
            start.second = unsigned(second);
            d.precision = Precision::Second;
            if (c.peek('.')) {  // fractions of a second are accepted and dropped
              ++c.i;
              while (!c.done() && std::isdigit(static_cast<unsigned char>(text[c.i]))) ++c.i;
            }
          }
        }
        if (c.peek('Z')) {
          ++c.i;
          d.has_offset = true;
        } else if (c.peek('+') || c.peek('-')) {
          int sign = c.peek('-') ? -1 : 1;
          ++c.i;
          long long oh = c.digits(2);
          long long om = 0;
          if (c.peek(':')) ++c.i;
          if (!c.done()) om = c.digits(2);
          if (oh < 0 || oh > 18 || om < 0 || om > 59) return fail(text, "the UTC offset must be +hh:mm");
          d.has_offset = true;
          d.offset_minutes = sign * int(oh * 60 + om);
        }
      }
    }
  }
  if (!c.done()) return fail(text, "unexpected '" + text.substr(c.i) + "'; " + expected_forms);

  d.from = seconds_from_civil(start) - Seconds(d.offset_minutes) * 60;
  CivilTime end = start;
  switch (d.precision) {
    case Precision::Year: end.date.year += 1; break;
    case Precision::Month:
      if (++end.date.month > 12) {
        end.date.month = 1;
        end.date.year += 1;
      }
      break;
    default: break;
  }
  static constexpr Seconds unit[] = {0, 0, 0, 0, 0, 0, 0, 0, seconds_per_day, 3600, 60, 1};
  if (d.precision == Precision::Year || d.precision == Precision::Month) {
    d.to = seconds_from_civil(end) - Seconds(d.offset_minutes) * 60;
  } else {
    d.to = d.from + unit[static_cast<int>(d.precision)];
  }
  return d;
}

std::variant<DateValue, DateError> parse_date(const std::string& text) {
  if (text == "present" || text == "now") {  // never the clock: the timeline's last date
    DateValue d;
    d.text = text;
    d.present = true;
    d.precision = Precision::Day;
    return d;
  }
  // EDTF qualifiers after the date: ? uncertain, ~ approximate, % both.
  std::string core = text;
  bool uncertain = false, approximate = false;
  if (!core.empty() && (core.back() == '?' || core.back() == '~' || core.back() == '%')) {
    uncertain = core.back() != '~';
    approximate = core.back() != '?';
    core.pop_back();
  }
  // EDTF "Y" years beyond four digits: Y-170000002, Y170000002.
  if (core.size() > 1 && core[0] == 'Y') core = core.substr(1);
  auto finish = [&](std::variant<DateValue, DateError> r) -> std::variant<DateValue, DateError> {
    if (auto* d = std::get_if<DateValue>(&r)) {
      d->text = text;
      d->uncertain = d->uncertain || uncertain;
      d->approximate = d->approximate || approximate;
    }
    return r;
  };
  if (auto unspecified = parse_unspecified(core)) return finish(*unspecified);
  auto iso = parse_iso(core);
  if (std::holds_alternative<DateValue>(iso)) return finish(iso);
  // Not ISO: the ways people write dates ("c. 1850", "14 July 2015", "490 BC", ...).
  if (auto casual = parse_casual(text)) {
    if (auto* d = std::get_if<DateValue>(&*casual)) d->text = text;
    return *casual;
  }
  // "in 2020", "on 14 July 2015": a preposition before an absolute date.
  for (const char* prep : {"in ", "In ", "on ", "On "}) {
    if (text.size() > 3 && text.compare(0, 3, prep) == 0) {
      auto inner = parse_date(text.substr(3));
      if (auto* d = std::get_if<DateValue>(&inner)) {
        d->text = text;  // labels show the date ("2020"), the model keeps what was written
        return inner;
      }
    }
  }
  return iso;
}

std::optional<std::variant<DateInterval, DateError>> parse_interval(const std::string& text) {
  const auto slash = text.find('/');
  if (slash == std::string::npos || text.find('/', slash + 1) != std::string::npos) return std::nullopt;
  // Spaces around the slash are how people write it ("2025-11-23 / 2025-11-28").
  auto trimmed = [](std::string t) {
    while (!t.empty() && t.back() == ' ') t.pop_back();
    while (!t.empty() && t.front() == ' ') t.erase(t.begin());
    return t;
  };
  const std::string a = trimmed(text.substr(0, slash)), b = trimmed(text.substr(slash + 1));
  if ((a.empty() || a == "..") && (b.empty() || b == "..")) return DateError{"invalid interval '" + text + "': both ends are open"};
  DateInterval iv;
  auto side = [&](const std::string& t, DateValue& out) -> std::optional<DateError> {
    if (t.empty() || t == "..") {
      out.text = t;
      out.open = true;
      return std::nullopt;
    }
    auto d = parse_date(t);
    if (auto* e = std::get_if<DateError>(&d)) return DateError{"in interval '" + text + "': " + e->message};
    out = std::get<DateValue>(d);
    if (out.present && &out == &iv.start) return DateError{"in interval '" + text + "': 'present' is only an end"};
    return std::nullopt;
  };
  if (auto e = side(a, iv.start)) return *e;
  if (auto e = side(b, iv.end)) return *e;
  if (iv.start.open) iv.start.precision = iv.end.precision;
  if (iv.end.open) iv.end.precision = iv.start.precision;
  if (iv.end.present) iv.end.precision = iv.start.precision;
  if (!iv.start.open && !iv.end.open && !iv.end.present && iv.end.to <= iv.start.from)
    return DateError{"invalid interval '" + text + "': it ends before it starts"};
  return iv;
}

}  // namespace chronicle::model
