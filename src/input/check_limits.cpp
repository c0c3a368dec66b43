#include "input/check_limits.h"

#include <string>

#include "support/limits.h"

namespace chronicle::input {
namespace {

struct Checker {
  RawTimeline& raw;
  Diagnostics& diags;
  bool ok = true;

  void text(RawText& t, const char* field) {
    if (t.value.size() <= limits::max_text_bytes) return;
    diags.error(raw.locate(t.pointer), t.pointer,
                std::string("'") + field + "' is " + std::to_string(t.value.size()) + " bytes long; the limit is " +
                    std::to_string(limits::max_text_bytes));
    t.value.clear();
    t.invalid = true;
    ok = false;
  }
  void texts(std::vector<RawText>& list, const char* field) {
    for (auto& t : list) text(t, field);
  }
};

}  // namespace

bool check_limits(RawTimeline& raw, Diagnostics& diags) {
  Checker c{raw, diags};
  if (raw.events.size() > limits::max_events) {
    const std::string& at = raw.events[limits::max_events].pointer;
    diags.error(raw.locate(at), at,
                "too many events: more than " + std::to_string(limits::max_events) + "; the limit is " +
                    std::to_string(limits::max_events) + " per file");
    raw.events.resize(limits::max_events);
    c.ok = false;
  }
  c.text(raw.title, "title");
  c.text(raw.subtitle, "subtitle");
  c.text(raw.author, "author");
  c.texts(raw.keywords, "keywords");
  for (auto& e : raw.events) {
    c.text(e.id, "id");
    c.text(e.title, "title");
    c.text(e.date, "date");
    c.text(e.start, "start");
    c.text(e.end, "end");
    c.text(e.description, "description");
    c.text(e.track, "track");
    c.text(e.date_label, "date_label");
    c.texts(e.tags, "tags");
    c.texts(e.sources, "sources");
    for (auto& claim : e.claims) {
      c.text(claim.date, "date");
      c.text(claim.start, "start");
      c.text(claim.end, "end");
    }
  }
  for (auto& t : raw.tracks) {
    c.text(t.id, "id");
    c.text(t.title, "title");
  }
  for (auto& era : raw.eras) c.text(era.title, "title");
  for (auto& s : raw.sources) {
    c.text(s.id, "id");
    c.text(s.title, "title");
    c.text(s.url, "url");
  }
  for (auto& i : raw.insets) c.text(i.title, "title");
  return c.ok;
}

}  // namespace chronicle::input
