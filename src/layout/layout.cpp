// The document: the one place where the layout's freedoms are searched for a layout that
// fits the template's page (see layout.h).
#include "layout/layout.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <cmath>
#include <cstdio>

#include "layout/layout_constants.h"
#include "layout/page_blocks.h"
#include "layout/page_layout.h"
#include "layout/paginate.h"

namespace chronicle::layout {
namespace {

/// One way of laying the timeline out: the template's type sizes times `type_scale`,
/// titles wrapping at `wrap` times the template's width, on an axis of kind `scale`.
struct Attempt {
  double type_scale = 1, wrap = 1;
  std::string scale;
  double list_share = k::list_share;  ///< of the chart's room, before a list spreads over columns
  std::size_t list_min = k::list_min;  ///< labels in one stretch of axis that become a list
  bool staircase = false;              ///< the arrangement that never crosses
  bool compact = false;                ///< less white space between lanes and above the footer
  double list_stretch = 1;             ///< label widths of axis one list gathers
  bool balance = false;                ///< neighbouring lists share their labels evenly
  bool detail = false;                 ///< the crowdest cluster's labels in a detail inset
};

style::Style styled(const style::Style& st, const Attempt& a) {
  style::Style s = style::scaled(st, a.type_scale);
  s.label.max_width *= a.wrap;
  s.axis.scale = a.scale;
  return s;
}

/// The type scales to try, largest first: the template's, then down by 5 % to font.min_scale.
std::vector<double> type_scales(const style::Style& st) {
  std::vector<double> out;
  for (int i = 0; 1.0 - 0.05 * i > st.font.min_scale + 1e-9; ++i) out.push_back(1.0 - 0.05 * i);
  out.push_back(st.font.min_scale);
  return out;
}

/// The axis scales a layout may use: the template's; a paged document on an "auto" axis
/// may also space events evenly (sequential) when that needs fewer pages.
std::vector<std::string> axis_scales(const style::Style& st, bool paged) {
  if (paged && st.axis.scale == "auto") return {"auto", "sequential"};
  return {st.axis.scale};
}

/// The last resort: at the smallest type, the arrangement whose leaders never cross a label.
Attempt staircase(const style::Style& st) {
  return {st.font.min_scale, 1.0, st.axis.scale, k::list_share, k::list_min, true};
}

/// The freedoms of a one-page layout, least harmful first: at each type scale, on each
/// axis scale, the template's wrap width, a wider one, a narrower one, then lists spread
/// wider and flatter, and from three labels in one stretch of axis, then neighbouring lists
/// sharing their labels evenly, then the crowdest cluster's labels in a detail inset (one
/// page: not on the pages of a paged document); at the smallest type, the same with less white space.
std::vector<Attempt> attempts(const style::Style& st, bool paged, bool crowded) {
  std::vector<Attempt> out;
  // A vertical chronology may space events evenly before its type shrinks (each gap keeps
  // its "9 years later"); a horizontal one keeps its calendar axis at every type size first
  // (between neighbours on a horizontal sequential axis the gap labels seldom have room).
  const bool vertical = st.layout.orientation == "vertical";
  std::vector<std::pair<double, std::string>> order;
  for (const auto& axis : axis_scales(st, paged))
    for (double s : type_scales(st)) order.push_back({s, axis});
  if (vertical)
    std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [s, axis] : order) {
    for (double wrap : {1.0, 1.3, 0.75}) out.push_back({s, wrap, axis});
    // A cluster the axis cannot spread: its labels in a detail inset under the chart.
    if (crowded && !vertical && st.layout.inset == "auto")
      out.push_back({s, 1.0, axis, k::list_share / 2, 3, false, false, 1, false, true});
    out.push_back({s, 1.0, axis, k::list_share / 2, 3});
    out.push_back({s, 1.0, axis, k::list_share / 2, 3, false, false, 1, true});
  }
  // At the smallest type, less white space: lanes and the footer closer; then clusters
  // that crowd one another gathered into fewer, wider lists of several columns each.
  for (const auto& axis : axis_scales(st, paged)) {
    for (double wrap : {1.0, 1.3}) out.push_back({st.font.min_scale, wrap, axis, k::list_share, k::list_min, false, true});
    out.push_back({st.font.min_scale, 1.0, axis, k::list_share / 2, 3, false, true});
    if (!paged)  // (a paged document gains pages, not height: each attempt there costs a whole pagination)
      for (double stretch : {2.0, 3.0, 4.0})
        for (double wrap : {1.0, 0.75})
          for (bool balance : {false, true})
            out.push_back({st.font.min_scale, wrap, axis, k::list_share / 2, 3, false, true, stretch, balance});
  }
  out.push_back(staircase(st));
  return out;
}

Scene attempt_page(const model::Timeline& tl, const style::Style& st, const Attempt& a, TextMeasurer& m) {
  PageOptions opt;
  opt.list_share = a.list_share;
  opt.list_min = a.list_min;
  opt.staircase = a.staircase;
  opt.compact = a.compact;
  opt.list_stretch = a.list_stretch;
  opt.balance_lists = a.balance;
  opt.detail_cluster = a.detail;
  Scene s = layout_page(tl, styled(st, a), m, opt);
  s.fit.type_scale = a.type_scale;
  s.fit.scale = a.scale;
  return s;
}

/// A rough lower bound of the area the labels of `tl` need at the template's sizes (a
/// character 0.5 em wide, lines 1.2 em): enough to tell a timeline that cannot fit a page.
double label_area(const model::Timeline& tl, const style::Style& st) {
  double area = 0;
  for (const auto& e : tl.events) area += rough_label_area(e, st);
  return area;
}

double content_area(const style::Style& st) {
  return (st.page.width - 2 * st.page.margin) * (st.page.height - 2 * st.page.margin);
}

std::string pt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", v);
  return buf;
}

