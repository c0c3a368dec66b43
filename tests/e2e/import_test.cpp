// The formats people already have (TimelineJS CSV, markwhen, plain CSV), relative dates
// and several sources merged, through the real binary and read back from `normalize`.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "e2e_helpers.h"

namespace {

using nlohmann::json;

json normalized(const std::string& args, const std::string& name, Run* out = nullptr) {
  const fs::path model = tmp / "import" / (name + ".json");
  fs::create_directories(model.parent_path());
  Run r = run(bin + " normalize " + args + " -o '" + model.string() + "'", name);
  INFO(r.err);
  REQUIRE(r.exit == 0);
  if (out) *out = r;
  return json::parse(slurp(model));
}

const json& event(const json& m, const std::string& id) {
  for (const auto& e : m["events"])
    if (e["id"] == id) return e;
  FAIL("no event " << id);
  static json none;
  return none;
}

}  // namespace

TEST_CASE("TimelineJS spreadsheets saved as CSV import every column") {
  Run r;
  json m = normalized("tests/import/timelinejs.csv", "tljs-csv", &r);
  CHECK(r.err ==
        "tests/import/timelinejs.csv:3:99: warning: media (images, video) are not drawn on posters; ignored (at row 3, "
        "column \"Media\")\n");
  CHECK(m["title"] == "Space race");  // the "title" row
  CHECK(m["subtitle"] == "Key moments, 1957–1969");
  REQUIRE(m["tracks"].size() == 2);  // Group -> tracks
  CHECK(m["tracks"][0]["id"] == "Soviet Union");
  REQUIRE(m["eras"].size() == 1);  // Type "era"
  CHECK(m["eras"][0]["title"] == "Space race era");
  CHECK(m["eras"][0]["end"]["to"] == "1970-01-01T00:00:00Z");
  const json& sputnik = event(m, "sputnik-1-launched");
  CHECK(sputnik["date"]["from"] == "1957-10-04T19:28:00Z");  // Time
  CHECK(sputnik["date"]["precision"] == "minute");
  CHECK(sputnik["track"] == "Soviet Union");
  CHECK(sputnik["description"] == "The first artificial satellite, launched from Baikonur.");
  const json& gagarin = event(m, "gagarin-orbits-earth");
  CHECK(gagarin["date"]["from"] == "1961-04-12T06:07:00Z");  // "6:07 AM"
  CHECK(gagarin["date_label"] == "12 April 1961");           // Display Date
  CHECK(event(m, "first-spacewalk")["date"]["precision"] == "month");
  const json& apollo = event(m, "apollo-11-on-the-moon");  // End Year/Month/Day/Time
  CHECK(apollo["start"]["from"] == "1969-07-20T20:17:40Z");
  CHECK(apollo["end"]["to"] == "1969-07-21T17:55:00Z");
  CHECK(apollo["description"] == "Eagle lands; \"one small step\"");
  CHECK(event(m, "an-ancient-date")["date"]["from"] == "-0499-01-01T00:00:00Z");  // -500 is 500 BCE, as in TimelineJS
}

TEST_CASE("TimelineJS JSON display_date is the label") {
  json m = normalized("tests/import/timelinejs.json", "tljs-display");
  bool found = false;
  for (const auto& e : m["events"]) found = found || e.value("date_label", "") == "July 16, 1969";
  CHECK(found);
}

