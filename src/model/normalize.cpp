#include "model/normalize.h"

#include "support/limits.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include "model/date/format_date_label.h"
#include "support/text.h"
#include "model/date/parse_date.h"
#include "model/date/parse_relative.h"
#include "model/merge_events.h"
#include "support/spellcheck.h"

namespace chronicle::model {
namespace {

/// http://, https:// or mailto: (any case), the URLs a PDF link may open.
bool is_link_url(const std::string& url) {
  const std::string lower = ascii_lower(url.substr(0, 8));
  return lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0 || lower.rfind("mailto:", 0) == 0;
}

using input::RawText;
using input::RawTimeline;

bool valid_color(const std::string& c) {
  if (c.size() != 4 && c.size() != 7) return false;
  if (c[0] != '#') return false;
  return std::all_of(c.begin() + 1, c.end(), [](char ch) { return std::isxdigit(static_cast<unsigned char>(ch)); });
}

/// What a relative date in one claim is resolved against.
struct Reference {
  std::optional<DateValue> day;  ///< for "Monday", "last October"
  std::string kind;              ///< "source report-turn", "--reference-date"
};

/// The dates of one claim, parsed.
struct ParsedClaim {
  DateValue start;
  std::optional<DateValue> end;
};

class Normalizer {
 public:
  Normalizer(Timeline& tl, Diagnostics& diags, const NormalizeOptions& options)
      : tl_(tl), diags_(diags), options_(options) {
    if (!options.reference_date.empty()) {
      auto d = parse_date(options.reference_date);
      if (auto* v = std::get_if<DateValue>(&d)) reference_date_ = *v;
      else diags_.error({"--reference-date", 0, 0}, "", std::get<DateError>(d).message);
    }
  }

  void read(const RawTimeline& raw) {
    raw_ = &raw;
    ++file_index_;
    chain_ids_.clear();
    chain_starts_.clear();
    file_now_ = latest_written_date(raw);
    last_seen_.reset();
    if (tl_.title.empty()) tl_.title = shown(raw.title);
    if (tl_.subtitle.empty()) tl_.subtitle = shown(raw.subtitle);
    if (tl_.author.empty()) tl_.author = raw.author.value;
    if (raw.orientation.present) {
      if (raw.orientation.value != "horizontal" && raw.orientation.value != "vertical")
        error(raw.orientation, "orientation must be \"horizontal\" or \"vertical\"");
      else if (tl_.orientation.empty())
        tl_.orientation = raw.orientation.value;
    }
    for (const auto& k : raw.keywords)
      if (std::find(tl_.keywords.begin(), tl_.keywords.end(), k.value) == tl_.keywords.end())
        tl_.keywords.push_back(k.value);
    for (const auto& s : raw.sources) read_source(s);
    for (const auto& t : raw.tracks) read_track(t);
    event_of_raw_.assign(raw.events.size(), -1);
    for (std::size_t i = 0; i < raw.events.size(); ++i) {
      const std::size_t before = tl_.events.size();
      read_event(raw.events[i]);
      if (tl_.events.size() > before) event_of_raw_[i] = long(before);
    }
    for (const auto& e : raw.eras) read_era(e);
    for (const auto& i : raw.insets) read_inset(i);
  }

  /// The required `start` and `end` of an era or inset (absolute dates), or nullopt after
  /// reporting what is missing or wrong.
  std::optional<std::pair<DateValue, DateValue>> date_pair(const std::string& pointer, const RawText& start,
                                                           const RawText& end, const char* what) {
    if (!start.present || !end.present) {
      error_at(pointer, std::string(what) + " needs 'start' and 'end'");
      return std::nullopt;
    }
    auto s = date(start, {}, std::nullopt);
    auto e = date(end, {}, std::nullopt);
    if (!s || !e) return std::nullopt;
    return std::make_pair(*s, *e);
  }

  void read_inset(const input::RawInset& r) {
    auto dates = date_pair(r.pointer, r.start, r.end, "an inset");
    if (!dates) return;
    const DateValue *s = &dates->first, *e = &dates->second;
    if (e->to <= s->from) {
      error(r.end, "inset ends (" + r.end.value + ") before it starts (" + r.start.value + ")");
      return;
    }
    tl_.insets.push_back({shown(r.title), *s, *e});
  }

  void finish() {
    if (tl_.keywords.empty())
      for (const auto& e : tl_.events)
        for (const auto& t : e.tags)
          if (std::find(tl_.keywords.begin(), tl_.keywords.end(), t) == tl_.keywords.end()) tl_.keywords.push_back(t);
    resolve_open_ends();
    if (options_.merge && file_index_ > 1) merge();
    settle_claims();
    generate_ids();
    check_spans();
    std::vector<std::size_t> order(tl_.events.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return tl_.events[a].anchor() < tl_.events[b].anchor();
    });
    std::vector<Event> sorted;
    sorted.reserve(order.size());
    for (auto k : order) sorted.push_back(std::move(tl_.events[k]));
    tl_.events = std::move(sorted);
    number_sources();
  }

 private:
  void error(const RawText& t, const std::string& msg) { diags_.error(raw_->locate(t.pointer), t.pointer, msg); }
  void error_at(const std::string& pointer, const std::string& msg) {
    diags_.error(raw_->locate(pointer), pointer, msg);
  }
  void warning(const RawText& t, const std::string& msg) { diags_.warning(raw_->locate(t.pointer), t.pointer, msg); }

