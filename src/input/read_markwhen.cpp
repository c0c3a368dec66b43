#include "input/read_markwhen.h"

#include "support/text.h"

#include <cstdio>
#include <regex>
#include <set>
#include <unordered_set>

#include "input/text_locator.h"
#include "support/limits.h"

namespace chronicle::input {
namespace {

/// Words a date may be written with besides digits: month and weekday names, relative
/// words, markwhen's own ("now", "every", "after", units).
bool date_word(const std::string& w) {
  static const std::set<std::string> words{
      "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july",
      "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december",
      "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday", "fri",
      "friday", "sat", "saturday", "sun", "sunday", "today", "yesterday", "tomorrow", "now", "last", "next",
      "this", "past", "ago", "later", "earlier", "before", "after", "by", "from", "to", "until", "every",
      "other", "for", "and", "of", "the", "a", "an", "day", "days", "week", "weeks", "month", "months", "year",
      "years", "hour", "hours", "minute", "minutes", "weekday", "weekdays", "decade", "decades", "century",
      "centuries", "early", "mid", "late", "spring", "summer", "autumn", "fall", "winter", "bc", "bce", "ad",
      "ce", "am", "pm", "c", "circa", "x", "times", "-", "/", "–", "—"};
  return words.count(w) > 0;
}

/// The words of a date part, lower case, split at spaces and after punctuation.
std::vector<std::string> head_words(const std::string& head) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : head) {
    if (c == ' ' || c == '\t' || c == ',' || c == '.') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += char(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

enum class LineKind { Text, Event, LooksLikeEvent };

/// Where the date part of an event line ends: the first ':' followed by white space or
/// the end of the line, or a ':' right before the title when the date part is a date
/// with digits ("2020-05-01:Title"; a time's ':' is followed by a digit). The line is an
/// event when the part before it can be a date: it has a digit, starts with "!" or
/// "after !", or is made of date words only ("now", "Monday", "yesterday"). A part
/// that holds a date word among other words ("Meeting on Monday: agenda") "looks like
/// an event": the caller warns that it is read as text.
std::pair<LineKind, std::size_t> event_colon(const std::string& line) {
  std::size_t at = 0;
  bool tight = false;
  while ((at = line.find(':', at)) != std::string::npos) {
    if (at + 1 == line.size() || line[at + 1] == ' ' || line[at + 1] == '\t') break;
    if (!std::isdigit(static_cast<unsigned char>(line[at + 1])) && line[at + 1] != '/' && at > 0 &&
        std::isdigit(static_cast<unsigned char>(line[at - 1]))) {
      tight = true;
      break;
    }
    ++at;
  }
  if (at == std::string::npos || at == 0 || at > 120) return {LineKind::Text, 0};
  const std::string head = ascii_lower(trim_space(line.substr(0, at)));
  if (head.empty()) return {LineKind::Text, 0};
  bool digit = false;
  for (char c : head) digit = digit || std::isdigit(static_cast<unsigned char>(c));
  for (const char* lead : {"!", "after !", "before !", "by !"})
    if (head.rfind(lead, 0) == 0) return {LineKind::Event, at};
  if (digit && tight) {
    // "2020-05-01:Title" but not "Room 4:B" or "http://...": the part must start with a digit.
    return std::isdigit(static_cast<unsigned char>(head[0])) ? std::pair{LineKind::Event, at}
                                                             : std::pair{LineKind::Text, std::size_t(0)};
  }
  if (head[0] == '#') return {LineKind::Text, 0};  // "#Project1: #d336b1", a tag's colour
  if (digit) return {LineKind::Event, at};
  // Without digits: date words only, one of them a day's or month's full name or
  // "now", "today" and the like ("Monday", "last Friday", "yesterday"), is a date; a
  // full name among other words is text that looks like an event line.
  static const std::set<std::string> strong{"today", "yesterday", "tomorrow", "now", "monday", "tuesday",
                                            "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                                            "february", "march", "april", "june", "july", "august", "september",
                                            "october", "november", "december"};
  std::size_t dated = 0, named = 0, words = 0;
  for (const auto& w : head_words(head)) {
    ++words;
    dated += date_word(w) ? 1 : 0;
    named += strong.count(w);
  }
  if (named > 0 && dated == words) return {LineKind::Event, at};
  if (named > 0 && words <= 6) return {LineKind::LooksLikeEvent, at};
  return {LineKind::Text, 0};
}

/// markwhen's slashed dates -> ISO: 12/25/2022 (or 25/12/2022 with d/M/y), 04/1776.
std::string iso_dates(const std::string& range, bool day_first) {
  // An EDTF interval ("2023-12-01/2024-08-08", "2023-01 / 2023-03", "2018/6 months") has
  // no slashed dates to convert: its "01/2024" is not April... of anything.
  static const std::regex edtf(R"(^\s*-?\d{4}(-\d{2}){0,2}\s*/\s*(-?\d{4}(-\d{2}){0,2}|now|\d+\s+\w+)?\s*$)");
  if (std::regex_match(range, edtf)) return range;
  static const std::regex full(R"((^|[^0-9/])(\d{1,2})/(\d{1,2})/(\d{4})(?![0-9/]))");
  static const std::regex month_year(R"((^|[^0-9/])(\d{1,2})/(\d{4})(?![0-9/]))");
  static const std::regex year_first(R"((^|[^0-9/\-])(\d{4})/(\d{1,2})/(\d{1,2})(?![0-9/]))");  // 2023/8/15
  std::string out;
  auto replace = [](const std::string& in, const std::regex& re, auto fmt) {
    std::string res;
    auto begin = std::sregex_iterator(in.begin(), in.end(), re);
    std::size_t last = 0;
    for (auto it = begin; it != std::sregex_iterator(); ++it) {
      res += in.substr(last, std::size_t(it->position()) - last);
      res += fmt(*it);
      last = std::size_t(it->position() + it->length());
    }
    return res + in.substr(last);
  };
  out = replace(range, year_first, [&](const std::smatch& m) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s-%02d-%02d", m[2].str().c_str(), std::stoi(m[3]), std::stoi(m[4]));
    return m[1].str() + buf;
  });
  out = replace(out, full, [&](const std::smatch& m) {
    const std::string a = m[2], b = m[3];
    const int mon = std::stoi(day_first ? b : a), day = std::stoi(day_first ? a : b);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s-%02d-%02d", m[4].str().c_str(), mon, day);
    return m[1].str() + buf;
  });
  out = replace(out, month_year, [&](const std::smatch& m) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s-%02d", m[3].str().c_str(), std::stoi(m[2]));
    return m[1].str() + buf;
  });
  return out;
}

/// A group or section title without its "#tags" and a trailing ':' ("Work: #Work" ->
/// "Work"); the tags go to `tags`.
std::string title_without_tags(const std::string& title, std::vector<std::string>& tags) {
  std::string out;
  std::size_t k = 0;
  while (k < title.size()) {
    std::size_t end = title.find(' ', k);
    if (end == std::string::npos) end = title.size();
    const std::string word = title.substr(k, end - k);
    if (word.size() > 1 && word[0] == '#') tags.push_back(word.substr(1));
    else if (!word.empty()) out += (out.empty() ? "" : " ") + word;
    k = end + 1;
  }
  while (!out.empty() && (out.back() == ':' || out.back() == ' ')) out.pop_back();
  return out;
}

/// "#a #b": a line of tags only.
bool tags_only(const std::string& body) {
  if (body.empty() || body[0] != '#') return false;
  std::size_t k = 0;
  while (k < body.size()) {
    std::size_t end = body.find(' ', k);
    if (end == std::string::npos) end = body.size();
    if (end > k && (body[k] != '#' || end - k < 2)) return false;
    k = end + 1;
  }
  return true;
}

/// An event's property line right after it ("id: p1", "location: Paris").
bool property_line(const std::string& body, std::string& key, std::string& value) {
  const auto colon = body.find(": ");
  if (colon == std::string::npos || colon == 0 || colon > 40) return false;
  for (std::size_t k = 0; k < colon; ++k) {
    const char c = body[k];
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) return false;
  }
  if (!std::isalpha(static_cast<unsigned char>(body[0]))) return false;
  key = ascii_lower(body.substr(0, colon));
  value = trim_space(body.substr(colon + 2));
  return true;
}