TEST_CASE("markwhen: header, groups, sections, tags, ids, chained and casual dates") {
  json m = normalized("tests/import/project.mw", "markwhen");
  CHECK(m["title"] == "Project plan");
  CHECK(m["subtitle"] == "Phases, written in markwhen");
  REQUIRE(m["tracks"].size() == 2);
  CHECK(m["tracks"][0]["id"] == "Engineering");
  REQUIRE(m["eras"].size() == 1);  // section Build .. endSection
  CHECK(m["eras"][0]["title"] == "Build");
  CHECK(m["eras"][0]["start"]["from"] == "2023-01-01T00:00:00Z");
  CHECK(m["eras"][0]["end"]["to"] == "2023-02-25T00:00:00Z");
  const json& p1 = event(m, "phase1");  // "01/01/2023 - 2 weeks" with dateFormat d/M/y, id !phase1
  CHECK(p1["start"]["from"] == "2023-01-01T00:00:00Z");
  CHECK(p1["end"]["to"] == "2023-01-15T00:00:00Z");
  CHECK(p1["tags"] == json::array({"Exploratory"}));
  CHECK(p1["track"] == "Engineering");
  const json& p2 = event(m, "phase-2-in-parallel-with-phase-3");  // after !phase1 2 weeks
  CHECK(p2["start"]["from"] == "2023-01-15T00:00:00Z");
  CHECK(p2["end"]["to"] == "2023-01-29T00:00:00Z");
  CHECK(p2["end"]["resolved_against"] == "2023-01-15T00:00:00Z");
  CHECK(p2["description"] == "Design reviews on Fridays\nand a demo at the end");
  CHECK(event(m, "phase-3")["end"]["to"] == "2023-02-15T00:00:00Z");  // !phase1 1 month
  const json& p4 = event(m, "phase-4-kickoff-launch-notes");           // 1 week - 3 days
  CHECK(p4["start"]["from"] == "2023-02-22T00:00:00Z");
  CHECK(p4["end"]["to"] == "2023-02-25T00:00:00Z");
  CHECK(event(m, "beta-approximately")["date"]["approximate"] == true);  // 2023-03~
  CHECK(event(m, "quarter-two")["date"]["precision"] == "quarter");
  CHECK(event(m, "retrospective-a-slashed-month")["date"]["from"] == "2023-05-01T00:00:00Z");
  CHECK(event(m, "germany-and-italy")["end"]["to"] == "2014-01-01T00:00:00Z");  // 2012-2013
  CHECK(event(m, "support")["end"]["present"] == true);                         // 2023-06/now
  CHECK(event(m, "release-call")["milestone"] == true);  // #milestone: a flag, not a tag
  CHECK_FALSE(event(m, "release-call").contains("tags"));
  CHECK_FALSE(event(m, "quarter-two").contains("milestone"));
}

TEST_CASE("milestones: a JSON boolean, a CSV column of yes/no cells, never a span") {
  json m = normalized("samples/us-iran.json", "milestone-json");
  CHECK(event(m, "nuclear-deal")["milestone"] == true);
  CHECK_FALSE(event(m, "sanctions").contains("milestone"));
  const fs::path dir = tmp / "milestones";
  fs::create_directories(dir);
  spit(dir / "m.csv",
       "date,start,end,title,milestone\n2015-07-14,,,Deal,yes\n2018-05-08,,,Withdrawal,X\n2020-01-03,,,Strike,no\n"
       ",2017-01-20,2021-01-20,First term,true\n");
  Run r = run(bin + " normalize '" + (dir / "m.csv").string() + "'", "milestone-csv");
  REQUIRE(r.exit == 0);
  json c = json::parse(r.out);
  CHECK(event(c, "deal")["milestone"] == true);
  CHECK(event(c, "withdrawal")["milestone"] == true);
  CHECK_FALSE(event(c, "strike").contains("milestone"));
  CHECK_FALSE(event(c, "first-term").contains("milestone"));  // a span: drawn as a bar, with a warning
  CHECK(r.err.find("m.csv:5:") != std::string::npos);
  CHECK(r.err.find("warning: 'First term' is a span, and a milestone marks a moment") != std::string::npos);
  // normalize's output reads back to the same bytes, milestones included.
  spit(dir / "n.json", r.out);
  Run again = run(bin + " normalize '" + (dir / "n.json").string() + "'", "milestone-again");
  CHECK(again.out == r.out);
  // A cell that is neither yes nor no is an error at its row and column.
  spit(dir / "bad.csv", "date,title,milestone\n2015-07-14,Deal,maybe\n");
  Run bad = run(bin + " check '" + (dir / "bad.csv").string() + "'", "milestone-bad");
  CHECK(bad.exit == 1);
  CHECK(bad.err.find("bad.csv:2:") != std::string::npos);
  CHECK(bad.err.find("'maybe' is not yes or no") != std::string::npos);
}

TEST_CASE("plain CSV with --columns, relative dates resolved against the source's date") {
  json m = normalized(
      "tests/import/events.csv --columns 'date=When,title=What,track=Who,description=Notes,tags=Labels,"
      "source=Report,source_url=Report URL,published=Report date'",
      "plain-csv");
  REQUIRE(m["sources"].size() == 1);
  CHECK(m["sources"][0]["url"] == "https://example.org/nyt");
  const json& talks = event(m, "araghchi-meets-grossi");
  CHECK(talks["date"]["text"] == "on Tuesday");
  CHECK(talks["date"]["from"] == "2024-11-12T00:00:00Z");  // the Tuesday before 2024-11-14
  CHECK(talks["date"]["resolved_against"] == "2024-11-14");
  CHECK(talks["tags"] == json::array({"iaea"}));
  const json& interval = event(m, "an-edtf-interval");  // 1964/2008
  CHECK(interval["start"]["from"] == "1964-01-01T00:00:00Z");
  CHECK(interval["end"]["to"] == "2009-01-01T00:00:00Z");
  // Without the mapping, the CSV has no 'title' column: an error at the header.
  Run r = run(bin + " check tests/import/events.csv", "plain-csv-unmapped");
  CHECK(r.exit == 1);
  CHECK(r.err.find("tests/import/events.csv:1:1: error: no 'title' column") == 0);
}

