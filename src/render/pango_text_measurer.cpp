#include "render/pango_text_measurer.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

#include "render/font_session_impl.h"

namespace chronicle::render {
namespace {

std::string measure_key(const layout::Font& font, double max_width, const std::string& text) {
  std::string key = font_key(font);
  key += '\x1f';
  key += std::to_string(std::llround(max_width * 1000));
  key += '\x1f';
  key += text;
  return key;
}

std::string line_key(const layout::Font& font, const std::string& line) {
  std::string key = font_key(font);
  key += '\x1f';
  key += line;
  return key;
}

/// A helper thread gets at least this many texts: below it, starting the thread and
/// loading fonts into its font map would cost a good part of what it saves (a batch of
/// fewer than twice this many is measured on the calling thread alone).
constexpr std::size_t texts_per_helper = 500;

}  // namespace

/// One Pango context and the layouts made from it; used by one thread at a time.
struct PangoTextMeasurer::Shaper {
  PangoContext* context;
  bool owns_context;
  std::map<std::string, PangoLayout*> layouts;  ///< one per font, reused
  std::set<std::string> fonts_used;             ///< a helper's own, merged by the measurer
  std::unordered_set<PangoFont*> seen;

  Shaper(PangoContext* c, bool owns) : context(c), owns_context(owns) {}
  ~Shaper() {
    for (auto& [key, layout] : layouts) g_object_unref(layout);
    for (PangoFont* f : seen) g_object_unref(f);
    if (owns_context) g_object_unref(context);
  }

  /// Creating layouts and font descriptions costs more than shaping a label: one per font.
  PangoLayout* layout_for(const layout::Font& font) {
    const std::string key = font_key(font);
    auto it = layouts.find(key);
    if (it != layouts.end()) return it->second;
    PangoLayout* layout = pango_layout_new(context);
    PangoFontDescription* desc = describe(font);
    pango_layout_set_font_description(layout, desc);
    pango_font_description_free(desc);
    layouts[key] = layout;
    return layout;
  }

