#include "cli/output_file.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <thread>

#include "cli/signals.h"
#include "support/limits.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace chronicle::cli {
namespace {

bool write_all(int fd, const std::string& bytes, std::string& why) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      why = std::strerror(errno);
      return false;
    }
    done += std::size_t(n);
  }
  return true;
}

}  // namespace

ReadStatus read_file_limited(const std::string& path, std::string& out, std::string& why) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    why = "it is a directory";
    return ReadStatus::Failed;
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    why = std::strerror(errno);
    return ReadStatus::Failed;
  }
  out.clear();
  char buf[1 << 16];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    out.append(buf, n);
    if (out.size() > limits::max_input_bytes) {
      std::fclose(f);
      out.clear();
      why = "the file is larger than 16 MiB, the most chronicle reads";
      return ReadStatus::TooLarge;
    }
  }
  bool ok = !std::ferror(f);
  if (!ok) why = std::strerror(errno);
  std::fclose(f);
  return ok ? ReadStatus::Ok : ReadStatus::Failed;
}

bool read_file(const std::string& path, std::string& out, std::string& why) {
  return read_file_limited(path, out, why) == ReadStatus::Ok;
}

bool write_file_atomically(const std::string& path, const std::string& bytes, std::string& why) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      why = "it is a directory";
      return false;
    }
    if (!S_ISREG(st.st_mode)) {  // a device such as /dev/null or /dev/full
      int fd = ::open(path.c_str(), O_WRONLY);
      if (fd < 0) {
        why = std::strerror(errno);
        return false;
      }
      bool ok = write_all(fd, bytes, why);
      if (::close(fd) != 0 && ok) {
        why = std::strerror(errno);
        ok = false;
      }
      return ok;
    }
  }
  auto slash = path.find_last_of('/');
  std::string dir = slash == std::string::npos ? "." : path.substr(0, slash + 1);
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  std::string tmp = (slash == std::string::npos ? std::string() : dir) + "." + base + ".tmp-XXXXXX";
  int fd = ::mkstemp(tmp.data());
  if (fd < 0) {
    why = std::strerror(errno);
    return false;
  }
  const int slot = register_temporary(tmp.c_str());
  bool ok = write_all(fd, bytes, why);
  // For the tests of "killed part-way": hold the written temporary before the rename.
  if (const char* ms = std::getenv("CHRONICLE_TEST_WRITE_DELAY_MS"))
    std::this_thread::sleep_for(std::chrono::milliseconds(std::atoi(ms)));
  if (ok && ::fsync(fd) != 0) {
    why = std::strerror(errno);
    ok = false;
  }
  if (::fchmod(fd, 0644 & ~[] { mode_t m = ::umask(0); ::umask(m); return m; }()) != 0 && ok) {
    why = std::strerror(errno);
    ok = false;
  }
  if (::close(fd) != 0 && ok) {
    why = std::strerror(errno);
    ok = false;
  }
  if (ok && std::rename(tmp.c_str(), path.c_str()) != 0) {
    why = std::strerror(errno);
    ok = false;
  }
  if (!ok) ::unlink(tmp.c_str());
  unregister_temporary(slot);
  return ok;
}

bool flush_standard_output(std::string& why) {
  errno = 0;
  std::cout.flush();
  const bool cout_ok = bool(std::cout);
  const int cout_errno = errno;
  errno = 0;
  const bool c_ok = std::fflush(stdout) == 0 && !std::ferror(stdout);
  if (cout_ok && c_ok) return true;
  const int e = cout_errno ? cout_errno : errno;
  why = e ? std::strerror(e) : "write error";
  return false;
}

bool write_standard_output(const std::string& bytes, std::string& why) {
  std::cout.flush();
  errno = 0;
  const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), stdout) == bytes.size() && std::fflush(stdout) == 0;
  if (ok) return true;
  why = errno ? std::strerror(errno) : "write error";
  return false;
}

}  // namespace chronicle::cli
