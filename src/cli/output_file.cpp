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
#include "support/text.h"

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

namespace {

/// A file being written: its temporary beside the target (or, for a device such as
/// /dev/null, the target itself, written last).
struct Pending {
  std::string path, tmp;
  int slot = -1;
  bool device = false;
};

mode_t current_umask() {
  const mode_t m = ::umask(0);
  ::umask(m);
  return m;
}

/// Writes `bytes` to a new temporary beside `path`, with the mode (and, where allowed, the
/// owner) of the file it will replace, or the umask's mode for a new one.
bool stage(const std::string& path, const std::string& bytes, Pending& p, std::string& why) {
  p.path = path;
  struct stat st {};
  bool exists = ::stat(path.c_str(), &st) == 0;
  // A symbolic link at the output path is replaced by the output, never followed, whatever
  // it points at (a file, a FIFO, a device, nothing): writing through a planted link could
  // block on a FIFO or change a file elsewhere. The system's own links (/dev/stdout,
  // /proc/self/fd/N) are the exception: they are ways to name a stream.
  struct stat lst {};
  const bool system_name = path.rfind("/dev/", 0) == 0 || path.rfind("/proc/", 0) == 0;
  if (!system_name && ::lstat(path.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode)) exists = false;
  if (exists && S_ISDIR(st.st_mode)) {
    why = "it is a directory";
    return false;
  }
  if (exists && !S_ISREG(st.st_mode)) {  // a device such as /dev/null or /dev/full
    p.device = true;
    return true;
  }
  const auto slash = path.find_last_of('/');
  const std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  constexpr std::size_t name_max = 255, extra = 12;  // "." + ".tmp-XXXXXX"
  if (base.size() + extra > name_max) base = utf8_prefix(base, name_max - extra);  // a name that still fits
  p.tmp = dir + "." + base + ".tmp-XXXXXX";
  const int fd = ::mkstemp(p.tmp.data());
  if (fd < 0) {
    why = std::strerror(errno);
    p.tmp.clear();
    return false;
  }
  p.slot = register_temporary(p.tmp.c_str());
  bool ok = write_all(fd, bytes, why);
  // For the tests of "killed part-way": hold the written temporary before the rename.
  if (const char* ms = std::getenv("CHRONICLE_TEST_WRITE_DELAY_MS"))
    std::this_thread::sleep_for(std::chrono::milliseconds(std::atoi(ms)));
  if (ok && ::fsync(fd) != 0) {
    why = std::strerror(errno);
    ok = false;
  }
  const mode_t mode = exists ? (st.st_mode & 07777) : (0666 & ~current_umask());
  if (ok && ::fchmod(fd, mode) != 0) {
    why = std::strerror(errno);
    ok = false;
  }
  if (ok && exists && (st.st_uid != ::geteuid() || st.st_gid != ::getegid()))
    (void)!::fchown(fd, st.st_uid, st.st_gid);  // keep the owner where allowed (root); else ours
  if (::close(fd) != 0 && ok) {
    why = std::strerror(errno);
    ok = false;
  }
  return ok;
}

void discard(Pending& p) {
  if (!p.tmp.empty()) ::unlink(p.tmp.c_str());
  if (p.slot >= 0) unregister_temporary(p.slot);
  p.tmp.clear();
  p.slot = -1;
}

}  // namespace

bool write_files_atomically(const std::vector<std::pair<std::string, std::string>>& files, std::string& failed,
                            std::string& why) {
  std::vector<Pending> pending(files.size());
  // Every temporary first: a file that cannot be written leaves every other output as it was.
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!stage(files[i].first, files[i].second, pending[i], why)) {
      failed = files[i].first;
      for (auto& p : pending) discard(p);
      return false;
    }
  }
  bool ok = true;
  for (std::size_t i = 0; i < files.size(); ++i) {
    Pending& p = pending[i];
    if (p.device) {
      const int fd = ::open(p.path.c_str(), O_WRONLY);
      std::string err;
      if (fd < 0 || !write_all(fd, files[i].second, err) || ::close(fd) != 0) {
        if (ok) failed = p.path, why = err.empty() ? std::strerror(errno) : err;
        ok = false;
      }
      continue;
    }
    if (std::rename(p.tmp.c_str(), p.path.c_str()) != 0) {
      if (ok) failed = p.path, why = std::strerror(errno);
      ok = false;
      discard(p);
      continue;
    }
    unregister_temporary(p.slot);
  }
  return ok;
}

bool write_file_atomically(const std::string& path, const std::string& bytes, std::string& why) {
  std::string failed;
  return write_files_atomically({{path, bytes}}, failed, why);
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
