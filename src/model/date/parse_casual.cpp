#include "model/date/parse_casual.h"

#include "support/text.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace chronicle::model {
namespace {

using Result = std::optional<std::variant<DateValue, DateError>>;

/// Words, split at spaces and commas; periods dropped ("c." "Nov." "B.C.") except between
/// two digits ("14.07.2015" stays one word, read as a dotted date or rejected, never as the
/// number 14072015).
std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::string w;
  const std::string t = ascii_lower(text);
  auto digit = [&](std::size_t k) { return k < t.size() && std::isdigit(static_cast<unsigned char>(t[k])); };
  for (std::size_t k = 0; k < t.size(); ++k) {
    const char c = t[k];
    if (c == ' ' || c == ',' || c == '\t') {
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

int month_of(const std::string& w) {
  static const char* names[] = {"january", "february", "march",     "april",   "may",      "june",
                                "july",    "august",   "september", "october", "november", "december"};
  for (int m = 0; m < 12; ++m) {
    const std::string full = names[m];
    if (w == full || (w.size() >= 3 && full.compare(0, w.size(), w) == 0)) return m + 1;
  }
  if (w == "sept") return 9;
  return 0;
}

DateValue interval(Seconds from, Seconds to, Precision p) {
  DateValue d;
  d.from = from;
  d.to = to;
  d.precision = p;
  d.casual = true;
  return d;
}

Seconds at(std::int64_t y, unsigned m = 1, unsigned d = 1) { return seconds_from_civil({{y, m, d}, 0, 0, 0}); }

/// One to eleven digits: a year as casual text writes it ("13800000000 BC").
bool year_number(const std::string& s) {
  if (s.empty() || s.size() > max_year_digits) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

/// "490 bc" -> -489; "ad 79" / "79 ad" / "79 ce" -> 79. Consumes the era word.
bool era_year(std::vector<std::string>& w, std::int64_t& year) {
  if (w.size() >= 2 && (w[0] == "ad" || w[0] == "ce") && year_number(w[1])) {
    year = std::stoll(w[1]);
    w.erase(w.begin(), w.begin() + 2);
    return true;
  }
  if (w.size() >= 2 && year_number(w[0])) {
    const std::string& e = w[1];
    if (e == "bc" || e == "bce") {
      year = 1 - std::stoll(w[0]);
      w.erase(w.begin(), w.begin() + 2);
      return true;
    }
    if (e == "ad" || e == "ce") {
      year = std::stoll(w[0]);
      w.erase(w.begin(), w.begin() + 2);
      return true;
    }
  }
  return false;
}

/// A year: four or more digits, or fewer with an era ("79 AD").
bool plain_year(std::vector<std::string>& w, std::int64_t& year) {
  if (era_year(w, year)) return true;
  if (!w.empty() && year_number(w[0]) && w[0].size() >= 3) {
    year = std::stoll(w[0]);
    w.erase(w.begin());
    return true;
  }
  return false;
}

/// "19th" -> 19.
int ordinal(const std::string& w) {
  std::size_t k = 0;
  while (k < w.size() && std::isdigit(static_cast<unsigned char>(w[k]))) ++k;
  if (k == 0 || k > 2) return 0;
  std::string suffix = w.substr(k);
  if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return 0;
  return std::stoi(w.substr(0, k));
}

/// Narrows [from, to) to its early / mid / late third.
void third(DateValue& d, const std::string& part) {
  const Seconds span = d.to - d.from;
  d.approximate = true;
  if (span < 3) return;  // a second has no thirds
  if (part == "early") d.to = d.from + span / 3;
  else if (part == "mid") {
    d.from += span / 3;
    d.to = d.from + span / 3;
  } else if (part == "late") d.from += 2 * span / 3;
  d.approximate = true;
}

/// A zone abbreviation's offset from UTC in minutes ("EDT" -> -240); false when unknown.
bool zone_offset(const std::string& w, int& minutes) {
  static const std::pair<const char*, int> zones[] = {
      {"utc", 0},     {"gmt", 0},    {"z", 0},      {"est", -300}, {"edt", -240}, {"cst", -360}, {"cdt", -300},
      {"mst", -420},  {"mdt", -360}, {"pst", -480}, {"pdt", -420}, {"akst", -540}, {"akdt", -480},
      {"hst", -600},  {"wet", 0},    {"west", 60},  {"bst", 60},   {"cet", 60},   {"cest", 120}, {"eet", 120},
      {"eest", 180},  {"msk", 180},  {"ist", 330},  {"jst", 540},  {"kst", 540},  {"aest", 600}, {"aedt", 660}};
  for (const auto& [name, m] : zones)
    if (w == name) return minutes = m, true;
  return false;
}

/// A time of day after a date: "10:30", "10:30:15", 12-hour "8am", "6:40pm", "8:30 am"
/// ("a.m." loses its periods to words()), "noon", "midnight"; then an optional zone
/// ("UTC", "EDT", "+03:30").
Result time_of_day(std::vector<std::string>& w, DateValue& d, const std::string& text) {
  if (w.empty()) return std::nullopt;
  std::string t = w[0];
  std::size_t used = 1;
  std::string meridiem;
  for (const char* m : {"am", "pm"})
    if (t.size() > 2 && t.compare(t.size() - 2, 2, m) == 0 && std::isdigit(static_cast<unsigned char>(t[t.size() - 3])))
      meridiem = m, t.resize(t.size() - 2);
  if (meridiem.empty() && w.size() >= 2 && (w[1] == "am" || w[1] == "pm")) meridiem = w[1], used = 2;
  unsigned h = 0, m = 0, s = 0;
  int fields = 0;
  if (t == "noon" || t == "midnight") {
    h = t == "noon" ? 12 : 0;
    fields = 2;
  } else if (!meridiem.empty()) {
    fields = std::sscanf(t.c_str(), "%u:%u:%u", &h, &m, &s);
    if (fields < 1 || h < 1 || h > 12 || m > 59 || s > 59 || t.find_first_not_of("0123456789:") != std::string::npos)
      return DateError{"invalid date '" + text + "': bad time '" + w[0] + "'"};
    if (meridiem == "pm" && h != 12) h += 12;
    if (meridiem == "am" && h == 12) h = 0;
  } else {
    if (t.size() < 4 || t.find(':') == std::string::npos) return DateError{"invalid date '" + text + "': unexpected '" + t + "'"};
    fields = std::sscanf(t.c_str(), "%u:%u:%u", &h, &m, &s);
    if (fields < 2 || h > 23 || m > 59 || s > 59) return DateError{"invalid date '" + text + "': bad time '" + t + "'"};
  }
  w.erase(w.begin(), w.begin() + std::ptrdiff_t(used));
  int offset = 0;
  if (!w.empty() && zone_offset(w[0], offset)) {
    w.erase(w.begin());
    d.has_offset = true;
  } else if (!w.empty() && (w[0][0] == '+' || w[0][0] == '-')) {
    unsigned oh = 0, om = 0;
    if (std::sscanf(w[0].c_str() + 1, "%u:%u", &oh, &om) < 1 || oh > 18 || om > 59)
      return DateError{"invalid date '" + text + "': bad offset '" + w[0] + "'"};
    offset = (w[0][0] == '-' ? -1 : 1) * int(oh * 60 + om);
    d.has_offset = true;
    w.erase(w.begin());
  }
  d.offset_minutes = offset;
  d.from += Seconds(h) * 3600 + Seconds(m) * 60 + s - Seconds(offset) * 60;
  d.precision = fields == 3 ? Precision::Second : fields == 2 ? Precision::Minute : Precision::Hour;
  d.to = d.from + (fields == 3 ? 1 : fields == 2 ? 60 : 3600);
  return std::nullopt;
}

Result day_month_year(int day, int month, std::int64_t year, std::vector<std::string>& w, const std::string& text) {
  if (day < 1 || unsigned(day) > days_in_month(year, unsigned(month))) {
    static const char* abbr = "JanFebMarAprMayJunJulAugSepOctNovDec";
    return DateError{"invalid date '" + text + "': day " + std::to_string(day) + " does not exist: " +
                     std::string(abbr + (month - 1) * 3, 3) + " " + std::to_string(year) + " has " +
                     std::to_string(days_in_month(year, unsigned(month))) + " days"};
  }
  DateValue d = interval(at(year, unsigned(month), unsigned(day)), at(year, unsigned(month), unsigned(day)) + seconds_per_day,
                         Precision::Day);
  if (auto err = time_of_day(w, d, text)) return err;
  if (!w.empty()) return std::nullopt;
  return d;
}

/// "14.07.2015" (day first, the European way), "2015.07.14" (year first), "07.2015":
/// numbers joined by periods. Any other number with a period inside ("2015.5") is an
/// error, never a longer number.
Result dotted(std::vector<std::string>& w, const std::string& text) {
  if (w.empty() || w[0].find('.') == std::string::npos) return std::nullopt;
  std::vector<std::string> parts;
  std::size_t from = 0;
  for (std::size_t at; (at = w[0].find('.', from)) != std::string::npos; from = at + 1) parts.push_back(w[0].substr(from, at - from));
  parts.push_back(w[0].substr(from));
  bool numbers = true;
  for (const auto& p : parts) numbers = numbers && all_digits(p);
  const auto fail = [&] {
    return DateError{"invalid date '" + text + "': '" + w[0] +
                     "' is not a date chronicle reads; write 14.07.2015 (day.month.year), 2015.07.14 or 2015-07-14"};
  };
  if (!numbers) return fail();
  const auto month = [&](const std::string& m) { return m.size() <= 2 && std::stoi(m) >= 1 && std::stoi(m) <= 12; };
  std::vector<std::string> rest(w.begin() + 1, w.end());
  if (parts.size() == 3 && parts[2].size() == 4 && parts[0].size() <= 2 && month(parts[1]))
    return day_month_year(std::stoi(parts[0]), std::stoi(parts[1]), std::stoll(parts[2]), rest, text);
  if (parts.size() == 3 && parts[0].size() == 4 && month(parts[1]) && parts[2].size() <= 2)
    return day_month_year(std::stoi(parts[2]), std::stoi(parts[1]), std::stoll(parts[0]), rest, text);
  if (parts.size() == 2 && parts[1].size() == 4 && month(parts[0]) && rest.empty()) {
    const std::int64_t year = std::stoll(parts[1]);
    const unsigned m = unsigned(std::stoi(parts[0]));
    return interval(at(year, m), m == 12 ? at(year + 1) : at(year, m + 1), Precision::Month);
  }
  return fail();
}

/// The nth (1-based; -1: the last) `weekday` (0 = Monday) of `month` in `year`, as days.
std::int64_t nth_weekday(std::int64_t year, unsigned month, int weekday, int n) {
  if (n < 0) {
    const std::int64_t last = days_from_civil(year, month, days_in_month(year, month));
    return last - (int(weekday_from_days(last)) - weekday + 7) % 7;
  }
  const std::int64_t first = days_from_civil(year, month, 1);
  return first + (weekday - int(weekday_from_days(first)) + 7) % 7 + 7 * (n - 1);
}

/// Easter Sunday of `year` (the Gregorian computus: the anonymous algorithm).
std::int64_t easter(std::int64_t y) {
  const std::int64_t a = floor_mod(y, 19), b = floor_div(y, 100), c = floor_mod(y, 100), d = floor_div(b, 4),
                     e = floor_mod(b, 4), f = floor_div(b + 8, 25), g = floor_div(b - f + 1, 3),
                     h = floor_mod(19 * a + b - d - g + 15, 30), i = floor_div(c, 4), k = floor_mod(c, 4),
                     l = floor_mod(32 + 2 * e + 2 * i - h - k, 7), m = floor_div(a + 11 * h + 22 * l, 451);
  const std::int64_t month = floor_div(h + l - 7 * m + 114, 31), day = floor_mod(h + l - 7 * m + 114, 31) + 1;
  return days_from_civil(y, unsigned(month), unsigned(day));
}

}  // namespace

std::optional<std::int64_t> holiday_day(const std::vector<std::string>& name_in, std::int64_t year) {
  std::string name;
  for (const auto& w : name_in) {
    std::string x;
    for (char c : w) x += c == '\'' ? '\0' : c;  // "year's" and "years'" alike
    x.erase(std::remove(x.begin(), x.end(), '\0'), x.end());
    name += (name.empty() ? "" : " ") + x;
  }
  if (name.rfind("the ", 0) == 0) name = name.substr(4);
  struct Fixed {
    const char* name;
    unsigned month, day;
  };
  static const Fixed fixed[] = {
      {"new years day", 1, 1},     {"new year", 1, 1},          {"new years", 1, 1},       {"new years eve", 12, 31},
      {"christmas", 12, 25},       {"christmas day", 12, 25},   {"xmas", 12, 25},          {"christmas eve", 12, 24},
      {"boxing day", 12, 26},      {"independence day", 7, 4},  {"fourth of july", 7, 4},  {"july fourth", 7, 4},
      {"halloween", 10, 31},       {"valentines day", 2, 14},   {"st patricks day", 3, 17}, {"saint patricks day", 3, 17},
      {"may day", 5, 1},           {"bastille day", 7, 14},     {"veterans day", 11, 11},  {"armistice day", 11, 11},
      {"remembrance day", 11, 11}, {"all saints day", 11, 1},   {"juneteenth", 6, 19},     {"epiphany", 1, 6}};
  for (const auto& f : fixed)
    if (name == f.name) return days_from_civil(year, f.month, f.day);
  struct Moving {
    const char* name;
    unsigned month;
    int weekday, n;
  };
  static const Moving moving[] = {{"thanksgiving", 11, 3, 4},        {"thanksgiving day", 11, 3, 4},
                                  {"labor day", 9, 0, 1},            {"memorial day", 5, 0, -1},
                                  {"martin luther king day", 1, 0, 3}, {"martin luther king jr day", 1, 0, 3},
                                  {"mlk day", 1, 0, 3},              {"presidents day", 2, 0, 3},
                                  {"columbus day", 10, 0, 2},        {"mothers day", 5, 6, 2},
                                  {"fathers day", 6, 6, 3}};
  for (const auto& m : moving)
    if (name == m.name) return nth_weekday(year, m.month, m.weekday, m.n);
  if (name == "election day") return nth_weekday(year, 11, 0, 1) + 1;  // the Tuesday after the first Monday
  if (name == "easter" || name == "easter sunday") return easter(year);
  if (name == "good friday") return easter(year) - 2;
  if (name == "easter monday") return easter(year) + 1;
  return std::nullopt;
}

void narrow_to_third(DateValue& d, const std::string& part) { third(d, part); }

namespace {

/// "first" / "1st" ... "fourth" / "4th" -> 1..4; 0 otherwise.
int ordinal_word(const std::string& w) {
  static const char* words[] = {"first", "second", "third", "fourth"};
  for (int k = 0; k < 4; ++k)
    if (w == words[k]) return k + 1;
  if (w.size() == 3 && w[0] >= '1' && w[0] <= '4') {
    const std::string sfx = w.substr(1);
    if (sfx == "st" || sfx == "nd" || sfx == "rd" || sfx == "th") return w[0] - '0';
  }
  return 0;
}

Result parse_words(std::vector<std::string> w, const std::string& text) {
  if (w.empty()) return std::nullopt;
  if (auto r = dotted(w, text)) return r;
  if (w[0] == "the" && w.size() > 1) w.erase(w.begin());  // "the 1920s", "the end of 2012"
  // "the end of 2012", "the beginning of 2013", "the middle of June 2020": a third of it.
  if (w.size() >= 3 && w[1] == "of" &&
      (w[0] == "end" || w[0] == "beginning" || w[0] == "start" || w[0] == "middle")) {
    Result r = parse_words(std::vector<std::string>(w.begin() + 2, w.end()), text);
    if (r)
      if (auto* d = std::get_if<DateValue>(&*r)) third(*d, w[0] == "end" ? "late" : w[0] == "middle" ? "mid" : "early");
    return r;
  }
  // "the first half of 2010", "the fourth quarter of 2005": of the year written after "of".
  if (w.size() >= 4 && w[2] == "of" && (w[1] == "half" || w[1] == "quarter") && ordinal_word(w[0])) {
    const int n = ordinal_word(w[0]);
    const std::vector<std::string> rest(w.begin() + 3, w.end());
    Result r = parse_words(rest, text);
    if (!r) return r;
    auto* d = std::get_if<DateValue>(&*r);
    if (!d) return r;
    if (w[1] == "half" && n > 2) return std::nullopt;
    const std::int64_t year = civil_from_seconds(d->from).date.year;
    const unsigned months = w[1] == "half" ? 6 : 3, first = unsigned(n - 1) * months + 1;
    const Seconds from = at(year, first), to = first + months > 12 ? at(year + 1) : at(year, first + months);
    return interval(from, to, Precision::Quarter);
  }
  // "Christmas 2012", "New Year's Day 2020", "Thanksgiving 1963": a holiday and its year.
  if (w.size() >= 2 && all_digits(w.back()) && w.back().size() >= 3) {
    const std::vector<std::string> name(w.begin(), w.end() - 1);
    if (auto day = holiday_day(name, std::stoll(w.back())))
      return interval(*day * seconds_per_day, (*day + 1) * seconds_per_day, Precision::Day);
  }
  // There is no year 0 in either era: 1 BC is followed by AD 1.
  auto era = [](const std::string& e) { return e == "bc" || e == "bce" || e == "ad" || e == "ce"; };
  auto zero = [](const std::string& n) { return all_digits(n) && n.find_first_not_of('0') == std::string::npos; };
  for (std::size_t k = 0; k < w.size(); ++k)
    if (zero(w[k]) && ((k + 1 < w.size() && era(w[k + 1])) || (k > 0 && era(w[k - 1]))))
      return DateError{"invalid date '" + text + "': there is no year 0 BC or AD 0 (1 BC is followed by AD 1)"};
  // Approximation first: "circa 1850", "c. 1850", "ca 1850", "about 1850", "~1850".
  if (w[0] == "circa" || w[0] == "c" || w[0] == "ca" || w[0] == "about" || w[0] == "around") {
    w.erase(w.begin());
    Result r = parse_words(w, text);
    if (r)
      if (auto* d = std::get_if<DateValue>(&*r)) d->approximate = true;
    return r;
  }
  if (w[0].size() > 1 && w[0][0] == '~') {
    w[0] = w[0].substr(1);
    Result r = parse_words(w, text);
    if (r)
      if (auto* d = std::get_if<DateValue>(&*r)) d->approximate = true;
    return r;
  }
  // "early 2020", "mid-1960s", "late 19th century".
  for (const char* part : {"early", "mid", "late"}) {
    std::string p = part;
    if (w[0] == p || w[0].rfind(p + "-", 0) == 0) {
      if (w[0] == p) w.erase(w.begin());
      else w[0] = w[0].substr(p.size() + 1);
      Result r = parse_words(w, text);
      if (r)
        if (auto* d = std::get_if<DateValue>(&*r)) third(*d, p);
      return r;
    }
  }
  // "Q3 2019", "2019 Q3".
  auto quarter = [&](const std::string& q, const std::string& y) -> Result {
    if (q.size() != 2 || q[0] != 'q' || q[1] < '1' || q[1] > '4' || !all_digits(y)) return std::nullopt;
    const std::int64_t year = std::stoll(y);
    const unsigned m = unsigned(q[1] - '1') * 3 + 1;
    return interval(at(year, m), m == 10 ? at(year + 1) : at(year, m + 3), Precision::Quarter);
  };
  if (w.size() == 2) {
    if (auto r = quarter(w[0], w[1])) return r;
    if (auto r = quarter(w[1], w[0])) return r;
  }
  // "spring 1968" (northern seasons; winter runs into the next year).
  static const char* seasons[] = {"spring", "summer", "autumn", "fall", "winter"};
  for (int s = 0; s < 5; ++s) {
    if (w[0] != seasons[s]) continue;
    std::vector<std::string> rest(w.begin() + 1, w.end());
    std::int64_t year;
    if (!plain_year(rest, year) || !rest.empty()) return std::nullopt;
    const unsigned m = s == 0 ? 3 : s == 1 ? 6 : s == 4 ? 12 : 9;
    return interval(at(year, m), m == 12 ? at(year + 1, 3) : at(year, m + 3), Precision::Season);
  }
  // "19th century", "5th century BC", "2nd millennium".
  if (int n = ordinal(w[0]); n > 0 && w.size() >= 2 && (w[1] == "century" || w[1] == "millennium")) {
    const std::int64_t unit = w[1] == "century" ? 100 : 1000;
    const bool bc = w.size() == 3 && (w[2] == "bc" || w[2] == "bce");
    if (w.size() > 3 || (w.size() == 3 && !bc && w[2] != "ad" && w[2] != "ce")) return std::nullopt;
    // The 19th century is 1801-1900; the 5th century BC is 500-401 BC (astronomical -499..-400).
    const std::int64_t first = bc ? 1 - n * unit : (n - 1) * unit + 1;
    return interval(at(first), at(first + unit), unit == 100 ? Precision::Century : Precision::Millennium);
  }
  // "1990s" (a decade), "1800s" (a century).
  if (w.size() == 1 && w[0].size() >= 4 && w[0].back() == 's' && all_digits(w[0].substr(0, w[0].size() - 1))) {
    const std::int64_t y = std::stoll(w[0].substr(0, w[0].size() - 1));
    if (y % 10 != 0) return std::nullopt;
    const std::int64_t unit = y % 100 == 0 ? 100 : 10;
    return interval(at(y), at(y + unit), unit == 100 ? Precision::Century : Precision::Decade);
  }
  // ISO's basic form of weeks, "2016W21" and "2016W213": as "2016-W21", "2016-W21-3".
  if (w.size() == 1 && (w[0].size() == 7 || w[0].size() == 8) && w[0][4] == 'w' && all_digits(w[0].substr(0, 4)) &&
      all_digits(w[0].substr(5))) {
    w[0] = w[0].substr(0, 4) + "-w" + w[0].substr(5, 2) + (w[0].size() == 8 ? "-" + w[0].substr(7) : "");
  }
  // "2024-W46", "2024-W46-1".
  if (w.size() == 1 && w[0].size() >= 8 && w[0][4] == '-' && w[0][5] == 'w' && all_digits(w[0].substr(0, 4))) {
    const std::int64_t year = std::stoll(w[0].substr(0, 4));
    const std::string wk = w[0].substr(6, 2);
    if (!all_digits(wk)) return std::nullopt;
    const int week = std::stoi(wk);
    // ISO week 1 holds 4 January; weeks start on Monday.
    const std::int64_t jan4 = days_from_civil(year, 1, 4);
    const std::int64_t week1 = jan4 - weekday_from_days(jan4);
    const std::int64_t next_week1 = days_from_civil(year + 1, 1, 4) - weekday_from_days(days_from_civil(year + 1, 1, 4));
    const int weeks = int((next_week1 - week1) / 7);
    if (week < 1 || week > weeks)
      return DateError{"invalid date '" + text + "': " + std::to_string(year) + " has " + std::to_string(weeks) +
                       " ISO weeks"};
    std::int64_t day = week1 + (week - 1) * 7;
    if (w[0].size() == 10 && w[0][8] == '-' && w[0][9] >= '1' && w[0][9] <= '7') {
      day += w[0][9] - '1';
      return interval(day * seconds_per_day, (day + 1) * seconds_per_day, Precision::Day);
    }
    if (w[0].size() != 8) return std::nullopt;
    return interval(day * seconds_per_day, (day + 7) * seconds_per_day, Precision::Week);
  }
  // "14 July 2015", "July 14, 2015", "July 2015", "Nov 11 2024 10:30 UTC".
  if (w.size() >= 3 && all_digits(w[0]) && w[0].size() <= 2 && month_of(w[1])) {
    const int day = std::stoi(w[0]), month = month_of(w[1]);
    std::vector<std::string> rest(w.begin() + 2, w.end());
    std::int64_t year;
    if (!plain_year(rest, year)) return std::nullopt;
    return day_month_year(day, month, year, rest, text);
  }
  if (w.size() >= 2 && month_of(w[0])) {
    const int month = month_of(w[0]);
    std::vector<std::string> rest(w.begin() + 1, w.end());
    if (rest.size() >= 2 && all_digits(rest[0]) && rest[0].size() <= 2) {
      const int day = std::stoi(rest[0]);
      rest.erase(rest.begin());
      std::int64_t year;
      if (!plain_year(rest, year)) return std::nullopt;
      return day_month_year(day, month, year, rest, text);
    }
    std::int64_t year;
    if (!plain_year(rest, year) || !rest.empty()) return std::nullopt;
    return interval(at(year, unsigned(month)), month == 12 ? at(year + 1) : at(year, unsigned(month) + 1),
                    Precision::Month);
  }
  // "490 BC", "AD 79", "79 CE".
  std::int64_t year;
  std::vector<std::string> rest = w;
  if (era_year(rest, year) && rest.empty()) return interval(at(year), at(year + 1), Precision::Year);
  // "1850" after "circa": a bare year of one to nine digits.
  if (w.size() == 1 && all_digits(w[0])) {
    year = std::stoll(w[0]);
    return interval(at(year), at(year + 1), Precision::Year);
  }
  return std::nullopt;
}

}  // namespace

Result parse_casual(const std::string& text) {
  if (text.size() > 100 || all_digits(text)) return std::nullopt;  // bare numbers are ISO's to judge
  Result r = parse_words(words(text), text);
  if (r)
    if (auto* d = std::get_if<DateValue>(&*r)) d->text = text;
  return r;
}

}  // namespace chronicle::model
