#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <vector>

#include "model/date/calendar.h"
#include "model/date/format_date_label.h"
#include "model/date/parse_date.h"
#include "model/date/parse_relative.h"

using namespace chronicle::model;

namespace {

DateValue ok(const std::string& text) {
  auto r = parse_date(text);
  if (auto* e = std::get_if<DateError>(&r)) FAIL("'" << text << "' was rejected: " << e->message);
  return std::get<DateValue>(r);
}

std::string rejected(const std::string& text) {
  auto r = parse_date(text);
  if (auto* e = std::get_if<DateError>(&r)) return e->message;
  FAIL("'" << text << "' was accepted");
  return "";
}

}  // namespace

TEST_CASE("calendar: civil days round-trip far beyond std::chrono's range") {
  for (std::int64_t y : {-999999999LL, -32768LL, -491LL, -1LL, 0LL, 1LL, 1582LL, 1970LL, 2000LL, 2024LL, 32768LL,
                         999999999LL}) {
    for (unsigned m : {1u, 2u, 12u}) {
      unsigned d = days_in_month(y, m);
      auto back = civil_from_days(days_from_civil(y, m, d));
      CHECK(back.year == y);
      CHECK(back.month == m);
      CHECK(back.day == d);
    }
  }
  CHECK(days_from_civil(1970, 1, 1) == 0);
  CHECK(days_from_civil(2000, 3, 1) - days_from_civil(2000, 2, 28) == 2);  // 2000 is a leap year
  CHECK(days_from_civil(1900, 3, 1) - days_from_civil(1900, 2, 28) == 1);  // 1900 is not
  CHECK(is_leap_year(0));    // 1 BC
  CHECK(is_leap_year(-4));   // 5 BC
  CHECK(weekday_from_days(days_from_civil(2024, 11, 11)) == 0);  // a Monday
  CHECK(weekday_from_days(days_from_civil(2015, 7, 14)) == 1);   // a Tuesday
}

TEST_CASE("ISO 8601 dates at every precision denote intervals") {
  struct Case {
    const char* text;
    const char* from;
    const char* to;
    Precision precision;
  };
  const Case cases[] = {
      {"2015", "2015-01-01T00:00:00Z", "2016-01-01T00:00:00Z", Precision::Year},
      {"2015-07", "2015-07-01T00:00:00Z", "2015-08-01T00:00:00Z", Precision::Month},
      {"2015-12", "2015-12-01T00:00:00Z", "2016-01-01T00:00:00Z", Precision::Month},
      {"2015-07-14", "2015-07-14T00:00:00Z", "2015-07-15T00:00:00Z", Precision::Day},
      {"2024-02-29", "2024-02-29T00:00:00Z", "2024-03-01T00:00:00Z", Precision::Day},
      {"2015-07-14T10", "2015-07-14T10:00:00Z", "2015-07-14T11:00:00Z", Precision::Hour},
      {"2015-07-14T10:30", "2015-07-14T10:30:00Z", "2015-07-14T10:31:00Z", Precision::Minute},
      {"2015-07-14T10:30:00Z", "2015-07-14T10:30:00Z", "2015-07-14T10:30:01Z", Precision::Second},
      {"2015-07-14T10:30:00+03:30", "2015-07-14T07:00:00Z", "2015-07-14T07:00:01Z", Precision::Second},
      {"2015-07-14T10:30-05:00", "2015-07-14T15:30:00Z", "2015-07-14T15:31:00Z", Precision::Minute},
      {"2015-07-14T23:59:59.250Z", "2015-07-14T23:59:59Z", "2015-07-15T00:00:00Z", Precision::Second},
      {"-0490", "-0490-01-01T00:00:00Z", "-0489-01-01T00:00:00Z", Precision::Year},
      {"0000", "0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", Precision::Year},
      {"-0001-12-31", "-0001-12-31T00:00:00Z", "0000-01-01T00:00:00Z", Precision::Day},
      {"+2015", "2015-01-01T00:00:00Z", "2016-01-01T00:00:00Z", Precision::Year},
      {"40000", "40000-01-01T00:00:00Z", "40001-01-01T00:00:00Z", Precision::Year},
      {"-100000", "-100000-01-01T00:00:00Z", "-99999-01-01T00:00:00Z", Precision::Year},
      {"~1850", "1850-01-01T00:00:00Z", "1851-01-01T00:00:00Z", Precision::Year},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    DateValue d = ok(c.text);
    CHECK(format_iso(d.from) == c.from);
    CHECK(format_iso(d.to) == c.to);
    CHECK(d.precision == c.precision);
    CHECK(d.text == c.text);
  }
  CHECK(ok("~1850").approximate);
  CHECK_FALSE(ok("1850").approximate);
  CHECK(ok("present").present);
}