  /// A text that is drawn (a title): line breaks and tabs as spaces; other control
  /// characters (U+0000 cut a drawn title short) removed, with a warning; so are the bidi
  /// overrides U+202D and U+202E, which draw the text after them backwards ("evil" as
  /// "live"), with a warning of their own. (Right-to-left letters need no override: the
  /// bidi algorithm orders them, and layout isolates each field from the ones beside it.)
  std::string shown(const RawText& t) {
    std::string out;
    bool removed = false, overrides = false;
    const std::string& v = t.value;
    for (std::size_t i = 0; i < v.size(); ++i) {
      const char c = v[i];
      const unsigned char u = static_cast<unsigned char>(c);
      if (u == 0xE2 && i + 2 < v.size() && static_cast<unsigned char>(v[i + 1]) == 0x80 &&
          (static_cast<unsigned char>(v[i + 2]) == 0xAD || static_cast<unsigned char>(v[i + 2]) == 0xAE)) {
        overrides = true;
        i += 2;
      } else if (c == '\n' || c == '\r' || c == '\t') {
        out += ' ';
      } else if (u < 0x20 || u == 0x7f) {
        removed = true;
      } else {
        out += c;
      }
    }
    if (removed) warning(t, "control characters removed from the text (they cannot be drawn)");
    if (overrides)
      warning(t, "bidi override characters (U+202D, U+202E) removed: they would draw the text after them "
                 "reversed");
    return out;
  }

  /// Parses one date: absolute (ISO, EDTF, casual), relative to the claim's reference day
  /// ("Monday"), or chained to another event ("after !phase1 2 weeks"). `base` is where a
  /// chain without an id starts (the previous date, or the start of the same claim).
  std::optional<DateValue> date(const RawText& t, const Reference& ref, std::optional<Seconds> base,
                                std::optional<Seconds>* chained_from = nullptr) {
    auto parsed = parse_date(t.value);
    if (auto* d = std::get_if<DateValue>(&parsed)) return *d;
    std::optional<DateValue> ref_day = ref.day;
    std::string kind = ref.kind;
    if (!t.reference.empty()) {  // a model read back: resolve against what it was resolved against
      auto r = parse_date(t.reference);
      if (auto* v = std::get_if<DateValue>(&r)) {
        ref_day = *v;
        kind = "resolved_against";
        base = v->from;
      }
    }
    if (is_relative_date(t.value)) {
      if (!ref_day) {
        error(t, "relative date '" + t.value +
                     "' needs a reference day: cite a source with a 'published' date, or pass --reference-date");
        return std::nullopt;
      }
      // Which way a date without a year points: the direction the date's own words give
      // ("last", "next"), else the tense and cue words of the event's sentence, else nearest.
      const DirectionCue cue = t.direction.empty() ? sentence_direction_ : DirectionCue{direction_named(t.direction), ""};
      auto rel = parse_relative(t.value, *ref_day, cue.direction);
      if (auto* err = std::get_if<DateError>(&*rel)) {
        error(t, err->message);
        return std::nullopt;
      }
      DateValue d = std::get<DateValue>(*rel);
      d.resolved_against = ref_day->text;
      d.reference = kind;
      if (!d.direction.empty() && !cue.cue.empty()) d.direction += " ('" + cue.cue + "')";
      if (!d.direction.empty() && !t.direction.empty()) d.direction = t.direction;  // read back as written
      return d;
    }
    if (auto chain = parse_chain(t.value)) {
      const Duration& dur = chain->duration;
      const bool moment = !dur.years && !dur.months && !dur.days && !dur.seconds && !dur.business_days;
      if (!chain->id.empty() && t.reference.empty()) {
        // "!x" and "after !x" count from x's end; "before !x", "by !x" and "!x.start" from its start.
        const bool start_side = chain->part == "start" || (chain->part.empty() && chain->before);
        const auto& ids = start_side ? chain_starts_ : chain_ids_;
        auto it = ids.find(chain->id);
        if (it == ids.end()) {
          error(t, "'" + t.value + "' refers to '!" + chain->id + "', which no earlier event in this file has");
          return std::nullopt;
        }
        base = it->second;
        kind = "event " + chain->id;
      } else if (t.reference.empty()) {
        kind = "previous date";
      }
      if (!base) {
        error(t, "'" + t.value + "' counts from the previous date, but there is none before it");
        return std::nullopt;
      }
      DateValue d;
      d.text = t.value;
      d.resolved_against = format_iso(*base);
      d.reference = kind;
      if (moment) {  // "!x", "by !x", "!x.start": the moment itself, a date of its own
        // An event's end at midnight is the end of its last day: that day, not the next.
        const bool midnight = *base % seconds_per_day == 0;
        const bool end_side = !(chain->part == "start" || (chain->part.empty() && chain->before));
        d.from = midnight && end_side ? *base - seconds_per_day : *base;
        d.to = midnight ? d.from + seconds_per_day : *base + 1;
        d.precision = midnight ? Precision::Day : Precision::Second;
        return d;
      }
      d.precision = std::max(chain->duration.unit, Precision::Day);
      if (chain->before) {  // "before !x 1 month": the month that ends as x starts
        Duration back = dur;
        back.years = -back.years, back.months = -back.months, back.days = -back.days, back.seconds = -back.seconds;
        d.from = d.to = *base;
        if (chained_from) *chained_from = add_duration(*base, back);
        return d;
      }
      d.from = add_duration(*base, chain->duration);
      d.to = d.from;
      if (chained_from) *chained_from = *base;
      return d;
    }
    error(t, std::get<DateError>(parsed).message);
    return std::nullopt;
  }

