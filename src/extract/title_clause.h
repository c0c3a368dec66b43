#pragma once
// The extract stage, step three: a label for a dated happening, from its sentence.
#include <string>

namespace chronicle::extract {

/// A title a reader can use as a label for the happening that `sentence` dates with the
/// expression at bytes [date_begin, date_end) of it: the clause that states it, shortened
/// to about 12 words ("Elon Musk meets Iran's UN ambassador Amir Saeid Iravani").
///  - a year before a noun ("Trump's 2018 withdrawal from the 2015 nuclear deal") names its
///    noun phrase: "Trump's withdrawal from the 2015 nuclear deal";
///  - otherwise the sentence without the date and its preposition, without a dateline
///    ("NEW YORK —"), a leading subordinate clause ("After a meeting with X, ..."), the
///    subject's appositive (", a prominent businessman,"), attribution (", according to
///    ...") and what follows a colon or "which"; cut at a phrase boundary to at most 14
///    words, else at 12 with an ellipsis.
std::string happening_title(const std::string& sentence, std::size_t date_begin, std::size_t date_end);
/// The same for a sentence without a date (an article's title from its first sentence).
inline std::string clause_title(const std::string& sentence) {
  return happening_title(sentence, std::string::npos, std::string::npos);
}

/// `text` on one line: line breaks and tabs as spaces, runs of spaces as one, no space
/// before a comma or full stop.
std::string one_line(const std::string& text);

/// At most `max_words` words of `text` ending at a phrase boundary, for an article's title
/// taken from its first sentence.
std::string shorten(const std::string& text, std::size_t max_words = 14);

}  // namespace chronicle::extract
