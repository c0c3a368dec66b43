#include <catch2/catch.hpp>

#include "input/read_chronicle_json.h"
#include "model/date/format_date_label.h"
#include "model/merge_events.h"
#include "model/normalize.h"

using namespace chronicle;

namespace {

struct Loaded {
  Diagnostics diags;
  model::Timeline tl;
};

Loaded load(const std::string& text) {
  Loaded l;
  auto raw = input::read_chronicle_json("in.json", text, l.diags);
  if (raw) l.tl = model::normalize({*raw}, l.diags);
  return l;
}

std::string first_error(const Loaded& l) {
  for (const auto& d : l.diags.sorted())
    if (d.severity == Severity::Error) return format_diagnostic(d);
  return "";
}

}  // namespace

TEST_CASE("a valid timeline normalizes: sorted, ids, tracks in order of first use, sources numbered") {
  auto l = load(R"({
    "title": "T", "subtitle": "S",
    "sources": [{"id": "a", "title": "Article A", "url": "https://example.org/a", "published": "2024-11-15"},
                {"id": "b", "title": "Article B"}],
    "tracks": [{"id": "us", "title": "United States", "color": "#123456"}],
    "eras": [{"title": "Term", "start": "2017", "end": "2020"}],
    "events": [
      {"title": "Later", "date": "2020", "track": "iran", "sources": ["b"]},
      {"id": "first", "title": "First", "date": "2015-07-14", "track": "us", "sources": ["a", "b"]},
      {"title": "Span", "start": "2016", "end": "2017-06", "track": "musk"},
      {"title": "Later", "date": "2021"}
    ]})");
  REQUIRE_FALSE(l.diags.has_errors());
  const auto& tl = l.tl;
  REQUIRE(tl.events.size() == 4);
  CHECK(tl.events[0].id == "first");
  CHECK(tl.events[1].title == "Span");
  CHECK(tl.events[1].is_span());
  CHECK(tl.events[2].id == "later");
  CHECK(tl.events[3].id == "later-2");
  REQUIRE(tl.tracks.size() == 3);
  CHECK(tl.tracks[0].id == "us");
  CHECK(tl.tracks[1].id == "iran");  // created by first use, in input order
  CHECK(tl.tracks[2].id == "musk");
  CHECK(tl.sources[0].number == 1);  // cited first by the earliest event
  CHECK(tl.sources[1].number == 2);
  CHECK(model::format_iso(tl.sources[0].published->from) == "2024-11-15T00:00:00Z");
  REQUIRE(tl.eras.size() == 1);
}

TEST_CASE("errors point at file, line, column and JSON pointer") {
  SECTION("invalid date") {
    auto l = load("{\"events\": [\n  {\"title\": \"x\", \"date\": \"2023-02-30\"}\n]}");
    CHECK(first_error(l) ==
          "in.json:2:26: error: invalid date '2023-02-30': day 30 does not exist: Feb 2023 has 28 days "
          "(at /events/0/date)");
  }
  SECTION("end before start") {
    auto l = load("{\"events\": [\n{\"title\": \"x\",\n \"start\": \"2015-07-14\",\n \"end\": \"2015-07-01\"}]}");
    CHECK(first_error(l) == "in.json:4:9: error: end 2015-07-01 is before start 2015-07-14 (at /events/0/end)");
  }
  SECTION("duplicate ids") {
    auto l = load("{\"events\": [\n{\"id\": \"a\", \"title\": \"x\", \"date\": \"2015\"},\n"
                  "{\"id\": \"a\", \"title\": \"y\", \"date\": \"2016\"}]}");
    CHECK(first_error(l) == "in.json:3:8: error: duplicate event id 'a' (first used at in.json:2) (at /events/1/id)");
  }
  SECTION("wrong type") {
    auto l = load("{\"events\": [{\"title\": 5, \"date\": \"2015\"}]}");
    CHECK(first_error(l) == "in.json:1:23: error: 'title' must be a string, not a number (at /events/0/title)");
  }
  SECTION("unknown source, with a suggestion") {
    auto l = load("{\"sources\": [{\"id\": \"nyt\"}], \"events\": [{\"title\": \"x\", \"date\": \"2015\", \"sources\": [\"nytt\"]}]}");
    CHECK(first_error(l).find("unknown source 'nytt', did you mean 'nyt'?") != std::string::npos);
  }
  SECTION("missing date") {
    auto l = load("{\"events\": [{\"title\": \"x\"}]}");
    CHECK(first_error(l) == "in.json:1:13: error: an event needs a 'date' (or 'start' and 'end') (at /events/0)");
  }
  SECTION("date and start together") {
    auto l = load("{\"events\": [{\"title\": \"x\", \"date\": \"2015\", \"start\": \"2015\"}]}");
    CHECK(first_error(l).find("either 'date' or 'start'/'end'") != std::string::npos);
  }
  SECTION("events must be an array") {
    auto l = load("{\"events\": {}}");
    CHECK(first_error(l) == "in.json:1:12: error: 'events' must be an array, not an object (at /events)");
  }
  SECTION("bad colour") {
    auto l = load("{\"tracks\": [{\"id\": \"a\", \"color\": \"red\"}], \"events\": [{\"title\": \"x\", \"date\": \"2015\"}]}");
    CHECK(first_error(l).find("color 'red' is not of the form #rrggbb") != std::string::npos);
  }
  SECTION("top level not an object") {
    auto l = load("[1, 2]");
    CHECK(first_error(l) == "in.json:1:1: error: the top level must be an object with 'events', not an array");
  }
}

