#include "model/date/parse_relative.h"

#include "support/text.h"

#include <cctype>
#include <vector>

#include "model/date/parse_casual.h"

namespace chronicle::model {
namespace {

std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::string w;
  for (char c : ascii_lower(text)) {
    if (c == ' ' || c == '\t' || c == ',') {
      if (!w.empty()) out.push_back(w);
      w.clear();
    } else {
      w += c;
    }
  }
  if (!w.empty()) out.push_back(w);
  return out;
}

int weekday_of(const std::string& w) {
  static const char* names[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  for (int d = 0; d < 7; ++d)
    if (w == names[d]) return d;
  return -1;
}

int month_of(const std::string& w) {
  static const char* names[] = {"january", "february", "march",     "april",   "may",      "june",
                                "july",    "august",   "september", "october", "november", "december"};
  for (int m = 0; m < 12; ++m)
    if (w == names[m]) return m + 1;
  return 0;
}

Seconds day_start(std::int64_t days) { return days * seconds_per_day; }

DateValue value(Seconds from, Seconds to, Precision p, bool approximate = false) {
  DateValue d;
  d.from = from;
  d.to = to;
  d.precision = p;
  d.approximate = approximate;
  return d;
}

Seconds month_start(std::int64_t y, int m) { return seconds_from_civil({{y, unsigned(m), 1}, 0, 0, 0}); }

DateValue month_value(std::int64_t y, int m) {
  return value(month_start(y, m), m == 12 ? month_start(y + 1, 1) : month_start(y, m + 1), Precision::Month);
}

DateValue year_value(std::int64_t y) { return value(month_start(y, 1), month_start(y + 1, 1), Precision::Year); }

std::optional<std::int64_t> unit_count(const std::string& w) {
  static const char* small[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
  for (int k = 0; k <= 10; ++k)
    if (w == small[k]) return k;
  if (w == "a" || w == "an") return 1;
  if (all_digits(w)) return std::stoll(w);
  return std::nullopt;
}

/// "day(s)", "week(s)", ... -> the Duration of one.
std::optional<Duration> unit_of(std::string w) {
  if (w.size() > 1 && w.back() == 's') w.pop_back();
  Duration d;
  if (w == "year" || w == "yr") d.years = 1, d.unit = Precision::Year;
  else if (w == "month") d.months = 1, d.unit = Precision::Month;
  else if (w == "week" || w == "wk") d.days = 7, d.unit = Precision::Week;
  else if (w == "day") d.days = 1, d.unit = Precision::Day;
  else if (w == "hour" || w == "hr") d.seconds = 3600, d.unit = Precision::Hour;
  else if (w == "minute" || w == "min") d.seconds = 60, d.unit = Precision::Minute;
  else if (w == "second" || w == "sec") d.seconds = 1, d.unit = Precision::Second;
  else return std::nullopt;
  return d;
}

std::optional<Duration> duration_of(const std::vector<std::string>& words_in, std::size_t from) {
  // "work days", "business days", "working days" are one unit: weekdays.
  std::vector<std::string> w;
  for (std::size_t k = 0; k < words_in.size(); ++k) {
    const std::string& x = words_in[k];
    if ((x == "work" || x == "business" || x == "working") && k + 1 < words_in.size() &&
        (words_in[k + 1] == "days" || words_in[k + 1] == "day") && k >= from) {
      w.push_back("weekdays");
      ++k;
    } else {
      w.push_back(x);
    }
  }
  if (from >= w.size() || (w.size() - from) % 2 != 0) return std::nullopt;
  Duration total;
  bool any = false;
  for (std::size_t k = from; k + 1 < w.size() + 1 && k < w.size(); k += 2) {
    auto n = unit_count(w[k]);
    if (n && *n <= 1'000'000 && (w[k + 1] == "weekdays" || w[k + 1] == "weekday" || w[k + 1] == "workdays")) {
      total.business_days += *n;
      if (!any || Precision::Day > total.unit) total.unit = Precision::Day;
      any = true;
      continue;
    }
    auto u = unit_of(w[k + 1]);
    if (!n || !u || *n > 1'000'000) return std::nullopt;
    total.years += *n * u->years;
    total.months += *n * u->months;
    total.days += *n * u->days;
    total.seconds += *n * u->seconds;
    if (!any || u->unit > total.unit) total.unit = u->unit;
    any = true;
  }
  return total;
}

bool precise_to_day(const DateValue& r) { return r.precision >= Precision::Day; }

}  // namespace

std::optional<Duration> parse_duration(const std::string& text) { return duration_of(words(text), 0); }

Seconds add_duration(Seconds t, const Duration& d) {
  if (d.years || d.months) {
    CivilTime c = civil_from_seconds(t);
    std::int64_t months = c.date.year * 12 + (c.date.month - 1) + d.years * 12 + d.months;
    c.date.year = floor_div(months, 12);
    c.date.month = unsigned(months - c.date.year * 12 + 1);
    c.date.day = std::min(c.date.day, days_in_month(c.date.year, c.date.month));
    t = seconds_from_civil(c);
  }
  t += d.days * seconds_per_day + d.seconds;
  // Business days: the span covers that many days from Monday to Friday, from t's day on
  // (a Monday and "10 weekdays" end as the second Saturday begins; weekends are skipped).
  if (d.business_days > 0) {
    std::int64_t day = floor_div(t, seconds_per_day);
    const Seconds within = t - day * seconds_per_day;
    for (std::int64_t left = d.business_days; left > 0; ++day)
      if (weekday_from_days(day) < 5) --left;
    t = day * seconds_per_day + within;
  }
  return t;
}

bool is_relative_date(const std::string& text) {
  DateValue probe;
  probe.from = 0;
  probe.to = seconds_per_day;
  probe.precision = Precision::Day;
  return parse_relative(text, probe).has_value();
}

std::optional<std::variant<DateValue, DateError>> parse_relative(const std::string& text,
                                                                 const DateValue& reference) {
  std::vector<std::string> w = words(text);
  if (w.empty()) return std::nullopt;
  if (w[0] == "on" || w[0] == "in") w.erase(w.begin());
  if (w.empty()) return std::nullopt;
  const std::int64_t ref_day = floor_div(reference.from, seconds_per_day);
  const CivilDate ref = civil_from_days(ref_day);
  const int ref_weekday = int(weekday_from_days(ref_day));
  auto need_day = [&]() -> std::optional<std::variant<DateValue, DateError>> {
    return DateError{"'" + text + "' needs a reference date given to the day, not '" + reference.text + "'"};
  };
  auto done = [&](DateValue d) -> std::optional<std::variant<DateValue, DateError>> {
    d.text = text;
    return d;
  };
  auto day = [&](std::int64_t days, bool approximate = false) {
    return value(day_start(days), day_start(days + 1), Precision::Day, approximate);
  };
  const std::string& a = w[0];
  const std::string b = w.size() > 1 ? w[1] : "";
  const std::string c = w.size() > 2 ? w[2] : "";
  // today, yesterday, tomorrow
  if (w.size() == 1 && (a == "today" || a == "yesterday" || a == "tomorrow")) {
    if (!precise_to_day(reference)) return need_day();
    return done(day(ref_day + (a == "yesterday" ? -1 : a == "tomorrow" ? 1 : 0)));
  }
  // [last|next|this] WEEKDAY: on or before the reference day, within the week before it.
  {
    std::string which = w.size() == 2 ? a : "";
    int wd = weekday_of(w.size() == 2 ? b : a);
    if (wd >= 0 && (w.size() == 1 || which == "last" || which == "next" || which == "this" || which == "past")) {
      if (!precise_to_day(reference)) return need_day();
      int back = (ref_weekday - wd + 7) % 7;
      if (which == "last" || which == "past") back = back == 0 ? 7 : back;
      if (which == "next") back = -((wd - ref_weekday + 7) % 7 == 0 ? 7 : (wd - ref_weekday + 7) % 7);
      return done(day(ref_day - back));
    }
  }
  // [last|this|next] week|month|year ; earlier/later this week|month|year
  {
    std::string which, unit;
    bool earlier = false, later = false;
    if (w.size() == 2) which = a, unit = b;
    if (w.size() == 3 && (a == "earlier" || a == "later") && b == "this") {
      which = "this", unit = c;
      earlier = a == "earlier";
      later = a == "later";
    }
    if ((which == "last" || which == "this" || which == "next" || which == "past") &&
        (unit == "week" || unit == "month" || unit == "year")) {
      const int step = which == "last" || which == "past" ? -1 : which == "next" ? 1 : 0;
      DateValue d;
      if (unit == "week") {
        if (!precise_to_day(reference)) return need_day();
        std::int64_t monday = ref_day - ref_weekday + 7 * step;
        d = value(day_start(monday), day_start(monday + 7), Precision::Week);
      } else if (unit == "month") {
        if (reference.precision < Precision::Month) return need_day();
        std::int64_t m = ref.year * 12 + (ref.month - 1) + step;
        d = month_value(floor_div(m, 12), int(m - floor_div(m, 12) * 12 + 1));
      } else {
        d = year_value(ref.year + step);
      }
      if (earlier) {
        if (!precise_to_day(reference)) return need_day();
        d.to = std::max(d.from, day_start(ref_day));
        d.approximate = true;
        if (d.to == d.from) d.to = day_start(ref_day + 1);
      }
      if (later) {
        if (!precise_to_day(reference)) return need_day();
        d.from = std::min(day_start(ref_day + 1), d.to - 1);
        d.approximate = true;
      }
      return done(d);
    }
  }
  // N units ago / N units later
  if (w.size() >= 3 && (w.back() == "ago" || w.back() == "later" || w.back() == "earlier")) {
    std::vector<std::string> dw(w.begin(), w.end() - 1);
    if (auto dur = duration_of(dw, 0)) {
      if (!precise_to_day(reference)) return need_day();
      Duration signed_dur = *dur;
      if (w.back() != "later") {
        signed_dur.years = -dur->years;
        signed_dur.months = -dur->months;
        signed_dur.days = -dur->days;
        signed_dur.seconds = -dur->seconds;
      }
      Seconds t = add_duration(day_start(ref_day), signed_dur);
      DateValue d = day(floor_div(t, seconds_per_day), true);
      return done(d);
    }
  }
  // [last|this|next] MONTH [DAY]; MONTH DAY; DAY MONTH: the one on or before the reference.
  {
    std::string which;
    std::vector<std::string> rest = w;
    if (rest.size() >= 2 && (a == "last" || a == "this" || a == "next")) {
      which = a;
      rest.erase(rest.begin());
    }
    int m = 0, dday = 0;
    auto day_number = [](const std::string& s) {
      std::string t = s;
      for (const char* suffix : {"st", "nd", "rd", "th"})
        if (t.size() > 2 && t.compare(t.size() - 2, 2, suffix) == 0) t.resize(t.size() - 2);
      if (t.empty() || t.size() > 2 || !all_digits(t)) return 0;
      int v = std::stoi(t);
      return v >= 1 && v <= 31 ? v : 0;
    };
    if (rest.size() == 1) m = month_of(rest[0]);
    if (rest.size() == 2) {
      if ((m = month_of(rest[0]))) dday = day_number(rest[1]);
      else if ((m = month_of(rest[1]))) dday = day_number(rest[0]);
      if (!dday) m = 0;
    }
    if (m) {
      if (reference.precision < Precision::Month) return need_day();
      std::int64_t y = ref.year;
      const bool after_ref = unsigned(m) > ref.month || (unsigned(m) == ref.month && dday > int(ref.day));
      if (which == "next") {
        if (!after_ref || (unsigned(m) == ref.month && !dday)) ++y;
      } else if (which == "last") {
        if (unsigned(m) >= ref.month) --y;
      } else if (which != "this" && after_ref) {
        --y;
      }
      if (dday) {
        if (unsigned(dday) > days_in_month(y, unsigned(m)))
          return DateError{"'" + text + "' resolves to a day that does not exist in " + std::to_string(y)};
        return done(day(days_from_civil(y, unsigned(m), unsigned(dday))));
      }
      return done(month_value(y, m));
    }
  }
  return std::nullopt;
}

std::optional<Chain> parse_chain(const std::string& text) {
  std::vector<std::string> w = words(text);
  Chain c;
  std::size_t k = 0;
  bool by = false;
  if (k < w.size() && (w[k] == "after" || w[k] == "before" || w[k] == "by")) {
    c.before = w[k] != "after";
    by = w[k] == "by";
    ++k;
  }
  if (k < w.size() && w[k].size() > 1 && w[k][0] == '!') {
    // keep the id's case as written; "!x.start" / "!x.end" name a side of the event
    std::size_t at = text.find('!');
    std::size_t end = at + 1;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end]))) ++end;
    c.id = text.substr(at + 1, end - at - 1);
    for (const char* part : {".start", ".end"}) {
      const std::string p = part;
      if (c.id.size() > p.size() && ascii_lower(c.id.substr(c.id.size() - p.size())) == p) {
        c.part = p.substr(1);
        c.id.resize(c.id.size() - p.size());
      }
    }
    ++k;
    if (k == w.size()) {  // "!x", "by !x": the moment itself
      if (c.before && !by) return std::nullopt;  // "before !x" needs how long
      return c;
    }
  } else if (k == 1) {
    return std::nullopt;  // "after"/"before" need an id
  }
  if (by) return std::nullopt;
  auto d = duration_of(w, k);
  if (!d) return std::nullopt;
  c.duration = *d;
  return c;
}

}  // namespace chronicle::model
