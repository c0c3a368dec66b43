#include "input/read_timelinejs.h"

#include <cstdio>

#include "support/json_document.h"

namespace chronicle::input {
namespace {

using nlohmann::json;

std::string strip_html(const std::string& s) {
  std::string out;
  bool tag = false;
  for (char c : s) {
    if (c == '<') tag = true;
    else if (c == '>') tag = false;
    else if (!tag) out += c;
  }
  for (const auto& [entity, ch] : {std::pair<const char*, const char*>{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"},
                                   {"&quot;", "\""}, {"&#39;", "'"}, {"&nbsp;", " "}}) {
    for (std::size_t at; (at = out.find(entity)) != std::string::npos;) out.replace(at, std::string(entity).size(), ch);
  }
  return out;
}

std::string string_at(const json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<long long>());
  return "";
}

/// {year, month, day, hour, minute, second} -> ISO text of the precision given.
RawText date_of(const json& obj, const std::string& pointer, const char* key, Diagnostics& diags,
                const JsonDocument& doc) {
  RawText t;
  t.pointer = pointer_append(pointer, key);
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return t;
  if (!it->is_object()) {
    diags.error(doc.locate(t.pointer), t.pointer, std::string("'") + key + "' must be an object with a 'year'");
    t.invalid = true;
    return t;
  }
  const std::string year = string_at(*it, "year");
  if (year.empty()) {
    diags.error(doc.locate(t.pointer), t.pointer, std::string("'") + key + "' needs a 'year'");
    t.invalid = true;
    return t;
  }
  auto two = [](const std::string& v) { return v.size() == 1 ? "0" + v : v; };
  long long y = 0;
  try {
    y = std::stoll(year);
  } catch (...) {
    diags.error(doc.locate(pointer_append(t.pointer, "year")), pointer_append(t.pointer, "year"),
                "'year' must be a whole number, not '" + year + "'");
    t.invalid = true;
    return t;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%04lld", y < 0 ? "-" : "", y < 0 ? -y : y);
  std::string iso = buf;
  const std::string month = string_at(*it, "month"), day = string_at(*it, "day"), hour = string_at(*it, "hour"),
                    minute = string_at(*it, "minute"), second = string_at(*it, "second");
  if (!month.empty()) {
    iso += "-" + two(month);
    if (!day.empty()) {
      iso += "-" + two(day);
      if (!hour.empty()) {
        iso += "T" + two(hour);
        if (!minute.empty()) {
          iso += ":" + two(minute);
          if (!second.empty()) iso += ":" + two(second);
        }
      }
    }
  }
  t.value = iso;
  t.present = true;
  return t;
}

}  // namespace

bool looks_like_timelinejs(const json& root) {
  if (!root.is_object()) return false;
  if (auto t = root.find("title"); t != root.end() && t->is_object()) return true;
  auto ev = root.find("events");
  return ev != root.end() && ev->is_array() && !ev->empty() && (*ev)[0].is_object() && (*ev)[0].contains("start_date");
}

std::optional<RawTimeline> read_timelinejs(const std::string& file, std::string text, Diagnostics& diags) {
  auto doc = JsonDocument::parse(file, std::move(text), diags);
  if (!doc) return std::nullopt;
  const json& root = doc->root();
  if (!looks_like_timelinejs(root)) {
    diags.error(doc->locate(""), "", "this is not TimelineJS JSON (no events with 'start_date')");
    return std::nullopt;
  }
  RawTimeline raw;
  raw.file = file;
  raw.format = "timelinejs";
  raw.locator = doc;
  if (auto t = root.find("title"); t != root.end() && t->is_object()) {
    if (auto tx = t->find("text"); tx != t->end() && tx->is_object()) {
      raw.title = text_at(strip_html(string_at(*tx, "headline")), "/title/text/headline");
      raw.subtitle = text_at(strip_html(string_at(*tx, "text")), "/title/text/text");
    }
  }
  bool media_warned = false;
  auto read_slide = [&](const json& o, const std::string& p, RawText& title, RawText& description) {
    if (auto tx = o.find("text"); tx != o.end() && tx->is_object()) {
      title = text_at(strip_html(string_at(*tx, "headline")), pointer_append(pointer_append(p, "text"), "headline"));
      description = text_at(strip_html(string_at(*tx, "text")), pointer_append(pointer_append(p, "text"), "text"));
    }
    if (o.contains("media") && !media_warned) {
      const std::string mp = pointer_append(p, "media");
      diags.warning(doc->locate(mp, true), mp, "media (images, video) are not drawn on posters; ignored");
      media_warned = true;
    }
  };
  if (auto ev = root.find("events"); ev != root.end() && ev->is_array()) {
    for (std::size_t i = 0; i < ev->size(); ++i) {
      const json& o = (*ev)[i];
      const std::string p = pointer_append("/events", i);
      if (!o.is_object()) {
        diags.error(doc->locate(p), p, "each event must be an object");
        continue;
      }
      RawEvent e;
      e.pointer = p;
      RawText start = date_of(o, p, "start_date", diags, *doc);
      RawText end = date_of(o, p, "end_date", diags, *doc);
      if (end.present || end.invalid) {
        e.start = start;
        e.end = end;
      } else {
        e.date = start;
        if (!start.present && !start.invalid) e.date.pointer = p;
      }
      read_slide(o, p, e.title, e.description);
      // display_date: the slide's, else the dates' own ("Spring 1945" shown as written)
      auto display = [](const json& obj, const char* key) -> std::string {
        auto it = obj.find(key);
        if (it == obj.end() || !it->is_object()) return "";
        auto d = it->find("display_date");
        return d != it->end() && d->is_string() ? strip_html(d->get<std::string>()) : "";
      };
      if (auto dd = o.find("display_date"); dd != o.end() && dd->is_string()) {
        e.date_label = text_at(strip_html(dd->get<std::string>()), pointer_append(p, "display_date"));
      } else if (std::string s = display(o, "start_date"); !s.empty()) {
        std::string en = display(o, "end_date");
        e.date_label = text_at(en.empty() ? s : s + " – " + en, pointer_append(pointer_append(p, "start_date"), "display_date"));
      }
      if (auto g = o.find("group"); g != o.end() && g->is_string())
        e.track = text_at(g->get<std::string>(), pointer_append(p, "group"));
      if (auto u = o.find("unique_id"); u != o.end() && u->is_string())
        e.id = text_at(u->get<std::string>(), pointer_append(p, "unique_id"));
      raw.events.push_back(std::move(e));
    }
  }
  if (auto er = root.find("eras"); er != root.end() && er->is_array()) {
    for (std::size_t i = 0; i < er->size(); ++i) {
      const json& o = (*er)[i];
      const std::string p = pointer_append("/eras", i);
      if (!o.is_object()) continue;
      RawEra era;
      era.pointer = p;
      era.start = date_of(o, p, "start_date", diags, *doc);
      era.end = date_of(o, p, "end_date", diags, *doc);
      RawText ignored;
      read_slide(o, p, era.title, ignored);
      raw.eras.push_back(std::move(era));
    }
  }
  return raw;
}

}  // namespace chronicle::input