  /// The reference day for a claim citing `sources`: the first with a published day, else
  /// --reference-date.
  Reference reference_for(const std::vector<int>& sources) const {
    for (int s : sources)
      if (tl_.sources[s].published) return {tl_.sources[s].published, "source " + tl_.sources[s].id};
    if (reference_date_) return {reference_date_, "--reference-date"};
    return {};
  }

  std::vector<int> source_list(const std::vector<RawText>& raw) {
    std::vector<int> out;
    for (const auto& s : raw) {
      auto it = source_index_.find(s.value);
      if (it == source_index_.end()) {
        std::vector<std::string> ids;
        for (const auto& src : tl_.sources) ids.push_back(src.id);
        error(s, "unknown source '" + s.value + "'" + did_you_mean(s.value, ids));
      } else if (std::find(out.begin(), out.end(), it->second) == out.end()) {
        out.push_back(it->second);
      }
    }
    return out;
  }

  void read_source(const input::RawSource& s) {
    if (!s.id.present || s.id.value.empty()) {
      error_at(s.pointer, "a source needs an 'id' that events cite");
      return;
    }
    if (source_index_.count(s.id.value)) {
      // The same source named by two input files (two articles citing one report) is one source.
      if (source_file_[s.id.value] == file_index_) error(s.id, "duplicate source id '" + s.id.value + "'");
      return;
    }
    Source src{s.id.value, s.title.present ? shown(s.title) : s.id.value, s.url.value, false, std::nullopt, 0};
    src.linkable = is_link_url(s.url.value);
    if (!s.url.value.empty() && !src.linkable)
      warning(s.url, "source '" + s.id.value + "': only http, https and mailto URLs become links; '" +
                         utf8_prefix(s.url.value, 60) + "' is shown as text");
    if (s.published.present) {
      auto d = parse_date(s.published.value);
      if (auto* v = std::get_if<DateValue>(&d)) src.published = *v;
      else error(s.published, std::get<DateError>(d).message);
    }
    source_index_[src.id] = int(tl_.sources.size());
    source_file_[src.id] = file_index_;
    tl_.sources.push_back(std::move(src));
  }

  void read_track(const input::RawTrack& t) {
    if (!t.id.present || t.id.value.empty()) {
      error_at(t.pointer, "a track needs an 'id' that events name in their 'track'");
      return;
    }
    if (auto it = track_index_.find(t.id.value); it != track_index_.end()) {
      if (track_file_[t.id.value] == file_index_) error(t.id, "duplicate track id '" + t.id.value + "'");
      else if (tl_.tracks[it->second].color.empty()) tl_.tracks[it->second].color = t.color.value;
      return;
    }
    if (t.color.present && !valid_color(t.color.value)) {
      error(t.color, "color '" + t.color.value + "' is not of the form #rrggbb or #rgb");
    }
    track_index_[t.id.value] = int(tl_.tracks.size());
    track_file_[t.id.value] = file_index_;
    tl_.tracks.push_back({t.id.value, t.title.present ? shown(t.title) : t.id.value, t.color.value});
  }

  int track_for(const RawText& t, bool create) {
    if (!t.present) return -1;
    auto it = track_index_.find(t.value);
    if (it != track_index_.end()) return it->second;
    if (!create) {
      std::vector<std::string> ids;
      for (const auto& tr : tl_.tracks) ids.push_back(tr.id);
      error(t, "unknown track '" + t.value + "'" + did_you_mean(t.value, ids));
      return -1;
    }
    track_index_[t.value] = int(tl_.tracks.size());
    track_file_[t.value] = file_index_;
    tl_.tracks.push_back({t.value, t.value, ""});
    return int(tl_.tracks.size()) - 1;
  }

