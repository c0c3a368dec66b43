#include "extract/extract_timeline.h"

#include <algorithm>
#include <map>
#include <set>
#include <variant>

#include <nlohmann/json.hpp>

#include "extract/article.h"
#include "extract/tagger.h"
#include "extract/title_clause.h"
#include "model/date/format_date_label.h"
#include "model/date/parse_date.h"
#include "model/merge_events.h"
#include "support/text.h"

namespace chronicle::extract {
namespace {

using json = nlohmann::ordered_json;
using model::DateValue;
using model::Precision;

/// One dated happening of one article.
struct Happening {
  std::size_t article = 0;
  std::size_t order = 0;  // in the article
  std::string title, description, label, date;
  DateValue value;
  json quote;
};

/// A source id from an article's file name ("reports/Musk talks.txt" -> "musk-talks").
std::string source_id(const std::string& path) {
  std::string stem = path;
  if (const auto slash = stem.find_last_of('/'); slash != std::string::npos) stem.erase(0, slash + 1);
  if (const auto dot = stem.find_last_of('.'); dot != std::string::npos && dot > 0) stem.erase(dot);
  return slug(stem, "article");
}

/// The date as chronicle JSON writes it, at the precision the text supports.
std::string date_text(const DateValue& d, const std::string& value) {
  const model::CivilTime mid = model::civil_from_seconds(d.middle());
  if (d.approximate) {  // "early 2020": the words, when chronicle reads them back the same
    auto again = model::parse_date(d.text);
    if (auto* v = std::get_if<DateValue>(&again); v && v->from == d.from && v->to == d.to) return d.text;
  }
  switch (d.precision) {
    case Precision::Quarter: return "Q" + value.substr(value.size() - 1) + " " + value.substr(0, value.find('-'));
    case Precision::Season: {
      const std::string code = value.substr(value.size() - 2);
      const char* name = code == "SP" ? "spring " : code == "SU" ? "summer " : code == "FA" ? "autumn " : "winter ";
      return name + std::to_string(mid.date.year);
    }
    case Precision::Hour: return value + ":00";
    default: return value;
  }
}

bool eventful(const Mention& m) {
  return (m.type == "DATE" || m.type == "TIME") && m.date && m.date->precision >= Precision::Year &&
         m.resolved != "unresolved";
}

std::size_t word_count(const std::string& s) {
  std::size_t n = 0;
  bool in = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

}  // namespace

std::optional<Extraction> extract_timeline(const std::vector<ArticleFile>& files, const ExtractOptions& options,
                                           Diagnostics& diags) {
  json sources = json::array(), mentions = json::array();
  std::vector<Happening> all;
  std::vector<std::string> ids, titles;
  std::vector<model::Event> events;  // for the merge
  bool failed = false;
  for (std::size_t ai = 0; ai < files.size(); ++ai) {
    const ArticleFile& f = files[ai];
    auto article = read_article(f.path, f.bytes, options.published, diags);
    if (!article) {
      failed = true;
      continue;
    }
    const Article& a = *article;
    std::string id = source_id(f.path);
    for (int n = 2; std::count(ids.begin(), ids.end(), id); ++n) id = source_id(f.path) + "-" + std::to_string(n);
    ids.push_back(id);
    Anchors anchors;
    anchors.published = a.published;
    const std::size_t before = diags.error_count();
    Tagged tagged = tag_text(f.path, a.text, a.body, anchors, diags);
    if (diags.error_count() > before) failed = true;
    std::string title = a.title;
    if (title.empty() && !tagged.sentences.empty()) {
      const Sentence& s = tagged.sentences.front();
      title = clause_title(one_line(a.text.substr(s.begin, s.end - s.begin)));
    }
    if (title.empty()) title = id;
    titles.push_back(title);
    json src{{"id", id}, {"title", title}};
    if (a.published) src["published"] = timex_value(*a.published);
    if (!a.url.empty()) src["url"] = a.url;
    sources.push_back(src);
    // Every expression, the article's own date first.
    // Code point offsets, counted once a block of 256 bytes (a long article has many).
    std::vector<std::size_t> blocks{0};
    for (std::size_t b = 256; b <= a.text.size(); b += 256) blocks.push_back(blocks.back() + code_points(a.text, b, b - 256));
    auto cp = [&](std::size_t byte) { return blocks[byte / 256] + code_points(a.text, byte, byte / 256 * 256); };
    if (a.published_in_text) {
      mentions.push_back({{"source", id},
                          {"start", cp(a.date_begin)},
                          {"end", cp(a.date_end)},
                          {"text", a.text.substr(a.date_begin, a.date_end - a.date_begin)},
                          {"type", "DATE"},
                          {"value", timex_value(*a.published)},
                          {"from", model::format_iso(a.published->from)},
                          {"to", model::format_iso(a.published->to)},
                          {"precision", model::precision_name(a.published->precision)},
                          {"rule", "publication"},
                          {"resolved", "the article's date"}});
    }
    std::size_t found = 0;
    std::map<std::string, std::vector<std::size_t>> by_date;  // this article's happenings by date
    std::set<std::string> seen;                               // and their dates and titles
    std::size_t last_sentence = std::size_t(-1), in_sentence = 0;
    for (const Mention& m : tagged.mentions) {
      json j{{"source", id},
             {"start", cp(m.begin)},
             {"end", cp(m.end)},
             {"text", m.text},
             {"type", m.type},
             {"value", m.value},
             {"from", m.date ? json(model::format_iso(m.date->from)) : json(nullptr)},
             {"to", m.date ? json(model::format_iso(m.date->to)) : json(nullptr)},
             {"precision", m.date ? json(model::precision_name(m.date->precision)) : json(nullptr)},
             {"rule", m.rule},
             {"resolved", m.resolved}};
      if (!m.mod.empty()) j["mod"] = m.mod;
      mentions.push_back(j);
      if (!eventful(m)) continue;
      // At most eight happenings a sentence (a real one dates three or four things; a text
      // without full stops would otherwise make every title from the same long "sentence").
      if (m.sentence == last_sentence && ++in_sentence > 8) continue;
      if (m.sentence != last_sentence) last_sentence = m.sentence, in_sentence = 1;
      const Sentence& s = tagged.sentences[m.sentence];
      const std::string sentence = a.text.substr(s.begin, s.end - s.begin);
      if (word_count(sentence) < 5) continue;  // a heading, a caption
      Happening h;
      h.article = ai;
      h.order = found;
      std::string flat = sentence;  // line breaks as spaces, every offset kept
      for (char& c : flat)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      h.title = happening_title(flat, m.begin - s.begin, m.end - s.begin);
      if (h.title.empty()) continue;
      h.description = one_line(sentence);
      h.label = m.label;
      h.value = *m.date;
      h.date = date_text(*m.date, m.value);
      h.quote = {{"source", id}, {"start", cp(s.begin)}, {"end", cp(s.end)}, {"text", sentence},
                 {"rule", m.resolved}};
      // The same happening twice in one article (the same date, most of the same words): once.
      bool again = !seen.insert(h.date + '\x1f' + h.title).second;  // said again in the same words
      std::vector<std::size_t>& same_day = by_date[h.date];
      // (The first 64 of a day are compared: an article that dates a thousand things to one
      // day stays linear.)
      for (std::size_t oi : same_day) {
        if (&oi - same_day.data() >= 64) break;
        const Happening& o = all[oi];
        const auto a1 = model::title_words(o.title), b1 = model::title_words(h.title);
        std::size_t shared = 0;
        for (const auto& x : b1) shared += std::count(a1.begin(), a1.end(), x) > 0;
        again = again || shared * 2 >= std::min(a1.size(), b1.size());
      }
      if (again) continue;
      ++found;
      same_day.push_back(all.size());
      all.push_back(std::move(h));
    }
    if (found == 0 && diags.error_count() == before && files.size() > 1)
      diags.warning({f.path, 0, 0}, "", "no dated happening found in this article");
  }
  if (failed) return std::nullopt;
  if (all.empty()) {
    diags.error({files.empty() ? "" : files.front().path, 0, 0}, "",
                "no dated happening found in any article: nothing to put on a timeline");
    return std::nullopt;
  }
  // Articles that report the same happening: one event, every source, every claim.
  for (const Happening& h : all) {
    model::Event e;
    e.title = h.title;
    e.start = h.value;
    events.push_back(e);
  }
  std::vector<model::MergeCandidate> cands;
  for (std::size_t k = 0; k < all.size(); ++k) cands.push_back({&events[k], int(all[k].article), ""});
  std::vector<std::vector<std::size_t>> groups;
  if (files.size() > 1) {
    groups = model::merge_groups(cands);
  } else {  // (one article: nothing to merge across)
    for (std::size_t k = 0; k < all.size(); ++k) groups.push_back({k});
  }
  std::stable_sort(groups.begin(), groups.end(), [&](const auto& a, const auto& b) {
    const Happening &x = all[a.front()], &y = all[b.front()];
    return std::tuple(x.value.from, x.article, x.order) < std::tuple(y.value.from, y.article, y.order);
  });
  json out_events = json::array();
  for (const auto& g : groups) {
    // The event speaks with its most precise report (then the fullest title).
    std::size_t best = g.front();
    for (std::size_t k : g) {
      const Happening &c = all[k], &b = all[best];
      if (std::pair(c.value.precision, c.title.size()) > std::pair(b.value.precision, b.title.size())) best = k;
    }
    const Happening& h = all[best];
    json e{{"title", h.title}};
    if (g.size() == 1) {
      e["date"] = h.date;
    } else {
      json claims = json::array();
      for (std::size_t k : g)
        claims.push_back({{"date", all[k].date}, {"sources", {ids[all[k].article]}}, {"quote", all[k].quote}});
      e["claims"] = claims;
    }
    e["date_label"] = h.label;
    e["description"] = h.description;
    json srcs = json::array();
    for (std::size_t k : g)
      if (std::find(srcs.begin(), srcs.end(), ids[all[k].article]) == srcs.end()) srcs.push_back(ids[all[k].article]);
    e["sources"] = srcs;
    e["quote"] = h.quote;
    out_events.push_back(e);
  }
  json doc;
  if (titles.size() == 1) {
    doc["title"] = titles.front();
    doc["subtitle"] = "Dated happenings found by chronicle extract";
  } else {
    doc["title"] = "From " + std::to_string(titles.size()) + " articles";
    std::string sub;
    for (const auto& t : titles) sub += (sub.empty() ? "" : "; ") + t;
    doc["subtitle"] = utf8_prefix(sub, 200);
  }
  if (!options.title.empty()) doc["title"] = options.title;
  doc["sources"] = sources;
  doc["events"] = out_events;
  Extraction x;
  x.timeline_json = doc.dump(2) + "\n";
  x.mentions_json = mentions.dump(2) + "\n";
  x.events = out_events.size();
  return x;
}

}  // namespace chronicle::extract
