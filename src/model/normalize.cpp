#include "model/normalize.h"

#include <algorithm>
#include <map>

#include "model/date/parse_date.h"
#include "support/spellcheck.h"

namespace chronicle::model {
namespace {

using input::RawText;
using input::RawTimeline;

bool valid_color(const std::string& c) {
  if (c.size() != 4 && c.size() != 7) return false;
  if (c[0] != '#') return false;
  return std::all_of(c.begin() + 1, c.end(), [](char ch) { return std::isxdigit(static_cast<unsigned char>(ch)); });
}

std::string slug(const std::string& title) {
  std::string s;
  for (unsigned char ch : title) {
    if (std::isalnum(ch)) s += char(std::tolower(ch));
    else if (!s.empty() && s.back() != '-') s += '-';
    if (s.size() >= 40) break;
  }
  while (!s.empty() && s.back() == '-') s.pop_back();
  return s.empty() ? "event" : s;
}

class Normalizer {
 public:
  Normalizer(Timeline& tl, Diagnostics& diags) : tl_(tl), diags_(diags) {}

  void read(const RawTimeline& raw) {
    raw_ = &raw;
    if (tl_.title.empty()) tl_.title = raw.title.value;
    if (tl_.subtitle.empty()) tl_.subtitle = raw.subtitle.value;
    if (tl_.author.empty()) tl_.author = raw.author.value;
    if (raw.orientation.present) {
      if (raw.orientation.value != "horizontal" && raw.orientation.value != "vertical")
        error(raw.orientation, "orientation must be \"horizontal\" or \"vertical\"");
      else if (tl_.orientation.empty())
        tl_.orientation = raw.orientation.value;
    }
    for (const auto& k : raw.keywords) tl_.keywords.push_back(k.value);
    for (const auto& s : raw.sources) read_source(s);
    for (const auto& t : raw.tracks) read_track(t);
    for (std::size_t i = 0; i < raw.events.size(); ++i) read_event(raw.events[i]);
    for (const auto& e : raw.eras) read_era(e);
  }

  void finish() {
    if (tl_.keywords.empty())
      for (const auto& e : tl_.events)
        for (const auto& t : e.tags)
          if (std::find(tl_.keywords.begin(), tl_.keywords.end(), t) == tl_.keywords.end()) tl_.keywords.push_back(t);
    resolve_present();
    generate_ids();
    check_spans();
    std::stable_sort(tl_.events.begin(), tl_.events.end(),
                     [](const Event& a, const Event& b) { return a.anchor() < b.anchor(); });
    number_sources();
  }

 private:
  void error(const RawText& t, const std::string& msg) { diags_.error(raw_->locate(t.pointer), t.pointer, msg); }
  void error_at(const std::string& pointer, const std::string& msg) {
    diags_.error(raw_->locate(pointer), pointer, msg);
  }
  void warning(const RawText& t, const std::string& msg) { diags_.warning(raw_->locate(t.pointer), t.pointer, msg); }

  std::optional<DateValue> date(const RawText& t) {
    auto parsed = parse_date(t.value);
    if (auto* err = std::get_if<DateError>(&parsed)) {
      error(t, err->message);
      return std::nullopt;
    }
    return std::get<DateValue>(parsed);
  }

  void read_source(const input::RawSource& s) {
    if (!s.id.present || s.id.value.empty()) {
      error_at(s.pointer, "a source needs an 'id' that events cite");
      return;
    }
    if (source_index_.count(s.id.value)) {
      error(s.id, "duplicate source id '" + s.id.value + "'");
      return;
    }
    Source src{s.id.value, s.title.present ? s.title.value : s.id.value, s.url.value, std::nullopt, 0};
    if (s.published.present) src.published = date(s.published);
    source_index_[src.id] = int(tl_.sources.size());
    tl_.sources.push_back(std::move(src));
  }

  void read_track(const input::RawTrack& t) {
    if (!t.id.present || t.id.value.empty()) {
      error_at(t.pointer, "a track needs an 'id' that events name in their 'track'");
      return;
    }
    if (track_index_.count(t.id.value)) {
      error(t.id, "duplicate track id '" + t.id.value + "'");
      return;
    }
    if (t.color.present && !valid_color(t.color.value)) {
      error(t.color, "color '" + t.color.value + "' is not of the form #rrggbb or #rgb");
    }
    track_index_[t.id.value] = int(tl_.tracks.size());
    tl_.tracks.push_back({t.id.value, t.title.present ? t.title.value : t.id.value, t.color.value});
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
    tl_.tracks.push_back({t.value, t.value, ""});
    return int(tl_.tracks.size()) - 1;
  }

