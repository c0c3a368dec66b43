#pragma once
#include "cli/exit_code.h"
#include "cli/options.h"

namespace chronicle::cli {

ExitCode run_render(const RenderCommand& cmd);
ExitCode run_check(const CheckCommand& cmd);
ExitCode run_templates(const TemplatesCommand& cmd);
ExitCode run_normalize(const NormalizeCommand& cmd);
ExitCode run_extract(const ExtractCommand& cmd);

}  // namespace chronicle::cli
