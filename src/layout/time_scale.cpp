#include "layout/time_scale.h"

#include <algorithm>
#include <cmath>

namespace chronicle::layout {
namespace {

struct Block {  // a stretch of time covered by events, with no gap inside
  Seconds from, to;
  int events;
};

std::vector<Block> occupied_blocks(const std::vector<TimeExtent>& events) {
  std::vector<TimeExtent> sorted = events;
  std::sort(sorted.begin(), sorted.end(), [](const TimeExtent& a, const TimeExtent& b) { return a.first < b.first; });
  std::vector<Block> blocks;
  for (const auto& e : sorted) {
    if (!blocks.empty() && e.first <= blocks.back().to) {
      blocks.back().to = std::max(blocks.back().to, e.last);
      ++blocks.back().events;
    } else {
      blocks.push_back({e.first, std::max(e.last, e.first + 1), 1});
    }
  }
  return blocks;
}

/// Segments from blocks and the set of gaps (cut[i]: a break between block i and i + 1),
/// laid over [x0, x1] with widths by demand.
std::vector<Segment> segments_for(const std::vector<Block>& blocks, const std::vector<bool>& cut,
                                  const ScaleOptions& opt) {
  std::vector<Segment> segs;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (segs.empty() || cut[i - 1]) segs.push_back({blocks[i].from, blocks[i].to, 0, 0, 0});
    segs.back().to = std::max(segs.back().to, blocks[i].to);
    segs.back().events += blocks[i].events;
  }
  // Pad each domain a little so markers do not sit on a segment's very end, and give a
  // short segment (a lone event) some time for ticks: 2% of all the time shown, but no
  // more than a quarter of the gap to its nearest neighbour (a segment of 2020 beside the
  // Big Bang spans centuries, not 276 million years). It grows into its gaps: the first
  // segment forward, the last backward, never into time before or after everything.
  const Seconds whole = blocks.back().to - blocks.front().from;
  Seconds total = 0;
  int n = 0;
  for (std::size_t i = 0; i < segs.size(); ++i) {
    auto& s = segs[i];
    Seconds target = whole / 50;
    Seconds nearest = whole;
    if (i > 0) nearest = std::min(nearest, s.from - segs[i - 1].to);
    if (i + 1 < segs.size()) nearest = std::min(nearest, segs[i + 1].from - s.to);
    target = std::min(target, std::max<Seconds>(s.to - s.from, nearest / 4));
    if (segs.size() > 1 && s.to - s.from < target) {
      const Seconds grow = target - (s.to - s.from);
      const Seconds back = i == 0 ? 0 : i + 1 == segs.size() ? grow : grow / 2;
      s.from -= back;
      s.to += grow - back;
    }
    Seconds pad = std::max<Seconds>(1, (s.to - s.from) / 40);
    s.from -= pad;
    s.to += pad;
  }
  // Padding never reaches past the middle of the gap a break stands for: segments never
  // share a moment (each time maps to one segment).
  for (std::size_t i = 0; i + 1 < segs.size(); ++i) {
    Seconds a = segs[i].to, b = segs[i + 1].from;
    if (a < b) continue;
    std::size_t last = 0;  // the last block of segment i: the one before segment i+1's first
    for (std::size_t k = 0, seg = 0; k < blocks.size(); ++k) {
      if (k > 0 && cut[k - 1]) ++seg;
      if (seg == i) last = k;
    }
    const Seconds mid = blocks[last].to + (blocks[last + 1].from - blocks[last].to) / 2;
    segs[i].to = std::max(mid, segs[i].from + 1);
    segs[i + 1].from = std::min(std::max(mid + 1, segs[i].to + 1), segs[i + 1].to - 1);
  }
  for (auto& s : segs) {
    total += s.to - s.from;
    n += s.events;
  }
  // Width by demand: mostly by how many events a segment holds, a little by how long it lasts.
  const double avail = (opt.x1 - opt.x0) - opt.break_gap * double(segs.size() - 1);
  const double min_w = std::min(90.0, avail / double(segs.size()));
  std::vector<double> w(segs.size());
  double sum = 0;
  for (std::size_t i = 0; i < segs.size(); ++i) {
    const double time_share = double(segs[i].to - segs[i].from) / double(total);
    const double count_share = n > 0 ? double(segs[i].events) / n : 1.0 / double(segs.size());
    w[i] = segs.size() == 1 ? 1.0 : 0.2 * time_share + 0.8 * count_share;
    sum += w[i];
  }
  double fixed = 0, flexible = 0;
  for (std::size_t i = 0; i < segs.size(); ++i) {
    w[i] = w[i] / sum * avail;
    if (w[i] < min_w) {
      w[i] = min_w;
      fixed += min_w;
    } else {
      flexible += w[i];
    }
  }
  double scale = flexible > 0 ? (avail - fixed) / flexible : 1;
  if (fixed >= avail || scale <= 0) {  // too many narrow segments: share the width equally
    for (auto& wi : w) wi = avail / double(segs.size());
    scale = 1;
  }
  double x = opt.x0;
  for (std::size_t i = 0; i < segs.size(); ++i) {
    double wi = w[i] > min_w ? w[i] * scale : w[i];
    segs[i].x0 = x;
    segs[i].x1 = x + wi;
    x += wi + opt.break_gap;
  }
  segs.back().x1 = opt.x1;
  return segs;
}

/// How crowded the labels of `anchors` (sorted) are on `scale`: every pair of anchors
/// closer than `reach` costs the share of a label's width by which they overlap (1 for
/// the same place), so a cluster of k costs about k^2 / 2 and spreading it pays even while
/// it stays within one label's width. Linear: prefix sums over a sliding window.
double crowding(const TimeScale& scale, const std::vector<Seconds>& anchors, double reach) {
  const std::size_t n = anchors.size();
  std::vector<double> xs(n), prefix(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    xs[i] = scale.x(anchors[i]);
    prefix[i + 1] = prefix[i] + xs[i];
  }
  double cost = 0;
  std::size_t j = 0;
  for (std::size_t i = 0; i < n; ++i) {
    j = std::max(j, i);
    while (j + 1 < n && xs[j + 1] - xs[i] < reach) ++j;
    const double count = double(j - i);  // anchors i+1..j
    cost += count - (prefix[j + 1] - prefix[i + 1] - count * xs[i]) / reach;
  }
  return cost;
}

/// Every event gets an even share of the axis, in time order; an instant holding several
/// events sits at the first of their shares.
TimeScale sequential_scale(const std::vector<TimeExtent>& events, const ScaleOptions& opt) {
  std::vector<Seconds> anchors;
  for (const auto& e : events) anchors.push_back(e.anchor);
  std::sort(anchors.begin(), anchors.end());
  TimeScale scale;
  const double step = (opt.x1 - opt.x0) / double(anchors.size());
  for (std::size_t i = 0; i < anchors.size(); ++i)
    if (i == 0 || anchors[i] != anchors[i - 1]) scale.knots.push_back({anchors[i], opt.x0 + (double(i) + 0.5) * step});
  Seconds from = anchors.front(), to = anchors.back();
  for (const auto& e : events) from = std::min(from, e.first), to = std::max(to, e.last);
  scale.segments.push_back({from, std::max(to, from + 1), opt.x0, opt.x1, int(events.size())});
  return scale;
}

}  // namespace

