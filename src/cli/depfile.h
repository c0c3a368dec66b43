#pragma once
#include <string>
#include <vector>

namespace chronicle::cli {

/// A Make/Ninja depfile: "OUT1 OUT2: DEP1 DEP2 ...", one dependency per continued line,
/// with spaces, '#' and '$' escaped the way both tools read them.
std::string make_depfile(const std::vector<std::string>& outputs, const std::vector<std::string>& deps);

}  // namespace chronicle::cli
