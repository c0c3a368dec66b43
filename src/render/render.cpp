#include "render/render.h"

#include <cctype>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <vector>

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "render/draw_items.h"
#include "render/font_session_impl.h"
#include "render/pdf_artifacts.h"
#include "render/svg_text_layer.h"

namespace chronicle::render {
namespace {

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

enum class Target { Png, Pdf, Svg };

/// The order a page is drawn in, the same in every format: the page's own items (eras,
/// lanes, axis, title, legend, sources) as the layout gives them, then each event's marks
/// together (its span or whisker, leader, marker, label), events in time order. So an SVG
/// can hold each event in a group of its own, and a PDF's content is in reading order.
struct DrawOrder {
  std::vector<const layout::Item*> page_items;
  std::vector<std::pair<std::string, std::vector<const layout::Item*>>> events;  ///< id, its items
};

DrawOrder draw_order(const layout::Scene& scene, int page) {
  DrawOrder order;
  std::map<std::string, std::size_t> index;
  for (const auto* label : layout::labels_in_time_order(scene, page))  // events in time order
    if (index.emplace(label->event, order.events.size()).second) order.events.push_back({label->event, {}});
  const auto [first, end] = layout::page_items(scene, page);
  for (const layout::Item* item = first; item != end; ++item) {
    const layout::Item& it = *item;
    if (it.page != page) continue;
    auto at = it.event.empty() ? index.end() : index.find(it.event);
    if (at == index.end() && !it.event.empty()) {  // an event's mark with no label on this page
      at = index.emplace(it.event, order.events.size()).first;
      order.events.push_back({it.event, {}});
    }
    if (at == index.end()) order.page_items.push_back(&it);
    else order.events[at->second].second.push_back(&it);
  }
  auto rank = [](layout::ItemKind k) {
    using layout::ItemKind;
    return k == ItemKind::Bar || k == ItemKind::Precision ? 0 : k == ItemKind::Leader ? 1 : k == ItemKind::Marker ? 2 : 3;
  };
  for (auto& e : order.events)
    std::stable_sort(e.second.begin(), e.second.end(),
                     [&](const layout::Item* a, const layout::Item* b) { return rank(a->kind) < rank(b->kind); });
  return order;
}

/// An SVG's group delimiters: a speck Cairo writes as a <path> of this colour, which
/// group_svg_events() turns into <g id="event-ID-marks"> ... </g> (and removes).
void svg_delimiter(cairo_t* cr, bool begin) {
  cairo_save(cr);
  if (begin) cairo_set_source_rgba(cr, 0.1, 0.2, 0.3, 0.01);
  else cairo_set_source_rgba(cr, 0.3, 0.2, 0.1, 0.01);
  cairo_rectangle(cr, 0, 0, 0.01, 0.01);
  cairo_fill(cr);
  cairo_restore(cr);
}

/// Draws page `page`. A PDF page is also its structure, in reading order: the title a
/// heading (H1), the subtitle a paragraph, each event's label a paragraph (P: its date
/// line, references and title together) in time order, the legend and the sources lists
/// (L, LI); what stays outside every element (the chart's lines and marks) is marked as
/// artifacts afterwards (pdf_artifacts.h). An SVG page delimits each event's marks for
/// group_svg_events().
void draw_scene(cairo_t* cr, FontSession& fonts, const layout::Scene& scene, int page, Target target,
                std::vector<std::string>* groups = nullptr) {
  PangoContext* pango = new_measuring_context(fonts.impl().font_map);
  pango_cairo_update_context(cr, pango);  // the page's transform; options stay the measuring ones
  DrawContext dc{cr, pango, fonts.impl().context, {}, fonts.impl().measurer.get(), &fonts.impl().ascents,
                 target == Target::Pdf};
  set_color(cr, scene.background);
  cairo_paint(cr);
  // One structure element around the page. Besides tagging the PDF, it works around
  // Cairo 1.16, which reserves a structure tree for link annotations but writes it only
  // when a structure tag exists: without one, a PDF with links has a broken xref.
  cairo_tag_begin(cr, "Document", "");
  using layout::ItemKind;
  const bool tagged = target == Target::Pdf;
  auto tagged_item = [&](const layout::Item& it, const char* tag) {
    if (tagged) cairo_tag_begin(cr, tag, "");
    draw_item(dc, it);
    if (tagged) cairo_tag_end(cr, tag);
  };
  const DrawOrder order = draw_order(scene, page);
  // SVG groups of the page's own items: each track's lane (its band and line) and the run of
  // eras (bands and labels), named in `groups` in the order they are delimited.
  auto run_of = [](ItemKind k) {
    return k == ItemKind::Lane || k == ItemKind::LaneLine ? 1 : k == ItemKind::Era || k == ItemKind::EraLabel ? 2 : 0;
  };
  int open_run = 0, lanes = 0;
  auto close_run = [&] {
    if (open_run && target == Target::Svg) svg_delimiter(cr, false);
    open_run = 0;
  };
  std::vector<const layout::Item*> legend, sources;
  for (const auto* it : order.page_items) {
    const int run = run_of(it->kind);
    // A lane starts a group of its own (its line follows it); eras form one group.
    if (run != open_run || it->kind == ItemKind::Lane) {
      close_run();
      if (run && target == Target::Svg) {
        svg_delimiter(cr, true);
        // ('\x01' marks a page group's name, which no event id can be mistaken for.)
        if (groups) groups->push_back(run == 1 ? "\x01track-" + std::to_string(++lanes) : "\x01" "eras");
      }
      open_run = run;
    }
    if (it->kind == ItemKind::Legend) legend.push_back(it);
    else if (it->kind == ItemKind::Sources) sources.push_back(it);
    else if (it->kind == ItemKind::Title) tagged_item(*it, "H1");
    else if (it->kind == ItemKind::Subtitle) tagged_item(*it, "P");
    else draw_item(dc, *it);
  }
  close_run();
  for (const auto& [id, items] : order.events) {
    if (target == Target::Svg) svg_delimiter(cr, true);
    if (groups) groups->push_back(id);
    for (const auto* it : items) {
      if (it->kind == ItemKind::Label) tagged_item(*it, "P");
      else draw_item(dc, *it);
    }
    if (target == Target::Svg) svg_delimiter(cr, false);
  }
  for (const auto* group : {&legend, &sources}) {
    if (group->empty()) continue;
    if (tagged) cairo_tag_begin(cr, "L", "");
    for (const auto* it : *group) {
      const bool heading = it->lines.size() == 1 && (it->text == "Sources" || it->text == "Tracks" ||
                                                     it->text == "Eras" || it->text == "Markers");
      tagged_item(*it, heading ? "Caption" : "LI");
    }
    if (tagged) cairo_tag_end(cr, "L");
  }
  cairo_tag_end(cr, "Document");
  g_object_unref(pango);
}


/// Cairo numbers SVG surfaces with a process-wide counter ("surface6" for the second
/// SVG a process draws). Renumber them in order of appearance, so an SVG's bytes do not
/// depend on what else the process rendered before (--watch, several outputs).
void renumber_svg_surfaces(std::string& svg) {
  std::map<std::string, std::string> renamed;
  std::string out;
  out.reserve(svg.size());
  const std::string key = "surface";
  std::size_t pos = 0;
  for (;;) {
    std::size_t at = svg.find(key, pos);
    if (at == std::string::npos) break;
    std::size_t end = at + key.size();
    while (end < svg.size() && std::isdigit(static_cast<unsigned char>(svg[end]))) ++end;
    out.append(svg, pos, at - pos);
    if (end == at + key.size()) {
      out += key;
    } else {
      std::string old = svg.substr(at, end - at);
      auto it = renamed.emplace(old, key + std::to_string(renamed.size() + 1)).first;
      out += it->second;
    }
    pos = end;
  }
  out.append(svg, pos, std::string::npos);
  svg.swap(out);
}

bool check(cairo_status_t status, const char* what, Diagnostics& diags) {
  if (status == CAIRO_STATUS_SUCCESS) return true;
  diags.error({}, "", std::string("cannot draw the ") + what + ": " + cairo_status_to_string(status));
  return false;
}

}  // namespace

const char* RenderOptions::version() { return CHRONICLE_VERSION; }

std::optional<Format> format_from_path(const std::string& path) {
  auto dot = path.find_last_of('.');
  if (dot == std::string::npos) return std::nullopt;
  std::string ext = path.substr(dot + 1);
  for (auto& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
  if (ext == "svg") return Format::Svg;
  if (ext == "pdf") return Format::Pdf;
  if (ext == "png") return Format::Png;
  return std::nullopt;
}

std::optional<std::string> render_scene(const layout::Scene& scene, Format format, FontSession& fonts,
                                        const RenderOptions& options, Diagnostics& diags, int page) {
  std::string bytes;
  const layout::PageSize size = scene.page_size(format == Format::Pdf ? 0 : page);
  if (format == Format::Png) {
    double scale = options.png_dpi / 72.0;
    // Cairo's image surface allows 32,767 pixels a side; memory and time, 64 million pixels (256 MB
    // of ARGB) an image: past either, the resolution is lowered, with a warning.
    constexpr double max_side = 32767, max_area = 64e6;
    const double fit = std::min({max_side / size.width, max_side / size.height,
                                 std::sqrt((max_area - 2 * max_side) / (size.width * size.height))});  // sides round up
    if (scale > fit) {
      scale = std::floor(fit * 72.0 * 100) / (72.0 * 100);
      diags.warning({}, "", "the page (" + std::to_string(int(size.width)) + " x " + std::to_string(int(size.height)) +
                                " pt) is too large for a PNG at " + std::to_string(int(options.png_dpi)) +
                                " dpi (at most 32,767 pixels a side and 64 million in all); drawn at " +
                                std::to_string(int(scale * 72)) + " dpi");
    }
    const int w = int(std::ceil(size.width * scale - 1e-6)), h = int(std::ceil(size.height * scale - 1e-6));
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    cairo_t* cr = cairo_create(surface);
    cairo_scale(cr, scale, scale);
    draw_scene(cr, fonts, scene, page, Target::Png);
    bool ok = check(cairo_status(cr), "PNG", diags);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    ok = ok && check(cairo_surface_write_to_png_stream(surface, append_bytes, &bytes), "PNG", diags);
    cairo_surface_destroy(surface);
    if (!ok) return std::nullopt;
    return bytes;
  }
  cairo_surface_t* surface = nullptr;
  const bool px = format == Format::Svg && size.unit == "px";
  constexpr double px_per_pt = 4.0 / 3.0;  // CSS: 96 px to 72 pt
  if (format == Format::Pdf) {
    surface = cairo_pdf_surface_create_for_stream(append_bytes, &bytes, size.width, size.height);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, scene.info.title.c_str());
    if (!scene.info.author.empty())
      cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, scene.info.author.c_str());
    if (!scene.info.subtitle.empty())
      cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, scene.info.subtitle.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, options.creator.c_str());
    if (!options.creation_date.empty()) {
      cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, options.creation_date.c_str());
      cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, options.creation_date.c_str());
    }
  } else if (px) {  // a slide: width="1920px", viewBox in px, drawn at 4/3 scale
    surface = cairo_svg_surface_create_for_stream(append_bytes, &bytes, size.width * px_per_pt, size.height * px_per_pt);
    cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX);
  } else {
    surface = cairo_svg_surface_create_for_stream(append_bytes, &bytes, size.width, size.height);
    cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT);
  }
  if (format == Format::Pdf && !scene.info.keywords.empty())
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, scene.info.keywords.c_str());
  cairo_t* cr = cairo_create(surface);
  std::vector<std::string> svg_groups;  // the ids of the SVG's groups, in the order drawn
  if (px) cairo_scale(cr, px_per_pt, px_per_pt);
  if (format == Format::Pdf) {  // every page, each at its own size
    for (int k = 0; k < scene.page_count(); ++k) {
      const layout::PageSize ps = scene.page_size(k);
      cairo_pdf_surface_set_size(surface, ps.width, ps.height);
      draw_scene(cr, fonts, scene, k, Target::Pdf);
      cairo_show_page(cr);
    }
    std::vector<int> ids;  // bookmarks: by track, then event
    for (const auto& o : scene.outline) {
      char dest[96];
      std::snprintf(dest, sizeof dest, "page=%d pos=[%.2f %.2f]", o.page + 1, o.x, o.y);
      const int parent = o.parent >= 0 ? ids[std::size_t(o.parent)] : CAIRO_PDF_OUTLINE_ROOT;
      ids.push_back(cairo_pdf_surface_add_outline(surface, parent, o.title.c_str(), dest,
                                                  o.parent < 0 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(0)));
    }
  } else {
    draw_scene(cr, fonts, scene, page, Target::Svg, &svg_groups);
  }
  bool ok = check(cairo_status(cr), format == Format::Pdf ? "PDF" : "SVG", diags);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  ok = ok && check(cairo_surface_status(surface), format == Format::Pdf ? "PDF" : "SVG", diags);
  cairo_surface_destroy(surface);
  if (!ok) return std::nullopt;
  if (format == Format::Pdf) bytes = mark_pdf_artifacts(bytes);
  if (format == Format::Svg) {
    renumber_svg_surfaces(bytes);
    group_svg_events(bytes, svg_groups);
    round_svg_numbers(bytes);
    add_svg_text_layer(bytes, scene, page, px ? px_per_pt : 1.0);
  }
  return bytes;
}

}  // namespace chronicle::render
