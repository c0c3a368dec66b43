// The template loader: the fuzzed bytes are a template that may extend "base" or itself.
#include <cstddef>
#include <cstdint>
#include <string>

#include "style/load_template.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace chronicle;
  const std::string text(reinterpret_cast<const char*>(data), size);
  style::TemplateFinder find = [&](const std::string& name, const std::string&) -> std::optional<style::TemplateFile> {
    if (name == "fuzz") return style::TemplateFile{"fuzz.json", text, ""};
    if (name == "base") return style::TemplateFile{"base.json", R"({"page": {"width": 800}})", ""};
    return std::nullopt;
  };
  Diagnostics diags;
  style::load_template("fuzz", find, diags);
  return 0;
}
