#pragma once
#include <string>

#include "support/diagnostics.h"

namespace chronicle::cli {

/// Prints every diagnostic, one line each, sorted by position, to stderr.
void print_diagnostics(const Diagnostics& diags);
/// "chronicle: error: MESSAGE" on stderr.
void print_error(const std::string& message);

}  // namespace chronicle::cli
