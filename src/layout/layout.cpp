#include "layout/layout.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "layout/label_placement.h"
#include "layout/page_blocks.h"
#include "layout/ticks.h"
#include "layout/time_scale.h"
#include "model/date/format_date_label.h"

namespace chronicle::layout {
namespace {

using model::Event;
using model::Seconds;

/// Everything laid out in "band coordinates" (y = 0 at the axis band's top edge) before
/// the page is assembled.
struct Chart {
  std::vector<Item> back;   ///< era bands: drawn first
  std::vector<Item> items;  ///< axis, ticks, bars, leaders, markers, labels
  double top = 0, bottom = 0;  ///< extent in band coordinates
};

class Layouter {
 public:
  Layouter(const model::Timeline& tl, const style::Style& st, TextMeasurer& m)
      : tl_(tl), st_(st), m_(m), colors_(track_colors(tl, st)), legend_(&tl) {}

  /// The footer's legend describes `whole` (the document this page belongs to).
  void legend_of(const model::Timeline& whole) { legend_ = &whole; }

  Scene run() {
    if (st_.layout.lanes == "tracks" && !tl_.tracks.empty()) return run_lanes();
    Scene scene = blank_scene();
    const double margin = st_.page.margin;
    const double content_w = st_.page.width - 2 * margin;

    std::vector<Item> header;
    const double header_bottom = header_items(tl_, st_, m_, header);

    // Chart in band coordinates.
    x_min_ = margin;
    x_max_ = st_.page.width - margin;
    measure_labels();
    build_scale();
    Chart chart = build_chart();
    std::vector<Item> era_labels;
    double era_rows_h = build_eras(chart, era_labels);

    // Footer.
    std::vector<Item> footer;
    double footer_h = footer_items(*legend_, st_, colors_, margin, content_w, m_, footer);
    auto inset = plan_inset();

    // Page assembly: header on top, footer at the bottom, chart centred between; the
    // page grows when the chart needs more room than the template's height.
    const double chart_h = era_rows_h + (chart.bottom - chart.top) + (inset ? inset->height : 0);
    const double gap = footer.empty() ? 0 : 22;
    double needed = header_bottom + chart_h + gap + footer_h + margin;
    scene.height = page_height_for(needed, st_.page.height);
    const double spare = scene.height - needed;
    const double chart_y = header_bottom + spare / 2;        // top of the era rows
    const double band_top = chart_y + era_rows_h - chart.top;  // band y = 0 maps here
    const double footer_y = scene.height - margin - footer_h;

    for (auto& it : chart.back) {
      shift(it, band_top);
      it.box.y = chart_y;
      it.box.h = band_top + chart.bottom - chart_y;
      scene.items.push_back(it);
    }
    append_shifted(scene.items, era_labels, chart_y);
    append_shifted(scene.items, chart.items, band_top);
    if (inset) place_inset(*inset, band_top + chart.bottom, band_top, band_h_, band_top + chart.bottom, scene.items);
    append_shifted(scene.items, header, 0);
    append_shifted(scene.items, footer, footer_y);
    finish_scene(tl_, scene);
    return scene;
  }

  /// A detail inset: the stretch of time, its chart (laid out by a Layouter of its own
  /// over the whole content width, on a linear axis) and its title.
  struct InsetPlan {
    model::Inset window;
    Chart chart;
    TextBlock title;
    double height = 0;  ///< title, chart and the gap for the guide lines above it
  };

