#include "render/svg_text_layer.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <vector>
#include <map>
#include <set>

namespace chronicle::render {
namespace {

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

/// An XML id from an event id: letters, digits, '-', '_' and '.' kept, others '-'.
std::string xml_id(const std::string& event) {
  std::string out = "event-";
  for (unsigned char c : event) out += (std::isalnum(c) || c == '-' || c == '_' || c == '.') ? char(c) : '-';
  return out;
}

std::string num(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.2f", v);
  std::string s = b;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

std::string text_element(const layout::TextLine& l, double scale) {
  // The baseline about four fifths down the line box (Noto Sans: ascent 1.069 em of a
  // 1.362 em line), stretched to the width the glyphs take.
  const double size = l.font.size * scale;
  std::string e = "<text x=\"" + num(l.x * scale) + "\" y=\"" + num((l.y + l.height * 0.785) * scale) +
                  "\" font-size=\"" + num(size) + "\"";
  if (l.font.bold) e += " font-weight=\"bold\"";
  if (l.width > 0) e += " textLength=\"" + num(l.width * scale) + "\" lengthAdjust=\"spacingAndGlyphs\"";
  return e + ">" + xml_escape(l.text) + "</text>";
}

std::string joined(const layout::Item& it) {
  std::string s;
  for (const auto& l : it.lines) s += (s.empty() ? "" : " ") + l.text;
  return s;
}

}  // namespace

void add_svg_text_layer(std::string& svg, const layout::Scene& scene, int page, double scale) {
  // Document title and description, right after the root element's opening tag.
  const auto root = svg.find("<svg");
  const auto root_end = root == std::string::npos ? root : svg.find('>', root);
  const auto close = svg.rfind("</svg>");
  if (root_end == std::string::npos || close == std::string::npos || close < root_end) return;
  std::size_t events = 0;
  std::set<std::string> seen;
  for (const auto& it : scene.items)
    if (it.page == page && it.kind == layout::ItemKind::Label && !it.event.empty()) events += seen.insert(it.event).second;
  std::string desc = scene.info.subtitle;
  if (!desc.empty() && desc.back() != '.') desc += '.';
  desc += (desc.empty() ? "" : " ") + std::string("A timeline of ") + std::to_string(events) +
          (events == 1 ? " event" : " events") +
          (scene.page_count() > 1 ? " (page " + std::to_string(page + 1) + " of " + std::to_string(scene.page_count()) + ")"
                                  : std::string()) +
          ", drawn by chronicle.";
  const std::string head = "<title id=\"chronicle-title\">" + xml_escape(scene.info.title) +
                           "</title>\n<desc id=\"chronicle-desc\">" + xml_escape(desc) + "</desc>\n";
  // The text layer, last: on top of the drawing, so that a selection finds it.
  std::string layer = "<g id=\"chronicle-text\" font-family=\"Noto Sans, sans-serif\" fill=\"#000000\" "
                      "fill-opacity=\"0\" aria-hidden=\"false\">\n";
  std::string events_group = "<g id=\"events\" role=\"list\" aria-label=\"Events\">\n";
  // Events in time order (along the axis), so that a screen reader and a copy read them so.
  std::map<std::string, int> ids;
  for (const layout::Item* label : layout::labels_in_time_order(scene, page)) {
    const auto& it = *label;
    if (!it.lines.empty()) {
      std::string id = xml_id(it.event);
      if (int n = ++ids[id]; n > 1) id += "-" + std::to_string(n);  // an event drawn again (an inset)
      const std::string label = xml_escape(joined(it));
      events_group += "<g id=\"" + id + "\" role=\"listitem\" aria-label=\"" + label + "\"><title>" + label + "</title>";
      for (const auto& l : it.lines) events_group += text_element(l, scale);
      events_group += "</g>\n";
    }
  }
  const auto [first, end] = layout::page_items(scene, page);
  for (const layout::Item* item = first; item != end; ++item) {
    const layout::Item& it = *item;
    if (it.page != page || it.lines.empty() || (it.kind == layout::ItemKind::Label && !it.event.empty())) continue;
    std::string texts;
    for (const auto& l : it.lines) texts += text_element(l, scale);
    layer += "<g class=\"" + std::string(layout::item_kind_name(it.kind)) + "\">" + texts + "</g>\n";
  }
  layer += events_group + "</g>\n</g>\n";
  svg.insert(close, layer);
  // The root: a document with a title and a description.
  std::string attrs = " role=\"graphics-document document\" aria-labelledby=\"chronicle-title\" "
                      "aria-describedby=\"chronicle-desc\"";
  svg.insert(root_end, attrs);
  svg.insert(root_end + attrs.size() + 1, "\n" + head);
}

void group_svg_events(std::string& svg, const std::vector<std::string>& events) {
  const std::string begin = "<path style=\" stroke:none;fill-rule:nonzero;fill:rgb(10%,20%,30%);fill-opacity:0.01;\"";
  const std::string end = "<path style=\" stroke:none;fill-rule:nonzero;fill:rgb(30%,20%,10%);fill-opacity:0.01;\"";
  auto element_end = [&](std::size_t at) {  // past "/>" and its line break
    std::size_t e = svg.find("/>", at);
    if (e == std::string::npos) return svg.size();
    e += 2;
    if (e < svg.size() && svg[e] == '\n') ++e;
    return e;
  };
  // Every delimiter, in order, found in one pass each.
  struct Mark {
    std::size_t at, past;
    bool open;
  };
  std::vector<Mark> marks;
  for (const std::string* d : {&begin, &end})
    for (std::size_t at = svg.find(*d); at != std::string::npos; at = svg.find(*d, at + 1))
      marks.push_back({at, element_end(at), d == &begin});
  std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) { return a.at < b.at; });
  // The output, appended in one pass: a pair becomes <g id> ... </g> when what lies between
  // nests (as many <g ...> as </g>, never closing more than opened); a delimiter is dropped.
  std::string out;
  out.reserve(svg.size() + events.size() * 48);
  std::map<std::string, int> ids;
  std::size_t pos = 0, next_event = 0;
  for (std::size_t m = 0; m < marks.size(); ++m) {
    out.append(svg, pos, marks[m].at - pos);
    pos = marks[m].past;
    if (!marks[m].open || m + 1 >= marks.size() || marks[m + 1].open || next_event >= events.size()) continue;
    const std::size_t from = marks[m].past, to = marks[m + 1].at;
    int depth = 0;
    bool nests = true;
    for (std::size_t k = from; k < to && nests; ++k) {
      if (svg[k] != '<') continue;
      if (svg.compare(k, 4, "</g>") == 0) nests = --depth >= 0;
      else if (svg.compare(k, 2, "<g") == 0 && (svg[k + 2] == ' ' || svg[k + 2] == '>')) ++depth;
    }
    nests = nests && depth == 0;
    const std::string& event = events[next_event++];
    // An event's marks are "event-ID-marks"; the page's own groups ("\x01track-2", "\x01eras") their names.
    std::string id = !event.empty() && event[0] == '\x01' ? event.substr(1) : xml_id(event) + "-marks";
    if (int n = ++ids[id]; n > 1) id += "-" + std::to_string(n);
    if (nests) out += "<g id=\"" + id + "\">\n";
    out.append(svg, from, to - from);
    if (nests) out += "</g>\n";
    pos = marks[m + 1].past;
    ++m;  // its closing delimiter is done
  }
  out.append(svg, pos, std::string::npos);
  svg.swap(out);
}

