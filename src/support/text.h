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

}  // namespace chronicle
