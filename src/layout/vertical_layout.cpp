// The vertical orientation (time runs down the page); see layout.h.
#include <algorithm>
#include <cmath>

#include "layout/layout.h"
#include "layout/page_blocks.h"
#include "layout/ticks.h"
#include "layout/time_scale.h"

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

}  // namespace

Scene layout_vertical(const model::Timeline& tl, const style::Style& st, TextMeasurer& m,
                      const model::Timeline* legend) {
  Scene scene;
  scene.width = st.page.width;
  scene.background = st.page.background;
  scene.info = {tl.title, tl.subtitle, tl.author, ""};
  scene.orientation = "vertical";
  const double margin = st.page.margin, r = st.axis.marker_radius, pad = st.label.padding;
  const auto colors = track_colors(tl, st);
  auto color_of = [&](const Event& e) { return e.track >= 0 ? colors[e.track] : std::string(no_track_color); };

  std::vector<Item> header, footer;
  const double top = header_items(tl, st, m, header);
  const double footer_h = footer_items(legend ? *legend : tl, st, colors, margin, st.page.width - 2 * margin, m, footer);

  // Columns, left to right: era titles, span lanes, the axis band, leaders, labels.
  const Font era_font = font_of(st, st.fonts.small, true);
  double era_w = 0;
  for (const auto& era : tl.eras) era_w = std::max(era_w, std::min(110.0, m.width(era.title, era_font)));
  double x = margin;
  const double era_x = x;
  if (era_w > 0) x += era_w + 8;
  std::vector<int> lane(tl.events.size(), -1);
  std::vector<model::Seconds> lane_end;
  for (std::size_t i = 0; i < tl.events.size(); ++i) {
    const Event& e = tl.events[i];
    if (!e.is_span()) continue;
    constexpr std::size_t max_lanes = 8;  // beyond, spans share the lane that ends first
    std::size_t l = 0;
    while (l < lane_end.size() && lane_end[l] > e.first()) ++l;
    if (l == lane_end.size() && l == max_lanes)
      l = std::size_t(std::min_element(lane_end.begin(), lane_end.end()) - lane_end.begin());
    if (l == lane_end.size()) lane_end.push_back(0);
    lane_end[l] = e.last();
    lane[i] = int(l);
  }
  const double lanes_x = x;
  if (!lane_end.empty()) x += double(lane_end.size()) * 7 + 4;
  const Font tick_font = font_of(st, st.fonts.tick, true);
  const double big_r = largest_marker_radius(tl, st);  // markers clear the tick labels
  const double band_x = x, band_w = m.width("30 Sep 2024", tick_font) + 2 * (big_r + 3), edge = band_x + band_w;
  const double label_x = edge + 36, label_w = std::max(80.0, st.page.width - margin - label_x);

  m.measure_ahead(label_requests(tl, st, label_w, false));
  std::vector<TextBlock> blocks;
  for (const auto& e : tl.events) blocks.push_back(event_label_block(tl, st, e, color_of(e), label_w, m));

  // The axis length: what the page gives, stretched until every label sits beside its
  // marker or just below the label before it, within the axis.
  std::vector<TimeExtent> ext;
  for (const auto& e : tl.events) ext.push_back({e.anchor(), e.first(), e.last()});
  ScaleOptions opt;
  opt.break_gap = st.axis.break_gap;
  opt.allow_breaks = st.axis.scale != "linear";
  double length = std::max(200.0, st.page.height - top - footer_h - margin - 40);
  TimeScale scale;
  std::vector<double> label_top(tl.events.size());
  for (int round = 0; round < 6; ++round) {
    opt.x0 = 0;
    opt.x1 = length;
    scale = make_time_scale(ext, opt);
    double bottom = -1e18;
    for (std::size_t i = 0; i < tl.events.size(); ++i) {
      const double first_line = blocks[i].lines.empty() ? 0 : blocks[i].lines.front().height;
      label_top[i] = std::max(scale.x(tl.events[i].anchor()) - first_line / 2, bottom + pad);
      bottom = label_top[i] + blocks[i].height;
    }
    if (bottom <= length + 20) break;
    length = bottom + 20;
  }
  double chart_bottom = length;
  for (std::size_t i = 0; i < tl.events.size(); ++i) chart_bottom = std::max(chart_bottom, label_top[i] + blocks[i].height);
  const double chart_top = top + 8 + (tl.eras.empty() ? 0 : 4);

  std::vector<Item> back, items, leaders, markers, labels;
  // Eras: bands behind everything, titles in the left column.
  double era_label_bottom = -1e18;
  for (const auto& era : tl.eras) {
    const double y0 = scale.x(era.start.from), y1 = std::max(scale.x(era.end.to), y0 + 2);
    Item band{ItemKind::Era};
    band.text = era.title;
    band.box = {band_x, y0, st.page.width - margin - band_x, y1 - y0};
    band.fill = era.track >= 0 ? with_alpha(colors[era.track], "22") : st.colors.era;
    back.push_back(band);
    TextBlock t = text_block(era.title, era_font, st.colors.era_text, era_w, m);
    const double ty = std::max(y0, era_label_bottom + 4);
    translate(t, era_x, ty);
    Item lab{ItemKind::EraLabel};
    lab.text = era.title;
    lab.lines = t.lines;
    lab.box = bounds_of(t.lines);
    era_label_bottom = lab.box.bottom();
    chart_bottom = std::max(chart_bottom, era_label_bottom);
    items.push_back(lab);
  }
  // The axis band, its ticks and breaks.
  HeightAsWidth stacked(m);
  const double tick_lh = m.line_height(tick_font);
  for (std::size_t s = 0; s < scale.segments.size(); ++s) {
    const Segment& seg = scale.segments[s];
    Item band{ItemKind::Axis};
    band.box = {band_x, seg.x0, band_w, seg.x1 - seg.x0};
    band.fill = st.colors.axis;
    band.segment = int(s);
    items.push_back(band);
    SegmentTicks ticks = make_ticks(seg, scale, stacked, tick_font);
    for (const auto& mark : ticks.marks) {
      Item t{ItemKind::Tick};
      t.points = {{band_x, mark.x}, {band_x + 4, mark.x}};
      t.box = {band_x, mark.x - 0.4, 4, 0.8};
      t.stroke = with_alpha(st.page.background, "88");
      t.line_width = 0.8;
      t.segment = int(s);
      items.push_back(t);
    }
    for (const auto& lab : ticks.labels) {
      const double w = m.width(lab.text, tick_font);
      if (w > band_w - 2 * (r + 2)) continue;  // clear of the markers on the band's edge
      Item t{ItemKind::TickLabel};
      t.text = lab.text;
      t.lines = {{lab.text, band_x + (band_w - w) / 2, lab.x - tick_lh / 2, w, tick_lh, tick_font, st.page.background, ""}};
      t.box = bounds_of(t.lines);
      t.segment = int(s);
      items.push_back(t);
    }
    if (s + 1 < scale.segments.size()) {
      Item br{ItemKind::AxisBreak};
      const double a = seg.x1, b = scale.segments[s + 1].x0, mid = (a + b) / 2;
      br.box = {band_x - 3, a, band_w + 6, b - a};
      br.points = {{band_x - 3, mid - 5}, {edge + 3, mid - 1}, {band_x - 3, mid + 1}, {edge + 3, mid + 5}};
      br.stroke = st.colors.axis;
      br.line_width = 1.4;
      items.push_back(br);
    }
  }
  // Events: span bars, precision bars, markers, elbow leaders, labels.
  for (std::size_t i = 0; i < tl.events.size(); ++i) {
    const Event& e = tl.events[i];
    const std::string color = color_of(e);
    const int seg = scale.segment_of(e.anchor());
    const double ya = scale.x(e.anchor()), y0 = scale.x(e.first()), y1 = scale.x(e.last());
    if (lane[i] >= 0) {
      Item bar{ItemKind::Bar};
      bar.event = e.id;
      bar.box = {lanes_x + lane[i] * 7, y0, 5, std::max(y1 - y0, 3.0)};
      bar.fill = color;
      bar.segment = seg;
      items.push_back(bar);
    } else if (y1 - y0 > 2 * r + 2) {
      Item w{ItemKind::Precision};
      w.event = e.id;
      w.box = {edge - 1.5, y0, 3, y1 - y0};
      w.fill = with_alpha(color, "77");
      w.segment = seg;
      items.push_back(w);
    }
    markers.push_back(marker_item(e, {edge, ya}, st, color, seg));
    const double yl = label_top[i] + (blocks[i].lines.empty() ? 0 : blocks[i].lines.front().height / 2);
    Item lead{ItemKind::Leader};
    lead.event = e.id;
    const double er = marker_radius(e, st);
    lead.points = {{edge + er, ya}, {edge + std::max(12.0, er + 4), ya}, {label_x - 12, yl}, {label_x - 3, yl}};
    lead.box = bounds_of_points(lead.points);
    style_event_leader(lead, e, color);
    lead.segment = seg;
    leaders.push_back(lead);
    Item lab{ItemKind::Label};
    lab.event = e.id;
    lab.text = e.title;
    lab.lines = blocks[i].lines;
    for (auto& l : lab.lines) {
      l.x += label_x;
      l.y += label_top[i];
    }
    lab.box = {label_x, label_top[i], blocks[i].width, blocks[i].height};
    lab.anchor = {edge, ya};
    lab.segment = seg;
    lab.milestone = e.milestone;
    labels.push_back(lab);
  }

  milestones_on_top(markers);
  // Page: header, chart from the top, footer at the foot; the page grows when needed.
  const double footer_y = std::max(chart_top + chart_bottom + 22, st.page.height - margin - footer_h);
  scene.height = page_height_for(footer_y + footer_h + margin, st.page.height);
  for (auto* group : {&back, &items, &leaders, &markers, &labels}) append_shifted(scene.items, *group, chart_top);
  append_shifted(scene.items, header, 0);
  append_shifted(scene.items, footer, footer_y);
  finish_scene(tl, scene);
  return scene;
}

}  // namespace chronicle::layout
