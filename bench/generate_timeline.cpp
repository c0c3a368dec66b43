// Writes a reproducible random timeline as chronicle JSON: bench_generate N SEED > file.json
#include <cstdlib>
#include <iostream>

#include <nlohmann/json.hpp>

#include "model/date/format_date_label.h"
#include "random_timeline.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bench_generate EVENTS [SEED]\n";
    return 2;
  }
  const int n = std::atoi(argv[1]);
  const unsigned seed = argc > 2 ? unsigned(std::atoi(argv[2])) : 1u;
  auto tl = chronicle::testing::random_timeline(seed, n);
  nlohmann::ordered_json doc;
  doc["title"] = std::to_string(n) + " generated events";
  doc["tracks"] = nlohmann::json::array();
  for (const auto& t : tl.tracks) doc["tracks"].push_back({{"id", t.id}, {"title", t.title}});
  doc["events"] = nlohmann::json::array();
  auto iso = [](const chronicle::model::DateValue& d) {
    // Minute precision ISO text; the generator's precision is kept coarse enough here.
    return chronicle::model::format_iso(d.from).substr(0, 16);
  };
  for (const auto& e : tl.events) {
    nlohmann::ordered_json j{{"id", e.id}, {"title", e.title}};
    if (e.end) {
      j["start"] = iso(e.start);
      j["end"] = iso(*e.end);
    } else {
      j["date"] = iso(e.start);
    }
    if (e.track >= 0) j["track"] = tl.tracks[e.track].id;
    if (e.milestone) j["milestone"] = true;
    doc["events"].push_back(j);
  }
  std::cout << doc.dump() << "\n";
  return 0;
}
