#include "extract/tagger.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <sstream>
#include <variant>

#include <re2/re2.h>
#include <re2/set.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "extract/article.h"
#include "model/date/format_date_label.h"
#include "model/date/parse_date.h"
#include "model/date/parse_relative.h"
#include "support/json_document.h"
#include "support/text.h"

namespace chronicle::extract {

extern const char* const words_tsv;
extern const char* const patterns_tsv;

namespace {

using model::DateValue;
using model::Precision;

struct Word {
  char cls = '_';
  std::string value;
};

struct Pattern {
  std::string type, rule, source;
  std::unique_ptr<RE2> re;
};

/// The tables of data/*.tsv, parsed once.
struct Tables {
  std::map<std::string, Word> words;
  std::vector<Pattern> patterns;
  std::unique_ptr<RE2::Set> set;

  Tables() {
    std::istringstream w(words_tsv);
    for (std::string line; std::getline(w, line);) {
      if (line.empty() || line[0] == '#') continue;
      std::istringstream f(line);
      std::string word, cls, value;
      std::getline(f, word, '\t');
      std::getline(f, cls, '\t');
      std::getline(f, value, '\t');
      if (!word.empty() && !cls.empty()) words[word] = {cls[0], value};
    }
    RE2::Options opt;
    opt.set_longest_match(true);
    opt.set_log_errors(false);
    set = std::make_unique<RE2::Set>(opt, RE2::UNANCHORED);
    std::istringstream p(patterns_tsv);
    for (std::string line; std::getline(p, line);) {
      if (line.empty() || line[0] == '#') continue;
      std::istringstream f(line);
      Pattern pat;
      std::getline(f, pat.type, '\t');
      std::getline(f, pat.rule, '\t');
      std::getline(f, pat.source, '\t');
      pat.re = std::make_unique<RE2>("(" + pat.source + ")", opt);
      if (!pat.re->ok() || set->Add(pat.source, nullptr) < 0) continue;  // (tests check every line compiles)
      patterns.push_back(std::move(pat));
    }
    set->Compile();
  }
};

const Tables& tables() {
  static const Tables t;
  return t;
}

struct Token {
  std::size_t begin, end;  // bytes of the text
  std::string text;
  char cls = '_';
  std::string value;
};

bool digits(const std::string& s) { return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }); }

/// UTF-16 offsets of `u` (the UTF-8 text[from, to)) as byte offsets of text.
std::vector<std::size_t> byte_offsets(const std::string& text, std::size_t from, std::size_t to) {
  std::vector<std::size_t> out;
  for (std::size_t i = from; i < to;) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    out.push_back(i);
    if (n == 4) out.push_back(i);  // a surrogate pair
    i += n;
  }
  out.push_back(to);
  return out;
}

icu::UnicodeString unicode(const std::string& text, std::size_t from, std::size_t to) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(text.data() + from, int32_t(to - from)));
}

/// The shapes of numbers, dates and times, compiled once.
struct Shapes {
  RE2 ordinal{R"((\d{1,2})(st|nd|rd|th))"}, decade{R"(\d{3}0'?s)"}, short_decade{R"(['\x{2019}]\d0s)"},
      iso{R"(\d{4}-\d{2}(-\d{2})?(T\d{2}:\d{2}(:\d{2})?Z?)?)"}, slashed{R"(\d{1,2}/\d{1,2}/\d{4})"},
      time{R"(\d{1,2}:\d{2})"};  // (not "17.50": a price)
};

