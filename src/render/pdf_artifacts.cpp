#include "render/pdf_artifacts.h"

#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <map>
#include <optional>
#include <string_view>
#include <thread>
#include <vector>

namespace chronicle::render {
namespace {

bool is_white(char c) { return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '; }
bool is_delimiter(char c) { return c != 0 && std::strchr("()<>[]{}/%", c) != nullptr; }

/// One operation of a content stream: its operands and operator, [begin, end) in the stream.
struct Operation {
  std::size_t begin, end;
  std::string_view op;
};

/// The operations of `s`, in order; nullopt for what this pass does not read (an inline
/// image, an unbalanced string, operands with no operator).
std::optional<std::vector<Operation>> operations(const std::string& s) {
  std::vector<Operation> out;
  const std::size_t n = s.size(), none = std::string::npos;
  std::size_t i = 0, begin = none;
  int nest = 0;  // arrays and dictionaries: their words are operands
  while (i < n) {
    const char c = s[i];
    if (is_white(c)) {
      ++i;
      continue;
    }
    if (c == '%') {  // a comment
      while (i < n && s[i] != '\n' && s[i] != '\r') ++i;
      continue;
    }
    if (begin == none) begin = i;
    if (c == '(') {  // a string: nested parentheses, backslash escapes
      int depth = 0;
      while (i < n) {
        const char d = s[i++];
        if (d == '\\') ++i;
        else if (d == '(') ++depth;
        else if (d == ')' && --depth == 0) break;
      }
      if (depth != 0) return std::nullopt;
      continue;
    }
    if (c == '<' || c == '>') {
      if (i + 1 < n && s[i + 1] == c) {  // << or >>
        nest += c == '<' ? 1 : -1;
        i += 2;
        continue;
      }
      if (c == '>') return std::nullopt;
      const std::size_t e = s.find('>', i);  // a hex string
      if (e == none) return std::nullopt;
      i = e + 1;
      continue;
    }
    if (c == '[' || c == ']') {
      nest += c == '[' ? 1 : -1;
      ++i;
      continue;
    }
    if (c == '/') {  // a name
      ++i;
      while (i < n && !is_white(s[i]) && !is_delimiter(s[i])) ++i;
      continue;
    }
    std::size_t j = i;
    while (j < n && !is_white(s[j]) && !is_delimiter(s[j])) ++j;
    if (j == i) return std::nullopt;  // a stray delimiter
    const std::string_view word(s.data() + i, j - i);
    i = j;
    const bool number = word[0] == '+' || word[0] == '-' || word[0] == '.' || std::isdigit(static_cast<unsigned char>(word[0]));
    if (number || nest > 0 || word == "true" || word == "false" || word == "null") continue;
    if (word == "BI" || word == "ID" || word == "EI") return std::nullopt;  // inline images: not Cairo's way here
    out.push_back({begin, i, word});
    begin = none;
  }
  if (begin != none || nest != 0) return std::nullopt;
  return out;
}

std::optional<std::string> inflate_all(const std::string& in) {
  z_stream z{};
  if (inflateInit(&z) != Z_OK) return std::nullopt;
  std::string out;
  char buf[1 << 15];
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = uInt(in.size());
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buf, sizeof buf - z.avail_out);
    if (rc == Z_BUF_ERROR && z.avail_in == 0) break;
  }
  inflateEnd(&z);
  if (rc != Z_STREAM_END) return std::nullopt;
  return out;
}

std::optional<std::string> deflate_all(const std::string& in) {
  uLongf size = compressBound(uLong(in.size()));
  std::string out(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(in.data()), uLong(in.size()),
                Z_BEST_SPEED) != Z_OK)  // (fast: the page streams are most of a long document's time here)
    return std::nullopt;
  out.resize(size);
  return out;
}

/// "N 0 R" at `at` in `s` (after spaces): N.
std::optional<std::size_t> reference_at(const std::string& s, std::size_t at) {
  while (at < s.size() && s[at] == ' ') ++at;
  std::size_t end = at;
  while (end < s.size() && std::isdigit(static_cast<unsigned char>(s[end]))) ++end;
  if (end == at || s.compare(end, 4, " 0 R") != 0) return std::nullopt;
  return std::stoul(s.substr(at, end - at));
}

}  // namespace

std::string mark_content_artifacts(const std::string& s) {
  const auto ops = operations(s);
  if (!ops) return {};
  auto starts = [](std::string_view t) { return t == "m" || t == "re" || t == "BT" || t == "Do" || t == "sh"; };
  auto paints = [](std::string_view t) {  // a path object ends
    return t == "S" || t == "s" || t == "f" || t == "F" || t == "f*" || t == "B" || t == "B*" || t == "b" || t == "b*" ||
           t == "n";
  };
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  std::size_t copied = 0;
  int depth = 0, q = 0, artifact_q = 0;  // marked content (Cairo's), q/Q nesting
  bool artifact = false, path = false, text = false;
  auto put = [&](std::size_t at, const char* what) {
    out.append(s, copied, at - copied);
    copied = at;
    if (!out.empty() && !is_white(out.back())) out += '\n';
    out += what;
  };
  for (const Operation& o : *ops) {
    const std::string_view t = o.op;
    if (t == "BDC" || t == "BMC") {
      // Cairo's structure element (or a span inside a text object, which nests in the artifact).
      if (depth == 0 && artifact && !text && !path) put(o.begin, "EMC\n"), artifact = false;
      ++depth;
    } else if (t == "EMC") {
      if (depth == 0) return {};
      --depth;
    } else if (depth == 0) {
      if (!artifact && !path && !text && starts(t)) put(o.begin, "/Artifact BMC\n"), artifact = true, artifact_q = q;
      if (t == "Q" && artifact && q == artifact_q) put(o.begin, "EMC\n"), artifact = false;  // nested with q/Q
    }
    if (t == "q") ++q;
    else if (t == "Q") --q;
    if (t == "m" || t == "re") path = true;
    else if (paints(t)) path = false;
    if (t == "BT") text = true;
    else if (t == "ET") text = false;
  }
  out.append(s, copied, std::string::npos);
  if (artifact) {
    if (!out.empty() && !is_white(out.back())) out += '\n';
    out += "EMC\n";
  }
  return out;
}