std::string percent(double s) { return pt(s * 100) + " %"; }

void warn(Diagnostics* diags, const std::string& message) {
  if (diags) diags->warning({}, "", message);
}

/// A paged document: one page when any attempt fits one; else the fewest pages (each the
/// template's size), at the largest type that needs no more, balanced when every page of
/// an even split fits.
Scene paged(const model::Timeline& tl, const style::Style& st, TextMeasurer& m, bool overview) {
  const bool hopeless = label_area(tl, st) * st.font.min_scale * st.font.min_scale > 0.7 * content_area(st);
  if (!hopeless) {
    for (const Attempt& a : attempts(st, true, crowded_cluster(tl).has_value())) {
      Scene s = attempt_page(tl, st, a, m);
      if (!fits(s, st)) continue;
      s.pages = {{s.width, s.height, st.page.unit, tl.events.front().first(), tl.events.back().last()}};
      return s;
    }
  }
  // The fewest pages any option gives (a long document keeps the template's type: a
  // smaller one would not make it short), then the first option, in order of harm, that
  // needs no more.
  const bool long_document = label_area(tl, st) > 4 * content_area(st);
  std::vector<Attempt> options;
  for (double s : long_document ? std::vector<double>{1.0} : type_scales(st))
    for (const auto& axis : long_document ? std::vector<std::string>{st.axis.scale} : axis_scales(st, true))
      options.push_back({s, 1.0, axis});
  Attempt best = options.front();
  Cuts cuts;
  std::vector<Scene> pages;
  std::size_t fewest = tl.events.size() + 1;
  std::vector<const model::Event*> all;
  for (const auto& e : tl.events) all.push_back(&e);
  for (const Attempt& a : options) {
    // Every label of the document measured at once (on several threads), not page by page.
    const style::Style s = styled(st, a);
    m.measure_ahead(label_requests(tl, all, s, s.label.max_width, true));
    std::vector<Scene> laid_out;
    auto c = greedy_cuts(tl, styled(st, a), m, fewest - 1, &laid_out, long_document);
    if (c && c->size() < fewest) fewest = c->size(), cuts = *c, best = a, pages = std::move(laid_out);
  }
  const style::Style chosen = styled(st, best);
  // A few pages (slides, a short briefing) share the events evenly; a long document keeps
  // the greedy cuts (an even share would not show on page 40 of 300).
  if (cuts.size() <= k::balanced_pages) {
    if (auto even = balanced_cuts(tl, chosen, m, cuts.size())) cuts = *even, pages.clear();
    else if (even_out(tl, chosen, m, cuts)) pages.clear();
  }
  Scene doc = paged_scene(tl, chosen, m, cuts, overview, std::move(pages));
  doc.fit.type_scale = best.type_scale;
  doc.fit.scale = best.scale;
  for (const auto& p : doc.pages)
    if (p.height > st.page.height + k::fit_tolerance) {
      doc.fit.grew = true;
      doc.fit.reason = "a page cannot hold a single event at " + percent(best.type_scale) + " type";
    }
  return doc;
}

