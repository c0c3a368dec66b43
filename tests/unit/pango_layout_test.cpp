// Every sample with every template, laid out with the real Pango measurer and the pinned
// fonts (not the fixed-width fake): the invariants hold on what is actually drawn.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "input/read_chronicle_json.h"
#include "layout/invariants.h"
#include "layout/layout.h"
#include "model/normalize.h"
#include "render/render.h"
#include "style/load_template.h"

using namespace chronicle;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("every sample with every template keeps the invariants with Pango's measurements") {
  Diagnostics font_diags;
  auto fonts = render::FontSession::create(CHRONICLE_FONTS_CONF, font_diags);
  REQUIRE(fonts);
  const fs::path src = CHRONICLE_SOURCE_DIR;
  style::TemplateFinder find = [&](const std::string& name, const std::string&) -> std::optional<style::TemplateFile> {
    fs::path p = src / "templates" / (name + ".json");
    if (!fs::exists(p)) return std::nullopt;
    return style::TemplateFile{p.string(), slurp(p), ""};
  };
  int checked = 0;
  for (const auto& s : fs::directory_iterator(src / "samples")) {
    if (s.path().extension() != ".json") continue;
    Diagnostics diags;
    auto raw = input::read_chronicle_json(s.path().string(), slurp(s.path()), diags);
    REQUIRE(raw);
    auto tl = model::normalize({*raw}, diags);
    REQUIRE_FALSE(diags.has_errors());
    for (const auto& t : fs::directory_iterator(src / "templates")) {
      auto loaded = style::load_template(t.path().stem().string(), find, diags);
      REQUIRE(loaded);
      auto scene = layout::layout_timeline(tl, loaded->style, fonts->measurer());
      auto problems = layout::check_invariants(scene, tl);
      std::string all;
      for (const auto& p : problems) all += p + "\n";
      INFO(s.path().filename().string() << " with " << t.path().stem().string() << ":\n" << all);
      CHECK(problems.empty());
      ++checked;
    }
  }
  CHECK(checked >= 20);
}
