// Fitting the page the user chose (README "Fitting the page"): the shapes of tests/fit/
// (and the samples) through the real binary with every template, read back from
// --dump-layout: page size kept, page counts, type scale, the axis across the chart.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "e2e_helpers.h"

namespace {

using nlohmann::json;

struct Fit {
  json layout;
  std::string err;
  std::size_t pages = 0;
  bool kept = true;      ///< every page of the template's size
  double type = 1;       ///< fit.type_scale
  double coverage = 1;   ///< the axis' share of the chart's width (horizontal), worst page
};

/// The template's page size, after its "extends" chain.
std::pair<double, double> page_size(const std::string& tpl) {
  json t = json::parse(slurp(src / "templates" / (tpl + ".json")));
  double w = 0, h = 0;
  if (t.contains("extends")) std::tie(w, h) = page_size(t["extends"]);
  if (t.contains("page") && t["page"].contains("width")) w = t["page"]["width"];
  if (t.contains("page") && t["page"].contains("height")) h = t["page"]["height"];
  return {w, h};
}

Fit render(const std::string& input, const std::string& tpl) {
  const fs::path dir = tmp / "fit";
  fs::create_directories(dir);
  const std::string name = fs::path(input).stem().string() + "." + tpl;
  const fs::path dump = dir / (name + ".json");
  Run r = run(bin + " render " + input + " -t " + tpl + " -o '" + (dir / (name + ".pdf")).string() +
                  "' --dump-layout '" + dump.string() + "'",
              "fit-" + name);
  REQUIRE(r.exit == 0);
  Fit f;
  f.err = r.err;
  f.layout = json::parse(slurp(dump));
  f.pages = f.layout["pages"].size();
  f.type = f.layout["fit"]["type_scale"];
  const auto [w, h] = page_size(tpl);
  for (const auto& p : f.layout["pages"])
    f.kept = f.kept && std::abs(p["width"].get<double>() - w) < 1.5 && std::abs(p["height"].get<double>() - h) < 1.5;
  if (f.layout["orientation"] == "horizontal") {
    std::map<int, std::pair<double, double>> axis, chart;  // page -> x extent
    for (const auto& it : f.layout["items"]) {
      const std::string kind = it["kind"];
      if (it.contains("inset")) continue;
      const double x0 = it["box"][0], x1 = x0 + it["box"][2].get<double>();
      auto grow = [&](std::map<int, std::pair<double, double>>& m) {
        auto [e, fresh] = m.emplace(it["page"].get<int>(), std::pair{x0, x1});
        if (!fresh) e->second = {std::min(e->second.first, x0), std::max(e->second.second, x1)};
      };
      if (kind == "axis") grow(axis);
      if (kind == "axis" || kind == "label" || kind == "marker" || kind == "leader") grow(chart);
    }
    for (const auto& [page, a] : axis) {
      const auto c = chart.at(page);
      f.coverage = std::min(f.coverage, (a.second - a.first) / (c.second - c.first));
    }
  }
  return f;
}

std::vector<std::string> templates() {
  std::vector<std::string> out;
  for (const auto& t : fs::directory_iterator(src / "templates")) out.push_back(t.path().stem().string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("every shape with every template keeps its page size, or says why it grew") {
  for (const char* input : {"tests/fit/space-35.json", "tests/fit/computing-53.json", "tests/fit/apollo-12.json",
                            "tests/fit/cuba-15.json", "tests/fit/launch-103.mw", "samples/us-iran.json",
                            "samples/dense-year.json", "samples/greco-persian-wars.json"}) {
    for (const auto& tpl : templates()) {
      const Fit f = render(input, tpl);
      INFO(input << " with " << tpl << ": " << f.pages << " page(s), type " << f.type << ", axis " << f.coverage);
      CHECK(f.type >= 0.8 - 1e-9);  // never below font.min_scale
      CHECK(f.coverage >= 0.97);    // the axis spans the chart
      for (const auto& p : f.layout["pages"]) {
        CHECK(p["width"].get<double>() <= 14400);
        CHECK(p["height"].get<double>() <= 14400);
      }
      if (!f.kept) {  // growing is the last resort, and says so
        CHECK(f.layout["fit"]["grew"] == true);
        CHECK(f.type == Approx(0.8));
        CHECK(f.err.find("warning: the timeline does not fit") != std::string::npos);
        CHECK_FALSE(f.layout["fit"]["reason"].get<std::string>().empty());
      } else {
        CHECK(f.layout["fit"]["grew"] == false);
      }
      CHECK(f.layout["fit"]["crossings"] == 0);
    }
  }
}

TEST_CASE("the issue's shapes fit the pages a designer would use") {
  struct Want {
    const char* input;
    const char* tpl;
    std::size_t max_pages;
  };
  for (const Want& w : std::vector<Want>{{"tests/fit/space-35.json", "default", 1},
                                         {"tests/fit/space-35.json", "poster-a1", 1},
                                         {"tests/fit/space-35.json", "briefing-a4", 2},
                                         {"tests/fit/space-35.json", "slide-16x9", 3},
                                         {"tests/fit/computing-53.json", "briefing-a4", 2},
                                         {"tests/fit/computing-53.json", "slide-16x9", 4},
                                         {"tests/fit/computing-53.json", "poster-a2", 1},
                                         {"samples/us-iran.json", "slide-16x9", 1},
                                         {"samples/us-iran.json", "briefing-a4", 1},
                                         {"samples/us-iran.json", "default", 1},
                                         {"tests/fit/apollo-12.json", "slide-16x9", 1},
                                         {"tests/fit/cuba-15.json", "slide-16x9-dark", 1},
                                         {"tests/fit/launch-103.mw", "default", 1},
                                         {"samples/dense-year.json", "poster-a1", 1}}) {
    const Fit f = render(w.input, w.tpl);
    INFO(w.input << " with " << w.tpl << ": " << f.pages << " page(s), type " << f.type);
    CHECK(f.kept);
    CHECK(f.pages <= w.max_pages);
    // Every event drawn, once.
    std::map<std::string, int> labels;
    for (const auto& it : f.layout["items"])
      if (it["kind"] == "label" && !it.contains("inset")) ++labels[it["event"]];
    for (const auto& [id, n] : labels) CHECK(n == 1);
  }
}

TEST_CASE("neighbouring lists share their labels evenly rather than one towering over the rest") {
  // dense-year on A1: 146 fixes over a year; lists that keep to their own month would be
  // 12 to 24 labels tall. Balanced, the lists of a lane differ by a few labels at most.
  const Fit f = render("samples/dense-year.json", "poster-a1");
  REQUIRE(f.kept);
  // A list is a column of labels with the same left edge; count them per column, per lane
  // (a lane: the labels of one track colour).
  std::map<std::pair<std::string, long>, int> columns;
  for (const auto& it : f.layout["items"])
    if (it["kind"] == "label") {
      const std::string color = it["lines"][0]["color"];
      ++columns[{color, std::lround(it["box"][0].get<double>())}];
    }
  std::map<std::string, std::pair<int, int>> range;  // colour: least, most labels in a list
  for (const auto& [key, n] : columns) {
    if (n < 5) continue;  // single labels beside the lists
    auto& [lo, hi] = range.try_emplace(key.first, n, n).first->second;
    lo = std::min(lo, n), hi = std::max(hi, n);
  }
  REQUIRE(range.size() >= 2);
  for (const auto& [color, r] : range) {
    INFO(color << ": lists of " << r.first << " to " << r.second << " labels");
    CHECK(r.second - r.first <= 4);
  }
}

TEST_CASE("a slide gives a busy stretch of months the room and spreads its labels across") {
  // apollo-12: 12 events 1961-1972, 8 of them in 13 months (Oct 1968 - Nov 1969).
  const Fit f = render("tests/fit/apollo-12.json", "slide-16x9");
  REQUIRE(f.pages == 1);
  double axis0 = 1e9, axis1 = -1e9, busy0 = 1e9, busy1 = -1e9, label0 = 1e9, label1 = -1e9;
  for (const auto& it : f.layout["items"]) {
    const double x = it["box"][0], right = x + it["box"][2].get<double>();
    if (it["kind"] == "axis") axis0 = std::min(axis0, x), axis1 = std::max(axis1, right);
    if (it["kind"] == "label") label0 = std::min(label0, x), label1 = std::max(label1, right);
    if (it["kind"] == "marker") {
      const std::string id = it["event"];
      const double cx = x + it["box"][2].get<double>() / 2;
      if (id.find("apollo-7") == 0 || id.find("apollo-12") == 0) busy0 = std::min(busy0, cx), busy1 = std::max(busy1, cx);
    }
  }
  INFO("axis " << axis0 << ".." << axis1 << ", busy months " << busy0 << ".." << busy1 << ", labels " << label0 << ".."
               << label1);
  CHECK((busy1 - busy0) / (axis1 - axis0) >= 0.4);  // 13 of 140 months, but 8 of 12 events
  CHECK((label1 - label0) / (axis1 - axis0) >= 0.9);
}

TEST_CASE("a huge timeline flows onto pages of the template's size, each a window of time with an overview strip") {
  // 1,500 events a day apart: far more than one A3 page holds even at the smallest type.
  json doc{{"title", "Fifteen hundred days"}, {"events", json::array()}};
  for (int i = 0; i < 1500; ++i)
    doc["events"].push_back({{"title", "Event number " + std::to_string(i + 1) + " of a long log"},
                             {"date", "2000-01-01"}});
  for (int i = 0; i < 1500; ++i) {  // one a day
    const int y = 2000 + i / 365, d = i % 365;
    char date[32];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", y, d / 28 % 12 + 1, d % 28 + 1);
    doc["events"][std::size_t(i)]["date"] = date;
  }
  fs::create_directories(tmp / "fit");
  spit(tmp / "fit" / "huge.json", doc.dump());
  const Fit f = render((tmp / "fit" / "huge.json").string(), "default");
  CHECK(f.pages > 1);
  CHECK(f.kept);
  CHECK(f.err.find("it flows onto " + std::to_string(f.pages) + " pages") != std::string::npos);
  int overviews = 0, numbers = 0;
  for (const auto& it : f.layout["items"]) {
    overviews += it["kind"] == "overview-window";
    numbers += it["kind"] == "page-number";
  }
  CHECK(overviews == int(f.pages));
  CHECK(numbers == int(f.pages));  // "3 / 7" on every page
  for (std::size_t k = 0; k + 1 < f.pages; ++k)  // windows in order, not overlapping
    CHECK(f.layout["pages"][k]["window"][1].get<std::string>() <= f.layout["pages"][k + 1]["window"][0].get<std::string>());
}

TEST_CASE("a list of several columns hangs from a rail across them, its columns of even height, cut at gaps in time") {
  // 23 events in one month between two lone ones: too many for one column beside the axis.
  json doc{{"title", "A launch month"}, {"events", json::array()}};
  doc["events"].push_back({{"title", "Programme announced"}, {"date", "2001-05-01"}});
  for (int i = 0; i < 23; ++i) {  // a run of seven days, a fortnight's gap, a run of sixteen
    char date[16];
    std::snprintf(date, sizeof date, "2010-03-%02d", i < 7 ? i + 1 : i - 7 + 15);
    doc["events"].push_back({{"title", "Launch task " + std::to_string(i + 1) + " of the month"}, {"date", date}});
  }
  doc["events"].push_back({{"title", "Retrospective published"}, {"date", "2016-06-01"}});
  fs::create_directories(tmp / "fit");
  spit(tmp / "fit" / "rail.json", doc.dump());
  const Fit f = render((tmp / "fit" / "rail.json").string(), "default");
  REQUIRE(f.kept);
  std::map<long, std::vector<std::pair<double, std::string>>> columns;  // left edge: (top, date) of each label
  for (const auto& it : f.layout["items"])
    if (it["kind"] == "label" && it["text"].get<std::string>().rfind("Launch task", 0) == 0)
      columns[std::lround(it["box"][0].get<double>())].push_back({it["box"][1].get<double>(), it["lines"][0]["text"]});
  REQUIRE(columns.size() >= 2);
  std::size_t least = 99, most = 0;
  for (auto& [x, labels] : columns) least = std::min(least, labels.size()), most = std::max(most, labels.size());
  CHECK(most - least <= 1);
  // The rail: a horizontal leader from the first column's left edge to the last's, on which
  // the list's vertical leader ends.
  const double first_x = double(columns.begin()->first), last_x = double(columns.rbegin()->first);
  bool rail = false;
  for (const auto& it : f.layout["items"]) {
    if (it["kind"] != "leader" || it["box"][3].get<double>() > 1.01) continue;  // a horizontal rule
    const double x0 = it["box"][0], x1 = x0 + it["box"][2].get<double>();
    rail = rail || (x0 <= first_x + 1 && x1 >= last_x - 1);
  }
  CHECK(rail);
  // Three columns of at most eight: 8, 8, 7 cut in order would put day 15 under the first
  // run; of the cuts as even, the one at the gap in time is taken (7, 8, 8).
  REQUIRE(columns.size() == 3);
  for (const auto& [x, labels] : columns) {
    bool early = false, late = false;
    for (const auto& [top, date] : labels) (std::stoi(date) <= 7 ? early : late) = true;
    INFO("column at " << x);
    CHECK_FALSE((early && late));
  }
}

TEST_CASE("a cluster the axis cannot spread gets the detail inset, which takes its labels off the main chart") {
  // Fifteen milestones five years apart, and 32 steps of a mission within three days.
  json doc{{"title", "Seventy years, three crowded days"}, {"events", json::array()}};
  for (int y = 1950; y <= 2020; y += 5)
    doc["events"].push_back({{"title", "Programme milestone of " + std::to_string(y) + " with a longer title"},
                             {"date", std::to_string(y) + "-06-01"}, {"id", "m" + std::to_string(y)}});
  for (int h = 0; h < 32; ++h) {
    char date[32];
    std::snprintf(date, sizeof date, "1969-07-%02dT%02d:00", 16 + h / 12, (h % 12) * 2);
    doc["events"].push_back({{"title", "Mission step " + std::to_string(h + 1) + ": a long description of what happened"},
                             {"date", date}, {"id", "s" + std::to_string(h + 1)}});
  }
  fs::create_directories(tmp / "fit");
  spit(tmp / "fit" / "crowded-days.json", doc.dump());
  const Fit f = render((tmp / "fit" / "crowded-days.json").string(), "poster-a2");
  REQUIRE(f.kept);
  CHECK(f.type == 1.0);
  std::map<std::string, int> main_labels, inset_labels, main_markers;
  bool window = false;
  for (const auto& it : f.layout["items"]) {
    const bool inset = it.contains("inset");
    window = window || it["kind"] == "inset-window";
    if (!it["event"].is_string()) continue;
    const std::string id = it["event"];
    if (it["kind"] == "label") ++(inset ? inset_labels : main_labels)[id];
    if (it["kind"] == "marker" && !inset) ++main_markers[id];
  }
  CHECK(window);
  for (int h = 1; h <= 32; ++h) {  // each step: a marker on the main axis, its label in the inset only
    const std::string id = "s" + std::to_string(h);
    INFO(id);
    CHECK(main_markers[id] == 1);
    CHECK(inset_labels[id] == 1);
    CHECK(main_labels[id] == 0);
  }
  for (int y = 1950; y <= 2020; y += 5) {  // the milestones stay on the main chart
    const std::string id = "m" + std::to_string(y);
    CHECK(main_labels[id] == 1);
    CHECK(inset_labels[id] == 0);
  }
}