  /// Reads a claim's date fields: `date` (a date or an EDTF interval), or `start` [+ `end`].
  std::optional<ParsedClaim> read_dates(const std::string& pointer, const RawText& date_t, const RawText& start_t,
                                        const RawText& end_t, const Reference& ref) {
    if (date_t.invalid || start_t.invalid || end_t.invalid) return std::nullopt;  // already reported
    if (date_t.present && (start_t.present || end_t.present)) {
      error(start_t.present ? start_t : end_t, "an event has either 'date' or 'start'/'end', not both");
      return std::nullopt;
    }
    if (date_t.present) {
      if (auto range = split_range(date_t.value)) {  // "1939 - 1945", "2012-2013", "01/2023 - 2 weeks"
        RawText s = date_t, e = date_t;
        s.value = range->first;
        e.value = range->second;
        RawText none;
        return read_dates(pointer, none, s, e, ref);
      }
      if (auto iv = parse_interval(date_t.value)) {
        if (auto* err = std::get_if<DateError>(&*iv)) {
          error(date_t, err->message);
          return std::nullopt;
        }
        auto& v = std::get<DateInterval>(*iv);
        return ParsedClaim{v.start, v.end};
      }
      std::optional<Seconds> chained;  // where a chain counted from
      auto d = date(date_t, ref, last_seen_, &chained);
      if (!d) return std::nullopt;
      if (d->present) {  // markwhen's "now: ..."
        d = now_start(date_t, ref);
        if (!d) return std::nullopt;
      }
      if (chained) {  // markwhen's "2 weeks": starts at the previous date and lasts 2 weeks
        DateValue start = *d, end = *d;
        start.from = start.to = *chained;
        start.text = format_iso(start.from);  // an absolute instant, so the model reads back the same
        start.resolved_against.clear();
        start.precision = Precision::Second;
        if (start.from % seconds_per_day == 0) {
          start.text.resize(start.text.size() - 10);
          start.precision = Precision::Day;
        }
        start.to = start.from + (start.precision == Precision::Day ? seconds_per_day : 1);
        end.to = d->from;
        end.from = std::max(start.from, d->from - 1);
        return ParsedClaim{start, end};
      }
      return ParsedClaim{*d, std::nullopt};
    }
    auto open_end = [](const RawText& t) -> std::optional<DateValue> {
      if (t.value != ".." && !t.value.empty()) return std::nullopt;
      DateValue d;
      d.text = t.value;
      d.open = true;
      return d;
    };
    if (start_t.present && end_t.present && (open_end(start_t) || open_end(end_t))) {
      if (open_end(start_t) && open_end(end_t)) {
        error(start_t, "an interval needs at least one end that is a date");
        return std::nullopt;
      }
      auto s = open_end(start_t) ? open_end(start_t) : date(start_t, ref, last_seen_);
      auto e = open_end(end_t) ? open_end(end_t) : date(end_t, ref, std::nullopt);
      if (!s || !e) return std::nullopt;
      if (s->open) s->precision = e->precision;
      if (e->open) e->precision = s->precision;
      return ParsedClaim{*s, *e};
    }
    if (start_t.present) {
      auto s = date(start_t, ref, last_seen_);
      if (!s) return std::nullopt;
      if (s->present) {  // markwhen's "now - 1 year: ..."
        s = now_start(start_t, ref);
        if (!s) return std::nullopt;
      }
      if (!end_t.present) return ParsedClaim{*s, *s};  // a start alone is a span of its own precision
      std::optional<Seconds> chained;
      auto e = date(end_t, ref, s->from, &chained);
      if (!e) return std::nullopt;
      if (chained) {  // "01/01/2023 - 2 weeks": the end counts from the start
        e->to = e->from;
        e->from = std::max(s->from, e->to - 1);
      }
      return ParsedClaim{*s, *e};
    }
    if (end_t.present) {
      error(end_t, "'end' needs a 'start'");
      return std::nullopt;
    }
    error_at(pointer, "an event needs a 'date' (or 'start' and 'end')");
    return std::nullopt;
  }

  /// "now" as a start (markwhen's "now: ..."): the reference day when there is one
  /// (--reference-date, a cited source's date), else the day of the latest date written in
  /// the file; never the clock, so the same file gives the same poster tomorrow.
  std::optional<DateValue> now_start(const RawText& t, const Reference& ref) {
    std::optional<DateValue> base = ref.day;
    std::string kind = ref.kind;
    if (!base && file_now_) base = file_now_, kind = "latest date in the file";
    if (!base) {
      error(t, "'" + t.value + "' as a start needs a day to stand for: pass --reference-date, or date another event "
               "in the file");
      return std::nullopt;
    }
    DateValue d;
    const std::int64_t day = floor_div(base->to - 1, seconds_per_day);
    d.from = day * seconds_per_day;
    d.to = d.from + seconds_per_day;
    d.precision = Precision::Day;
    d.text = t.value;
    d.resolved_against = format_iso(d.from).substr(0, format_iso(d.from).size() - 10);
    d.reference = kind;
    return d;
  }

  /// The latest absolute date a file writes (for "now" as a start); nullopt when none.
  static std::optional<DateValue> latest_written_date(const RawTimeline& raw) {
    std::optional<DateValue> latest;
    auto see = [&](const std::string& text) {
      std::vector<std::string> parts{text};
      if (auto range = split_range(text)) parts = {range->first, range->second};
      auto consider = [&](const DateValue& v) {
        if (!v.present && !v.open && (!latest || v.to > latest->to)) latest = v;
      };
      for (const auto& p : parts) {
        auto d = parse_date(p);
        if (auto* v = std::get_if<DateValue>(&d)) consider(*v);
        if (auto iv = parse_interval(p); iv && std::holds_alternative<DateInterval>(*iv)) {
          consider(std::get<DateInterval>(*iv).start);
          consider(std::get<DateInterval>(*iv).end);
        }
      }
    };
    for (const auto& e : raw.events) {
      for (const auto* t : {&e.date, &e.start, &e.end})
        if (t->present) see(t->value);
      for (const auto& c : e.claims)
        for (const auto* t : {&c.date, &c.start, &c.end})
          if (t->present) see(t->value);
    }
    return latest;
  }

