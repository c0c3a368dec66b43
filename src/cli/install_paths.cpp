#include "cli/install_paths.h"

#include <climits>
#include <unistd.h>

namespace chronicle::cli {

std::string share_dir() {
  char buf[PATH_MAX];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  std::string exe = n > 0 ? std::string(buf, std::size_t(n)) : std::string("./chronicle");
  std::string dir = exe.substr(0, exe.find_last_of('/'));
  return dir + "/../share/chronicle";
}

}  // namespace chronicle::cli