void classify(Token& t) {
  static const Shapes shapes;
  const Tables& tb = tables();
  std::string low = ascii_lower(t.text);
  // "Friday's", "last year's": the word without its possessive.
  std::size_t possessive = 0;
  for (const char* s : {"'s", "\u2019s"})
    if (low.size() > std::strlen(s) + 2 && low.compare(low.size() - std::strlen(s), std::strlen(s), s) == 0)
      possessive = std::strlen(s), low.erase(low.size() - possessive);
  const auto it = tb.words.find(low);
  if (possessive && it != tb.words.end()) {  // the expression ends before the "'s"
    t.text.erase(t.text.size() - possessive);
    t.end -= possessive;
  }
  const bool capital = !t.text.empty() && std::isupper(static_cast<unsigned char>(t.text[0]));
  if (it != tb.words.end()) {
    const char c = it->second.cls;
    // Month and weekday names are capitalized in running text ("may", "march", "sun" are words).
    if ((c == 'M' || c == 'm' || c == 'W') && !capital) return;
    t.cls = c;
    t.value = it->second.value;
    return;
  }
  if (t.text == ",") t.cls = ',';
  else if (t.text == "-" || t.text == "\u2013" || t.text == "\u2010" || t.text == "\u2011") t.cls = '-';
  else if (digits(t.text)) {
    const long v = t.text.size() <= 6 ? std::stol(t.text) : 1000000;
    t.value = t.text;
    t.cls = t.text.size() == 4 && v >= 1000 && v < 2100 ? 'y' : (v >= 1 && v <= 31 && t.text.size() <= 2) ? 'd' : 'n';
  } else if (RE2::FullMatch(t.text, shapes.ordinal)) {
    const long v = std::stol(t.text);
    t.value = std::to_string(v);
    t.cls = v >= 1 && v <= 31 ? 'd' : 'n';
  } else if (RE2::FullMatch(t.text, shapes.decade) || RE2::FullMatch(t.text, shapes.short_decade)) {
    t.cls = 'D';
  } else if (RE2::FullMatch(t.text, shapes.iso) || RE2::FullMatch(t.text, shapes.slashed)) {
    t.cls = 'I';
  } else if (RE2::FullMatch(t.text, shapes.time) && std::stoi(t.text) < 24) {
    t.cls = 't';
  }
}

/// The words of text[b, e), by ICU's word boundaries, with the pieces ICU keeps apart and a
/// date keeps together joined again: "2024-11-15", "10:30", "Nov.", "a.m.", "'70s".
std::vector<Token> tokens_of(const std::string& text, std::size_t b, std::size_t e) {
  std::vector<Token> raw;
  const icu::UnicodeString u = unicode(text, b, e);
  const std::vector<std::size_t> at = byte_offsets(text, b, e);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale::getUS(), status));
  if (U_FAILURE(status)) return {};
  words->setText(u);
  for (int32_t s = words->first(), n = words->next(); n != icu::BreakIterator::DONE; s = n, n = words->next()) {
    const std::size_t tb = at[std::size_t(s)], te = at[std::size_t(n)];
    std::string piece = text.substr(tb, te - tb);
    if (std::all_of(piece.begin(), piece.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); })) continue;
    if (piece == "\u00a0") continue;
    raw.push_back({tb, te, piece});
  }
  // Joins: a run of touching pieces that together have a date's or time's shape, and a
  // word with its full stop when the table knows the two ("Nov.", "a.m.").
  std::vector<Token> out;
  const Tables& tb = tables();
  for (std::size_t i = 0; i < raw.size();) {
    std::size_t j = i;
    std::string joined = raw[i].text;
    std::size_t best = i;
    std::string best_text = joined;
    while (j + 1 < raw.size() && raw[j + 1].begin == raw[j].end && j - i < 6) {
      ++j;
      joined += raw[j].text;
      Token probe{raw[i].begin, raw[j].end, joined};
      classify(probe);
      if (probe.cls == 'I' || probe.cls == 't' || probe.cls == 'D' ||
          (joined.back() == '.' && tb.words.count(ascii_lower(joined))))
        best = j, best_text = joined;
    }
    Token t{raw[i].begin, raw[best].end, best_text};
    classify(t);
    out.push_back(t);
    i = best + 1;
  }
  return out;
}

std::string two(long v) {
  char b[8];
  std::snprintf(b, sizeof b, "%02ld", v);
  return b;
}

std::string four(std::int64_t y) {
  char b[24];
  if (y < 0) std::snprintf(b, sizeof b, "BC%04lld", static_cast<long long>(1 - y));
  else std::snprintf(b, sizeof b, "%04lld", static_cast<long long>(y));
  return b;
}

/// The ISO week-numbering year and week of a day.
std::pair<std::int64_t, unsigned> iso_week(std::int64_t days) {
  const unsigned wd = model::weekday_from_days(days);  // 0 = Monday .. 6
  const std::int64_t thursday = days - std::int64_t(wd) + 3;
  const model::CivilDate c = model::civil_from_days(thursday);
  const std::int64_t jan1 = model::days_from_civil(c.year, 1, 1);
  return {c.year, unsigned((thursday - jan1) / 7 + 1)};
}

}  // namespace

