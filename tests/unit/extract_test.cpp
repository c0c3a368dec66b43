// chronicle extract: temporal expressions found and resolved in sentences
// (tests/extract/expressions.tsv), sentence boundaries, titles of happenings, TIMEX3 values.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <variant>

#include "extract/article.h"
#include "extract/extract_timeline.h"
#include "extract/tagger.h"
#include "extract/title_clause.h"
#include "model/date/parse_date.h"

using namespace chronicle;

namespace {

std::optional<model::DateValue> day(const std::string& s) {
  if (s == "-") return std::nullopt;
  auto d = model::parse_date(s);
  return std::get<model::DateValue>(d);
}

struct Row {
  int line;
  std::string reference, sentence, text, type, value;
};

std::vector<Row> rows() {
  std::ifstream in(std::string(CHRONICLE_SOURCE_DIR) + "/tests/extract/expressions.tsv");
  std::vector<Row> out;
  int n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream f(line);
    Row r{n, "", "", "", "", ""};
    std::getline(f, r.reference, '\t');
    std::getline(f, r.sentence, '\t');
    std::getline(f, r.text, '\t');
    std::getline(f, r.type, '\t');
    std::getline(f, r.value, '\t');
    out.push_back(r);
  }
  return out;
}

}  // namespace

TEST_CASE("every expression of the table is found with its type and TIMEX3 value") {
  const auto table = rows();
  REQUIRE(table.size() >= 50);
  for (const Row& r : table) {
    INFO("expressions.tsv:" << r.line << ": " << r.sentence);
    Diagnostics diags;
    extract::Anchors anchors;
    anchors.published = day(r.reference);
    const auto tagged = extract::tag_text("t.txt", r.sentence, 0, anchors, diags);
    CHECK_FALSE(diags.has_errors());
    const extract::Mention* found = nullptr;
    std::string all;
    for (const auto& m : tagged.mentions) {
      all += "[" + m.text + " " + m.type + " " + m.value + "] ";
      if (m.text == r.text) found = &m;
    }
    INFO("found: " << all);
    REQUIRE(found != nullptr);
    CHECK(found->type == r.type);
    CHECK(found->value == r.value);
  }
}

TEST_CASE("words that are dates only sometimes are left alone") {
  Diagnostics diags;
  extract::Anchors anchors;
  anchors.published = day("2024-11-15");
  for (const char* s : {"Musk's involvement may blur the line between business and diplomacy.",
                        "Protesters will march to the square.", "The sun rose over the city.",
                        "Any future agreements would need approval.", "He took the day off.",
                        "A 6-year-old boy was found safe.", "The stock closed at 17.50 on heavy trading.",
                        "Jan Smith chairs the board."}) {
    INFO(s);
    const auto tagged = extract::tag_text("t.txt", s, 0, anchors, diags);
    CHECK(tagged.mentions.empty());
  }
}

TEST_CASE("a relative date without a date to count from is an error at its line and column") {
  Diagnostics diags;
  const std::string text = "A first line.\nThe two men met on Monday in New York.";
  extract::tag_text("a.txt", text, 0, {}, diags);
  REQUIRE(diags.has_errors());
  const auto d = diags.sorted().front();
  CHECK(d.loc.line == 2);
  CHECK(d.loc.col == 20);
  CHECK(d.message.find("'Monday' needs the article's date") != std::string::npos);
}

TEST_CASE("sentences end where ICU says: abbreviations end none") {
  const std::string text = "Mr. Grossi arrived in Sept. 2024 with U.S. officials. He left on Friday.\nA heading\nThe text.";
  const auto s = extract::split_sentences(text, 0);
  REQUIRE(s.size() == 4);
  CHECK(text.substr(s[0].begin, s[0].end - s[0].begin) == "Mr. Grossi arrived in Sept. 2024 with U.S. officials.");
  CHECK(text.substr(s[2].begin, s[2].end - s[2].begin) == "A heading");
}

