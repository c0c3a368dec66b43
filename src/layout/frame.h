#pragma once
// A chart is laid out once, in its own coordinates: u runs along the time axis, v across
// it (away from the axis band's near edge). The frame turns them into page x and y, so
// the axis, eras, whiskers, markers and bars are written once for both orientations.
#include "layout/scene.h"

namespace chronicle::layout {

enum class Orientation { Horizontal, Vertical };

struct Frame {
  Orientation orientation = Orientation::Horizontal;

  bool vertical() const { return orientation == Orientation::Vertical; }
  /// The page point at (u, v).
  Point point(double u, double v) const { return vertical() ? Point{v, u} : Point{u, v}; }
  /// The page box from (u, v), du along the axis and dv across it.
  Box box(double u, double v, double du, double dv) const { return vertical() ? Box{v, u, dv, du} : Box{u, v, du, dv}; }
  /// A page box's extent along the axis, and across it.
  double along(double w, double h) const { return vertical() ? h : w; }
  double across(double w, double h) const { return vertical() ? w : h; }
  /// The page box of size w x h centred on (u, v).
  Box centred(double u, double v, double w, double h) const {
    const Point c = point(u, v);
    return {c.x - w / 2, c.y - h / 2, w, h};
  }
};

}  // namespace chronicle::layout
