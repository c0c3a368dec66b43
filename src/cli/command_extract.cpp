// chronicle extract: articles -> a cited chronicle JSON timeline (src/extract).
#include <variant>

#include "cli/commands.h"
#include "cli/output_file.h"
#include "cli/print_diagnostics.h"
#include "extract/extract_timeline.h"
#include "model/date/parse_date.h"

namespace chronicle::cli {

ExitCode run_extract(const ExtractCommand& cmd) {
  extract::ExtractOptions opt;
  opt.title = cmd.title;
  if (!cmd.published.empty()) {
    auto d = model::parse_date(cmd.published);
    auto* v = std::get_if<model::DateValue>(&d);
    if (!v || v->precision < model::Precision::Day) {
      print_error("--published '" + cmd.published + "' is not a day (write it as 2024-11-15 or 15 November 2024)");
      return ExitCode::Usage;
    }
    opt.published = *v;
  }
  std::vector<extract::ArticleFile> files;
  for (const auto& path : cmd.inputs) {
    extract::ArticleFile f{path, ""};
    std::string why;
    if (!read_file(path, f.bytes, why)) {
      print_error("cannot read '" + path + "': " + why);
      return ExitCode::Io;
    }
    files.push_back(std::move(f));
  }
  Diagnostics diags;
  auto x = extract::extract_timeline(files, opt, diags);
  print_diagnostics(diags);
  if (!x) return ExitCode::BadInput;
  std::vector<std::pair<std::string, std::string>> outputs;
  const bool to_stdout = cmd.output.empty() || cmd.output == "-";
  if (!to_stdout) outputs.push_back({cmd.output, x->timeline_json});
  if (!cmd.mentions.empty()) outputs.push_back({cmd.mentions, x->mentions_json});
  std::string failed, why;
  if (!outputs.empty() && !write_files_atomically(outputs, failed, why)) {
    print_error("cannot write '" + failed + "': " + why);
    return ExitCode::Io;
  }
  if (to_stdout && !write_standard_output(x->timeline_json, why)) {
    print_error("cannot write the timeline to standard output: " + why);
    return ExitCode::Io;
  }
  return ExitCode::Ok;
}

}  // namespace chronicle::cli
