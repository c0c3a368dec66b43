#pragma once
// Signals: a render killed part-way (SIGINT, SIGTERM, SIGHUP) removes its temporary
// output files before it dies, so it never leaves one behind.

namespace chronicle::cli {

/// Installs the handlers. With `keep_running` (watch mode) a signal only asks
/// stop_requested() to become true; otherwise the process dies after cleaning up.
void install_signal_handlers(bool keep_running);
bool stop_requested();

/// Registers a temporary file to delete if a signal arrives; returns a slot, or -1.
int register_temporary(const char* path);
void unregister_temporary(int slot);

}  // namespace chronicle::cli
