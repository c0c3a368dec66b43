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

/// Segments from blocks and the set of gaps (indices i: break between block i and i+1).
/// How much width a segment asks for beyond its share of events: log2(1 + span /
/// smallest gap between distinct anchors), so a week-long cluster inside two months
/// weighs more than events years apart across six years.
double density_need(const Segment& s, const std::vector<TimeExtent>& events) {
  Seconds prev = 0, min_gap = 0;
  bool any = false;
  for (const auto& e : events) {
    if (e.anchor < s.from || e.anchor > s.to) continue;
    if (any && e.anchor > prev && (min_gap == 0 || e.anchor - prev < min_gap)) min_gap = e.anchor - prev;
    prev = e.anchor;
    any = true;
  }
  return min_gap > 0 ? std::log2(1.0 + double(s.to - s.from) / double(min_gap)) : 1.0;
}

std::vector<Segment> segments_for(const std::vector<Block>& blocks, const std::vector<bool>& cut,
                                  const std::vector<TimeExtent>& events, const ScaleOptions& opt) {
  std::vector<Segment> segs;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (segs.empty() || cut[i - 1]) segs.push_back({blocks[i].from, blocks[i].to, 0, 0, 0});
    segs.back().to = std::max(segs.back().to, blocks[i].to);
    segs.back().events += blocks[i].events;
  }
  // Pad each domain a little so markers do not sit on a segment's very end, and give
  // a segment at least 2% of all the time shown, so a lone event gets sensible ticks.
  const Seconds whole = blocks.back().to - blocks.front().from;
  Seconds total = 0;
  int n = 0;
  for (auto& s : segs) {
    if (segs.size() > 1 && s.to - s.from < whole / 50) {
      const Seconds grow = (whole / 50 - (s.to - s.from)) / 2;
      s.from -= grow;
      s.to += grow;
    }
    Seconds pad = std::max<Seconds>(1, (s.to - s.from) / 40);
    s.from -= pad;
    s.to += pad;
    total += s.to - s.from;
    n += s.events;
  }
  // Share the width between segments: by how many events they hold, how densely, and
  // (a little) by how long they last.
  double need_total = 0;
  std::vector<double> need(segs.size());
  for (std::size_t i = 0; i < segs.size(); ++i) need_total += need[i] = density_need(segs[i], events);
  const double avail = (opt.x1 - opt.x0) - opt.break_gap * double(segs.size() - 1);
  const double min_w = std::min(90.0, avail / double(segs.size()));
  std::vector<double> w(segs.size());
  double sum = 0;
  for (std::size_t i = 0; i < segs.size(); ++i) {
    double time_share = double(segs[i].to - segs[i].from) / double(total);
    double count_share = n > 0 ? double(segs[i].events) / n : 1.0 / segs.size();
    w[i] = segs.size() == 1 ? 1.0 : 0.1 * time_share + 0.3 * count_share + 0.6 * need[i] / need_total;
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

double crowding(const TimeScale& scale, const std::vector<TimeExtent>& events) {
  double closest = 1e9;
  for (std::size_t i = 1; i < events.size(); ++i) {
    if (events[i].anchor == events[i - 1].anchor) continue;
    closest = std::min(closest, scale.x(events[i].anchor) - scale.x(events[i - 1].anchor));
  }
  return closest;
}

}  // namespace

double TimeScale::x(Seconds t) const {
  if (segments.empty()) return 0;
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
  const std::vector<Block> blocks = occupied_blocks(events);
  std::vector<bool> cut(blocks.size() > 0 ? blocks.size() - 1 : 0, false);
  scale.segments = segments_for(blocks, cut, events, opt);
  if (!opt.allow_breaks) return scale;
  for (int b = 0; b < opt.max_breaks && crowding(scale, events) < opt.crowded; ++b) {
    // The widest uncut gap, measured against the whole timeline: only stretches that
    // are empty for a good part of all the time shown become breaks.
    int best = -1;
    double best_ratio = 0;
    const double total = double(blocks.back().to - blocks.front().from);
    for (std::size_t i = 0; i + 1 < blocks.size(); ++i) {
      if (cut[i]) continue;
      double ratio = double(blocks[i + 1].from - blocks[i].to) / total;
      if (ratio > best_ratio) {
        best_ratio = ratio;
        best = int(i);
      }
    }
    if (best < 0 || best_ratio < 0.25) break;
    cut[best] = true;
    TimeScale trial;
    trial.segments = segments_for(blocks, cut, events, opt);
    if (crowding(trial, events) <= crowding(scale, events)) {  // no better: undo, stop
      cut[best] = false;
      break;
    }
    scale = trial;
  }
  return scale;
}

}  // namespace chronicle::layout
