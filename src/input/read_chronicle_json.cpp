#include "input/read_chronicle_json.h"

#include "input/known_fields.h"
#include "support/json_document.h"
#include "support/limits.h"
#include "support/spellcheck.h"

namespace chronicle::input {
namespace {

using nlohmann::json;

const char* type_name(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::string: return "a string";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    case json::value_t::discarded: return "nothing";
    default: return "a number";
  }
}

class Reader {
 public:
  Reader(const JsonDocument& doc, Diagnostics& diags) : doc_(doc), diags_(diags) {}

  void error(const std::string& pointer, const std::string& message) {
    diags_.error(doc_.locate(pointer), pointer, message);
  }

  /// Warns about members of `obj` not in `known`.
  void check_fields(const json& obj, const std::string& pointer,
                    const std::vector<std::string>& known, const char* what) {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
      bool ok = false;
      for (const auto& k : known) ok = ok || k == it.key();
      if (!ok) {
        std::string p = pointer_append(pointer, it.key());
        diags_.warning(doc_.locate(p, true), p,
                       "unknown field '" + it.key() + "' in " + what + " (ignored)" +
                           did_you_mean(it.key(), known));
      }
    }
  }

  /// A string member; integers are accepted for date-like fields (a bare year).
  RawText text(const json& obj, const std::string& pointer, const char* key,
               bool allow_integer = false) {
    RawText t;
    t.pointer = pointer_append(pointer, key);
    auto it = obj.find(key);
    if (it == obj.end()) return t;
    if (it->is_string()) {
      t.value = it->get<std::string>();
      t.present = true;
      if (t.value.size() > limits::max_text_bytes) {
        error(t.pointer, std::string("'") + key + "' is " + std::to_string(t.value.size()) +
                             " bytes long; the limit is " + std::to_string(limits::max_text_bytes));
        t.value.resize(0);
        t.invalid = true;
      }
    } else if (allow_integer && it->is_object() && it->contains("text") && (*it)["text"].is_string()) {
      t.value = (*it)["text"].get<std::string>();  // a date of `chronicle normalize`'s model
      t.present = true;
      if (auto r = it->find("resolved_against"); r != it->end() && r->is_string()) t.reference = r->get<std::string>();
      if (auto r = it->find("direction"); r != it->end() && r->is_string()) t.direction = r->get<std::string>();
    } else if (allow_integer && it->is_number_integer()) {
      t.value = std::to_string(it->get<long long>());
      t.present = true;
    } else if (!it->is_null()) {
      t.invalid = true;
      error(t.pointer, std::string("'") + key + "' must be a string, not " + type_name(*it));
    }
    return t;
  }

  /// A boolean member, as the text "true" or "false".
  RawText flag(const json& obj, const std::string& pointer, const char* key) {
    RawText t;
    t.pointer = pointer_append(pointer, key);
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return t;
    if (it->is_boolean()) {
      t.value = it->get<bool>() ? "true" : "false";
      t.present = true;
    } else {
      t.invalid = true;
      error(t.pointer, std::string("'") + key + "' must be true or false, not " + type_name(*it));
    }
    return t;
  }

  std::vector<RawText> text_list(const json& obj, const std::string& pointer, const char* key) {
    std::vector<RawText> out;
    std::string p = pointer_append(pointer, key);
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return out;
    if (it->is_string()) {  // a single id is accepted for a list of one
      out.push_back(text_at(it->get<std::string>(), p));
      return out;
    }
    if (!it->is_array()) {
      error(p, std::string("'") + key + "' must be an array of strings, not " + type_name(*it));
      return out;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
      const json& v = (*it)[i];
      std::string ip = pointer_append(p, i);
      if (v.is_string()) out.push_back(text_at(v.get<std::string>(), ip));
      else error(ip, std::string("each entry of '") + key + "' must be a string, not " + type_name(v));
    }
    return out;
  }