  /// The input's first inset; or, with layout.inset "auto" on a linear axis, the tightest
  /// run of at least four events when the axis gives it less than 2 % of its length.
  std::optional<model::Inset> choose_inset() const {
    if (st_.layout.inset == "none" || tl_.events.empty()) return std::nullopt;
    if (!tl_.insets.empty()) return tl_.insets.front();
    if (st_.axis.scale != "linear" || tl_.events.size() < 6) return std::nullopt;
    const auto& ev = tl_.events;
    const Seconds total = ev.back().anchor() - ev.front().anchor();
    if (total <= 0) return std::nullopt;
    std::size_t best = 0;
    Seconds best_span = total;
    for (std::size_t i = 0; i + 3 < ev.size(); ++i) {
      const Seconds span = ev[i + 3].anchor() - ev[i].anchor();
      if (span < best_span) best_span = span, best = i;
    }
    if (best_span * 50 >= total) return std::nullopt;
    std::size_t last = best + 3;  // take in the neighbours as close as the run is tight
    while (last + 1 < ev.size() && ev[last + 1].anchor() - ev[best].anchor() <= 2 * std::max<Seconds>(best_span, 1)) ++last;
    const Seconds pad = std::max<Seconds>((ev[last].anchor() - ev[best].anchor()) / 8, 60);
    model::Inset w;
    w.start.from = w.start.to = ev[best].anchor() - pad;
    w.end.from = w.end.to = ev[last].anchor() + pad;
    w.start.precision = w.end.precision = model::Precision::Day;
    return w;
  }

  std::optional<InsetPlan> plan_inset() {
    auto w = choose_inset();
    if (!w) return std::nullopt;
    model::Timeline sub;
    sub.sources = tl_.sources;
    sub.tracks = tl_.tracks;
    for (const auto& e : tl_.events)
      if (e.anchor() >= w->start.from && e.anchor() < w->end.to) sub.events.push_back(e);
    if (sub.events.empty()) return std::nullopt;
    style::Style ist = st_;
    ist.axis.scale = "linear";
    ist.layout.lanes = "none";
    ist.layout.inset = "none";
    Layouter in(sub, ist, m_);
    in.colors_ = colors_;
    in.x_min_ = st_.page.margin;
    in.x_max_ = st_.page.width - st_.page.margin;
    in.window_ = {w->start.from, w->end.to};
    in.measure_labels();
    in.build_scale();
    InsetPlan plan{*w, in.build_chart(), {}, 0};
    std::string title = w->title;
    if (title.empty()) {
      model::DateValue a = w->start, b = w->end;
      a.casual = b.casual = false;
      title = "Detail: " + model::format_span_label(a, b);
    }
    plan.title = text_block(title, font_of(st_, st_.fonts.small, true), st_.colors.muted, 0, m_);
    plan.height = 28 + plan.title.height + 4 + (plan.chart.bottom - plan.chart.top);
    return plan;
  }

  /// Places the inset with its top at `y`, below a main axis band [axis_top, axis_top +
  /// axis_h] whose lowest item ends at `chart_bottom`: the window marked on the main
  /// axis, guide lines from under the main chart to the inset's axis ends.
  void place_inset(InsetPlan& plan, double y, double axis_top, double axis_h, double chart_bottom, std::vector<Item>& out) {
    const double x0 = scale_.x(plan.window.start.from), x1 = std::max(scale_.x(plan.window.end.to), x0 + 4);
    Item win{ItemKind::InsetWindow};
    win.box = {x0 - 2, axis_top - 2, x1 - x0 + 4, axis_h + 4};
    win.points = {{win.box.x, win.box.y}, {win.box.right(), win.box.y}, {win.box.right(), win.box.bottom()},
                  {win.box.x, win.box.bottom()}, {win.box.x, win.box.y}};
    win.fill = with_alpha(st_.colors.muted, "22");
    win.stroke = st_.colors.muted;
    win.line_width = 1;
    win.inset = true;
    out.push_back(win);
    const double title_y = y + 28;
    translate(plan.title, st_.page.width / 2 - plan.title.width / 2, title_y);  // centred, clear of the guides
    Item t{ItemKind::EraLabel};
    t.text = plan.title.lines.empty() ? "" : plan.title.lines.front().text;
    t.lines = plan.title.lines;
    t.box = bounds_of(t.lines);
    t.inset = true;
    out.push_back(t);
    const double band_top = title_y + plan.title.height + 4 - plan.chart.top;
    double ix0 = 1e300, ix1 = -1e300;
    for (const auto& it : plan.chart.items)
      if (it.kind == ItemKind::Axis) ix0 = std::min(ix0, it.box.x), ix1 = std::max(ix1, it.box.right());
    for (double gx : {0, 1}) {  // guides: from under the main chart to above the inset's axis ends
      Item g{ItemKind::Guide};
      const double from_x = gx == 0 ? x0 : x1, to_x = gx == 0 ? ix0 : ix1, to_y = title_y - 4;
      g.points = {{from_x, chart_bottom + 4}, {to_x, to_y}};
      g.box = {std::min(from_x, to_x), chart_bottom + 4, std::abs(to_x - from_x) + 0.5, to_y - chart_bottom - 4};
      g.stroke = with_alpha(st_.colors.muted, "99");
      g.line_width = 0.8;
      g.inset = true;
      out.push_back(g);
    }
    for (auto it : plan.chart.items) {
      shift(it, band_top);
      it.inset = true;
      out.push_back(std::move(it));
    }
  }

