// Every sample with every template, laid out with the real Pango measurer and the pinned
// fonts (not the fixed-width fake): the invariants hold on what is actually drawn.
#include <catch2/catch.hpp>

#include <algorithm>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "input/read_chronicle_json.h"
#include "layout/invariants.h"
#include "layout/layout.h"
#include "layout/write_scene_json.h"
#include "model/normalize.h"
#include "random_timeline.h"
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

TEST_CASE("every sample and fitting shape with every template keeps the invariants with Pango's measurements") {
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
  std::vector<fs::path> inputs;
  for (const char* dir : {"samples", "tests/fit"})  // the samples, and the fitting shapes
    for (const auto& s : fs::directory_iterator(src / dir))
      if (s.path().extension() == ".json") inputs.push_back(s.path());
  std::sort(inputs.begin(), inputs.end());
  for (const auto& path : inputs) {
    const fs::directory_entry s(path);
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
  CHECK(checked >= 50);
}

TEST_CASE("measuring on several threads gives the layout and the bytes of measuring on one") {
  // 1,500 events: enough texts that measure_ahead() hands shares to helper threads.
  const auto tl = testing::random_timeline(11, 1500);
  style::Style st;
  std::string dumps[3], pdfs[3];
  std::vector<std::string> used[3];
  for (unsigned threads : {1u, 2u, 4u}) {
    Diagnostics diags;
    auto fonts = render::FontSession::create(CHRONICLE_FONTS_CONF, diags, threads);
    REQUIRE(fonts);
    const auto scene = layout::layout_timeline(tl, st, fonts->measurer());
    CHECK(layout::check_invariants(scene, tl).empty());
    const int k = threads == 1 ? 0 : threads == 2 ? 1 : 2;
    dumps[k] = layout::write_scene_json(scene);
    render::RenderOptions opt;
    opt.creation_date = "2024-11-15T00:00:00Z";
    auto pdf = render::render_scene(scene, render::Format::Pdf, *fonts, opt, diags);
    REQUIRE(pdf);
    pdfs[k] = *pdf;
    used[k] = fonts->fonts_used();
  }
  CHECK(dumps[0] == dumps[1]);
  CHECK(dumps[0] == dumps[2]);
  CHECK(pdfs[0] == pdfs[1]);  // compared whole: same glyphs, same font subsets, same order
  CHECK(pdfs[0] == pdfs[2]);
  // The fonts a depfile lists do not depend on the threads either.
  CHECK(used[0].size() >= 2);
  CHECK(used[0] == used[1]);
  CHECK(used[0] == used[2]);
}
