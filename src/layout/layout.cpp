#include "layout/layout.h"

namespace chronicle::layout {

const char* item_kind_name(ItemKind k) {
  static constexpr const char* names[] = {"title",   "subtitle", "era",    "era-label", "axis",
                                          "axis-break", "tick",  "tick-label", "precision", "bar",
                                          "marker",  "leader",   "label",  "legend",    "source",
                                          "running-header", "page-number", "lane", "lane-header", "lane-line",
                                          "inset-window", "guide"};
  return names[static_cast<int>(k)];
}

}  // namespace chronicle::layout