  /// Swimlanes: a lane per track (then one for events on no track), each with its header
  /// in a column at the left, its point events flagged above its line and its spans as
  /// bars below; one axis band with the ticks under all lanes; eras across every lane, or
  /// within their track's lane.
  Scene run_lanes() {
    Scene scene = blank_scene();
    const double margin = st_.page.margin;
    const double content_w = st_.page.width - 2 * margin;
    std::vector<Item> header;
    const double header_bottom = header_items(tl_, st_, m_, header);

    struct Lane {
      std::string title, color;
      int track;
      model::Timeline sub;
      TextBlock head;
    };
    std::vector<Lane> lanes;
    for (int t = 0; t <= int(tl_.tracks.size()); ++t) {
      const int track = t < int(tl_.tracks.size()) ? t : -1;
      Lane lane{track >= 0 ? tl_.tracks[std::size_t(track)].title : "Other", track >= 0 ? colors_[std::size_t(track)] : no_track_color,
                track, {}, {}};
      lane.sub.sources = tl_.sources;
      for (const auto& e : tl_.events)
        if (e.track == track) lane.sub.events.push_back(e);
      if (!lane.sub.events.empty() || (track >= 0 && tl_.events.empty())) lanes.push_back(std::move(lane));
    }
    const Font head_font = font_of(st_, st_.fonts.label, true);
    const double head_max = std::min(140.0, content_w / 6);
    double head_w = 0;
    for (auto& lane : lanes) {
      lane.head = text_block(lane.title, head_font, lane.color, head_max, m_);
      head_w = std::max(head_w, lane.head.width);
    }
    const double column = head_w + 16;  // header column, then the chart

    x_min_ = margin + column;
    x_max_ = st_.page.width - margin;
    measure_labels();
    build_scale();

    std::vector<Chart> charts;
    for (auto& lane : lanes) {
      Layouter sub(lane.sub, st_, m_);
      sub.colors_ = colors_;
      sub.scale_ = scale_;
      sub.x_min_ = x_min_;
      sub.x_max_ = x_max_;
      sub.measure_labels();
      charts.push_back(sub.lane_chart());
    }
    Chart axis;
    const Font tick_font = font_of(st_, st_.fonts.tick, true);
    band_h_ = m_.line_height(tick_font) + 8;
    axis_items(axis, tick_font);
    std::vector<Item> era_labels;
    Chart eras;
    const double era_rows_h = build_eras(eras, era_labels);
    std::vector<Item> footer;
    const double footer_h = footer_items(*legend_, st_, colors_, margin, content_w, m_, footer);

    const double pad = 8;
    double lanes_h = 0;
    for (std::size_t k = 0; k < lanes.size(); ++k) {
      const double chart_h = charts[k].bottom - charts[k].top;
      lanes_h += std::max(chart_h, lanes[k].head.height) + 2 * pad;
    }
    auto inset = plan_inset();
    const double gap = footer.empty() ? 0 : 22;
    const double needed =
        header_bottom + era_rows_h + lanes_h + 4 + band_h_ + (inset ? inset->height : 0) + gap + footer_h + margin;
    scene.height = page_height_for(needed, st_.page.height);
    const double spare = scene.height - needed;
    const double chart_y = header_bottom + spare / 2;
    const double lanes_top = chart_y + era_rows_h;
    double y = lanes_top;
    std::vector<double> lane_y(lanes.size()), lane_h(lanes.size());
    std::vector<Item> back, front;
    for (std::size_t k = 0; k < lanes.size(); ++k) {
      const Chart& c = charts[k];
      const double h = std::max(c.bottom - c.top, lanes[k].head.height) + 2 * pad;
      lane_y[k] = y;
      lane_h[k] = h;
      Item bg{ItemKind::Lane};
      bg.text = lanes[k].title;
      bg.box = {margin, y, content_w, h};
      bg.fill = blend(lanes[k].color, st_.page.background, k % 2 == 0 ? 0.05 : 0.08);
      back.push_back(bg);
      const double line_y = y + pad + std::max(0.0, (h - 2 * pad - (c.bottom - c.top)) / 2) - c.top;
      for (std::size_t sg = 0; sg < scale_.segments.size(); ++sg) {  // the lane's line, broken where the axis is
        const auto& seg = scale_.segments[sg];
        Item line{ItemKind::LaneLine};
        line.box = {seg.x0, line_y - 0.5, seg.x1 - seg.x0, 1};
        line.points = {{seg.x0, line_y}, {seg.x1, line_y}};
        line.stroke = blend(lanes[k].color, bg.fill, 0.4);
        line.line_width = 1;
        line.segment = int(sg);
        back.push_back(line);
      }
      TextBlock head = lanes[k].head;
      translate(head, margin + 8, std::clamp(line_y - head.height / 2, y + pad, y + h - pad - head.height));
      Item hd{ItemKind::LaneHeader};
      hd.text = lanes[k].title;
      hd.lines = head.lines;
      hd.box = bounds_of(head.lines);
      front.push_back(hd);
      append_shifted(front, c.items, line_y);
      y += h;
    }
    const double axis_y = y + 4;
    for (auto& it : eras.back) {
      double top = lanes_top, bottom = axis_y + band_h_;
      for (std::size_t k = 0; k < lanes.size(); ++k)
        for (const auto& era : tl_.eras)
          if (era.title == it.text && era.track >= 0 && era.track == lanes[k].track) {
            top = lane_y[k];
            bottom = lane_y[k] + lane_h[k];
          }
      it.box.y = top;
      it.box.h = bottom - top;
      back.push_back(it);
    }
    scene.items = std::move(back);
    append_shifted(scene.items, era_labels, chart_y);
    append_shifted(scene.items, front, 0);
    append_shifted(scene.items, axis.items, axis_y);
    if (inset) place_inset(*inset, axis_y + band_h_, axis_y, band_h_, axis_y + band_h_, scene.items);
    append_shifted(scene.items, header, 0);
    append_shifted(scene.items, footer, scene.height - margin - footer_h);
    finish_scene(tl_, scene);
    return scene;
  }

