#pragma once
#include <string>

namespace chronicle::cli {

/// chronicle's share folder (templates, fonts, schema): <exe dir>/../share/chronicle,
/// the same in the build tree and after `cmake --install`.
std::string share_dir();

}  // namespace chronicle::cli
