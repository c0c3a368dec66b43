#include <iostream>

#include "cli/commands.h"
#include "cli/install_paths.h"
#include "render/render.h"
#include "cli/output_file.h"
#include "cli/pipeline.h"
#include "cli/print_diagnostics.h"

namespace chronicle::cli {

ExitCode run_check(const CheckCommand& cmd) {
  ExitCode worst = ExitCode::Ok;
  // The pinned fonts, so that check reports characters no font draws as render would.
  Diagnostics font_diags;
  auto fonts = render::FontSession::create(share_dir() + "/fonts/fonts.conf", font_diags);
  if (!fonts) {
    print_diagnostics(font_diags);
    return ExitCode::Io;
  }
  const MissingGlyphs glyphs = [&fonts](const std::string& text) { return fonts->missing_characters(text); };
  for (const auto& f : cmd.inputs) {
    Diagnostics diags;
    model::Timeline tl;
    ExitCode rc = load_timeline({f}, cmd.input, diags, tl, nullptr, glyphs);
    if (rc == ExitCode::Ok) {
      std::cout << f << ": ok: " << tl.events.size() << " events, " << tl.tracks.size() << " tracks, "
                << tl.eras.size() << " eras, " << tl.sources.size() << " sources\n";
    }
    if (static_cast<int>(rc) > static_cast<int>(worst)) worst = rc;
  }
  if (std::string why; !flush_standard_output(why)) {
    print_error("cannot write the report to standard output: " + why);
    return ExitCode::Io;
  }
  return worst;
}

}  // namespace chronicle::cli