  /// One lane's chart, in lane coordinates (y = 0 on its line): flags above, span bars below.
  Chart lane_chart() {
    Chart c;
    band_h_ = 0;
    above_only_ = false;  // both sides of the lane line, as on the single band
    const double spans_h = span_rows(c);
    point_labels(c, spans_h);
    return c;
  }

 private:
  /// A page of the template's width and colour, with the document's facts.
  Scene blank_scene() const {
    Scene scene;
    scene.width = st_.page.width;
    scene.background = st_.page.background;
    scene.info = {tl_.title, tl_.subtitle, tl_.author, ""};
    return scene;
  }

  std::string color_of(const Event& e) const { return e.track >= 0 ? colors_[e.track] : no_track_color; }

  /// An event's label: the date line (track colour, source numbers), then the title
  /// wrapped at label.max_width.
  TextBlock label_block(const Event& e) {
    return event_label_block(tl_, st_, e, color_of(e), st_.label.max_width, m_);
  }

  /// The label text of every point event, wrapped and measured, in event order.
  void measure_labels() {
    for (const auto& e : tl_.events) {
      if (e.is_span()) continue;
      blocks_.push_back(label_block(e));
      widest_label_ = std::max(widest_label_, blocks_.back().width);
    }
  }

  void build_scale() {
    std::vector<TimeExtent> ext;
    for (const auto& e : tl_.events) {
      if (window_) {  // an inset: only its stretch of time, clipped
        const Seconds a = std::clamp(e.anchor(), window_->first, window_->second);
        ext.push_back({a, std::max(e.first(), window_->first), std::min(e.last(), window_->second)});
      } else {
        ext.push_back({e.anchor(), e.first(), e.last()});
      }
    }
    if (window_) {
      ext.insert(ext.begin(), {window_->first, window_->first, window_->first});
      ext.push_back({window_->second, window_->second, window_->second});
    }
    ScaleOptions opt;
    opt.x0 = x_min_ + 8;
    // The axis ends a label's width before the right margin, so every label can stand to
    // the right of its pole: then no pole ever has to cross a label (see label_placement.h).
    opt.x1 = std::max(x_max_ - widest_label_ - 6, x_min_ + (x_max_ - x_min_) / 2);
    opt.break_gap = st_.axis.break_gap;
    opt.allow_breaks = st_.axis.scale != "linear";
    scale_ = make_time_scale(ext, opt);
  }

