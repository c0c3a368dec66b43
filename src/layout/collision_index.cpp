#include "layout/collision_index.h"

#include <algorithm>
#include <cmath>

namespace chronicle::layout {

long CollisionIndex::column_of(double x) const { return long(std::floor(x / column_)); }

void CollisionIndex::insert(const Box& b, int owner) {
  entries_.push_back({b, owner});
  for (long c = column_of(b.x); c <= column_of(b.right()); ++c) columns_[c].push_back(entries_.size() - 1);
}

bool CollisionIndex::collides(const Box& b, int ignore_owner) const {
  for (long c = column_of(b.x); c <= column_of(b.right()); ++c) {
    auto it = columns_.find(c);
    if (it == columns_.end()) continue;
    for (std::size_t i : it->second) {
      const Entry& e = entries_[i];
      if (e.owner != ignore_owner && e.box.intersects(b)) return true;
    }
  }
  return false;
}

std::vector<Box> CollisionIndex::in_columns(double x0, double x1) const {
  std::vector<std::size_t> hits;
  for (long c = column_of(x0); c <= column_of(x1); ++c) {
    auto it = columns_.find(c);
    if (it == columns_.end()) continue;
    for (std::size_t i : it->second) {
      const Box& b = entries_[i].box;
      if (b.right() >= x0 && b.x <= x1) hits.push_back(i);
    }
  }
  std::sort(hits.begin(), hits.end());
  hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
  std::vector<Box> out;
  out.reserve(hits.size());
  for (std::size_t i : hits) out.push_back(entries_[i].box);
  return out;
}

}  // namespace chronicle::layout