/// A poster: the first attempt that fits the page; else, at the smallest type, a taller
/// page (with a warning) up to k::max_page_side; beyond, pages of the template's size.
Scene poster(const model::Timeline& tl, const style::Style& st, TextMeasurer& m, Diagnostics* diags) {
  const double ink = label_area(tl, st) * st.font.min_scale * st.font.min_scale;
  const bool hopeless = ink > 0.7 * content_area(st);
  Scene tallest;
  if (!hopeless) {
    for (const Attempt& a : attempts(st, false, crowded_cluster(tl).has_value())) {
      Scene s = attempt_page(tl, st, a, m);
      if (fits(s, st)) return s;
      const bool better = tallest.items.empty() || (s.fit.crossings == 0 && tallest.fit.crossings > 0) ||
                          ((s.fit.crossings == 0) == (tallest.fit.crossings == 0) && s.height < tallest.height);
      if (a.type_scale == st.font.min_scale && better) tallest = std::move(s);
    }
  } else if (ink <= 0.7 * (st.page.width - 2 * st.page.margin) * (k::max_page_side - 2 * st.page.margin)) {
    tallest = attempt_page(tl, st, staircase(st), m);
  }
  // (The staircase attempt is among the attempts: a crossing-free layout is always kept.)
  const std::string size = pt(st.page.width) + " × " + pt(st.page.height) + " pt";
  if (!tallest.items.empty() && tallest.height <= k::max_page_side) {
    tallest.fit.grew = true;
    tallest.fit.reason = "the timeline does not fit " + size + " even at " + percent(st.font.min_scale) +
                         " type: the page grows " + pt(tallest.height - st.page.height) + " pt taller";
    warn(diags, tallest.fit.reason + " (set font.min_scale lower, or use a larger template)");
    return tallest;
  }
  style::Style pages = st;  // pages of a poster are numbered, with the title above each after the first
  pages.footer.page_numbers = true;
  pages.header.running = true;
  Scene doc = paged(tl, pages, m, true);
  warn(diags, "the timeline needs more than one " + size + " page even at " + percent(st.font.min_scale) +
                  " type: it flows onto " + std::to_string(doc.page_count()) + " pages");
  doc.fit.reason = "flowed onto " + std::to_string(doc.page_count()) + " pages";
  return doc;
}

}  // namespace

std::pair<const Item*, const Item*> page_items(const Scene& scene, int page) {
  const Item* b = scene.items.data();
  const Item* e = b + scene.items.size();
  auto by_page = [](const Item& a, const Item& c) { return a.page < c.page; };
  Item probe;
  probe.page = page;
  return std::equal_range(b, e, probe, by_page);
}

std::vector<const Item*> labels_in_time_order(const Scene& scene, int page) {
  std::vector<const Item*> labels;
  const auto [b, e] = page_items(scene, page);
  for (const Item* it = b; it != e; ++it)
    if (it->page == page && it->kind == ItemKind::Label && !it->event.empty()) labels.push_back(it);
  const bool vertical = scene.orientation == "vertical";
  std::stable_sort(labels.begin(), labels.end(), [&](const Item* a, const Item* b) {
    return vertical ? std::pair(a->anchor.y, a->anchor.x) < std::pair(b->anchor.y, b->anchor.x)
                    : std::pair(a->anchor.x, a->anchor.y) < std::pair(b->anchor.x, b->anchor.y);
  });
  return labels;
}