TEST_CASE("invalid dates are rejected with a reason") {
  CHECK(rejected("2023-02-30") == "invalid date '2023-02-30': day 30 does not exist: Feb 2023 has 28 days");
  CHECK(rejected("2023-02-29").find("has 28 days") != std::string::npos);
  CHECK(rejected("2015-13") == "invalid date '2015-13': month 13 is not between 01 and 12");
  CHECK(rejected("2015-00").find("month 0") != std::string::npos);
  CHECK(rejected("2015-7").find("two digits") != std::string::npos);
  CHECK(rejected("15").find("at least four digits") != std::string::npos);
  CHECK(rejected("2015-07-14T24:00").find("hour") != std::string::npos);
  CHECK(rejected("2015-07-14T10:60").find("minute") != std::string::npos);
  CHECK(rejected("2015-07-14T10:30:61").find("second") != std::string::npos);
  CHECK(rejected("2015-07-14T10:30+25:00").find("offset") != std::string::npos);
  CHECK(rejected("Julember 2015").find("expected ISO 8601") != std::string::npos);
  CHECK(rejected("2015/07/14").find("unexpected '/07/14'") != std::string::npos);
  CHECK(rejected("").find("expected ISO 8601") != std::string::npos);
  CHECK(rejected("100000000000").find("out of range") != std::string::npos);
  CHECK(rejected("-100000000000").find("out of range") != std::string::npos);
}

TEST_CASE("labels show the precision a date was given with") {
  CHECK(format_date_label(ok("2015")) == "2015");
  CHECK(format_date_label(ok("2015-07")) == "Jul 2015");
  CHECK(format_date_label(ok("2015-07-14")) == "14 Jul 2015");
  CHECK(format_date_label(ok("2015-07-14T10")) == "14 Jul 2015 10:00");
  CHECK(format_date_label(ok("2015-07-14T10:30:00Z")) == "14 Jul 2015 10:30");
  CHECK(format_date_label(ok("2015-07-14T10:30:15Z")) == "14 Jul 2015 10:30:15");
  CHECK(format_date_label(ok("2015-07-14T10:30")) == "14 Jul 2015 10:30");
  CHECK(format_date_label(ok("2015-07-14T10:30+03:30")) == "14 Jul 2015 10:30 UTC+03:30");
  CHECK(format_date_label(ok("-0490")) == "491 BC");
  CHECK(format_date_label(ok("0000")) == "1 BC");
  CHECK(format_date_label(ok("0001")) == "1");
  CHECK(format_date_label(ok("-0043-03-15")) == "15 Mar 44 BC");
  CHECK(format_date_label(ok("~1850")) == "c. 1850");
  CHECK(format_span_label(ok("2017-01-20"), ok("2021-01-20")) == "20 Jan 2017 – 20 Jan 2021");
}