  /// A date range written with a dash or "to" ("1939 - 1945", "2012-2013",
  /// "2020-02-22T12:13:14Z-now", "1 week - 3 days"), split where both sides are dates.
  /// nullopt for a single date (an ISO date's own dashes never split it).
  static std::optional<std::pair<std::string, std::string>> split_range(const std::string& text) {
    auto is_date = [](const std::string& t) {
      if (t.empty()) return false;
      return std::holds_alternative<DateValue>(parse_date(t)) || is_relative_date(t) || parse_chain(t).has_value();
    };
    if (text.find('/') != std::string::npos) {  // EDTF A/B, unless its right side is a duration ("2023-04/4 months")
      auto iv = parse_interval(text);
      if (iv && std::holds_alternative<DateInterval>(*iv)) return std::nullopt;
    }
    if (is_date(text)) return std::nullopt;
    auto trim = [](std::string t) {
      while (!t.empty() && t.back() == ' ') t.pop_back();
      while (!t.empty() && t.front() == ' ') t.erase(t.begin());
      return t;
    };
    // "285–247 BCE": the era written once, after the second year, is both years'.
    auto with_era = [&](const std::string& a, const std::string& b) {
      const std::string lb = ascii_lower(b);
      for (const char* era : {" bce", " bc", " b.c.", " ce", " ad"}) {
        const std::string e = era;
        if (lb.size() > e.size() && lb.compare(lb.size() - e.size(), e.size(), e) == 0 && all_digits(a))
          return a + b.substr(b.size() - e.size());
      }
      return a;
    };
    // "January 3 - Apr 6 2024": the year written once, after the second date, is both dates'.
    auto with_year = [&](const std::string& a, const std::string& b) {
      const auto space = b.find_last_of(' ');
      if (space == std::string::npos || !std::holds_alternative<DateError>(parse_date(a))) return a;
      const std::string year = b.substr(space + 1);
      if (year.size() != 4 || !all_digits(year)) return a;
      const std::string dated = a + " " + year;
      return std::holds_alternative<DateValue>(parse_date(dated)) ? dated : a;
    };
    for (const char* sep : {" – ", " — ", " - ", " to ", " / ", "–", "-", "/"}) {
      const std::size_t n = std::string(sep).size();
      for (std::size_t at = text.find(sep, 1); at != std::string::npos; at = text.find(sep, at + 1)) {
        std::string b = trim(text.substr(at + n)), a = with_year(with_era(trim(text.substr(0, at)), b), b);
        const bool slash = std::string(sep).find('/') != std::string::npos;
        if (slash && !parse_chain(b) && !parse_chain(a)) continue;  // a slash splits here only beside a duration or an !id
        if (is_date(a) && (is_date(b) || b == "..")) return std::make_pair(a, b);
      }
    }
    return std::nullopt;
  }

  /// A yes/no field: a JSON boolean ("true"/"false") or a CSV cell.
  bool read_flag(const RawText& t) {
    if (!t.present || t.invalid) return false;
    const std::string v = ascii_lower(t.value);
    if (v == "true" || v == "yes" || v == "y" || v == "1" || v == "x") return true;
    if (v == "false" || v == "no" || v == "n" || v == "0" || v.empty()) return false;
    error(t, "'" + t.value + "' is not yes or no (write true, yes, 1 or x; false, no, 0 or nothing)");
    return false;
  }

  static Direction direction_named(const std::string& name) {
    return name.rfind("past", 0) == 0 ? Direction::Past : name.rfind("future", 0) == 0 ? Direction::Future : Direction::Nearest;
  }

  void read_event(const input::RawEvent& r) {
    sentence_direction_ = direction_of(r.title.value + " " + r.description.value);
    Event e;
    e.pointer = r.pointer;
    if (!r.title.invalid && r.title.value.empty()) error_at(r.pointer, "an event needs a 'title'");
    e.title = shown(r.title);
    e.description = r.description.value;
    e.date_label = r.date_label.value;
    e.milestone = read_flag(r.milestone);
    e.id = r.id.value;
    if (r.id.present && r.id.value.empty()) error(r.id, "an event id must not be empty");
    e.track = track_for(r.track, true);
    e.tags.reserve(r.tags.size());
    for (const auto& t : r.tags) e.tags.push_back(t.value);
    e.sources = source_list(r.sources);
    bool ok = true;
    RawText end_text = r.end;
    if (!r.claims.empty()) {
      if (r.date.present || r.start.present || r.end.present) {
        error(r.date.present ? r.date : r.start.present ? r.start : r.end,
              "an event has either 'claims' or a date of its own, not both");
        ok = false;
      }
      for (const auto& rc : r.claims) {
        std::vector<int> sources = source_list(rc.sources);
        auto parsed = read_dates(rc.pointer, rc.date, rc.start, rc.end, reference_for(sources.empty() ? e.sources : sources));
        if (!parsed) {
          ok = false;
          continue;
        }
        for (int s : sources)
          if (std::find(e.sources.begin(), e.sources.end(), s) == e.sources.end()) e.sources.push_back(s);
        e.claims.push_back({parsed->start, parsed->end, std::move(sources), raw_->file});
        if (rc.end.present && end_text.pointer.empty()) end_text = rc.end;
      }
    } else {
      auto parsed = read_dates(r.pointer, r.date, r.start, r.end, reference_for(e.sources));
      if (parsed) e.claims.push_back({parsed->start, parsed->end, e.sources, raw_->file});
      else ok = false;
    }
    if (!ok || e.claims.empty()) return;
    e.start = e.claims.front().start;
    e.end = e.claims.front().end;
    if (e.milestone && e.end) {
      warning(r.milestone, "'" + e.title + "' is a span, and a milestone marks a moment: it is drawn as a bar");
      e.milestone = false;
    }
    if (!e.end && r.date.present && r.date.value.find('/') != std::string::npos) end_text = r.date;
    if (e.end && !r.end.present && r.date.present) end_text = r.date;
    if (!e.start.open) last_seen_ = e.last();
    if (r.id.present && !r.id.value.empty()) {
      chain_ids_[r.id.value] = e.last();
      chain_starts_[r.id.value] = e.first();
    }
    pending_.push_back({r.id, end_text, raw_, file_index_});
    tl_.events.push_back(std::move(e));
    if (r.recurrence.present && !too_many_occurrences_) recur(r, end_text);
  }

