// SVGs look the same where they land: each slide (and a poster) as chronicle's own PNG,
// as headless Chromium draws the SVG, and as rsvg-convert draws it, compared with a
// tolerance for anti-aliasing. Chromium comes from Debian's `chromium` package, which
// cmake/setup.sh installs like every other test tool.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "image.h"

namespace {

namespace fs = std::filesystem;
const fs::path src = CHRONICLE_SOURCE_DIR;
const fs::path tmp = fs::path(CHRONICLE_TEST_TMP) / "viewers";

struct Comparison {
  double mean = 0;          ///< mean absolute difference per channel, of 255
  double blocks_off = 0;    ///< share of 4x4 blocks whose average differs by more than 48 of 255
  bool same_size = false;
};

/// Compares the RGB of two images (alpha ignored: both are opaque) in 4x4 blocks, so
/// that a glyph edge anti-aliased a little differently does not count, a missing or
/// moved glyph, line or box does.
Comparison compare(const golden::Image& a, const golden::Image& b) {
  Comparison c;
  c.same_size = std::abs(a.w() - b.w()) <= 1 && std::abs(a.h() - b.h()) <= 1;
  if (!c.same_size) return c;
  const int w = std::min(a.w(), b.w()), h = std::min(a.h(), b.h());
  double total = 0;
  long blocks = 0, off = 0;
  for (int by = 0; by + 4 <= h; by += 4) {
    for (int bx = 0; bx + 4 <= w; bx += 4) {
      double sa[3] = {0, 0, 0}, sb[3] = {0, 0, 0};
      for (int y = by; y < by + 4; ++y)
        for (int x = bx; x < bx + 4; ++x)
          for (int ch = 0; ch < 3; ++ch) {
            sa[ch] += a.row(y)[4 * x + ch];
            sb[ch] += b.row(y)[4 * x + ch];
            total += std::abs(int(a.row(y)[4 * x + ch]) - int(b.row(y)[4 * x + ch]));
          }
      bool differs = false;
      for (int ch = 0; ch < 3; ++ch) differs = differs || std::abs(sa[ch] - sb[ch]) / 16 > 2 * golden::channel_threshold;
      ++blocks;
      off += differs;
    }
  }
  c.mean = total / (double(w) * h * 3);
  c.blocks_off = blocks ? double(off) / double(blocks) : 1;
  return c;
}

int sh(const std::string& cmd) { return std::system(cmd.c_str()); }

/// Measured on this machine: Chromium and rsvg-convert differ from Cairo's PNG in at
/// most 0.004% of blocks (glyph edges anti-aliased differently); one event left out of
/// a slide changes 12%, one title word about 0.02% (see the control below).
constexpr double max_blocks_off = 0.0002;

}  // namespace

TEST_CASE("SVGs render the same in Chromium and rsvg-convert as chronicle's PNG") {
  fs::create_directories(tmp);
  REQUIRE(sh("command -v chromium >/dev/null && command -v rsvg-convert >/dev/null") == 0);
  struct Case {
    const char* sample;
    const char* tmpl;
    double dpi;  ///< PNG resolution that gives the SVG's CSS pixel size
  };
  const std::vector<Case> cases{{"us-iran", "slide-16x9", 96},
                                {"us-iran", "slide-16x9-dark", 96},
                                {"greco-persian-wars", "slide-16x9", 96},
                                {"apollo-11-landing", "slide-16x9-dark", 96},
                                {"us-iran", "default", 96}};  // a pt-sized poster too
  int compared = 0;
  for (const auto& c : cases) {
    const std::string stem = std::string(c.sample) + "." + c.tmpl;
    for (const auto& old : fs::directory_iterator(tmp))
      if (old.path().filename().string().rfind(stem + "-", 0) == 0) fs::remove(old.path());
    const fs::path base = tmp / stem;
    REQUIRE(sh(std::string(CHRONICLE_BINARY) + " render '" + (src / "samples" / (std::string(c.sample) + ".json")).string() +
               "' -t " + c.tmpl + " --dpi " + std::to_string(int(c.dpi)) + " -o '" + base.string() + "-%d.svg' -o '" +
               base.string() + "-%d.png'") == 0);
    for (int page = 1; fs::exists(base.string() + "-" + std::to_string(page) + ".svg"); ++page) {
      const std::string p = base.string() + "-" + std::to_string(page);
      INFO(stem << " page " << page);
      golden::Image own(p + ".png");
      REQUIRE(own.ok());
      const std::string size = std::to_string(own.w()) + "," + std::to_string(own.h());
      REQUIRE(sh("chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 "
                 "--window-size=" + size + " --screenshot='" + p + ".chromium.png' 'file://" + p + ".svg' >/dev/null 2>&1") ==
              0);
      REQUIRE(sh("rsvg-convert -w " + std::to_string(own.w()) + " -h " + std::to_string(own.h()) + " '" + p +
                 ".svg' -o '" + p + ".rsvg.png'") == 0);
      for (const char* viewer : {"chromium", "rsvg"}) {
        golden::Image other(p + "." + viewer + ".png");
        REQUIRE(other.ok());
        const Comparison cmp = compare(own, other);
        INFO(viewer << ": " << other.w() << "x" << other.h() << " vs " << own.w() << "x" << own.h() << ", mean difference "
                    << cmp.mean << ", blocks off " << cmp.blocks_off * 100 << "%");
        CHECK(cmp.same_size);
        CHECK(cmp.mean < 2.5);
        CHECK(cmp.blocks_off < max_blocks_off);
        if (!(cmp.same_size && cmp.mean < 2.5 && cmp.blocks_off < max_blocks_off))
          golden::write_diff(own, other, fs::path(CHRONICLE_BINARY_DIR) / "golden-diff" / (stem + "-" + std::to_string(page) + "." + viewer + ".png"));
        ++compared;
      }
    }
  }
  CHECK(compared >= 2 * int(cases.size()));  // every page of every case, in both viewers
}

TEST_CASE("the viewer comparison catches a slide that lost an event (control)") {
  fs::create_directories(tmp);
  const fs::path in = src / "samples" / "us-iran.json", changed = tmp / "control.json";
  {  // the same sample without the event sanctions (on the first slide)
    std::ifstream is(in);
    nlohmann::json doc = nlohmann::json::parse(is);
    auto& events = doc["events"];
    events.erase(std::remove_if(events.begin(), events.end(),
                                [](const nlohmann::json& e) { return e.value("id", "") == "sanctions"; }),
                 events.end());
    std::ofstream(changed) << doc.dump();
  }
  REQUIRE(sh(std::string(CHRONICLE_BINARY) + " render '" + in.string() + "' -t slide-16x9 --dpi 96 -o '" +
             (tmp / "control-a-%d.png").string() + "'") == 0);
  REQUIRE(sh(std::string(CHRONICLE_BINARY) + " render '" + changed.string() + "' -t slide-16x9 --dpi 96 -o '" +
             (tmp / "control-b-%d.png").string() + "'") == 0);
  golden::Image a(tmp / "control-a-1.png"), b(tmp / "control-b-1.png");
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(compare(a, b).blocks_off > 100 * max_blocks_off);
}