namespace {

std::vector<std::vector<std::string>> tsv(const std::string& name) {
  std::ifstream in(std::string(CHRONICLE_SOURCE_DIR) + "/tests/dates/" + name);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::size_t pos = 0;
    for (;;) {
      auto tab = line.find('\t', pos);
      f.push_back(line.substr(pos, tab == std::string::npos ? std::string::npos : tab - pos));
      if (tab == std::string::npos) break;
      pos = tab + 1;
    }
    rows.push_back(f);
  }
  return rows;
}

}  // namespace

TEST_CASE("the date table: 150+ expressions with their intervals, precision and flags, and the invalid ones") {
  int valid = 0, invalid = 0;
  for (const auto& f : tsv("date_cases.tsv")) {
    INFO("'" << f[0] << "'");
    REQUIRE(f.size() >= 3);
    if (f[1] == "ERROR") {
      ++invalid;
      CHECK(rejected(f[0]).find(f[2]) != std::string::npos);
      continue;
    }
    ++valid;
    REQUIRE(f.size() == 5);
    DateValue d = ok(f[0]);
    CHECK(format_iso(d.from) == f[1]);
    CHECK(format_iso(d.to) == f[2]);
    CHECK(precision_name(d.precision) == f[3]);
    CHECK(d.approximate == (f[4].find('a') != std::string::npos));
    CHECK(d.uncertain == (f[4].find('u') != std::string::npos));
    CHECK(d.text == f[0]);
  }
  CHECK(valid >= 150);
  CHECK(invalid >= 20);
}

TEST_CASE("early, mid and late narrow a date to a third of it, approximately") {
  const DateValue year = ok("2020");
  for (const char* part : {"early", "mid", "late"}) {
    DateValue d = ok(std::string(part) + " 2020");
    INFO(part);
    CHECK(d.approximate);
    CHECK(d.from >= year.from);
    CHECK(d.to <= year.to);
    CHECK(std::abs(double(d.to - d.from) - double(year.to - year.from) / 3) < 2);
  }
  CHECK(ok("early 2020").from == year.from);
  CHECK(ok("late 2020").to == year.to);
  DateValue sixties = ok("mid-1960s");
  CHECK(format_iso(sixties.from).substr(0, 4) == "1963");
  DateValue century = ok("late 19th century");
  CHECK(format_iso(century.from).substr(0, 4) == "1867");
  CHECK(format_iso(century.to).substr(0, 4) == "1901");
  CHECK(format_date_label(ok("early 2020")) == "early 2020");  // casual dates keep their words
  CHECK(format_date_label(ok("201X")) == "2010s");
  CHECK(format_date_label(ok("2001-21")) == "Spring 2001");
  CHECK(format_date_label(ok("2024-W46")) == "2024-W46");
}


TEST_CASE("relative dates resolve against their reference day (table)") {
  const auto rows = tsv("relative_cases.tsv");
  CHECK(rows.size() >= 45);
  for (const auto& f : rows) {
    INFO("'" << f[0] << "' against " << f[1]);
    REQUIRE(f.size() >= 4);
    const DateValue ref = ok(f[1]);
    CHECK(is_relative_date(f[0]));
    // An optional seventh column: the direction the sentence gives (past, future), else nearest.
    const Direction dir = f.size() > 6 && f[6] == "past" ? Direction::Past : f.size() > 6 && f[6] == "future" ? Direction::Future
                                                                                                          : Direction::Nearest;
    auto r = parse_relative(f[0], ref, dir);
    REQUIRE(r.has_value());
    if (f[2] == "ERROR") {
      REQUIRE(std::holds_alternative<DateError>(*r));
      CHECK(std::get<DateError>(*r).message.find(f[3]) != std::string::npos);
      continue;
    }
    REQUIRE(f.size() >= 6);
    REQUIRE(std::holds_alternative<DateValue>(*r));
    const DateValue& d = std::get<DateValue>(*r);
    CHECK(format_iso(d.from) == f[2]);
    CHECK(format_iso(d.to) == f[3]);
    CHECK(precision_name(d.precision) == f[4]);
    CHECK(d.approximate == (f[5].find('a') != std::string::npos));
    CHECK(d.text == f[0]);
  }
  for (const char* absolute : {"2015", "14 July 2015", "c. 1850", "in 2020", "Q3 2019", "the meeting"}) {
    INFO(absolute);
    CHECK_FALSE(is_relative_date(absolute));
  }
}

