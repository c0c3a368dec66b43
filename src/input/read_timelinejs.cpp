#include "input/read_timelinejs.h"

#include <cctype>
#include <cstdio>
#include <utility>

#include "support/json_document.h"
#include "support/limits.h"
#include "support/text.h"

namespace chronicle::input {
namespace {

using nlohmann::json;

/// The character an HTML character reference at s[at] ('&') stands for, and its length;
/// {"", 0} when it is none (then the '&' is text).
std::pair<std::string, std::size_t> entity_at(const std::string& s, std::size_t at) {
  std::size_t semi = at + 1;  // within 10 bytes: the search must not run to the end at every '&'
  while (semi < s.size() && semi - at <= 10 && s[semi] != ';') ++semi;
  if (semi >= s.size() || s[semi] != ';') return {"", 0};
  const std::string name = s.substr(at + 1, semi - at - 1);
  const std::size_t len = semi - at + 1;
  if (name.size() > 1 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string digits = name.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 7) return {"", 0};
    for (char c : digits)
      if (!(hex ? std::isxdigit(static_cast<unsigned char>(c)) : std::isdigit(static_cast<unsigned char>(c)))) return {"", 0};
    const std::string ch = utf8_of(char32_t(std::stoul(digits, nullptr, hex ? 16 : 10)));
    return ch.empty() ? std::pair<std::string, std::size_t>{"", 0} : std::pair{ch, len};
  }
  static const std::pair<const char*, const char*> named[] = {
      {"amp", "&"},       {"lt", "<"},        {"gt", ">"},        {"quot", "\""},   {"apos", "'"},
      {"nbsp", "\u00a0"}, {"ndash", "\u2013"}, {"mdash", "\u2014"}, {"hellip", "\u2026"}, {"lsquo", "\u2018"},
      {"rsquo", "\u2019"}, {"ldquo", "\u201c"}, {"rdquo", "\u201d"}, {"laquo", "\u00ab"}, {"raquo", "\u00bb"},
      {"copy", "\u00a9"}, {"eacute", "\u00e9"}, {"egrave", "\u00e8"}, {"aacute", "\u00e1"}, {"oacute", "\u00f3"},
      {"uuml", "\u00fc"}, {"ouml", "\u00f6"}, {"auml", "\u00e4"}, {"ccedil", "\u00e7"}, {"deg", "\u00b0"}};
  for (const auto& [n, ch] : named)
    if (name == n) return {ch, len};
  return {"", 0};
}

/// The text of a field TimelineJS allows HTML in, as a reader sees it: tags removed (a '<'
/// starts a tag only before a letter, '/' or '!', as an HTML tokenizer has it, so "< 5" is
/// text; a tag with no '>' is text too), a line or paragraph break a space, character
/// references decoded once ("&amp;lt;" is "&lt;"), white space collapsed.
std::string strip_html(const std::string& s) {
  if (s.size() > limits::max_text_bytes) return s;  // check_limits reports it, unread
  std::string out;
  std::size_t close = s.find('>');  // the next '>' after i, found once for all the '<' before it
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (c == '<' && i + 1 < s.size() &&
        (std::isalpha(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '/' || s[i + 1] == '!')) {
      if (close != std::string::npos && close < i) close = s.find('>', i);
      if (close != std::string::npos) {
        std::string tag = s.substr(i + 1, std::min<std::size_t>(close - i - 1, 4));
        for (auto& t : tag) t = char(std::tolower(static_cast<unsigned char>(t)));
        if (tag.rfind("br", 0) == 0 || tag.rfind("p", 0) == 0 || tag.rfind("/p", 0) == 0 || tag.rfind("li", 0) == 0 ||
            tag.rfind("div", 0) == 0 || tag.rfind("/div", 0) == 0)
          out += ' ';
        i = close + 1;
        continue;
      }
    }
    if (c == '&') {
      if (auto [ch, len] = entity_at(s, i); len > 0) {
        out += ch;
        i += len;
        continue;
      }
    }
    out += c;
    ++i;
  }
  std::string collapsed;  // runs of white space as one space, none at the ends
  for (char ch : out) {
    const bool space = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
    if (space) {
      if (!collapsed.empty() && collapsed.back() != ' ') collapsed += ' ';
    } else {
      collapsed += ch;
    }
  }
  while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  return collapsed;
}

/// A whole number as TimelineJS writes its date fields: an optional '-', then at most
/// `max_digits` decimal digits; nothing else ("2020abc", "1e3", "1.5" are not).
bool strict_integer(const std::string& v, std::size_t max_digits, long long& out) {
  const std::size_t start = !v.empty() && v[0] == '-' ? 1 : 0;
  const std::size_t digits = v.size() - start;
  if (digits == 0 || digits > max_digits) return false;
  for (std::size_t i = start; i < v.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(v[i]))) return false;
  out = std::stoll(v);
  return true;
}

