#include <catch2/catch.hpp>

#include <map>

#include "style/load_template.h"

using namespace chronicle;

namespace {

style::TemplateFinder finder(std::map<std::string, std::string> files) {
  return [files](const std::string& name, const std::string&) -> std::optional<style::TemplateFile> {
    auto it = files.find(name);
    if (it == files.end()) return std::nullopt;
    return style::TemplateFile{name + ".json", it->second, ""};
  };
}

}  // namespace

TEST_CASE("a template extends another and overrides its keys") {
  Diagnostics diags;
  auto t = style::load_template(
      "slide", finder({{"base", R"({"page": {"width": 800, "height": 600}, "font": {"label": 12}})"},
                       {"slide", R"({"extends": "base", "description": "Slides", "font": {"label": 20}})"}}),
      diags);
  REQUIRE(t);
  CHECK(t->style.page.width == 800);
  CHECK(t->style.fonts.label == 20);
  CHECK(t->style.fonts.title == style::Fonts{}.title);  // untouched keys keep the defaults
  CHECK(t->description == "Slides");
  CHECK(t->files == std::vector<std::string>{"slide.json", "base.json"});
}

TEST_CASE("template errors name file, line and column") {
  Diagnostics diags;
  SECTION("unknown key, with a suggestion") {
    auto t = style::load_template("a", finder({{"a", "{\n  \"page\": {\"widht\": 3}\n}"}}), diags);
    CHECK_FALSE(t);
    REQUIRE(diags.has_errors());
    CHECK(format_diagnostic(diags.items()[0]) ==
          "a.json:2:12: error: unknown template key 'page.widht', did you mean 'page.width'? (at /page/widht)");
  }
  SECTION("wrong type") {
    auto t = style::load_template("a", finder({{"a", R"({"font": {"label": "big"}})"}}), diags);
    CHECK_FALSE(t);
    CHECK(format_diagnostic(diags.items()[0]) == "a.json:1:20: error: 'font.label' must be a number (at /font/label)");
  }
  SECTION("a template that extends itself") {
    auto t = style::load_template("a", finder({{"a", R"({"extends": "b"})"}, {"b", R"({"extends": "a"})"}}), diags);
    CHECK_FALSE(t);
    CHECK(diags.items()[0].message.find("extends itself") != std::string::npos);
  }
  SECTION("missing template") {
    auto t = style::load_template("nope", finder({}), diags);
    CHECK_FALSE(t);
    CHECK(diags.items()[0].message == "template 'nope' not found (see 'chronicle templates')");
  }
  SECTION("bad enum") {
    auto t = style::load_template("a", finder({{"a", R"({"axis": {"scale": "log"}})"}}), diags);
    CHECK_FALSE(t);
    CHECK(diags.items()[0].message == "'axis.scale' must be one of auto, linear");
  }
}
