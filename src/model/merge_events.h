#pragma once
// Which events of several input files describe the same happening.
#include <string>
#include <vector>

#include "model/timeline.h"

namespace chronicle::model {

struct MergeCandidate {
  const Event* event;
  int file;        ///< events of one file never merge with each other
  std::string id;  ///< the id the input gave, or ""
};

/// Groups of candidate indices that are one happening: the same given id, or dates that
/// are compatible at their precision and titles that share most of their words, or the
/// same words in the title whatever the dates (a conflict the poster then shows). Each
/// group lists indices ascending; groups come in the order of their first index; every
/// index is in exactly one group.
std::vector<std::vector<std::size_t>> merge_groups(const std::vector<MergeCandidate>& candidates);

/// Two claims agree when the intervals they denote overlap (start with start, end with end).
bool claims_agree(const Claim& a, const Claim& b);

/// The words a title is compared by: lower case, at least three letters, no stop words,
/// a plural or third-person "s" dropped. Exposed for tests.
std::vector<std::string> title_words(const std::string& title);

}  // namespace chronicle::model