/// The recurrence after a date ("2023-01-03 every other week for 1 year"): split off at
/// " every ", lower case.
std::string split_recurrence(std::string& range) {
  const std::string lower = ascii_lower(range);
  const auto at = lower.find(" every ");
  if (at == std::string::npos) return "";
  std::string rule = trim_space(lower.substr(at + 1));
  range = trim_space(range.substr(0, at));
  return rule;
}

}  // namespace

bool looks_like_markwhen(const std::string& text) {
  std::size_t pos = 0, events = 0, lines = 0;
  while (pos < text.size() && lines < 200) {
    std::size_t eol = text.find('\n', pos);
    std::string line = text.substr(pos, eol == std::string::npos ? std::string::npos : eol - pos);
    pos = eol == std::string::npos ? text.size() : eol + 1;
    ++lines;
    const std::string t = trim_space(line);
    if (t.empty()) continue;
    if (t[0] == '{' || t[0] == '[') return false;
    if (event_colon(t).first == LineKind::Event) ++events;
  }
  return events > 0;
}

std::optional<RawTimeline> read_markwhen(const std::string& file, std::string text, Diagnostics& diags) {
  auto shared = std::make_shared<const std::string>(std::move(text));
  auto locator = std::make_shared<OffsetLocator>(file, shared);
  const std::string& t = *shared;
  RawTimeline raw;
  raw.file = file;
  raw.format = "markwhen";
  raw.locator = locator;
  bool day_first = false, in_header = true, front_matter = false, first_line = true;
  std::vector<std::string> groups;
  std::unordered_set<std::string> track_ids;  // so that 100,000 groups cost no quadratic search
  struct OpenSection {
    std::size_t era;
  };
  std::vector<OpenSection> sections;
  std::vector<std::pair<int, std::size_t>> headings;  // "## Heading" sections: level, era
  std::vector<std::string> group_tags;               // tags written on the open group's title line
  bool tag_colors_warned = false;
  RawEvent* current = nullptr;
  std::string description;
  auto finish_event = [&] {
    if (current) current->description.value = trim_space(description), current->description.present = !description.empty();
    current = nullptr;
    description.clear();
  };
  std::size_t pos = t.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0, line_no = 0;
  while (pos < t.size()) {
    const std::size_t line_start = pos;
    std::size_t eol = t.find('\n', pos);
    std::string line = t.substr(pos, eol == std::string::npos ? std::string::npos : eol - pos);
    pos = eol == std::string::npos ? t.size() : eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::string path = "line " + std::to_string(line_no);
    std::size_t indent = 0;
    while (indent < line.size() && std::isspace(static_cast<unsigned char>(line[indent]))) ++indent;
    const std::string body = trim_space(line);
    locator->add(path, line_start + indent);
    if (body.compare(0, 2, "//") == 0) continue;  // a comment line
    if (first_line && body == "---") {
      front_matter = true;
      first_line = false;
      continue;
    }
    if (!body.empty()) first_line = false;
    if (front_matter) {
      if (body == "---") {
        front_matter = false;
        continue;
      }
    }
    const std::string lbody = ascii_lower(body);
    const std::string word = lbody.substr(0, lbody.find(' '));
    // "# Heading" (one to six '#', then a space): a section, ended by the next heading of
    // its level or a higher one.
    if (!front_matter && body[0] == '#') {
      std::size_t level = 0;
      while (level < body.size() && body[level] == '#') ++level;
      if (level <= 6 && level < body.size() && body[level] == ' ') {
        finish_event();
        in_header = false;
        while (!headings.empty() && headings.back().first >= int(level)) headings.pop_back();
        RawEra era;
        era.pointer = path;
        era.title = text_at(trim_space(body.substr(level)), path);
        headings.push_back({int(level), raw.eras.size()});
        raw.eras.push_back(std::move(era));
        continue;
      }
    }
    if (word == "group" || word == "section") {
      finish_event();
      in_header = false;
      std::vector<std::string> tags;
      std::string name = title_without_tags(trim_space(body.substr(word.size())), tags);
      if (word == "group") group_tags = tags;
      if (word == "group") {
        if (!groups.empty()) groups.pop_back();  // a new group ends the previous one
        groups.push_back(name.empty() ? "Group" : name);
        RawTrack tr;
        tr.pointer = path;
        tr.id = text_at(groups.back(), path);
        if (track_ids.insert(groups.back()).second) raw.tracks.push_back(std::move(tr));
      } else {
        RawEra era;
        era.pointer = path;
        era.title = text_at(name.empty() ? "Section" : name, path);
        sections.push_back({raw.eras.size()});
        raw.eras.push_back(std::move(era));
      }
      continue;
    }
    if (lbody == "endgroup" || lbody == "endsection") {
      finish_event();
      auto& stack = lbody == "endgroup" ? groups : groups;
      if (lbody == "endgroup") {
        if (stack.empty()) diags.warning(locator->locate(path), path, "'endGroup' without a 'group'; ignored");
        else stack.pop_back();
        group_tags.clear();
      } else if (sections.empty()) {
        diags.warning(locator->locate(path), path, "'endSection' without a 'section'; ignored");
      } else {
        sections.pop_back();
      }
      continue;
    }
    const auto [kind, colon_at] = event_colon(body);
    if (kind != LineKind::Event || front_matter) {
      if ((in_header || front_matter) && body[0] == '#' && body.find(':') != std::string::npos) {
        if (!tag_colors_warned)  // "#Project1: #d336b1"
          diags.warning(locator->locate(path), path,
                        "tag colours are not drawn (chronicle colours events by track: put them in groups)");
        tag_colors_warned = true;
        continue;
      }
      if (in_header || front_matter) {
        const auto kc = body.find(':');
        if (kc != std::string::npos) {
          const std::string key = ascii_lower(trim_space(body.substr(0, kc))), value = trim_space(body.substr(kc + 1));
          const std::string value_path = path + ", value";
          locator->add(value_path, line_start + indent + kc + 1);
          if (key == "title") raw.title = text_at(value, value_path);
          else if (key == "description") raw.subtitle = text_at(value, value_path);
          else if (key == "dateformat") day_first = ascii_lower(value).rfind("d", 0) == 0;
        }
        continue;
      }
      if (current && tags_only(body)) {  // "#tag #other" under an event: its tags
        for (std::size_t k = 0; k < body.size();) {
          std::size_t end = body.find(' ', k);
          if (end == std::string::npos) end = body.size();
          const std::string tag = end > k + 1 ? body.substr(k + 1, end - k - 1) : "";
          if (ascii_lower(tag) == "milestone") current->milestone = text_at("true", path);
          else if (!tag.empty()) current->tags.push_back(text_at(tag, path));
          k = end + 1;
        }
        continue;
      }
      std::string key, value;
      if (current && description.empty() && kind != LineKind::LooksLikeEvent && property_line(body, key, value)) {
        if (key == "id") {  // "id: p1" names the event for "!p1" references
          current->id = text_at(value, path);
          continue;
        }
      }
      if (kind == LineKind::LooksLikeEvent)
        diags.warning(locator->locate(path), path,
                      "'" + trim_space(body.substr(0, colon_at)) + "' is not a date markwhen or chronicle reads, so this line is " +
                          (current ? "part of the previous event's description" : "ignored"));
      if (current) description += (description.empty() ? "" : "\n") + body;
      continue;
    }
    finish_event();
    in_header = false;
    if (raw.events.size() > limits::max_events) break;  // check_limits reports it; read no further
    std::string range = trim_space(body.substr(0, colon_at));
    const std::string recurrence = split_recurrence(range);
    std::string rest = trim_space(body.substr(colon_at + 1));
    RawEvent e;
    e.pointer = path;
    const std::string date_path = path + ", date";
    locator->add(date_path, line_start + indent);
    e.date = text_at(iso_dates(range, day_first), date_path);
    if (!recurrence.empty()) e.recurrence = text_at(recurrence, date_path);
    // Tags (#word), an id (!word) and links ([text](url) -> text) in the title line.
    std::string title;
    for (std::size_t k = 0; k < rest.size();) {
      const bool word_start = k == 0 || rest[k - 1] == ' ';
      if (word_start && (rest[k] == '#' || rest[k] == '!') && k + 1 < rest.size() && rest[k + 1] != ' ') {
        std::size_t end = rest.find(' ', k);
        if (end == std::string::npos) end = rest.size();
        const std::string token = rest.substr(k + 1, end - k - 1);
        if (rest[k] == '#' && ascii_lower(token) == "milestone") e.milestone = text_at("true", path);
        else if (rest[k] == '#') e.tags.push_back(text_at(token, path));
        else if (!e.id.present) e.id = text_at(token, path);
        k = end;
        continue;
      }
      if (rest[k] == '[') {
        const auto close = rest.find("](", k);
        const auto paren = close == std::string::npos ? close : rest.find(')', close);
        if (paren != std::string::npos) {
          title += rest.substr(k + 1, close - k - 1);
          k = paren + 1;
          continue;
        }
      }
      title += rest[k++];
    }
    const std::string title_path = path + ", title";
    locator->add(title_path, line_start + indent + colon_at + 1);
    e.title = text_at(trim_space(title), title_path);
    if (!groups.empty()) e.track = text_at(groups.back(), path);
    for (const auto& tag : group_tags) e.tags.push_back(text_at(tag, path));
    raw.events.push_back(std::move(e));
    for (const auto& s : sections) raw.eras[s.era].members.push_back(raw.events.size() - 1);
    for (const auto& h : headings) raw.eras[h.second].members.push_back(raw.events.size() - 1);
    current = &raw.events.back();
  }
  finish_event();
  // A "# Heading" with no events under it is structure, not an era.
  std::vector<RawEra> kept;
  for (auto& era : raw.eras)
    if (!(era.members.empty() && !era.start.present && !era.end.present)) kept.push_back(std::move(era));
  raw.eras = std::move(kept);
  return raw;
}

}  // namespace chronicle::input