TEST_CASE("EDTF intervals in one string, with open and unknown ends (table)") {
  const auto rows = tsv("interval_cases.tsv");
  CHECK(rows.size() >= 14);
  for (const auto& f : rows) {
    INFO("'" << f[0] << "'");
    auto r = parse_interval(f[0]);
    REQUIRE(r.has_value());
    if (f[1] == "ERROR") {
      REQUIRE(std::holds_alternative<DateError>(*r));
      CHECK(std::get<DateError>(*r).message.find(f[2]) != std::string::npos);
      continue;
    }
    REQUIRE(f.size() == 5);
    REQUIRE(std::holds_alternative<DateInterval>(*r));
    const auto& iv = std::get<DateInterval>(*r);
    auto check_side = [](const DateValue& d, const std::string& from, const std::string& to) {
      if (from == "open") {
        CHECK((d.open || d.present));
      } else {
        CHECK(format_iso(d.from) == from);
        CHECK(format_iso(d.to) == to);
      }
    };
    check_side(iv.start, f[1], f[2]);
    check_side(iv.end, f[3], f[4]);
  }
  CHECK_FALSE(parse_interval("2015").has_value());
  CHECK_FALSE(parse_interval("12/25/2022").has_value());  // two slashes: not an interval
  auto q = parse_interval("1984?/2004~");
  CHECK(std::get<DateInterval>(*q).start.uncertain);
  CHECK(std::get<DateInterval>(*q).end.approximate);
}

TEST_CASE("durations and markwhen chains") {
  auto d = parse_duration("2 minutes 3 seconds");
  REQUIRE(d);
  CHECK(d->seconds == 123);
  CHECK(d->unit == Precision::Second);
  const Seconds jan31 = seconds_from_civil({{2024, 1, 31}, 0, 0, 0});
  CHECK(format_iso(add_duration(jan31, *parse_duration("1 month"))) == "2024-02-29T00:00:00Z");
  CHECK(format_iso(add_duration(jan31, *parse_duration("1 year"))) == "2025-01-31T00:00:00Z");
  auto c = parse_chain("after !Phase1 2 weeks");
  REQUIRE(c);
  CHECK(c->id == "Phase1");
  CHECK(c->duration.days == 14);
  CHECK(parse_chain("!x 1 day")->id == "x");
  CHECK(parse_chain("3 days")->id.empty());
  CHECK_FALSE(parse_chain("after 3 days"));
  CHECK_FALSE(parse_chain("2015"));
  CHECK_FALSE(parse_duration("2 fortnights"));
}

TEST_CASE("dates written for people: dotted, compact, no year zero") {
  // Day first with dots (the European way), year first with dots, month and year.
  CHECK(format_iso(ok("14.07.2015").from) == "2015-07-14T00:00:00Z");
  CHECK(ok("14.07.2015").precision == Precision::Day);
  CHECK(format_iso(ok("4.7.2015").from) == "2015-07-04T00:00:00Z");
  CHECK(format_iso(ok("2015.07.14").from) == "2015-07-14T00:00:00Z");
  CHECK(format_iso(ok("07.2015").from) == "2015-07-01T00:00:00Z");
  CHECK(ok("07.2015").precision == Precision::Month);
  // ISO 8601's basic form of a day.
  CHECK(format_iso(ok("20150714").from) == "2015-07-14T00:00:00Z");
  CHECK(ok("20150714").precision == Precision::Day);
  // Never a longer number: a year of more digits than were written together is an error.
  CHECK(rejected("2015.5").find("not a date chronicle reads") != std::string::npos);
  CHECK(rejected("1.2.3.4").find("not a date chronicle reads") != std::string::npos);
  CHECK(rejected("31.02.2015").find("Feb 2015 has 28 days") != std::string::npos);
  CHECK(rejected("20151340").find("basic form") != std::string::npos);
  CHECK(format_iso(ok("+20150714").from) == "20150714-01-01T00:00:00Z");  // a signed year is a year
  // There is no year 0 in either era.
  CHECK(rejected("0 BC").find("no year 0") != std::string::npos);
  CHECK(rejected("AD 0").find("no year 0") != std::string::npos);
  CHECK(format_iso(ok("1 BC").from) == "0000-01-01T00:00:00Z");
  // Periods after words still go: "c.", "Nov.".
  CHECK(format_iso(ok("Nov. 11, 2024").from) == "2024-11-11T00:00:00Z");
  CHECK(ok("c. 1850").approximate);
}

