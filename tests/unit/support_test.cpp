#include <catch2/catch.hpp>

#include "support/diagnostics.h"
#include "support/json_document.h"
#include "support/text.h"
#include "support/spellcheck.h"

using namespace chronicle;

TEST_CASE("diagnostics print as file:line:col: error: message (at pointer)") {
  Diagnostic d{Severity::Error, {"a.json", 3, 14}, "/events/0/date", "bad date"};
  CHECK(format_diagnostic(d) == "a.json:3:14: error: bad date (at /events/0/date)");
  Diagnostic w{Severity::Warning, {}, "", "no file"};
  CHECK(format_diagnostic(w) == "chronicle: warning: no file");
}

TEST_CASE("diagnostics are sorted by position and capped") {
  Diagnostics diags;
  diags.error({"b.json", 1, 1}, "", "third");
  diags.error({"a.json", 9, 1}, "", "second");
  diags.error({"a.json", 2, 5}, "", "first");
  auto s = diags.sorted();
  REQUIRE(s.size() == 3);
  CHECK(s[0].message == "first");
  CHECK(s[1].message == "second");
  CHECK(s[2].message == "third");
  for (int i = 0; i < 100; ++i) diags.error({}, "", "more");
  CHECK(diags.items().size() == Diagnostics::max_errors);
  CHECK(diags.error_count() == 103);
  CHECK(diags.dropped() == 103 - Diagnostics::max_errors);
}

TEST_CASE("JSON syntax errors carry line and column") {
  Diagnostics diags;
  auto doc = JsonDocument::parse("x.json", "{\n  \"a\": 1,\n  \"b\": ]\n}", diags);
  CHECK(doc == nullptr);
  REQUIRE(diags.items().size() == 1);
  const auto& d = diags.items()[0];
  CHECK(d.loc.file == "x.json");
  CHECK(d.loc.line == 3);
  CHECK(d.loc.col == 8);
  CHECK(d.message.find("invalid JSON") == 0);
}

TEST_CASE("JSON pointers resolve to the line and column of their value") {
  Diagnostics diags;
  const std::string text =
      "{\n"
      "  \"title\": \"T\",\n"
      "  \"events\": [\n"
      "    {\"title\": \"a\", \"date\": \"2015\"},\n"
      "    {\"title\": \"b\\\"q\", \"date\": \"2016\", \"x/y\": 1}\n"
      "  ]\n"
      "}\n";
  auto doc = JsonDocument::parse("t.json", text, diags);
  REQUIRE(doc);
  auto loc = doc->locate("/events/1/date");
  CHECK(loc.line == 5);
  CHECK(loc.col == 31);
  CHECK(doc->locate("/events/0").line == 4);
  CHECK(doc->locate("/events/0").col == 5);
  CHECK(doc->locate("/title").col == 12);
  CHECK(doc->locate("/title", true).col == 3);
  CHECK(doc->locate("/events/1/x~1y", true).col == 39);
  // A pointer that does not resolve falls back to its nearest ancestor.
  CHECK(doc->locate("/events/7/date").line == 3);
}

TEST_CASE("too deep nesting is an error, not a crash") {
  Diagnostics diags;
  std::string deep(100000, '[');
  auto doc = JsonDocument::parse("deep.json", deep, diags);
  CHECK(doc == nullptr);
  REQUIRE(diags.has_errors());
  CHECK(diags.items()[0].message.find("nested deeper") != std::string::npos);
}

TEST_CASE("spellcheck suggests close names only") {
  std::vector<std::string> fields{"title", "date", "start", "end", "sources"};
  CHECK(closest_match("titel", fields) == "title");
  CHECK(closest_match("sorces", fields) == "sources");
  CHECK(closest_match("colour", fields).empty());
  CHECK(did_you_mean("dat", fields) == ", did you mean 'date'?");
}

TEST_CASE("text is shortened between characters, never inside a UTF-8 sequence or a grapheme") {
  std::string ru = "Иран";  // two bytes a letter
  utf8_drop_last(ru);
  CHECK(ru == "Ира");
  std::string accent = "cafe\xCC\x81";  // e + combining acute: one grapheme
  utf8_drop_last(accent);
  CHECK(accent == "caf");
  std::string emoji = "a\xE2\x9D\xA4\xEF\xB8\x8F";  // heavy heart + variation selector 16
  utf8_drop_last(emoji);
  CHECK(emoji == "a");
  CHECK(utf8_prefix("Иран", 3) == "И");  // 3 bytes: one letter and half of the next: one letter
  CHECK(utf8_prefix("Иран", 4) == "Ир");
  CHECK(utf8_prefix("abc", 10) == "abc");
  std::string empty;
  utf8_drop_last(empty);
  CHECK(empty.empty());
}

TEST_CASE("locating many values, in any order, gives the positions one scan each would") {
  // 200 events, one a line: event k's "x" is on line k + 2, column 30 or so.
  std::string text = "{\"events\": [\n";
  for (int k = 0; k < 200; ++k)
    text += "  {\"title\": \"Event " + std::string(k < 10 ? "00" : k < 100 ? "0" : "") + std::to_string(k) +
            "\", \"x\": 1}" + (k + 1 < 200 ? ",\n" : "\n");
  text += "]}\n";
  Diagnostics diags;
  auto doc = JsonDocument::parse("t.json", text, diags);
  REQUIRE(doc);
  for (int k : {150, 3, 199, 0, 42, 150, 198, 7}) {  // backwards, forwards, again
    INFO(k);
    const auto value = doc->locate("/events/" + std::to_string(k) + "/x");
    CHECK(value.line == k + 2);
    CHECK(value.col == 31);
    const auto key = doc->locate("/events/" + std::to_string(k) + "/x", true);
    CHECK(key.line == k + 2);
    CHECK(key.col == 26);
    CHECK(doc->locate("/events/" + std::to_string(k)).col == 3);
  }
}
