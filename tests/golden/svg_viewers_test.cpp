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

TEST_CASE("an SVG's text is findable: every event title in Chromium's DOM and in the page's text") {
  fs::create_directories(tmp);
  REQUIRE(sh("command -v chromium >/dev/null") == 0);
  for (const char* tmpl : {"default", "slide-16x9"}) {
    INFO(tmpl);
    const fs::path svg = tmp / (std::string("findable.") + tmpl + ".svg"), html = tmp / (std::string("findable.") + tmpl + ".html"),
                   model = tmp / "findable.model.json";
    REQUIRE(sh(std::string(CHRONICLE_BINARY) + " render '" + (src / "samples" / "us-iran.json").string() + "' -t " + tmpl +
               " -o '" + svg.string() + "'") == 0);
    REQUIRE(sh(std::string(CHRONICLE_BINARY) + " normalize '" + (src / "samples" / "us-iran.json").string() + "' -o '" +
               model.string() + "'") == 0);
    std::ifstream is(svg);
    std::string text((std::istreambuf_iterator<char>(is)), std::istreambuf_iterator<char>());
    CHECK(text.find("<image") == std::string::npos);  // no bitmaps
    // Each event's marks (span or whisker, leader, marker, label glyphs) in one group named
    // after the event: something a person can move or restyle in Inkscape or a slide tool.
    int groups = 0;
    for (std::size_t at = 0; (at = text.find("-marks\">", at)) != std::string::npos; ++at) {
      ++groups;
      const std::size_t close = text.find("</g>", at);
      const std::string body = text.substr(at, close - at);
      CHECK(body.find("<path") != std::string::npos);  // its marker and leader
    }
    CHECK(groups == 10);
    CHECK(text.find("<g id=\"event-musk-iravani-marks\">") != std::string::npos);
    if (std::string(tmpl) == "default") {  // swimlanes: a group a track, one for the eras
      CHECK(text.find("<g id=\"track-3\">") != std::string::npos);
      CHECK(text.find("<g id=\"eras\">") != std::string::npos);
    }
    CHECK(text.find("<title id=\"chronicle-title\">The United States and Iran, 2015–2024</title>") != std::string::npos);
    CHECK(text.find("<desc id=\"chronicle-desc\">") != std::string::npos);
    // The SVG inline in a page whose script reports what a reader finds.
    std::ofstream(html) << "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" << text.substr(text.find("<svg"))
                        << "<pre id=\"result\"></pre><script>\n"
                           "const result = {text: document.body.innerText.replace(/\\s+/g, ' '),\n"
                           "  titles: Array.from(document.querySelectorAll('#events [role=listitem] > title')).map(t => t.textContent)};\n"
                           "document.getElementById('result').textContent = JSON.stringify(result);\n"
                           "</script></body></html>\n";
    const fs::path dom = tmp / (std::string("findable.") + tmpl + ".dom.html");
    REQUIRE(sh("timeout 120 chromium --headless --no-sandbox --disable-gpu --dump-dom 'file://" + html.string() + "' > '" +
               dom.string() + "' 2>/dev/null") == 0);
    std::ifstream ds(dom);
    std::string dumped((std::istreambuf_iterator<char>(ds)), std::istreambuf_iterator<char>());
    const auto from = dumped.find("<pre id=\"result\">"), to = dumped.find("</pre>", from);
    REQUIRE(from != std::string::npos);
    std::string json = dumped.substr(from + 17, to - from - 17);
    for (const auto& [entity, ch] : {std::pair{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}})
      for (std::size_t at; (at = json.find(entity)) != std::string::npos;) json.replace(at, std::string(entity).size(), ch);
    const auto found = nlohmann::json::parse(json);
    const std::string page_text = found["text"];
    std::ifstream ms(model);
    const auto m = nlohmann::json::parse(ms);
    int checked = 0;
    for (const auto& e : m["events"]) {
      const std::string title = e["title"];
      INFO(title);
      CHECK(page_text.find(title) != std::string::npos);  // the page's text: what find and copy see
      bool in_dom = false;
      for (const auto& t : found["titles"]) in_dom = in_dom || t.get<std::string>().find(title) != std::string::npos;
      CHECK(in_dom);  // a <title> per event: its tooltip, and a screen reader's label
      ++checked;
    }
    CHECK(checked == 10);
  }
}