  Chart build_chart() {
    Chart c;
    const Font tick_font = font_of(st_, st_.fonts.tick, true);
    band_h_ = m_.line_height(tick_font) + 2 * std::max(5.0, largest_marker_radius(tl_, st_) + 1.5);  // markers clear the tick labels
    axis_items(c, tick_font);
    double spans_h = span_rows(c);
    point_labels(c, spans_h);
    return c;
  }

  void axis_items(Chart& c, const Font& tick_font) {
    const auto& segs = scale_.segments;
    for (std::size_t s = 0; s < segs.size(); ++s) {
      Item band{ItemKind::Axis};
      band.box = {segs[s].x0, 0, segs[s].x1 - segs[s].x0, band_h_};
      band.fill = st_.colors.axis;
      band.segment = int(s);
      c.items.push_back(band);
      SegmentTicks ticks = make_ticks(segs[s], scale_, m_, tick_font);
      for (const auto& mark : ticks.marks) {
        Item t{ItemKind::Tick};
        t.points = {{mark.x, 0}, {mark.x, band_h_}};
        t.box = {mark.x - 0.4, 0, 0.8, band_h_};
        t.stroke = with_alpha(st_.page.background, "55");
        t.line_width = 0.8;
        t.segment = int(s);
        c.items.push_back(t);
      }
      const double lh = m_.line_height(tick_font);
      for (const auto& lab : ticks.labels) {
        Item t{ItemKind::TickLabel};
        t.text = lab.text;
        t.lines = {{lab.text, lab.x - lab.width / 2, (band_h_ - lh) / 2, lab.width, lh, tick_font, st_.page.background, ""}};
        t.box = bounds_of(t.lines);
        t.segment = int(s);
        c.items.push_back(t);
      }
      if (s + 1 < segs.size()) {
        Item br{ItemKind::AxisBreak};
        const double a = segs[s].x1, b = segs[s + 1].x0, mid = (a + b) / 2;
        br.box = {a, -3, b - a, band_h_ + 6};
        br.points = {{mid - 5, band_h_ + 3}, {mid - 1, -3}, {mid + 1, band_h_ + 3}, {mid + 5, -3}};
        br.stroke = st_.colors.axis;
        br.line_width = 1.4;
        c.items.push_back(br);
      }
    }
  }