TEST_CASE("relative dates: --reference-date resolves relative dates of events without a dated source") {
  json m = normalized("tests/errors/relative-no-reference.json --reference-date 2024-11-15", "refdate");
  // "Meeting" says nothing of tense: the nearer Monday, three days after Friday the 15th.
  CHECK(m["events"][0]["date"]["from"] == "2024-11-18T00:00:00Z");
  CHECK(m["events"][0]["date"]["resolved_against"] == "2024-11-15");
  CHECK(m["events"][0]["date"]["direction"] == "nearest");
  // A sentence in the past tense turns it back; one about plans, forward.
  const fs::path f = tmp / "tense.json";
  spit(f, R"({"events": [{"title": "Musk met Iravani", "date": "on Monday"},
                         {"title": "Talks", "description": "The two sides are expected to meet on Tuesday.", "date": "Tuesday"},
                         {"title": "Visit", "date": "April 7"}]})");
  json t = normalized("'" + f.string() + "' --reference-date 2024-03-22", "tense");
  CHECK(event(t, "musk-met-iravani")["date"]["from"] == "2024-03-18T00:00:00Z");
  CHECK(event(t, "musk-met-iravani")["date"]["direction"] == "past ('met')");
  CHECK(event(t, "talks")["date"]["from"] == "2024-03-26T00:00:00Z");
  CHECK(event(t, "talks")["date"]["direction"] == "future ('expected')");
  CHECK(event(t, "visit")["date"]["from"] == "2024-04-07T00:00:00Z");  // the coming 7 April, not last year's
  // Read back, a model resolves the same way.
  const fs::path model = tmp / "tense-model.json";
  REQUIRE(run(bin + " normalize '" + f.string() + "' --reference-date 2024-03-22 -o '" + model.string() + "'", "tense-n").exit == 0);
  json again = normalized("'" + model.string() + "'", "tense-again");
  CHECK(again["events"] == t["events"]);
}

TEST_CASE("input format: --from overrides what extension and content say") {
  const fs::path dir = tmp / "import";
  fs::create_directories(dir);
  const fs::path f = dir / "plan.txt";
  spit(f, slurp(src / "tests/import/project.mw"));
  json detected = normalized("'" + f.string() + "'", "from-detected");  // markwhen by its content
  CHECK(detected["title"] == "Project plan");
  json forced = normalized("--from markwhen '" + f.string() + "'", "from-markwhen");
  CHECK(forced == detected);
  Run r = run(bin + " check --from csv '" + f.string() + "'", "from-csv");
  CHECK(r.exit == 1);  // read as CSV it has no title column
  CHECK(run(bin + " check --from yaml x", "from-bad").exit == 2);
}

TEST_CASE("two articles as two files: the meeting in New York is one event with both sources") {
  Run r;
  json m = normalized("tests/merge/report-nyc.json tests/merge/report-turn.csv", "merge", &r);
  CHECK(r.err.empty());
  const json& meeting = event(m, "elon-musk-meets-iran-s-un-ambassador-ami");
  CHECK(meeting["sources"] == json::array({"report-nyc", "A turn for the US and Iran? (news report)"}));
  REQUIRE(meeting["claims"].size() == 2);  // each claim keeps its text and source
  CHECK(meeting["claims"][0]["date"]["text"] == "November 11, 2024");
  CHECK(meeting["claims"][1]["date"]["text"] == "on Monday");
  CHECK(meeting["claims"][1]["date"]["from"] == "2024-11-11T00:00:00Z");
  CHECK(meeting["claims"][1]["date"]["resolved_against"] == "2024-11-15");
  CHECK_FALSE(meeting.contains("disputed"));
  int meetings = 0, deals = 0;
  for (const auto& e : m["events"]) {
    const std::string t = e["title"];
    meetings += t.find("Iravani") != std::string::npos;
    deals += t.find("2015") != std::string::npos && t.find("withdraws") == std::string::npos;
  }
  CHECK(meetings == 1);
  CHECK(deals == 1);  // "The 2015 nuclear deal" and "The 2015 Iran nuclear agreement ..."
  // --no-merge keeps them apart.
  json apart = normalized("--no-merge tests/merge/report-nyc.json tests/merge/report-turn.csv", "merge-off");
  CHECK(apart["events"].size() == m["events"].size() + 2);
  // The model reads back to itself.
  const fs::path model = tmp / "import" / "merge.json";
  json again = normalized("'" + model.string() + "'", "merge-again");
  CHECK(again == m);
}