TEST_CASE("a happening's title is the clause that states it, about twelve words") {
  auto title = [](const std::string& s, const std::string& date) {
    const auto at = s.find(date);
    REQUIRE(at != std::string::npos);
    return extract::happening_title(s, at, at + date.size());
  };
  CHECK(title("NEW YORK, N.Y. \u2014 Elon Musk, a prominent businessman and advisor to President-elect Donald Trump, held "
              "a private meeting with Iran\u2019s UN Ambassador Amir Saeid Iravani on November 11 to address escalating "
              "tensions between Washington and Tehran.",
              "November 11") == "Elon Musk held a private meeting with Iran\u2019s UN Ambassador Amir Saeid Iravani");
  CHECK(title("In 2020, Trump ordered the assassination of Iranian General Qassim Suleimani in Iraq, a move that drew "
              "sharp condemnation from Iran.",
              "2020") == "Trump ordered the assassination of Iranian General Qassim Suleimani in Iraq");
  CHECK(title("The United States and Iran remain locked in a strained relationship following Trump\u2019s 2018 withdrawal "
              "from the 2015 nuclear deal and the imposition of sweeping sanctions on Tehran.",
              "2018") == "Trump\u2019s withdrawal from the 2015 nuclear deal");
  CHECK(title("Tensions rose further on January 3, 2020, when a U.S. drone strike near Baghdad's airport killed General "
              "Qassem Soleimani, the commander of Iran's Quds Force.",
              "January 3, 2020") == "A U.S. drone strike near Baghdad's airport killed General Qassem Soleimani");
  CHECK(title("The visit came a day after reports that Elon Musk had met Iran's UN ambassador in New York earlier this "
              "week, a contact that officials in Tehran described as useful.",
              "earlier this week") == "Elon Musk had met Iran's UN ambassador in New York");
  CHECK(title("Iran's foreign minister, Abbas Araghchi, said on Tuesday that disputes over the program could be "
              "settled through dialogue.",
              "Tuesday") == "Iran's foreign minister Abbas Araghchi says disputes over the program…");
  const std::string long_one = title("Earlier this week, Trump announced that Elon Musk and Indian-American entrepreneur "
                                     "Vivek Ramaswamy would lead the Department of Government Efficiency (DOGE).",
                                     "Earlier this week");
  std::size_t words = 1;
  for (char c : long_one) words += c == ' ';
  CHECK(words <= 14);
}

TEST_CASE("TIMEX3 values at every precision") {
  auto v = [](const std::string& s) { return extract::timex_value(std::get<model::DateValue>(model::parse_date(s))); };
  CHECK(v("2024-11-15") == "2024-11-15");
  CHECK(v("2024-11") == "2024-11");
  CHECK(v("2024") == "2024");
  CHECK(v("2024-W46") == "2024-W46");
  CHECK(v("1990s") == "199");
  CHECK(v("Q3 2019") == "2019-Q3");
  CHECK(v("2024-11-15T10:30") == "2024-11-15T10:30");
}

TEST_CASE("an article's head: front matter, a date line, a title, page chrome") {
  Diagnostics diags;
  auto a = extract::read_article("a.md", "---\ntitle: \"Talks\"\ndate: 2024-11-15\nurl: https://example.org/a\n---\n\nText here on Monday.\n",
                                 std::nullopt, diags);
  REQUIRE(a);
  CHECK(a->title == "Talks");
  CHECK(a->url == "https://example.org/a");
  REQUIRE(a->published);
  CHECK(extract::timex_value(*a->published) == "2024-11-15");
  CHECK(a->text.substr(a->body).rfind("Text here", 0) == 0);
  auto b = extract::read_article("b.txt", " date 2024-11-15 Elon Musk met the envoy on Monday.", std::nullopt, diags);
  REQUIRE(b);
  CHECK(b->published_in_text);
  CHECK(b->text.substr(b->body).rfind("Elon Musk", 0) == 0);
  auto c = extract::read_article("c.txt", "Untitled 114 1024x402\nShare this:\n\nNEW YORK \u2014 A long first paragraph. It goes on.",
                                 std::nullopt, diags);
  REQUIRE(c);
  CHECK(c->title.empty());  // (the caller titles it by its first sentence)
  CHECK(c->text.substr(c->body).rfind("NEW YORK", 0) == 0);
  CHECK_FALSE(diags.has_errors());
  auto bin = extract::read_article("d.bin", std::string("PK\x03\x04\0\0", 6), std::nullopt, diags);
  CHECK_FALSE(bin);
  auto latin1 = extract::read_article("e.txt", "caf\xE9 on Monday", std::nullopt, diags);
  CHECK_FALSE(latin1);
}

TEST_CASE("a sentence across lines: the date is cut from the title where it was") {
  Diagnostics diags;
  auto x = extract::extract_timeline(
      {{"a.txt", "Published: 2024-11-15\n\nThe foreign  ministers of Chile and\nPeru   met in Lima on\nMonday to settle "
                 "the fishing dispute.\n"}},
      {}, diags);
  REQUIRE(x);
  CHECK(x->timeline_json.find("\"title\": \"The foreign ministers of Chile and Peru met in Lima\"") !=
        std::string::npos);
}

TEST_CASE("a text without full stops is cut into bounded sentences, its happenings said once") {
  std::string text = "Published: 2024-11-15\n\n";
  for (int i = 0; i < 4000; ++i) text += "the council met on Monday and on Tuesday ";
  const auto sentences = extract::split_sentences(text, 23);
  for (const auto& s : sentences) CHECK(s.end - s.begin <= 1000);
  Diagnostics diags;
  auto x = extract::extract_timeline({{"long.txt", text}}, {}, diags);
  REQUIRE(x);
  CHECK(x->events <= 100);  // the same words on the same days: said once each
}
