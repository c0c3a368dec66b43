#pragma once
#include "cli/exit_code.h"
#include "cli/options.h"

namespace chronicle::cli {

ExitCode run_render(const RenderCommand& cmd);
ExitCode run_check(const CheckCommand& cmd);
ExitCode run_templates(const TemplatesCommand& cmd);

}  // namespace chronicle::cli
