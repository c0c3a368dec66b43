#include "extract/article.h"

#include <cctype>
#include <regex>
#include <variant>
#include <vector>

#include "model/date/parse_date.h"
#include "support/json_document.h"
#include "support/text.h"

namespace chronicle::extract {
namespace {

/// The byte offset of the first byte that is not part of valid UTF-8, or npos.
std::size_t invalid_utf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size() || (n == 2 && c < 0xC2) || (n == 4 && c > 0xF4)) return i;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    if (n == 3) {
      const auto c1 = static_cast<unsigned char>(s[i + 1]);
      if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) return i;  // overlong, surrogate
    }
    if (n == 4) {
      const auto c1 = static_cast<unsigned char>(s[i + 1]);
      if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90)) return i;
    }
    i += n;
  }
  return std::string::npos;
}

struct Line {
  std::size_t begin, end;  // bytes, end before the newline
  std::size_t next;        // the next line's start
};

std::vector<Line> lines_of(const std::string& text, std::size_t from, std::size_t max_lines) {
  std::vector<Line> out;
  std::size_t i = from;
  while (i < text.size() && out.size() < max_lines) {
    std::size_t e = text.find('\n', i);
    const std::size_t next = e == std::string::npos ? text.size() : e + 1;
    if (e == std::string::npos) e = text.size();
    std::size_t end = e;
    if (end > i && text[end - 1] == '\r') --end;
    out.push_back({i, end, next});
    i = next;
  }
  return out;
}

/// A date to the day (or finer) at the start of `s`: the longest run of 1 to 5 words that
/// parses; its length in bytes, or 0.
std::size_t leading_date(const std::string& s, model::DateValue& out) {
  std::vector<std::size_t> ends;
  std::size_t i = 0;
  while (i < s.size() && ends.size() < 5) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j == i) break;
    ends.push_back(j);
    i = j;
  }
  for (std::size_t k = ends.size(); k-- > 0;) {
    std::string candidate = s.substr(0, ends[k]);
    while (!candidate.empty() && (candidate.back() == ',' || candidate.back() == '|')) candidate.pop_back();
    auto parsed = model::parse_date(trim_space(candidate));
    if (auto* d = std::get_if<model::DateValue>(&parsed); d && d->precision >= model::Precision::Day) {
      out = *d;
      return ends[k];
    }
  }
  return 0;
}

/// Lines a web page's text often starts with that are neither title nor text: an image's
/// name and size ("Untitled 114 1024x402"), "Share this:", a lone label ending in a colon.
bool page_chrome(const std::string& line) {
  static const std::regex chrome(R"(^(share this|untitled|image|photo|advertisement)\b|\b\d{2,5}\s*[x×]\s*\d{2,5}\b|:$)",
                                 std::regex::icase);
  return std::regex_search(line, chrome);
}

bool is_url(const std::string& s) { return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0; }

}  // namespace

