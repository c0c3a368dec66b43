#include "layout/page_blocks.h"

#include "support/text.h"

#include <array>
#include <cmath>
#include <cstdio>

#include <algorithm>
#include <map>

#include "model/date/format_date_label.h"
#include "model/event_label.h"

namespace chronicle::layout {

Font font_of(const style::Style& st, double size, bool bold, bool italic) {
  return Font{st.font.family, size, bold, italic};
}

TextBlock text_block(const std::string& text, const Font& font, const std::string& color, double max_width,
                     TextMeasurer& measure) {
  TextBlock b;
  const double lh = measure.line_height(font);
  for (const auto& m : measure.wrap(text, font, max_width)) {
    b.lines.push_back({m.text, 0, b.height, m.width, lh, font, color, "", {}, {}});
    b.width = std::max(b.width, m.width);
    b.height += lh;
  }
  return b;
}

void translate(TextBlock& block, double dx, double dy) {
  for (auto& l : block.lines) {
    l.x += dx;
    l.y += dy;
  }
}

Box bounds_of(const std::vector<TextLine>& lines) {
  double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
  for (const auto& l : lines) {
    x0 = std::min(x0, l.x);
    y0 = std::min(y0, l.y);
    x1 = std::max(x1, l.x + l.width);
    y1 = std::max(y1, l.y + l.height);
  }
  return {x0, y0, x1 - x0, y1 - y0};
}

std::vector<std::string> track_colors(const model::Timeline& tl, const style::Style& st) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < tl.tracks.size(); ++i)
    out.push_back(!tl.tracks[i].color.empty() ? tl.tracks[i].color
                                              : st.color.palette[i % st.color.palette.size()]);
  // Events on no track: the text colour, a little softer, so they read on any background.
  out.push_back(blend(st.color.text, st.page.background, 0.85));
  return out;
}

namespace {
/// "#rgb" as "#rrggbb"; other colours as they are.
std::string long_hex(const std::string& c) {
  return c.size() == 4 ? std::string("#") + c[1] + c[1] + c[2] + c[2] + c[3] + c[3] : c;
}
}  // namespace

std::string blend(const std::string& color, const std::string& background, double alpha) {
  auto rgb = [](const std::string& given) {
    const std::string c = long_hex(given);
    if (c.size() < 7) return std::array<int, 3>{0, 0, 0};
    return std::array<int, 3>{std::stoi(c.substr(1, 2), nullptr, 16), std::stoi(c.substr(3, 2), nullptr, 16),
                              std::stoi(c.substr(5, 2), nullptr, 16)};
  };
  const auto a = rgb(color), b = rgb(background);
  char out[8];
  std::snprintf(out, sizeof out, "#%02x%02x%02x", int(std::lround(a[0] * alpha + b[0] * (1 - alpha))),
                int(std::lround(a[1] * alpha + b[1] * (1 - alpha))), int(std::lround(a[2] * alpha + b[2] * (1 - alpha))));
  return out;
}

std::string with_alpha(const std::string& color, const char* alpha) { return long_hex(color) + alpha; }

std::string span_line(const model::Timeline& tl, const model::Event& e) { return e.title + "  ·  " + date_line(tl, e); }

TextBlock event_label_block(const model::Timeline& tl, const style::Style& st, const model::Event& e,
                            const std::string& color, double title_width, TextMeasurer& measure) {
  TextBlock b = text_block(date_line(tl, e), font_of(st, st.font.date), color, 0, measure);
  TextBlock t = text_block(e.title, title_font(st, e), st.color.text, title_width, measure);
  translate(t, 0, b.height);
  b.lines.insert(b.lines.end(), t.lines.begin(), t.lines.end());
  b.width = std::max(b.width, t.width);
  b.height += t.height;
  return b;
}