namespace {

/// Runs a table of relative dates: text, reference, from, to, precision, flags, [direction].
int run_relative_table(const std::vector<std::vector<std::string>>& rows) {
  int checked = 0;
  for (const auto& f : rows) {
    INFO("'" << f[0] << "' against " << f[1] << (f.size() > 6 ? " (" + f[6] + ")" : std::string()));
    REQUIRE(f.size() >= 6);
    const DateValue ref = ok(f[1]);
    const Direction dir = f.size() > 6 && f[6] == "past" ? Direction::Past : f.size() > 6 && f[6] == "future" ? Direction::Future
                                                                                                          : Direction::Nearest;
    auto r = parse_relative(f[0], ref, dir);
    CHECK(r.has_value());
    if (!r) continue;
    CHECK(std::holds_alternative<DateValue>(*r));
    if (!std::holds_alternative<DateValue>(*r)) {
      INFO(std::get<DateError>(*r).message);
      CHECK(false);
      continue;
    }
    const DateValue& d = std::get<DateValue>(*r);
    CHECK(format_iso(d.from) == f[2]);
    CHECK(format_iso(d.to) == f[3]);
    CHECK(precision_name(d.precision) == f[4]);
    CHECK(d.approximate == (f[5].find('a') != std::string::npos));
    ++checked;
  }
  return checked;
}

}  // namespace

TEST_CASE("dates as news writes them, against the reference, each way a sentence points (table)") {
  // tests/dates/news_cases.tsv: written by make_news_cases.py, which computes every
  // expected interval with Python's datetime, calendar and dateutil.
  CHECK(run_relative_table(tsv("news_cases.tsv")) >= 350);
}

TEST_CASE("dates as news and history write them that need no reference (table)") {
  int checked = 0;
  for (const auto& f : tsv("news_absolute_cases.tsv")) {
    INFO("'" << f[0] << "'");
    REQUIRE(f.size() == 5);
    CHECK_FALSE(is_relative_date(f[0]));
    const DateValue d = ok(f[0]);
    CHECK(format_iso(d.from) == f[1]);
    CHECK(format_iso(d.to) == f[2]);
    CHECK(precision_name(d.precision) == f[3]);
    CHECK(d.approximate == (f[4].find('a') != std::string::npos));
    ++checked;
  }
  CHECK(checked >= 25);
}

TEST_CASE("the direction of a sentence: its tense and cue words") {
  CHECK(direction_of("The two sides will meet on Tuesday").direction == Direction::Future);
  CHECK(direction_of("Officials said talks are expected to resume in April").direction == Direction::Future);
  CHECK(direction_of("The ministers are set to sign the deal").cue == "set to");
  CHECK(direction_of("Musk met Iravani on Monday").direction == Direction::Past);
  CHECK(direction_of("The deal was signed in July").direction == Direction::Past);
  CHECK(direction_of("Trump withdrew from the agreement").cue == "withdrew");
  CHECK(direction_of("Meeting").direction == Direction::Nearest);
  CHECK(direction_of("Musk meets Iran's UN ambassador").direction == Direction::Nearest);
}
