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

}  // namespace chronicle
