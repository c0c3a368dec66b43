#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>

#include "cli/commands.h"
#include "cli/install_paths.h"
#include "cli/output_file.h"
#include "cli/print_diagnostics.h"
#include "style/load_template.h"
#include "style/style_keys.h"

namespace chronicle::cli {

ExitCode run_templates(const TemplatesCommand& cmd) {
  namespace fs = std::filesystem;
  if (cmd.keys) {
    std::cout << style::key_table_markdown();
    return ExitCode::Ok;
  }
  std::vector<std::string> dirs = cmd.template_dirs;
  dirs.push_back(share_dir() + "/templates");
  std::map<std::string, std::string> found;  // name -> path; earlier folders win
  for (const auto& d : dirs) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(d, ec)) {
      if (e.path().extension() != ".json") continue;
      found.emplace(e.path().stem().string(), e.path().string());
    }
  }
  ExitCode rc = ExitCode::Ok;
  std::size_t width = 0;
  for (const auto& [name, path] : found) width = std::max(width, name.size());
  for (const auto& [name, path] : found) {
    Diagnostics diags;
    std::string dir = path.substr(0, path.find_last_of('/'));
    style::TemplateFinder find = [&](const std::string& n, const std::string&) -> std::optional<style::TemplateFile> {
      std::string text, why;
      std::string p = n.find('/') != std::string::npos ? n : dir + "/" + n + ".json";
      if (!read_file(p, text, why)) return std::nullopt;
      return style::TemplateFile{p, text, ""};
    };
    auto t = style::load_template(path, find, diags);
    if (!t) {
      print_diagnostics(diags);
      rc = ExitCode::BadInput;
      continue;
    }
    std::cout << name << std::string(width + 2 - name.size(), ' ') << t->description << "  (" << path << ")\n";
  }
  return rc;
}

}  // namespace chronicle::cli
