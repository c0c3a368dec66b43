#include <iostream>

#include "cli/commands.h"
#include "cli/install_paths.h"
#include "cli/output_file.h"
#include "cli/pipeline.h"
#include "cli/print_diagnostics.h"
#include "layout/layout.h"
#include "layout/write_scene_json.h"
#include "render/render.h"

namespace chronicle::cli {

ExitCode run_render(const RenderCommand& cmd) {
  std::vector<render::Format> formats;
  for (const auto& o : cmd.outputs) {
    auto f = render::format_from_path(o);
    if (!f) {
      print_error("cannot tell the format of '" + o + "': name it .svg, .pdf or .png");
      return ExitCode::Usage;
    }
    formats.push_back(*f);
  }
  if (cmd.outputs.empty() && cmd.dump_layout.empty()) {
    print_error("nothing to write: give -o FILE (.svg, .pdf, .png) or --dump-layout FILE");
    return ExitCode::Usage;
  }

  Diagnostics diags;
  model::Timeline tl;
  if (ExitCode rc = load_timeline(cmd.inputs, diags, tl); rc != ExitCode::Ok) return rc;
  Diagnostics style_diags;
  style::Style st;
  if (ExitCode rc = load_style(cmd.template_name, cmd.template_dirs, cmd.inputs.front(), style_diags, st);
      rc != ExitCode::Ok)
    return rc;
  if (!cmd.scale.empty()) st.axis.scale = cmd.scale;

  Diagnostics render_diags;
  auto fonts = render::FontSession::create(share_dir() + "/fonts/fonts.conf", render_diags);
  if (!fonts) {
    print_diagnostics(render_diags);
    return ExitCode::Io;
  }
  layout::Scene scene = layout::layout_timeline(tl, st, fonts->measurer());

  // Everything is rendered in memory first; files are written only when all succeeded.
  std::vector<std::pair<std::string, std::string>> files;
  if (!cmd.dump_layout.empty()) files.emplace_back(cmd.dump_layout, layout::write_scene_json(scene));
  render::RenderOptions ropt;
  ropt.png_dpi = cmd.dpi;
  ropt.creation_date = creation_date(tl);
  for (std::size_t i = 0; i < cmd.outputs.size(); ++i) {
    auto bytes = render::render_scene(scene, formats[i], *fonts, ropt, render_diags);
    if (!bytes) {
      print_diagnostics(render_diags);
      return ExitCode::Internal;
    }
    files.emplace_back(cmd.outputs[i], std::move(*bytes));
  }
  ExitCode rc = ExitCode::Ok;
  for (const auto& [path, bytes] : files) {
    std::string why;
    if (!write_file_atomically(path, bytes, why)) {
      print_error("cannot write '" + path + "': " + why);
      rc = ExitCode::Io;
    }
  }
  return rc;
}

}  // namespace chronicle::cli
