#pragma once
// The extract stage, step one: an article's bytes become its text, title, URL and
// publication date. Beside input/ (it reads bytes) and using model's date parsers.
#include <optional>
#include <string>

#include "model/date/date_value.h"
#include "support/diagnostics.h"

namespace chronicle::extract {

/// One article as read: the text exactly as in the file (a UTF-8 BOM dropped), and what
/// its head says about it.
struct Article {
  std::string file;
  std::string text;
  std::string title;
  std::string url;
  std::optional<model::DateValue> published;  ///< to the day; from the article or --published
  bool published_in_text = false;            ///< the date came from the article itself
  std::size_t date_begin = 0, date_end = 0;  ///< where the article wrote it (bytes; equal: not written)
  std::size_t body = 0;                      ///< where the running text starts (bytes), after the head
};

/// Reads `bytes` (already loaded from `file`). Errors (not UTF-8, binary) go to `diags`
/// with their line and column; `published` is used when the article gives no date.
/// The article's own date: front matter (`date:`, `published:`), a leading line
/// `Published: 15 November 2024`, `Date: ...`, or the bare ` date 2024-11-15` that some
/// feeds put before the text. The title: front matter, else the first Markdown heading,
/// else a short first line, else the first sentence (shortened by the caller).
std::optional<Article> read_article(const std::string& file, std::string bytes, const std::optional<model::DateValue>& published,
                                    Diagnostics& diags);

/// The number of code points in text[0, offset).
std::size_t code_points(const std::string& text, std::size_t offset, std::size_t from = 0);

}  // namespace chronicle::extract
