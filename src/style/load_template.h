#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "style/style.h"
#include "support/diagnostics.h"

namespace chronicle::style {

/// A template file's text, found by name or path. Style never touches the file system:
/// the caller (cli) says where templates are.
struct TemplateFile {
  std::string path;      ///< as shown in messages and depfiles
  std::string text;
  std::string identity;  ///< one spelling per file (canonical path), to see cycles; "" = path
};
/// Finds `name_or_path`; `extended_by` is the path of the template that names it in
/// "extends" ("" for the template asked for), whose folder is searched first.
using TemplateFinder =
    std::function<std::optional<TemplateFile>(const std::string& name_or_path, const std::string& extended_by)>;

struct LoadedTemplate {
  Style style;
  std::string description;
  std::vector<std::string> files;  ///< every file read, the whole "extends" chain
};

/// Applies an input file's "style" block (same keys as a template) over `style`; errors
/// point into that file through `where`.
void apply_style_block(Style& style, const nlohmann::json& block, const Locator& where, const std::string& pointer,
                       Diagnostics& diags);

/// Applies "KEY=VALUE" from --set (VALUE as JSON when it parses, else as a string);
/// returns an error message, or "".
std::string apply_setting(Style& style, const std::string& assignment);

/// Loads a template and the chain it extends (base first), applying each file's keys
/// over the defaults in style.h. Unknown keys, wrong types, a missing template or a
/// cycle in "extends" are errors with file, line and column.
std::optional<LoadedTemplate> load_template(const std::string& name_or_path,
                                            const TemplateFinder& find, Diagnostics& diags);

}  // namespace chronicle::style
