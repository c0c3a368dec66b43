#include "cli/options.h"

#include <algorithm>

#include "input/read_csv.h"
#include "support/spellcheck.h"

namespace chronicle::cli {

const std::vector<std::string>& input_formats() {
  static const std::vector<std::string> f{"chronicle", "timelinejs", "timelinejs-csv", "csv", "markwhen"};
  return f;
}

std::string parse_columns(const std::string& spec, std::map<std::string, std::string>& out) {
  std::size_t pos = 0;
  while (pos <= spec.size()) {
    std::size_t comma = spec.find(',', pos);
    const std::string item = spec.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    pos = comma == std::string::npos ? spec.size() + 1 : comma + 1;
    if (item.empty()) continue;
    const auto eq = item.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == item.size())
      return "--columns: '" + item + "' is not FIELD=COLUMN";
    const std::string field = item.substr(0, eq);
    const auto& fields = input::csv_fields();
    if (std::find(fields.begin(), fields.end(), field) == fields.end())
      return "--columns: unknown field '" + field + "'" + did_you_mean(field, fields);
    out[field] = item.substr(eq + 1);
  }
  return "";
}

const char* exit_code_help() {
  return "Exit codes:\n"
         "  0  success\n"
         "  1  bad input: an input file or template has errors (nothing is written)\n"
         "  2  usage error: the command line is wrong\n"
         "  3  I/O failure: a file cannot be read or written, or fonts are missing\n"
         "  4  internal error: a bug in chronicle\n";
}

}  // namespace chronicle::cli
