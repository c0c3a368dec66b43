#pragma once
#include <string>
#include <utility>
#include <vector>

namespace chronicle::cli {

enum class ReadStatus { Ok, Failed, TooLarge };

/// Reads a whole file of at most limits::max_input_bytes; on failure says why
/// ("No such file or directory").
ReadStatus read_file_limited(const std::string& path, std::string& out, std::string& why);
/// read_file_limited() == Ok, with a reason for TooLarge too.
bool read_file(const std::string& path, std::string& out, std::string& why);

/// Writes `bytes` to `path` atomically: a temporary file in the same directory, renamed
/// into place. On failure the old file is untouched, no temporary is left, and `why`
/// says what went wrong. A path that is a device (not a regular file) is written directly.
bool write_file_atomically(const std::string& path, const std::string& bytes, std::string& why);
/// Writes every (path, bytes) as write_file_atomically does, all or nothing: every
/// temporary is written first, and only when all are does any replace its target. A
/// replaced file keeps its mode (and owner, where allowed); a new one gets the umask's
/// mode. On failure, `failed` names the file and `why` says why.
bool write_files_atomically(const std::vector<std::pair<std::string, std::string>>& files, std::string& failed,
                            std::string& why);

/// Flushes standard output and says whether everything written to it arrived (a full disk,
/// a closed pipe: false, with the system's reason in `why`).
bool flush_standard_output(std::string& why);
/// Writes `bytes` to standard output and flushes it; false, with the system's reason, when
/// they did not all arrive.
bool write_standard_output(const std::string& bytes, std::string& why);

}  // namespace chronicle::cli
