#include "layout/paginate.h"

#include <algorithm>
#include <cmath>

#include "layout/layout.h"
#include "layout/layout_constants.h"
#include "layout/page_blocks.h"
#include "layout/page_layout.h"
#include "support/text.h"

namespace chronicle::layout {
namespace {

/// The stretch of time of the page holding events [a, b): from halfway after the previous
/// page's last anchor to halfway before the next page's first (at the ends, the events'
/// own extent), so that neighbouring pages' windows never overlap.
Window page_window(const model::Timeline& tl, std::size_t a, std::size_t b) {
  const auto& ev = tl.events;
  Window w{ev[a].first(), ev[a].last()};
  for (std::size_t i = a; i < b; ++i) w.from = std::min(w.from, ev[i].first()), w.to = std::max(w.to, ev[i].last());
  if (a > 0) w.from = std::max(w.from, ev[a - 1].anchor() + (ev[a].anchor() - ev[a - 1].anchor()) / 2);
  if (b < ev.size()) w.to = std::min(w.to, ev[b - 1].anchor() + (ev[b].anchor() - ev[b - 1].anchor()) / 2);
  return w;
}

/// The events [a, b) of `tl`, with the eras that overlap their window, clipped to it.
model::Timeline chunk_of(const model::Timeline& tl, std::size_t a, std::size_t b, const Window& window) {
  model::Timeline c;
  c.title = tl.title;
  c.subtitle = tl.subtitle;
  c.author = tl.author;
  c.date = tl.date;
  c.orientation = tl.orientation;
  c.keywords = tl.keywords;
  c.tracks = tl.tracks;
  c.sources = tl.sources;  // numbered for the whole document
  c.events.assign(tl.events.begin() + std::ptrdiff_t(a), tl.events.begin() + std::ptrdiff_t(b));
  const model::Seconds first = window.from, last = window.to;
  for (auto era : tl.eras) {
    if (era.end.to <= first || era.start.from >= last) continue;
    if (era.start.from < first) era.start.from = era.start.to = first, era.start.casual = false;
    if (era.end.to > last) era.end.to = era.end.from = last, era.end.casual = false;
    c.eras.push_back(era);
  }
  return c;
}

/// Among [lo, hi], the cut (index of a page's first event) after the widest gap in time.
std::size_t widest_gap(const model::Timeline& tl, std::size_t lo, std::size_t hi) {
  std::size_t cut = hi;
  model::Seconds widest = -1;
  for (std::size_t b = hi; b >= lo && b > 0; --b) {
    const model::Seconds gap = tl.events[b].anchor() - tl.events[b - 1].anchor();
    if (gap > widest) widest = gap, cut = b;
  }
  return cut;
}

/// The overview strip in the bottom margin: the whole timeline as a thin bar, this page's
/// window marked on it.
void overview_items(const model::Timeline& tl, const style::Style& st, const PageSize& page, int index,
                    std::vector<Item>& out) {
  const model::Seconds from = tl.events.front().first(), to = std::max(tl.events.back().last(), from + 1);
  const double x0 = st.page.margin, w = (page.width - 2 * st.page.margin) * 0.4, h = 4;
  const double y = page.height - st.page.margin / 2 - h / 2;
  auto x_of = [&](model::Seconds t) { return x0 + w * double(std::clamp(t, from, to) - from) / double(to - from); };
  Item bar{ItemKind::Overview};
  bar.box = {x0, y, w, h};
  bar.fill = blend(st.color.muted, st.page.background, 0.25);
  bar.page = index;
  out.push_back(bar);
  Item win{ItemKind::OverviewWindow};
  const double a = x_of(page.from), b = std::max(x_of(page.to), a + 2);
  win.box = {a, y - 1.5, b - a, h + 3};
  win.points = {{win.box.x, win.box.y}, {win.box.right(), win.box.y}, {win.box.right(), win.box.bottom()},
                {win.box.x, win.box.bottom()}, {win.box.x, win.box.y}};
  win.fill = st.color.muted;
  win.stroke = st.color.muted;
  win.line_width = 0.5;
  win.page = index;
  out.push_back(win);
}

/// The running header (title left, date right) and the page number, in the margins.
void margin_items(const model::Timeline& tl, const style::Style& st, const PageSize& p, int k, int count,
                  TextMeasurer& m, std::vector<Item>& out) {
  const Font small = font_of(st, st.font.small);
  const double margin = st.page.margin, lh = m.line_height(small);
  auto margin_text = [&](ItemKind kind, const std::string& text, double x, double y) {
    TextBlock t = text_block(text, small, st.color.muted, 0, m);
    translate(t, x, y);
    Item it{kind};
    it.text = text;
    it.lines = t.lines;
    it.box = bounds_of(t.lines);
    it.page = k;
    out.push_back(it);
  };
  if (st.header.running && k > 0 && count > 1) {  // title left, date right, above the margin line
    const double y = std::max(2.0, margin / 2 - lh / 2);
    double date_w = 0;
    if (!tl.date.empty()) {
      date_w = m.width(tl.date, small);
      margin_text(ItemKind::RunningHeader, tl.date, p.width - margin - date_w, y);
    }
    std::string title = tl.title;
    const double room = p.width - 2 * margin - date_w - 24;
    if (m.width(title, small) > room) {  // shorten to one line, between characters, with an ellipsis
      while (!title.empty() && m.width(title + "…", small) > room) utf8_drop_last(title);
      if (!title.empty()) title += "…";
    }
    if (!title.empty()) margin_text(ItemKind::RunningHeader, title, margin, y);
  }
  if (st.footer.page_numbers && count > 1) {
    const std::string text = std::to_string(k + 1) + " / " + std::to_string(count);
    const double w = m.width(text, small);
    margin_text(ItemKind::PageNumber, text, p.width - margin - w, p.height - std::max(2.0 + lh, margin / 2 + lh / 2));
  }
}

/// The page holding events [a, b) of `tl`: the title block on the first, legend and sources
/// on the last, its chart clipped to its window of time.
Scene chunk_page(const model::Timeline& tl, const style::Style& st_in, std::size_t a, std::size_t b, bool first,
                 bool last, TextMeasurer& m) {
  style::Style st = st_in;
  st.header.title = st.header.title && first;
  st.header.subtitle = st.header.subtitle && first;
  st.header.date = st.header.date && first;
  st.footer.legend = st.footer.legend && last;
  st.footer.sources = st.footer.sources && last;
  PageOptions opt;
  opt.legend = &tl;  // the legend on the last page: the whole document's
  opt.clip = page_window(tl, a, b);
  return layout_page(chunk_of(tl, a, b, *opt.clip), st, m, opt);
}

}  // namespace

std::optional<Cuts> greedy_cuts(const model::Timeline& tl, const style::Style& st, TextMeasurer& m,
                                std::size_t max_pages, std::vector<Scene>* pages, bool quick) {
  const std::size_t n = tl.events.size();
  Cuts cuts;
  if (pages) pages->clear();
  // Lays out [a, b) and says whether it fits; keeps the layout of the best fit for this page.
  Scene kept;
  std::size_t kept_b = 0;
  double needed = 0;  // what the last probe's content needed
  auto probe_fits = [&](std::size_t a, std::size_t b, bool first, bool last) {
    Scene s = chunk_page(tl, st, a, b, first, last, m);
    needed = s.fit.needed;
    if (!fits(s, st)) return false;
    if (pages && b > kept_b) kept = std::move(s), kept_b = b;
    return true;
  };
  std::size_t a = 0, guess = std::min<std::size_t>(n, 64);  // events a page holds, as the last page did
  // A long document guesses by ink instead: as many events as make about the label area
  // the last page held (pages of a clustered timeline hold from twenty to sixty events).
  std::vector<double> ink(n + 1, 0);  // ink[i]: the rough label area of events [0, i)
  for (std::size_t i = 0; i < n; ++i) ink[i + 1] = ink[i] + rough_label_area(tl.events[i], st);
  double page_ink = 0;
  while (a < n) {
    if (cuts.size() == max_pages) return std::nullopt;
    const bool first = cuts.empty();
    cuts.push_back(a);
    // Everything left, with the footer (tried only when it might fit: twice the last page's
    // count at most, so that a long document is not laid out whole at every page).
    kept_b = 0;
    if (n - a <= 2 * guess && probe_fits(a, n, first, true)) {
      if (pages) pages->push_back(std::move(kept));
      break;
    }
    // The most events that fit without the footer, searched outward from the last page's
    // count (pages of one document hold about as many; a long document: see `quick`), then
    // bisected; at least one event a page (a page that cannot hold one grows). The page is
    // then cut at the widest gap in time among its last fifth.
    std::size_t good = a + 1, bad = n;  // [a, good) fits (or is the minimum), [a, bad) does not
    auto gap_cut = [&](std::size_t b) { return b - a >= 5 ? widest_gap(tl, b - (b - a) / 5, b) : b; };
    auto search_up = [&] {  // from a fitting `good`: +1, +2, +4, ...
      for (std::size_t step = 1; good < n - 1; step *= 2) {
        const std::size_t probe = std::min(n - 1, good + step);
        if (!probe_fits(a, probe, first, false)) {
          bad = probe;
          return;
        }
        good = probe;
      }
    };
    auto search_down = [&] {  // from a failing `bad`: -1, -2, -4, ...
      for (std::size_t step = 1; bad - a > step + 1; step *= 2) {
        const std::size_t probe = bad - step;
        if (probe_fits(a, probe, first, false)) {
          good = probe;
          return;
        }
        bad = probe;
      }
    };
    std::size_t start = std::min(n - 1, a + std::max<std::size_t>(1, guess));
    if (quick && page_ink > 0) {
      const std::size_t by_ink = std::size_t(std::upper_bound(ink.begin() + std::ptrdiff_t(a), ink.end(), ink[a] + page_ink) - ink.begin()) - 1;
      start = std::clamp(by_ink, a + 1, n - 1);
    }
    if (quick && start > good) {
      // A long document: each probe's next count from the height it needed (c events that
      // need h pt: about c × page / h fit), within what fits and what does not.
      std::size_t b = start;
      while (bad - good > 1) {
        const bool ok = probe_fits(a, b, first, false);
        (ok ? good : bad) = b;
        if (bad - good <= 1) break;
        const double ratio = needed > 0 ? st.page.height / needed : 1;
        auto next = std::size_t(double(a) + double(b - a) * ratio);
        if (ok) next = std::max(next, b + 1);
        else next = std::min(next, b - 1);
        b = std::clamp(next, good + 1, bad - 1);
      }
    } else if (start > good) {
      if (probe_fits(a, start, first, false)) {
        good = start;
        search_up();
      } else {
        bad = start;
        search_down();
      }
    }
    while (bad - good > 1) {
      const std::size_t mid = good + (bad - good) / 2;
      if (probe_fits(a, mid, first, false)) good = mid;
      else bad = mid;
    }
    std::size_t cut = gap_cut(good);
    if (cut != good) {  // fitting is not monotone: the page up to the wider gap must fit too
      Scene s = chunk_page(tl, st, a, cut, first, false, m);
      if (fits(s, st)) kept = std::move(s), kept_b = cut;
      else cut = good;
    }
    if (pages) pages->push_back(kept_b == cut ? std::move(kept) : chunk_page(tl, st, a, cut, first, false, m));
    guess = good - a;
    page_ink = ink[good] - ink[a];
    a = cut;
  }
  return cuts;
}

std::optional<Cuts> balanced_cuts(const model::Timeline& tl, const style::Style& st, TextMeasurer& m, std::size_t k) {
  const std::size_t n = tl.events.size();
  if (k == 0 || k > n) return std::nullopt;
  Cuts cuts{0};
  const double share = double(n) / double(k);
  for (std::size_t p = 1; p < k; ++p) {
    const double ideal = share * double(p);
    const std::size_t reach = std::size_t(share / 5);
    const std::size_t lo = std::max(cuts.back() + 1, std::size_t(std::llround(ideal)) - std::min(reach, std::size_t(ideal)));
    const std::size_t hi = std::min(n - (k - p), std::size_t(std::llround(ideal)) + reach);
    if (lo > hi) return std::nullopt;
    cuts.push_back(widest_gap(tl, lo, hi));
  }
  for (std::size_t p = 0; p < k; ++p) {
    const std::size_t b = p + 1 < k ? cuts[p + 1] : n;
    if (!fits(chunk_page(tl, st, cuts[p], b, p == 0, p + 1 == k, m), st)) return std::nullopt;
  }
  return cuts;
}

bool even_out(const model::Timeline& tl, const style::Style& st, TextMeasurer& m, Cuts& cuts) {
  const std::size_t n = tl.events.size(), k = cuts.size();
  auto page_fits = [&](std::size_t p, std::size_t a, std::size_t b) {
    return fits(chunk_page(tl, st, a, b, p == 0, p + 1 == k, m), st);
  };
  bool changed = false;
  for (int pass = 0; pass < 3; ++pass) {
    bool moved = false;
    for (std::size_t p = k; p-- > 1;) {  // from the last page back: a short last page takes from the one before
      const std::size_t a = cuts[p - 1], c = cuts[p], b = p + 1 < k ? cuts[p + 1] : n;
      const std::size_t even = a + (b - a + 1) / 2;
      for (std::size_t cut = even; cut + 1 < c; ++cut)  // the most even split both pages of which fit
        if (page_fits(p - 1, a, cut) && page_fits(p, cut, b)) {
          cuts[p] = cut;
          moved = changed = true;
          break;
        }
    }
    if (!moved) break;
  }
  return changed;
}

Scene paged_scene(const model::Timeline& tl, const style::Style& st, TextMeasurer& m, const Cuts& cuts, bool overview,
                  std::vector<Scene> laid_out) {
  const std::size_t n = tl.events.size();
  const int count = int(cuts.size());
  Scene doc;
  for (int k = 0; k < count; ++k) {
    const std::size_t a = cuts[std::size_t(k)], b = k + 1 < count ? cuts[std::size_t(k) + 1] : n;
    Scene p = laid_out.size() == cuts.size() ? std::move(laid_out[std::size_t(k)])
                                             : chunk_page(tl, st, a, b, k == 0, k + 1 == count, m);
    if (k == 0) {
      doc.width = p.width;
      doc.height = p.height;
      doc.orientation = p.orientation;
      doc.background = p.background;
      doc.info = p.info;
    }
    const Window w = page_window(tl, a, b);
    const PageSize size{p.width, p.height, st.page.unit, w.from, w.to};
    doc.pages.push_back(size);
    doc.fit.crossings += p.fit.crossings;
    for (auto& it : p.items) {
      it.page = k;
      doc.items.push_back(std::move(it));
    }
    margin_items(tl, st, size, k, count, m, doc.items);
    if (overview && count > 1) overview_items(tl, st, size, k, doc.items);
    // Bookmarks by page, each with its events.
    doc.outline.push_back({"Page " + std::to_string(k + 1), -1, 0, 0, k});
    const int parent = int(doc.outline.size()) - 1;
    for (const auto& o : p.outline) {
      if (!tl.tracks.empty() && o.parent < 0) continue;  // the page's own track headings
      doc.outline.push_back({o.title, parent, o.x, o.y, k});
    }
  }
  return doc;
}

}  // namespace chronicle::layout