TEST_CASE("conflicting dates: a warning, a disputed mark on the poster, both claims kept") {
  const fs::path dir = tmp / "import";
  fs::create_directories(dir);
  spit(dir / "a.json",
       R"({"sources": [{"id": "a"}], "events": [{"id": "deal", "title": "Deal signed", "date": "2015-07-14", "sources": ["a"]}]})");
  spit(dir / "b.csv", "id,title,date\ndeal,Deal signed in Vienna,2015-07-15\n");
  const std::string files = "'" + (dir / "a.json").string() + "' '" + (dir / "b.csv").string() + "'";
  Run r;
  json m = normalized(files, "disputed", &r);
  CHECK(r.err.find("warning: sources disagree on the date of 'Deal signed': 14 Jul 2015 (a); 15 Jul 2015 (") !=
        std::string::npos);
  REQUIRE(m["events"].size() == 1);
  CHECK(m["events"][0]["disputed"] == true);
  CHECK(m["events"][0]["claims"].size() == 2);
  const fs::path dump = dir / "disputed.layout.json";
  REQUIRE(run(bin + " render " + files + " -o '" + (dir / "d.svg").string() + "' --dump-layout '" + dump.string() + "'",
              "disputed-render")
              .exit == 0);
  bool marked = false;
  const json layout = json::parse(slurp(dump));
  for (const auto& it : layout["items"]) {
    std::string text;  // the label's lines, however they wrapped
    for (const auto& line : it.value("lines", json::array())) text += line.value("text", "") + " ";
    marked = marked || text.find("14 Jul 2015 or 15 Jul 2015 (disputed)") != std::string::npos;
  }
  CHECK(marked);
}

TEST_CASE("an input asks for a detail inset: the dump marks its items, normalize keeps it") {
  const fs::path dir = tmp / "import";
  fs::create_directories(dir);
  std::string text = slurp(src / "samples" / "us-iran.json");
  text.replace(text.rfind('}'), 1, R"(, "insets": [{"title": "November 2024", "start": "2024-11-01", "end": "2024-11-30"}]})");
  spit(dir / "inset.json", text);
  const fs::path dump = dir / "inset.layout.json";
  Run r = run(bin + " render '" + (dir / "inset.json").string() + "' -o '" + (dir / "inset.svg").string() +
                  "' --dump-layout '" + dump.string() + "'",
              "inset");
  INFO(r.err);
  REQUIRE(r.exit == 0);
  const json layout = json::parse(slurp(dump));
  int labels = 0;
  bool titled = false;
  for (const auto& it : layout["items"]) {
    if (!it.value("inset", false)) continue;
    labels += it["kind"] == "label";
    titled = titled || it["text"] == "November 2024";
  }
  CHECK(labels == 4);  // musk-iravani, doge, araghchi-grossi, assassination-plot
  CHECK(titled);
  json m = normalized("'" + (dir / "inset.json").string() + "'", "inset-model");
  REQUIRE(m["insets"].size() == 1);
  CHECK(m["insets"][0]["end"]["to"] == "2024-12-01T00:00:00Z");
}

