#pragma once
#include <map>
#include <string>
#include <vector>

namespace chronicle::cli {

/// How input files are read, for every command that reads them.
struct InputOptions {
  std::string from;            ///< "", "chronicle", "timelinejs", "timelinejs-csv", "csv", "markwhen"
  std::map<std::string, std::string> columns;  ///< --columns FIELD=COLUMN,... for plain CSV
  std::string reference_date;  ///< --reference-date for relative dates
  bool no_merge = false;       ///< --no-merge: keep every file's events apart
};

struct RenderCommand {
  std::vector<std::string> inputs;
  InputOptions input;
  std::vector<std::string> outputs;
  std::string template_name = "default";
  std::vector<std::string> template_dirs;
  std::string dump_layout;
  double dpi = 144;
  std::string scale;  ///< "", "auto" or "linear" (overrides the template)
  std::string orientation;  ///< "", "horizontal" or "vertical" (overrides input and template)
  std::vector<std::string> sets;  ///< --set KEY=VALUE, over the template and the input's style
  std::string depfile;
  bool watch = false;
  std::string format;  ///< "", "svg", "pdf", "png": for outputs whose name tells no format (-o -, /dev/...)
  unsigned jobs = 0;   ///< threads for measuring text; 0: one per core, at most 4
};

struct CheckCommand {
  std::vector<std::string> inputs;
  InputOptions input;
};

struct NormalizeCommand {
  std::vector<std::string> inputs;
  InputOptions input;
  std::string output;  ///< "" or "-": standard output
};

struct ExtractCommand {
  std::vector<std::string> inputs;  ///< articles: UTF-8 plain text or Markdown
  std::string output;               ///< "" or "-": standard output
  std::string published;            ///< --published DATE: for articles that give no date
  std::string mentions;             ///< --mentions FILE: every temporal expression, as JSON
  std::string title;                ///< --title TEXT: the timeline's title
};

struct TemplatesCommand {
  std::vector<std::string> template_dirs;
  bool keys = false;  ///< --keys: print every template key as a Markdown table instead
};

/// The input formats --from accepts.
const std::vector<std::string>& input_formats();

/// Parses "date=When,title=What" into `out`; an error message for a wrong spec, else "".
std::string parse_columns(const std::string& spec, std::map<std::string, std::string>& out);

/// The --help epilogue: exit codes and where to read more.
const char* exit_code_help();

}  // namespace chronicle::cli
