#pragma once
// The table of template keys (pikchr's aBuiltin), generated from style_key_list.h: name,
// kind, range or choices, meaning, and where in Style each lands.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "style/style.h"

namespace chronicle::style {

enum class KeyType { Number, String, Color, ColorList, Enum, Bool };

struct StyleKey {
  const char* name;  ///< dotted path, "page.width"
  KeyType type;
  const char* help;
  std::vector<std::string> choices;  ///< for Enum
  double min = 0, max = 0;           ///< for Number, inclusive
  void* (*slot)(Style&);             ///< the field this key sets
  nlohmann::json (*get)(const Style&);
};

const std::vector<StyleKey>& style_keys();
std::vector<std::string> style_key_names();

/// Sets `key` in `style` from `value`; returns an error message, or "" when it was set.
std::string apply_style_value(Style& style, const std::string& key, const nlohmann::json& value);

/// The README's key list: a Markdown table of every key, its values and its default.
std::string key_table_markdown();

}  // namespace chronicle::style