std::string string_at(const json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<long long>());
  return "";
}

/// {year, month, day, hour, minute, second} -> ISO text of the precision given.
/// TimelineJS's year number -> chronicle's astronomical one. TimelineJS labels a negative
/// year by its absolute value and "BCE" (its tests expect year -500 to read "500 BCE"), so
/// its -500 is 500 BC, astronomical -499; its year 0 (shown "0") is read as 1 BC too.
long long astronomical_year(long long timelinejs_year) {
  return timelinejs_year < 0 ? timelinejs_year + 1 : timelinejs_year;
}

RawText date_of(const json& obj, const std::string& pointer, const char* key, Diagnostics& diags,
                const JsonDocument& doc, bool& milliseconds_warned) {
  RawText t;
  t.pointer = pointer_append(pointer, key);
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return t;
  if (!it->is_object()) {
    diags.error(doc.locate(t.pointer), t.pointer, std::string("'") + key + "' must be an object with a 'year'");
    t.invalid = true;
    return t;
  }
  // An object whose fields are all empty (a spreadsheet export's blank end date) is no date,
  // as TimelineJS reads it.
  bool blank = true;
  for (const auto& [k, v] : it->items())
    if (k != "display_date" && k != "format" && !(v.is_null() || (v.is_string() && v.get<std::string>().empty())))
      blank = false;
  if (blank) return t;
  const std::string year = string_at(*it, "year");
  if (year.empty()) {
    diags.error(doc.locate(t.pointer), t.pointer, std::string("'") + key + "' needs a 'year'");
    t.invalid = true;
    return t;
  }
  auto two = [](const std::string& v) { return v.size() == 1 ? "0" + v : v; };
  long long y = 0;
  if (!strict_integer(year, 12, y)) {
    diags.error(doc.locate(pointer_append(t.pointer, "year")), pointer_append(t.pointer, "year"),
                "'year' must be a whole number, not '" + year + "'");
    t.invalid = true;
    return t;
  }
  y = astronomical_year(y);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%04lld", y < 0 ? "-" : "", y < 0 ? -y : y);
  std::string iso = buf;
  if (const std::string ms = string_at(*it, "millisecond"); !ms.empty() && !milliseconds_warned) {
    long long v = 0;
    if (!strict_integer(ms, 3, v) || v != 0) {
      const std::string mp = pointer_append(t.pointer, "millisecond");
      diags.warning(doc.locate(mp), mp, "milliseconds are not kept (chronicle's dates go to the second); "
                                        "events apart by less than a second share their second");
      milliseconds_warned = true;
    }
  }
  const std::string month = string_at(*it, "month"), day = string_at(*it, "day"), hour = string_at(*it, "hour"),
                    minute = string_at(*it, "minute"), second = string_at(*it, "second");
  for (const auto& [field, value] : {std::pair{"month", &month}, {"day", &day}, {"hour", &hour}, {"minute", &minute},
                                     {"second", &second}}) {
    long long v = 0;
    if (value->empty() || (value->front() != '-' && strict_integer(*value, 2, v))) continue;
    diags.error(doc.locate(pointer_append(t.pointer, field)), pointer_append(t.pointer, field),
                std::string("'") + field + "' must be a whole number of one or two digits, not '" + *value + "'");
    t.invalid = true;
    return t;
  }
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
  bool media_warned = false, milliseconds_warned = false;
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
      RawText start = date_of(o, p, "start_date", diags, *doc, milliseconds_warned);
      RawText end = date_of(o, p, "end_date", diags, *doc, milliseconds_warned);
      if (end.present || end.invalid) {
        e.start = start;
        e.end = end;
      } else {
        e.date = start;
        if (!start.present && !start.invalid) e.date.pointer = p;
      }
      read_slide(o, p, e.title, e.description);
      if (e.title.value.empty() && !e.description.value.empty()) {  // TimelineJS shows a slide with text only
        e.title.value = title_from_text(e.description.value);
        e.title.present = true;
      }
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
      if (auto u = o.find("unique_id"); u != o.end() && u->is_string() && !u->get<std::string>().empty())
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
      era.start = date_of(o, p, "start_date", diags, *doc, milliseconds_warned);
      era.end = date_of(o, p, "end_date", diags, *doc, milliseconds_warned);
      RawText ignored;
      read_slide(o, p, era.title, ignored);
      raw.eras.push_back(std::move(era));
    }
  }
  return raw;
}

}  // namespace chronicle::input
