#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace chronicle {

/// The closest of `candidates` to `word` by edit distance, or "" when none is close
/// enough to be a likely typo (ninja's SpellcheckString).
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

/// ", did you mean 'x'?" or "" — ready to append to a message.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace chronicle
