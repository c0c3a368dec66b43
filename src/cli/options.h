#pragma once
#include <string>
#include <vector>

namespace chronicle::cli {

struct RenderCommand {
  std::vector<std::string> inputs;
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
};

struct CheckCommand {
  std::vector<std::string> inputs;
};

struct NormalizeCommand {
  std::vector<std::string> inputs;
  std::string output;  ///< "" or "-": standard output
};

struct TemplatesCommand {
  std::vector<std::string> template_dirs;
};

/// The --help epilogue: exit codes and where to read more.
const char* exit_code_help();

}  // namespace chronicle::cli