  /// markwhen's recurrence ("every other week for 1 year", "every 2 days x10", "every
  /// month until 2024-06", "every year 5 times"): one event per occurrence, the first being
  /// the event as written. Without an end it recurs up to the file's latest date; past
  /// max_occurrences a warning says how many were drawn.
  void recur(const input::RawEvent& r, const RawText& end_text) {
    static constexpr std::int64_t max_occurrences = 1000;
    std::vector<std::string> w;
    {
      std::string cur;
      for (char c : ascii_lower(r.recurrence.value) + " ") {
        if (c == ' ' || c == ',') {
          if (!cur.empty()) w.push_back(cur);
          cur.clear();
        } else {
          cur += c;
        }
      }
    }
    auto fail = [&] {
      error(r.recurrence, "cannot read the recurrence '" + r.recurrence.value +
                              "': write it as markwhen does ('every 2 weeks for 1 year', 'every other day x10', "
                              "'every month until 2024-06')");
    };
    std::size_t k = 0;
    if (k >= w.size() || w[k] != "every") return fail();
    ++k;
    std::int64_t n = 1;
    if (k < w.size() && w[k] == "other") n = 2, ++k;
    else if (k < w.size() && all_digits(w[k])) n = std::stoll(w[k]), ++k;
    if (k >= w.size()) return fail();
    auto unit = parse_duration("1 " + w[k]);
    if (!unit || n < 1 || n > 1'000'000) return fail();
    ++k;
    Duration step = *unit;
    step.years *= n, step.months *= n, step.days *= n, step.seconds *= n, step.business_days *= n;
    std::int64_t count = 0;
    std::optional<Seconds> stop;  // no occurrence starts at or after this
    const Event first = tl_.events.back();
    const Seconds start0 = first.start.from;
    if (k < w.size()) {
      std::vector<std::string> rest(w.begin() + std::ptrdiff_t(k), w.end());
      std::string joined;
      for (std::size_t i = 0; i < rest.size(); ++i) joined += (i ? " " : "") + rest[i];
      if (rest.size() == 1 && rest[0].size() > 1 && rest[0][0] == 'x' && all_digits(rest[0].substr(1))) {
        count = std::stoll(rest[0].substr(1));  // "x10"
      } else if (rest.size() == 2 && all_digits(rest[0]) && (rest[1] == "times" || rest[1] == "time")) {
        count = std::stoll(rest[0]);  // "10 times"
      } else if (rest.size() == 3 && rest[0] == "for" && all_digits(rest[1]) && (rest[2] == "times" || rest[2] == "time")) {
        count = std::stoll(rest[1]);  // "for 10 times"
      } else if (rest[0] == "for") {  // "for 1 year" ("for" alone: no duration)
        auto span = parse_duration(joined.size() > 4 ? joined.substr(4) : std::string());
        if (!span) return fail();
        stop = add_duration(start0, *span);
      } else if (rest[0] == "until") {  // ("until" alone: no date)
        const std::size_t at = ascii_lower(r.recurrence.value).find("until");
        const std::string& v = r.recurrence.value;
        auto until = parse_date(at != std::string::npos && at + 6 <= v.size() ? v.substr(at + 6) : std::string());
        auto* u = std::get_if<DateValue>(&until);
        if (!u) return fail();
        stop = u->to;
      } else {
        return fail();
      }
    }
    if (!count && !stop) stop = file_now_ ? std::optional<Seconds>(file_now_->to) : std::optional<Seconds>(start0 + 1);
    std::int64_t made = 1;
    bool capped = false;
    for (std::int64_t i = 1;; ++i) {
      if (count && made >= count) break;
      Duration by = step;
      by.years *= i, by.months *= i, by.days *= i, by.seconds *= i, by.business_days *= i;
      const Seconds at = add_duration(start0, by);
      if (stop && at >= *stop) break;
      if (made >= max_occurrences) {
        capped = true;
        break;
      }
      if (tl_.events.size() >= limits::max_events) {  // many recurring lines in one small file
        if (!too_many_occurrences_)
          error(r.recurrence, "recurring events make more than " + std::to_string(limits::max_events) +
                                  " events; the limit is " + std::to_string(limits::max_events) + " per timeline");
        too_many_occurrences_ = true;
        return;
      }
      Event copy = first;
      copy.id.clear();
      const Seconds shift = at - start0;
      for (auto& c : copy.claims) {
        for (DateValue* d : {&c.start, c.end ? &*c.end : nullptr}) {
          if (!d) continue;
          d->from += shift;
          d->to += shift;
          d->text = format_iso(d->from);
          const std::string midnight = "T00:00:00Z";
          if (d->precision <= Precision::Day && d->text.size() > midnight.size() &&
              d->text.compare(d->text.size() - midnight.size(), midnight.size(), midnight) == 0)
            d->text.resize(d->text.size() - midnight.size());
          d->resolved_against = first.start.text;
          d->reference = "recurrence of " + (first.id.empty() ? first.title : first.id);
        }
      }
      copy.start = copy.claims.front().start;
      copy.end = copy.claims.front().end;
      pending_.push_back({RawText{}, end_text, raw_, file_index_});
      tl_.events.push_back(std::move(copy));
      ++made;
    }
    if (capped)
      warning(r.recurrence, "'" + r.recurrence.value + "' recurs more than " + std::to_string(max_occurrences) +
                                " times; the first " + std::to_string(max_occurrences) + " are drawn");
  }

