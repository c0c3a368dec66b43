#include <iostream>

#include "cli/commands.h"
#include "cli/output_file.h"
#include "cli/pipeline.h"
#include "cli/print_diagnostics.h"
#include "model/write_model_json.h"

namespace chronicle::cli {

ExitCode run_normalize(const NormalizeCommand& cmd) {
  Diagnostics diags;
  model::Timeline tl;
  if (ExitCode rc = load_timeline(cmd.inputs, cmd.input, diags, tl); rc != ExitCode::Ok) return rc;
  const std::string json = model::write_model_json(tl);
  if (cmd.output.empty() || cmd.output == "-") {
    std::string why;
    if (!write_standard_output(json, why)) {
      print_error("cannot write the model to standard output: " + why);
      return ExitCode::Io;
    }
    return ExitCode::Ok;
  }
  std::string why;
  if (!write_file_atomically(cmd.output, json, why)) {
    print_error("cannot write '" + cmd.output + "': " + why);
    return ExitCode::Io;
  }
  return ExitCode::Ok;
}

}  // namespace chronicle::cli
