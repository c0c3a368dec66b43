#include "style/style_keys.h"

#include <algorithm>
#include <cctype>

namespace chronicle::style {
namespace {

bool is_color(const std::string& c) {
  return (c.size() == 7 || c.size() == 4) && c[0] == '#' &&
         std::all_of(c.begin() + 1, c.end(), [](char ch) { return std::isxdigit(static_cast<unsigned char>(ch)); });
}

double* number_slot(Style& s, const std::string& k) {
  if (k == "page.width") return &s.page.width;
  if (k == "page.height") return &s.page.height;
  if (k == "page.margin") return &s.page.margin;
  if (k == "font.title") return &s.fonts.title;
  if (k == "font.subtitle") return &s.fonts.subtitle;
  if (k == "font.label") return &s.fonts.label;
  if (k == "font.date") return &s.fonts.date;
  if (k == "font.tick") return &s.fonts.tick;
  if (k == "font.small") return &s.fonts.small;
  if (k == "label.max_width") return &s.label.max_width;
  if (k == "label.padding") return &s.label.padding;
  if (k == "axis.line_width") return &s.axis.line_width;
  if (k == "axis.marker_radius") return &s.axis.marker_radius;
  if (k == "axis.break_gap") return &s.axis.break_gap;
  return nullptr;
}

std::string* string_slot(Style& s, const std::string& k) {
  if (k == "page.background") return &s.page.background;
  if (k == "font.family") return &s.fonts.family;
  if (k == "color.text") return &s.colors.text;
  if (k == "color.muted") return &s.colors.muted;
  if (k == "color.axis") return &s.colors.axis;
  if (k == "color.grid") return &s.colors.grid;
  if (k == "color.era") return &s.colors.era;
  if (k == "color.era_text") return &s.colors.era_text;
  if (k == "axis.scale") return &s.axis.scale;
  if (k == "layout.orientation") return &s.layout.orientation;
  if (k == "page.flow") return &s.page.flow;
  if (k == "layout.lanes") return &s.layout.lanes;
  if (k == "layout.inset") return &s.layout.inset;
  if (k == "page.unit") return &s.page.unit;
  if (k == "page.orientation") return &s.page.orientation;
  if (k == "axis.marker_shape") return &s.axis.marker_shape;
  return nullptr;
}

bool* bool_slot(Style& s, const std::string& k) {
  if (k == "font.title_bold") return &s.fonts.title_bold;
  if (k == "font.label_bold") return &s.fonts.label_bold;
  if (k == "header.title") return &s.header.title;
  if (k == "header.subtitle") return &s.header.subtitle;
  if (k == "header.date") return &s.header.date;
  if (k == "header.running") return &s.header.running;
  if (k == "footer.legend") return &s.footer.legend;
  if (k == "footer.sources") return &s.footer.sources;
  if (k == "footer.page_numbers") return &s.footer.page_numbers;
  return nullptr;
}

}  // namespace

const std::vector<StyleKey>& style_keys() {
  static const std::vector<StyleKey> keys{
      {"page.width", KeyType::Number, "page width in pt"},
      {"page.height", KeyType::Number, "page height in pt (a poster grows taller when needed)"},
      {"page.margin", KeyType::Number, "margin on every side in pt"},
      {"page.background", KeyType::Color, "page colour"},
      {"page.flow", KeyType::Enum, "grow: a poster grows taller; pages: a long timeline flows onto more pages (slides)",
       {"grow", "pages"}},
      {"page.orientation", KeyType::Enum, "portrait or landscape: turns the page to match (width and height swap)",
       {"portrait", "landscape"}},
      {"page.unit", KeyType::Enum, "px: size the SVG in CSS pixels (1 px = 0.75 pt), as slides are", {"pt", "px"}},
      {"header.title", KeyType::Bool, "the title block shows the title"},
      {"header.subtitle", KeyType::Bool, "the title block shows the subtitle"},
      {"header.date", KeyType::Bool, "the title block shows the document date"},
      {"header.running", KeyType::Bool, "pages after the first carry the title and date in the top margin"},
      {"footer.legend", KeyType::Bool, "the legend of tracks and eras (last page)"},
      {"footer.sources", KeyType::Bool, "the numbered list of sources (last page)"},
      {"footer.page_numbers", KeyType::Bool, "page numbers in the bottom margin of a paged document"},
      {"font.family", KeyType::String, "font family (the pinned fonts: Noto Sans)"},
      {"font.title", KeyType::Number, "title size in pt"},
      {"font.subtitle", KeyType::Number, "subtitle size in pt"},
      {"font.label", KeyType::Number, "event title size in pt"},
      {"font.date", KeyType::Number, "event date size in pt"},
      {"font.tick", KeyType::Number, "tick label size in pt"},
      {"font.small", KeyType::Number, "legend and sources size in pt"},
      {"font.title_bold", KeyType::Bool, "the title in bold"},
      {"font.label_bold", KeyType::Bool, "event titles in bold"},
      {"color.text", KeyType::Color, "text colour"},
      {"color.muted", KeyType::Color, "secondary text colour"},
      {"color.axis", KeyType::Color, "axis and tick colour"},
      {"color.grid", KeyType::Color, "leader line colour"},
      {"color.era", KeyType::Color, "era band colour"},
      {"color.era_text", KeyType::Color, "era title colour"},
      {"color.palette", KeyType::ColorList, "track colours, in track order"},
      {"label.max_width", KeyType::Number, "width in pt at which event titles wrap"},
      {"label.padding", KeyType::Number, "free space around labels in pt"},
      {"axis.line_width", KeyType::Number, "axis line width in pt"},
      {"axis.marker_radius", KeyType::Number, "event marker radius in pt"},
      {"axis.break_gap", KeyType::Number, "gap at an axis break in pt"},
      {"axis.marker_shape", KeyType::Enum, "marker of an exact date (approximate dates: diamond)", {"circle", "square"}},
      {"axis.scale", KeyType::Enum, "auto: compress long empty stretches; linear: one proportional axis",
       {"auto", "linear"}},
      {"layout.lanes", KeyType::Enum,
       "tracks: a swimlane per track, its header at the left, one shared axis below (horizontal layouts); none: "
       "every event on one axis band",
       {"tracks", "none"}},
      {"layout.inset", KeyType::Enum,
       "auto: the input's insets, and one chosen for a cluster a linear axis crushes; none: no detail inset",
       {"auto", "none"}},
      {"layout.orientation", KeyType::Enum, "horizontal: time runs right; vertical: time runs down the page",
       {"horizontal", "vertical"}},
  };
  return keys;
}

std::vector<std::string> style_key_names() {
  std::vector<std::string> names;
  for (const auto& k : style_keys()) names.push_back(k.name);
  return names;
}

std::string apply_style_value(Style& style, const std::string& key, const nlohmann::json& value) {
  const StyleKey* spec = nullptr;
  for (const auto& k : style_keys())
    if (key == k.name) spec = &k;
  if (!spec) return "unknown template key '" + key + "'";
  switch (spec->type) {
    case KeyType::Number: {
      if (!value.is_number()) return "'" + key + "' must be a number";
      double v = value.get<double>();
      if (!(v >= 0 && v < 1e6)) return "'" + key + "' must be between 0 and 1000000";
      *number_slot(style, key) = v;
      return "";
    }
    case KeyType::String:
    case KeyType::Color:
    case KeyType::Enum: {
      if (!value.is_string()) return "'" + key + "' must be a string";
      std::string v = value.get<std::string>();
      if (spec->type == KeyType::Color && !is_color(v)) return "'" + key + "' must be a colour #rrggbb";
      if (spec->type == KeyType::Enum &&
          std::find(spec->choices.begin(), spec->choices.end(), v) == spec->choices.end()) {
        std::string list;
        for (const auto& c : spec->choices) list += (list.empty() ? "" : ", ") + c;
        return "'" + key + "' must be one of " + list;
      }
      *string_slot(style, key) = v;
      return "";
    }
    case KeyType::Bool: {
      if (!value.is_boolean()) return "'" + key + "' must be true or false";
      *bool_slot(style, key) = value.get<bool>();
      return "";
    }
    case KeyType::ColorList: {
      if (!value.is_array() || value.empty()) return "'" + key + "' must be a non-empty array of colours";
      std::vector<std::string> colors;
      for (const auto& c : value) {
        if (!c.is_string() || !is_color(c.get<std::string>())) return "'" + key + "' must hold colours #rrggbb";
        colors.push_back(c.get<std::string>());
      }
      style.colors.palette = colors;
      return "";
    }
  }
  return "";
}

void settle(Style& s) {
  const bool portrait = s.page.height >= s.page.width;
  if ((s.page.orientation == "portrait" && !portrait) || (s.page.orientation == "landscape" && portrait))
    std::swap(s.page.width, s.page.height);
}

}  // namespace chronicle::style