  /// Span events: bars in rows under the band, each with its label inside the bar when
  /// one line fits there, else wrapped beside it. Returns the rows' height.
  double span_rows(Chart& c) {
    const Font font = font_of(st_, st_.fonts.label, st_.fonts.label_bold);
    const double lh = m_.line_height(font), pad = st_.label.padding, bar_h = lh + 4;
    struct Row {
      double y, h, end;
    };
    std::vector<Row> rows;
    double bottom = band_h_ + std::max(6.0, largest_marker_radius(tl_, st_) + 2);  // clear of the markers on the edge
    for (const auto& e : tl_.events) {
      if (!e.is_span()) continue;
      const double x0 = scale_.x(e.first());
      const double x1 = std::max(scale_.x(e.last()), x0 + 4);
      const std::string one_line = span_line(tl_, e);
      const double tw = m_.width(one_line, font);
      const bool inside = tw + 10 <= x1 - x0;
      TextBlock block;
      if (inside) {
        block = text_block(one_line, font, "#ffffff", 0, m_);
        translate(block, x0 + 5, 2);
      } else {
        block = label_block(e);
        double lx = x1 + 4;
        if (lx + block.width > x_max_) lx = std::max(x_min_, x0 - 4 - block.width);
        translate(block, lx, 0);
      }
      const Box text_box = bounds_of(block.lines);
      const double used0 = std::min(x0, text_box.x), used1 = std::max(x1, text_box.right());
      const double need = std::max(bar_h, text_box.h);
      std::size_t row = 0;
      while (row < rows.size() && !(rows[row].end + pad <= used0 && rows[row].h >= need)) ++row;
      if (row == rows.size()) {
        rows.push_back({bottom, need, 0});
        bottom += need + 3;
      }
      rows[row].end = used1;
      const double y = rows[row].y;
      Item bar{ItemKind::Bar};
      bar.event = e.id;
      bar.box = {x0, y, x1 - x0, bar_h};
      bar.fill = color_of(e);
      bar.segment = scale_.segment_of(e.first());
      c.items.push_back(bar);
      Item label{ItemKind::Label};
      label.event = e.id;
      label.text = e.title;
      translate(block, 0, y);
      label.lines = block.lines;
      label.box = bounds_of(label.lines);
      label.anchor = {x0, y};
      label.segment = bar.segment;
      c.items.push_back(label);
      span_boxes_.push_back({used0, y, used1 - used0, need});
    }
    c.bottom = std::max(c.bottom, bottom);
    return rows.empty() ? 0 : bottom - band_h_;
  }

  /// Point events whose anchors fall in the same stretch of axis one label width wide
  /// (stretches counted from the left end of the chart) form a group; a group of
  /// `list_min` or more is drawn as a list (one flag whose label stacks every event's
  /// label, under a bracket over their stretch of axis), so a dense stretch grows one list
  /// instead of a staircase as tall as it is long. Fixed stretches keep grouping stable:
  /// an added event can only change the group of its own stretch.
  struct Group {
    std::size_t first, last;  // point indices, inclusive
    bool list() const { return last - first + 1 >= list_min; }
    static constexpr std::size_t list_min = 5;
  };

  std::vector<Group> group_points(const std::vector<double>& xs) const {
    std::vector<Group> groups;
    const double bin = std::max(1.0, st_.label.max_width);
    auto bin_of = [&](double x) { return std::floor((x - x_min_) / bin); };
    for (std::size_t i = 0; i < xs.size();) {
      std::size_t j = i;
      while (j + 1 < xs.size() && bin_of(xs[j + 1]) == bin_of(xs[i])) ++j;
      Group g{i, j};
      if (g.list()) {
        groups.push_back(g);
      } else {
        for (std::size_t k = i; k <= j; ++k) groups.push_back({k, k});
      }
      i = j + 1;
    }
    return groups;
  }

