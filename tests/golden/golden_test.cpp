// Golden images: every sample rendered at low resolution by the real binary and compared
// with tests/golden/expected/NAME.png, per channel within a threshold, with a bound on the
// number of differing pixels. On a difference, build/golden-diff/NAME.png shows
// expected | difference (red) | actual. After an intended change:
//   CHRONICLE_ACCEPT=1 ctest --preset default -R golden
#include <catch2/catch.hpp>

#include "image.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>
#include <filesystem>

namespace fs = std::filesystem;

namespace {

using golden::Image;
using golden::channel_threshold;
using golden::write_diff;

const fs::path src = CHRONICLE_SOURCE_DIR;
const fs::path tmp = CHRONICLE_TEST_TMP;
constexpr double max_differing = 0.002;    // share of pixels
constexpr int dpi = 24;

}  // namespace

TEST_CASE("samples match their golden images") {
  const bool accept = std::getenv("CHRONICLE_ACCEPT") != nullptr;
  const fs::path expected_dir = src / "tests" / "golden" / "expected";
  fs::create_directories(tmp / "golden");
  std::vector<std::string> templates;
  for (const auto& t : fs::directory_iterator(src / "templates"))
    if (t.path().extension() == ".json") templates.push_back(t.path().stem().string());
  std::sort(templates.begin(), templates.end());
  for (const auto& e : fs::directory_iterator(src / "samples")) {
    if (e.path().extension() != ".json") continue;
    for (const auto& tpl : templates) {
      // One PNG a page: NAME.TEMPLATE-1.png, -2, ... (a paged template may make several).
      const std::string stem = e.path().stem().string() + "." + tpl;
      for (const auto& old : fs::directory_iterator(tmp / "golden"))
        if (old.path().filename().string().rfind(stem + "-", 0) == 0) fs::remove(old.path());
      const std::string cmd = std::string(CHRONICLE_BINARY) + " render '" + e.path().string() + "' --template " + tpl +
                              " --dpi " + std::to_string(dpi) + " -o '" + (tmp / "golden" / (stem + "-%d.png")).string() +
                              "'";
      INFO(stem);
      REQUIRE(std::system(cmd.c_str()) == 0);
      int pages = 0;
      while (fs::exists(tmp / "golden" / (stem + "-" + std::to_string(pages + 1) + ".png"))) ++pages;
      int expected_pages = 0;
      while (fs::exists(expected_dir / (stem + "-" + std::to_string(expected_pages + 1) + ".png"))) ++expected_pages;
      if (!accept) CHECK(pages == expected_pages);
      for (int page = 1; page <= pages; ++page) {
        const std::string name = stem + "-" + std::to_string(page);
        INFO(name);
        const fs::path actual = tmp / "golden" / (name + ".png"), expected = expected_dir / (name + ".png");
        if (accept) {
          fs::create_directories(expected_dir);
          fs::copy_file(actual, expected, fs::copy_options::overwrite_existing);
          continue;
        }
        REQUIRE(fs::exists(expected));
        Image a(expected), b(actual);
        REQUIRE(a.ok());
        REQUIRE(b.ok());
        bool same_size = a.w() == b.w() && a.h() == b.h();
        long differing = 0;
        if (same_size) {
          for (int y = 0; y < a.h(); ++y)
            for (int x = 0; x < a.w(); ++x)
              for (int c = 0; c < 4; ++c)
                if (std::abs(a.row(y)[4 * x + c] - b.row(y)[4 * x + c]) > channel_threshold) {
                  ++differing;
                  break;
                }
        }
        const bool ok = same_size && double(differing) <= max_differing * double(a.w()) * double(a.h());
        if (!ok) write_diff(a, b, fs::path(CHRONICLE_BINARY_DIR) / "golden-diff" / (name + ".png"));
        INFO("size " << b.w() << "x" << b.h() << " vs expected " << a.w() << "x" << a.h() << "; " << differing
                     << " pixels differ; see build/golden-diff/" << name << ".png");
        CHECK(ok);
      }
    }
  }
}
