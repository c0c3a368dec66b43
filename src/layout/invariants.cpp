#include "layout/invariants.h"

#include "support/text.h"

#include <algorithm>
#include <map>
#include <set>

namespace chronicle::layout {
namespace {

bool solid(ItemKind k) {
  switch (k) {
    case ItemKind::Title:
    case ItemKind::Subtitle:
    case ItemKind::EraLabel:
    case ItemKind::TickLabel:
    case ItemKind::Marker:
    case ItemKind::Label:
    case ItemKind::Legend:
    case ItemKind::Sources:
    case ItemKind::LaneHeader:
    case ItemKind::RunningHeader:
    case ItemKind::PageNumber:
    case ItemKind::Leader: return true;
    default: return false;
  }
}

bool may_touch(const Item& a, const Item& b) {
  if (a.kind == ItemKind::Leader && b.kind == ItemKind::Leader) return true;
  if (a.kind == ItemKind::Leader || b.kind == ItemKind::Leader) {
    const Item& other = a.kind == ItemKind::Leader ? b : a;
    const Item& leader = a.kind == ItemKind::Leader ? a : b;
    if (other.event == leader.event) return true;        // its own label and marker
    if (other.kind == ItemKind::Marker) return true;     // passing a neighbour's marker
    if (other.kind == ItemKind::TickLabel) return false;
  }
  return false;
}

std::string describe(const Item& it) {
  std::string s = item_kind_name(it.kind);
  if (!it.event.empty()) s += " of '" + it.event + "'";
  else if (!it.text.empty()) s += " '" + utf8_prefix(it.text, 30) + "'";
  return s;
}

}  // namespace

std::vector<std::string> check_invariants(const Scene& scene, const model::Timeline& timeline) {
  std::vector<std::string> out;
  // Page after page: what page_items() and every renderer's page loop rely on.
  for (std::size_t k = 1; k < scene.items.size(); ++k)
    if (scene.items[k].page < scene.items[k - 1].page) {
      out.push_back(describe(scene.items[k]) + " comes after an item of a later page");
      break;
    }
  for (const auto& it : scene.items) {
    if (it.page < 0 || it.page >= scene.page_count()) {
      out.push_back(describe(it) + " is on no page");
      continue;
    }
    const PageSize ps = scene.page_size(it.page);
    if (!it.box.inside({0, 0, ps.width, ps.height})) out.push_back(describe(it) + " is outside its page");
  }

  std::vector<const Item*> solids;
  for (const auto& it : scene.items)
    if (solid(it.kind)) solids.push_back(&it);
  std::sort(solids.begin(), solids.end(), [](const Item* a, const Item* b) {
    return a->page != b->page ? a->page < b->page : a->box.x < b->box.x;
  });
  for (std::size_t i = 0; i < solids.size(); ++i) {
    for (std::size_t j = i + 1;
         j < solids.size() && solids[j]->page == solids[i]->page && solids[j]->box.x < solids[i]->box.right(); ++j) {
      const Item& a = *solids[i];
      const Item& b = *solids[j];
      if (!a.box.intersects(b.box, 0.05) || may_touch(a, b)) continue;
      if (a.kind == ItemKind::Marker && b.kind == ItemKind::Marker) continue;  // same-time events
      out.push_back(describe(a) + " overlaps " + describe(b));
      if (out.size() > 50) return out;
    }
  }

  std::map<std::string, const Item*> label_of, inset_label_of;  // an event the detail inset labels: there only
  for (const auto& it : scene.items)
    if (it.kind == ItemKind::Label && !(it.inset ? inset_label_of : label_of).count(it.event))
      (it.inset ? inset_label_of : label_of)[it.event] = &it;
  // Within an axis segment, markers follow time.
  std::map<std::string, const Item*> marker_of, inset_marker_of;
  for (const auto& it : scene.items)
    if (it.kind == ItemKind::Marker) (it.inset ? inset_marker_of : marker_of)[it.event] = &it;
  {  // a detail inset keeps time order too, on its own axis (each page's inset on its own)
    double last_x = -1e18;
    int page = -1;
    for (const auto& e : timeline.events) {
      auto m = inset_marker_of.find(e.id);
      if (m == inset_marker_of.end()) continue;
      if (m->second->page != page) last_x = -1e18, page = m->second->page;
      const double cx = m->second->box.x + m->second->box.w / 2;  // centres: a milestone's marker is larger
      if (cx < last_x - 0.01) out.push_back("inset marker of '" + e.id + "' is out of time order");
      last_x = std::max(last_x, cx);
    }
  }
  const bool vertical = scene.orientation == "vertical";
  auto along = [&](const Box& b) { return vertical ? b.y + b.h / 2 : b.x + b.w / 2; };  // the centre
  std::map<int, double> last_in_segment;
  for (const auto& e : timeline.events) {
    auto m = marker_of.find(e.id);
    if (m == marker_of.end()) continue;
    auto [it, fresh] = last_in_segment.emplace(m->second->page * 100000 + m->second->segment, along(m->second->box));
    if (!fresh && along(m->second->box) < it->second - 0.01) out.push_back("marker of '" + e.id + "' is out of time order");
    it->second = std::max(it->second, along(m->second->box));
  }
  double last = -1e18, last_label = -1e18;
  int last_page = 0;
  for (const auto& e : timeline.events) {
    auto f = label_of.find(e.id);
    if (f == label_of.end()) {
      if (!inset_label_of.count(e.id)) out.push_back("event '" + e.id + "' has no label");
      continue;
    }
    if (f->second->page < last_page) out.push_back("label of '" + e.id + "' is on an earlier page than the one before");
    if (f->second->page != last_page) last = last_label = -1e18;  // time starts again on a new page
    last_page = f->second->page;
    const double a = vertical ? f->second->anchor.y : f->second->anchor.x;
    if (a < last - 0.01) out.push_back("label of '" + e.id + "' is out of time order");
    last = std::max(last, a);
    if (vertical) {  // one column: the labels themselves follow time down the page
      if (f->second->box.y < last_label - 0.01) out.push_back("label of '" + e.id + "' is out of time order");
      last_label = std::max(last_label, f->second->box.y);
    }
  }
  return out;
}

}  // namespace chronicle::layout
