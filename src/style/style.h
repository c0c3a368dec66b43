#pragma once
// Style: everything a template decides, as plain structs. Every key, with its default, is
// declared once in style_key_list.h; these structs are generated from that list.
#include <string>
#include <vector>

#include "style/style_key_list.h"

namespace chronicle::style {

/// The default track colours.
inline std::vector<std::string> default_palette() {
  return {"#1f5fa8", "#b3372f", "#2f7d4f", "#8a5a00", "#6a3d9a", "#00838f", "#ad1457", "#546e7a"};
}

#define CHRONICLE_STYLE_FIELD(section, field, kind, type, def, lo, hi, choices, help) type field = def;

struct Page { CHRONICLE_PAGE_KEYS(CHRONICLE_STYLE_FIELD) };
/// What the title block at the top of the first page shows, and the running header of later pages.
struct Header { CHRONICLE_HEADER_KEYS(CHRONICLE_STYLE_FIELD) };
/// What closes the document: the legend and numbered sources (on the last page), page numbers.
struct Footer { CHRONICLE_FOOTER_KEYS(CHRONICLE_STYLE_FIELD) };
struct Fonts { CHRONICLE_FONT_KEYS(CHRONICLE_STYLE_FIELD) };
struct Colors { CHRONICLE_COLOR_KEYS(CHRONICLE_STYLE_FIELD) };
struct Label { CHRONICLE_LABEL_KEYS(CHRONICLE_STYLE_FIELD) };
struct Axis { CHRONICLE_AXIS_KEYS(CHRONICLE_STYLE_FIELD) };
struct Layout { CHRONICLE_LAYOUT_KEYS(CHRONICLE_STYLE_FIELD) };

#undef CHRONICLE_STYLE_FIELD

struct Style {
  std::string name = "default";
  Page page;
  Header header;
  Footer footer;
  Fonts font;
  Colors color;
  Label label;
  Axis axis;
  Layout layout;
};

/// Applies what depends on several keys, once every override is in: page.orientation
/// turns the page (width and height swap) when it does not match.
void settle(Style& style);

/// `style` with every type size, the label wrap width, padding and marker radius scaled
/// by `s` (the layout's type scale when it fits a page).
Style scaled(const Style& style, double s);

}  // namespace chronicle::style