std::string timex_value(const DateValue& d) {
  const model::CivilTime f = model::civil_from_seconds(d.from);
  const model::CivilTime mid = model::civil_from_seconds(d.middle());
  const std::int64_t y = f.date.year;
  switch (d.precision) {
    case Precision::Millennium: return std::to_string(model::floor_div(y, 1000));
    case Precision::Century: return two(long(model::floor_div(y, 100)));
    case Precision::Decade: return std::to_string(model::floor_div(y, 10));
    case Precision::Year: return four(mid.date.year);
    case Precision::Quarter: return four(y) + "-Q" + std::to_string((f.date.month - 1) / 3 + 1);
    case Precision::Season: {
      static const char* seasons[] = {"WI", "WI", "SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA", "WI"};
      return four(mid.date.year) + "-" + seasons[mid.date.month - 1];
    }
    case Precision::Month: return four(y) + "-" + two(f.date.month);
    case Precision::Week: {
      const auto [wy, w] = iso_week(model::floor_div(d.from, 86400));
      return four(wy) + "-W" + two(w);
    }
    case Precision::Day: return four(y) + "-" + two(f.date.month) + "-" + two(f.date.day);
    case Precision::Hour: return four(y) + "-" + two(f.date.month) + "-" + two(f.date.day) + "T" + two(f.hour);
    case Precision::Minute:
    case Precision::Second:
      return four(y) + "-" + two(f.date.month) + "-" + two(f.date.day) + "T" + two(f.hour) + ":" + two(f.minute);
  }
  return "";
}

std::vector<Sentence> split_sentences(const std::string& text, std::size_t from) {
  std::vector<Sentence> out;
  if (from >= text.size()) return out;
  // Unicode ends a sentence at every line break; a hard-wrapped paragraph's breaks are
  // spaces. A line ends its sentence when it ends with a full stop, a colon or a quote, or
  // is short and ends with a word a heading can end with ("A Fraught History and New
  // Opportunities"); otherwise its line break is a space (same length: offsets stay).
  std::string flat = text;
  for (std::size_t i = text.find('\n', from); i != std::string::npos; i = text.find('\n', i + 1)) {
    const std::size_t start = text.rfind('\n', i - 1 < from ? from : i - 1);
    const std::size_t b = start == std::string::npos || start < from || i == 0 ? from : start + 1;
    std::size_t e = i;
    while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
    if (e == b || i + 1 >= text.size() || text[i + 1] == '\n' || text[i + 1] == '\r') continue;  // a blank line
    const char last = text[e - 1];
    if (std::string(".!?:;\"'").find(last) != std::string::npos || static_cast<unsigned char>(last) >= 0x80) continue;
    std::size_t words = 1;
    for (std::size_t k = b; k < e; ++k) words += text[k] == ' ';
    const std::size_t sp = text.rfind(' ', e - 1);
    const std::string tail = ascii_lower(text.substr(sp == std::string::npos || sp < b ? b : sp + 1, e - (sp == std::string::npos || sp < b ? b : sp + 1)));
    static const char* open_words[] = {"and", "or", "of", "the", "a", "an", "to", "in", "on", "at", "for", "with", "by", "from", "that", "its", "his", "her"};
    bool open = false;
    for (const char* w : open_words) open = open || tail == w;
    if (words <= 8 && !open) continue;  // a heading
    flat[i] = ' ';
    if (i > 0 && flat[i - 1] == '\r') flat[i - 1] = ' ';
  }
  const icu::UnicodeString u = unicode(flat, from, flat.size());
  const std::vector<std::size_t> at = byte_offsets(text, from, text.size());
  UErrorCode status = U_ZERO_ERROR;
  // "ss=standard": CLDR's list of abbreviations ("Mr.", "Sept.", "U.S.") that end no sentence.
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createSentenceInstance(icu::Locale("en_US@ss=standard"), status));
  if (U_FAILURE(status)) {
    status = U_ZERO_ERROR;
    it.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getUS(), status));
    if (U_FAILURE(status)) return {{from, text.size()}};
  }
  it->setText(u);
  for (int32_t s = it->first(), n = it->next(); n != icu::BreakIterator::DONE; s = n, n = it->next()) {
    std::size_t b = at[std::size_t(s)], e = at[std::size_t(n)];
    while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
    if (e > b) out.push_back({b, e});
  }
  // ICU ends a sentence at "a.m." before "EDT" and at "Nov." before "11": joined again when
  // the abbreviation is one the tables know and what follows continues the date.
  std::vector<Sentence> joined;
  for (const Sentence& s : out) {
    if (!joined.empty()) {
      const Sentence& p = joined.back();
      const std::size_t sp = text.rfind(' ', p.end - 1);
      const std::string last_word = ascii_lower(text.substr(sp == std::string::npos || sp < p.begin ? p.begin : sp + 1,
                                                           p.end - (sp == std::string::npos || sp < p.begin ? p.begin : sp + 1)));
      std::size_t we = s.begin;
      while (we < s.end && std::isalnum(static_cast<unsigned char>(text[we]))) ++we;
      const std::string next = ascii_lower(text.substr(s.begin, we - s.begin));
      const auto w = tables().words.find(last_word), n = tables().words.find(next);
      const bool continues = w != tables().words.end() && last_word.back() == '.' &&
                             ((w->second.cls == 'A' && n != tables().words.end() && n->second.cls == 'Z') ||
                              (w->second.cls == 'M' && !next.empty() && std::isdigit(static_cast<unsigned char>(next[0]))));
      if (continues) {
        joined.back().end = s.end;
        continue;
      }
    }
    joined.push_back(s);
  }
  // A "sentence" of thousands of words (text without full stops) is cut at spaces into
  // pieces of at most 1,000 bytes: what is done for each expression stays bounded.
  std::vector<Sentence> bounded;
  constexpr std::size_t longest = 1000;
  for (Sentence s : joined) {
    while (s.end - s.begin > longest) {
      std::size_t cut = text.rfind(' ', s.begin + longest);
      if (cut == std::string::npos || cut <= s.begin) cut = s.begin + longest;
      while (cut > s.begin && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
      if (cut <= s.begin) break;
      bounded.push_back({s.begin, cut});
      s.begin = cut;
      while (s.begin < s.end && text[s.begin] == ' ') ++s.begin;
    }
    if (s.end > s.begin) bounded.push_back(s);
  }
  return bounded;
}

