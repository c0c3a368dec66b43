#pragma once
#include <functional>
#include <string>
#include <vector>

#include "cli/exit_code.h"

namespace chronicle::cli {

/// Watches `files` with inotify (through their folders, so editors that replace a file
/// are seen too) and calls `rerender` after each change, with the files the new render
/// read. Runs until SIGINT or SIGTERM; returns Ok then, or Io when inotify fails.
ExitCode watch_and_rerender(std::vector<std::string> files,
                            const std::function<ExitCode(std::vector<std::string>&)>& rerender);

}  // namespace chronicle::cli