  /// One shaping per text: the text is laid out at the wrap width once, and each line's
  /// width is read from that layout (of the line without its trailing spaces, in visual
  /// ranges, so that right-to-left runs count right). With `keep`, the paragraph layout
  /// is returned for drawing (a layout of its own), else the font's reusable one is used.
  Shaped shape(const std::string& text, const layout::Font& font, double max_width, bool keep,
               std::set<std::string>& used, std::unordered_set<PangoFont*>& seen_fonts) {
    PangoLayout* layout = keep ? pango_layout_copy(layout_for(font)) : layout_for(font);
    pango_layout_set_width(layout, max_width > 0 ? int(max_width * PANGO_SCALE) : -1);
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(layout, text.data(), int(text.size()));
    note_fonts(layout, used, seen_fonts);
    Shaped out;
    for (GSList* l = pango_layout_get_lines_readonly(layout); l; l = l->next) {
      auto* line = static_cast<PangoLayoutLine*>(l->data);
      std::size_t start = std::size_t(line->start_index), length = std::size_t(line->length);
      while (length > 0 && (text[start + length - 1] == ' ' || text[start + length - 1] == '\n')) --length;
      double width = 0;
      if (length > 0) {
        int* ranges = nullptr;
        int n = 0;
        pango_layout_line_get_x_ranges(line, int(start), int(start + length), &ranges, &n);
        for (int k = 0; k < n; ++k) width += double(ranges[2 * k + 1] - ranges[2 * k]) / PANGO_SCALE;
        g_free(ranges);
      }
      if (out.lines.empty() && l->next == nullptr && length == text.size()) {  // one line, nothing trimmed
        PangoRectangle logical;
        pango_layout_line_get_extents(line, nullptr, &logical);
        width = double(logical.width) / PANGO_SCALE;
      }
      out.lines.push_back({text.substr(start, length), width});
    }
    if (out.lines.empty()) out.lines.push_back({"", 0});
    if (keep) out.kept = layout;
    else pango_layout_set_width(layout, -1);
    return out;
  }
};

PangoTextMeasurer::PangoTextMeasurer(PangoContext* context, std::function<PangoContext*()> make_context,
                                     unsigned threads, std::set<std::string>* fonts_used,
                                     std::unordered_set<PangoFont*>* seen)
    : main_(std::make_unique<Shaper>(context, false)),
      make_context_(std::move(make_context)),
      threads_(std::max(1u, threads)),
      context_(context),
      fonts_used_(fonts_used),
      seen_fonts_(seen) {}

PangoTextMeasurer::~PangoTextMeasurer() {
  for (PangoLayout* layout : kept_) g_object_unref(layout);
  // Shapers last: their contexts own the font maps the kept layouts' fonts come from.
}

PangoLayoutLine* PangoTextMeasurer::shaped_line(const layout::Font& font, const std::string& text) const {
  auto it = shaped_.find(line_key(font, text));
  if (it == shaped_.end()) return nullptr;
  return pango_layout_get_line_readonly(it->second.first, it->second.second);
}

PangoTextMeasurer::Shaper& PangoTextMeasurer::helper(std::size_t index) {
  while (helpers_.size() <= index) helpers_.push_back(std::make_unique<Shaper>(make_context_(), true));
  return *helpers_[index];
}

const std::vector<layout::MeasuredLine>& PangoTextMeasurer::store(std::string key, const layout::Font& font,
                                                                  Shaped shaped) {
  if (shaped.kept) {
    // The first paragraph that made a line is the one drawn for it.
    for (std::size_t i = 0; i < shaped.lines.size(); ++i)
      shaped_.emplace(line_key(font, shaped.lines[i].text), std::make_pair(shaped.kept, int(i)));
    kept_.push_back(shaped.kept);
  }
  return measured_.emplace(std::move(key), std::move(shaped.lines)).first->second;
}

std::vector<layout::MeasuredLine> PangoTextMeasurer::wrap(const std::string& text, const layout::Font& font,
                                                          double max_width) {
  // Measured before (a date line many events share, a label a lane measures again)?
  std::string key = measure_key(font, max_width, text);
  if (auto it = measured_.find(key); it != measured_.end()) return it->second;
  return store(std::move(key), font,
               main_->shape(text, font, max_width, kept_.size() < max_kept, *fonts_used_, *seen_fonts_));
}

void PangoTextMeasurer::measure_ahead(const std::vector<layout::TextRequest>& requests) {
  // The texts not measured yet, once each, in the order asked.
  struct Todo {
    std::string key;
    const layout::TextRequest* request;
    Shaped shaped;
  };
  std::vector<Todo> todo;
  std::unordered_set<std::string> queued;
  for (const auto& r : requests) {
    std::string key = measure_key(r.font, r.max_width, r.text);
    if (measured_.count(key) || queued.count(key)) continue;
    queued.insert(key);
    todo.push_back({std::move(key), &r, {}});
  }
  // Always measured here, in the batch's order, whatever the number of threads: the
  // results (and which layouts are kept for drawing) are the same for every number.
  const std::size_t threads = std::clamp<std::size_t>(todo.size() / texts_per_helper, 1, threads_);

  // Threads take the next chunk of the batch until none is left; a text's results go to
  // its place in the batch, and whether its layout is kept for drawing depends on that
  // place only (as when measuring one by one), so the outcome does not depend on which
  // thread measured what.
  const std::size_t first_kept = kept_.size();
  constexpr std::size_t chunk = 32;
  std::atomic<std::size_t> next{0};
  auto work = [&](Shaper& shaper, std::set<std::string>& used, std::unordered_set<PangoFont*>& seen) {
    for (;;) {
      const std::size_t begin = next.fetch_add(chunk);
      if (begin >= todo.size()) return;
      for (std::size_t i = begin; i < std::min(todo.size(), begin + chunk); ++i) {
        const auto& r = *todo[i].request;
        todo[i].shaped = shaper.shape(r.text, r.font, r.max_width, first_kept + i < max_kept, used, seen);
      }
    }
  };
  std::vector<Shaper*> shapers;
  for (std::size_t t = 1; t < threads; ++t) shapers.push_back(&helper(t - 1));
  std::vector<std::thread> workers;
  for (Shaper* s : shapers) workers.emplace_back([&work, s] { work(*s, s->fonts_used, s->seen); });
  work(*main_, *fonts_used_, *seen_fonts_);
  for (auto& w : workers) w.join();
  for (Shaper* s : shapers) {
    fonts_used_->insert(s->fonts_used.begin(), s->fonts_used.end());
    s->fonts_used.clear();
  }
  for (auto& t : todo) store(std::move(t.key), t.request->font, std::move(t.shaped));
}

double PangoTextMeasurer::line_height(const layout::Font& font) {
  const std::string key = font_key(font);
  auto it = line_heights_.find(key);
  if (it != line_heights_.end()) return it->second;
  PangoFontDescription* desc = describe(font);
  PangoFontMetrics* m = pango_context_get_metrics(context_, desc, pango_language_from_string("en"));
  double h = double(pango_font_metrics_get_ascent(m) + pango_font_metrics_get_descent(m)) / PANGO_SCALE;
  pango_font_metrics_unref(m);
  pango_font_description_free(desc);
  line_heights_[key] = h;
  return h;
}

}  // namespace chronicle::render
