#include "cli/install_paths.h"

#include <climits>
#include <filesystem>
#include <unistd.h>

namespace chronicle::cli {

std::string share_dir() {
  char buf[PATH_MAX];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  std::string exe = n > 0 ? std::string(buf, std::size_t(n)) : std::string("./chronicle");
  std::string dir = exe.substr(0, exe.find_last_of('/'));
  std::error_code ec;
  auto p = std::filesystem::weakly_canonical(dir + "/../share/chronicle", ec);
  return ec ? dir + "/../share/chronicle" : p.string();
}

}  // namespace chronicle::cli
