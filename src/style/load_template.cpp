#include "style/load_template.h"

#include <algorithm>

#include "style/style_keys.h"
#include "support/json_document.h"
#include "support/spellcheck.h"

namespace chronicle::style {
namespace {

using nlohmann::json;

bool is_list_key(const std::string& key) {
  for (const auto& k : style_keys())
    if (key == k.name) return k.type == KeyType::ColorList;
  return false;
}

void apply_object(Style& style, const Locator& doc, const json& obj, const std::string& prefix,
                  const std::string& pointer, Diagnostics& diags) {
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const std::string key = prefix.empty() ? it.key() : prefix + "." + it.key();
    const std::string p = pointer_append(pointer, it.key());
    if (pointer.rfind("/style", 0) != 0 && prefix.empty() &&
        (it.key() == "extends" || it.key() == "description" || it.key() == "$schema"))
      continue;
    if (it->is_object() && !is_list_key(key)) {
      apply_object(style, doc, *it, key, p, diags);
      continue;
    }
    std::string err = apply_style_value(style, key, *it);
    if (!err.empty()) {
      bool unknown = err.rfind("unknown", 0) == 0;
      if (unknown) err += did_you_mean(key, style_key_names());
      diags.error(doc.locate(p, unknown), p, err);
    }
  }
}

}  // namespace

void apply_style_block(Style& style, const nlohmann::json& block, const Locator& where, const std::string& pointer,
                       Diagnostics& diags) {
  if (!block.is_object()) {
    diags.error(where.locate(pointer), pointer, "'style' must be an object of template keys");
    return;
  }
  apply_object(style, where, block, "", pointer, diags);
}

std::string apply_setting(Style& style, const std::string& assignment) {
  auto eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0) return "--set takes KEY=VALUE, as in --set page.margin=24";
  const std::string key = assignment.substr(0, eq), text = assignment.substr(eq + 1);
  nlohmann::json value = nlohmann::json::parse(text, nullptr, false);  // 12, ["#fff"], "x"
  if (value.is_discarded() || value.is_object()) value = text;          // else a bare string
  std::string err = apply_style_value(style, key, value);
  if (err.rfind("unknown", 0) == 0) err += did_you_mean(key, style_key_names());
  return err;
}

std::optional<LoadedTemplate> load_template(const std::string& name_or_path, const TemplateFinder& find,
                                            Diagnostics& diags) {
  // Follow "extends" to the base, then apply base first.
  std::vector<std::shared_ptr<const JsonDocument>> chain;
  LoadedTemplate out;
  std::string next = name_or_path;
  SourceLocation from;  // where the current name was written
  std::string from_pointer;
  std::string extended_by;
  std::vector<std::string> identities;
  while (!next.empty()) {
    auto file = find(next, extended_by);
    if (!file) {
      diags.error(from, from_pointer, "template '" + next + "' not found (see 'chronicle templates')");
      return std::nullopt;
    }
    if (out.files.size() >= 32) {
      diags.error(from, from_pointer, "templates extend each other more than 32 deep");
      return std::nullopt;
    }
    const std::string identity = file->identity.empty() ? file->path : file->identity;
    if (std::find(identities.begin(), identities.end(), identity) != identities.end()) {
      diags.error(from, from_pointer, "template '" + next + "' extends itself (through " + file->path + ")");
      return std::nullopt;
    }
    auto doc = JsonDocument::parse(file->path, file->text, diags);
    if (!doc) return std::nullopt;
    out.files.push_back(file->path);
    identities.push_back(identity);
    if (!doc->root().is_object()) {
      diags.error(doc->locate(""), "", "a template must be a JSON object");
      return std::nullopt;
    }
    chain.push_back(doc);
    next.clear();
    if (auto it = doc->root().find("extends"); it != doc->root().end()) {
      if (!it->is_string()) {
        diags.error(doc->locate("/extends"), "/extends", "'extends' must be a template name");
        return std::nullopt;
      }
      next = it->get<std::string>();
      extended_by = file->path;
      from = doc->locate("/extends");
      from_pointer = "/extends";
    }
  }
  if (auto it = chain.front()->root().find("description"); it != chain.front()->root().end() && it->is_string())
    out.description = it->get<std::string>();
  for (auto it = chain.rbegin(); it != chain.rend(); ++it)
    apply_object(out.style, **it, (*it)->root(), "", "", diags);
  if (diags.has_errors()) return std::nullopt;
  std::string base = name_or_path;
  auto slash = base.find_last_of('/');
  if (slash != std::string::npos) base = base.substr(slash + 1);
  if (base.size() > 5 && base.substr(base.size() - 5) == ".json") base.resize(base.size() - 5);
  out.style.name = base;
  return out;
}

}  // namespace chronicle::style
