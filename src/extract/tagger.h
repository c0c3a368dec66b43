#pragma once
// The extract stage, step two: temporal expressions in running text. Sentences and words
// come from ICU; each word gets a class from a table (data/words.tsv); the expressions are
// patterns over the classes (data/patterns.tsv), all run in one pass by RE2; each found
// expression is resolved by model's date parsers and given its TimeML TIMEX3 value.
#include <optional>
#include <string>
#include <vector>

#include "model/date/date_value.h"
#include "support/diagnostics.h"

namespace chronicle::extract {

/// A sentence of the text: bytes [begin, end).
struct Sentence {
  std::size_t begin = 0, end = 0;
};

/// One temporal expression.
struct Mention {
  std::size_t begin = 0, end = 0;  ///< bytes of the text
  std::size_t sentence = 0;        ///< index into the sentences
  std::string text;
  std::string type;   ///< DATE, TIME, DURATION, SET
  std::string value;  ///< TIMEX3: 2013-03-22, 2013-W11, 2012-SU, PRESENT_REF, P3Y, XXXX-WI ...
  std::string mod;    ///< TIMEX3 mod: START, MID, END (early, mid, late) or ""
  std::string rule;   ///< absolute, relative, story, duration, set, reference
  std::string resolved;  ///< how: "absolute", "article date 2024-11-15 (past: 'met')", "story date 2015" ...
  std::string label;  ///< the words a date label shows: "on Monday", "in 2020"
  std::optional<model::DateValue> date;  ///< the calendar interval, for DATE and TIME with one
};

/// What relative expressions are resolved against.
struct Anchors {
  std::optional<model::DateValue> published;  ///< the article's date (news)
};

struct Tagged {
  std::vector<Sentence> sentences;
  std::vector<Mention> mentions;  ///< in text order
};

/// Finds and resolves the temporal expressions of text[from, end). An expression that needs
/// a date the article does not give is an error at its line and column.
Tagged tag_text(const std::string& file, const std::string& text, std::size_t from, const Anchors& anchors,
                Diagnostics& diags);

/// The TIMEX3 value of a calendar date at its precision ("2024-11-11", "2024-W46", "199").
std::string timex_value(const model::DateValue& d);

/// The sentences of text[from, end) by ICU's rules (abbreviations such as "Sept." and
/// "Mr." end none).
std::vector<Sentence> split_sentences(const std::string& text, std::size_t from);

}  // namespace chronicle::extract
