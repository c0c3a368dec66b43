#include "model/merge_events.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

namespace chronicle::model {
namespace {

bool overlap(const DateValue& a, const DateValue& b) {
  const Seconds a_to = std::max(a.to, a.from + 1), b_to = std::max(b.to, b.from + 1);
  return a.from < b_to && b.from < a_to;
}

/// Union-find whose sets remember which files they hold, so that two events of one file
/// never end up in one group through a third.
class Groups {
 public:
  explicit Groups(const std::vector<MergeCandidate>& c) : parent_(c.size()), files_(c.size()) {
    std::iota(parent_.begin(), parent_.end(), 0);
    for (std::size_t k = 0; k < c.size(); ++k) files_[k].insert(c[k].file);
  }
  std::size_t find(std::size_t k) {
    while (parent_[k] != k) k = parent_[k] = parent_[parent_[k]];
    return k;
  }
  void unite(std::size_t a, std::size_t b) {
    a = find(a), b = find(b);
    if (a == b) return;
    for (int f : files_[b])
      if (files_[a].count(f)) return;
    if (b < a) std::swap(a, b);
    parent_[b] = a;
    files_[a].insert(files_[b].begin(), files_[b].end());
  }

 private:
  std::vector<std::size_t> parent_;
  std::vector<std::set<int>> files_;
};

double similarity(const std::vector<std::string>& a, const std::vector<std::string>& b, std::size_t& shared) {
  shared = 0;
  for (const auto& w : a)
    if (std::binary_search(b.begin(), b.end(), w)) ++shared;
  const std::size_t smaller = std::min(a.size(), b.size());
  return smaller ? double(shared) / double(smaller) : 0.0;
}

}  // namespace

std::vector<std::string> title_words(const std::string& title) {
  static const std::set<std::string> stop{"the", "and", "for", "with", "from", "into", "onto", "that", "this",
                                          "his", "her", "its", "their", "was", "were", "are", "has", "have",
                                          "had", "after", "before", "over", "under", "about", "against"};
  std::vector<std::string> out;
  std::string w;
  auto flush = [&] {
    if (w.size() > 4 && w.back() == 's' && w[w.size() - 2] != 's') w.pop_back();
    if (w.size() >= 3 && !stop.count(w)) out.push_back(w);
    w.clear();
  };
  for (unsigned char c : title) {
    if (std::isalnum(c) || c >= 0x80) w += char(std::tolower(c));
    else flush();
  }
  flush();
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool claims_agree(const Claim& a, const Claim& b) {
  if (!overlap(a.start, b.start)) return false;
  if (a.end && b.end) return overlap(*a.end, *b.end);
  return true;
}

std::vector<std::vector<std::size_t>> merge_groups(const std::vector<MergeCandidate>& c) {
  Groups g(c);
  // 1. The same id given in different files.
  std::map<std::string, std::size_t> by_id;
  for (std::size_t k = 0; k < c.size(); ++k) {
    if (c[k].id.empty()) continue;
    auto [it, fresh] = by_id.emplace(c[k].id, k);
    if (!fresh && c[it->second].file != c[k].file) g.unite(it->second, k);
  }
  std::vector<std::vector<std::string>> words(c.size());
  for (std::size_t k = 0; k < c.size(); ++k) words[k] = title_words(c[k].event->title);
  // 2. The same title words, whatever the dates (their disagreement is then reported).
  std::map<std::vector<std::string>, std::size_t> by_words;
  for (std::size_t k = 0; k < c.size(); ++k) {
    if (words[k].size() < 2) continue;
    auto [it, fresh] = by_words.emplace(words[k], k);
    if (!fresh && c[it->second].file != c[k].file) g.unite(it->second, k);
  }
  // 3. Compatible dates and similar titles: a sweep over events ordered by start, each
  //    compared with the following ones that overlap it (at most `window` of them).
  std::vector<std::size_t> order(c.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return c[a].event->first() < c[b].event->first(); });
  constexpr std::size_t window = 256;
  for (std::size_t i = 0; i < order.size(); ++i) {
    const Event& a = *c[order[i]].event;
    for (std::size_t j = i + 1; j < order.size() && j <= i + window; ++j) {
      const Event& b = *c[order[j]].event;
      if (b.first() >= std::max(a.last(), a.first() + 1)) break;
      if (c[order[i]].file == c[order[j]].file) continue;
      if (!claims_agree({a.start, a.end, {}, {}}, {b.start, b.end, {}, {}})) continue;
      std::size_t shared = 0;
      if (similarity(words[order[i]], words[order[j]], shared) >= 0.5 && shared >= 2) g.unite(order[i], order[j]);
    }
  }
  std::map<std::size_t, std::vector<std::size_t>> groups;
  for (std::size_t k = 0; k < c.size(); ++k) groups[g.find(k)].push_back(k);
  std::vector<std::vector<std::size_t>> out;
  out.reserve(groups.size());
  for (auto& [root, members] : groups) out.push_back(std::move(members));
  return out;
}

}  // namespace chronicle::model