TEST_CASE("TimelineJS JSON as people write it: empty ids, text-only slides, BCE and cosmic years, milliseconds") {
  const fs::path model = tmp / "tljs-real.json";
  Run r = run(bin + " normalize tests/import/timelinejs-real-shapes.json -o '" + model.string() + "'", "tljs-real");
  REQUIRE(r.exit == 0);
  const json m = json::parse(slurp(model));
  REQUIRE(m["events"].size() == 4);
  // "unique_id": "" is no id (TimelineJS ignores it): the title's slug is.
  const json& bang = event(m, "big-bang");
  CHECK(bang["date"]["from"] == "-13799999999-01-01T00:00:00Z");  // TimelineJS -13800000000 is 13,800,000,000 BCE
  // A slide with text only is labelled by its first sentence; its blank end date is no date.
  const json& naxos = event(m, "darius-sends-an-army-against-naxos");
  CHECK(naxos["title"] == "Darius sends an army against Naxos");
  CHECK(naxos["date"]["from"] == "-0499-01-01T00:00:00Z");
  CHECK_FALSE(naxos.contains("end"));
  // Milliseconds are said once, never silently dropped.
  CHECK(r.err.find("warning: milliseconds are not kept") != std::string::npos);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  Run png = run(bin + " render tests/import/timelinejs-real-shapes.json --dump-layout '" + (tmp / "tljs-real-layout.json").string() + "'",
                "tljs-real-render");
  CHECK(png.exit == 0);
  CHECK(slurp(tmp / "tljs-real-layout.json").find("13,800,000,000 BC") != std::string::npos);
}

TEST_CASE("markwhen as people write it: now, recurrence, spaced and duration ranges, references, 12-hour times") {
  const fs::path model = tmp / "mw-real.json";
  Run r = run(bin + " normalize --reference-date 2025-12-01 tests/import/markwhen-real-shapes.mw -o '" + model.string() + "'",
              "mw-real");
  INFO(r.err);
  REQUIRE(r.exit == 0);
  const json m = json::parse(slurp(model));
  auto span = [&](const std::string& id) {
    const json& e = event(m, id);
    const json& s = e.contains("date") ? e["date"] : e["start"];
    return std::make_pair(s["from"].get<std::string>(),
                          (e.contains("end") ? e["end"]["to"] : s["to"]).get<std::string>());
  };
  // now as a start: the reference day (--reference-date), never the clock
  CHECK(span("status-review").first == "2025-12-01T00:00:00Z");
  CHECK(span("next-year-s-plan") == std::make_pair(std::string("2025-12-01T00:00:00Z"), std::string("2026-12-01T00:00:00Z")));
  // recurrence: one event per occurrence
  int standups = 0, doses = 0, reports = 0;
  for (const auto& e : m["events"]) {
    standups += e["title"] == "Standup";
    doses += e["title"] == "Dose";
    reports += e["title"] == "Report";
  }
  CHECK(standups == 7);  // 8 Jan, 22 Jan, 5 Feb, 19 Feb, 4 Mar, 18 Mar, 1 Apr 2024: before 8 Apr
  CHECK(doses == 5);
  CHECK(reports == 3);   // Feb, Mar, Apr
  CHECK(span("spaced-slash-range") == std::make_pair(std::string("2025-11-23T00:00:00Z"), std::string("2025-11-29T00:00:00Z")));
  CHECK(span("day-interval") == std::make_pair(std::string("2023-12-01T00:00:00Z"), std::string("2024-08-09T00:00:00Z")));
  CHECK(span("month-interval") == std::make_pair(std::string("2023-01-01T00:00:00Z"), std::string("2023-04-01T00:00:00Z")));
  CHECK(span("four-months") == std::make_pair(std::string("2023-04-01T00:00:00Z"), std::string("2023-08-01T00:00:00Z")));
  CHECK(span("ten-weekdays").second == "2023-05-13T00:00:00Z");   // Mon 1 May + 10 weekdays: to Fri 12 May
  CHECK(span("ten-work-days").second == "2023-06-15T00:00:00Z");  // Thu 1 Jun: to Wed 14 Jun
  // references: before, by, an id given by an "id:" property line
  CHECK(span("prepare") == std::make_pair(std::string("2024-02-01T00:00:00Z"), std::string("2024-03-01T00:00:00Z")));
  CHECK(span("deadline").first == "2024-03-01T00:00:00Z");
  CHECK(span("after-kickoff") == std::make_pair(std::string("2024-03-01T00:00:00Z"), std::string("2024-03-21T00:00:00Z")));
  CHECK(event(m, "prepare")["track"] == "Relations");  // "group Relations: #Work": the title without its tag
  CHECK(event(m, "prepare")["tags"][0] == "Work");
  // 12-hour times, compact ISO weeks, an era after a range, year-first slashes
  CHECK(span("morning-call").first == "2025-01-04T08:00:00Z");
  CHECK(span("evening-call").first == "2025-01-04T18:40:00Z");
  CHECK(span("a-compact-iso-week").first == "2016-05-25T00:00:00Z");
  CHECK(span("reign-of-ptolemy-ii") == std::make_pair(std::string("-0284-01-01T00:00:00Z"), std::string("-0245-01-01T00:00:00Z")));
  CHECK(span("year-first-with-slashes").first == "2023-08-15T00:00:00Z");
  // relative dates, and a line of tags under an event: its tags, not its description
  const json& y = event(m, "relative-against-reference-date");
  CHECK(y["date"]["from"] == "2025-11-30T00:00:00Z");
  CHECK(y["milestone"] == true);
  CHECK(y["tags"][0] == "launch");
  CHECK_FALSE(y.contains("description"));
  // "# Planning" and "## Ranges" are sections (eras over their events)
  REQUIRE(m["eras"].size() == 2);
  CHECK(m["eras"][0]["title"] == "Planning");
  CHECK(m["eras"][1]["title"] == "Ranges");
  // tag colours are said once, not read as events
  CHECK(r.err.find("tag colours are not drawn") != std::string::npos);
}