const char* item_kind_name(ItemKind k) {
  static constexpr const char* names[] = {"title",   "subtitle", "era",    "era-label", "axis",
                                          "axis-break", "tick",  "tick-label", "precision", "bar",
                                          "marker",  "leader",   "label",  "legend",    "source",
                                          "running-header", "page-number", "lane", "lane-header", "lane-line",
                                          "inset-window", "guide", "overview", "overview-window"};
  return names[static_cast<int>(k)];
}

namespace {

Scene layout_timeline_unlinked(const model::Timeline& timeline, const style::Style& style, TextMeasurer& measure,
                               Diagnostics* diags);

/// The last pass: every numbered reference on a label ("2015  [1,2]") links to its entry in
/// the sources list ("source-N"), and each entry's number links back to the first label
/// that cites it ("cite-N", on whatever page it falls). Items are in page order.
void link_references(Scene& s) {
  std::set<std::string> cited;
  for (auto& it : s.items) {
    if (it.kind != ItemKind::Label) continue;
    for (auto& line : it.lines) {
      const std::string& t = line.text;
      const auto close = t.rfind(']');
      const auto open = close == std::string::npos ? close : t.rfind('[', close);
      if (open == std::string::npos || close + 1 != t.size()) continue;
      bool numbers = open + 1 < close;
      for (std::size_t k = open + 1; k < close; ++k)
        numbers = numbers && (std::isdigit(static_cast<unsigned char>(t[k])) || t[k] == ',');
      if (!numbers) continue;
      for (std::size_t k = open + 1; k < close;) {
        std::size_t end = k;
        while (end < close && t[end] != ',') ++end;
        const std::string n = t.substr(k, end - k);
        line.links.push_back({k, end, "source-" + n});
        if (cited.insert(n).second) line.anchors.push_back("cite-" + n);
        k = end + 1;
      }
    }
  }
  for (auto& it : s.items) {
    if (it.kind != ItemKind::Sources || it.lines.empty()) continue;
    TextLine& first = it.lines.front();
    const std::string& t = first.text;
    const std::size_t start = t.compare(0, 3, "\u200e") == 0 ? 3 : 0;  // an LTR mark before "[N]"
    const auto close = t.find(']', start);
    if (start >= t.size() || t[start] != '[' || close == std::string::npos) continue;
    const std::string n = t.substr(start + 1, close - start - 1);
    first.anchors.push_back("source-" + n);
    if (cited.count(n)) first.links.push_back({start, close + 1, "cite-" + n});
  }
}

}  // namespace

Scene layout_timeline(const model::Timeline& timeline, const style::Style& style, TextMeasurer& measure,
                      Diagnostics* diags) {
  Scene s = layout_timeline_unlinked(timeline, style, measure, diags);
  link_references(s);
  return s;
}

namespace {

Scene layout_timeline_unlinked(const model::Timeline& timeline, const style::Style& style, TextMeasurer& measure,
                               Diagnostics* diags) {
  if (style.layout.orientation == "vertical" && style.layout.lanes == "tracks" && !timeline.tracks.empty())
    warn(diags, "swimlanes (layout.lanes 'tracks') are drawn on horizontal layouts only; the vertical layout "
                "colours events by track");
  if (style.layout.orientation == "vertical" && !timeline.insets.empty())
    warn(diags, "detail insets are drawn on horizontal layouts only");
  Scene s;
  if (timeline.events.empty()) {
    s = layout_page(timeline, style, measure);
    s.pages = {{s.width, s.height, style.page.unit}};
    return s;
  }
  if (style.page.flow == "pages") {
    s = paged(timeline, style, measure, false);
    if (s.fit.grew) warn(diags, s.fit.reason);
    return s;
  }
  s = poster(timeline, style, measure, diags);
  if (s.pages.empty())
    s.pages = {{s.width, s.height, style.page.unit, timeline.events.front().first(), timeline.events.back().last()}};
  return s;
}

}  // namespace

}  // namespace chronicle::layout