std::string mark_pdf_artifacts(const std::string& pdf) {
  // The xref table: where every object starts.
  const std::size_t sx = pdf.rfind("startxref");
  if (sx == std::string::npos) return pdf;
  std::size_t xref_at = 0;
  if (std::sscanf(pdf.c_str() + sx + 9, "%zu", &xref_at) != 1 || xref_at >= sx || pdf.compare(xref_at, 5, "xref\n") != 0)
    return pdf;
  std::size_t first = 0, count = 0;
  int used = 0;
  if (std::sscanf(pdf.c_str() + xref_at + 5, "%zu %zu\n%n", &first, &count, &used) != 2 || first != 0 || used <= 0)
    return pdf;
  const std::size_t entries = xref_at + 5 + std::size_t(used);
  if (entries + 20 * count > sx) return pdf;
  std::vector<std::string> entry(count);
  std::vector<std::pair<std::size_t, std::size_t>> objects;  // offset, number
  for (std::size_t k = 0; k < count; ++k) {
    entry[k] = pdf.substr(entries + 20 * k, 20);
    if (entry[k].size() != 20 || entry[k][18] != ' ' || entry[k][19] != '\n') return pdf;
    if (entry[k][17] == 'n') objects.push_back({std::stoul(entry[k].substr(0, 10)), k});
  }
  const std::string trailer = pdf.substr(entries + 20 * count, sx - (entries + 20 * count));
  std::sort(objects.begin(), objects.end());
  if (objects.empty() || objects.front().first == 0) return pdf;
  std::map<std::size_t, std::string> body;  // number -> the object's bytes
  for (std::size_t k = 0; k < objects.size(); ++k) {
    const auto [at, number] = objects[k];
    const std::size_t end = k + 1 < objects.size() ? objects[k + 1].first : xref_at;
    if (end <= at || pdf.compare(at, std::to_string(number).size() + 6, std::to_string(number) + " 0 obj") != 0)
      return pdf;
    body[number] = pdf.substr(at, end - at);
  }
  // Every page's content stream and its length object.
  struct Stream {
    std::size_t object, length, data_begin, data_end;
    std::string data;  // the new, deflated stream
  };
  std::vector<Stream> streams;
  for (auto& [number, text] : body) {
    const std::size_t head_end = std::min(text.size(), text.find(">>"));
    const std::string head = text.substr(0, head_end);
    if (head.find("/Type /Page\n") == std::string::npos && head.find("/Type /Page ") == std::string::npos) continue;
    const std::size_t c = head.find("/Contents");
    if (c == std::string::npos) continue;
    const auto contents = reference_at(head, c + 9);
    if (!contents || !body.count(*contents)) return pdf;
    const std::string& obj = body[*contents];
    const std::size_t s = obj.find("stream\n"), e = obj.rfind("endstream");
    if (s == std::string::npos || e == std::string::npos || e < s + 7) return pdf;
    const std::string dict = obj.substr(0, s);
    const std::size_t l = dict.find("/Length");
    if (dict.find("/Filter /FlateDecode") == std::string::npos || l == std::string::npos) return pdf;
    const auto length = reference_at(dict, l + 7);
    if (!length || !body.count(*length)) return pdf;
    streams.push_back({*contents, *length, s + 7, obj[e - 1] == '\n' ? e - 1 : e, {}});
  }
  // Rewritten on every core (each page's stream on its own; the same bytes whatever the count).
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  auto work = [&] {
    for (std::size_t k; (k = next++) < streams.size() && !failed;) {
      Stream& st = streams[k];
      const std::string& obj = body.at(st.object);
      const auto content = inflate_all(obj.substr(st.data_begin, st.data_end - st.data_begin));
      const std::string marked = content ? mark_content_artifacts(*content) : std::string();
      const auto data = marked.empty() ? std::nullopt : deflate_all(marked);
      if (!data) failed = true;
      else st.data = *data;
    }
  };
  {
    std::vector<std::thread> helpers;
    const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
    for (std::size_t t = 1; t < std::min<std::size_t>(cores, streams.size() / 8 + 1); ++t) helpers.emplace_back(work);
    work();
    for (auto& h : helpers) h.join();
  }
  if (failed) return pdf;
  for (const Stream& st : streams) {
    std::string& obj = body[st.object];
    obj = obj.substr(0, st.data_begin) + st.data + obj.substr(st.data_end);
    body[st.length] = std::to_string(st.length) + " 0 obj\n   " + std::to_string(st.data.size()) + "\nendobj\n";
  }
  // Put together again: the same objects in the same order, offsets and xref anew.
  std::string out = pdf.substr(0, objects.front().first);
  out.reserve(pdf.size() + pdf.size() / 16);
  std::vector<std::size_t> offset(count, 0);
  for (const auto& [at, number] : objects) {
    offset[number] = out.size();
    out += body[number];
  }
  const std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(count) + "\n";
  for (std::size_t k = 0; k < count; ++k) {
    if (entry[k][17] != 'n') {
      out += entry[k];
      continue;
    }
    char line[32];
    std::snprintf(line, sizeof line, "%010zu %05d n \n", offset[k], std::atoi(entry[k].substr(11, 5).c_str()));
    out += line;
  }
  out += trailer;
  out += "startxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

}  // namespace chronicle::render
