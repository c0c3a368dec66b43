#include "layout/write_scene_json.h"

#include <cmath>

#include <nlohmann/json.hpp>

#include "model/date/calendar.h"

namespace chronicle::layout {
namespace {

using nlohmann::ordered_json;

double r2(double v) { return std::round(v * 100) / 100; }

ordered_json box_json(const Box& b) { return ordered_json::array({r2(b.x), r2(b.y), r2(b.w), r2(b.h)}); }

/// An instant as ISO 8601 (astronomical years): "2015-07-14T00:00:00".
std::string iso(std::int64_t t) {
  const model::CivilTime c = model::civil_from_seconds(t);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%lld-%02u-%02uT%02u:%02u:%02u", static_cast<long long>(c.date.year), c.date.month,
                c.date.day, c.hour, c.minute, c.second);
  return buf;
}

}  // namespace

std::string write_scene_json(const Scene& scene) {
  ordered_json doc;
  doc["page"] = {{"width", r2(scene.width)}, {"height", r2(scene.height)}, {"unit", "pt"}};
  doc["pages"] = ordered_json::array();
  for (int k = 0; k < scene.page_count(); ++k) {
    const PageSize ps = scene.page_size(k);
    ordered_json pj{{"width", r2(ps.width)}, {"height", r2(ps.height)}, {"unit", "pt"}};
    if (ps.from != ps.to) pj["window"] = {iso(ps.from), iso(ps.to)};
    doc["pages"].push_back(pj);
  }
  doc["orientation"] = scene.orientation;
  doc["fit"] = {{"type_scale", r2(scene.fit.type_scale)}, {"scale", scene.fit.scale}, {"grew", scene.fit.grew},
                {"reason", scene.fit.reason}, {"crossings", scene.fit.crossings}};
  ordered_json items = ordered_json::array();
  for (const auto& it : scene.items) {
    ordered_json j;
    j["kind"] = item_kind_name(it.kind);
    j["event"] = it.event.empty() ? ordered_json(nullptr) : ordered_json(it.event);
    j["box"] = box_json(it.box);
    j["text"] = it.text;
    j["page"] = it.page;
    if (it.inset) j["inset"] = true;
    if (it.milestone) j["milestone"] = true;
    if (it.segment >= 0) j["segment"] = it.segment;
    if (it.kind == ItemKind::Label) j["anchor"] = {r2(it.anchor.x), r2(it.anchor.y)};
    if (!it.lines.empty()) {
      ordered_json lines = ordered_json::array();
      for (const auto& l : it.lines) {
        ordered_json lj{{"text", l.text},
                        {"box", box_json({l.x, l.y, l.width, l.height})},
                        {"size", r2(l.font.size)},
                        {"bold", l.font.bold},
                        {"color", l.color}};
        if (!l.link.empty()) lj["link"] = l.link;
        if (!l.anchors.empty()) lj["anchors"] = l.anchors;
        if (!l.links.empty()) {
          ordered_json links = ordered_json::array();
          for (const auto& k : l.links) links.push_back({{"from", k.from}, {"to", k.to}, {"dest", k.dest}});
          lj["links"] = links;
        }
        lines.push_back(lj);
      }
      j["lines"] = lines;
    }
    items.push_back(j);
  }
  doc["items"] = items;
  return doc.dump(1) + "\n";
}

}  // namespace chronicle::layout
