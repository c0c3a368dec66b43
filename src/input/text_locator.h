#pragma once
// Positions for formats that are not JSON. Their "pointers" are the format's own paths,
// printed as they are in messages: `row 12, column "Year"` for CSV, `line 7` for markwhen.
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "support/diagnostics.h"
#include "support/json_document.h"

namespace chronicle::input {

/// Maps the paths a reader registered to byte offsets of the text.
class OffsetLocator : public Locator {
 public:
  OffsetLocator(std::string file, std::shared_ptr<const std::string> text) : file_(std::move(file)), text_(std::move(text)) {}
  void add(const std::string& path, std::size_t offset) { offsets_.emplace(path, offset); }
  SourceLocation locate(const std::string& path, bool key_of = false) const override;

 private:
  std::string file_;
  std::shared_ptr<const std::string> text_;
  std::unordered_map<std::string, std::size_t> offsets_;
  LineIndex lines_;
};

/// CSV positions: `row N` (spreadsheet numbering: the header is row 1) and
/// `row N, column "NAME"`, looked up in the offsets the table recorded.
class TableLocator : public Locator {
 public:
  TableLocator(std::string file, std::shared_ptr<const std::string> text, std::vector<std::string> header,
               std::vector<std::vector<std::size_t>> cell_offsets)
      : file_(std::move(file)), text_(std::move(text)), cells_(std::move(cell_offsets)) {
    for (std::size_t c = 0; c < header.size(); ++c) columns_.emplace(header[c], c);  // the first of a name
  }
  SourceLocation locate(const std::string& path, bool key_of = false) const override;

 private:
  std::string file_;
  std::shared_ptr<const std::string> text_;
  std::unordered_map<std::string, std::size_t> columns_;  ///< column name -> index
  std::vector<std::vector<std::size_t>> cells_;  ///< [row - 1][column] -> offset; row 1 is the header
  LineIndex lines_;
};

/// The path of a CSV cell: `row 12, column "Year"`.
std::string cell_path(std::size_t row, const std::string& column);
std::string row_path(std::size_t row);

}  // namespace chronicle::input
