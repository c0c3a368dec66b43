#pragma once
// What every Scene must satisfy, as a list of violations for people (empty when all
// hold). Tests call it on samples and random timelines.
#include <string>
#include <vector>

#include "layout/scene.h"
#include "model/timeline.h"

namespace chronicle::layout {

/// Checks: items in page order; every item inside the page; no two of labels, markers, tick labels, era
/// labels, title, subtitle, legend and sources overlap (a label and its own leader may
/// touch; leaders may not cross other labels); every event has a label; labels' anchors
/// follow time order.
std::vector<std::string> check_invariants(const Scene& scene, const model::Timeline& timeline);

}  // namespace chronicle::layout
