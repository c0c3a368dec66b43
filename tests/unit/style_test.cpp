#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>

#include "style/load_template.h"
#include "style/style_keys.h"

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
  CHECK(t->style.font.label == 20);
  CHECK(t->style.font.title == style::Fonts{}.title);  // untouched keys keep the defaults
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
    CHECK(diags.items()[0].message == "'axis.scale' must be one of auto, linear, sequential");
  }
}

TEST_CASE("templates/default.json spells out exactly the built-in defaults, every key") {
  std::ifstream in(std::string(CHRONICLE_SOURCE_DIR) + "/templates/default.json");
  std::stringstream text;
  text << in.rdbuf();
  Diagnostics diags;
  auto t = style::load_template("default", finder({{"default", text.str()}}), diags);
  REQUIRE(t);
  const style::Style builtin;
  const auto doc = nlohmann::json::parse(text.str());
  for (const auto& key : style::style_keys()) {
    INFO(key.name);
    const std::string name = key.name;
    const auto dot = name.find('.');
    if (key.get(builtin) != "")  // spelled out (page.orientation has no value to spell: none turns the page)
      CHECK(doc.at(name.substr(0, dot)).contains(name.substr(dot + 1)));
    CHECK(key.get(t->style) == key.get(builtin));                         // and equal to the default
  }
}

TEST_CASE("numbers outside a key's range are errors that say the range") {
  style::Style st;
  CHECK(style::apply_style_value(st, "font.label", 999999) == "'font.label' must be between 4 and 72");
  CHECK(style::apply_style_value(st, "page.width", 0) == "'page.width' must be between 72 and 14400");
  CHECK(style::apply_style_value(st, "font.min_scale", 0.3) == "'font.min_scale' must be between 0.5 and 1");
  CHECK(style::apply_style_value(st, "label.padding", 12).empty());
  CHECK(st.label.padding == 12);
}
