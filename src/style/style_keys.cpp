#include "style/style_keys.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <sstream>

namespace chronicle::style {
namespace {

bool is_color(const std::string& c) {
  return (c.size() == 7 || c.size() == 4) && c[0] == '#' &&
         std::all_of(c.begin() + 1, c.end(), [](char ch) { return std::isxdigit(static_cast<unsigned char>(ch)); });
}

std::vector<std::string> split_choices(const char* choices) {
  std::vector<std::string> out;
  std::string cur;
  for (const char* p = choices; *p; ++p) {
    if (*p == '|') {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += *p;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

std::string number_text(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

}  // namespace

const std::vector<StyleKey>& style_keys() {
#define CHRONICLE_KEY_ROW(section, field, kind, type, def, lo, hi, choices, help)                         \
  StyleKey{#section "." #field, KeyType::kind, help, split_choices(choices), double(lo), double(hi),       \
           [](Style& s) -> void* { return &s.section.field; },                                             \
           [](const Style& s) { return nlohmann::json(s.section.field); }},
  static const std::vector<StyleKey> keys{CHRONICLE_STYLE_KEYS(CHRONICLE_KEY_ROW)};
#undef CHRONICLE_KEY_ROW
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
  void* slot = spec->slot(style);
  switch (spec->type) {
    case KeyType::Number: {
      if (!value.is_number()) return "'" + key + "' must be a number";
      const double v = value.get<double>();
      if (!std::isfinite(v) || v < spec->min || v > spec->max)
        return "'" + key + "' must be between " + number_text(spec->min) + " and " + number_text(spec->max);
      *static_cast<double*>(slot) = v;
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
      if (spec->type == KeyType::String && v.size() > 200) return "'" + key + "' must be at most 200 bytes";
      *static_cast<std::string*>(slot) = v;
      return "";
    }
    case KeyType::Bool: {
      if (!value.is_boolean()) return "'" + key + "' must be true or false";
      *static_cast<bool*>(slot) = value.get<bool>();
      return "";
    }
    case KeyType::ColorList: {
      if (!value.is_array() || value.empty() || value.size() > 64)
        return "'" + key + "' must be an array of 1 to 64 colours";
      std::vector<std::string> colors;
      for (const auto& c : value) {
        if (!c.is_string() || !is_color(c.get<std::string>())) return "'" + key + "' must hold colours #rrggbb";
        colors.push_back(c.get<std::string>());
      }
      *static_cast<std::vector<std::string>*>(slot) = colors;
      return "";
    }
  }
  return "";
}

std::string key_table_markdown() {
  const Style defaults;
  std::string out = "| key | values | default | meaning |\n| --- | --- | --- | --- |\n";
  for (const auto& k : style_keys()) {
    std::string values;
    switch (k.type) {
      case KeyType::Number: values = number_text(k.min) + " to " + number_text(k.max); break;
      case KeyType::String: values = "text"; break;
      case KeyType::Color: values = "`#rrggbb`"; break;
      case KeyType::ColorList: values = "colours"; break;
      case KeyType::Bool: values = "`true`, `false`"; break;
      case KeyType::Enum:
        for (const auto& c : k.choices) values += (values.empty() ? "`" : ", `") + c + "`";
        break;
    }
    const nlohmann::json d = k.get(defaults);
    std::string def;
    if (d.is_array()) def = std::to_string(d.size()) + " colours";
    else if (d.is_string()) def = d.get<std::string>().empty() ? "—" : "`" + d.get<std::string>() + "`";
    else if (d.is_number()) def = number_text(d.get<double>());
    else def = "`" + d.dump() + "`";
    out += std::string("| `") + k.name + "` | " + values + " | " + def + " | " + k.help + " |\n";
  }
  return out;
}

void settle(Style& s) {
  const bool portrait = s.page.height >= s.page.width;
  if ((s.page.orientation == "portrait" && !portrait) || (s.page.orientation == "landscape" && portrait))
    std::swap(s.page.width, s.page.height);
}

Style scaled(const Style& style, double s) {
  Style out = style;
  for (double* v : {&out.font.title, &out.font.subtitle, &out.font.label, &out.font.date, &out.font.tick,
                    &out.font.small, &out.label.max_width, &out.label.padding, &out.axis.marker_radius})
    *v *= s;
  return out;
}

}  // namespace chronicle::style
