#include "extract/title_clause.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>
#include <vector>

#include "support/text.h"

namespace chronicle::extract {
namespace {

/// A word of the sentence with the byte range it covers (punctuation attached to it
/// stays in `text`; `bare` is the word without it, lower case).
struct W {
  std::size_t begin, end;
  std::string text, bare;
};

std::vector<W> words_of(const std::string& s) {
  std::vector<W> out;
  for (std::size_t i = 0; i < s.size();) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) {
      W w{i, j, s.substr(i, j - i), ""};
      for (char c : w.text)
        if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80) || c == '\'' || c == '-') w.bare += char(std::tolower(static_cast<unsigned char>(c)));
      out.push_back(w);
    }
    i = j;
  }
  return out;
}

}  // namespace

std::string one_line(const std::string& text) {
  const std::string& s = text;
  std::string out;
  for (char c : s) {
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  // " ," -> ","
  std::string tidy;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == ' ' && i + 1 < out.size() && (out[i + 1] == ',' || out[i + 1] == '.' || out[i + 1] == ';')) continue;
    tidy += out[i];
  }
  while (!tidy.empty() && tidy.back() == ' ') tidy.pop_back();
  return tidy;
}

namespace {

bool upper_start(const std::string& w) {
  if (w.empty()) return false;
  const auto c = static_cast<unsigned char>(w[0]);
  return std::isupper(c) || (c & 0x80);  // (a non-ASCII start: a name in another script, taken as a name)
}

bool is_possessive(const std::string& w) {
  return w.size() > 2 && (w.compare(w.size() - 2, 2, "'s") == 0 || (w.size() > 4 && w.compare(w.size() - 4, 4, "\u2019s") == 0));
}

const std::set<std::string>& boundary_words() {
  static const std::set<std::string> w{"to",     "in",      "at",     "for",    "as",      "while",   "after",
                                       "before", "following", "amid", "despite", "with",   "on",      "from",
                                       "during", "because", "since",  "and",    "but",     "which",   "who",
                                       "that",   "where",   "when",   "by",     "over",    "under",   "into",
                                       "according", "reportedly", "said", "says"};
  return w;
}

/// Cuts `s` to at most `max_words` words at the last phrase boundary that allows (a
/// comma, or before a boundary word), else to 12 words and an ellipsis.
std::string cut(const std::string& s, std::size_t max_words) {
  std::vector<W> w = words_of(s);
  if (w.size() <= max_words) return s;
  std::size_t keep = 0;
  for (std::size_t k = 4; k <= max_words && k < w.size(); ++k) {
    const bool before_boundary = boundary_words().count(w[k].bare) > 0;
    const bool after_comma = w[k - 1].text.back() == ',';
    if (before_boundary || after_comma) keep = k;
  }
  if (keep >= 8) return s.substr(0, w[keep - 1].end);
  std::size_t n = std::min<std::size_t>(12, w.size());
  static const std::set<std::string> weak{"the", "a", "an", "of", "and", "or", "to", "in", "on", "at", "for", "with", "by", "from", "would", "will", "could", "can", "may", "might", "should", "be", "been", "is", "are", "was", "were", "has", "have", "had", "that"};
  while (n > 6 && weak.count(w[n - 1].bare)) --n;  // the ellipsis after a word that carries meaning
  return s.substr(0, w[n - 1].end) + "\u2026";
}

std::string finish(std::string s) {
  s = one_line(s);
  while (!s.empty() && (s.back() == ',' || s.back() == ';' || s.back() == ':' || s.back() == '.' || s.back() == ' ' ||
                        s.back() == '-'))
    s.pop_back();
  while (!s.empty() && (s.front() == ',' || s.front() == ' ' || s.front() == '-')) s.erase(0, 1);
  // A dangling "the", "a" or preposition at the end goes.
  for (bool again = true; again;) {
    again = false;
    const auto sp = s.rfind(' ');
    if (sp == std::string::npos) break;
    const std::string tail = ascii_lower(s.substr(sp + 1));
    if (tail == "the" || tail == "a" || tail == "an" || tail == "of" || tail == "and" || boundary_words().count(tail)) {
      s.erase(sp);
      while (!s.empty() && (s.back() == ',' || s.back() == ' ')) s.pop_back();
      again = true;
    }
  }
  if (!s.empty() && std::islower(static_cast<unsigned char>(s[0]))) s[0] = char(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

std::size_t find_ci(const std::string& s, const std::string& what, std::size_t from = 0) {
  return ascii_lower(s).find(what, from);
}

}  // namespace

std::string shorten(const std::string& text, std::size_t max_words) { return finish(cut(one_line(text), max_words)); }

std::string happening_title(const std::string& sentence, std::size_t date_begin, std::size_t date_end) {
  date_begin = std::min(date_begin, sentence.size());
  date_end = std::min(std::max(date_begin, date_end), sentence.size());
  std::string s = sentence;
  const std::vector<W> w = words_of(s);
  // Which words the date covers.
  std::size_t first = w.size(), last = 0;
  for (std::size_t k = 0; k < w.size(); ++k)
    if (w[k].end > date_begin && w[k].begin < date_end) first = std::min(first, k), last = k;
  // A year before a noun: its noun phrase names the happening.
  if (first < w.size() && first > 0 && last + 1 < w.size()) {
    const std::string& before = w[first - 1].bare;
    // (Definite only: "the 2015 deal", "Trump's 2018 withdrawal" name a known thing; "an
    // October phone call" is new, and its clause tells it.)
    const bool determiner = before == "the" || before == "its" || before == "his" || before == "her" ||
                            before == "their" || is_possessive(w[first - 1].text);
    const std::string& after = w[last + 1].text;
    // (A capitalized word after a year names a thing too: "the 2015 Iran nuclear agreement".)
    const bool year = first == last && w[first].bare.size() == 4;
    const bool noun_next = !after.empty() &&
                           (std::islower(static_cast<unsigned char>(after[0])) || (year && upper_start(after))) &&
                           !boundary_words().count(w[last + 1].bare) && w[last].text.back() != ',';
    if (determiner && noun_next) {
      std::size_t start = first - 1;
      if (is_possessive(w[first - 1].text))  // "Trump's", "Iran's supreme leader's"
        while (start > 0 && upper_start(w[start - 1].text) && w[start - 1].text.back() != ',' && first - start < 4) --start;
      std::size_t end = last + 1;
      static const std::set<std::string> stops{"and", "which", "that", "who", "was", "were", "is", "are", "has",
                                               "have", "had", "designed", "to", "as", "while", "but", "amid",
                                               "despite", "after", "before", "since", "by", "will", "would"};
      while (end < w.size() && end - start < 12) {
        if (stops.count(w[end].bare)) break;
        // A verb in the past tense after the noun ends the phrase ("the 2015 agreement collapsed").
        if (end > last + 1 && w[end].bare.size() > 4 && w[end].bare.compare(w[end].bare.size() - 2, 2, "ed") == 0) break;
        const char tail = w[end].text.back();
        ++end;
        if (tail == ',' || tail == '.' || tail == ';' || tail == ':') break;
      }
      std::string np = s.substr(w[start].begin, date_begin - w[start].begin) + s.substr(date_end, w[end - 1].end - date_end);
      if (ascii_lower(np).rfind("the ", 0) == 0 || ascii_lower(np).rfind("a ", 0) == 0) np.erase(0, np.find(' ') + 1);
      std::string t = finish(np);
      if (words_of(t).size() >= 2) return t;
    }
  }
  // Otherwise the clause: the sentence without the date and the word that introduces it.
  if (date_begin >= s.size()) date_begin = date_end = s.size();
  std::size_t cut_begin = date_begin, cut_end = date_end;
  if (first < w.size() && first > 0) {
    static const std::set<std::string> preps{"on", "in", "at", "during", "since", "by", "until", "from", "of"};
    if (preps.count(w[first - 1].bare)) cut_begin = w[first - 1].begin;
  }
  // ("In 2020, Trump ordered": the comma after a leading date goes with it; so does the
  // comma that closes a date's year: "signed on July 14, 2015, that limited".)
  const bool year_end = date_end >= 4 && date_end <= s.size() &&
                        std::all_of(s.begin() + long(date_end - 4), s.begin() + long(date_end), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  // "in an October phone call" -> "in a phone call": the article agrees with the next word.
  if (first < w.size() && first > 0 && (w[first - 1].bare == "a" || w[first - 1].bare == "an") && last + 1 < w.size()) {
    const char next = char(std::tolower(static_cast<unsigned char>(w[last + 1].text[0])));
    const std::string article = std::string("aeiou").find(next) != std::string::npos ? "an" : "a";
    s.replace(w[first - 1].begin, w[first - 1].end - w[first - 1].begin, w[first - 1].text[0] == 'A' ? (article == "a" ? "A" : "An") : article);
    const long shift = long(article.size()) - long(w[first - 1].end - w[first - 1].begin);
    cut_begin = std::size_t(long(cut_begin) + shift), cut_end = std::size_t(long(cut_end) + shift);
    date_begin = std::size_t(long(date_begin) + shift), date_end = std::size_t(long(date_end) + shift);
  }
  if (cut_begin == 0 || (year_end && cut_end < s.size() && s[cut_end] == ','))
    while (cut_end < s.size() && (s[cut_end] == ',' || s[cut_end] == ' ')) ++cut_end;
  // "on January 3, 2020, when a drone strike killed ...": the happening is the when-clause.
  if (ascii_lower(s.substr(cut_end, 5)) == "when " && cut_begin > 0) {
    s = s.substr(cut_end + 5);
    cut_begin = cut_end = 0;
  } else {
    s.replace(cut_begin, cut_end - cut_begin, " ");
  }
  // The clause the date was in, when it is not the sentence's first: "The visit came after
  // reports that Musk had met the ambassador earlier this week" -> "Musk had met the ambassador".
  {
    static const char* marks[] = {" that ", ", when ", ", after ", ", which ", ", where ", "; ", ", and ", ", but "};
    // (" that " opens a clause after a word of saying or reporting; else it is "that agreement".)
    static const std::set<std::string> reporting{"said",    "says",     "say",      "reports", "reported", "announced",
                                                 "stated",  "claimed",  "noted",    "warned",  "confirmed", "revealed",
                                                 "argued",  "added",    "believe",  "believes", "told",    "suggested",
                                                 "showed",  "shows",    "indicated", "news",   "report",   "claims"};
    std::size_t seg_begin = 0, seg_end = s.size();
    for (const char* mk : marks)
      for (std::size_t at = s.find(mk); at != std::string::npos; at = s.find(mk, at + 1)) {
        if (std::string(mk) == " that ") {
          const auto sp = s.rfind(' ', at - 1);
          const std::string before = ascii_lower(s.substr(sp == std::string::npos ? 0 : sp + 1, at - (sp == std::string::npos ? 0 : sp + 1)));
          if (!reporting.count(before)) continue;
        }
        const std::size_t after = at + std::string(mk).size();
        if (after <= cut_begin) seg_begin = std::max(seg_begin, after);
        else if (at >= cut_begin) seg_end = std::min(seg_end, at);
      }
    if (seg_begin > 0 && words_of(s.substr(seg_begin, seg_end - seg_begin)).size() >= 5) s = s.substr(seg_begin, seg_end - seg_begin);
  }
  s = one_line(s);
  // A dateline: "NEW YORK, N.Y. — Elon Musk ..."
  for (const char* dash : {" \u2014 ", " \u2013 ", " -- "}) {
    const auto at = s.find(dash);
    if (at != std::string::npos && at < 48) {
      bool caps = true;
      for (std::size_t i = 0; i < at; ++i) caps = caps && !std::islower(static_cast<unsigned char>(s[i]));
      if (caps) s.erase(0, at + std::string(dash).size());
    }
  }
  // A leading subordinate clause: up to the comma after which a capitalized word begins the main one.
  {
    static const std::set<std::string> subordinators{"after", "before", "while", "when", "following", "despite",
                                                     "although", "as", "during", "amid", "since", "with", "once"};
    std::vector<W> v = words_of(s);
    if (!v.empty() && subordinators.count(v[0].bare))
      for (std::size_t k = 1; k + 1 < v.size(); ++k)
        if (v[k].text.back() == ',' && upper_start(v[k + 1].text)) {
          s = s.substr(v[k + 1].begin);
          break;
        }
  }
  // The subject's appositive: "Elon Musk, a prominent businessman and advisor to X, held ..."
  {
    std::vector<W> v = words_of(s);
    std::size_t k = 0;
    while (k < v.size() && k < 5 && upper_start(v[k].text)) {
      const bool comma = v[k].text.back() == ',';
      ++k;
      if (comma) break;
    }
    bool comma_after = k > 0 && v[k - 1].text.back() == ',';
    std::size_t next = k;
    if (!comma_after && k > 0 && k < v.size() && v[k].text == ",") comma_after = true, next = k + 1;
    if (comma_after && next < v.size() && std::islower(static_cast<unsigned char>(v[next].text[0])))
      for (std::size_t j = next; j + 1 < v.size() && j < next + 20; ++j)
        if (v[j].text.back() == ',' && std::islower(static_cast<unsigned char>(v[j + 1].text[0]))) {
          std::string subject = s.substr(0, v[k - 1].end);
          while (!subject.empty() && (subject.back() == ',' || subject.back() == ' ')) subject.pop_back();
          s = subject + " " + s.substr(v[j + 1].begin);
          break;
        }
  }
  // A statement: "X said (on Tuesday) that Y" reads as a headline, "X says Y".
  {
    static const std::regex said(R"(^(.{3,80}?),? (said|says|stated|announced|warned|told reporters) that (.+)$)");
    std::smatch m;
    const std::string flat = one_line(s);
    if (std::regex_match(flat, m, said) && words_of(m[1].str()).size() <= 8 && words_of(m[3].str()).size() >= 3) {
      std::string who = m[1].str();
      const auto comma = who.find(", ");  // "Iran's foreign minister, Abbas Araghchi" -> "... minister Abbas Araghchi"
      if (comma != std::string::npos && who.find(',', comma + 1) == std::string::npos && upper_start(who.substr(comma + 2)))
        who.erase(comma, 1);
      const std::string verb = m[2] == "announced" ? " announces " : m[2] == "warned" ? " warns " : " says ";
      s = who + verb + m[3].str();
    }
  }
  // Attribution and asides that do not state the happening.
  for (const char* tail : {", according to", " according to", ", reported by", ", a move that", ", which", "; ", ": ",
                           " \u201c", " \"", ", officials said", " \u2014 ", ", in what", ", citing", ", where", ", and "}) {
    const auto at = find_ci(s, tail);
    if (at != std::string::npos && words_of(s.substr(0, at)).size() >= 3) s.erase(at);
  }
  // A closing apposition: "... met the ambassador, a contact officials called useful".
  for (const char* tail : {", a ", ", an ", ", the "}) {
    const auto at = find_ci(s, tail);
    if (at != std::string::npos && words_of(s.substr(0, at)).size() >= 5) s.erase(at);
  }
  // A parenthesis ("(DOGE)") says nothing a label needs.
  for (std::size_t open = s.find(" ("); open != std::string::npos; open = s.find(" (", open)) {
    const auto close = s.find(')', open);
    if (close == std::string::npos) break;
    s.erase(open, close + 1 - open);
  }
  return finish(cut(one_line(s), 14));
}

}  // namespace chronicle::extract