std::vector<TextRequest> label_requests(const model::Timeline& tl, const std::vector<const model::Event*>& events,
                                        const style::Style& st, double title_width, bool span_lines) {
  const Font date_font = font_of(st, st.font.date);
  std::vector<TextRequest> out;
  out.reserve(events.size() * 2);
  for (const model::Event* ep : events) {
    const model::Event& e = *ep;
    const Font label_font = title_font(st, e);
    if (span_lines && e.is_span()) out.push_back({span_line(tl, e), label_font, 0});
    out.push_back({date_line(tl, e), date_font, 0});
    out.push_back({e.title, label_font, title_width});
  }
  return out;
}

double rough_label_area(const model::Event& e, const style::Style& st) {
  const double w = 0.5 * st.font.label * double(e.title.size());
  const double lines = std::ceil(w / st.label.max_width);
  return std::min(w, st.label.max_width) * (lines * 1.2 * st.font.label + 1.2 * st.font.date);
}

std::string date_line(const model::Timeline& tl, const model::Event& e) {
  std::string s = bidi_isolate(model::event_date_label(e));
  if (!e.sources.empty()) {
    std::vector<int> nums;
    for (int i : e.sources) nums.push_back(tl.sources[i].number);
    std::sort(nums.begin(), nums.end());
    s += "  [";
    for (std::size_t i = 0; i < nums.size(); ++i) s += (i ? "," : "") + std::to_string(nums[i]);
    s += "]";
  }
  return ltr_line(s);
}

void shift(Item& it, double dy) {
  it.box.y += dy;
  it.anchor.y += dy;
  for (auto& l : it.lines) l.y += dy;
  for (auto& p : it.points) p.y += dy;
}

void append_shifted(std::vector<Item>& to, const std::vector<Item>& items, double dy) {
  to.reserve(to.size() + items.size());
  for (Item it : items) {
    shift(it, dy);
    to.push_back(std::move(it));
  }
}

void append_shifted(std::vector<Item>& to, std::vector<Item>&& items, double dy) {
  to.reserve(to.size() + items.size());
  for (Item& it : items) {
    shift(it, dy);
    to.push_back(std::move(it));
  }
  items.clear();
}

void shift_x(Item& it, double dx) {
  it.box.x += dx;
  it.anchor.x += dx;
  for (auto& l : it.lines) l.x += dx;
  for (auto& p : it.points) p.x += dx;
}

double marker_radius(const model::Event& e, const style::Style& st) {
  return e.milestone ? st.axis.marker_radius * milestone_marker_scale : st.axis.marker_radius;
}

double largest_marker_radius(const model::Timeline& tl, const style::Style& st) {
  double r = st.axis.marker_radius;
  for (const auto& e : tl.events) r = std::max(r, marker_radius(e, st));
  return r;
}

Font title_font(const style::Style& st, const model::Event& e) {
  return font_of(st, st.font.label, st.font.label_bold || e.milestone);
}

Item marker_item(const model::Event& e, Point at, const style::Style& st, const std::string& color, int segment) {
  const double r = marker_radius(e, st);
  Item mk{ItemKind::Marker};
  mk.event = e.id;
  mk.box = {at.x - r, at.y - r, 2 * r, 2 * r};
  mk.points = {at};
  mk.fill = color;
  mk.stroke = st.page.background;
  mk.line_width = 1;
  if (e.disputed) {  // hollow: the sources disagree on when
    mk.fill = st.page.background;
    mk.stroke = color;
    mk.line_width = 2;
  }
  mk.shape = e.start.approximate                ? MarkerShape::Diamond
             : st.axis.marker_shape == "square" ? MarkerShape::Square
                                                : MarkerShape::Circle;
  mk.segment = segment;
  mk.milestone = e.milestone;
  return mk;
}

void style_event_leader(Item& leader, const model::Event& e, const std::string& color) {
  leader.stroke = e.milestone ? color : with_alpha(color, "99");
  leader.line_width = e.milestone ? 1.2 : 0.8;
}

void milestones_on_top(std::vector<Item>& markers) {
  std::stable_partition(markers.begin(), markers.end(), [](const Item& m) { return !m.milestone; });
}

