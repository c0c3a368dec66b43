#include "model/date/parse_relative.h"

#include "support/text.h"

#include <cctype>
#include <set>
#include <vector>

#include "model/date/parse_casual.h"

namespace chronicle::model {
namespace {

/// Lower-case words, split at spaces, tabs and commas; periods dropped except between
/// digits ("Aug." "a.m." "Sept."), curly apostrophes straightened ("New Year’s").
std::vector<std::string> words(const std::string& text_in) {
  std::string text;
  for (std::size_t i = 0; i < text_in.size(); ++i) {
    if (text_in.compare(i, 3, "\u2019") == 0) {
      text += '\'';
      i += 2;
    } else {
      text += text_in[i];
    }
  }
  std::vector<std::string> out;
  std::string w;
  const std::string t = ascii_lower(text);
  auto digit = [&](std::size_t k) { return k < t.size() && std::isdigit(static_cast<unsigned char>(t[k])); };
  for (std::size_t k = 0; k < t.size(); ++k) {
    const char c = t[k];
    if (c == ' ' || c == '\t' || c == ',') {
      if (!w.empty()) out.push_back(w);
      w.clear();
    } else if (c == '.' && !(k > 0 && digit(k - 1) && digit(k + 1))) {
      continue;
    } else {
      w += c;
    }
  }
  if (!w.empty()) out.push_back(w);
  return out;
}

int weekday_of(const std::string& w) {
  static const char* names[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  static const char* abbr[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  for (int d = 0; d < 7; ++d)
    if (w == names[d] || w == abbr[d]) return d;
  if (w == "tues") return 1;
  if (w == "thur" || w == "thurs") return 3;
  return -1;
}

int month_of(const std::string& w) {
  static const char* names[] = {"january", "february", "march",     "april",   "may",      "june",
                                "july",    "august",   "september", "october", "november", "december"};
  static const char* abbr[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  for (int m = 0; m < 12; ++m)
    if (w == names[m] || w == abbr[m]) return m + 1;
  if (w == "sept") return 9;
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

const char* direction_name(Direction d) {
  return d == Direction::Past ? "past" : d == Direction::Future ? "future" : "nearest";
}

DirectionCue direction_of(const std::string& sentence) {
  const std::vector<std::string> w = words(sentence);
  // The future first: reported speech about a plan ("officials said the talks will start
  // Tuesday") is about the plan.
  static const std::set<std::string> future{"will",     "won't",   "shall",     "plans",     "planned", "planning",
                                            "expected", "expects", "scheduled", "upcoming",  "intends", "intend",
                                            "hopes",    "next",    "forthcoming", "tomorrow", "coming",  "aims",
                                            "promised", "vowed",   "pledged",   "threatens", "tentatively"};
  static const std::set<std::string> to_cues{"set", "due", "going", "is", "are", "plan", "expected", "scheduled"};
  for (std::size_t k = 0; k < w.size(); ++k) {
    const std::string& x = w[k];
    if (future.count(x)) return {Direction::Future, x};
    if (x.size() > 3 && x.compare(x.size() - 3, 3, "'ll") == 0) return {Direction::Future, x};
    if (to_cues.count(x) && k + 1 < w.size() && w[k + 1] == "to") return {Direction::Future, x + " to"};
  }
  static const std::set<std::string> past{"was",  "were", "had",  "did",   "said",  "told", "met",   "held",
                                          "took", "ago",  "last", "yesterday", "earlier", "previously", "came",
                                          "went", "began", "left", "made",  "gave",  "saw",  "won",   "lost",
                                          "fell", "rose", "spoke", "wrote", "sent",  "fled", "led",   "struck",
                                          "killed", "signed", "announced", "agreed", "withdrew", "ordered"};
  static const std::set<std::string> not_past{"need", "speed", "seed", "feed", "bed", "red", "shed", "hundred",
                                              "embed", "united", "limited", "indeed", "proceed", "exceed", "breed"};
  for (const auto& x : w) {
    if (past.count(x)) return {Direction::Past, x};
    if (x.size() > 4 && x.compare(x.size() - 2, 2, "ed") == 0 && !not_past.count(x) &&
        std::isalpha(static_cast<unsigned char>(x[0])))
      return {Direction::Past, x};
  }
  return {};
}

namespace {

/// [from, to) of a part of day: morning 06-12, afternoon 12-18, evening 18-22, night 20-24.
std::optional<std::pair<int, int>> part_of_day(const std::string& w) {
  if (w == "morning") return std::pair{6, 12};
  if (w == "afternoon") return std::pair{12, 18};
  if (w == "evening") return std::pair{18, 22};
  if (w == "night" || w == "tonight") return std::pair{20, 24};
  return std::nullopt;
}

/// The [from, to) days of `season` (0 spring, 1 summer, 2 autumn, 3 winter) in `year`
/// (northern; winter runs from December into the next year).
std::pair<std::int64_t, std::int64_t> season_days(int season, std::int64_t year) {
  const unsigned m = season == 0 ? 3 : season == 1 ? 6 : season == 2 ? 9 : 12;
  const std::int64_t from = days_from_civil(year, m, 1);
  const std::int64_t to = m == 12 ? days_from_civil(year + 1, 3, 1) : days_from_civil(year, m + 3, 1);
  return {from, to};
}

/// A day as casual text writes it ("15 November 2024"), for a time of day to follow.
std::string written_day(const CivilDate& d) {
  static const char* names[] = {"January", "February", "March",     "April",   "May",      "June",
                                "July",    "August",   "September", "October", "November", "December"};
  return std::to_string(d.day) + " " + names[d.month - 1] + " " + std::to_string(d.year);
}

int season_of(const std::string& w) {
  if (w == "spring") return 0;
  if (w == "summer") return 1;
  if (w == "fall" || w == "autumn") return 2;
  if (w == "winter") return 3;
  return -1;
}

}  // namespace

std::optional<std::variant<DateValue, DateError>> parse_relative(const std::string& text, const DateValue& reference,
                                                                 Direction dir) {
  std::vector<std::string> w = words(text);
  while (!w.empty() && (w[0] == "on" || w[0] == "in" || w[0] == "at" || w[0] == "during" || w[0] == "over")) w.erase(w.begin());
  if (w.empty()) return std::nullopt;
  const std::int64_t ref_day = floor_div(reference.from, seconds_per_day);
  const CivilDate ref = civil_from_days(ref_day);
  const int ref_weekday = int(weekday_from_days(ref_day));
  using Out = std::optional<std::variant<DateValue, DateError>>;
  auto need_day = [&]() -> Out {
    return DateError{"'" + text + "' needs a reference date given to the day, not '" + reference.text + "'"};
  };
  auto done = [&](DateValue d, const char* direction = nullptr) -> Out {
    d.text = text;
    if (direction) d.direction = direction;
    return d;
  };
  auto day = [&](std::int64_t days, bool approximate = false) {
    return value(day_start(days), day_start(days + 1), Precision::Day, approximate);
  };
  auto week_of = [&](std::int64_t days) {
    const std::int64_t monday = days - int(weekday_from_days(days));
    return value(day_start(monday), day_start(monday + 7), Precision::Week);
  };
  auto month_at = [&](std::int64_t m0) {  // m0: months from year 0's January
    return month_value(floor_div(m0, 12), int(m0 - floor_div(m0, 12) * 12 + 1));
  };
  // Between the last candidate on or before the reference and the first after it.
  auto choose = [&](std::int64_t past, std::int64_t future, Direction d) -> std::pair<std::int64_t, const char*> {
    if (d == Direction::Past) return {past, "past"};
    if (d == Direction::Future) return {future, "future"};
    return {ref_day - past <= future - ref_day ? past : future, "nearest"};
  };
  const std::size_t n = w.size();
  const std::string& a = w[0];
  const std::string b = n > 1 ? w[1] : "";
  const std::string c = n > 2 ? w[2] : "";
  const bool day_ref = precise_to_day(reference);

  // --- Against the story's last date: "the day before", "the next day", "that week" ---
  {
    std::string unit;
    int step = 0;
    bool matched = false;
    if (n == 3 && a == "the" && (c == "before" || c == "after" || c == "earlier" || c == "later")) {
      unit = b, step = c == "before" || c == "earlier" ? -1 : 1, matched = true;
    } else if (n == 3 && a == "the" && (b == "previous" || b == "following" || b == "next" || b == "same")) {
      unit = c, step = b == "previous" ? -1 : b == "same" ? 0 : 1, matched = true;
    } else if (n == 2 && a == "that") {
      unit = b, step = 0, matched = true;
    }
    if (matched && (unit == "day" || unit == "week" || unit == "month" || unit == "year")) {
      if (unit == "day" || unit == "week") {
        if (!day_ref) return need_day();
        if (unit == "day") return done(day(ref_day + step));
        return done(week_of(ref_day + 7 * step));
      }
      if (unit == "month") return done(month_at(ref.year * 12 + (ref.month - 1) + step));
      return done(year_value(ref.year + step));
    }
    if (n == 4 && a == "the" && b == "day" && (c == "before" || c == "after") && (w[3] == "yesterday" || w[3] == "tomorrow")) {
      if (!day_ref) return need_day();
      return done(day(ref_day + (w[3] == "yesterday" ? -2 : 2)));
    }
  }
  // --- today, yesterday, tomorrow, tonight, last night, this morning ---
  {
    std::int64_t offset = 0;
    bool known = true;
    std::size_t used = 1;
    if (a == "today") offset = 0;
    else if (a == "yesterday") offset = -1;
    else if (a == "tomorrow") offset = 1;
    else if (a == "tonight") offset = 0, used = 0;
    else if (a == "last" && b == "night" && n == 2) offset = -1, used = 1;
    else if (a == "this" && part_of_day(b) && n == 2) offset = 0, used = 1;
    else known = false;
    if (known) {
      if (!day_ref) return need_day();
      DateValue d = day(ref_day + offset);
      const std::string part = used < n ? w[used] : a == "tonight" ? "tonight" : "";
      if (!part.empty()) {
        auto hours = part_of_day(part);
        if (!hours || used + 1 < n) return std::nullopt;
        d.from = day_start(ref_day + offset) + hours->first * 3600;
        d.to = day_start(ref_day + offset) + hours->second * 3600;
        d.approximate = true;
      } else if (n > 1) {
        return std::nullopt;
      }
      return done(d);
    }
  }
  // --- weekdays: "Monday", "last Friday", "next Tuesday", "Friday night", "Tuesday at 3 p.m." ---
  {
    std::size_t k = 0;
    std::string which;
    if (n >= 2 && (a == "last" || a == "next" || a == "this" || a == "past" || a == "coming")) which = a, k = 1;
    const int wd = k < n ? weekday_of(w[k]) : -1;
    if (wd >= 0) {
      if (!day_ref) return need_day();
      std::vector<std::string> rest(w.begin() + std::ptrdiff_t(k + 1), w.end());
      // "Monday, November 11": the date written after the weekday decides.
      if (!rest.empty() && (month_of(rest[0]) || all_digits(rest[0]))) {
        std::string joined;
        for (const auto& r : rest) joined += (joined.empty() ? "" : " ") + r;
        if (auto inner = parse_relative(joined, reference, dir)) return inner;
        auto absolute = parse_date(joined);
        if (std::holds_alternative<DateValue>(absolute)) {
          DateValue d = std::get<DateValue>(absolute);
          return done(d);
        }
        return std::nullopt;
      }
      const int back = (ref_weekday - wd + 7) % 7, ahead = (wd - ref_weekday + 7) % 7;
      std::int64_t target = 0;
      const char* used_dir = nullptr;
      if (which == "last" || which == "past") target = ref_day - (back == 0 ? 7 : back);
      else if (which == "next" || which == "coming") target = ref_day + (ahead == 0 ? 7 : ahead);
      else {
        auto [t, name] = choose(ref_day - back, ref_day + ahead, dir);
        target = t;
        used_dir = name;
      }
      DateValue d = day(target);
      if (!rest.empty()) {
        if (auto hours = part_of_day(rest[0]); hours && rest.size() == 1) {
          d.from = day_start(target) + hours->first * 3600;
          d.to = day_start(target) + hours->second * 3600;
          d.approximate = true;
        } else {
          // a time of day: "at 3 p.m.", "10:30 UTC"
          std::size_t t0 = rest[0] == "at" ? 1 : 0;
          std::string time;
          for (std::size_t i = t0; i < rest.size(); ++i) time += " " + rest[i];
          auto timed = parse_casual(written_day(civil_from_days(target)) + time);
          if (!timed || !std::holds_alternative<DateValue>(*timed)) return std::nullopt;
          DateValue t = std::get<DateValue>(*timed);
          t.casual = false;
          return done(t, used_dir);
        }
      }
      return done(d, used_dir);
    }
  }
  // --- weekends ---
  if ((n == 2 && (a == "this" || a == "last" || a == "next" || a == "the" || a == "past") && b == "weekend") ||
      (n == 1 && a == "weekend")) {
    if (!day_ref) return need_day();
    const std::int64_t this_saturday = ref_day - ref_weekday + 5;
    std::int64_t sat = this_saturday;
    const char* used_dir = nullptr;
    if (a == "last" || a == "past") sat = ref_weekday >= 5 ? this_saturday - 7 : this_saturday - 7;
    else if (a == "next") sat = this_saturday + 7;
    else if (a != "this") {
      if (ref_weekday < 5) {
        auto [t, name] = choose(this_saturday - 7, this_saturday, dir);
        sat = t;
        used_dir = name;
      }
    }
    return done(value(day_start(sat), day_start(sat + 2), Precision::Day, true), used_dir);
  }
  // --- [last|this|next] week|month|year|quarter; earlier/later this ... ---
  {
    std::string which, unit;
    bool earlier = false, later = false;
    if (n == 2) which = a, unit = b;
    if (n == 3 && (a == "earlier" || a == "later") && b == "this") {
      which = "this", unit = c;
      earlier = a == "earlier";
      later = a == "later";
    }
    if ((which == "last" || which == "this" || which == "next" || which == "past" || which == "coming") &&
        (unit == "week" || unit == "month" || unit == "year" || unit == "quarter")) {
      const int step = which == "last" || which == "past" ? -1 : which == "next" || which == "coming" ? 1 : 0;
      DateValue d;
      if (unit == "week") {
        if (!day_ref) return need_day();
        d = week_of(ref_day + 7 * step);
      } else if (unit == "month") {
        if (reference.precision < Precision::Month) return need_day();
        d = month_at(ref.year * 12 + (ref.month - 1) + step);
      } else if (unit == "quarter") {
        if (reference.precision < Precision::Month) return need_day();
        const std::int64_t q = ref.year * 4 + (ref.month - 1) / 3 + step;
        const std::int64_t y = floor_div(q, 4), first = (q - y * 4) * 3;
        d = value(month_start(y, int(first) + 1), first + 3 == 12 ? month_start(y + 1, 1) : month_start(y, int(first) + 4),
                  Precision::Quarter);
      } else {
        d = year_value(ref.year + step);
      }
      if (earlier) {
        if (!day_ref) return need_day();
        d.to = std::max(d.from, day_start(ref_day));
        d.approximate = true;
        if (d.to == d.from) d.to = day_start(ref_day + 1);
      }
      if (later) {
        if (!day_ref) return need_day();
        d.from = std::min(day_start(ref_day + 1), d.to - 1);
        d.approximate = true;
      }
      return done(d);
    }
  }
  // --- early/mid/late X, the end/beginning/middle of X: a third of a relative X ---
  {
    std::string part;
    std::vector<std::string> rest;
    if (n >= 2 && (a == "early" || a == "mid" || a == "late")) part = a, rest.assign(w.begin() + 1, w.end());
    else if (a.size() > 4 && a.rfind("mid-", 0) == 0) part = "mid", rest = w, rest[0] = a.substr(4);
    else if (n >= 3 && (a == "the" || a == "end" || a == "beginning" || a == "start" || a == "middle")) {
      std::size_t k = a == "the" ? 1 : 0;
      if (k + 1 < n && w[k + 1] == "of" && (w[k] == "end" || w[k] == "beginning" || w[k] == "start" || w[k] == "middle")) {
        part = w[k] == "end" ? "late" : w[k] == "middle" ? "mid" : "early";
        rest.assign(w.begin() + std::ptrdiff_t(k + 2), w.end());
        if (!rest.empty() && rest[0] == "the" && rest.size() == 2) rest[0] = "this";  // "the end of the month"
      }
    }
    if (!part.empty() && !rest.empty()) {
      std::string joined;
      for (const auto& r : rest) joined += (joined.empty() ? "" : " ") + r;
      auto inner = parse_relative(joined, reference, dir);
      if (!inner) return std::nullopt;
      if (auto* d = std::get_if<DateValue>(&*inner)) {
        narrow_to_third(*d, part);
        d->text = text;
      }
      return inner;
    }
  }
  // --- the first/second half, the first..fourth quarter [of X]: of this year, or of a relative X ---
  {
    std::size_t k = a == "the" ? 1 : 0;
    static const char* ord[] = {"first", "second", "third", "fourth"};
    int nth = 0;
    for (int i = 0; i < 4 && k < n; ++i)
      if (w[k] == ord[i]) nth = i + 1;
    if (nth && k + 1 < n && (w[k + 1] == "half" || w[k + 1] == "quarter") && (w[k + 1] == "quarter" || nth <= 2)) {
      std::int64_t year = ref.year;
      if (k + 2 < n) {
        if (w[k + 2] != "of" || k + 3 >= n) return std::nullopt;
        std::string joined;
        for (std::size_t i = k + 3; i < n; ++i) joined += (joined.empty() ? "" : " ") + w[i];
        auto inner = parse_relative(joined, reference, dir);
        if (!inner || !std::holds_alternative<DateValue>(*inner)) return inner;
        year = civil_from_seconds(std::get<DateValue>(*inner).from).date.year;
      }
      const int months = w[k + 1] == "half" ? 6 : 3, first = (nth - 1) * months + 1;
      return done(value(month_start(year, first), first + months > 12 ? month_start(year + 1, 1) : month_start(year, first + months),
                        Precision::Quarter));
    }
  }
  // --- seasons: "last fall", "this spring", "next summer", "the winter" ---
  {
    std::size_t k = 0;
    std::string which;
    if (n == 2 && (a == "last" || a == "this" || a == "next" || a == "past" || a == "coming" || a == "the")) which = a, k = 1;
    const int season = k < n && n == k + 1 ? season_of(w[k]) : -1;
    if (season >= 0) {
      if (reference.precision < Precision::Month) return need_day();
      std::pair<std::int64_t, std::int64_t> last{0, 0}, next{0, 0};
      bool has_last = false, has_next = false;
      for (std::int64_t y = ref.year - 2; y <= ref.year + 1; ++y) {
        auto s = season_days(season, y);
        if (s.first <= ref_day) last = s, has_last = true;
        else if (!has_next) next = s, has_next = true;
      }
      std::pair<std::int64_t, std::int64_t> pick = last;
      const char* used_dir = nullptr;
      const bool inside = has_last && ref_day < last.second;
      if (which == "last" || which == "past") pick = inside ? season_days(season, civil_from_days(last.first).year - 1) : last;
      else if (which == "next" || which == "coming") pick = next;
      else if (which == "this") {
        // the one of the reference's year (winter: the one running through the reference, if any)
        pick = season == 3 && ref.month <= 2 ? season_days(3, ref.year - 1) : season_days(season, ref.year);
      } else {
        if (inside) pick = last, used_dir = "nearest";
        else {
          auto [t, name] = choose(last.first, next.first, dir);
          pick = t == last.first ? last : next;
          used_dir = name;
          if (dir == Direction::Nearest) pick = (ref_day - last.second) <= (next.first - ref_day) ? last : next;
        }
      }
      (void)has_next;
      return done(value(day_start(pick.first), day_start(pick.second), Precision::Season), used_dir);
    }
  }
  // --- decades of the reference's century: "the '70s", "the 70s" ---
  {
    std::string t = a == "the" && n == 2 ? b : n == 1 ? a : "";
    if (!t.empty() && t[0] == '\'') t = t.substr(1);
    if (t.size() == 3 && t.back() == 's' && std::isdigit(static_cast<unsigned char>(t[0])) &&
        std::isdigit(static_cast<unsigned char>(t[1])) && t[1] == '0') {
      const std::int64_t decade = (t[0] - '0') * 10;
      std::int64_t year = floor_div(ref.year, 100) * 100 + decade;
      if (year > ref.year) year -= 100;
      return done(value(month_start(year, 1), month_start(year + 10, 1), Precision::Decade));
    }
  }
  // --- N units ago / later / earlier: at the unit's precision ("two years ago" is a year) ---
  if (n >= 3 && (w.back() == "ago" || w.back() == "later" || w.back() == "earlier" || w.back() == "before" ||
                 w.back() == "after")) {
    std::vector<std::string> dw(w.begin(), w.end() - 1);
    if (auto dur = duration_of(dw, 0)) {
      const int sign = w.back() == "later" || w.back() == "after" ? 1 : -1;
      if (dur->unit == Precision::Year && !dur->months && !dur->days && !dur->seconds)
        return done(year_value(ref.year + sign * dur->years));
      if (dur->unit == Precision::Month && !dur->days && !dur->seconds) {
        if (reference.precision < Precision::Month) return need_day();
        return done(month_at(ref.year * 12 + (ref.month - 1) + sign * (dur->years * 12 + dur->months)));
      }
      if (!day_ref) return need_day();
      if (dur->unit == Precision::Week && !dur->seconds) return done(week_of(ref_day + sign * dur->days));
      Duration signed_dur = *dur;
      signed_dur.years *= sign, signed_dur.months *= sign, signed_dur.days *= sign, signed_dur.seconds *= sign;
      const Seconds t = add_duration(day_start(ref_day), signed_dur);
      return done(day(floor_div(t, seconds_per_day), dur->seconds != 0));
    }
  }
  // --- [last|this|next] MONTH [DAY]; MONTH DAY; DAY MONTH ---
  {
    std::string which;
    std::vector<std::string> rest = w;
    if (rest.size() >= 2 && (a == "last" || a == "this" || a == "next" || a == "past" || a == "coming")) {
      which = a;
      rest.erase(rest.begin());
    }
    if (rest.size() >= 2 && rest[0] == "the") rest.erase(rest.begin());  // "the 7th of April"
    int m = 0, dday = 0;
    auto day_number = [](const std::string& s) {
      std::string t = s;
      for (const char* suffix : {"st", "nd", "rd", "th"})
        if (t.size() > 2 && t.compare(t.size() - 2, 2, suffix) == 0) t.resize(t.size() - 2);
      if (t.empty() || t.size() > 2 || !all_digits(t)) return 0;
      int v = std::stoi(t);
      return v >= 1 && v <= 31 ? v : 0;
    };
    if (rest.size() == 3 && rest[1] == "of") rest.erase(rest.begin() + 1);  // "7th of April"
    if (rest.size() == 1) m = month_of(rest[0]);
    if (rest.size() == 2) {
      if ((m = month_of(rest[0]))) dday = day_number(rest[1]);
      else if ((m = month_of(rest[1]))) dday = day_number(rest[0]);
      if (!dday) m = 0;
    }
    if (m) {
      if (reference.precision < Precision::Month) return need_day();
      if (dday && !day_ref) return need_day();
      auto first_day = [&](std::int64_t y) { return days_from_civil(y, unsigned(m), dday ? 1u : 1u); };
      // The candidate of each year: its day, or its month's first day.
      auto at_year = [&](std::int64_t y) -> std::optional<std::int64_t> {
        if (dday && unsigned(dday) > days_in_month(y, unsigned(m))) return std::nullopt;
        return dday ? days_from_civil(y, unsigned(m), unsigned(dday)) : first_day(y);
      };
      const bool month_only = !dday;
      auto contains_ref = [&](std::int64_t y) { return month_only && y == ref.year && unsigned(m) == ref.month; };
      std::int64_t y = ref.year;
      const char* used_dir = nullptr;
      if (which == "this") {
        y = ref.year;
      } else if (which == "last" || which == "past") {
        y = (unsigned(m) > ref.month || (unsigned(m) == ref.month && (month_only || dday >= int(ref.day)))) ? ref.year - 1
                                                                                                          : ref.year;
        if (!month_only && unsigned(m) == ref.month && dday < int(ref.day)) y = ref.year;
      } else if (which == "next" || which == "coming") {
        y = (unsigned(m) < ref.month || (unsigned(m) == ref.month && (month_only || dday <= int(ref.day)))) ? ref.year + 1
                                                                                                          : ref.year;
      } else if (contains_ref(ref.year)) {
        y = ref.year, used_dir = "nearest";
      } else {
        // the last one on or before the reference, and the first after it
        std::int64_t past_y = ref.year, future_y = ref.year;
        const auto this_year = at_year(ref.year);
        if (this_year && *this_year <= ref_day) future_y = ref.year + 1;
        else past_y = ref.year - 1;
        auto p = at_year(past_y), f = at_year(future_y);
        for (int k = 0; k < 8 && !p; ++k) p = at_year(--past_y);  // February 29: the leap years around
        for (int k = 0; k < 8 && !f; ++k) f = at_year(++future_y);
        if (!p || !f) return DateError{"'" + text + "' resolves to a day that does not exist"};
        // A month alone is measured from its end when it lies before the reference.
        const std::int64_t past_end = month_only ? days_from_civil(past_y, unsigned(m), days_in_month(past_y, unsigned(m)))
                                                 : *p;
        auto [t, name] = choose(past_end, *f, dir);
        y = t == past_end ? past_y : future_y;
        used_dir = name;
      }
      if (dday) {
        if (unsigned(dday) > days_in_month(y, unsigned(m)))
          return DateError{"'" + text + "' resolves to a day that does not exist in " + std::to_string(y)};
        return done(day(days_from_civil(y, unsigned(m), unsigned(dday))), used_dir);
      }
      return done(month_value(y, m), used_dir);
    }
  }
  // --- holidays without a year: "Christmas", "New Year's Day", "last Thanksgiving" ---
  {
    std::string which;
    std::vector<std::string> name = w;
    if (name.size() >= 2 && (a == "last" || a == "this" || a == "next" || a == "past" || a == "coming")) {
      which = a;
      name.erase(name.begin());
    }
    if (holiday_day(name, ref.year)) {
      if (!day_ref) return need_day();
      std::int64_t before = *holiday_day(name, ref.year), after = before;
      if (before > ref_day) before = *holiday_day(name, ref.year - 1);
      if (after < ref_day) after = *holiday_day(name, ref.year + 1);
      std::int64_t target = 0;
      const char* used_dir = nullptr;
      if (which == "this") target = *holiday_day(name, ref.year);
      else if (which == "last" || which == "past") target = before == ref_day ? *holiday_day(name, ref.year - 1) : before;
      else if (which == "next" || which == "coming") target = after == ref_day ? *holiday_day(name, ref.year + 1) : after;
      else {
        auto [t, nm] = choose(before, after, dir);
        target = t;
        used_dir = nm;
      }
      return done(day(target), used_dir);
    }
  }
  // --- a time of day alone, on the reference day: "18:00 UTC", "8:30 a.m. EDT", "noon" ---
  {
    const bool timeish = a == "noon" || a == "midnight" || (std::isdigit(static_cast<unsigned char>(a[0])) &&
                                                            (a.find(':') != std::string::npos || a.find("am") != std::string::npos ||
                                                             a.find("pm") != std::string::npos || b == "am" || b == "pm"));
    if (timeish) {
      if (!day_ref) return need_day();
      std::string time;
      for (const auto& x : w) time += " " + x;
      auto timed = parse_casual(written_day(ref) + time);
      if (timed && std::holds_alternative<DateValue>(*timed)) {
        DateValue t = std::get<DateValue>(*timed);
        t.casual = false;
        return done(t);
      }
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
