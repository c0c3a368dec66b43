#include "cli/print_diagnostics.h"

#include <iostream>

namespace chronicle::cli {

void print_diagnostics(const Diagnostics& diags) {
  for (const auto& d : diags.sorted()) std::cerr << format_diagnostic(d) << "\n";
  if (diags.dropped() > 0) std::cerr << "chronicle: note: " << diags.dropped() << " more messages not shown\n";
}

void print_error(const std::string& message) {
  Diagnostic d;
  d.message = message;  // formatted like any other: control characters in file names shown, not obeyed
  std::cerr << format_diagnostic(d) << "\n";
}

}  // namespace chronicle::cli
