#pragma once
#include <string>

namespace chronicle::cli {

/// Reads a whole file; on failure returns false and a reason ("No such file or directory").
bool read_file(const std::string& path, std::string& out, std::string& why);

/// Writes `bytes` to `path` atomically: a temporary file in the same directory, renamed
/// into place. On failure the old file is untouched, no temporary is left, and `why`
/// says what went wrong. A path that is a device (not a regular file) is written directly.
bool write_file_atomically(const std::string& path, const std::string& bytes, std::string& why);

}  // namespace chronicle::cli
