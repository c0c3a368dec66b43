#include "layout/chart.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "layout/label_placement.h"
#include "layout/layout_constants.h"
#include "layout/ticks.h"

namespace chronicle::layout {
namespace {

using model::Event;

/// Tick labels stacked along a vertical axis need their height, not their width, between
/// neighbours: this adapter reports a line's height as the text's width.
class HeightAsWidth : public TextMeasurer {
 public:
  explicit HeightAsWidth(TextMeasurer& m) : m_(m) {}
  std::vector<MeasuredLine> wrap(const std::string& text, const Font& font, double) override {
    return {{text, m_.line_height(font) + 2}};
  }
  double line_height(const Font& font) override { return m_.line_height(font); }

 private:
  TextMeasurer& m_;
};

Box bounds_of_points(const std::vector<Point>& pts) {
  double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
  for (const auto& p : pts) {
    x0 = std::min(x0, p.x);
    y0 = std::min(y0, p.y);
    x1 = std::max(x1, p.x);
    y1 = std::max(y1, p.y);
  }
  return {x0, y0, x1 - x0, y1 - y0};
}

/// The box of a straight rule through `points`: their bounds, at least 1 pt thick.
Box rule_box(const std::vector<Point>& points) {
  Box b = bounds_of_points(points);
  if (b.w < 1) b.x -= 0.5, b.w = 1;
  if (b.h < 1) b.y -= 0.5, b.h = 1;
  return b;
}

double largest_radius(const ChartRequest& r) {
  double big = r.style->axis.marker_radius;
  for (const Event* e : r.events) big = std::max(big, marker_radius(*e, *r.style));
  return big;
}

/// "9 years later": the time between two neighbouring anchors in its largest whole unit;
/// "" under a minute.
std::string gap_text(Seconds d) {
  struct Unit {
    Seconds seconds;
    const char *one, *many;
  };
  static constexpr Unit units[] = {{31556952, "a year", "years"}, {2629746, "a month", "months"},
                                   {604800, "a week", "weeks"},   {86400, "a day", "days"},
                                   {3600, "an hour", "hours"},    {60, "a minute", "minutes"}};
  for (const Unit& u : units) {
    const Seconds n = d / u.seconds;
    if (n == 1) return std::string(u.one) + " later";
    if (n > 1) return std::to_string(n) + " " + u.many + " later";
  }
  return "";
}

/// The "ticks" of a sequential axis: no calendar, but each gap between neighbouring events
/// named by the time it skips, in the middle of the gap, where the label has room.
SegmentTicks gap_ticks(const TimeScale& scale, TextMeasurer& m, const Font& font) {
  SegmentTicks out;
  for (std::size_t i = 0; i + 1 < scale.knots.size(); ++i) {
    const auto& [t0, u0] = scale.knots[i];
    const auto& [t1, u1] = scale.knots[i + 1];
    const std::string text = gap_text(t1 - t0);
    if (text.empty()) continue;
    out.labels.push_back({text, (u0 + u1) / 2, m.width(text, font)});
  }
  return out;
}

/// The width titles wrap at: the template's, or the chart's when that is narrower.
double title_width(const ChartRequest& r) {
  return std::max(20.0, std::min(r.style->label.max_width, r.x_max - r.x_min - 8));
}

/// Pass 1: the label block of every point event (of every event, for a column), in order.
struct LabelBlocks {
  std::vector<const Event*> events;
  std::vector<TextBlock> blocks;
  double widest = 0;
};

LabelBlocks measure_labels(const ChartRequest& r, double title_width, bool spans_too, TextMeasurer& m) {
  LabelBlocks out;
  for (const Event* e : r.events) {
    if (e->is_span() && !spans_too) continue;
    out.events.push_back(e);
    out.blocks.push_back(event_label_block(*r.timeline, *r.style, *e, event_color(*e, *r.track_colors), title_width, m));
    out.widest = std::max(out.widest, out.blocks.back().width);
  }
  return out;
}

std::vector<TimeExtent> extents(const ChartRequest& r) {
  std::vector<TimeExtent> ext;
  const std::optional<Window>& w = r.window ? r.window : r.clip;
  for (const Event* e : r.events) {
    if (w) {  // only the window's stretch of time, clipped
      const Seconds a = std::clamp(e->anchor(), w->from, w->to);
      ext.push_back({a, std::clamp(e->first(), w->from, a), std::clamp(e->last(), a, w->to)});
    } else {
      ext.push_back({e->anchor(), e->first(), e->last()});
    }
  }
  if (r.window) {
    ext.insert(ext.begin(), {r.window->from, r.window->from, r.window->from});
    ext.push_back({r.window->to, r.window->to, r.window->to});
  }
  return ext;
}

ScaleOptions scale_options(const ChartRequest& r, double reach) {
  ScaleOptions opt;
  opt.break_gap = r.style->axis.break_gap;
  opt.allow_breaks = r.style->axis.scale == "auto" && !r.window;
  opt.sequential = r.style->axis.scale == "sequential" && !r.window;
  opt.reach = reach;
  return opt;
}

/// Pass 4 (horizontal): span bars in rows under the band, each with its label inside the
/// bar when one line fits there, else wrapped beside it.
struct SpanRows {
  std::vector<Item> items;
  std::vector<Box> boxes;  ///< each span's label (inside its bar or beside it)
  double height = 0;       ///< of the rows, from the band's far edge
  double bottom = 0;
};

SpanRows span_rows(const ChartRequest& r, const TimeScale& scale, double band, TextMeasurer& m) {
  const style::Style& st = *r.style;
  const Font font = font_of(st, st.font.label, st.font.label_bold);
  const double lh = m.line_height(font), pad = st.label.padding, bar_h = lh + k::span_bar_pad;
  struct Row {
    double y, h, end;
  };
  std::vector<Row> rows;
  SpanRows out;
  double bottom = band + std::max(6.0, largest_radius(r) + 2);  // clear of the markers on the edge
  for (const Event* ep : r.events) {
    const Event& e = *ep;
    if (!e.is_span()) continue;
    const std::string color = event_color(e, *r.track_colors);
    const double x0 = scale.x(e.first());
    const double x1 = std::max(scale.x(e.last()), x0 + k::min_bar);
    const std::string one_line = span_line(*r.timeline, e);
    const double tw = m.width(one_line, font);
    TextBlock block;
    if (tw + 2 * k::span_text_inset <= x1 - x0) {
      block = text_block(one_line, font, "#ffffff", 0, m);
      translate(block, x0 + k::span_text_inset, 2);
    } else {
      block = event_label_block(*r.timeline, st, e, color, title_width(r), m);
      double lx = x1 + 4;
      if (lx + block.width > r.x_max) lx = std::max(r.x_min, x0 - 4 - block.width);
      translate(block, lx, 0);
    }
    const Box text_box = bounds_of(block.lines);
    const double used0 = std::min(x0, text_box.x), used1 = std::max(x1, text_box.right());
    const double need = std::max(bar_h, text_box.h);
    std::size_t row = 0;
    while (row < rows.size() && !(rows[row].end + pad <= used0 && rows[row].h >= need)) ++row;
    if (row == rows.size()) {
      rows.push_back({bottom, need, 0});
      bottom += need + k::span_gap;
    }
    rows[row].end = used1;
    const double y = rows[row].y;
    Item bar{ItemKind::Bar};
    bar.event = e.id;
    bar.box = {x0, y, x1 - x0, bar_h};
    bar.fill = color;
    bar.segment = scale.segment_of(e.first());
    out.items.push_back(bar);
    Item label{ItemKind::Label};
    label.event = e.id;
    label.text = e.title;
    translate(block, 0, y);
    label.lines = block.lines;
    label.box = bounds_of(label.lines);
    label.anchor = {x0, y};
    label.segment = bar.segment;
    out.items.push_back(label);
    out.boxes.push_back(label.box);  // a pole may cross a bar, never its text
  }
  out.bottom = bottom;
  out.height = rows.empty() ? 0 : bottom - band;
  return out;
}

/// Point events whose anchors fall in the same stretch of axis one label width wide
/// (stretches counted from the left end of the chart) form a group; a group of
/// list_min or more is drawn as a list (one flag whose label stacks every event's
/// label, under a bracket over their stretch of axis), so a dense stretch grows one list
/// instead of a staircase as tall as it is long. Fixed stretches keep grouping stable:
/// an added event can only change the group of its own stretch.
struct Group {
  std::size_t first, last;  // point indices, inclusive
  bool is_list = false;
  /// A balanced list: the centre of the stretch of axis it stands over (NaN: beside its pole).
  double slot = std::numeric_limits<double>::quiet_NaN();
  double slot_width = 0;
  bool list() const { return is_list; }
  bool balanced() const { return !std::isnan(slot); }
};

std::vector<Group> group_points(const std::vector<double>& xs, double x_min, double bin_width, std::size_t list_min) {
  std::vector<Group> groups;
  const double bin = std::max(1.0, bin_width);
  auto bin_of = [&](double x) { return std::floor((x - x_min) / bin); };
  for (std::size_t i = 0; i < xs.size();) {
    std::size_t j = i;
    while (j + 1 < xs.size() && bin_of(xs[j + 1]) == bin_of(xs[i])) ++j;
    Group g{i, j, j - i + 1 >= list_min};
    if (g.list()) {
      groups.push_back(g);
    } else {
      for (std::size_t k = i; k <= j; ++k) groups.push_back({k, k, false});
    }
    i = j + 1;
  }
  return groups;
}

/// Runs of lists on neighbouring stretches of axis share their labels evenly: the run's
/// stretch of axis (within the chart) is cut into as many equal slots as its widest label
/// allows, each a list of one column, centred over its slot; each takes
/// the next labels in time order, cut so that the tallest list is as short as can be. A run
/// of lists is then about as tall as its average list instead of its tallest.
void balance_lists(std::vector<Group>& groups, const std::vector<double>& xs, const LabelBlocks& lb, double x_min,
                   double x_max, double bin_width, double padding) {
  const double gap = std::max(k::list_column_gap, padding);  // between lists: clear of each other's padding
  const double bin = std::max(1.0, bin_width);
  auto bin_of = [&](const Group& g) { return std::floor((xs[g.first] - x_min) / bin); };
  std::vector<Group> out;
  for (std::size_t i = 0; i < groups.size();) {
    std::size_t j = i;
    while (groups[i].list() && j + 1 < groups.size() && groups[j + 1].list() &&
           bin_of(groups[j + 1]) == bin_of(groups[j]) + 1)
      ++j;
    const std::size_t first = groups[i].first, last = groups[j].last;
    double total = 0, widest = 0;
    for (std::size_t k = first; k <= last; ++k) {
      total += lb.blocks[k].height + k::item_gap;
      widest = std::max(widest, lb.blocks[k].width);
    }
    const double x0 = std::max(x_min, x_min + bin_of(groups[i]) * bin);
    const double x1 = std::min(x_max, x_min + (bin_of(groups[j]) + 1) * bin);
    const std::size_t lists =
        std::min(last - first + 1, std::size_t(std::max(1.0, (x1 - x0 + gap) / (widest + gap + padding))));
    if (lists < 2) {
      for (std::size_t g = i; g <= j; ++g) out.push_back(groups[g]);
      i = j + 1;
      continue;
    }
    // The least height a list must have for the run to fit in `lists` lists cut in time
    // order (a search over the height; the cuts are greedy at each).
    auto cuts_at = [&](double height) {
      std::vector<std::size_t> starts{first};
      double h = 0;
      for (std::size_t k = first; k <= last; ++k) {
        const double item = lb.blocks[k].height + k::item_gap;
        if (h > 0 && h + item > height) starts.push_back(k), h = 0;
        h += item;
      }
      return starts;
    };
    double lo = 0, hi = total;
    for (std::size_t k = first; k <= last; ++k) lo = std::max(lo, lb.blocks[k].height + k::item_gap);
    for (int step = 0; step < 40 && hi - lo > 0.25; ++step) {
      const double mid = (lo + hi) / 2;
      (cuts_at(mid).size() <= lists ? hi : lo) = mid;
    }
    const std::vector<std::size_t> starts = cuts_at(hi);
    const double slot = (x1 - x0) / double(starts.size());
    for (std::size_t c = 0; c < starts.size(); ++c) {
      const std::size_t end = c + 1 < starts.size() ? starts[c + 1] - 1 : last;
      out.push_back({starts[c], end, true, x0 + (double(c) + 0.5) * slot, slot});
    }
    i = j + 1;
  }
  groups = std::move(out);
}

/// A label item for `e` from its measured block, its box at `box`; the lines hug the
/// right edge when `flush_right` (a label left of its pole).
Item label_item(const Event& e, const TextBlock& block, const Box& box, bool flush_right, Point anchor, int segment) {
  Item lab{ItemKind::Label};
  lab.event = e.id;
  lab.text = e.title;
  lab.lines = block.lines;
  for (auto& l : lab.lines) {
    l.x = flush_right ? box.right() - l.width : l.x + box.x;
    l.y += box.y;
  }
  lab.box = box;
  lab.anchor = anchor;
  lab.segment = segment;
  lab.milestone = e.milestone;
  return lab;
}

/// The whisker under a point event whose date covers a stretch of the axis.
std::optional<Item> precision_whisker(const Event& e, const TimeScale& scale, const Frame& f, double edge,
                                      const std::string& color, double r) {
  const double u0 = scale.x(e.first()), u1 = scale.x(e.last());
  if (u1 - u0 <= 2 * r + 2) return std::nullopt;
  Item w{ItemKind::Precision};
  w.event = e.id;
  w.box = f.box(u0, edge - 1.5, u1 - u0, 3);
  w.fill = with_alpha(color, "77");
  w.segment = scale.segment_of(e.anchor());
  return w;
}

/// How a group's labels stand: one column, or (a list taller than `budget`) several of
/// about equal height, side by side, in time order down each column.
struct ListColumns {
  std::vector<std::size_t> starts;  ///< the first label of each column
  double column_width = 0, width = 0, height = 0;
};

/// Labels [first, last] cut in time order into `columns` columns, none taller than `height`
/// (a column of one label may be): of the cuts that do, those at the widest gaps in time (a
/// column ends where a year ends rather than inside a day's events).
std::vector<std::size_t> even_cuts(const LabelBlocks& lb, std::size_t first, std::size_t last, std::size_t columns,
                                   double height) {
  const std::size_t n = last - first + 1;
  std::vector<double> sum(n + 1, 0);  // sum[i]: labels first .. first + i - 1, each with its gap
  for (std::size_t i = 0; i < n; ++i) sum[i + 1] = sum[i] + lb.blocks[first + i].height + k::item_gap;
  auto gap = [&](std::size_t i) {  // before label first + i
    return double(lb.events[first + i]->anchor() - lb.events[first + i - 1]->anchor());
  };
  constexpr double none = -1;
  // best[c][j]: the largest sum of gaps at the cuts of labels [0, j) in c columns.
  std::vector<std::vector<double>> best(columns + 1, std::vector<double>(n + 1, none));
  std::vector<std::vector<std::size_t>> from(columns + 1, std::vector<std::size_t>(n + 1, 0));
  best[0][0] = 0;
  for (std::size_t c = 1; c <= columns; ++c)
    for (std::size_t j = c; j <= n; ++j)
      for (std::size_t i = j; i-- > c - 1;) {
        if (j - i > 1 && sum[j] - sum[i] > height) break;  // a column of labels [i, j) too tall
        if (best[c - 1][i] < 0) continue;
        const double score = best[c - 1][i] + (i > 0 ? gap(i) : 0);
        if (score > best[c][j]) best[c][j] = score, from[c][j] = i;
      }
  if (best[columns][n] < 0) return {first};  // (cannot happen: the greedy cut at `height` fits)
  std::vector<std::size_t> starts(columns);
  for (std::size_t c = columns, j = n; c > 0; --c) j = from[c][j], starts[c - 1] = first + j;
  return starts;
}

ListColumns list_columns(const LabelBlocks& lb, const Group& g, double budget, double free, double chart) {
  ListColumns c;
  double total = 0;
  for (std::size_t k = g.first; k <= g.last; ++k) {
    c.column_width = std::max(c.column_width, lb.blocks[k].width);
    total += lb.blocks[k].height + (k > g.first ? k::item_gap : 0);
  }
  // A balanced list has its own stretch of axis and no more; another list may take two.
  const double room = g.balanced() ? free : std::min(chart, std::max(2 * (c.column_width + k::list_column_gap), free));
  std::size_t count = 1;
  if (g.list() && budget > 0 && total > budget) {
    const std::size_t fit_across =
        std::max<std::size_t>(1, std::size_t((room + k::list_column_gap) / (c.column_width + k::list_column_gap)));
    // At least k::list_min_rows labels a column: a short list stays a block near its
    // cluster rather than a row reaching over other years.
    const std::size_t items = g.last - g.first + 1;
    count = std::min({std::size_t(std::ceil(total / budget)), fit_across, (items + k::list_min_rows - 1) / k::list_min_rows});
    count = std::max<std::size_t>(count, 1);
  }
  // Cut in time order so that the tallest column is as short as can be (a search over its
  // height; the cuts are greedy at each), not by a running share that leaves the last
  // column the remainder; of the cuts as even, those at the widest gaps in time.
  auto cuts_at = [&](double height) {
    std::vector<std::size_t> starts{g.first};
    double h = 0;
    for (std::size_t k = g.first; k <= g.last; ++k) {
      const double item = lb.blocks[k].height + k::item_gap;
      if (h > 0 && h + item > height) starts.push_back(k), h = 0;
      h += item;
    }
    return starts;
  };
  double lo = 0, hi = total + double(g.last - g.first + 1) * k::item_gap;
  for (std::size_t k = g.first; k <= g.last; ++k) lo = std::max(lo, lb.blocks[k].height + k::item_gap);
  for (int step = 0; count > 1 && step < 40 && hi - lo > 0.25; ++step) {
    const double mid = (lo + hi) / 2;
    (cuts_at(mid).size() <= count ? hi : lo) = mid;
  }
  c.starts = count > 1 ? even_cuts(lb, g.first, g.last, cuts_at(hi).size(), hi) : std::vector<std::size_t>{g.first};
  for (std::size_t i = 0; i < c.starts.size(); ++i) {
    const std::size_t end = i + 1 < c.starts.size() ? c.starts[i + 1] : g.last + 1;
    double h = 0;
    for (std::size_t k = c.starts[i]; k < end; ++k) h += lb.blocks[k].height + (k > c.starts[i] ? k::item_gap : 0);
    c.height = std::max(c.height, h);
  }
  const double n = double(c.starts.size());
  c.width = n * c.column_width + (n - 1) * k::list_column_gap;
  return c;
}

/// Pass 5 (horizontal): a flag for every point event (or list), above or below the band.
struct Flags {
  std::vector<Item> items;
  double top = 0, bottom = 0;
  int crossings = 0;
};

Flags flags(const ChartRequest& r, const TimeScale& scale, const LabelBlocks& all, double band, const SpanRows& spans) {
  const style::Style& st = *r.style;
  // The events the detail inset labels: a marker here (above the band), no label.
  LabelBlocks own;
  std::vector<const Event*> detailed;
  if (r.detailed) {
    own.widest = all.widest;
    for (std::size_t k = 0; k < all.events.size(); ++k) {
      const Seconds a = all.events[k]->anchor();
      if (a >= r.detailed->from && a < r.detailed->to) {
        detailed.push_back(all.events[k]);
      } else {
        own.events.push_back(all.events[k]);
        own.blocks.push_back(all.blocks[k]);
      }
    }
  }
  const LabelBlocks& lb = r.detailed ? own : all;
  const double rr = st.axis.marker_radius;
  const double spans_h = spans.height;
  double largest_r = rr;  // of the markers drawn here
  const double chart_r = largest_radius(r);
  const std::vector<const Event*>& points = lb.events;
  std::vector<double> xs;
  for (const Event* e : points) xs.push_back(scale.x(e->anchor()));
  // Stretches one column of labels wide (with its gap and padding), so that two-column
  // lists two stretches apart, on the same side, stand clear of each other.
  const double stretch = (st.label.max_width + k::list_column_gap + st.label.padding) * r.list_stretch;
  std::vector<Group> groups = group_points(xs, r.x_min, stretch, r.list_min);
  if (r.balance_lists && !r.staircase) balance_lists(groups, xs, lb, r.x_min, r.x_max, stretch, st.label.padding);
  // Where each group's leader stands: its first anchor; a balanced list's, on its bracket
  // under the list.
  std::vector<double> pole_x;
  for (const Group& g : groups)
    pole_x.push_back(g.balanced() ? std::clamp(g.slot, xs[g.first], xs[g.last]) : xs[g.first]);
  auto group_radius = [&](const Group& g) {  // labels and brackets clear its largest marker
    double gr = rr;
    for (std::size_t k = g.first; k <= g.last; ++k) gr = std::max(gr, marker_radius(*points[k], st));
    return gr;
  };
  // Where the neighbouring lists stand (single labels step around a list; lists do not).
  std::vector<double> list_before(groups.size(), r.x_min), list_after(groups.size(), r.x_max);
  for (std::size_t gi = 1; gi < groups.size(); ++gi)
    list_before[gi] = groups[gi - 1].list() ? xs[groups[gi - 1].last] : list_before[gi - 1];
  for (std::size_t gi = groups.size(); gi-- > 1;)
    list_after[gi - 1] = groups[gi].list() ? xs[groups[gi].first] : list_after[gi];
  std::vector<LabelRequest> reqs;
  std::vector<ListColumns> columns;
  for (std::size_t gi = 0; gi < groups.size(); ++gi) {
    const Group& g = groups[gi];
    LabelRequest q;
    q.x = pole_x[gi];
    const double group_r = group_radius(g);
    // A list spreads over the free width beside it, up to the neighbouring lists; in a run
    // of lists, twice its stretch of axis (neighbouring lists alternate sides).
    // (A balanced list takes as many columns as its stretch of axis holds.)
    columns.push_back(g.balanced() ? list_columns(lb, g, 1, g.slot_width, r.x_max - r.x_min)
                                   : list_columns(lb, g, r.staircase ? 0 : r.list_height,
                                                  list_after[gi] - list_before[gi], r.x_max - r.x_min));
    q.width = columns.back().width;
    q.height = columns.back().height;
    // A list of several columns hangs from a rail across them: in the free space the padding
    // keeps around the list, or (too little padding) in room of its own.
    const bool rail_room = columns.back().starts.size() > 1 && st.label.padding < 2 * k::list_rail_offset;
    if (rail_room) q.height += k::list_rail;
    if (g.balanced()) {
      q.centred_x = g.slot - q.width / 2;
      // Its leader under the list: on its bracket where the two meet, else at the list's
      // edge nearest the bracket (the bracket then reaches it).
      pole_x[gi] = q.x = std::clamp(pole_x[gi], q.centred_x + 2, q.centred_x + q.width - 2);
    } else if (columns.back().starts.size() > 1) {  // centred on its stretch of axis (lists of a run then alternate cleanly)
      const double at = r.x_min + (std::floor((xs[g.first] - r.x_min) / stretch) + 0.5) * stretch;
      q.centred_x = at - q.width / 2;
    }
    largest_r = std::max(largest_r, group_r);
    // Clear of the largest marker on the chart, so of every list's bracket too.
    q.min_distance_above = chart_r + k::label_clearance;
    q.min_distance_below = spans_h + chart_r + k::label_clearance;
    Box pole_path{q.x - 0.5, band, 1, spans_h + rr};
    for (const Box& sb : spans.boxes) q.below_allowed = q.below_allowed && !sb.intersects(pole_path);
    reqs.push_back(q);
  }
  PlacementOptions opt;
  opt.band_height = band;
  opt.x_min = r.x_min;
  opt.x_max = r.x_max;
  opt.padding = st.label.padding;
  const std::vector<PlacedLabel> placed = place_labels(reqs, opt);
  const Frame f;
  Flags out;
  std::vector<Item> leaders, markers, labels, whiskers;
  for (std::size_t gi = 0; gi < groups.size(); ++gi) {
    const Group& g = groups[gi];
    const PlacedLabel& p = placed[gi];
    out.crossings += p.crosses;
    const double edge = p.side == Side::Above ? 0 : band;
    const Event& head = *points[g.first];
    const ListColumns& cols = columns[gi];
    // A list of several columns hangs from a rail across them (under them, above the band),
    // a tick down (up) to each column: every column visibly the leader's.
    const bool railed = cols.starts.size() > 1, rail_room = railed && st.label.padding < 2 * k::list_rail_offset;
    const double rail_y = rail_room ? (p.side == Side::Above ? p.box.bottom() - 1 : p.box.y + 1)
                                    : (p.side == Side::Above ? p.box.bottom() + k::list_rail_offset : p.box.y - k::list_rail_offset);
    Item lead{ItemKind::Leader};
    lead.event = head.id;
    lead.box = p.pole;
    lead.points = {{pole_x[gi], edge}, {pole_x[gi], railed ? rail_y : p.side == Side::Above ? p.pole.y : p.pole.bottom()}};
    if (railed) lead.box = rule_box(lead.points);
    if (g.list()) {  // a list's leader speaks for several events: muted
      lead.stroke = with_alpha(st.color.muted, "99");
      lead.line_width = 0.8;
    } else {
      style_event_leader(lead, head, event_color(head, *r.track_colors));
    }
    lead.segment = scale.segment_of(head.anchor());
    leaders.push_back(lead);
    if (g.list()) {  // the bracket: which stretch of axis the list speaks of
      Item bracket{ItemKind::Leader};
      bracket.event = head.id;
      // Beside the band; below it with span rows there, just over the list instead.
      const double gr = group_radius(g);
      const double y = p.side == Side::Above ? edge - gr - 2 : spans_h > 0 ? p.box.y - 2 : edge + gr + 2;
      double b0 = std::min(xs[g.first], pole_x[gi]), b1 = std::max(xs[g.last], pole_x[gi]);
      if (p.side != Side::Above && spans_h > 0) {  // over the list: within the room it was given
        b0 = std::clamp(b0, p.box.x, p.box.right());
        b1 = std::clamp(b1, p.box.x, p.box.right());
      }
      bracket.points = {{b0, y}, {b1, y}};
      bracket.box = {b0, y - 0.5, b1 - b0, 1};
      bracket.stroke = with_alpha(st.color.muted, "99");
      bracket.line_width = 1;
      bracket.segment = lead.segment;
      leaders.push_back(bracket);
    }
    // Label left of its pole: a single column's text hugs the pole.
    const bool flipped = p.box.x < xs[g.first] && cols.starts.size() == 1 && !g.balanced();
    const double top = p.box.y + (rail_room && p.side != Side::Above ? k::list_rail : 0);
    double y = top, x = p.box.x;
    std::vector<double> column_x{x}, column_bottom{top};
    for (std::size_t k = g.first; k <= g.last; ++k) {
      const Event& e = *points[k];
      const int seg = scale.segment_of(e.anchor());
      const std::string color = event_color(e, *r.track_colors);
      if (auto w = precision_whisker(e, scale, f, edge, color, rr)) whiskers.push_back(*w);
      markers.push_back(marker_item(e, {xs[k], edge}, st, color, seg));
      if (k > g.first && std::count(cols.starts.begin(), cols.starts.end(), k)) {  // the next column
        y = top;
        x += cols.column_width + k::list_column_gap;
        column_x.push_back(x);
        column_bottom.push_back(top);
      }
      const TextBlock& b = lb.blocks[k];
      const Box box{flipped ? p.box.right() - b.width : x, y, b.width, b.height};
      labels.push_back(label_item(e, b, box, flipped, {xs[k], edge}, seg));
      column_bottom.back() = box.bottom();
      y += b.height + k::item_gap;
    }
    if (railed) {
      auto rule = [&](Point a, Point b) {
        Item it{ItemKind::Leader};
        it.event = head.id;
        it.points = {a, b};
        it.box = rule_box(it.points);
        it.stroke = lead.stroke;
        it.line_width = lead.line_width;
        it.segment = lead.segment;
        leaders.push_back(it);
      };
      rule({std::min(column_x.front(), pole_x[gi]), rail_y}, {std::max(column_x.back(), pole_x[gi]), rail_y});
      for (std::size_t c = 0; c < column_x.size(); ++c) {
        const double end = p.side == Side::Above ? column_bottom[c] + k::list_tick_clearance : top - k::list_tick_clearance;
        if (std::abs(end - rail_y) >= 1) rule({column_x[c], rail_y}, {column_x[c], end});
      }
    }
    out.top = std::min(out.top, p.box.y);
    out.bottom = std::max(out.bottom, p.box.bottom());
  }
  for (const Event* e : detailed) {
    const std::string color = event_color(*e, *r.track_colors);
    const double x = scale.x(e->anchor());
    if (auto w = precision_whisker(*e, scale, f, 0, color, rr)) whiskers.push_back(*w);
    markers.push_back(marker_item(*e, {x, 0}, st, color, scale.segment_of(e->anchor())));
    largest_r = std::max(largest_r, marker_radius(*e, st));
  }
  milestones_on_top(markers);
  out.top = std::min(out.top, -largest_r - k::label_clearance);
  out.bottom = std::max(out.bottom, band + largest_r + k::label_clearance);
  for (auto* group : {&whiskers, &leaders, &markers, &labels}) out.items.insert(out.items.end(), group->begin(), group->end());
  return out;
}

Chart horizontal_chart(const ChartRequest& r, TextMeasurer& m) {
  const style::Style& st = *r.style;
  Chart c;
  const LabelBlocks lb = measure_labels(r, title_width(r), false, m);  // pass 1
  c.scale = r.scale ? *r.scale : chart_scale(r, lb.widest);                  // pass 2
  const double big_r = largest_radius(r);
  if (r.band) {                                                              // pass 3
    const Font tick_font = font_of(st, st.font.tick, true);
    c.band = m.line_height(tick_font) + 2 * std::max(k::band_min_pad, big_r + 1.5);  // markers clear the tick labels
    c.items = axis_band(c.scale, r.frame, c.band, big_r, st, m);
  }
  const SpanRows spans = span_rows(r, c.scale, c.band, m);                   // pass 4
  const Flags fl = flags(r, c.scale, lb, c.band, spans);                    // pass 5
  c.items.insert(c.items.end(), spans.items.begin(), spans.items.end());
  c.items.insert(c.items.end(), fl.items.begin(), fl.items.end());
  c.top = std::min(0.0, fl.top);
  c.bottom = std::max({0.0, spans.bottom, fl.bottom});
  c.crossings = fl.crossings;
  return c;
}

/// Pass 4 (vertical): span bars in narrow lanes left of the band; returns each event's lane
/// (-1: a point event) and the lanes' count.
std::pair<std::vector<int>, std::size_t> span_lanes(const ChartRequest& r) {
  std::vector<int> lane(r.events.size(), -1);
  std::vector<Seconds> lane_end;
  for (std::size_t i = 0; i < r.events.size(); ++i) {
    const Event& e = *r.events[i];
    if (!e.is_span()) continue;
    std::size_t l = 0;  // beyond k::max_span_lanes, spans share the lane that ends first
    while (l < lane_end.size() && lane_end[l] > e.first()) ++l;
    if (l == lane_end.size() && l == k::max_span_lanes)
      l = std::size_t(std::min_element(lane_end.begin(), lane_end.end()) - lane_end.begin());
    if (l == lane_end.size()) lane_end.push_back(0);
    lane_end[l] = e.last();
    lane[i] = int(l);
  }
  return {lane, lane_end.size()};
}

/// Vertical: time runs down. Columns, left to right: era titles, span lanes, the axis band,
/// leaders, labels. Each label sits beside its marker or just below the label before it,
/// joined to its marker by an elbow leader (leaders never cross, since markers and labels
/// keep time order); the axis stretches until every label does.
Chart vertical_chart(const ChartRequest& r, TextMeasurer& m) {
  const style::Style& st = *r.style;
  const Frame& f = r.frame;
  Chart c;
  double x = r.x_min;
  if (r.era_column > 0) x += r.era_column + k::era_title_gap;
  const auto [lane, lanes] = span_lanes(r);
  const double lanes_x = x;
  if (lanes > 0) x += double(lanes) * k::span_lane_step + 4;
  const Font tick_font = font_of(st, st.font.tick, true);
  const double big_r = largest_radius(r);  // markers clear the tick labels
  const double band_x = x;
  c.band_at = band_x;
  c.band = m.width("30 Sep 2024", tick_font) + 2 * (big_r + 3);
  const double edge = band_x + c.band;
  const double label_x = edge + k::column_gap, label_w = std::max(k::min_label_column, r.x_max - label_x);
  m.measure_ahead(label_requests(*r.timeline, r.events, st, label_w, false));
  const LabelBlocks lb = measure_labels(r, label_w, true, m);  // pass 1

  // Pass 2: the axis length the page gives, stretched until every label sits beside its
  // marker or just below the label before it, within the axis.
  const std::vector<TimeExtent> ext = extents(r);
  ScaleOptions opt = scale_options(r, 2.5 * m.line_height(font_of(st, st.font.label)));
  double length = std::max(200.0, r.length);
  std::vector<double> label_top(r.events.size());
  for (int round = 0; round < 6; ++round) {
    opt.x0 = 0;
    opt.x1 = length;
    c.scale = r.scale ? *r.scale : make_time_scale(ext, opt);
    double bottom = -1e18;
    for (std::size_t i = 0; i < r.events.size(); ++i) {
      const double first_line = lb.blocks[i].lines.empty() ? 0 : lb.blocks[i].lines.front().height;
      label_top[i] = std::max(c.scale.x(r.events[i]->anchor()) - first_line / 2, bottom + st.label.padding);
      bottom = label_top[i] + lb.blocks[i].height;
    }
    if (bottom <= length + 20) break;
    length = bottom + 20;
  }
  c.bottom = length;
  for (std::size_t i = 0; i < r.events.size(); ++i) c.bottom = std::max(c.bottom, label_top[i] + lb.blocks[i].height);

  std::vector<Item> items = axis_band(c.scale, f, c.band, big_r, st, m, band_x), leaders, markers, labels;  // pass 3
  // Passes 4 and 5: span bars and whiskers, markers, elbow leaders, labels.
  for (std::size_t i = 0; i < r.events.size(); ++i) {
    const Event& e = *r.events[i];
    const std::string color = event_color(e, *r.track_colors);
    const int seg = c.scale.segment_of(e.anchor());
    const double ya = c.scale.x(e.anchor());
    if (lane[i] >= 0) {
      const double y0 = c.scale.x(e.first()), y1 = c.scale.x(e.last());
      Item bar{ItemKind::Bar};
      bar.event = e.id;
      bar.box = f.box(y0, lanes_x + lane[i] * k::span_lane_step, std::max(y1 - y0, 3.0), k::span_lane_width);
      bar.fill = color;
      bar.segment = seg;
      items.push_back(bar);
    } else if (auto w = precision_whisker(e, c.scale, f, edge, color, st.axis.marker_radius)) {
      items.push_back(*w);
    }
    markers.push_back(marker_item(e, f.point(ya, edge), st, color, seg));
    const TextBlock& b = lb.blocks[i];
    const double yl = label_top[i] + (b.lines.empty() ? 0 : b.lines.front().height / 2);
    Item lead{ItemKind::Leader};
    lead.event = e.id;
    const double er = marker_radius(e, st);
    lead.points = {{edge + er, ya}, {edge + std::max(12.0, er + 4), ya}, {label_x - 12, yl}, {label_x - 3, yl}};
    lead.box = bounds_of_points(lead.points);
    style_event_leader(lead, e, color);
    lead.segment = seg;
    leaders.push_back(lead);
    labels.push_back(label_item(e, b, {label_x, label_top[i], b.width, b.height}, false, f.point(ya, edge), seg));
  }
  milestones_on_top(markers);
  for (auto* group : {&items, &leaders, &markers, &labels}) c.items.insert(c.items.end(), group->begin(), group->end());
  return c;
}

}  // namespace

std::string event_color(const model::Event& e, const std::vector<std::string>& track_colors) {
  return e.track >= 0 ? track_colors[std::size_t(e.track)] : track_colors.back();
}

double widest_label(const ChartRequest& r, TextMeasurer& m) {
  return measure_labels(r, title_width(r), false, m).widest;
}

TimeScale chart_scale(const ChartRequest& r, double widest) {
  ScaleOptions opt = scale_options(r, std::max(widest, 1.0));
  // The axis spans the chart's whole width; labels near its right end stand left of their
  // pole. In the staircase arrangement it ends a label's width before the right edge.
  opt.x0 = r.x_min + k::axis_inset;
  opt.x1 = r.staircase ? std::max(r.x_max - widest - 6, r.x_min + (r.x_max - r.x_min) / 2) : r.x_max - k::axis_inset;
  std::vector<TimeExtent> ext = extents(r);
  if (r.detailed) {  // the inset's stretch asks for the room of one event: its labels are there
    const Window w = *r.detailed;
    std::erase_if(ext, [&](const TimeExtent& e) { return e.anchor >= w.from && e.anchor < w.to; });
    ext.push_back({w.from + (w.to - w.from) / 2, w.from, w.to});
    std::stable_sort(ext.begin(), ext.end(), [](const TimeExtent& a, const TimeExtent& b) { return a.anchor < b.anchor; });
  }
  return make_time_scale(ext, opt);
}

namespace {
/// Whether a label of half-length `half` centred at `u` (a gap's middle) stays between the
/// gap's two anchors, clear of their markers.
bool gap_room(const TimeScale& scale, double u, double half) {
  auto hi = std::lower_bound(scale.knots.begin(), scale.knots.end(), u,
                             [](const auto& k, double v) { return k.second < v; });
  if (hi == scale.knots.begin() || hi == scale.knots.end()) return false;
  return u - half >= (hi - 1)->second + 6 && u + half <= hi->second - 6;
}
}  // namespace

std::vector<Item> axis_band(const TimeScale& scale, const Frame& f, double band, double marker_r,
                            const style::Style& st, TextMeasurer& m, double v0) {
  std::vector<Item> out;
  const Font tick_font = font_of(st, st.font.tick, true);
  const double lh = m.line_height(tick_font);
  HeightAsWidth stacked(m);
  const auto& segs = scale.segments;
  for (std::size_t s = 0; s < segs.size(); ++s) {
    const Segment& seg = segs[s];
    Item axis{ItemKind::Axis};
    axis.box = f.box(seg.x0, v0, seg.x1 - seg.x0, band);
    axis.fill = st.color.axis;
    axis.segment = int(s);
    out.push_back(axis);
    const SegmentTicks ticks =
        scale.sequential() ? gap_ticks(scale, m, tick_font) : make_ticks(seg, scale, f.vertical() ? stacked : m, tick_font);
    for (const auto& mark : ticks.marks) {
      Item t{ItemKind::Tick};
      t.points = {f.point(mark.x, v0), f.point(mark.x, v0 + band)};
      t.box = f.box(mark.x - k::tick_width / 2, v0, k::tick_width, band);
      t.stroke = with_alpha(st.page.background, k::tick_alpha);
      t.line_width = k::tick_width;
      t.segment = int(s);
      out.push_back(t);
    }
    double last_end = -1e18;
    for (const auto& lab : ticks.labels) {
      const double w = m.width(lab.text, tick_font);
      if (f.across(w, lh) > band - 2 * marker_r - 2) continue;  // clear of the markers on the band's edges
      if (scale.sequential()) {  // a gap's label stays inside the gap, clear of the one before
        const double half = f.along(w, lh) / 2 + 2;
        if (lab.x - half < last_end || !gap_room(scale, lab.x, half)) continue;
        last_end = lab.x + half;
      }
      Item t{ItemKind::TickLabel};
      t.text = lab.text;
      const Box b = f.centred(lab.x, v0 + band / 2, w, lh);
      t.lines = {{lab.text, b.x, b.y, w, lh, tick_font, st.page.background, "", {}, {}}};
      t.box = bounds_of(t.lines);
      t.segment = int(s);
      out.push_back(t);
    }
    if (s + 1 < segs.size()) {
      Item br{ItemKind::AxisBreak};
      const double a = seg.x1, b = segs[s + 1].x0, mid = (a + b) / 2, o = k::break_overhang;
      br.box = f.box(a, v0 - o, b - a, band + 2 * o);
      br.points = {f.point(mid - 5, v0 + band + o), f.point(mid - 1, v0 - o), f.point(mid + 1, v0 + band + o),
                   f.point(mid + 5, v0 - o)};
      br.stroke = st.color.axis;
      br.line_width = st.axis.line_width;
      out.push_back(br);
    }
  }
  return out;
}

Chart layout_chart(const ChartRequest& r, TextMeasurer& m) {
  return r.frame.vertical() ? vertical_chart(r, m) : horizontal_chart(r, m);
}

}  // namespace chronicle::layout

