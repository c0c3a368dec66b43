// Pass 6: a timeline too long for one page flows onto more pages (briefings, slides).
#include <algorithm>
#include <cmath>

#include "layout/layout.h"
#include "layout/page_blocks.h"

namespace chronicle::layout {
namespace {

/// The events [a, b) of `tl`, with the eras that overlap them, clipped to their stretch.
model::Timeline chunk_of(const model::Timeline& tl, std::size_t a, std::size_t b) {
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
  model::Seconds first = c.events.front().first(), last = c.events.front().last();
  for (const auto& e : c.events) {
    first = std::min(first, e.first());
    last = std::max(last, e.last());
  }
  for (auto era : tl.eras) {
    if (era.end.to <= first || era.start.from >= last) continue;
    if (era.start.from < first) era.start.from = era.start.to = first, era.start.casual = false;
    if (era.end.to > last) era.end.to = era.end.from = last, era.end.casual = false;
    c.eras.push_back(era);
  }
  return c;
}

class Paginator {
 public:
  Paginator(const model::Timeline& tl, const style::Style& st, TextMeasurer& m) : tl_(tl), st_(st), m_(m) {}

  Scene run() {
    const std::size_t n = tl_.events.size();
    std::vector<Scene> pages;
    std::size_t a = 0, guess = n;
    while (a < n) {
      const bool first = pages.empty();
      // Everything left, with the footer, on this page?
      Scene rest = page(a, n, first, true);
      if (fits(rest)) {
        pages.push_back(std::move(rest));
        break;
      }
      // The most events that fit without the footer: gallop from the last page's count,
      // then bisect; at least one event a page (a page that cannot hold one grows).
      std::size_t good = a + 1, bad = n;  // [a, good) fits (or is the minimum), [a, bad) does not
      std::size_t probe = std::min(n - 1, a + std::max<std::size_t>(1, guess));
      while (probe > good) {
        if (fits(page(a, probe, first, false))) {
          good = probe;
          if (probe >= n - 1) break;
          probe = std::min(n - 1, a + (probe - a) * 2);
        } else {
          bad = probe;
          break;
        }
      }
      while (bad - good > 1) {
        const std::size_t mid = good + (bad - good) / 2;
        if (fits(page(a, mid, first, false))) good = mid;
        else bad = mid;
      }
      // Cut at the widest gap in time among the last fifth of what fits.
      std::size_t cut = good;
      if (good - a >= 5) {
        model::Seconds widest = -1;
        for (std::size_t b = good; b > a + 1 && b >= good - (good - a) / 5; --b) {
          const model::Seconds gap = tl_.events[b].anchor() - tl_.events[b - 1].anchor();
          if (gap > widest) widest = gap, cut = b;
        }
      }
      pages.push_back(page(a, cut, first, false));
      guess = cut - a;
      a = cut;
    }
    return assemble(std::move(pages));
  }

 private:
  Scene page(std::size_t a, std::size_t b, bool first, bool last) {
    style::Style st = st_;
    st.header.title = st.header.title && first;
    st.header.subtitle = st.header.subtitle && first;
    st.header.date = st.header.date && first;
    st.footer.legend = st.footer.legend && last;
    st.footer.sources = st.footer.sources && last;
    return layout_page(chunk_of(tl_, a, b), st, m_, &tl_);  // the legend on the last page: the whole document's
  }

  bool fits(const Scene& s) const { return s.height <= st_.page.height + 0.5 && s.width <= st_.page.width + 0.5; }

  /// The pages as one scene: items and outline numbered by page; the running header and
  /// page numbers in the margins.
  Scene assemble(std::vector<Scene> pages) {
    Scene doc;
    doc.width = pages.front().width;
    doc.height = pages.front().height;
    doc.orientation = pages.front().orientation;
    doc.background = pages.front().background;
    doc.info = pages.front().info;
    const int count = int(pages.size());
    const Font small = font_of(st_, st_.font.small);
    const double margin = st_.page.margin;
    for (int k = 0; k < count; ++k) {
      Scene& p = pages[std::size_t(k)];
      doc.pages.push_back({p.width, p.height, st_.page.unit});
      for (auto& it : p.items) {
        it.page = k;
        doc.items.push_back(std::move(it));
      }
      auto margin_text = [&](ItemKind kind, const std::string& text, double x, double y) {
        TextBlock t = text_block(text, small, st_.color.muted, 0, m_);
        translate(t, x, y);
        Item it{kind};
        it.text = text;
        it.lines = t.lines;
        it.box = bounds_of(t.lines);
        it.page = k;
        doc.items.push_back(it);
        return t.width;
      };
      const double lh = m_.line_height(small);
      if (st_.header.running && k > 0 && count > 1) {  // title left, date right, above the margin line
        const double y = std::max(2.0, margin / 2 - lh / 2);
        double date_w = 0;
        if (!tl_.date.empty()) {
          date_w = m_.width(tl_.date, small);
          margin_text(ItemKind::RunningHeader, tl_.date, p.width - margin - date_w, y);
        }
        std::string title = tl_.title;
        const double room = p.width - 2 * margin - date_w - 24;
        while (!title.empty() && m_.width(title, small) > room) {  // shorten to one line, at a character boundary
          title.pop_back();
          while (!title.empty() && (static_cast<unsigned char>(title.back()) & 0xC0) == 0x80) title.pop_back();
          if (m_.width(title + "…", small) <= room) {
            title += "…";
            break;
          }
        }
        if (!title.empty()) margin_text(ItemKind::RunningHeader, title, margin, y);
      }
      if (st_.footer.page_numbers && count > 1) {
        const std::string text = std::to_string(k + 1) + " / " + std::to_string(count);
        const double w = m_.width(text, small);
        margin_text(ItemKind::PageNumber, text, p.width - margin - w, p.height - std::max(2.0 + lh, margin / 2 + lh / 2));
      }
      // Bookmarks by page, each with its events.
      doc.outline.push_back({"Page " + std::to_string(k + 1), -1, 0, 0, k});
      const int parent = int(doc.outline.size()) - 1;
      for (const auto& o : p.outline) {
        if (!tl_.tracks.empty() && o.parent < 0) continue;  // the page's own track headings
        doc.outline.push_back({o.title, parent, o.x, o.y, k});
      }
    }
    return doc;
  }

  const model::Timeline& tl_;
  const style::Style& st_;
  TextMeasurer& m_;
};

}  // namespace

Scene layout_timeline(const model::Timeline& timeline, const style::Style& style, TextMeasurer& measure) {
  if (style.page.flow == "pages" && !timeline.events.empty()) {
    Scene whole = layout_page(timeline, style, measure);
    if (whole.height > style.page.height + 0.5 || whole.width > style.page.width + 0.5)
      return Paginator(timeline, style, measure).run();
    whole.pages = {{whole.width, whole.height, style.page.unit}};
    return whole;
  }
  Scene s = layout_page(timeline, style, measure);
  s.pages = {{s.width, s.height, style.page.unit}};
  return s;
}

}  // namespace chronicle::layout
