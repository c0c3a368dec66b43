#include "input/known_fields.h"

namespace chronicle::input {

const std::vector<std::string>& timeline_fields() {
  static const std::vector<std::string> f{"$schema", "title", "subtitle", "author",     "events",
                                          "tracks",  "eras",  "sources",  "orientation", "style", "keywords", "chronicle", "insets"};
  return f;
}
const std::vector<std::string>& event_fields() {
  static const std::vector<std::string> f{"id",          "title", "date", "start", "end",
                                          "description", "track", "tags", "sources",
                                          "claims",      "date_label", "disputed", "milestone", "quote"};
  return f;
}
const std::vector<std::string>& claim_fields() {
  static const std::vector<std::string> f{"date", "start", "end", "sources", "quote"};
  return f;
}
const std::vector<std::string>& inset_fields() {
  static const std::vector<std::string> f{"title", "start", "end"};
  return f;
}
const std::vector<std::string>& track_fields() {
  static const std::vector<std::string> f{"id", "title", "color"};
  return f;
}
const std::vector<std::string>& era_fields() {
  static const std::vector<std::string> f{"title", "start", "end", "track"};
  return f;
}
const std::vector<std::string>& source_fields() {
  static const std::vector<std::string> f{"id", "title", "url", "published"};
  return f;
}

}  // namespace chronicle::input
