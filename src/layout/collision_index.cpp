#include "layout/collision_index.h"

#include <cmath>

namespace chronicle::layout {

std::int64_t CollisionIndex::col(double x) const { return std::int64_t(std::floor(x / cw_)); }
std::int64_t CollisionIndex::row(double y) const { return std::int64_t(std::floor(y / ch_)); }

void CollisionIndex::insert(const Box& b, int owner) {
  const auto i = std::uint32_t(entries_.size());
  entries_.push_back({b, owner});
  stamp_.push_back(0);
  for (std::int64_t cx = col(b.x); cx <= col(b.right()); ++cx) {
    columns_[cx].push_back(i);
    for (std::int64_t cy = row(b.y); cy <= row(b.bottom()); ++cy) cells_[key(cx, cy)].push_back(i);
  }
}

bool CollisionIndex::collides(const Box& b, int ignore_owner) const {
  for (std::int64_t cx = col(b.x); cx <= col(b.right()); ++cx) {
    for (std::int64_t cy = row(b.y); cy <= row(b.bottom()); ++cy) {
      auto it = cells_.find(key(cx, cy));
      if (it == cells_.end()) continue;
      for (std::uint32_t i : it->second) {
        const Entry& e = entries_[i];
        if (e.owner != ignore_owner && e.box.intersects(b)) return true;
      }
    }
  }
  return false;
}

std::vector<Box> CollisionIndex::in_columns(double x0, double x1) const {
  ++query_;
  std::vector<Box> out;
  for (std::int64_t cx = col(x0); cx <= col(x1); ++cx) {
    auto it = columns_.find(cx);
    if (it == columns_.end()) continue;
    for (std::uint32_t i : it->second) {
      if (stamp_[i] == query_) continue;
      stamp_[i] = query_;
      const Box& b = entries_[i].box;
      if (b.right() >= x0 && b.x <= x1) out.push_back(b);
    }
  }
  return out;
}

}  // namespace chronicle::layout
