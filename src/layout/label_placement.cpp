#include "layout/label_placement.h"

#include <algorithm>

#include "layout/collision_index.h"

namespace chronicle::layout {
namespace {

struct SideState {
  CollisionIndex labels;
  CollisionIndex poles;
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

/// Range maximum over event ranks, point updates: the far edge of the labels placed so far.
class MaxTree {
 public:
  explicit MaxTree(std::size_t n) : n_(n), t_(2 * n, -1e300) {}
  void set(std::size_t i, double v) {
    for (t_[i += n_] = v; i > 1; i >>= 1) t_[i >> 1] = std::max(t_[i], t_[i ^ 1]);
  }
  double max(std::size_t lo, std::size_t hi) const {  // [lo, hi)
    double m = -1e300;
    for (lo += n_, hi += n_; lo < hi; lo >>= 1, hi >>= 1) {
      if (lo & 1) m = std::max(m, t_[lo++]);
      if (hi & 1) m = std::max(m, t_[--hi]);
    }
    return m;
  }

 private:
  std::size_t n_;
  std::vector<double> t_;
};

/// When every label stands to the right of its pole, placing right to left reduces to one
/// rule: a label must clear the far edge of every label whose anchor lies under it (its
/// pole would cross the label otherwise, or the labels would overlap). A range-maximum
/// tree answers that in O(log n), so placement costs O(n log n).
std::vector<PlacedLabel> place_staircase(const std::vector<LabelRequest>& requests, const PlacementOptions& opt) {
  const std::size_t n = requests.size();
  std::vector<PlacedLabel> out(n);
  MaxTree far_above(n), far_below(n);
  Side last = Side::Below;
  for (std::size_t k = n; k-- > 0;) {
    const LabelRequest& r = requests[k];
    const double lx = r.x + opt.pole_gap;
    // Ranks (k, hi) have anchors under this label and its padding.
    const double reach = lx + r.width + opt.padding;
    std::size_t lo = k + 1, hi = lo;
    {
      std::size_t a = lo, b = n;
      while (a < b) {
        std::size_t mid = (a + b) / 2;
        if (requests[mid].x <= reach) a = mid + 1;
        else b = mid;
      }
      hi = a;
    }
    auto distance = [&](const MaxTree& tree, double d0) {
      double m = lo < hi ? tree.max(lo, hi) : -1e300;
      return std::max(d0, m + opt.padding);
    };
    const double da = distance(far_above, r.min_distance_above);
    const double db = r.below_allowed ? distance(far_below, r.min_distance_below) : 1e300;
    // Ties alternate sides within a run of labels that reach one another; a run starts
    // above. (A global alternation would let one added event flip every label left of it.)
    if (hi == lo) last = Side::Below;
    bool use_above = da != db ? da < db : last == Side::Below;
    const Side side = use_above ? Side::Above : Side::Below;
    const double d = use_above ? da : db;
    Box box = box_at(r, lx, side, d, opt);
    (use_above ? far_above : far_below).set(k, d + r.height);
    out[k] = {side, d, box, pole_for(r, side, box, opt)};
    last = side;
  }
  return out;
}

}  // namespace

std::vector<PlacedLabel> place_labels(const std::vector<LabelRequest>& requests, const PlacementOptions& opt) {
  bool all_right = true;
  for (const auto& r : requests) all_right = all_right && r.x + opt.pole_gap + r.width <= opt.x_max;
  if (all_right) return place_staircase(requests, opt);
  // Some label has to stand left of its pole: the general search against placed boxes.
  std::vector<PlacedLabel> out(requests.size());
  SideState above, below;
  Side last = Side::Below;
  for (std::size_t k = requests.size(); k-- > 0;) {
    const LabelRequest& r = requests[k];
    if (k + 1 == requests.size() ||
        requests[k + 1].x > label_x(r, opt) + r.width + opt.padding)  // a new run: it starts above
      last = Side::Below;
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
