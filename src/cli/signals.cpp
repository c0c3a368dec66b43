#include "cli/signals.h"

#include <csignal>
#include <initializer_list>
#include <cstring>
#include <unistd.h>

namespace chronicle::cli {
namespace {

constexpr int max_slots = 1024;  // a render writes all its files' temporaries before renaming any
constexpr int max_path = 4096;
char temporaries[max_slots][max_path];
volatile std::sig_atomic_t used[max_slots];
volatile std::sig_atomic_t stop = 0;
volatile std::sig_atomic_t keep = 0;

void remove_temporaries() {
  for (int i = 0; i < max_slots; ++i)
    if (used[i]) ::unlink(temporaries[i]);  // async-signal-safe
}

/// Ctrl-C, kill, a closed terminal: remove the temporaries, then die (or, --watch, stop).
extern "C" void on_signal(int sig) {
  remove_temporaries();
  stop = 1;
  if (!keep) {
    std::signal(sig, SIG_DFL);
    std::raise(sig);
  }
}

/// Any other signal that ends a process by default (a closed pipe, a CPU or file size
/// limit, a timer, the user signals): remove the temporaries and die of it.
extern "C" void on_fatal_signal(int sig) {
  remove_temporaries();
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

}  // namespace

void install_signal_handlers(bool keep_running) {
  keep = keep_running ? 1 : 0;
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) ::sigaction(sig, &sa, nullptr);
  sa.sa_handler = on_fatal_signal;
  for (int sig : {SIGPIPE, SIGQUIT, SIGXCPU, SIGXFSZ, SIGALRM, SIGVTALRM, SIGPROF, SIGUSR1, SIGUSR2})
    ::sigaction(sig, &sa, nullptr);
}

bool stop_requested() { return stop != 0; }

int register_temporary(const char* path) {
  if (std::strlen(path) >= max_path) return -1;
  for (int i = 0; i < max_slots; ++i) {
    if (!used[i]) {
      std::strcpy(temporaries[i], path);
      used[i] = 1;
      return i;
    }
  }
  return -1;
}

void unregister_temporary(int slot) {
  if (slot >= 0) used[slot] = 0;
}

}  // namespace chronicle::cli
