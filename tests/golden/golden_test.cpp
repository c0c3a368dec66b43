// Golden images: every sample rendered at low resolution by the real binary and compared
// with tests/golden/expected/NAME.png, per channel within a threshold, with a bound on the
// number of differing pixels. On a difference, build/golden-diff/NAME.png shows
// expected | difference (red) | actual. After an intended change:
//   CHRONICLE_ACCEPT=1 ctest --preset default -R golden
#include <catch2/catch.hpp>

#include <cairo.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>
#include <filesystem>

namespace fs = std::filesystem;

namespace {

const fs::path src = CHRONICLE_SOURCE_DIR;
const fs::path tmp = CHRONICLE_TEST_TMP;
constexpr int channel_threshold = 24;      // of 255
constexpr double max_differing = 0.002;    // share of pixels
constexpr int dpi = 24;

struct Image {
  cairo_surface_t* s = nullptr;
  explicit Image(const fs::path& p) : s(cairo_image_surface_create_from_png(p.c_str())) {}
  ~Image() { cairo_surface_destroy(s); }
  bool ok() const { return cairo_surface_status(s) == CAIRO_STATUS_SUCCESS; }
  int w() const { return cairo_image_surface_get_width(s); }
  int h() const { return cairo_image_surface_get_height(s); }
  const unsigned char* row(int y) const {
    return cairo_image_surface_get_data(s) + std::ptrdiff_t(y) * cairo_image_surface_get_stride(s);
  }
};

void write_diff(const Image& a, const Image& b, const fs::path& out) {
  const int w = a.w(), h = a.h();
  cairo_surface_t* d = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 3 * w, h);
  cairo_t* cr = cairo_create(d);
  cairo_set_source_surface(cr, a.s, 0, 0);
  cairo_paint(cr);
  cairo_set_source_surface(cr, b.s, 2 * w, 0);
  cairo_paint(cr);
  cairo_destroy(cr);
  cairo_surface_flush(d);
  unsigned char* data = cairo_image_surface_get_data(d);
  const int stride = cairo_image_surface_get_stride(d);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w && x < b.w() && y < b.h(); ++x) {
      bool differs = false;
      for (int c = 0; c < 4; ++c) differs = differs || std::abs(a.row(y)[4 * x + c] - b.row(y)[4 * x + c]) > channel_threshold;
      unsigned char* p = data + y * stride + 4 * (w + x);
      p[0] = differs ? 0 : 235;
      p[1] = differs ? 0 : 235;
      p[2] = differs ? 255 : 235;
    }
  }
  cairo_surface_mark_dirty(d);
  fs::create_directories(out.parent_path());
  cairo_surface_write_to_png(d, out.c_str());
  cairo_surface_destroy(d);
}

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
