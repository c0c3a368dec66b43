// chronicle: the composition root. Parses the command line, runs a command, maps its
// outcome to an exit code. The only place that touches argv.
#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/print_diagnostics.h"

using namespace chronicle::cli;

namespace {

/// --from, --columns, --reference-date and --no-merge, for each command that reads inputs.
void add_input_options(CLI::App* app, InputOptions& in, std::string& columns) {
  app->add_option("--from", in.from,
                  "Input format, when the extension and content do not tell: chronicle, timelinejs, "
                  "timelinejs-csv, csv, markwhen")
      ->check(CLI::IsMember(input_formats()));
  app->add_option("--columns", columns, "For plain CSV: which column holds each field: date=When,title=What")
      ->type_name("FIELD=COLUMN,...");
  app->add_option("--reference-date", in.reference_date,
                  "The day relative dates (\"Monday\", \"last October\") mean, for events whose sources have no "
                  "'published' date")
      ->type_name("DATE");
  app->add_flag("--no-merge", in.no_merge, "Do not merge events of different input files that describe the same happening");
}

}  // namespace

int main(int argc, char** argv) {
  try {
    CLI::App app{"chronicle " CHRONICLE_VERSION ": timeline posters (SVG, PDF, PNG) from events in JSON", "chronicle"};
    app.footer(exit_code_help());
    app.set_version_flag("--version", "chronicle " CHRONICLE_VERSION);
    app.require_subcommand(1);

    RenderCommand render;
    CLI::App* r = app.add_subcommand("render", "Render timeline(s) to SVG, PDF or PNG (format from each -o's extension)");
    r->add_option("inputs", render.inputs, "Input files (chronicle JSON, TimelineJS JSON or CSV, markwhen, CSV); several are merged into one timeline")
        ->required()
        ->type_name("FILE");
    r->add_option("-o,--output", render.outputs,
                  "Output file, .svg .pdf or .png; repeat for several formats. With {name} in it, each input is "
                  "rendered on its own: -o 'out/{name}.pdf'. With %d in it, an SVG or PNG a page (slide): "
                  "-o 'slide-%d.svg'")
        ->type_name("FILE");
    r->add_option("-t,--template", render.template_name, "Template name (see templates/) or path to a template file")
        ->type_name("NAME|PATH")
        ->capture_default_str();
    r->add_option("--template-dir", render.template_dirs, "Also look for templates here (searched first)")
        ->type_name("DIR");
    r->add_option("--dump-layout", render.dump_layout, "Write the layout (boxes, lines, texts) as JSON")
        ->type_name("FILE");
    r->add_option("--dpi", render.dpi, "PNG resolution; pixels = pt * dpi / 72")
        ->check(CLI::Range(18.0, 1200.0))
        ->capture_default_str();
    r->add_option("--depfile", render.depfile, "Write a Make/Ninja depfile: the outputs and every file the render read")
        ->type_name("FILE");
    r->add_option("--format", render.format,
                  "Format of outputs whose name has no .svg/.pdf/.png extension (-o - for standard output)")
        ->check(CLI::IsMember({"svg", "pdf", "png"}));
    r->add_flag("--watch", render.watch, "Render again whenever a file the render read changes (until Ctrl-C)");
    r->add_option("--set", render.sets, "Override a template key: --set page.margin=24 --set font.family='Noto Sans'")
        ->type_name("KEY=VALUE");
    r->add_option("--orientation", render.orientation,
                  "horizontal: time runs right; vertical: time runs down (overrides the input and the template)")
        ->check(CLI::IsMember({"horizontal", "vertical"}));
    r->add_option("--scale", render.scale, "auto: breaks and widths by demand; linear: one proportional axis; sequential: events evenly spaced")
        ->check(CLI::IsMember({"auto", "linear", "sequential"}));
    r->add_option("-j,--jobs", render.jobs,
                  "Threads for measuring text (0: one per core, at most 4); the output is the same whatever the number")
        ->check(CLI::Range(0u, 64u))
        ->capture_default_str();
    std::string render_columns, check_columns, normalize_columns;
    add_input_options(r, render.input, render_columns);
    r->footer(exit_code_help());

    CheckCommand check;
    CLI::App* c = app.add_subcommand("check", "Validate input files without rendering");
    c->add_option("inputs", check.inputs, "Input files")->required()->type_name("FILE");
    add_input_options(c, check.input, check_columns);
    c->footer(exit_code_help());

    NormalizeCommand normalize;
    CLI::App* n = app.add_subcommand("normalize", "Write the normalized timeline model as canonical JSON");
    n->add_option("inputs", normalize.inputs, "Input files (merged)")->required()->type_name("FILE");
    n->add_option("-o,--output", normalize.output, "Output file (default: standard output)")->type_name("FILE");
    add_input_options(n, normalize.input, normalize_columns);
    n->footer(exit_code_help());

    TemplatesCommand templates;
    CLI::App* t = app.add_subcommand("templates", "List the templates, one line each");
    t->add_option("--template-dir", templates.template_dirs, "Also list templates found here")->type_name("DIR");
    t->add_flag("--keys", templates.keys, "Print every template key (values, default, meaning) as a Markdown table");

    ExtractCommand extract;
    CLI::App* x = app.add_subcommand("extract", "Find the dated happenings in news articles and write them as a cited chronicle JSON timeline");
    x->add_option("articles", extract.inputs, "Articles: UTF-8 plain text or Markdown (a date line such as 'Published: 15 November 2024' gives each its date)")
        ->required()
        ->type_name("ARTICLE");
    x->add_option("-o,--output", extract.output, "The timeline (chronicle JSON; default: standard output)")->type_name("FILE");
    x->add_option("--published", extract.published, "The publication day of articles that give none (relative dates such as 'on Monday' count from it)")
        ->type_name("DATE");
    x->add_option("--title", extract.title, "The timeline's title (default: the article's title; for several, \"From N articles\")")
        ->type_name("TEXT");
    x->add_option("--mentions", extract.mentions, "Also write every temporal expression found (TimeML TIMEX3 type and value, code point offsets) as JSON")
        ->type_name("FILE");

    try {
      app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
      return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
      return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
      return app.exit(e);
    } catch (const CLI::ParseError& e) {
      print_error(std::string(e.what()) + " (see 'chronicle --help')");
      return static_cast<int>(ExitCode::Usage);
    }
    for (auto [spec, in] : {std::pair{&render_columns, &render.input}, std::pair{&check_columns, &check.input},
                            std::pair{&normalize_columns, &normalize.input}}) {
      if (std::string why = parse_columns(*spec, in->columns); !why.empty()) {
        print_error(why + " (see 'chronicle --help')");
        return static_cast<int>(ExitCode::Usage);
      }
    }
    ExitCode rc = ExitCode::Ok;
    if (*r) rc = run_render(render);
    else if (*c) rc = run_check(check);
    else if (*t) rc = run_templates(templates);
    else if (*n) rc = run_normalize(normalize);
    else if (*x) rc = run_extract(extract);
    return static_cast<int>(rc);
  } catch (const std::exception& e) {
    print_error(std::string("internal error: ") + e.what() + " (please report this)");
  } catch (...) {
    print_error("internal error (please report this)");
  }
  return static_cast<int>(ExitCode::Internal);
}
