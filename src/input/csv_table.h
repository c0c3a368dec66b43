#pragma once
// CSV bytes -> a table of strings with the offset of every cell, read with libcsv
// (RFC 4180 quoting, fields spanning lines). Separator: comma, or tab for .tsv files and
// tab-separated headers, or semicolon when the header has semicolons and no commas.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "input/text_locator.h"
#include "support/diagnostics.h"

namespace chronicle::input {

struct CsvTable {
  std::vector<std::string> header;                 ///< trimmed column names
  std::vector<bool> repeated;                      ///< [column]: its name (in any case) names an earlier column
  std::vector<std::vector<std::string>> rows;      ///< data rows; rows[k] is spreadsheet row k + 2
  std::shared_ptr<const TableLocator> locator;

  /// Index of the column named `name` (case-insensitive), or -1.
  int column(const std::string& name) const;
};

/// Reads a CSV file. Syntax errors (an unterminated quote, a stray quote) and rows with
/// more cells than the header are reported at their line and column; nullopt on errors.
std::optional<CsvTable> read_csv_table(const std::string& file, std::string text, Diagnostics& diags);

}  // namespace chronicle::input
