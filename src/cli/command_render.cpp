#include <algorithm>
#include <sys/stat.h>
#include <map>
#include <filesystem>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <thread>

#include "cli/commands.h"
#include "cli/depfile.h"
#include "cli/install_paths.h"
#include "cli/output_file.h"
#include "cli/pipeline.h"
#include "cli/print_diagnostics.h"
#include "cli/signals.h"
#include "cli/watch.h"
#include "layout/layout.h"
#include "layout/write_scene_json.h"
#include "render/render.h"
#include "style/load_template.h"

namespace chronicle::cli {
namespace {

/// One timeline to render: its inputs (merged) and where its files go.
struct Job {
  std::vector<std::string> inputs;
  std::vector<std::string> outputs;
  std::string dump_layout;
  std::string depfile;
};

struct JobResult {
  ExitCode rc = ExitCode::Ok;
  std::vector<std::string> read;  ///< every file the render read (depfile, --watch)
};

ExitCode worst(ExitCode a, ExitCode b) { return static_cast<int>(b) > static_cast<int>(a) ? b : a; }

std::string stem_of(const std::string& path) {
  std::string base = path.substr(path.find_last_of('/') + 1);
  auto dot = base.find_last_of('.');
  return dot == std::string::npos || dot == 0 ? base : base.substr(0, dot);
}

/// The format of `path`: its extension, else --format.
std::optional<render::Format> format_of(const std::string& path, const RenderCommand& cmd) {
  if (auto f = render::format_from_path(path)) return f;
  if (!cmd.format.empty()) return render::format_from_path("x." + cmd.format);
  return std::nullopt;
}

/// `pattern` with every {name} replaced by `name`, in one pass (a name that itself holds
/// "{name}" is not substituted again).
std::string substitute(const std::string& pattern, const std::string& name) {
  std::string out;
  std::size_t from = 0;
  for (std::size_t at; (at = pattern.find("{name}", from)) != std::string::npos; from = at + 6)
    out += pattern.substr(from, at - from) + name;
  return out + pattern.substr(from);
}

/// The jobs a command asks for: one merged timeline, or one per input when an output
/// pattern holds {name}.
std::vector<Job> plan(const RenderCommand& cmd) {
  bool per_input = cmd.dump_layout.find("{name}") != std::string::npos ||
                   cmd.depfile.find("{name}") != std::string::npos;
  for (const auto& o : cmd.outputs) per_input = per_input || o.find("{name}") != std::string::npos;
  if (!per_input) return {{cmd.inputs, cmd.outputs, cmd.dump_layout, cmd.depfile}};
  std::vector<Job> jobs;
  for (const auto& in : cmd.inputs) {
    const std::string name = stem_of(in);
    Job j{{in}, {}, substitute(cmd.dump_layout, name), substitute(cmd.depfile, name)};
    for (const auto& o : cmd.outputs) j.outputs.push_back(substitute(o, name));
    jobs.push_back(std::move(j));
  }
  return jobs;
}

/// One spelling per file: (device, inode) when it exists, else its absolute normal path.
std::string file_identity(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) return "#" + std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
  std::error_code ec;
  const auto p = std::filesystem::weakly_canonical(std::filesystem::absolute(path, ec), ec);
  return ec ? path : p.string();
}

/// Why writing `files` would destroy something ("'x' is both an input and an output"), or "".
std::string clobbered(const std::vector<std::pair<std::string, std::string>>& files, const std::vector<std::string>& read) {
  std::map<std::string, std::string> inputs, outputs;
  for (const auto& r : read) inputs.emplace(file_identity(r), r);
  for (const auto& [path, bytes] : files) {
    if (path == "-") continue;
    const std::string id = file_identity(path);
    if (auto in = inputs.find(id); in != inputs.end())
      return "'" + path + "' would overwrite '" + in->second + "', which this render reads";
    if (auto out = outputs.find(id); out != outputs.end())
      return "'" + path + "' is written twice (also as '" + out->second + "')";
    outputs.emplace(id, path);
  }
  return "";
}

/// The font session of a render that ends with the process (see run_render).
render::FontSession* session_until_exit = nullptr;

JobResult run_job(const Job& job, const RenderCommand& cmd, render::FontSession& fonts, const std::string& fonts_conf) {
  JobResult result;
  result.read = job.inputs;
  Diagnostics diags;
  model::Timeline tl;
  std::vector<StyleBlock> styles;
  const MissingGlyphs glyphs = [&fonts](const std::string& text) { return fonts.missing_characters(text); };
  if (ExitCode rc = load_timeline(job.inputs, cmd.input, diags, tl, &styles, glyphs); rc != ExitCode::Ok)
    return {rc, result.read};
  Diagnostics style_diags;
  style::Style st;
  std::vector<std::string> template_files;
  ExitCode rc = load_style(cmd.template_name, cmd.template_dirs, job.inputs.front(), style_diags, st, &template_files);
  result.read.insert(result.read.end(), template_files.begin(), template_files.end());
  if (rc != ExitCode::Ok) return {rc, result.read};
  // Template, then each input's "style" block, its "orientation", --set, and the flags.
  for (const auto& s : styles) style::apply_style_block(st, s.block, *s.where, "/style", style_diags);
  print_diagnostics(style_diags);
  if (style_diags.has_errors()) return {ExitCode::BadInput, result.read};
  if (!tl.orientation.empty()) st.layout.orientation = tl.orientation;
  for (const auto& set : cmd.sets) {
    if (std::string err = style::apply_setting(st, set); !err.empty()) {
      print_error("--set " + set + ": " + err);
      return {ExitCode::Usage, result.read};
    }
  }
  if (!cmd.scale.empty()) st.axis.scale = cmd.scale;
  if (!cmd.orientation.empty()) st.layout.orientation = cmd.orientation;

  style::settle(st);
  tl.date = document_date(tl);
  const auto t_layout = std::chrono::steady_clock::now();
  Diagnostics layout_diags;
  layout::Scene scene = layout::layout_timeline(tl, st, fonts.measurer(), &layout_diags);
  print_diagnostics(layout_diags);
  if (std::getenv("CHRONICLE_TIMING"))
    std::cerr << "layout " << std::chrono::duration<double>(std::chrono::steady_clock::now() - t_layout).count() << " s\n";

  // Everything is rendered in memory first; files are written only when all succeeded.
  std::vector<std::pair<std::string, std::string>> files;
  if (!job.dump_layout.empty()) files.emplace_back(job.dump_layout, layout::write_scene_json(scene));
  render::RenderOptions ropt;
  ropt.png_dpi = cmd.dpi;
  ropt.creation_date = creation_date(tl);
  Diagnostics render_diags;
  std::vector<std::string> targets;  // the files written, with %d expanded
  for (const auto& out : job.outputs) {
    const render::Format format = *format_of(out, cmd);
    const auto percent_d = out.find("%d");
    // A PDF holds every page; an SVG or PNG one page: "-o slide-%d.svg" writes one a page.
    const int pages = format == render::Format::Pdf ? 1 : scene.page_count();
    if (pages > 1 && percent_d == std::string::npos) {
      print_error("the layout has " + std::to_string(pages) + " pages and '" + out +
                  "' holds one: put %d in its name for the page number (-o 'slide-%d." +
                  (format == render::Format::Svg ? "svg" : "png") + "'), or write a PDF");
      return {ExitCode::Usage, result.read};
    }
    for (int page = 0; page < pages; ++page) {
      std::string path = out;
      if (percent_d != std::string::npos) path.replace(percent_d, 2, std::to_string(page + 1));
      auto bytes = render::render_scene(scene, format, fonts, ropt, render_diags, page);
      if (!bytes) {
        print_diagnostics(render_diags);
        return {ExitCode::Internal, result.read};
      }
      files.emplace_back(path, std::move(*bytes));
      targets.push_back(path);
    }
  }
  print_diagnostics(render_diags);  // warnings
  result.read.push_back(fonts_conf);
  for (const auto& f : fonts.fonts_used()) result.read.push_back(f);
  if (!job.depfile.empty()) {
    if (!job.dump_layout.empty()) targets.push_back(job.dump_layout);
    for (const auto* paths : {&targets, &result.read})
      for (const auto& p : *paths)
        if (const std::string why = depfile_problem(p); !why.empty()) {
          print_error("cannot write the depfile '" + job.depfile + "': the path '" + p + "' cannot stand in one (" + why +
                      "); nothing was written");
          result.rc = ExitCode::Usage;
          return result;
        }
    files.emplace_back(job.depfile, make_depfile(targets, result.read));
  }
  // No output may replace a file this render read (an input, a template) or another output.
  if (std::string clash = clobbered(files, result.read); !clash.empty()) {
    print_error(clash + "; nothing was written");
    result.rc = ExitCode::Usage;
    return result;
  }
  // Files all or nothing (a failing one leaves the others as they were), then standard output.
  std::vector<std::pair<std::string, std::string>> to_files;
  for (auto& f : files)
    if (f.first != "-") to_files.push_back(f);
  if (std::string failed, why; !write_files_atomically(to_files, failed, why)) {
    print_error("cannot write '" + failed + "': " + why);
    result.rc = ExitCode::Io;
    return result;
  }
  for (const auto& [path, bytes] : files) {
    if (path != "-") continue;
    if (std::string why; !write_standard_output(bytes, why)) {
      print_error("cannot write to standard output: " + why);
      result.rc = ExitCode::Io;
    }
  }
  return result;
}

}  // namespace

