#include <iostream>

#include "cli/commands.h"
#include "cli/pipeline.h"

namespace chronicle::cli {

ExitCode run_check(const CheckCommand& cmd) {
  ExitCode worst = ExitCode::Ok;
  for (const auto& f : cmd.inputs) {
    Diagnostics diags;
    model::Timeline tl;
    ExitCode rc = load_timeline({f}, cmd.input, diags, tl);
    if (rc == ExitCode::Ok) {
      std::cout << f << ": ok: " << tl.events.size() << " events, " << tl.tracks.size() << " tracks, "
                << tl.eras.size() << " eras, " << tl.sources.size() << " sources\n";
    }
    if (static_cast<int>(rc) > static_cast<int>(worst)) worst = rc;
  }
  return worst;
}

}  // namespace chronicle::cli