  void point_labels(Chart& c, double spans_h) {
    const double r = st_.axis.marker_radius, item_gap = 3;
    double largest_r = r;  // of the markers drawn here
    std::vector<const Event*> points;
    std::vector<double> xs;
    for (const auto& e : tl_.events) {
      if (e.is_span()) continue;
      points.push_back(&e);
      xs.push_back(scale_.x(e.anchor()));
    }
    const std::vector<Group> groups = group_points(xs);
    auto group_radius = [&](const Group& g) {  // labels and brackets clear its largest marker
      double gr = r;
      for (std::size_t k = g.first; k <= g.last; ++k) gr = std::max(gr, marker_radius(*points[k], st_));
      return gr;
    };
    std::vector<LabelRequest> reqs;
    for (const auto& g : groups) {
      LabelRequest q;
      q.x = xs[g.first];
      const double group_r = group_radius(g);
      for (std::size_t k = g.first; k <= g.last; ++k) {
        q.width = std::max(q.width, blocks_[k].width);
        q.height += blocks_[k].height + (k > g.first ? item_gap : 0);
      }
      largest_r = std::max(largest_r, group_r);
      q.min_distance_above = group_r + 4;
      q.min_distance_below = spans_h + group_r + 4;
      Box pole_path{q.x - 0.5, band_h_, 1, spans_h + r};
      for (const Box& sb : span_boxes_) q.below_allowed = q.below_allowed && !sb.intersects(pole_path);
      if (above_only_) q.below_allowed = false;
      reqs.push_back(q);
    }
    PlacementOptions opt;
    opt.band_height = band_h_;
    opt.x_min = x_min_;
    opt.x_max = x_max_;
    opt.padding = st_.label.padding;
    std::vector<PlacedLabel> placed = place_labels(reqs, opt);
    std::vector<Item> leaders, markers, labels, whiskers;
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
      const Group& g = groups[gi];
      const PlacedLabel& p = placed[gi];
      const double edge = p.side == Side::Above ? 0 : band_h_;
      const Event& head = *points[g.first];
      Item lead{ItemKind::Leader};
      lead.event = head.id;
      lead.box = p.pole;
      lead.points = {{xs[g.first], edge}, {xs[g.first], p.side == Side::Above ? p.box.y : p.box.bottom()}};
      if (g.list()) {  // a list's leader speaks for several events: muted
        lead.stroke = with_alpha(st_.colors.muted, "99");
        lead.line_width = 0.8;
      } else {
        style_event_leader(lead, head, color_of(head));
      }
      lead.segment = scale_.segment_of(head.anchor());
      leaders.push_back(lead);
      if (g.list()) {  // the bracket: which stretch of axis the list speaks of
        Item bracket{ItemKind::Leader};
        bracket.event = head.id;
        // Beside the band; below it with span rows there, just over the list instead.
        const double gr = group_radius(g);
        const double y = p.side == Side::Above ? edge - gr - 2 : spans_h > 0 ? p.box.y - 2 : edge + gr + 2;
        bracket.points = {{xs[g.first], y}, {xs[g.last], y}};
        bracket.box = {xs[g.first], y - 0.5, xs[g.last] - xs[g.first], 1};
        bracket.stroke = with_alpha(st_.colors.muted, "99");
        bracket.line_width = 1;
        bracket.segment = lead.segment;
        leaders.push_back(bracket);
      }
      double y = p.box.y;
      const bool flipped = p.box.x < xs[g.first];  // label left of its pole: text hugs the pole
      for (std::size_t k = g.first; k <= g.last; ++k) {
        const Event& e = *points[k];
        const int seg = scale_.segment_of(e.anchor());
        const std::string color = color_of(e);
        const double x0 = scale_.x(e.first()), x1 = scale_.x(e.last());
        if (x1 - x0 > 2 * r + 2) {  // the date's precision, shown as the stretch it covers
          Item w{ItemKind::Precision};
          w.event = e.id;
          w.box = {x0, edge - 1.5, x1 - x0, 3};
          w.fill = with_alpha(color, "77");
          w.segment = seg;
          whiskers.push_back(w);
        }
        markers.push_back(marker_item(e, {xs[k], edge}, st_, color, seg));
        Item lab{ItemKind::Label};
        lab.event = e.id;
        lab.text = e.title;
        lab.lines = blocks_[k].lines;
        const double right = p.box.right();
        for (auto& l : lab.lines) {
          l.x = flipped ? right - l.width : l.x + p.box.x;
          l.y += y;
        }
        lab.box = {flipped ? right - blocks_[k].width : p.box.x, y, blocks_[k].width, blocks_[k].height};
        lab.anchor = {xs[k], edge};
        lab.segment = seg;
        lab.milestone = e.milestone;
        labels.push_back(lab);
        y += blocks_[k].height + item_gap;
      }
      c.top = std::min(c.top, p.box.y);
      c.bottom = std::max(c.bottom, p.box.bottom());
    }
    milestones_on_top(markers);
    c.top = std::min(c.top, -largest_r - 4);
    c.bottom = std::max(c.bottom, band_h_ + largest_r + 4);
    for (auto* group : {&whiskers, &leaders, &markers, &labels})
      c.items.insert(c.items.end(), group->begin(), group->end());
  }