namespace {

struct Found {
  std::size_t first, last;  // token indices, inclusive
  const Pattern* pattern;
};

/// Every pattern over the classes of one sentence; the leftmost, then longest, then first
/// listed, without overlaps.
std::vector<Found> match(const std::string& classes) {
  const Tables& tb = tables();
  std::vector<int> hits;
  if (!tb.set->Match(classes, &hits)) return {};
  std::vector<Found> all;
  for (int h : hits) {
    const Pattern& p = tb.patterns[std::size_t(h)];
    for (std::size_t pos = 0; pos < classes.size();) {
      re2::StringPiece sub;
      if (!p.re->Match(classes, pos, classes.size(), RE2::UNANCHORED, &sub, 1) || sub.empty()) break;
      const std::size_t start = std::size_t(sub.data() - classes.data());
      all.push_back({start, start + sub.size() - 1, &p});
      pos = start + 1;
    }
  }
  std::sort(all.begin(), all.end(), [&](const Found& a, const Found& b) {
    if (a.first != b.first) return a.first < b.first;
    if (a.last != b.last) return a.last > b.last;
    return a.pattern < b.pattern;
  });
  std::vector<Found> out;
  std::size_t next = 0;
  for (const Found& f : all)
    if (f.first >= next) out.push_back(f), next = f.last + 1;
  return out;
}

/// The expression's words as model's parsers read them: "the end of 2019" -> "late 2019",
/// "the third quarter of 2019" -> "Q3 2019", "mid - March" -> "mid-March".
std::string canonical(const std::vector<Token>& t, std::size_t a, std::size_t b, bool keep_the) {
  std::string out;
  // A weekday before a full date says nothing the date does not ("Monday, Nov. 11, 2024").
  if (!keep_the && t[a].cls == 'W' && std::any_of(t.begin() + long(a), t.begin() + long(b) + 1, [](const Token& w) { return w.cls == 'y'; })) {
    ++a;
    while (a < b && t[a].cls == ',') ++a;
  }
  for (std::size_t k = a; k <= b; ++k) {
    const Token& w = t[k];
    if (!keep_the && (w.cls == 'T' || w.cls == 'x')) continue;
    // "the third quarter" -> "Q3"
    if (!keep_the && (w.cls == 'O' || (w.cls == 'U' && w.value == "S")) && k + 1 <= b && t[k + 1].cls == 'U' && t[k + 1].value == "Q") {
      if (!out.empty()) out += ' ';
      out += "Q" + (w.cls == 'O' ? w.value : std::string("2"));
      ++k;
      continue;
    }
    if (w.cls == ',') {
      out += ",";
      continue;
    }
    if (w.cls == '-') {
      out += "-";
      continue;
    }
    std::string word = w.text;
    if (w.cls == 'E') word = w.value == "START" ? "early" : w.value == "MID" ? "mid" : "late";
    if (!out.empty() && out.back() != '-') out += ' ';
    out += word;
  }
  return out;
}

std::optional<DateValue> parsed(const std::string& s) {
  auto v = model::parse_date(s);
  if (auto* d = std::get_if<DateValue>(&v)) return *d;
  return std::nullopt;
}

std::optional<DateValue> relative(const std::string& s, const DateValue& ref, model::Direction dir) {
  auto v = model::parse_relative(s, ref, dir);
  if (!v) return std::nullopt;
  if (auto* d = std::get_if<DateValue>(&*v)) return *d;
  return std::nullopt;
}

std::string duration_value(const std::vector<Token>& t, std::size_t a, std::size_t b) {
  std::string qty;
  long n = 0;
  std::string unit;
  for (std::size_t k = a; k <= b; ++k) {
    const Token& w = t[k];
    if (w.cls == 'n' || w.cls == 'd' || (w.cls == 'a' && b == a + 1)) n += w.value == "X" ? 0 : std::atol(w.value.c_str());
    if (w.cls == 'f') qty = w.value == "X" ? "X" : w.value;
    if (w.cls == 'U' || w.cls == 'q' || w.cls == 'c' || w.cls == 'w') unit = w.value;
  }
  if (qty.empty()) qty = n > 0 ? std::to_string(n) : "X";
  else if (qty != "X" && n > 1) qty = std::to_string(n * std::atol(qty.c_str()));
  if (unit == "2W") return "P" + (qty == "X" ? qty : std::to_string(2 * std::atol(qty.c_str()))) + "W";
  if (unit == "S" || unit == "MI" || unit == "H") return "PT" + qty + (unit == "MI" ? "M" : unit);
  return "P" + qty + unit;
}

std::string set_value(const std::vector<Token>& t, std::size_t a, std::size_t b) {
  for (std::size_t k = a; k <= b; ++k) {
    const Token& w = t[k];
    if (w.cls == 'Q') return w.value;
    if (w.cls == 'W') return "XXXX-WXX-" + w.value;
    if (w.cls == 'M') return "XXXX-" + two(std::atol(w.value.c_str()));
    if (w.cls == 'S') return "XXXX-" + w.value;
    if (w.cls == 'P') return "TXX" + w.value;
  }
  // "every year": one of the unit each time; "every three months": three.
  bool counted = false;
  for (std::size_t k = a; k <= b; ++k) counted = counted || t[k].cls == 'n' || t[k].cls == 'd' || t[k].cls == 'f';
  if (!counted)
    for (std::size_t k = a; k <= b; ++k)
      if (t[k].cls == 'U' || t[k].cls == 'q' || t[k].cls == 'w') {
        Token one{0, 0, "one", 'n', "1"};
        std::vector<Token> unit{one, t[k]};
        return duration_value(unit, 0, 1);
      }
  return duration_value(t, a, b);
}

}  // namespace

