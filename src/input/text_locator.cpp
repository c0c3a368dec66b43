#include "input/text_locator.h"

#include "support/json_document.h"

namespace chronicle::input {

SourceLocation OffsetLocator::locate(const std::string& path, bool) const {
  auto it = offsets_.find(path);
  if (it == offsets_.end()) return {file_, 0, 0};
  return lines_.at(file_, *text_, it->second);
}

std::string row_path(std::size_t row) { return "row " + std::to_string(row); }

std::string cell_path(std::size_t row, const std::string& column) {
  return row_path(row) + ", column \"" + column + "\"";
}

SourceLocation TableLocator::locate(const std::string& path, bool) const {
  if (path.compare(0, 4, "row ") != 0) return {file_, 0, 0};
  std::size_t row = 0, k = 4;
  while (k < path.size() && std::isdigit(static_cast<unsigned char>(path[k]))) row = row * 10 + std::size_t(path[k++] - '0');
  if (row == 0 || row > cells_.size()) return {file_, 0, 0};
  const auto& cells = cells_[row - 1];
  std::size_t column = 0;
  const std::string marker = ", column \"";
  if (path.compare(k, marker.size(), marker) == 0) {
    const std::string name = path.substr(k + marker.size(), path.size() - k - marker.size() - 1);
    if (auto c = columns_.find(name); c != columns_.end()) column = c->second;
  }
  if (cells.empty()) return {file_, 0, 0};
  if (column >= cells.size()) column = cells.size() - 1;
  return lines_.at(file_, *text_, cells[column]);
}

}  // namespace chronicle::input