TEST_CASE("markwhen: the ranges of markwhen's own 'Dates and Ranges' documentation") {
  const json m = normalized("tests/import/markwhen-docs-ranges.mw", "mw-docs");
  auto range = [&](const std::string& title) {
    for (const auto& e : m["events"])
      if (e["title"] == title) {
        const json& s = e.contains("date") ? e["date"] : e["start"];
        return s["from"].get<std::string>() + " " + (e.contains("end") ? e["end"]["to"] : s["to"]).get<std::string>();
      }
    return std::string("missing");
  };
  // Each as the documentation's table infers it.
  CHECK(range("a") == "1964-01-01T00:00:00Z 2009-01-01T00:00:00Z");
  CHECK(range("b") == "2004-06-01T00:00:00Z 2006-09-01T00:00:00Z");
  CHECK(range("c") == "2004-02-01T00:00:00Z 2005-02-09T00:00:00Z");
  CHECK(range("d") == "2004-02-01T00:00:00Z 2005-03-01T00:00:00Z");
  CHECK(range("f") == "2018-01-01T00:00:00Z 2018-07-01T00:00:00Z");
  CHECK(range("g") == "1776-04-01T00:00:00Z 1776-05-01T00:00:00Z");
  CHECK(range("h") == "2024-11-11T00:00:00Z 2024-12-13T00:00:00Z");
  CHECK(range("i") == "2031-11-19T01:35:10Z 2099-08-04T18:22:49Z");
  CHECK(range("j") == "2024-01-03T00:00:00Z 2024-04-07T00:00:00Z");
  CHECK(range("A Space Odyssey") == "2001-01-01T00:00:00Z 2002-01-01T00:00:00Z");
}

TEST_CASE("every script draws, and a character no font has is a warning in render and in check") {
  const fs::path dir = tmp / "scripts";
  fs::create_directories(dir);
  spit(dir / "scripts.json", R"({"title": "Scripts", "events": [
 {"title": "中华人民共和国成立", "date": "1949-10-01"},
 {"title": "מגילת העצמאות", "date": "1948-05-14"},
 {"title": "भारत का स्वतंत्रता दिवस", "date": "1947-08-15"},
 {"title": "대한민국 정부 수립", "date": "1948-08-15"},
 {"title": "ይህ አማርኛ ነው", "date": "1941-05-05"},
 {"title": "ประกาศ", "date": "1932-06-24"},
 {"title": "Ꮳ and 𓂀", "date": "1950"}]})");
  const fs::path pdf = dir / "scripts.pdf";
  Run r = run(bin + " render '" + (dir / "scripts.json").string() + "' -o '" + pdf.string() + "'", "scripts-render");
  REQUIRE(r.exit == 0);
  // Only the hieroglyph has no font: one warning, naming the event and the character.
  CHECK(r.err == (dir / "scripts.json").string() + ":8:12: warning: no pinned font draws '𓂀' (U+13080) in the title of event "
                 "'Ꮳ and 𓂀': it would show as a box (at /events/6/title)\n");
  Run fonts = run("pdffonts '" + pdf.string() + "'", "scripts-fonts");
  for (const char* family : {"NotoSansCJK", "NotoSansHebrew", "NotoSansDevanagari", "NotoSansEthiopic", "NotoSansThai"})
    CHECK(fonts.out.find(family) != std::string::npos);
  Run text = run("pdftotext '" + pdf.string() + "' -", "scripts-text");
  CHECK(text.out.find("中华人民共和国成立") != std::string::npos);
  Run check = run(bin + " check '" + (dir / "scripts.json").string() + "'", "scripts-check");
  CHECK(check.exit == 0);
  CHECK(check.err == r.err);
}
