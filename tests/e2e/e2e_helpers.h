#pragma once
// What every end-to-end test uses: the binary, the folders, running a command.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace fs = std::filesystem;

namespace {

const std::string bin = CHRONICLE_BINARY;
const fs::path src = CHRONICLE_SOURCE_DIR;
const fs::path tmp = CHRONICLE_TEST_TMP;

struct Run {
  int exit = -1;
  std::string out, err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void spit(const fs::path& p, const std::string& s) {
  std::ofstream out(p, std::ios::binary);
  out << s;
}

/// Runs `args` in the source folder (so paths in messages are stable).
Run run(const std::string& args, const std::string& name) {
  fs::create_directories(tmp / "runs");
  const fs::path o = tmp / "runs" / (name + ".out"), e = tmp / "runs" / (name + ".err");
  const std::string cmd = "cd '" + src.string() + "' && " + args + " >'" + o.string() + "' 2>'" + e.string() + "'";
  int status = std::system(cmd.c_str());
  Run r;
  r.exit = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  r.out = slurp(o);
  r.err = slurp(e);
  return r;
}

}  // namespace
