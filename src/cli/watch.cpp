#include "cli/watch.h"

#include <cerrno>
#include <cstring>
#include <iostream>
#include <map>
#include <poll.h>
#include <set>
#include <sys/inotify.h>
#include <unistd.h>

#include "cli/print_diagnostics.h"
#include "cli/signals.h"

namespace chronicle::cli {
namespace {

struct Watches {
  int fd = -1;
  std::map<int, std::string> dir_of;                  // watch descriptor -> folder
  std::map<std::string, std::set<std::string>> names;  // folder -> file names in it
  std::set<std::string> missing;                       // folders that cannot be watched now

  /// Watches `dir`; a folder that cannot be watched (deleted, not yet made) is said once
  /// and tried again by retry() until it can.
  void watch(const std::string& dir) {
    const int wd = inotify_add_watch(fd, dir.c_str(),
                                     IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_ATTRIB | IN_DELETE | IN_DELETE_SELF |
                                         IN_MOVE_SELF);
    if (wd < 0) {
      if (missing.insert(dir).second)
        print_error("cannot watch '" + dir + "': " + std::strerror(errno) + "; watching for it to come back");
      return;
    }
    if (missing.erase(dir)) std::cerr << "chronicle: '" << dir << "' is back" << std::endl;
    dir_of[wd] = dir;
  }
  void add(const std::vector<std::string>& files) {
    for (const auto& f : files) {
      auto slash = f.find_last_of('/');
      std::string dir = slash == std::string::npos ? "." : (slash == 0 ? "/" : f.substr(0, slash));
      std::string name = slash == std::string::npos ? f : f.substr(slash + 1);
      if (!names.count(dir)) watch(dir);
      names[dir].insert(name);
    }
  }
  /// Tries the missing folders again; true when one of them is back (render again: its
  /// files may be back too, and their events came before the watch).
  bool retry() {
    const std::set<std::string> before = missing;
    for (const auto& dir : before) watch(dir);
    return missing.size() < before.size();
  }
  void clear() {
    for (const auto& [wd, dir] : dir_of) inotify_rm_watch(fd, wd);
    dir_of.clear();
    names.clear();  // `missing` stays: a folder still gone is not said again
  }
};

/// Reads pending events; true when one of them names a watched file, or a watched folder
/// went away (deleted or moved: it is then missing, and tried again until it is back).
bool relevant_change(Watches& w) {
  alignas(inotify_event) char buf[16384];
  bool hit = false;
  for (;;) {
    ssize_t n = ::read(w.fd, buf, sizeof buf);
    if (n <= 0) break;
    for (char* p = buf; p < buf + n;) {
      auto* ev = reinterpret_cast<inotify_event*>(p);
      auto dir = w.dir_of.find(ev->wd);
      if (dir != w.dir_of.end()) {
        if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)) {
          if (w.missing.insert(dir->second).second)
            print_error("'" + dir->second + "' is gone; watching for it to come back");
          if (!(ev->mask & IN_IGNORED)) inotify_rm_watch(w.fd, ev->wd);
          w.dir_of.erase(dir);
          hit = true;
        } else if (ev->len > 0 && w.names.at(dir->second).count(ev->name)) {
          hit = true;
        }
      }
      p += sizeof(inotify_event) + ev->len;
    }
  }
  return hit;
}

}  // namespace

ExitCode watch_and_rerender(std::vector<std::string> files,
                            const std::function<ExitCode(std::vector<std::string>&)>& rerender) {
  Watches w;
  w.fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (w.fd < 0) {
    print_error(std::string("cannot watch files: ") + std::strerror(errno));
    return ExitCode::Io;
  }
  w.add(files);
  std::cerr << "chronicle: watching " << files.size() << " files; press Ctrl-C to stop" << std::endl;
  while (!stop_requested()) {
    pollfd pfd{w.fd, POLLIN, 0};
    int ready = ::poll(&pfd, 1, 500);
    const bool back = !w.missing.empty() && w.retry();
    if (!back && (ready <= 0 || !relevant_change(w))) continue;
    // Let an editor finish writing (several events), then render once.
    while (::poll(&pfd, 1, 150) > 0) relevant_change(w);
    ExitCode rc = rerender(files);
    std::cerr << (rc == ExitCode::Ok ? "chronicle: rendered again" : "chronicle: render failed; the previous outputs stay")
              << std::endl;
    w.clear();
    w.add(files);
  }
  ::close(w.fd);
  return ExitCode::Ok;
}

}  // namespace chronicle::cli