  void read_era(const input::RawEra& r) {
    Era era;
    era.title = shown(r.title);
    if (!r.title.present) error_at(r.pointer, "an era needs a 'title'");
    if (!r.start.present && !r.end.present && !r.members.empty()) {  // a markwhen section: its events' extent
      bool any = false;
      for (auto m : r.members) {
        if (m >= event_of_raw_.size() || event_of_raw_[m] < 0) continue;
        const Event& e = tl_.events[std::size_t(event_of_raw_[m])];
        if (!any || e.first() < era.start.from) era.start = e.start;
        const DateValue& last = e.end ? *e.end : e.start;
        if (!any || last.to > era.end.to) era.end = last;
        any = true;
      }
      if (any) tl_.eras.push_back(std::move(era));
      return;
    }
    auto dates = date_pair(r.pointer, r.start, r.end, "an era");
    if (!dates) return;
    era.start = dates->first;
    era.end = dates->second;
    era.track = track_for(r.track, false);
    if (!era.end.present && era.end.to < era.start.from) {
      error(r.end, "era ends (" + r.end.value + ") before it starts (" + r.start.value + ")");
      return;
    }
    tl_.eras.push_back(std::move(era));
  }

  /// "present" and open interval ends ("2004-06/..") reach the last date the timeline
  /// mentions; open starts ("../1985") the first. Output never depends on the clock.
  void resolve_open_ends() {
    Seconds latest = 0, earliest = 0;
    bool any = false;
    auto see = [&](const DateValue& d) {
      if (d.present || d.open) return;
      latest = any ? std::max(latest, d.to) : d.to;
      earliest = any ? std::min(earliest, d.from) : d.from;
      any = true;
    };
    auto each_date = [&](auto f) {
      for (auto& e : tl_.events)
        for (auto& c : e.claims) {
          f(c.start, nullptr);
          if (c.end) f(*c.end, &c.start);
        }
      for (auto& era : tl_.eras) {
        f(era.start, nullptr);
        f(era.end, &era.start);
      }
    };
    each_date([&](DateValue& d, const DateValue*) { see(d); });
    each_date([&](DateValue& d, const DateValue* start) {
      if (!d.present && !d.open) return;
      if (start) {  // an end
        d.from = std::max(latest, start->to);
        if (d.open) d.from = std::max(d.from, start->from + 1);
        d.to = d.from;
        d.precision = start->precision;
      } else {      // an open start
        d.from = d.to = earliest;
      }
    });
    for (auto& e : tl_.events)
      for (auto& c : e.claims)
        if (c.start.open && c.end) c.start.from = c.start.to = std::min(c.start.from, c.end->from);
    for (auto& e : tl_.events) {
      e.start = e.claims.front().start;
      e.end = e.claims.front().end;
    }
  }

  void merge() {
    std::vector<MergeCandidate> cands;
    cands.reserve(tl_.events.size());
    for (std::size_t k = 0; k < tl_.events.size(); ++k)
      cands.push_back({&tl_.events[k], pending_[k].file, pending_[k].id.present ? pending_[k].id.value : ""});
    const auto groups = merge_groups(cands);
    std::vector<Event> events;
    std::vector<PendingEvent> pending;
    for (const auto& g : groups) {
      Event merged = std::move(tl_.events[g.front()]);
      PendingEvent p = pending_[g.front()];
      for (std::size_t k = 1; k < g.size(); ++k) {
        Event& other = tl_.events[g[k]];
        if (merged.id.empty() && !other.id.empty()) {
          merged.id = other.id;
          p.id = pending_[g[k]].id;
          p.raw = pending_[g[k]].raw;
        }
        if (merged.description.empty()) merged.description = other.description;
        if (merged.date_label.empty()) merged.date_label = other.date_label;
        merged.milestone = merged.milestone || other.milestone;
        if (merged.track < 0) merged.track = other.track;
        for (auto& t : other.tags)
          if (std::find(merged.tags.begin(), merged.tags.end(), t) == merged.tags.end()) merged.tags.push_back(t);
        for (int s : other.sources)
          if (std::find(merged.sources.begin(), merged.sources.end(), s) == merged.sources.end())
            merged.sources.push_back(s);
        for (auto& c : other.claims) merged.claims.push_back(std::move(c));
      }
      events.push_back(std::move(merged));
      pending.push_back(p);
    }
    tl_.events = std::move(events);
    pending_ = std::move(pending);
  }