std::size_t code_points(const std::string& text, std::size_t offset, std::size_t from) {
  std::size_t n = 0;
  for (std::size_t i = from; i < offset && i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
  return n;
}

std::optional<Article> read_article(const std::string& file, std::string bytes,
                                    const std::optional<model::DateValue>& published, Diagnostics& diags) {
  Article a;
  a.file = file;
  if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) bytes.erase(0, 3);
  if (const auto nul = bytes.find('\0'); nul != std::string::npos) {
    diags.error(location_of_offset(file, bytes, nul), "", "a binary file, not an article: chronicle extract reads UTF-8 plain text or Markdown");
    return std::nullopt;
  }
  if (const auto bad = invalid_utf8(bytes); bad != std::string::npos) {
    diags.error(location_of_offset(file, bytes, bad), "", "not UTF-8 text: chronicle extract reads UTF-8 plain text or Markdown "
                                              "(convert it first, e.g. with iconv)");
    return std::nullopt;
  }
  a.text = std::move(bytes);
  const std::string& t = a.text;
  std::size_t body = 0;
  auto take_date = [&](std::size_t at, const std::string& rest) {
    model::DateValue d;
    if (a.published_in_text) return std::size_t(0);
    const std::size_t n = leading_date(rest, d);
    if (n == 0) return n;
    a.published = d;
    a.published_in_text = true;
    a.date_begin = at;
    a.date_end = at + n;
    return n;
  };
  // Front matter: "---", key: value lines, "---".
  auto lines = lines_of(t, 0, 200);
  std::size_t first = 0;
  if (!lines.empty() && trim_space(t.substr(lines[0].begin, lines[0].end - lines[0].begin)) == "---") {
    for (std::size_t k = 1; k < lines.size(); ++k) {
      const std::string l = t.substr(lines[k].begin, lines[k].end - lines[k].begin);
      if (trim_space(l) == "---") {
        body = lines[k].next;
        first = k + 1;
        break;
      }
      const auto colon = l.find(':');
      if (colon == std::string::npos) continue;
      const std::string key = ascii_lower(trim_space(l.substr(0, colon)));
      std::string value = trim_space(l.substr(colon + 1));
      if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
        value = value.substr(1, value.size() - 2);
      const std::size_t at = lines[k].begin + l.find(value, colon);
      if (key == "title" && a.title.empty()) a.title = value;
      if ((key == "url" || key == "link" || key == "source" || key == "canonical_url") && is_url(value)) a.url = value;
      if (key == "date" || key == "published" || key == "pubdate" || key == "published_at") take_date(at, value);
    }
  }
  // The head: up to eight lines of title, date, URL and page chrome before the text.
  static const std::regex labelled(R"(^\s*(published( on)?|posted( on)?|date|dated|updated|last updated)\s*:?\s+)",
                                   std::regex::icase);
  static const std::regex url_line(R"(^\s*(url|source|link)\s*:\s*(https?://\S+)\s*$)", std::regex::icase);
  static const std::regex title_line(R"(^\s*title\s*:\s*(.+)$)", std::regex::icase);
  for (std::size_t k = first; k < lines.size() && k < first + 8; ++k) {
    const Line& ln = lines[k];
    const std::string l = t.substr(ln.begin, ln.end - ln.begin);
    const std::string tl = trim_space(l);
    std::smatch m;
    if (tl.empty()) {
      body = ln.next;
      continue;
    }
    if (std::regex_search(l, m, labelled)) {
      const std::size_t at = ln.begin + std::size_t(m.length(0));
      const std::size_t n = take_date(at, l.substr(std::size_t(m.length(0))));
      if (n > 0) {
        // " date 2024-11-15 Elon Musk ...": the text may go on after the date on its line.
        std::size_t rest = at + n;
        while (rest < ln.end && (t[rest] == ' ' || t[rest] == '|' || t[rest] == ',')) ++rest;
        body = rest < ln.end ? rest : ln.next;
        if (rest < ln.end) break;
        continue;
      }
    }
    if (std::regex_match(l, m, url_line)) {
      if (a.url.empty()) a.url = m[2];
      body = ln.next;
      continue;
    }
    if (std::regex_match(l, m, title_line) && a.title.empty()) {
      a.title = trim_space(m[1]);
      body = ln.next;
      continue;
    }
    if (tl[0] == '#' && a.title.empty()) {  // a Markdown heading
      std::size_t h = 0;
      while (h < tl.size() && tl[h] == '#') ++h;
      a.title = trim_space(tl.substr(h));
      body = ln.next;
      continue;
    }
    if (page_chrome(tl)) {
      body = ln.next;
      continue;
    }
    {  // a line that is only a date
      model::DateValue d;
      if (!a.published_in_text && leading_date(tl, d) == tl.size()) {
        take_date(ln.begin + l.find(tl), tl);
        body = ln.next;
        continue;
      }
    }
    // A short first line without a full stop is the title; anything else is the text.
    const bool sentence = tl.back() == '.' || tl.find(". ") != std::string::npos;
    std::size_t words = 1;
    for (char c : tl) words += c == ' ';
    // (It stands alone: a blank line or the end follows. The first line of a hard-wrapped
    // paragraph is no title.)
    const bool alone = k + 1 >= lines.size() || trim_space(t.substr(lines[k + 1].begin, lines[k + 1].end - lines[k + 1].begin)).empty();
    if (a.title.empty() && !sentence && words <= 16 && tl.size() <= 160 && alone) {
      a.title = tl;
      body = ln.next;
      continue;
    }
    break;
  }
  a.body = std::min(body, t.size());
  if (!a.published_in_text && published) a.published = published;
  if (a.published && a.published->precision < model::Precision::Day) a.published.reset();
  return a;
}

}  // namespace chronicle::extract