double header_items(const model::Timeline& tl, const style::Style& st, TextMeasurer& measure, std::vector<Item>& out,
                    double gap) {
  const double margin = st.page.margin, content_w = st.page.width - 2 * margin;
  double y = margin;
  auto add = [&](ItemKind kind, const std::string& text, const Font& font, const std::string& color) {
    TextBlock t = text_block(text, font, color, content_w, measure);
    translate(t, margin, y);
    Item it{kind};
    it.text = text;
    it.lines = t.lines;
    it.box = bounds_of(t.lines);
    out.push_back(it);
    y += t.height;
  };
  if (st.header.title && !tl.title.empty()) {
    add(ItemKind::Title, tl.title, font_of(st, st.font.title, st.font.title_bold), st.color.text);
    y += 2;
  }
  if (st.header.subtitle && !tl.subtitle.empty())
    add(ItemKind::Subtitle, tl.subtitle, font_of(st, st.font.subtitle), st.color.muted);
  if (st.header.date && !tl.date.empty()) {
    y += 2;
    add(ItemKind::Subtitle, tl.date, font_of(st, st.font.small), st.color.muted);
  }
  return out.empty() ? margin : y + gap;
}

void finish_scene(const model::Timeline& tl, Scene& scene) {
  for (std::size_t i = 0; i < tl.keywords.size(); ++i) scene.info.keywords += (i ? ", " : "") + tl.keywords[i];
  std::map<std::string, const Item*> label_of;
  for (const auto& it : scene.items)
    if (it.kind == ItemKind::Label && !label_of.count(it.event)) label_of[it.event] = &it;
  auto entry = [&](const model::Event& e, int parent) {
    const Item* lab = label_of.at(e.id);
    const std::string date = model::event_date_label(e);
    scene.outline.push_back({date + " — " + e.title, parent, lab->box.x, lab->box.y});
  };
  if (tl.tracks.empty()) {
    for (const auto& e : tl.events) entry(e, -1);
    return;
  }
  for (int t = 0; t <= int(tl.tracks.size()); ++t) {  // the tracks, then events on none
    const int track = t < int(tl.tracks.size()) ? t : -1;
    int parent = -1;
    for (const auto& e : tl.events) {
      if (e.track != track) continue;
      if (parent < 0) {
        const Item* lab = label_of.at(e.id);
        scene.outline.push_back({track >= 0 ? tl.tracks[track].title : "Other events", -1, lab->box.x, lab->box.y});
        parent = int(scene.outline.size()) - 1;
      }
      entry(e, parent);
    }
  }
}