  void read_event(const input::RawEvent& r) {
    Event e;
    e.pointer = r.pointer;
    if (!r.title.invalid && r.title.value.empty()) error_at(r.pointer, "an event needs a 'title'");
    e.title = r.title.value;
    e.description = r.description.value;
    e.id = r.id.value;
    if (r.id.present && r.id.value.empty()) error(r.id, "an event id must not be empty");
    bool ok = true;
    if (r.date.invalid || r.start.invalid || r.end.invalid) {
      ok = false;  // already reported by the reader
    } else if (r.date.present && (r.start.present || r.end.present)) {
      error(r.start.present ? r.start : r.end, "an event has either 'date' or 'start'/'end', not both");
      ok = false;
    } else if (r.date.present) {
      auto d = date(r.date);
      if (d && d->present) {
        error(r.date, "'present' is only an end date");
        d.reset();
      }
      if (d) e.start = *d;
      ok = d.has_value();
    } else if (r.start.present) {
      auto s = date(r.start);
      if (s && s->present) {
        error(r.start, "'present' is only an end date");
        s.reset();
      }
      if (s) e.start = *s;
      ok = s.has_value();
      if (r.end.present) {
        auto en = date(r.end);
        if (en) e.end = *en;
        ok = ok && en.has_value();
      } else {
        e.end = e.start;  // a start alone is a span of its own precision
      }
    } else if (r.end.present) {
      error(r.end, "'end' needs a 'start'");
      ok = false;
    } else {
      error_at(r.pointer, "an event needs a 'date' (or 'start' and 'end')");
      ok = false;
    }
    e.track = track_for(r.track, true);
    e.tags.reserve(r.tags.size());
    for (const auto& t : r.tags) e.tags.push_back(t.value);
    for (const auto& s : r.sources) {
      auto it = source_index_.find(s.value);
      if (it == source_index_.end()) {
        std::vector<std::string> ids;
        for (const auto& src : tl_.sources) ids.push_back(src.id);
        error(s, "unknown source '" + s.value + "'" + did_you_mean(s.value, ids));
      } else if (std::find(e.sources.begin(), e.sources.end(), it->second) == e.sources.end()) {
        e.sources.push_back(it->second);
      }
    }
    if (!ok) return;
    pending_.push_back({tl_.events.size(), r.id, r.end, raw_});
    tl_.events.push_back(std::move(e));
  }

  void read_era(const input::RawEra& r) {
    Era era;
    era.title = r.title.value;
    if (!r.title.present) error_at(r.pointer, "an era needs a 'title'");
    if (!r.start.present || !r.end.present) {
      error_at(r.pointer, "an era needs 'start' and 'end'");
      return;
    }
    auto s = date(r.start);
    auto e = date(r.end);
    if (!s || !e) return;
    era.start = *s;
    era.end = *e;
    era.track = track_for(r.track, false);
    if (!era.end.present && era.end.to < era.start.from) {
      error(r.end, "era ends (" + r.end.value + ") before it starts (" + r.start.value + ")");
      return;
    }
    era_pending_.push_back({tl_.eras.size(), r.end, raw_});
    tl_.eras.push_back(std::move(era));
  }

  /// "present" is the end of the latest date the timeline mentions, so output never
  /// depends on the clock.
  void resolve_present() {
    Seconds latest = 0;
    bool any = false;
    auto see = [&](const DateValue& d) {
      if (d.present) return;
      latest = any ? std::max(latest, d.to) : d.to;
      any = true;
    };
    for (const auto& e : tl_.events) {
      see(e.start);
      if (e.end) see(*e.end);
    }
    for (const auto& era : tl_.eras) {
      see(era.start);
      see(era.end);
    }
    auto fix = [&](DateValue& d, const DateValue& start) {
      if (!d.present) return;
      d.from = std::max(latest, start.to);
      d.to = d.from;
      d.precision = start.precision;
    };
    for (auto& e : tl_.events)
      if (e.end) fix(*e.end, e.start);
    for (auto& era : tl_.eras) fix(era.end, era.start);
  }

  void check_spans() {
    for (const auto& p : pending_) {
      const Event& e = tl_.events[p.index];
      if (e.end && !e.end->present && e.end->to <= e.start.from) {
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
    for (auto& p : pending_) {
      Event& e = tl_.events[p.index];
      if (p.id.present) continue;
      std::string base = slug(e.title);
      std::string id = base;
      for (int n = 2; seen.count(id); ++n) id = base + "-" + std::to_string(n);
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
    std::size_t index;
    RawText id, end;
    const RawTimeline* raw;
  };
  struct PendingEra {
    std::size_t index;
    RawText end;
    const RawTimeline* raw;
  };

  Timeline& tl_;
  Diagnostics& diags_;
  const RawTimeline* raw_ = nullptr;
  std::map<std::string, int> source_index_, track_index_;
  std::vector<PendingEvent> pending_;
  std::vector<PendingEra> era_pending_;
};

}  // namespace

Timeline normalize(const std::vector<input::RawTimeline>& raws, Diagnostics& diags) {
  Timeline tl;
  Normalizer n(tl, diags);
  for (const auto& raw : raws) n.read(raw);
  n.finish();
  return tl;
}

}  // namespace chronicle::model