ExitCode run_render(const RenderCommand& cmd) {
  for (const auto& o : cmd.outputs) {
    if (!format_of(o, cmd)) {
      print_error("cannot tell the format of '" + o + "': name it .svg, .pdf or .png, or give --format");
      return ExitCode::Usage;
    }
  }
  if (cmd.outputs.empty() && cmd.dump_layout.empty()) {
    print_error("nothing to write: give -o FILE (.svg, .pdf, .png) or --dump-layout FILE");
    return ExitCode::Usage;
  }
  if (!(cmd.dpi >= 18 && cmd.dpi <= 1200)) {  // also NaN, which a range check lets through
    print_error("--dpi: must be a number from 18 to 1200");
    return ExitCode::Usage;
  }
  if (model::Seconds epoch = 0; true) {  // a malformed SOURCE_DATE_EPOCH is an error, not 1970
    std::string error;
    if (!source_date_epoch(epoch, error) && !error.empty()) {
      print_error(error);
      return ExitCode::Usage;
    }
  }
  const std::vector<Job> jobs = plan(cmd);
  if (jobs.size() > 1) {  // an output pattern must tell the inputs' outputs apart
    std::vector<std::string> all;
    std::vector<std::string> dumps, depfiles;
    for (const auto& j : jobs) {
      all.insert(all.end(), j.outputs.begin(), j.outputs.end());
      if (!j.dump_layout.empty()) dumps.push_back(j.dump_layout);
      if (!j.depfile.empty()) depfiles.push_back(j.depfile);
    }
    auto repeats = [](std::vector<std::string>& v) {
      std::sort(v.begin(), v.end());
      return std::adjacent_find(v.begin(), v.end()) != v.end();
    };
    if (repeats(all)) {
      print_error("two inputs would write the same output; put {name} in every -o pattern");
      return ExitCode::Usage;
    }
    // One depfile (or dump) for several inputs' outputs would hold the last input's only,
    // and make would never rebuild the others from their own inputs.
    if (repeats(depfiles)) {
      print_error("every input would write the same depfile; put {name} in --depfile too");
      return ExitCode::Usage;
    }
    if (repeats(dumps)) {
      print_error("every input would write the same layout dump; put {name} in --dump-layout too");
      return ExitCode::Usage;
    }
  }
  install_signal_handlers(cmd.watch);

  Diagnostics font_diags;
  const std::string fonts_conf = share_dir() + "/fonts/fonts.conf";
  const unsigned threads = cmd.jobs ? cmd.jobs : std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
  auto fonts = render::FontSession::create(fonts_conf, font_diags, threads);
  if (!fonts) {
    print_diagnostics(font_diags);
    return ExitCode::Io;
  }
  auto run_all = [&](std::vector<std::string>& read) {
    ExitCode rc = ExitCode::Ok;
    read.clear();
    for (const auto& job : jobs) {
      JobResult r = run_job(job, cmd, *fonts, fonts_conf);
      rc = worst(rc, r.rc);
      read.insert(read.end(), r.read.begin(), r.read.end());
    }
    return rc;
  };
  std::vector<std::string> read;
  ExitCode rc = run_all(read);
  if (!cmd.watch) {
    // The process ends now: its memory goes back at once, without taking apart tens of
    // thousands of cached Pango layouts one by one (what clang's -disable-free does for
    // its own). A global keeps the session reachable, so leak checkers stay quiet.
    session_until_exit = fonts.release();
    return rc;
  }
  return watch_and_rerender(read, [&](std::vector<std::string>& now_read) { return run_all(now_read); });
}

}  // namespace chronicle::cli