TEST_CASE("unknown fields are warnings with a suggestion, not errors") {
  auto l = load("{\"events\": [{\"titel\": \"x\", \"title\": \"x\", \"date\": \"2015\"}]}");
  CHECK_FALSE(l.diags.has_errors());
  REQUIRE(l.diags.items().size() == 1);
  CHECK(format_diagnostic(l.diags.items()[0]) ==
        "in.json:1:14: warning: unknown field 'titel' in an event (ignored), did you mean 'title'? (at /events/0/titel)");
}

TEST_CASE("'present' ends at the latest date the timeline mentions, never the clock") {
  auto l = load(R"({"events": [
      {"title": "Open", "start": "2017-01-20", "end": "present"},
      {"title": "Last", "date": "2024-11-11"}]})");
  REQUIRE_FALSE(l.diags.has_errors());
  const auto& open = l.tl.events[0];
  REQUIRE(open.end);
  CHECK(open.end->present);
  CHECK(model::format_iso(open.end->from) == "2024-11-12T00:00:00Z");
  CHECK(model::format_date_label(*open.end) == "present");
}

TEST_CASE("events sort by time, stably, with the middle of imprecise dates") {
  auto l = load(R"({"events": [
      {"id": "month", "title": "m", "date": "2024-11"},
      {"id": "day", "title": "d", "date": "2024-11-11"},
      {"id": "year", "title": "y", "date": "2024"},
      {"id": "same-day", "title": "d2", "date": "2024-11-11"}]})");
  REQUIRE_FALSE(l.diags.has_errors());
  std::vector<std::string> ids;
  for (const auto& e : l.tl.events) ids.push_back(e.id);
  CHECK(ids == std::vector<std::string>{"year", "day", "same-day", "month"});
}

TEST_CASE("merge groups: same id, similar titles at compatible dates, never two events of one file") {
  auto ev = [](std::string title, model::Seconds from, model::Seconds to) {
    model::Event e;
    e.title = std::move(title);
    e.start.from = from;
    e.start.to = to;
    return e;
  };
  const model::Seconds day = 86400, y2024 = 19723 * day;
  std::vector<model::Event> events{
      ev("Elon Musk meets Iran's UN ambassador Amir Saeid Iravani", y2024 + 315 * day, y2024 + 316 * day),  // file 1
      ev("Musk meets Iran's UN envoy Iravani in New York", y2024 + 315 * day, y2024 + 316 * day),        // file 2
      ev("Musk meets Iravani again", y2024 + 315 * day, y2024 + 316 * day),                               // file 1
      ev("Deal signed", 0, day),                                                                            // file 1, id deal
      ev("Treaty", 400 * day, 401 * day),                                                                   // file 2, id deal
      ev("Musk meets Iran's UN envoy Iravani in New York", 0, day),                                        // file 3: other date
  };
  std::vector<model::MergeCandidate> c{{&events[0], 1, ""}, {&events[1], 2, ""}, {&events[2], 1, ""},
                                       {&events[3], 1, "deal"}, {&events[4], 2, "deal"}, {&events[5], 3, ""}};
  auto groups = model::merge_groups(c);
  // 0+1 (similar, same day) and 5 (same words as 1, another date: a dispute); 2 stays apart
  // (same file as 0); 3+4 share an id.
  REQUIRE(groups.size() == 3);
  CHECK(groups[0] == std::vector<std::size_t>{0, 1, 5});
  CHECK(groups[1] == std::vector<std::size_t>{2});
  CHECK(groups[2] == std::vector<std::size_t>{3, 4});
  CHECK(model::title_words("The 2015 Iran's nuclear deals") == std::vector<std::string>{"2015", "deal", "iran", "nuclear"});
}