Tagged tag_text(const std::string& file, const std::string& text, std::size_t from, const Anchors& anchors,
                Diagnostics& diags) {
  Tagged out;
  out.sentences = split_sentences(text, from);
  std::optional<DateValue> last;  // the last calendar date mentioned: a story's "the day before" counts from it
  for (std::size_t si = 0; si < out.sentences.size(); ++si) {
    const Sentence& s = out.sentences[si];
    const std::vector<Token> toks = tokens_of(text, s.begin, s.end);
    std::string classes;
    for (const Token& t : toks) classes += t.cls;
    const std::string sentence_text = text.substr(s.begin, s.end - s.begin);
    const model::DirectionCue sentence_cue = model::direction_of(sentence_text);
    for (const Found& f : match(classes)) {
      // The tense of the clause the expression is in, else of its sentence ("Trump won on
      // Nov. 5, and his team takes over in January": January is ahead).
      model::DirectionCue cue = sentence_cue;
      {
        static const char* separators[] = {", and ", ", but ", "; ", ", while ", ", when ", ", after ", ", before ",
                                           " said ", " says ", " told ", " announced ", " reported "};
        const std::size_t at = toks[f.first].begin - s.begin, end_at = toks[f.last].end - s.begin;
        std::size_t cb = 0, ce = sentence_text.size();
        bool said_when = false;  // "said Friday", "said on Friday": the date is the saying's
        for (const char* sep : separators) {
          const std::string sp(sep);
          const auto before = at + 1 >= sp.size() ? sentence_text.rfind(sp, at + 1 - sp.size()) : std::string::npos;
          if (before != std::string::npos && before + sp.size() >= cb) {
            const std::string between = sentence_text.substr(before + sp.size(), at - std::min(at, before + sp.size()));
            said_when = sp[0] == ' ' && (between.empty() || between == "on ");
            cb = before + sp.size();
          }
          const auto after = sentence_text.find(sp, end_at);
          if (after != std::string::npos) ce = std::min(ce, after);
        }
        if (said_when) cue = {model::Direction::Past, "said"};
        else if (cb > 0 || ce < sentence_text.size()) cue = model::direction_of(sentence_text.substr(cb, ce - cb));
      }
      Mention m;
      m.sentence = si;
      m.begin = toks[f.first].begin;
      m.end = toks[f.last].end;
      m.text = text.substr(m.begin, m.end - m.begin);
      m.type = f.pattern->type;
      m.rule = f.pattern->rule;
      m.label = m.text;
      if (f.first > 0) {
        static const char* preps[] = {"on", "in", "at", "during", "since", "by", "until", "from", "before", "after", "of"};
        const std::string p = ascii_lower(toks[f.first - 1].text);
        for (const char* w : preps)
          if (p == w && toks[f.first].cls != 'l' && toks[f.first].cls != 'b') m.label = p + " " + m.text;
      }
      for (std::size_t k = f.first; k <= f.last; ++k)
        if (toks[k].cls == 'E') m.mod = toks[k].value;
      const std::string canon = canonical(toks, f.first, f.last, false);
      auto needs_reference = [&](const std::string& what) {
        diags.error(location_of_offset(file, text, m.begin), "",
                    "'" + m.text + "' needs " + what +
                        ": give the article a date line ('Published: 15 November 2024') or pass --published DATE");
      };
      // "a 6-year-old": an age, not a time.
      if (m.rule == "duration" && f.last + 1 < toks.size() &&
          (ascii_lower(toks[f.last + 1].text) == "old" ||
           (toks[f.last + 1].cls == '-' && f.last + 2 < toks.size() && ascii_lower(toks[f.last + 2].text) == "old")))
        continue;
      std::optional<std::size_t> quarter_at, century_at;
      for (std::size_t k = f.first; k <= f.last; ++k) {
        if (toks[k].cls == 'q' && m.rule != "duration" && m.rule != "set") quarter_at = k;
        if (toks[k].cls == 'c' && m.rule == "absolute") century_at = k;
      }
      if (quarter_at || century_at) {  // "the third quarter (of 2019)", "the quarter", "the 20th century"
        const std::optional<DateValue>& ref = anchors.published ? anchors.published : last;
        std::int64_t year = 0;
        int n = 0, shift = 0;
        bool have_year = false, ordinal = false;
        for (std::size_t k = f.first; k <= f.last; ++k) {
          const Token& w = toks[k];
          if (w.cls == 'y') year = std::stoll(w.text), have_year = true;
          if (w.cls == 'O') n = std::atoi(w.value.c_str()), ordinal = true;
          if (w.cls == 'U' && w.value == "S") n = 2, ordinal = true;
          if (w.cls == 'd') n = std::atoi(w.value.c_str()), ordinal = true;
          if (w.cls == 'L') shift = std::atoi(w.value.c_str());
        }
        DateValue d;
        d.text = m.text;
        if (century_at) {
          if (n < 1) continue;
          d.precision = Precision::Century;
          d.from = model::days_from_civil((n - 1) * 100 + 1, 1, 1) * 86400;
          d.to = model::days_from_civil(n * 100 + 1, 1, 1) * 86400;
          m.resolved = "absolute";
        } else {
          if (!have_year && !ref) {
            needs_reference("the article's date");
            continue;
          }
          const model::CivilTime r = model::civil_from_seconds(ref ? ref->from : 0);
          const int current = int((r.date.month - 1) / 3 + 1);
          if (!have_year) year = r.date.year;
          if (!ordinal) {  // "the quarter", "the latest quarter": the last one ended; "this quarter", "next quarter"
            n = current + (shift == 0 && toks[f.first].cls != 'L' ? -1 : shift);
          } else if (!have_year && n > current && cue.direction != model::Direction::Future) {
            year -= 1;  // "fourth-quarter results" in February: last year's
          }
          while (n < 1) n += 4, --year;
          while (n > 4) n -= 4, ++year;
          d.precision = Precision::Quarter;
          d.from = model::days_from_civil(year, unsigned(3 * (n - 1) + 1), 1) * 86400;
          d.to = n == 4 ? model::days_from_civil(year + 1, 1, 1) * 86400 : model::days_from_civil(year, unsigned(3 * n + 1), 1) * 86400;
          m.resolved = have_year ? "absolute" : "article date " + timex_value(*ref);
        }
        m.value = timex_value(d);
        m.date = d;
        last = d;
        out.mentions.push_back(std::move(m));
        continue;
      }
      // A month, or a month's day, without a year is the nearest one unless the tense
      // points the other way and the nearest is more than three months off ("said the talks
      // begin Jan. 14" a week before is ahead; "met on Oct. 23" in May is last year's): in
      // annotated news the tense alone misleads more often than it helps.
      std::optional<model::DirectionCue> tense_if_far;
      if (m.rule == "relative" && cue.direction != model::Direction::Nearest &&
          std::all_of(toks.begin() + long(f.first), toks.begin() + long(f.last) + 1,
                      [](const Token& w) { return w.cls == 'M' || w.cls == 'm' || w.cls == 'd' || w.cls == ',' || w.cls == 'T' || w.cls == 'x'; }))
        tense_if_far = cue, cue = {model::Direction::Nearest, ""};
      if (m.rule == "relative" && cue.direction == model::Direction::Nearest &&
          std::all_of(toks.begin() + long(f.first), toks.begin() + long(f.last) + 1,
                      [](const Token& w) { return w.cls == 'W' || w.cls == 'P' || w.cls == ','; }))
        cue = {model::Direction::Past, "a weekday in news"};  // news tells what happened: "Friday" is the last one
      if (m.rule == "duration") {
        m.value = duration_value(toks, f.first, f.last);
      } else if (m.rule == "set") {
        m.value = set_value(toks, f.first, f.last);
      } else if (toks[f.last].value.find("_REF") != std::string::npos) {  // "now", "recently", "the future"
        m.rule = "reference";
        m.value = toks[f.last].value;
        m.resolved = "its own value";
      } else {
        // The date part and the time of day of the expression.
        std::size_t date_last = f.last;
        int hour = -1, minute = 0;
        std::string part_of_day;
        for (std::size_t k = f.first; k <= f.last; ++k) {
          const Token& w = toks[k];
          if (w.cls == 'P' && m.type == "TIME") part_of_day = w.value, date_last = std::min(date_last, k - 1);
          if (w.cls == 't') {
            hour = std::stoi(w.text);
            minute = std::stoi(w.text.substr(w.text.find_first_of(":.") + 1));
            date_last = std::min(date_last, k - 1);
          }
          if (w.cls == 'd' && k + 1 <= f.last && toks[k + 1].cls == 'A') hour = std::stoi(w.value), date_last = std::min(date_last, k - 1);
          if (w.cls == 'A') {
            if (w.value == "PM" && hour >= 0 && hour < 12) hour += 12;
            if (w.value == "AM" && hour == 12) hour = 0;
            if (w.value == "12" || w.value == "0") hour = std::atoi(w.value.c_str()), date_last = std::min(date_last, k - 1);
          }
          if (w.cls == 'Z' || w.cls == ',') continue;
        }
        while (date_last != std::size_t(-1) && date_last >= f.first && toks[date_last].cls == ',') --date_last;
        const bool has_date = date_last != std::size_t(-1) && date_last >= f.first;
        std::optional<DateValue> d;
        if (has_date) {
          const std::string date_canon = canonical(toks, f.first, date_last, false);
          const std::string date_words = canonical(toks, f.first, date_last, true);
          if (m.rule == "absolute") {
            d = parsed(date_canon);
            m.resolved = "absolute";
          } else {
            const bool story = m.rule == "story";
            const std::optional<DateValue>& ref = story ? (last ? last : anchors.published) : (anchors.published ? anchors.published : last);
            if (!ref) {
              needs_reference(story ? "an earlier date in the story" : "the article's date");
              continue;
            }
            DateValue day = *ref;
            if (day.precision < Precision::Day) {  // a story's year: count from its start at day precision
              day.precision = Precision::Day;
              day.to = day.from + 86400;
            }
            d = relative(date_words, day, cue.direction);
            if (!d) d = relative(date_canon, day, cue.direction);
            if (d && tense_if_far) {
              const model::Seconds quarter_year = 91 * 86400;
              const bool far_ahead = tense_if_far->direction == model::Direction::Past && d->from > day.from + quarter_year;
              const bool far_back = tense_if_far->direction == model::Direction::Future && d->to < day.from - quarter_year;
              if (far_ahead || far_back) {
                cue = *tense_if_far;
                d = relative(date_words, day, cue.direction);
                if (!d) d = relative(date_canon, day, cue.direction);
              }
            }
            if (!d && !story) d = parsed(date_canon);
            const bool from_article = !story && anchors.published && &ref == &anchors.published;
            m.resolved = std::string(from_article ? "article date " : "story date ") + timex_value(*ref);
            if (d && !d->direction.empty()) m.resolved += " (" + d->direction + ")";
            else if (cue.direction != model::Direction::Nearest)
              m.resolved += std::string(" (") + model::direction_name(cue.direction) + ": '" + cue.cue + "')";
          }
        } else {  // a time alone: on the day last mentioned, else the article's
          const std::optional<DateValue>& ref = last && last->precision >= Precision::Day ? last : anchors.published;
          if (!ref) {
            needs_reference("a day");
            continue;
          }
          d = *ref;
          d->precision = Precision::Day;
          d->from = model::floor_div(d->from, 86400) * 86400;
          d->to = d->from + 86400;
          m.resolved = "the day of " + timex_value(*ref);
        }
        if (!d) {
          m.value = m.type == "TIME" ? "XXXX-XX-XXTXX:XX" : "XXXX-XX-XX";
          m.resolved = "unresolved";
        } else {
          d->text = m.text;
          if (hour >= 0 && d->precision >= Precision::Day) {
            const model::Seconds day = model::floor_div(d->from, 86400) * 86400;
            d->from = day + hour * 3600 + minute * 60;
            d->to = d->from + 60;
            d->precision = Precision::Minute;
          }
          // "A year earlier" after a quarter ("third-quarter profit rose from a year earlier"):
          // that quarter, a year before.
          const bool year_back = m.rule != "absolute" && last && last->precision == Precision::Quarter &&
                                 d->precision == Precision::Year &&
                                 (ascii_lower(m.text).find("year ago") != std::string::npos ||
                                  ascii_lower(m.text).find("year earlier") != std::string::npos);
          if (year_back) {
            const model::CivilTime q = model::civil_from_seconds(last->from);
            d->precision = Precision::Quarter;
            d->from = model::days_from_civil(q.date.year - 1, q.date.month, 1) * 86400;
            d->to = model::days_from_civil(q.date.year - (q.date.month == 10 ? 0 : 1), q.date.month == 10 ? 1 : q.date.month + 3, 1) * 86400;
            m.resolved = "a year before the quarter " + timex_value(*last);
          }
          m.value = timex_value(*d);
          if (!part_of_day.empty() && d->precision == Precision::Day) m.value += "T" + part_of_day;
          for (std::size_t k = f.first; k <= f.last; ++k)  // "the weekend": TimeML's 2024-W46-WE
            if (toks[k].cls == 'w' && d->precision >= Precision::Week && m.value.find('W') == std::string::npos) {
              DateValue week = *d;
              week.precision = Precision::Week;
              m.value = timex_value(week) + "-WE";
            } else if (toks[k].cls == 'w' && d->precision == Precision::Week) {
              m.value += "-WE";
            }
          m.date = d;
          last = d;
        }
      }
      out.mentions.push_back(std::move(m));
    }
  }
  return out;
}

}  // namespace chronicle::extract