  /// Calls `each(object, pointer)` for every object in the array member `key`.
  template <class F>
  void objects(const json& root, const char* key, const char* what, F each) {
    objects(root, "", key, what, each);
  }
  template <class F>
  void objects(const json& root, const std::string& at, const char* key, const char* what, F each) {
    auto it = root.find(key);
    std::string p = pointer_append(at, key);
    if (it == root.end() || it->is_null()) return;
    if (!it->is_array()) {
      error(p, std::string("'") + key + "' must be an array, not " + type_name(*it));
      return;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
      std::string ip = pointer_append(p, i);
      if (i == limits::max_events) {
        error(ip, std::string("too many ") + what + "s: " + std::to_string(it->size()) + "; the limit is " +
                      std::to_string(limits::max_events) + " per file");
        return;
      }
      if (!(*it)[i].is_object()) {
        error(ip, std::string("each ") + what + " must be an object, not " + type_name((*it)[i]));
        continue;
      }
      each((*it)[i], ip);
    }
  }

 private:
  const JsonDocument& doc_;
  Diagnostics& diags_;
};

}  // namespace

std::optional<RawTimeline> read_chronicle_json(const std::string& file, std::string text,
                                               Diagnostics& diags) {
  auto doc = JsonDocument::parse(file, std::move(text), diags);
  if (!doc) return std::nullopt;
  const json& root = doc->root();
  Reader r(*doc, diags);
  if (!root.is_object()) {
    r.error("", std::string("the top level must be an object with 'events', not ") + type_name(root));
    return std::nullopt;
  }
  RawTimeline raw;
  raw.file = file;
  raw.format = "chronicle";
  raw.locator = doc;
  r.check_fields(root, "", timeline_fields(), "the timeline");
  raw.title = r.text(root, "", "title");
  raw.subtitle = r.text(root, "", "subtitle");
  raw.author = r.text(root, "", "author");
  raw.orientation = r.text(root, "", "orientation");
  raw.keywords = r.text_list(root, "", "keywords");
  if (auto it = root.find("style"); it != root.end()) raw.style = *it;
  if (!root.contains("events")) r.error("", "missing 'events': a timeline needs an array of events");

  r.objects(root, "events", "event", [&](const json& o, const std::string& p) {
    r.check_fields(o, p, event_fields(), "an event");
    RawEvent e;
    e.pointer = p;
    e.id = r.text(o, p, "id");
    e.title = r.text(o, p, "title");
    e.date = r.text(o, p, "date", true);
    e.start = r.text(o, p, "start", true);
    e.end = r.text(o, p, "end", true);
    e.description = r.text(o, p, "description");
    e.track = r.text(o, p, "track");
    e.tags = r.text_list(o, p, "tags");
    e.sources = r.text_list(o, p, "sources");
    e.date_label = r.text(o, p, "date_label");
    e.milestone = r.flag(o, p, "milestone");
    r.objects(o, p, "claims", "claim", [&](const json& c, const std::string& cp) {
      r.check_fields(c, cp, claim_fields(), "a claim");
      input::RawClaim claim;
      claim.pointer = cp;
      claim.date = r.text(c, cp, "date", true);
      claim.start = r.text(c, cp, "start", true);
      claim.end = r.text(c, cp, "end", true);
      claim.sources = r.text_list(c, cp, "sources");
      e.claims.push_back(std::move(claim));
    });
    raw.events.push_back(std::move(e));
  });
  r.objects(root, "tracks", "track", [&](const json& o, const std::string& p) {
    r.check_fields(o, p, track_fields(), "a track");
    raw.tracks.push_back({p, r.text(o, p, "id"), r.text(o, p, "title"), r.text(o, p, "color")});
  });
  r.objects(root, "eras", "era", [&](const json& o, const std::string& p) {
    r.check_fields(o, p, era_fields(), "an era");
    raw.eras.push_back({p, r.text(o, p, "title"), r.text(o, p, "start", true),
                        r.text(o, p, "end", true), r.text(o, p, "track"), {}});
  });
  r.objects(root, "insets", "inset", [&](const json& o, const std::string& p) {
    r.check_fields(o, p, inset_fields(), "an inset");
    raw.insets.push_back({p, r.text(o, p, "title"), r.text(o, p, "start", true), r.text(o, p, "end", true)});
  });
  r.objects(root, "sources", "source", [&](const json& o, const std::string& p) {
    r.check_fields(o, p, source_fields(), "a source");
    raw.sources.push_back({p, r.text(o, p, "id"), r.text(o, p, "title"), r.text(o, p, "url"),
                           r.text(o, p, "published", true)});
  });
  return raw;
}

}  // namespace chronicle::input
