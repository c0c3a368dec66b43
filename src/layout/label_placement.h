#pragma once
// Pass 4, label placement: every point event gets a "flag": a pole from the axis band to
// a label beside the pole's far end, above or below the band. Events are placed right
// to left; each takes the nearest distance from the band, on either side, where its
// label touches no other label or pole and its pole crosses no other label. Clusters
// therefore step like stairs and no leader ever crosses a label.
#include <cmath>
#include <limits>
#include <vector>

#include "layout/scene.h"

namespace chronicle::layout {

struct LabelRequest {
  double x = 0;             ///< anchor on the axis
  double width = 0, height = 0;
  bool below_allowed = true;
  double min_distance_above = 0;  ///< distance from the band edge where labels may start
  double min_distance_below = 0;
  /// A list spread over columns: where its left edge would centre it on its cluster (the
  /// label then stands there, within the chart, rather than beside its pole); NaN: none.
  double centred_x = std::numeric_limits<double>::quiet_NaN();
};

enum class Side { Above, Below };

struct PlacedLabel {
  Side side = Side::Above;
  double distance = 0;  ///< from the band edge to the label's near edge
  Box box;              ///< in band coordinates: y = 0 is the band's top edge (above: negative)
  Box pole;             ///< the leader, same coordinates
  bool crosses = false; ///< no place was found where its pole crosses no label
};

struct PlacementOptions {
  double band_height = 20;
  double x_min = 0, x_max = 1000;  ///< labels stay inside
  double padding = 4;              ///< free space around labels
  double pole_gap = 3;             ///< between pole and label
};

/// Places labels for `requests` (sorted by x, as time orders them); the result has the
/// same order.
std::vector<PlacedLabel> place_labels(const std::vector<LabelRequest>& requests, const PlacementOptions& opt);

}  // namespace chronicle::layout