double footer_items(const model::Timeline& tl, const style::Style& st, const std::vector<std::string>& track_colors,
                    double x0, double width, TextMeasurer& measure, std::vector<Item>& out) {
  double y = 0;
  const Font small = font_of(st, st.font.small);
  const Font small_bold = font_of(st, st.font.small, true);
  const double lh = measure.line_height(small);
  // Legend rows: a heading ("Tracks", "Eras") then a swatch and a name per entry, flowing
  // over the width.
  struct Entry {
    std::string name, fill, stroke;
    MarkerShape swatch;
    bool milestone = false;  ///< a marker key: drawn as a milestone's marker
  };
  auto legend_row = [&](const char* heading, const std::vector<Entry>& entries) {
    double x = x0;
    TextBlock head = text_block(heading, small_bold, st.color.muted, 0, measure);
    translate(head, x, y);
    Item h{ItemKind::Legend};
    h.lines = head.lines;
    h.box = bounds_of(h.lines);
    h.text = heading;
    out.push_back(h);
    const double indent = std::max(head.width + 10, 44.0);
    x += indent;
    for (const auto& e : entries) {
      const double sw = e.swatch == MarkerShape::Square ? lh * 1.1 : e.milestone ? lh * 0.95 : lh * 0.7;
      TextBlock name = text_block(e.name, small, st.color.text, std::max(40.0, width - indent - sw - 4), measure);
      if (x + sw + 4 + name.width > x0 + width && x > x0 + indent) {
        x = x0 + indent;
        y += lh + 2;
      }
      Item it{ItemKind::Legend};
      it.text = e.name;
      it.fill = e.fill;
      it.stroke = e.stroke;
      it.shape = e.swatch;
      it.milestone = e.milestone;
      it.points = {{x + sw / 2, y + lh / 2}};
      translate(name, x + sw + 4, y);
      it.lines = name.lines;
      it.box = {x, y, sw + 4 + name.width, std::max(lh, name.height)};
      out.push_back(it);
      x += sw + 4 + name.width + 14;
      if (name.height > lh + 0.5) {  // wrapped: the next entry starts a new row
        x = x0 + width;
        y += name.height - lh;
      }
    }
    y += lh + 8;
  };
  if (st.footer.legend && !tl.tracks.empty()) {
    std::vector<Entry> entries;
    for (std::size_t i = 0; i < tl.tracks.size(); ++i)
      entries.push_back({tl.tracks[i].title, track_colors[i], "", MarkerShape::Circle});
    legend_row("Tracks", entries);
  }
  if (st.footer.legend && !tl.eras.empty()) {
    std::vector<Entry> entries;
    for (const auto& era : tl.eras) {
      const std::string span = model::format_span_label(era.start, era.end);
      const std::string fill = era.track >= 0 ? with_alpha(track_colors[std::size_t(era.track)], "22") : st.color.era;
      entries.push_back({era.title + " (" + span + (era.track >= 0 ? ", " + tl.tracks[std::size_t(era.track)].title : "") + ")",
                         fill, st.color.grid, MarkerShape::Square});
    }
    legend_row("Eras", entries);
  }
  if (st.footer.legend) {  // what the marks that are not plain dots mean, when there are any
    bool milestone = false, approximate = false, disputed = false;
    for (const auto& e : tl.events) {
      if (e.is_span()) continue;
      milestone = milestone || e.milestone;
      approximate = approximate || e.start.approximate;
      disputed = disputed || e.disputed;
    }
    std::vector<Entry> entries;
    const std::string ink = st.color.muted;
    if (milestone) entries.push_back({"milestone", ink, st.page.background, MarkerShape::Circle, true});
    if (approximate) entries.push_back({"approximate date (c.)", ink, st.page.background, MarkerShape::Diamond});
    if (disputed) entries.push_back({"sources disagree on the date", st.page.background, ink, MarkerShape::Circle});
    if (!entries.empty()) legend_row("Markers", entries);
  }
  std::vector<const model::Source*> sources;
  if (st.footer.sources)
    for (const auto& s : tl.sources) sources.push_back(&s);
  std::sort(sources.begin(), sources.end(), [](auto* a, auto* b) { return a->number < b->number; });
  if (!sources.empty()) {
    TextBlock head = text_block("Sources", small_bold, st.color.muted, 0, measure);
    translate(head, x0, y);
    Item h{ItemKind::Sources};
    h.text = "Sources";
    h.lines = head.lines;
    h.box = bounds_of(h.lines);
    out.push_back(h);
    y += head.height + 1;
    for (const auto* s : sources) {
      std::string text = "[" + std::to_string(s->number) + "] " + bidi_isolate(s->title);
      if (s->published) text += ", " + model::format_date_label(*s->published);
      text = ltr_line(text);
      TextBlock b = text_block(text, small, st.color.text, width, measure);
      translate(b, x0, y);
      Item it{ItemKind::Sources};
      it.text = text;
      it.lines = b.lines;
      y += b.height;
      if (!s->url.empty()) {  // a link when it is an http, https or mailto URL; else text
        TextBlock u = text_block(s->url, small, s->linkable ? st.color.link : st.color.muted, width - 12, measure);
        translate(u, x0 + 12, y);
        for (auto& l : u.lines) {
          if (s->linkable) l.link = s->url;
          it.lines.push_back(l);
        }
        y += u.height;
      }
      it.box = bounds_of(it.lines);
      out.push_back(it);
      y += 2;
    }
  }
  return y;
}

}  // namespace chronicle::layout
