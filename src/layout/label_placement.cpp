#include "layout/label_placement.h"

#include <algorithm>

#include "layout/collision_index.h"

namespace chronicle::layout {
namespace {

struct SideState {
  CollisionIndex labels{96};
  CollisionIndex poles{96};
};

Box inflate(const Box& b, double d) { return {b.x - d, b.y - d, b.w + 2 * d, b.h + 2 * d}; }

/// The label's x extent: to the right of the pole, or to its left near the right edge.
double label_x(const LabelRequest& r, const PlacementOptions& opt) {
  double right_side = r.x + opt.pole_gap;
  if (right_side + r.width <= opt.x_max) return right_side;
  double left_side = r.x - opt.pole_gap - r.width;
  return std::max(opt.x_min, left_side);
}

struct Candidate {
  bool ok = false;
  double distance = 0;
  Box box, pole;
};

Box box_at(const LabelRequest& r, double lx, Side side, double d, const PlacementOptions& opt) {
  return side == Side::Above ? Box{lx, -d - r.height, r.width, r.height}
                             : Box{lx, opt.band_height + d, r.width, r.height};
}

Box pole_for(const LabelRequest& r, Side side, const Box& label, const PlacementOptions& opt) {
  return side == Side::Above ? Box{r.x - 0.5, label.y, 1, -label.y}
                             : Box{r.x - 0.5, opt.band_height, 1, label.bottom() - opt.band_height};
}

Candidate try_side(const LabelRequest& r, int owner, Side side, const SideState& st, const PlacementOptions& opt,
                   bool strict = true) {
  const double lx = label_x(r, opt);
  const double d0 = side == Side::Above ? r.min_distance_above : r.min_distance_below;
  // Candidate distances: the base, and just beyond each box already placed nearby.
  std::vector<double> ds{d0};
  const double x0 = std::min(lx, r.x) - opt.padding, x1 = std::max(lx + r.width, r.x) + opt.padding;
  for (const Box& b : st.labels.in_columns(x0, x1)) {
    double far = side == Side::Above ? -b.y : b.bottom() - opt.band_height;
    if (far + opt.padding > d0) ds.push_back(far + opt.padding);
  }
  std::sort(ds.begin(), ds.end());
  for (double d : ds) {
    Box box = box_at(r, lx, side, d, opt);
    if (st.labels.collides(inflate(box, opt.padding - 0.01), owner)) continue;
    if (st.poles.collides(inflate(box, 1), owner)) continue;
    Box pole = pole_for(r, side, box, opt);
    if (strict && st.labels.collides(pole, owner)) continue;
    return {true, d, box, pole};
  }
  return {};
}

}  // namespace

std::vector<PlacedLabel> place_labels(const std::vector<LabelRequest>& requests, const PlacementOptions& opt) {
  std::vector<PlacedLabel> out(requests.size());
  SideState above, below;
  Side last = Side::Below;
  for (std::size_t k = requests.size(); k-- > 0;) {
    const LabelRequest& r = requests[k];
    Candidate a = try_side(r, int(k), Side::Above, above, opt);
    Candidate b = r.below_allowed ? try_side(r, int(k), Side::Below, below, opt) : Candidate{};
    if (!a.ok && !b.ok) a = try_side(r, int(k), Side::Above, above, opt, false);  // a pole must cross
    bool use_above;
    if (!b.ok) use_above = true;
    else if (!a.ok) use_above = false;
    else if (a.distance != b.distance) use_above = a.distance < b.distance;
    else use_above = last == Side::Below;
    const Candidate& c = use_above ? a : b;
    SideState& st = use_above ? above : below;
    st.labels.insert(c.box, int(k));
    st.poles.insert(c.pole, int(k));
    last = use_above ? Side::Above : Side::Below;
    out[k] = {last, c.distance, c.box, c.pole};
  }
  return out;
}

}  // namespace chronicle::layout