void round_svg_numbers(std::string& svg) {
  static const char* const names[] = {" d=\"", " x=\"", " y=\"", " width=\"", " height=\"",
                                      " points=\"", " x1=\"", " y1=\"", " x2=\"", " y2=\""};
  std::string out;
  out.reserve(svg.size());
  const std::size_t body = svg.find('>', svg.find("<svg"));  // the root's own width and height stay exact
  // One pass: at each space, is a geometry attribute starting here?
  for (std::size_t i = 0; i < svg.size();) {
    std::size_t name_len = 0;
    if (svg[i] == ' ' && i > body)
      for (const char* n : names)
        if (svg.compare(i, std::strlen(n), n) == 0) {
          name_len = std::strlen(n);
          break;
        }
    if (!name_len) {
      out += svg[i++];
      continue;
    }
    const std::size_t value = i + name_len, end = svg.find('"', value);
    if (end == std::string::npos) {
      out.append(svg, i, std::string::npos);
      break;
    }
    out.append(svg, i, value - i);
    for (std::size_t k = value; k < end;) {  // each number: digits, '.', digits
      const bool digit = std::isdigit(static_cast<unsigned char>(svg[k]));
      if (digit || (svg[k] == '.' && k + 1 < end && std::isdigit(static_cast<unsigned char>(svg[k + 1])))) {
        std::size_t e = k;
        while (e < end && std::isdigit(static_cast<unsigned char>(svg[e]))) ++e;
        if (e < end && svg[e] == '.') {
          std::size_t f = e + 1;
          while (f < end && std::isdigit(static_cast<unsigned char>(svg[f]))) ++f;
          if (f - e - 1 > 2 && (f >= end || (svg[f] != 'e' && svg[f] != 'E'))) {
            const bool negative = k > value && svg[k - 1] == '-';
            const std::string r = num(std::stod(svg.substr(k, f - k)));
            if (negative && r == "0") out.pop_back();  // "-0.001" -> "0": take back the sign already written
            out += r;
          } else {
            out.append(svg, k, f - k);
          }
          k = f;
          continue;
        }
        out.append(svg, k, e - k);
        k = e;
        continue;
      }
      out += svg[k++];
    }
    i = end;
  }
  svg.swap(out);
}

}  // namespace chronicle::render