  /// Era bands (behind everything) and their titles in rows above the chart; returns
  /// the height of those rows.
  double build_eras(Chart& c, std::vector<Item>& labels) {
    if (tl_.eras.empty()) return 0;
    const Font font = font_of(st_, st_.fonts.small, true);
    const double lh = m_.line_height(font);
    std::vector<double> row_end;
    for (const auto& era : tl_.eras) {
      const double x0 = scale_.x(era.start.from), x1 = std::max(scale_.x(era.end.to), x0 + 2);
      Item band{ItemKind::Era};
      band.text = era.title;
      band.box = {x0, 0, x1 - x0, 0};
      band.fill = era.track >= 0 ? with_alpha(colors_[era.track], "22") : st_.colors.era;
      c.back.push_back(band);
      double tw = m_.width(era.title, font);
      double lx = tw + 8 <= x1 - x0 ? (x0 + x1 - tw) / 2 : x0 + 2;
      lx = std::clamp(lx, x_min_, x_max_ - tw);
      std::size_t row = 0;
      while (row < row_end.size() && row_end[row] + 8 > lx) ++row;
      if (row == row_end.size()) row_end.push_back(0);
      row_end[row] = lx + tw;
      Item lab{ItemKind::EraLabel};
      lab.text = era.title;
      lab.lines = {{era.title, lx, double(row) * (lh + 2), tw, lh, font, st_.colors.era_text, ""}};
      lab.box = bounds_of(lab.lines);
      labels.push_back(lab);
    }
    return double(row_end.size()) * (lh + 2) + 6;
  }

  const model::Timeline& tl_;
  const style::Style& st_;
  TextMeasurer& m_;
  std::vector<std::string> colors_;
  const model::Timeline* legend_;  ///< what the footer's legend describes
  TimeScale scale_;
  double band_h_ = 20;
  double x_min_ = 0, x_max_ = 0;
  std::vector<Box> span_boxes_;
  std::vector<TextBlock> blocks_;
  double widest_label_ = 0;
  bool above_only_ = false;  ///< in a lane: flags stand above its line
  std::optional<std::pair<Seconds, Seconds>> window_;  ///< an inset's stretch of time
};

}  // namespace

const char* item_kind_name(ItemKind k) {
  static constexpr const char* names[] = {"title",   "subtitle", "era",    "era-label", "axis",
                                          "axis-break", "tick",  "tick-label", "precision", "bar",
                                          "marker",  "leader",   "label",  "legend",    "source",
                                          "running-header", "page-number", "lane", "lane-header", "lane-line",
                                          "inset-window", "guide"};
  return names[static_cast<int>(k)];
}

Scene layout_page(const model::Timeline& timeline, const style::Style& style, TextMeasurer& measure,
                  const model::Timeline* legend) {
  if (style.layout.orientation == "vertical") return layout_vertical(timeline, style, measure, legend);
  measure.measure_ahead(label_requests(timeline, style, style.label.max_width, true));
  Layouter layouter(timeline, style, measure);
  if (legend) layouter.legend_of(*legend);
  return layouter.run();
}

}  // namespace chronicle::layout