  /// An event's date is the most precise of its claims when they agree; when they do
  /// not, it is disputed: the first claim stands and the poster marks the event.
  void settle_claims() {
    for (std::size_t k = 0; k < tl_.events.size(); ++k) {
      Event& e = tl_.events[k];
      if (e.claims.size() < 2) continue;
      const Claim* best = &e.claims.front();
      bool agree = true;
      for (const auto& c : e.claims) {
        agree = agree && claims_agree(e.claims.front(), c);
        if (c.start.precision > best->start.precision || (c.end && !best->end)) best = &c;
      }
      for (std::size_t a = 1; agree && a < e.claims.size(); ++a)
        for (std::size_t b = a + 1; agree && b < e.claims.size(); ++b) agree = claims_agree(e.claims[a], e.claims[b]);
      if (agree) {
        e.start = best->start;
        e.end = best->end;
        continue;
      }
      e.disputed = true;
      e.start = e.claims.front().start;
      e.end = e.claims.front().end;
      std::string said;
      for (const auto& c : e.claims) {
        said += said.empty() ? "" : "; ";
        said += c.end ? format_span_label(c.start, *c.end) : format_date_label(c.start);
        std::string who;
        for (int s : c.sources) who += (who.empty() ? "" : ", ") + tl_.sources[s].id;
        said += " (" + (who.empty() ? c.file : who) + ")";
      }
      const PendingEvent& p = pending_[k];
      const std::string pointer = p.id.present ? p.id.pointer : tl_.events[k].pointer;
      diags_.warning(p.raw->locate(pointer), pointer,
                     "sources disagree on the date of '" + e.title + "': " + said + "; the poster marks it disputed");
    }
  }

  void check_spans() {
    for (std::size_t k = 0; k < tl_.events.size(); ++k) {
      const Event& e = tl_.events[k];
      const auto& p = pending_[k];
      if (e.end && !e.end->present && !e.end->open && e.end->to <= e.start.from) {
        diags_.error(p.raw->locate(p.end.pointer), p.end.pointer,
                     "end " + p.end.value + " is before start " + e.start.text);
      }
    }
  }

  void generate_ids() {
    std::map<std::string, std::size_t> seen;  // id -> pending index
    for (std::size_t k = 0; k < pending_.size(); ++k) {
      const auto& p = pending_[k];
      if (!p.id.present) continue;
      auto [it, fresh] = seen.emplace(p.id.value, k);
      if (!fresh) {
        const auto& first = pending_[it->second];
        SourceLocation fl = first.raw->locate(first.id.pointer);
        diags_.error(p.raw->locate(p.id.pointer), p.id.pointer,
                     "duplicate event id '" + p.id.value + "' (first used at " + fl.file + ":" +
                         std::to_string(fl.line) + ")");
      }
    }
    std::map<std::string, int> next_number;  // per base, where to go on counting (not from 2 each time)
    for (std::size_t k = 0; k < pending_.size(); ++k) {
      Event& e = tl_.events[k];
      if (pending_[k].id.present) continue;
      const std::string base = slug(e.title, "event");
      std::string id = base;
      int& n = next_number.emplace(base, 2).first->second;
      while (seen.count(id)) id = base + "-" + std::to_string(n++);
      seen.emplace(id, 0);
      e.id = id;
    }
  }

  void number_sources() {
    int next = 1;
    for (const auto& e : tl_.events)
      for (int s : e.sources)
        if (tl_.sources[s].number == 0) tl_.sources[s].number = next++;
    for (auto& s : tl_.sources)
      if (s.number == 0) s.number = next++;
  }

  struct PendingEvent {
    RawText id, end;
    const RawTimeline* raw;
    int file;
  };

  Timeline& tl_;
  Diagnostics& diags_;
  const NormalizeOptions& options_;
  std::optional<DateValue> reference_date_;
  const RawTimeline* raw_ = nullptr;
  int file_index_ = 0;
  std::map<std::string, int> source_index_, track_index_, source_file_, track_file_;
  std::map<std::string, Seconds> chain_ids_;  ///< markwhen "!id" -> end of that event, in this file
  std::map<std::string, Seconds> chain_starts_;  ///< markwhen "!id" -> start of that event ("before !id", "!id.start")
  std::optional<DateValue> file_now_;
  DirectionCue sentence_direction_;  ///< the tense and cue words of the event being read
  bool too_many_occurrences_ = false;  ///< recurrences reached the event limit (said once)  ///< markwhen "now" as a start without a reference: the file's latest date
  std::optional<Seconds> last_seen_;          ///< end of the previous event in this file
  std::vector<PendingEvent> pending_;         ///< parallel to tl_.events
  std::vector<long> event_of_raw_;            ///< this file's raw event index -> tl_.events index, or -1
};

}  // namespace

Timeline normalize(const std::vector<input::RawTimeline>& raws, Diagnostics& diags, const NormalizeOptions& options) {
  Timeline tl;
  Normalizer n(tl, diags, options);
  for (const auto& raw : raws) n.read(raw);
  n.finish();
  return tl;
}

}  // namespace chronicle::model
