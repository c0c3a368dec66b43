#pragma once
// The table of template keys: name, type and where in Style it lands (pikchr's aBuiltin).
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
  std::vector<std::string> choices = {};  ///< for Enum
};

const std::vector<StyleKey>& style_keys();
std::vector<std::string> style_key_names();

/// Sets `key` in `style` from `value`; returns an error message, or "" when it was set.
std::string apply_style_value(Style& style, const std::string& key, const nlohmann::json& value);

}  // namespace chronicle::style
