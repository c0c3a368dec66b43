#include "input/read_csv.h"

#include "support/text.h"

#include <cstdio>
#include <set>

#include "input/csv_table.h"
#include "support/spellcheck.h"

namespace chronicle::input {
namespace {

/// Cell access by column name, with the cell's path for messages.
struct Row {
  const CsvTable& table;
  std::size_t index;  ///< into table.rows
  std::size_t number() const { return index + 2; }
  RawText cell(int column) const {
    RawText t;
    if (column < 0) return t;
    t.pointer = cell_path(number(), table.header[std::size_t(column)]);
    t.value = table.rows[index][std::size_t(column)];
    t.present = !t.value.empty();
    return t;
  }
};

void warn_unknown_columns(const CsvTable& table, const std::set<int>& used, const std::vector<std::string>& known,
                          const std::string& hint, Diagnostics& diags) {
  for (std::size_t c = 0; c < table.header.size(); ++c) {
    if (used.count(int(c)) || table.header[c].empty() || table.repeated[c]) continue;
    const std::string path = cell_path(1, table.header[c]);
    diags.warning(table.locator->locate(path), path,
                  "column '" + table.header[c] + "' is not used" + did_you_mean(table.header[c], known) + hint);
  }
}

/// "14:30", "2:30 PM", "14:30:15" -> {hour, minute, second} texts; false when unreadable.
bool split_time(std::string t, std::string& h, std::string& m, std::string& s) {
  t = ascii_lower(t);
  bool pm = false, am = false;
  for (const char* suffix : {"pm", "am", "p.m.", "a.m."}) {
    const std::string sfx = suffix;
    if (t.size() > sfx.size() && t.compare(t.size() - sfx.size(), sfx.size(), sfx) == 0) {
      (sfx[0] == 'p' ? pm : am) = true;
      t.resize(t.size() - sfx.size());
    }
  }
  while (!t.empty() && t.back() == ' ') t.pop_back();
  int hh = -1, mm = 0, ss = -1;
  char tail = 0;
  const int n = std::sscanf(t.c_str(), "%d:%d:%d%c", &hh, &mm, &ss, &tail);
  if (n < 1 || n == 4 || hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss > 59) return false;
  if (n == 1 && t.find(':') != std::string::npos) return false;
  if ((pm || am) && (hh < 1 || hh > 12)) return false;
  if (pm && hh != 12) hh += 12;
  if (am && hh == 12) hh = 0;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", hh);
  h = buf;
  std::snprintf(buf, sizeof buf, "%02d", mm);
  m = buf;
  s.clear();
  if (ss >= 0) {
    std::snprintf(buf, sizeof buf, "%02d", ss);
    s = buf;
  }
  return true;
}

/// TimelineJS's Year/Month/Day/Time cells -> an ISO date of the precision given.
RawText timelinejs_date(const Row& row, int year_c, int month_c, int day_c, int time_c, Diagnostics& diags) {
  RawText year = row.cell(year_c), month = row.cell(month_c), day = row.cell(day_c), time = row.cell(time_c);
  RawText out;
  out.pointer = year.pointer;
  if (!year.present) {
    if (month.present || day.present || time.present) {
      diags.error(row.table.locator->locate(year.pointer), year.pointer, "a date needs a year");
      out.invalid = true;
    }
    return out;
  }
  auto number = [&](const RawText& t, const char* what, long long& v) {
    try {
      std::size_t used = 0;
      v = std::stoll(t.value, &used);
      // Twelve digits at most: a year of a TimelineJS sheet, never near what negation overflows.
      if (used == t.value.size() && v > -1'000'000'000'000 && v < 1'000'000'000'000) return true;
    } catch (...) {
    }
    diags.error(row.table.locator->locate(t.pointer), t.pointer,
                std::string(what) + " must be a whole number, not '" + t.value + "'");
    out.invalid = true;
    return false;
  };
  long long y = 0, m = 0, d = 0;
  if (!number(year, "the year", y)) return out;
  if (y < 0) ++y;  // TimelineJS's -500 is 500 BCE (astronomical -499), as its JSON's
  if (month.present && !number(month, "the month", m)) return out;
  if (day.present && !number(day, "the day", d)) return out;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s%04lld", y < 0 ? "-" : "", y < 0 ? -y : y);
  std::string iso = buf;
  if (month.present) {
    std::snprintf(buf, sizeof buf, "-%02lld", m);
    iso += buf;
    if (day.present) {
      std::snprintf(buf, sizeof buf, "-%02lld", d);
      iso += buf;
      if (time.present) {
        std::string hh, mm, ss;
        if (!split_time(time.value, hh, mm, ss)) {
          diags.error(row.table.locator->locate(time.pointer), time.pointer,
                      "the time '" + time.value + "' is not of the form 14:30, 14:30:15 or 2:30 PM");
          out.invalid = true;
          return out;
        }
        iso += "T" + hh + ":" + mm + (ss.empty() ? "" : ":" + ss);
      }
    }
  }
  out.value = iso;
  out.present = true;
  return out;
}

}  // namespace

bool looks_like_timelinejs_csv(const std::string& text) {
  const std::string head = ascii_lower(text.substr(0, text.find('\n')));
  return head.find("year") != std::string::npos && head.find("headline") != std::string::npos;
}

std::optional<RawTimeline> read_timelinejs_csv(const std::string& file, std::string text, Diagnostics& diags) {
  auto table = read_csv_table(file, std::move(text), diags);
  if (!table) return std::nullopt;
  static const std::vector<std::string> columns{
      "Year",           "Month",   "Day",  "Time",          "End Year",      "End Month",
      "End Day",        "End Time", "Display Date", "Headline", "Text",         "Media",
      "Media Credit",   "Media Caption", "Media Thumbnail", "Type", "Group", "Background"};
  std::vector<int> c(columns.size());
  std::set<int> used;
  for (std::size_t k = 0; k < columns.size(); ++k) {
    c[k] = table->column(columns[k]);
    if (c[k] >= 0) used.insert(c[k]);
  }
  enum { Year, Month, Day, Time, EndYear, EndMonth, EndDay, EndTime, Display, Headline, Text, Media, MediaCredit,
         MediaCaption, MediaThumbnail, Type, Group, Background };
  warn_unknown_columns(*table, used, columns, " (TimelineJS columns are read by name)", diags);
  RawTimeline raw;
  raw.file = file;
  raw.format = "timelinejs-csv";
  raw.locator = table->locator;
  bool media_warned = false;
  for (std::size_t r = 0; r < table->rows.size(); ++r) {
    Row row{*table, r};
    const std::string type = ascii_lower(row.cell(c[Type]).value);
    const RawText headline = row.cell(c[Headline]), body = row.cell(c[Text]);
    if (type == "title") {
      raw.title = headline;
      raw.subtitle = body;
      continue;
    }
    bool empty = true;
    for (const auto& cell : table->rows[r]) empty = empty && cell.empty();
    if (empty) continue;
    if (!media_warned && row.cell(c[Media]).present) {
      const RawText m = row.cell(c[Media]);
      diags.warning(table->locator->locate(m.pointer), m.pointer, "media (images, video) are not drawn on posters; ignored");
      media_warned = true;
    }
    RawText start = timelinejs_date(row, c[Year], c[Month], c[Day], c[Time], diags);
    RawText end = timelinejs_date(row, c[EndYear], c[EndMonth], c[EndDay], c[EndTime], diags);
    if (type == "era") {
      RawEra era;
      era.pointer = row_path(row.number());
      era.title = headline;
      era.start = start;
      era.end = end;
      raw.eras.push_back(std::move(era));
      continue;
    }
    RawEvent e;
    e.pointer = row_path(row.number());
    e.title = headline;
    e.description = body;
    if (!headline.present && body.present) e.title = text_at(title_from_text(body.value), body.pointer);
    if (end.present || end.invalid) {
      e.start = start;
      e.end = end;
    } else {
      e.date = start;
      if (!start.present && !start.invalid) e.date.pointer = cell_path(row.number(), "Year");
    }
    e.track = row.cell(c[Group]);
    e.date_label = row.cell(c[Display]);
    raw.events.push_back(std::move(e));
  }
  return raw;
}

const std::vector<std::string>& csv_fields() {
  static const std::vector<std::string> f{"id",     "title", "date",       "start",     "end",
                                          "description", "track", "tags", "sources", "date_label",
                                          "source", "source_url", "published", "milestone"};
  return f;
}

std::optional<RawTimeline> read_csv(const std::string& file, std::string text,
                                    const std::map<std::string, std::string>& columns, Diagnostics& diags) {
  auto table = read_csv_table(file, std::move(text), diags);
  if (!table) return std::nullopt;
  const auto& fields = csv_fields();
  std::map<std::string, int> col;
  std::set<int> used;
  bool bad = false;
  for (const auto& f : fields) {
    auto m = columns.find(f);
    const std::string name = m == columns.end() ? f : m->second;
    int k = table->column(name);
    if (k < 0 && m != columns.end()) {
      const std::string path = row_path(1);
      diags.error(table->locator->locate(path), path,
                  "no column '" + name + "' (mapped to '" + f + "' by --columns)" + did_you_mean(name, table->header));
      bad = true;
    }
    col[f] = k;
    if (k >= 0) used.insert(k);
  }
  if (col["title"] < 0 && !bad) {
    const std::string path = row_path(1);
    diags.error(table->locator->locate(path), path,
                "no 'title' column: name a column 'title', or map one with --columns title=COLUMN");
    bad = true;
  }
  if (col["date"] < 0 && col["start"] < 0 && !bad) {
    const std::string path = row_path(1);
    diags.error(table->locator->locate(path), path,
                "no 'date' (or 'start') column: name one so, or map one with --columns date=COLUMN");
    bad = true;
  }
  if (bad) return std::nullopt;
  warn_unknown_columns(*table, used, fields, " (map it with --columns FIELD=COLUMN)", diags);
  RawTimeline raw;
  raw.file = file;
  raw.format = "csv";
  raw.locator = table->locator;
  auto split_list = [](const RawText& t) {
    std::vector<RawText> out;
    std::string cur;
    auto flush = [&] {
      while (!cur.empty() && cur.back() == ' ') cur.pop_back();
      if (!cur.empty()) out.push_back(text_at(cur, t.pointer));
      cur.clear();
    };
    for (char ch : t.value) {
      if (ch == ';' || ch == ',' || ch == '|') flush();
      else if (!(ch == ' ' && cur.empty())) cur += ch;
    }
    flush();
    return out;
  };
  std::set<std::string> sources_seen;
  for (std::size_t r = 0; r < table->rows.size(); ++r) {
    Row row{*table, r};
    bool empty = true;
    for (const auto& cell : table->rows[r]) empty = empty && cell.empty();
    if (empty) continue;
    RawEvent e;
    e.pointer = row_path(row.number());
    e.id = row.cell(col["id"]);
    e.title = row.cell(col["title"]);
    e.date = row.cell(col["date"]);
    e.start = row.cell(col["start"]);
    e.end = row.cell(col["end"]);
    if (!e.date.present && !e.start.present) e.date.pointer = col["date"] >= 0 ? row.cell(col["date"]).pointer : e.pointer;
    e.description = row.cell(col["description"]);
    e.track = row.cell(col["track"]);
    e.date_label = row.cell(col["date_label"]);
    e.milestone = row.cell(col["milestone"]);
    e.tags = split_list(row.cell(col["tags"]));
    e.sources = split_list(row.cell(col["sources"]));
    const RawText source = row.cell(col["source"]);
    if (source.present) {
      if (sources_seen.insert(source.value).second) {
        RawSource s;
        s.pointer = source.pointer;
        s.id = source;
        s.title = source;
        s.url = row.cell(col["source_url"]);
        s.published = row.cell(col["published"]);
        raw.sources.push_back(std::move(s));
      }
      e.sources.push_back(source);
    }
    raw.events.push_back(std::move(e));
  }
  return raw;
}

}  // namespace chronicle::input
