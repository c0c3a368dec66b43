#include "layout/page_layout.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "layout/chart.h"
#include "layout/layout.h"
#include "layout/layout_constants.h"
#include "model/date/format_date_label.h"

namespace chronicle::layout {

AssembledPage assemble_page(const PageFrame& page, Block header, std::vector<Block> body, Block footer,
                            bool centre_body) {
  AssembledPage out;
  double body_h = 0;
  for (const Block& b : body) body_h += b.height;
  const double gap = footer.items.empty() ? 0 : page.footer_gap;
  out.needed = header.height + body_h + gap + footer.height + page.margin;
  out.height = page_height_for(out.needed, page.height);
  const double spare = std::max(0.0, out.height - out.needed);
  double y = header.height + (centre_body ? spare / 2 : 0);
  for (Block& b : body) {
    append_shifted(out.items, std::move(b.items), y);
    y += b.height;
  }
  append_shifted(out.items, std::move(header.items), 0);
  append_shifted(out.items, std::move(footer.items), std::max(y + gap, out.height - page.margin - footer.height));
  return out;
}

bool fits(const Scene& page, const style::Style& st) {
  return page.height <= st.page.height + k::fit_tolerance && page.width <= st.page.width + k::fit_tolerance &&
         page.fit.crossings == 0;
}

/// The detail inset of a fit that needs one: the window holding the most events within
/// k::detail_cluster_share of the timeline's span, when at least k::detail_cluster_min.
std::optional<model::Inset> crowded_cluster(const model::Timeline& tl) {
  const auto& ev = tl.events;
  if (ev.size() < k::detail_cluster_min) return std::nullopt;
  const Seconds total = ev.back().anchor() - ev.front().anchor();
  if (total <= 0) return std::nullopt;
  const auto reach = Seconds(double(total) * k::detail_cluster_share);
  std::size_t best = 0, most = 0;
  for (std::size_t i = 0, j = 0; i < ev.size(); ++i) {
    j = std::max(j, i);
    while (j + 1 < ev.size() && ev[j + 1].anchor() - ev[i].anchor() <= reach) ++j;
    if (j - i + 1 > most) most = j - i + 1, best = i;
  }
  // Its outliers off: an end event further from the rest than the rest's own span.
  while (most > k::detail_cluster_min) {
    const Seconds inner = ev[best + most - 2].anchor() - ev[best + 1].anchor();
    if (ev[best + most - 1].anchor() - ev[best + most - 2].anchor() > std::max<Seconds>(inner, 1)) --most;
    else if (ev[best + 1].anchor() - ev[best].anchor() > std::max<Seconds>(inner, 1)) ++best, --most;
    else break;
  }
  if (most < k::detail_cluster_min || most == ev.size()) return std::nullopt;
  const Seconds from = ev[best].anchor(), to = ev[best + most - 1].anchor();
  const Seconds pad = std::max<Seconds>((to - from) / 8, 60);
  model::Inset w;  // (not past the neighbours outside the cluster)
  w.start.from = w.start.to = best > 0 ? std::max(from - pad, (ev[best - 1].anchor() + from) / 2 + 1) : from - pad;
  w.end.from = w.end.to =
      best + most < ev.size() ? std::min(to + pad, (to + ev[best + most].anchor()) / 2) : to + pad;
  w.start.precision = w.end.precision = model::Precision::Day;
  return w;
}

namespace {

using model::Event;

std::vector<const Event*> events_of(const model::Timeline& tl, int track, bool any_track) {
  std::vector<const Event*> out;
  for (const auto& e : tl.events)
    if (any_track || e.track == track) out.push_back(&e);
  return out;
}

/// A request for a chart of every event of `tl` over the page's content width.
ChartRequest page_request(const model::Timeline& tl, const style::Style& st, const std::vector<std::string>& colors,
                          const PageOptions& opt) {
  ChartRequest r;
  r.clip = opt.clip;
  r.list_min = opt.list_min;
  r.list_stretch = opt.list_stretch;
  r.staircase = opt.staircase;
  r.balance_lists = opt.balance_lists;
  r.detailed = opt.detailed;
  r.timeline = &tl;
  r.style = &st;
  r.track_colors = &colors;
  r.events = events_of(tl, -1, true);
  r.x_min = st.page.margin;
  r.x_max = st.page.width - st.page.margin;
  return r;
}

/// An era's band: its stretch of the axis, from v0 across dv.
Item era_band(const model::Era& era, const TimeScale& scale, const Frame& f, double v0, double dv,
              const style::Style& st, const std::vector<std::string>& colors) {
  const double u0 = scale.x(era.start.from), u1 = std::max(scale.x(era.end.to), u0 + 2);
  Item band{ItemKind::Era};
  band.text = era.title;
  band.box = f.box(u0, v0, u1 - u0, dv);
  band.fill = era.track >= 0 ? with_alpha(colors[std::size_t(era.track)], "22") : st.color.era;
  return band;
}

Item era_label(const model::Era& era, const TextBlock& t) {
  Item lab{ItemKind::EraLabel};
  lab.text = era.title;
  lab.lines = t.lines;
  lab.box = bounds_of(t.lines);
  return lab;
}

/// Horizontal: era titles in rows above the chart, each centred over its band when it fits
/// there; returns the titles (y from 0) and the rows' height.
Block era_rows(const model::Timeline& tl, const TimeScale& scale, double x_min, double x_max, const style::Style& st,
               TextMeasurer& m) {
  Block out;
  if (tl.eras.empty()) return out;
  const Font font = font_of(st, st.font.small, true);
  const double lh = m.line_height(font);
  std::vector<double> row_end;
  for (const auto& era : tl.eras) {
    const double x0 = scale.x(era.start.from), x1 = std::max(scale.x(era.end.to), x0 + 2);
    const double tw = m.width(era.title, font);
    double lx = tw + k::era_title_gap <= x1 - x0 ? (x0 + x1 - tw) / 2 : x0 + 2;
    lx = std::max(x_min, std::min(lx, x_max - tw));
    std::size_t row = 0;
    while (row < row_end.size() && row_end[row] + k::era_title_gap > lx) ++row;
    if (row == row_end.size()) row_end.push_back(0);
    row_end[row] = lx + tw;
    TextBlock t{{{era.title, lx, double(row) * (lh + k::era_row_gap), tw, lh, font, st.color.era_text, "", {}, {}}}, tw, lh};
    out.items.push_back(era_label(era, t));
  }
  out.height = double(row_end.size()) * (lh + k::era_row_gap) + k::era_rows_pad;
  return out;
}

/// The body of a horizontal page: its block, and where its axis band lies (for an inset).
struct Body {
  Block block;
  TimeScale scale;
  double axis_top = 0, axis_h = 0;  ///< block coordinates
};

/// One axis band for every event, era titles in rows above, era bands behind.
Body band_body(const model::Timeline& tl, const style::Style& st, const std::vector<std::string>& colors,
               double room, const PageOptions& opt, TextMeasurer& m) {
  ChartRequest r = page_request(tl, st, colors, opt);
  r.list_height = opt.list_share * room;
  Chart c = layout_chart(r, m);
  Block eras = era_rows(tl, c.scale, r.x_min, r.x_max, st, m);
  const double band_top = eras.height - c.top;  // the chart's y = 0
  Body out;
  for (const auto& era : tl.eras) out.block.items.push_back(era_band(era, c.scale, r.frame, 0, band_top + c.bottom, st, colors));
  append_shifted(out.block.items, std::move(eras.items), 0);
  append_shifted(out.block.items, std::move(c.items), band_top);
  out.block.height = eras.height + c.bottom - c.top;
  out.block.crossings = c.crossings;
  out.scale = c.scale;
  out.axis_top = band_top;
  out.axis_h = c.band;
  return out;
}

/// Swimlanes: a lane per track (then one for events on no track), each a chart of its own
/// events over one shared scale, its header in a column at the left; one axis band under
/// all lanes; eras across every lane, or within their track's lane.
Body lanes_body(const model::Timeline& tl, const style::Style& st, const std::vector<std::string>& colors,
                double room, const PageOptions& opt, TextMeasurer& m) {
  const double margin = st.page.margin, content_w = st.page.width - 2 * margin;
  struct Lane {
    std::string title, color;
    int track;
    TextBlock head;
    Chart chart;
  };
  std::vector<Lane> lanes;
  const Font head_font = font_of(st, st.font.label, true);
  const double head_max = std::min(k::lane_header_max, content_w / 6);
  double head_w = 0;
  for (int t = 0; t <= int(tl.tracks.size()); ++t) {
    const int track = t < int(tl.tracks.size()) ? t : -1;
    const bool has_events = std::any_of(tl.events.begin(), tl.events.end(), [&](const Event& e) { return e.track == track; });
    if (!has_events && !(track >= 0 && tl.events.empty())) continue;
    Lane lane{track >= 0 ? tl.tracks[std::size_t(track)].title : "Other",
              track >= 0 ? colors[std::size_t(track)] : colors.back(), track, {}, {}};
    lane.head = text_block(lane.title, head_font, lane.color, head_max, m);
    head_w = std::max(head_w, lane.head.width);
    lanes.push_back(std::move(lane));
  }
  ChartRequest all = page_request(tl, st, colors, opt);
  all.x_min = margin + head_w + 16;  // the header column, then the charts
  const TimeScale scale = chart_scale(all, widest_label(all, m));
  for (auto& lane : lanes) {
    ChartRequest r = all;
    r.events = events_of(tl, lane.track, false);
    r.scale = &scale;
    r.band = false;
    r.list_height = opt.list_share * room / double(lanes.size());
    lane.chart = layout_chart(r, m);
  }
  const Font tick_font = font_of(st, st.font.tick, true);
  const double band_h = m.line_height(tick_font) + 8;
  Block eras = era_rows(tl, scale, all.x_min, all.x_max, st, m);

  Body out;
  for (const auto& lane : lanes) out.block.crossings += lane.chart.crossings;
  std::vector<Item> back, front;
  double y = eras.height;
  std::vector<double> lane_y(lanes.size()), lane_h(lanes.size());
  for (std::size_t i = 0; i < lanes.size(); ++i) {
    Chart& c = lanes[i].chart;
    const double pad = opt.compact ? k::lane_pad / 2 : k::lane_pad;
    const double h = std::max(c.bottom - c.top, lanes[i].head.height) + 2 * pad;
    lane_y[i] = y;
    lane_h[i] = h;
    Item bg{ItemKind::Lane};
    bg.text = lanes[i].title;
    bg.box = {margin, y, content_w, h};
    bg.fill = blend(lanes[i].color, st.page.background, i % 2 == 0 ? 0.05 : 0.08);
    back.push_back(bg);
    const double line_y = y + pad + std::max(0.0, (h - 2 * pad - (c.bottom - c.top)) / 2) - c.top;
    for (std::size_t sg = 0; sg < scale.segments.size(); ++sg) {  // the lane's line, broken where the axis is
      const auto& seg = scale.segments[sg];
      Item line{ItemKind::LaneLine};
      line.box = {seg.x0, line_y - 0.5, seg.x1 - seg.x0, 1};
      line.points = {{seg.x0, line_y}, {seg.x1, line_y}};
      line.stroke = blend(lanes[i].color, bg.fill, 0.4);
      line.line_width = st.axis.line_width;
      line.segment = int(sg);
      back.push_back(line);
    }
    TextBlock head = lanes[i].head;
    translate(head, margin + 8, std::clamp(line_y - head.height / 2, y + pad, y + h - pad - head.height));
    Item hd{ItemKind::LaneHeader};
    hd.text = lanes[i].title;
    hd.lines = head.lines;
    hd.box = bounds_of(head.lines);
    front.push_back(hd);
    append_shifted(front, std::move(c.items), line_y);
    y += h;
  }
  const double axis_y = y + k::lane_axis_gap;
  for (const auto& era : tl.eras) {
    double top = eras.height, bottom = axis_y + band_h;
    for (std::size_t i = 0; i < lanes.size(); ++i)
      if (era.track >= 0 && era.track == lanes[i].track) top = lane_y[i], bottom = lane_y[i] + lane_h[i];
    back.push_back(era_band(era, scale, all.frame, top, bottom - top, st, colors));
  }
  out.block.items = std::move(back);
  append_shifted(out.block.items, std::move(eras.items), 0);
  append_shifted(out.block.items, std::move(front), 0);
  append_shifted(out.block.items, axis_band(scale, all.frame, band_h, 0, st, m), axis_y);
  out.block.height = axis_y + band_h;
  out.scale = scale;
  out.axis_top = axis_y;
  out.axis_h = band_h;
  return out;
}

/// The input's first inset; or, with layout.inset "auto" on a linear axis, the tightest
/// run of at least k::inset_run events when the axis gives it less than 2 % of its length;
/// or, as a fit freedom (opt.detail_cluster), the crowdest cluster (its labels then move
/// into the inset: `moves_labels`).
std::optional<model::Inset> choose_inset(const model::Timeline& tl, const style::Style& st, const PageOptions& opt,
                                         bool* moves_labels = nullptr) {
  if (moves_labels) *moves_labels = false;
  if (st.layout.inset == "none" || tl.events.empty()) return std::nullopt;
  if (!tl.insets.empty()) return tl.insets.front();
  if (opt.detail_cluster && !opt.clip)
    if (auto w = crowded_cluster(tl)) {
      if (moves_labels) *moves_labels = true;
      return w;
    }
  if (st.axis.scale != "linear" || tl.events.size() < k::inset_min_events) return std::nullopt;
  const auto& ev = tl.events;
  const Seconds total = ev.back().anchor() - ev.front().anchor();
  if (total <= 0) return std::nullopt;
  const std::size_t run = k::inset_run - 1;
  std::size_t best = 0;
  Seconds best_span = total;
  for (std::size_t i = 0; i + run < ev.size(); ++i) {
    const Seconds span = ev[i + run].anchor() - ev[i].anchor();
    if (span < best_span) best_span = span, best = i;
  }
  if (double(best_span) >= k::inset_crushed_share * double(total)) return std::nullopt;
  std::size_t last = best + run;  // take in the neighbours as close as the run is tight
  while (last + 1 < ev.size() && ev[last + 1].anchor() - ev[best].anchor() <= 2 * std::max<Seconds>(best_span, 1)) ++last;
  const Seconds pad = std::max<Seconds>((ev[last].anchor() - ev[best].anchor()) / 8, 60);
  model::Inset w;
  w.start.from = w.start.to = ev[best].anchor() - pad;
  w.end.from = w.end.to = ev[last].anchor() + pad;
  w.start.precision = w.end.precision = model::Precision::Day;
  return w;
}

/// A detail inset under the main chart: the window marked on the main axis (`axis_top` and
/// `axis_h`, in this block's coordinates: above it), guide lines from there to the inset's
/// axis ends, its title, and its chart: a linear axis over the content width.
std::optional<Block> inset_block(const model::Timeline& tl, const style::Style& st,
                                 const std::vector<std::string>& colors, const Body& main,
                                 const std::optional<model::Inset>& w, const PageOptions& opt, TextMeasurer& m) {
  if (!w) return std::nullopt;
  PageOptions own = opt;  // the page's freedoms for lists (each list in one column: the inset has the width); its own window
  own.clip.reset();
  own.detailed.reset();
  ChartRequest r = page_request(tl, st, colors, own);
  r.events.clear();
  for (const auto& e : tl.events)
    if (e.anchor() >= w->start.from && e.anchor() < w->end.to) r.events.push_back(&e);
  if (r.events.empty()) return std::nullopt;
  r.window = Window{w->start.from, w->end.to};
  const Chart chart = layout_chart(r, m);
  std::string title = w->title;
  if (title.empty()) {
    model::DateValue a = w->start, b = w->end;
    a.casual = b.casual = false;
    title = "Detail: " + model::format_span_label(a, b);
  }
  TextBlock head = text_block(title, font_of(st, st.font.small, true), st.color.muted, 0, m);

  Block out;
  const double axis_top = main.axis_top - main.block.height, axis_h = main.axis_h;
  const double x0 = main.scale.x(w->start.from), x1 = std::max(main.scale.x(w->end.to), x0 + 4);
  Item win{ItemKind::InsetWindow};
  win.box = {x0 - 2, axis_top - 2, x1 - x0 + 4, axis_h + 4};
  win.points = {{win.box.x, win.box.y}, {win.box.right(), win.box.y}, {win.box.right(), win.box.bottom()},
                {win.box.x, win.box.bottom()}, {win.box.x, win.box.y}};
  win.fill = with_alpha(st.color.muted, "22");
  win.stroke = st.color.muted;
  win.line_width = 1;
  win.inset = true;
  out.items.push_back(win);
  const double title_y = k::inset_gap;
  translate(head, st.page.width / 2 - head.width / 2, title_y);  // centred, clear of the guides
  Item t{ItemKind::EraLabel};
  t.text = head.lines.empty() ? "" : head.lines.front().text;
  t.lines = head.lines;
  t.box = bounds_of(t.lines);
  t.inset = true;
  out.items.push_back(t);
  const double band_top = title_y + head.height + 4 - chart.top;
  double ix0 = 1e300, ix1 = -1e300;
  for (const auto& it : chart.items)
    if (it.kind == ItemKind::Axis) ix0 = std::min(ix0, it.box.x), ix1 = std::max(ix1, it.box.right());
  for (int end = 0; end < 2; ++end) {  // guides: from under the main chart to above the inset's axis ends
    Item g{ItemKind::Guide};
    const double from_x = end == 0 ? x0 : x1, to_x = end == 0 ? ix0 : ix1, to_y = title_y - 4;
    g.points = {{from_x, 4}, {to_x, to_y}};
    g.box = {std::min(from_x, to_x), 4, std::abs(to_x - from_x) + 0.5, to_y - 4};
    g.stroke = with_alpha(st.color.muted, "99");
    g.line_width = 0.8;
    g.inset = true;
    out.items.push_back(g);
  }
  for (Item it : chart.items) {
    shift(it, band_top);
    it.inset = true;
    out.items.push_back(std::move(it));
  }
  out.height = title_y + head.height + 4 + (chart.bottom - chart.top);
  out.crossings = chart.crossings;
  return out;
}

/// Vertical: the chart from the top of the body, era titles in a column at its left, era
/// bands from the axis band to the right edge.
Block vertical_body(const model::Timeline& tl, const style::Style& st, const std::vector<std::string>& colors,
                    double room, const PageOptions& opt, TextMeasurer& m) {
  ChartRequest r = page_request(tl, st, colors, opt);
  r.frame.orientation = Orientation::Vertical;
  const Font era_font = font_of(st, st.font.small, true);
  for (const auto& era : tl.eras) r.era_column = std::max(r.era_column, std::min(k::era_column_max, m.width(era.title, era_font)));
  const double pad = 8 + (tl.eras.empty() ? 0 : 4);
  r.length = room - k::column_axis_slack;
  Chart c = layout_chart(r, m);
  std::vector<Item> bands, labels;
  double bottom = c.bottom, label_bottom = -1e18;
  for (const auto& era : tl.eras) {
    bands.push_back(era_band(era, c.scale, r.frame, c.band_at, r.x_max - c.band_at, st, colors));
    TextBlock t = text_block(era.title, era_font, st.color.era_text, r.era_column, m);
    translate(t, r.x_min, std::max(c.scale.x(era.start.from), label_bottom + 4));
    labels.push_back(era_label(era, t));
    label_bottom = labels.back().box.bottom();
    bottom = std::max(bottom, label_bottom);
  }
  Block out;
  for (auto* group : {&bands, &labels}) append_shifted(out.items, std::move(*group), pad);
  append_shifted(out.items, std::move(c.items), pad);
  out.height = pad + bottom;
  return out;
}

}  // namespace

Scene layout_page(const model::Timeline& tl, const style::Style& st, TextMeasurer& m, const PageOptions& opt) {
  Scene scene;
  scene.width = st.page.width;
  scene.background = st.page.background;
  scene.info = {tl.title, tl.subtitle, tl.author, ""};
  const bool vertical = st.layout.orientation == "vertical";
  if (vertical) scene.orientation = "vertical";
  const std::vector<std::string> colors = track_colors(tl, st);
  const double margin = st.page.margin;
  Block header, footer;
  header.height = header_items(tl, st, m, header.items, opt.compact ? k::header_gap / 2 : k::header_gap);
  footer.height = footer_items(opt.legend ? *opt.legend : tl, st, colors, margin, st.page.width - 2 * margin, m, footer.items);
  std::vector<Block> body;
  if (vertical) {
    body.push_back(vertical_body(tl, st, colors, st.page.height - header.height - footer.height - margin, opt, m));
  } else {
    m.measure_ahead(label_requests(tl, events_of(tl, -1, true), st, st.label.max_width, true));
    const double room = st.page.height - header.height - footer.height - margin - k::footer_gap;
    bool moves_labels = false;
    const std::optional<model::Inset> window = choose_inset(tl, st, opt, &moves_labels);
    PageOptions o = opt;
    if (window && moves_labels) o.detailed = Window{window->start.from, window->end.to};
    Body main = st.layout.lanes == "tracks" && !tl.tracks.empty() ? lanes_body(tl, st, colors, room, o, m)
                                                                   : band_body(tl, st, colors, room, o, m);
    std::optional<Block> inset = inset_block(tl, st, colors, main, window, o, m);
    body.push_back(std::move(main.block));
    if (inset) body.push_back(std::move(*inset));
  }
  const double footer_gap = opt.compact ? k::footer_gap / 2 : k::footer_gap;
  for (const Block& b : body) scene.fit.crossings += b.crossings;
  AssembledPage page = assemble_page({st.page.width, st.page.height, margin, footer_gap}, std::move(header), std::move(body),
                                     std::move(footer), !vertical);
  scene.height = page.height;
  scene.fit.needed = page.needed;
  scene.items = std::move(page.items);
  finish_scene(tl, scene);
  return scene;
}

}  // namespace chronicle::layout
