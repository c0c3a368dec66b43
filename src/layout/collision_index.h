#pragma once
// Placed boxes, queried by box: a uniform grid of cells, so a query looks only at boxes
// near it (mapnik's label_collision_detector, with a grid instead of a quad tree).
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "layout/scene.h"

namespace chronicle::layout {

class CollisionIndex {
 public:
  explicit CollisionIndex(double cell_width = 96, double cell_height = 48) : cw_(cell_width), ch_(cell_height) {}

  void insert(const Box& b, int owner);
  /// True when `b` intersects a placed box whose owner is not `ignore_owner`.
  bool collides(const Box& b, int ignore_owner = -1) const;
  /// Every placed box whose x-range overlaps [x0, x1], in insertion order.
  std::vector<Box> in_columns(double x0, double x1) const;

 private:
  struct Entry {
    Box box;
    int owner;
  };
  static std::int64_t key(std::int64_t cx, std::int64_t cy) { return (cx << 32) ^ (cy & 0xffffffff); }
  std::int64_t col(double x) const;
  std::int64_t row(double y) const;
  double cw_, ch_;
  std::vector<Entry> entries_;
  std::unordered_map<std::int64_t, std::vector<std::uint32_t>> cells_;
  std::unordered_map<std::int64_t, std::vector<std::uint32_t>> columns_;
  mutable std::vector<std::uint32_t> stamp_;  ///< per entry: last query that saw it
  mutable std::uint32_t query_ = 0;
};

}  // namespace chronicle::layout
