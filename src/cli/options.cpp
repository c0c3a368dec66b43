#include "cli/options.h"

namespace chronicle::cli {

const char* exit_code_help() {
  return "Exit codes:\n"
         "  0  success\n"
         "  1  bad input: an input file or template has errors (nothing is written)\n"
         "  2  usage error: the command line is wrong\n"
         "  3  I/O failure: a file cannot be read or written, or fonts are missing\n"
         "  4  internal error: a bug in chronicle\n";
}

}  // namespace chronicle::cli
