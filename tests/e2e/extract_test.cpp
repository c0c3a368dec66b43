// chronicle extract through the real binary: the sample articles, the seed articles end to
// end (extract, then render, then pdftotext), the merge of two reports of one meeting,
// --mentions offsets, and the errors of README "chronicle extract".
#include <catch2/catch.hpp>

#include <set>

#include <nlohmann/json.hpp>

#include "e2e_helpers.h"

namespace {

using nlohmann::json;

/// The code points [start, end) of UTF-8 `s`.
std::string code_point_slice(const std::string& s, std::size_t start, std::size_t end) {
  std::size_t cp = 0, b = std::string::npos, e = s.size();
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (cp == start && b == std::string::npos) b = i;
    if (cp == end) {
      e = i;
      break;
    }
    ++cp;
  }
  return b == std::string::npos ? "" : s.substr(b, e - b);
}

std::string collapse(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '-') continue;
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

const json* event_on(const json& doc, const std::string& date) {
  for (const auto& e : doc["events"]) {
    if (e.contains("date") && e["date"] == date) return &e;
    if (e.contains("claims"))
      for (const auto& c : e["claims"])
        if (c["date"] == date) return &e;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("extract: the sample articles give a cited timeline that render, check and normalize accept") {
  fs::create_directories(tmp / "extract");
  const fs::path out = tmp / "extract" / "articles.json", mentions = tmp / "extract" / "articles.mentions.json";
  Run r = run(bin + " extract samples/articles/musk-iravani-meeting.txt samples/articles/araghchi-grossi-talks.txt -o '" +
                  out.string() + "' --mentions '" + mentions.string() + "'",
              "extract-samples");
  INFO(r.err);
  REQUIRE(r.exit == 0);
  CHECK(r.err.empty());
  const json doc = json::parse(slurp(out));
  REQUIRE(doc["sources"].size() == 2);
  CHECK(doc["sources"][0]["published"] == "2024-11-15");
  CHECK(doc["sources"][0]["url"] == "https://example.org/news/2024/11/15/musk-iravani-talks");
  // The happenings each article dates, at the precision its words support.
  struct Want {
    const char* date;
    const char* words;  // in the title
    std::size_t sources;
  };
  for (const Want& w : {Want{"2024-11-11", "Musk", 2}, Want{"2015-07-14", "signed a deal", 1}, Want{"2018-05", "Trump pulled", 1},
                        Want{"2020-01-03", "drone strike", 1}, Want{"2020-01-08", "ballistic missiles", 1},
                        Want{"2024-11-05", "election", 1}, Want{"2024-11-12", "Araghchi", 1},
                        Want{"2024-11-13", "Grossi arrived", 1}, Want{"2024-W45", "prosecutors", 1},
                        Want{"2024-W47", "board of governors", 1}}) {
    INFO(w.date << " " << w.words);
    const json* e = event_on(doc, w.date);
    REQUIRE(e != nullptr);
    CHECK((*e)["title"].get<std::string>().find(w.words) != std::string::npos);
    CHECK((*e)["sources"].size() == w.sources);
    // The quote is the sentence, found where it says in its article.
    const json& q = (*e)["quote"];
    const std::string article = q["source"] == "musk-iravani-meeting" ? "samples/articles/musk-iravani-meeting.txt"
                                                                      : "samples/articles/araghchi-grossi-talks.txt";
    CHECK(code_point_slice(slurp(src / article), q["start"], q["end"]) == q["text"].get<std::string>());
  }
  // "on Monday" keeps its words as the label.
  CHECK((*event_on(doc, "2024-11-11"))["date_label"] == "on Monday");
  // The JSON Schema accepts it (an independent validator).
  Run schema = run("python3 tests/schema/validate.py . '" + out.string() + "'", "extract-samples-schema");
  INFO(schema.out);
  CHECK(schema.exit == 0);
  for (const char* cmd : {"check", "normalize"}) {
    Run c = run(bin + " " + cmd + " '" + out.string() + "'", std::string("extract-samples-") + cmd);
    INFO(cmd << ": " << c.err);
    CHECK(c.exit == 0);
    CHECK(c.err.empty());
  }
  // --mentions: every expression, with code point offsets into the article as read.
  const json ms = json::parse(slurp(mentions));
  REQUIRE(ms.size() >= 20);
  std::set<std::string> types;
  for (const auto& m : ms) {
    const std::string article = m["source"] == "musk-iravani-meeting" ? "samples/articles/musk-iravani-meeting.txt"
                                                                      : "samples/articles/araghchi-grossi-talks.txt";
    INFO(m.dump());
    CHECK(code_point_slice(slurp(src / article), m["start"], m["end"]) == m["text"].get<std::string>());
    types.insert(m["type"]);
  }
  CHECK(types == std::set<std::string>{"DATE", "DURATION", "SET"});
  // Same input, same bytes.
  const std::string first = slurp(out);
  Run again = run(bin + " extract samples/articles/musk-iravani-meeting.txt samples/articles/araghchi-grossi-talks.txt",
                  "extract-samples-again");
  CHECK(again.out == first);
}

TEST_CASE("extract: the seed articles end to end, every event's title in the rendered PDF") {
  fs::create_directories(tmp / "extract");
  const fs::path out = tmp / "extract" / "seeds.json", pdf = tmp / "extract" / "seeds.pdf";
  // The first seed gives no date of its own: its "November 11" needs one.
  Run missing = run(bin + " extract tests/extract/seeds/000_a65b775d79b8b502.txt", "extract-seed-undated");
  CHECK(missing.exit == 1);
  CHECK(missing.err.find("tests/extract/seeds/000_a65b775d79b8b502.txt:4:169: error: 'November 11' needs the article's "
                         "date") != std::string::npos);
  Run r = run(bin + " extract tests/extract/seeds/*.txt --published 2024-11-15 -o '" + out.string() + "'", "extract-seeds");
  INFO(r.err);
  REQUIRE(r.exit == 0);
  const json doc = json::parse(slurp(out));
  for (const char* date : {"2015", "2018", "2020", "2024-11-11", "2024-11-12"}) {
    INFO(date);
    CHECK(event_on(doc, date) != nullptr);
  }
  // The meeting both seeds report is one event, with both sources and both claims.
  const json& meeting = *event_on(doc, "2024-11-11");
  CHECK(meeting["sources"].size() == 2);
  CHECK(meeting["claims"].size() == 2);
  Run p = run(bin + " render '" + out.string() + "' -o '" + pdf.string() + "'", "extract-seeds-render");
  REQUIRE(p.exit == 0);
  Run text = run("pdftotext -enc UTF-8 '" + pdf.string() + "' -", "extract-seeds-pdftotext");
  const std::string all = collapse(text.out);
  for (const auto& e : doc["events"]) {
    INFO(e["title"]);
    CHECK(all.find(collapse(e["title"].get<std::string>())) != std::string::npos);
  }
}

TEST_CASE("extract: two reports of one meeting merge, and dates that disagree make it disputed") {
  fs::create_directories(tmp / "extract" / "merge");
  const fs::path a = tmp / "extract" / "merge" / "wire.txt", b = tmp / "extract" / "merge" / "daily.txt";
  spit(a, "Published: 2024-11-15\n\nThe foreign ministers of Chile and Peru met in Lima on Monday to settle the fishing "
          "dispute.\n");
  spit(b, "Published: 2024-11-15\n\nThe foreign ministers of Chile and Peru met in Lima on Tuesday to settle the "
          "fishing dispute, officials said.\n");
  const fs::path out = tmp / "extract" / "merge" / "merged.json";
  Run r = run(bin + " extract '" + a.string() + "' '" + b.string() + "' -o '" + out.string() + "'", "extract-merge");
  INFO(r.err);
  REQUIRE(r.exit == 0);
  const json doc = json::parse(slurp(out));
  REQUIRE(doc["events"].size() == 1);
  const json& e = doc["events"][0];
  CHECK(e["sources"] == json::array({"wire", "daily"}));
  REQUIRE(e["claims"].size() == 2);
  CHECK(e["claims"][0]["date"] == "2024-11-11");
  CHECK(e["claims"][1]["date"] == "2024-11-12");
  Run n = run(bin + " normalize '" + out.string() + "'", "extract-merge-normalize");
  REQUIRE(n.exit == 0);
  CHECK(json::parse(n.out)["events"][0]["disputed"] == true);
}

TEST_CASE("extract: errors are for people") {
  fs::create_directories(tmp / "extract" / "errors");
  const fs::path bin_file = tmp / "extract" / "errors" / "photo.txt", none = tmp / "extract" / "errors" / "none.txt",
                 dated = tmp / "extract" / "errors" / "dated.txt";
  spit(bin_file, std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  spit(none, "Published: 2024-11-15\n\nThe weather was fine and nobody said anything about it.\n");
  spit(dated, "Published: 2024-11-15\n\nThe council approved the budget on Tuesday after a long debate.\n");
  Run b = run(bin + " extract '" + bin_file.string() + "'", "extract-binary");
  CHECK(b.exit == 1);
  CHECK(b.err.find("photo.txt:3:1: error: a binary file, not an article") != std::string::npos);
  Run missing = run(bin + " extract /nonexistent/article.txt", "extract-unreadable");
  CHECK(missing.exit == 3);
  CHECK(missing.err.find("cannot read '/nonexistent/article.txt'") != std::string::npos);
  Run only_none = run(bin + " extract '" + none.string() + "'", "extract-none");
  CHECK(only_none.exit == 1);
  CHECK(only_none.err.find("no dated happening found in any article") != std::string::npos);
  Run mixed = run(bin + " extract '" + none.string() + "' '" + dated.string() + "'", "extract-mixed");
  CHECK(mixed.exit == 0);
  CHECK(mixed.err.find("none.txt: warning: no dated happening found in this article") != std::string::npos);
  Run titled = run(bin + " extract '" + dated.string() + "' --title 'Council watch'", "extract-title");
  CHECK(titled.exit == 0);
  CHECK(json::parse(titled.out)["title"] == "Council watch");
  Run bad_date = run(bin + " extract '" + dated.string() + "' --published soon", "extract-bad-published");
  CHECK(bad_date.exit == 2);
}
