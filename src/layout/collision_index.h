#pragma once
// Placed boxes, queried by box: a grid of columns over x, so a query looks only at boxes
// near it (mapnik's label_collision_detector, in one dimension).
#include <unordered_map>
#include <vector>

#include "layout/scene.h"

namespace chronicle::layout {

class CollisionIndex {
 public:
  explicit CollisionIndex(double column_width = 64) : column_(column_width) {}

  void insert(const Box& b, int owner);
  /// True when `b` intersects a placed box whose owner is not `ignore_owner`.
  bool collides(const Box& b, int ignore_owner = -1) const;
  /// Every placed box whose x-range overlaps [x0, x1].
  std::vector<Box> in_columns(double x0, double x1) const;

 private:
  struct Entry {
    Box box;
    int owner;
  };
  long column_of(double x) const;
  double column_;
  std::vector<Entry> entries_;
  std::unordered_map<long, std::vector<std::size_t>> columns_;
};

}  // namespace chronicle::layout
