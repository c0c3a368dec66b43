#include "input/csv_table.h"

#include "support/text.h"

#include <csv.h>

#include <algorithm>
#include <unordered_map>

#include "support/json_document.h"
#include "support/limits.h"

namespace chronicle::input {
namespace {

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
  std::size_t k = 0;
  while (k < s.size() && (s[k] == ' ' || s[k] == '\t')) ++k;
  return s.substr(k);
}

/// What libcsv's callbacks build: every record with the offset where each cell starts.
struct Builder {
  std::vector<std::vector<std::string>> records;
  std::vector<std::vector<std::size_t>> offsets;
  std::vector<std::string> record;
  std::vector<std::size_t> record_offsets;
  std::size_t field_start = 0;
  bool need_start = true;
  bool too_many = false;
  std::size_t long_cell = std::string::npos;  ///< offset of a cell over the length limit
  std::size_t wide_cell = std::string::npos;  ///< offset of the first cell past the column limit

  static void on_field(void* data, std::size_t len, void* self) {
    auto* b = static_cast<Builder*>(self);
    if (len > limits::max_text_bytes && b->long_cell == std::string::npos) b->long_cell = b->field_start;
    if (b->record.size() >= limits::max_columns && b->wide_cell == std::string::npos) b->wide_cell = b->field_start;
    b->record.emplace_back(static_cast<const char*>(data), std::min(len, limits::max_text_bytes));
    b->record_offsets.push_back(b->field_start);
    b->need_start = true;
  }
  static void on_record(int, void* self) {
    auto* b = static_cast<Builder*>(self);
    if (b->records.size() > limits::max_events) {
      b->too_many = true;
    } else {
      b->records.push_back(std::move(b->record));
      b->offsets.push_back(std::move(b->record_offsets));
    }
    b->record.clear();
    b->record_offsets.clear();
    b->need_start = true;
  }
};

unsigned char separator_for(const std::string& file, const std::string& text, std::size_t from) {
  const auto eol = text.find('\n', from);
  const std::string header = text.substr(from, eol == std::string::npos ? std::string::npos : eol - from);
  auto ends_with = [&](const char* ext) {
    const std::string e = ext;
    return file.size() >= e.size() && ascii_lower(file.substr(file.size() - e.size())) == e;
  };
  const auto count = [&](char c) { return std::count(header.begin(), header.end(), c); };
  if (ends_with(".tsv") || (count('\t') > 0 && count(',') == 0)) return '\t';
  if (count(';') > 0 && count(',') == 0) return ';';
  return ',';
}

int is_space(unsigned char c) { return c == ' ' ? CSV_SPACE : 0; }
int is_space_or_tab(unsigned char c) { return c == ' ' || c == '\t' ? CSV_SPACE : 0; }

}  // namespace

int CsvTable::column(const std::string& name) const {
  const std::string n = ascii_lower(name);
  for (std::size_t k = 0; k < header.size(); ++k)
    if (ascii_lower(header[k]) == n) return int(k);
  return -1;
}

std::optional<CsvTable> read_csv_table(const std::string& file, std::string text, Diagnostics& diags) {
  auto shared = std::make_shared<const std::string>(std::move(text));
  const std::string& t = *shared;
  const std::size_t begin = t.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;  // a spreadsheet's BOM
  csv_parser p;
  if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
    diags.error({file, 0, 0}, "", "cannot start the CSV reader (out of memory)");
    return std::nullopt;
  }
  const unsigned char sep = separator_for(file, t, begin);
  csv_set_delim(&p, sep);
  csv_set_space_func(&p, sep == '\t' ? is_space : is_space_or_tab);
  Builder b;
  bool failed = false;
  // One byte at a time, so that every cell's starting offset is known for messages.
  for (std::size_t i = begin; i < t.size(); ++i) {
    const char c = t[i];
    if (b.need_start && c != '\r' && c != '\n') {
      b.field_start = i;
      b.need_start = false;
    }
    if (csv_parse(&p, &t[i], 1, Builder::on_field, Builder::on_record, &b) != 1) {
      const int why = csv_error(&p);
      diags.error(location_of_offset(file, t, i), "",
                  why != CSV_EPARSE ? std::string("malformed CSV: ") + csv_strerror(why)
                  : c == '"'        ? "malformed CSV: a quote inside a cell that does not start with one "
                                      "(quote the whole cell and double the quotes inside it)"
                                    : "malformed CSV: text after a quoted cell's closing quote "
                                      "(put the separator right after the quote, or double a quote inside the cell)");
      failed = true;
      break;
    }
    if (b.too_many || b.wide_cell != std::string::npos) break;
  }
  if (!failed && b.wide_cell == std::string::npos && csv_fini(&p, Builder::on_field, Builder::on_record, &b) != 0) {
    diags.error(location_of_offset(file, t, b.field_start), "",
                "malformed CSV: a quoted cell is not closed before the end of the file");
    failed = true;
  }
  csv_free(&p);
  if (failed) return std::nullopt;
  if (b.too_many) {
    diags.error(location_of_offset(file, t, t.size()), "",
                "too many rows; the limit is " + std::to_string(limits::max_events) + " per file");
    return std::nullopt;
  }
  if (b.wide_cell != std::string::npos) {
    diags.error(location_of_offset(file, t, b.wide_cell), "",
                "too many columns; the limit is " + std::to_string(limits::max_columns));
    return std::nullopt;
  }
  if (b.long_cell != std::string::npos) {
    diags.error(location_of_offset(file, t, b.long_cell), "",
                "a cell is longer than " + std::to_string(limits::max_text_bytes) + " bytes");
    return std::nullopt;
  }
  if (b.records.empty()) {
    diags.error({file, 1, 1}, "", "the CSV file is empty: it needs a header row naming its columns");
    return std::nullopt;
  }
  CsvTable table;
  for (auto& h : b.records.front()) table.header.push_back(trim(h));
  {  // a name given twice: the first column of that name is read, the others are not
    std::unordered_map<std::string, std::size_t> first;
    for (std::size_t c = 0; c < table.header.size(); ++c) {
      const std::string name = ascii_lower(table.header[c]);
      auto [it, fresh] = first.emplace(name, c);
      table.repeated.push_back(!fresh && !name.empty());
      if (fresh || name.empty()) continue;
      diags.warning(location_of_offset(file, t, b.offsets[0][c]), cell_path(1, table.header[c]),
                    "column " + std::to_string(c + 1) + " is named '" + table.header[c] + "' like column " +
                        std::to_string(it->second + 1) + "; only column " + std::to_string(it->second + 1) +
                        " is read");
    }
  }
  for (std::size_t r = 1; r < b.records.size(); ++r) {
    auto& rec = b.records[r];
    if (rec.size() > table.header.size()) {
      bool extra = false;
      for (std::size_t c = table.header.size(); c < rec.size(); ++c) extra = extra || !trim(rec[c]).empty();
      if (extra) {
        diags.error(location_of_offset(file, t, b.offsets[r][table.header.size()]), row_path(r + 1),
                    "row " + std::to_string(r + 1) + " has " + std::to_string(rec.size()) + " cells; the header has " +
                        std::to_string(table.header.size()));
        failed = true;
      }
      rec.resize(table.header.size());
    }
    for (auto& cell : rec) cell = trim(cell);
    rec.resize(table.header.size());
    table.rows.push_back(std::move(rec));
  }
  table.locator = std::make_shared<TableLocator>(file, shared, table.header, std::move(b.offsets));
  if (failed) return std::nullopt;
  return table;
}

}  // namespace chronicle::input
