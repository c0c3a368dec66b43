// Golden images, one ctest per sample and template: the real binary renders INPUT with
// TEMPLATE at low resolution, one PNG a page, and each page is compared with
// tests/golden/expected/NAME.TEMPLATE-PAGE.png, per channel within a threshold, with a
// bound on the number of differing pixels. On a difference, build/golden-diff/NAME.png
// shows expected | difference (red) | actual. After an intended change:
//   CHRONICLE_ACCEPT=1 ctest --preset default -R golden
// Usage: golden_png INPUT TEMPLATE
#include "image.h"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace fs = std::filesystem;

namespace {

constexpr double max_differing = 0.002;  // share of pixels
constexpr int dpi = 24;

int count_pages(const fs::path& dir, const std::string& stem) {
  int pages = 0;
  while (fs::exists(dir / (stem + "-" + std::to_string(pages + 1) + ".png"))) ++pages;
  return pages;
}

/// Compares one page; prints why when it differs.
bool same_page(const fs::path& expected, const fs::path& actual, const std::string& name) {
  golden::Image a(expected), b(actual);
  if (!a.ok() || !b.ok()) {
    std::printf("%s: cannot read %s\n", name.c_str(), (!a.ok() ? expected : actual).c_str());
    return false;
  }
  const bool same_size = a.w() == b.w() && a.h() == b.h();
  long differing = 0;
  for (int y = 0; same_size && y < a.h(); ++y)
    for (int x = 0; x < a.w(); ++x)
      for (int c = 0; c < 4; ++c)
        if (std::abs(a.row(y)[4 * x + c] - b.row(y)[4 * x + c]) > golden::channel_threshold) {
          ++differing;
          break;
        }
  if (same_size && double(differing) <= max_differing * double(a.w()) * double(a.h())) return true;
  golden::write_diff(a, b, fs::path(CHRONICLE_BINARY_DIR) / "golden-diff" / (name + ".png"));
  std::printf("%s: size %dx%d vs expected %dx%d; %ld pixels differ; see build/golden-diff/%s.png\n", name.c_str(),
              b.w(), b.h(), a.w(), a.h(), differing, name.c_str());
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: golden_png INPUT TEMPLATE\n");
    return 2;
  }
  const fs::path input = argv[1];
  const std::string tpl = argv[2];
  const bool accept = std::getenv("CHRONICLE_ACCEPT") != nullptr;
  const fs::path expected_dir = fs::path(CHRONICLE_SOURCE_DIR) / "tests" / "golden" / "expected";
  const std::string stem = input.stem().string() + "." + tpl;
  const fs::path dir = fs::path(CHRONICLE_TEST_TMP) / "golden" / stem;
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string cmd = std::string(CHRONICLE_BINARY) + " render '" + input.string() + "' --template " + tpl +
                          " --dpi " + std::to_string(dpi) + " -o '" + (dir / (stem + "-%d.png")).string() + "'";
  if (std::system(cmd.c_str()) != 0) {
    std::printf("%s: render failed: %s\n", stem.c_str(), cmd.c_str());
    return 1;
  }
  const int pages = count_pages(dir, stem);
  if (accept) {
    for (int k = count_pages(expected_dir, stem); k > pages; --k)
      fs::remove(expected_dir / (stem + "-" + std::to_string(k) + ".png"));
    for (int k = 1; k <= pages; ++k) {
      const std::string name = stem + "-" + std::to_string(k) + ".png";
      fs::copy_file(dir / name, expected_dir / name, fs::copy_options::overwrite_existing);
    }
    std::printf("%s: accepted %d page(s)\n", stem.c_str(), pages);
    return 0;
  }
  bool ok = true;
  const int expected_pages = count_pages(expected_dir, stem);
  if (pages != expected_pages) {
    std::printf("%s: %d page(s), expected %d\n", stem.c_str(), pages, expected_pages);
    ok = false;
  }
  for (int k = 1; k <= std::min(pages, expected_pages); ++k) {
    const std::string name = stem + "-" + std::to_string(k);
    ok = same_page(expected_dir / (name + ".png"), dir / (name + ".png"), name) && ok;
  }
  if (ok) std::printf("%s: %d page(s) match\n", stem.c_str(), pages);
  return ok ? 0 : 1;
}
