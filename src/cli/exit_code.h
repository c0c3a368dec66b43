#pragma once

namespace chronicle::cli {

/// What chronicle's exit status means; documented in --help and the README.
enum class ExitCode {
  Ok = 0,        ///< everything rendered / valid
  BadInput = 1,  ///< an input or template has errors; nothing was written
  Usage = 2,     ///< the command line is wrong
  Io = 3,        ///< a file could not be read or written, or fonts are missing
  Internal = 4,  ///< a bug in chronicle; please report it
};

}  // namespace chronicle::cli
