#pragma once
#include <string>
#include <vector>

namespace chronicle::cli {

/// A Make/Ninja depfile: "OUT1 OUT2: DEP1 DEP2 ...", one dependency per continued line,
/// with spaces, backslashes before them, '#', ':' and '$' escaped the way both tools read
/// them. Every path must pass depfile_problem().
std::string make_depfile(const std::vector<std::string>& outputs, const std::vector<std::string>& deps);

/// Why `path` cannot stand in a depfile that make and ninja read back as the same path (a
/// line break, a trailing backslash or colon), or "" when it can.
std::string depfile_problem(const std::string& path);

}  // namespace chronicle::cli
