#pragma once
// PNG images for comparisons (read with Cairo), and the diff picture a failed comparison
// leaves: expected | differing pixels in red | actual.
#include <cairo.h>

#include <cstdlib>
#include <filesystem>

namespace golden {

namespace fs = std::filesystem;

constexpr int channel_threshold = 24;  // of 255

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

inline void write_diff(const Image& a, const Image& b, const fs::path& out) {
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


}  // namespace golden