double TimeScale::x(Seconds t) const {
  if (segments.empty()) return 0;
  if (!knots.empty()) {  // sequential: between the anchors' evenly spaced places
    if (t <= knots.front().first) return knots.front().second;
    if (t >= knots.back().first) return knots.back().second;
    auto hi = std::lower_bound(knots.begin(), knots.end(), t, [](const auto& k, Seconds v) { return k.first < v; });
    auto lo = hi - 1;
    return lo->second + (hi->second - lo->second) * (double(t - lo->first) / double(hi->first - lo->first));
  }
  if (t <= segments.front().from) return segments.front().x0;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const Segment& s = segments[i];
    if (t <= s.to) {
      if (t >= s.from) return s.x0 + (s.x1 - s.x0) * (double(t - s.from) / double(s.to - s.from));
      const Segment& p = segments[i - 1];  // inside the break before s
      return p.x1 + (s.x0 - p.x1) * (double(t - p.to) / double(s.from - p.to));
    }
  }
  return segments.back().x1;
}

int TimeScale::segment_of(Seconds t) const {
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (t <= segments[i].to) {
      if (t >= segments[i].from || i == 0) return int(i);
      return (t - segments[i - 1].to) < (segments[i].from - t) ? int(i) - 1 : int(i);
    }
  }
  return segments.empty() ? -1 : int(segments.size()) - 1;
}

TimeScale make_time_scale(const std::vector<TimeExtent>& events, const ScaleOptions& opt) {
  TimeScale scale;
  if (events.empty()) {
    scale.segments.push_back({0, 1, opt.x0, opt.x1, 0});
    return scale;
  }
  if (opt.sequential) return sequential_scale(events, opt);
  const std::vector<Block> blocks = occupied_blocks(events);
  std::vector<bool> cut(blocks.size() > 0 ? blocks.size() - 1 : 0, false);
  scale.segments = segments_for(blocks, cut, opt);
  if (!opt.allow_breaks || blocks.size() < 2) return scale;
  std::vector<Seconds> anchors;
  for (const auto& e : events) anchors.push_back(e.anchor);
  std::sort(anchors.begin(), anchors.end());
  // Candidate cuts: the widest gaps between blocks (a cut inside a busy run helps nothing).
  std::vector<std::size_t> gaps(blocks.size() - 1);
  for (std::size_t i = 0; i < gaps.size(); ++i) gaps[i] = i;
  constexpr std::size_t max_candidates = 48;
  if (gaps.size() > max_candidates) {
    std::nth_element(gaps.begin(), gaps.begin() + max_candidates, gaps.end(), [&](std::size_t a, std::size_t b) {
      const Seconds ga = blocks[a + 1].from - blocks[a].to, gb = blocks[b + 1].from - blocks[b].to;
      return ga != gb ? ga > gb : a < b;
    });
    gaps.resize(max_candidates);
    std::sort(gaps.begin(), gaps.end());
  }
  // Greedily add the cut that spreads crowded labels most, while it helps by a tenth.
  double cost = crowding(scale, anchors, opt.reach);
  for (int b = 0; b < opt.max_breaks; ++b) {
    int best = -1;
    double best_cost = cost;
    TimeScale best_scale;
    for (std::size_t i : gaps) {
      if (cut[i]) continue;
      cut[i] = true;
      TimeScale trial;
      trial.segments = segments_for(blocks, cut, opt);
      cut[i] = false;
      const double c = crowding(trial, anchors, opt.reach);
      if (c < best_cost) best_cost = c, best = int(i), best_scale = std::move(trial);
    }
    if (best < 0 || best_cost > 0.9 * cost) break;
    cut[std::size_t(best)] = true;
    scale = std::move(best_scale);
    cost = best_cost;
  }
  return scale;
}

}  // namespace chronicle::layout
