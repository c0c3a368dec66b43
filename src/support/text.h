#pragma once
// Small text helpers the readers and date parsers share.
#include <cctype>
#include <string>

namespace chronicle {

/// ASCII letters lowered; other bytes (UTF-8 included) kept.
inline std::string ascii_lower(std::string s) {
  for (auto& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

/// `s` without the white space at its ends.
inline std::string trim_space(const std::string& s) {
  std::size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return s.substr(a, b - a);
}

/// An id made of `s`: lower-case ASCII letters and digits, other runs as one '-', at most
/// `max` characters; `fallback` when nothing is left ("Apollo 11 lands!" -> "apollo-11-lands").
inline std::string slug(const std::string& s, const std::string& fallback, std::size_t max = 40) {
  std::string out;
  for (unsigned char ch : s) {
    if (std::isalnum(ch)) out += char(std::tolower(ch));
    else if (!out.empty() && out.back() != '-') out += '-';
    if (out.size() >= max) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? fallback : out;
}

/// One to nine ASCII digits: a number that fits any field a date has.
inline bool all_digits(const std::string& s) {
  if (s.empty() || s.size() > 9) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

/// The code point that ends at the end of `s` starts at the returned index (a UTF-8 lead
/// byte's, or a lone byte's).
inline std::size_t utf8_last_start(const std::string& s) {
  std::size_t i = s.size();
  while (i > 0 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80 && s.size() - i < 3) --i;
  return i > 0 ? i - 1 : 0;
}

/// Whether the code point at `s[i..]` joins the one before it into one grapheme: a combining
/// diacritical mark (U+0300-U+036F), a zero-width joiner (U+200D) or a variation selector
/// (U+FE00-U+FE0F).
inline bool utf8_joins_previous(const std::string& s, std::size_t i) {
  const auto b = [&](std::size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
  if ((b(i) == 0xCC) || (b(i) == 0xCD && b(i + 1) <= 0xAF)) return true;              // U+0300-U+036F
  if (b(i) == 0xE2 && b(i + 1) == 0x80 && b(i + 2) == 0x8D) return true;             // U+200D
  return b(i) == 0xEF && b(i + 1) == 0xB8 && b(i + 2) >= 0x80 && b(i + 2) <= 0x8F;   // U+FE00-U+FE0F
}

/// Removes the last character of `s` (a whole code point, with the marks and joiners that
/// belong to it): text is never cut inside a UTF-8 sequence or a grapheme.
inline void utf8_drop_last(std::string& s) {
  while (!s.empty()) {
    const std::size_t start = utf8_last_start(s);
    const bool joined = utf8_joins_previous(s, start);
    s.erase(start);
    if (!joined) break;
  }
  while (!s.empty() && utf8_joins_previous(s, utf8_last_start(s))) s.erase(utf8_last_start(s));  // a joiner left dangling
}

/// The longest prefix of `s` of at most `max_bytes` that ends between characters.
inline std::string utf8_prefix(std::string s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  s.resize(max_bytes + 1);
  utf8_drop_last(s);
  return s;
}

/// A label for a text that has no title of its own (a TimelineJS slide with text only):
/// its first sentence, or its first `max_words` words and "…" when that is longer.
inline std::string title_from_text(const std::string& text, std::size_t max_words = 12) {
  std::string out;
  std::size_t words = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t end = text.find(' ', i);
    if (end == std::string::npos) end = text.size();
    std::string word = text.substr(i, end - i);
    i = end + 1;
    if (word.empty()) continue;
    if (words == max_words) return out + "\u2026";
    out += (out.empty() ? "" : " ") + word;
    ++words;
    const char last = word.back();
    static const char* const abbreviations[] = {"Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Jr.", "Sr.", "Gen.", "Gov.",
                                                "Sen.", "Rep.", "Prof.", "vs.", "No.", "Co.", "Inc.", "Lt.", "Col."};
    bool abbreviation = word.size() <= 2 || word.find('.') + 1 < word.size();  // "J.", "U.S."
    for (const char* a : abbreviations) abbreviation = abbreviation || word == a;
    if ((last == '.' || last == '!' || last == '?') && words >= 3 && !abbreviation) {
      if (last == '.') out.pop_back();
      return out;
    }
  }
  return out;
}

/// `cp` as UTF-8 (nothing for U+0000, a surrogate or a value past U+10FFFF).
inline std::string utf8_of(char32_t cp) {
  std::string out;
  if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return out;
  if (cp < 0x80) {
    out += char(cp);
  } else if (cp < 0x800) {
    out += char(0xC0 | (cp >> 6));
    out += char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += char(0xE0 | (cp >> 12));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  } else {
    out += char(0xF0 | (cp >> 18));
    out += char(0x80 | ((cp >> 12) & 0x3F));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  }
  return out;
}

/// Decodes the UTF-8 code point at s[i] (advancing i); a malformed byte reads as itself.
inline char32_t utf8_next(const std::string& s, std::size_t& i) {
  const auto b = [&](std::size_t k) { return k < s.size() ? char32_t(static_cast<unsigned char>(s[k])) : 0u; };
  const char32_t c = b(i);
  if (c < 0x80 || c < 0xC0) return ++i, c;
  if (c < 0xE0) return i += 2, ((c & 0x1F) << 6) | (b(i - 1) & 0x3F);
  if (c < 0xF0) return i += 3, ((c & 0x0F) << 12) | ((b(i - 2) & 0x3F) << 6) | (b(i - 1) & 0x3F);
  return i += 4, ((c & 0x07) << 18) | ((b(i - 3) & 0x3F) << 12) | ((b(i - 2) & 0x3F) << 6) | (b(i - 1) & 0x3F);
}

/// Whether `s` holds a right-to-left letter (Hebrew, Arabic, Syriac, Thaana, NKo, ...) or
/// an explicit bidi control: text whose direction can differ from the text around it.
inline bool has_bidi_text(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const char32_t c = utf8_next(s, i);
    if ((c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF) ||
        (c >= 0x10800 && c <= 0x10FFF) || (c >= 0x1E800 && c <= 0x1EFFF) || c == 0x200E || c == 0x200F ||
        (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
      return true;
  }
  return false;
}

/// One field's text set apart for the bidi algorithm (U+2068 FIRST STRONG ISOLATE ...
/// U+2069 POP DIRECTIONAL ISOLATE) when it holds right-to-left or bidi-control text, so
/// that when fields are joined into one line ("date  [1,2]", "[3] title, date") no field
/// reorders the others or the brackets and spaces between them. Left-to-right text is
/// returned as it is.
inline std::string bidi_isolate(const std::string& field) {
  return has_bidi_text(field) ? "\u2068" + field + "\u2069" : field;
}

/// A line joined from fields in a fixed left-to-right order ("date  [1,2]"): starts with
/// U+200E LEFT-TO-RIGHT MARK when a field in it is isolated, so that the line's own
/// direction is left to right whatever its first field's letters are (Pango takes a
/// paragraph's direction from its first strong letter, inside an isolate or not).
inline std::string ltr_line(const std::string& line) {
  return line.find("\u2068") != std::string::npos ? "\u200e" + line : line;
}

}  // namespace chronicle
