#include "model/write_model_json.h"

#include <nlohmann/json.hpp>

#include "model/date/format_date_label.h"

namespace chronicle::model {
namespace {

using nlohmann::ordered_json;

ordered_json date_json(const DateValue& d) {
  ordered_json j;
  j["text"] = d.text;
  j["from"] = format_iso(d.from);
  j["to"] = format_iso(d.to);
  j["precision"] = precision_name(d.precision);
  j["approximate"] = d.approximate;
  j["uncertain"] = d.uncertain;
  if (d.present) j["present"] = true;
  if (!d.resolved_against.empty()) j["resolved_against"] = d.resolved_against;
  if (!d.direction.empty()) j["direction"] = d.direction;
  return j;
}

void dates_json(ordered_json& j, const DateValue& start, const std::optional<DateValue>& end) {
  if (end) {
    j["start"] = date_json(start);
    j["end"] = date_json(*end);
  } else {
    j["date"] = date_json(start);
  }
}

ordered_json source_ids(const Timeline& tl, const std::vector<int>& sources) {
  ordered_json a = ordered_json::array();
  for (int s : sources) a.push_back(tl.sources[s].id);
  return a;
}

}  // namespace

std::string write_model_json(const Timeline& tl) {
  ordered_json doc;
  doc["chronicle"] = "model/1";
  doc["title"] = tl.title;
  doc["subtitle"] = tl.subtitle;
  doc["author"] = tl.author;
  doc["keywords"] = tl.keywords;
  if (!tl.orientation.empty()) doc["orientation"] = tl.orientation;
  doc["tracks"] = ordered_json::array();
  for (const auto& t : tl.tracks) {
    ordered_json j{{"id", t.id}, {"title", t.title}};
    if (!t.color.empty()) j["color"] = t.color;
    doc["tracks"].push_back(j);
  }
  doc["eras"] = ordered_json::array();
  for (const auto& e : tl.eras) {
    ordered_json j{{"title", e.title}, {"start", date_json(e.start)}, {"end", date_json(e.end)}};
    if (e.track >= 0) j["track"] = tl.tracks[e.track].id;
    doc["eras"].push_back(j);
  }
  if (!tl.insets.empty()) {
    doc["insets"] = ordered_json::array();
    for (const auto& i : tl.insets) doc["insets"].push_back({{"title", i.title}, {"start", date_json(i.start)}, {"end", date_json(i.end)}});
  }
  doc["sources"] = ordered_json::array();
  for (const auto& s : tl.sources) {
    ordered_json j{{"id", s.id}, {"title", s.title}};
    if (!s.url.empty()) j["url"] = s.url;
    if (s.published) j["published"] = date_json(*s.published);
    doc["sources"].push_back(j);
  }
  doc["events"] = ordered_json::array();
  for (const auto& e : tl.events) {
    ordered_json j{{"id", e.id}, {"title", e.title}};
    if (!e.description.empty()) j["description"] = e.description;
    if (!e.date_label.empty()) j["date_label"] = e.date_label;
    if (e.milestone) j["milestone"] = true;
    if (e.claims.size() > 1) {  // several sources' claims: each kept with its sources
      if (e.disputed) j["disputed"] = true;
      j["claims"] = ordered_json::array();
      for (const auto& c : e.claims) {
        ordered_json cj;
        dates_json(cj, c.start, c.end);
        cj["sources"] = source_ids(tl, c.sources);
        j["claims"].push_back(cj);
      }
    } else {
      dates_json(j, e.start, e.end);
    }
    if (e.track >= 0) j["track"] = tl.tracks[e.track].id;
    if (!e.tags.empty()) j["tags"] = e.tags;
    if (!e.sources.empty()) j["sources"] = source_ids(tl, e.sources);
    doc["events"].push_back(j);
  }
  return doc.dump(2) + "\n";
}

}  // namespace chronicle::model
