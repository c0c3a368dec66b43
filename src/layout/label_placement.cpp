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

/// The label's left edge: right of the pole, or (`turned`) left of it; a list spread over
/// columns centred on its cluster. Always within [x_min, x_max].
double label_x(const LabelRequest& r, const PlacementOptions& opt, bool turned) {
  if (!std::isnan(r.centred_x)) return std::max(opt.x_min, std::min(r.centred_x, opt.x_max - r.width));
  if (!turned) return std::min(r.x + opt.pole_gap, std::max(opt.x_min, opt.x_max - r.width));
  return std::max(opt.x_min, r.x - opt.pole_gap - r.width);
}

/// Which labels stand left of their pole: those that do not fit right of it, and (a mirrored
/// staircase) every label whose box, standing right, would reach the anchor of one that
/// stands left: the two would each have to stand farther out than the other.
std::vector<char> turned_labels(const std::vector<LabelRequest>& requests, const PlacementOptions& opt) {
  std::vector<char> turned(requests.size(), 0);
  double nearest = 1e300;  // the leftmost anchor of a turned label so far
  for (std::size_t k = requests.size(); k-- > 0;) {
    const LabelRequest& r = requests[k];
    if (!std::isnan(r.centred_x)) {  // a centred list is placed with the turned labels
      nearest = std::min(nearest, r.x);
      continue;
    }
    const bool fits_right = r.x + opt.pole_gap + r.width <= opt.x_max;
    const bool reaches = r.x + opt.pole_gap + r.width + opt.padding > nearest;
    if (!fits_right || (reaches && r.x - opt.pole_gap - r.width >= opt.x_min)) {
      turned[k] = 1;
      nearest = r.x;
    }
  }
  return turned;
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

/// The pole from the band to the label: along its side to its far edge, or (a label over
/// its own anchor, as a list centred on its cluster, which the pole would cross) to its near edge.
Box pole_for(const LabelRequest& r, Side side, const Box& label, const PlacementOptions& opt) {
  const bool centred = label.x + 0.5 < r.x && r.x < label.right() - 0.5;
  if (side == Side::Above) {
    const double end = centred ? label.bottom() : label.y;
    return {r.x - 0.5, end, 1, -end};
  }
  const double end = centred ? label.y : label.bottom();
  return {r.x - 0.5, opt.band_height, 1, end - opt.band_height};
}

Candidate try_side(const LabelRequest& r, double lx, int owner, Side side, const SideState& st,
                   const PlacementOptions& opt, bool strict = true) {
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


/// A list centred on its cluster is placed after the labels whose boxes reach over its
/// anchor (it stands farther out than they do, its pole would cross them); a label that
/// cannot turn (the chart's left edge) and reaches it, keeps the list beside its pole.
std::vector<LabelRequest> settle_centred(std::vector<LabelRequest> requests, const PlacementOptions& opt) {
  double widest = 0;
  for (const auto& r : requests) widest = std::max(widest, r.width);
  for (std::size_t k = 0; k < requests.size(); ++k) {
    LabelRequest& list = requests[k];
    if (std::isnan(list.centred_x)) continue;
    for (std::size_t j = k; j-- > 0 && requests[j].x + opt.pole_gap + widest + opt.padding > list.x;) {
      const LabelRequest& r = requests[j];
      // (A centred list that ends before this one starts stands over its own stretch.)
      if (!std::isnan(r.centred_x) && r.centred_x + r.width + opt.padding <= list.centred_x) continue;
      const bool can_turn = r.x - opt.pole_gap - r.width >= opt.x_min;
      if (!can_turn && r.x + opt.pole_gap + r.width + opt.padding > list.x) {
        list.centred_x = std::numeric_limits<double>::quiet_NaN();
        break;
      }
    }
  }
  return requests;
}

}  // namespace

std::vector<PlacedLabel> place_labels(const std::vector<LabelRequest>& given, const PlacementOptions& opt) {
  const std::vector<LabelRequest> requests = settle_centred(given, opt);
  bool all_right = true;
  for (const auto& r : requests)
    all_right = all_right && std::isnan(r.centred_x) && r.x + opt.pole_gap + r.width <= opt.x_max;
  if (all_right) return place_staircase(requests, opt);
  // Some label has to stand left of its pole (or, a list, centred on its cluster): the
  // general search against placed boxes. A label must stand farther from the band than the
  // labels of the anchors under it (else their poles cross it), so it is placed after them:
  // labels right of their pole from right to left, then the others from left to right.
  std::vector<PlacedLabel> out(requests.size());
  SideState above, below;
  std::vector<std::size_t> order;
  const std::vector<char> turned = turned_labels(requests, opt);
  auto stands_right = [&](std::size_t k) { return label_x(requests[k], opt, turned[k]) > requests[k].x; };
  for (std::size_t k = requests.size(); k-- > 0;)
    if (stands_right(k)) order.push_back(k);
  for (std::size_t k = 0; k < requests.size(); ++k)
    if (!stands_right(k)) order.push_back(k);
  Side last = Side::Below;
  Box previous{1e300, 0, 0, 0};
  for (std::size_t k : order) {
    const LabelRequest& r = requests[k];
    const double lx = label_x(r, opt, turned[k]);
    // A run of labels that reach one another starts above.
    if (previous.x > lx + r.width + opt.padding || previous.right() + opt.padding < lx) last = Side::Below;
    previous = {lx, 0, r.width, 0};
    Candidate a = try_side(r, lx, int(k), Side::Above, above, opt);
    Candidate b = r.below_allowed ? try_side(r, lx, int(k), Side::Below, below, opt) : Candidate{};
    const bool crosses = !a.ok && !b.ok;
    if (crosses) a = try_side(r, lx, int(k), Side::Above, above, opt, false);  // a pole must cross
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
    out[k] = {last, c.distance, c.box, c.pole, crosses};
  }
  return out;
}

}  // namespace chronicle::layout
