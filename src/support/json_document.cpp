#include "support/json_document.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <vector>

namespace chronicle {
namespace {

// Minimal scanner over text nlohmann has already accepted.
struct Scanner {
  const std::string& s;
  std::size_t i = 0;

  void ws() {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
  }
  std::string string_token() {  // at '"'; returns the decoded string
    std::string out;
    ++i;
    while (i < s.size() && s[i] != '"') {
      if (s[i] == '\\' && i + 1 < s.size()) {
        char e = s[i + 1];
        i += 2;
        switch (e) {
          case 'n': out += '\n'; break;
          case 't': out += '\t'; break;
          case 'r': out += '\r'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'u': {
            unsigned cp = i + 4 <= s.size() ? std::stoul(s.substr(i, 4), nullptr, 16) : 0;
            i += 4;
            if (cp < 0x80) {
              out += char(cp);
            } else if (cp < 0x800) {
              out += char(0xC0 | (cp >> 6));
              out += char(0x80 | (cp & 0x3F));
            } else {  // surrogates are kept as-is; enough for matching keys
              out += char(0xE0 | (cp >> 12));
              out += char(0x80 | ((cp >> 6) & 0x3F));
              out += char(0x80 | (cp & 0x3F));
            }
            break;
          }
          default: out += e;
        }
      } else {
        out += s[i++];
      }
    }
    ++i;
    return out;
  }
  void skip_value() {  // iterative, so deep nesting cannot overflow the stack
    ws();
    int depth = 0;
    do {
      if (i >= s.size()) return;
      char c = s[i];
      if (c == '"') {
        string_token();
      } else if (c == '{' || c == '[') {
        ++depth;
        ++i;
      } else if (c == '}' || c == ']') {
        --depth;
        ++i;
      } else if (depth == 0) {  // scalar at top: until a delimiter
        while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ']' && s[i] != ' ' &&
               s[i] != '\n' && s[i] != '\r' && s[i] != '\t')
          ++i;
        return;
      } else {
        ++i;
      }
    } while (depth > 0);
  }
};

std::vector<std::string> split_pointer(const std::string& pointer) {
  std::vector<std::string> tokens;
  std::size_t pos = 1;
  while (pos <= pointer.size() && !pointer.empty()) {
    std::size_t next = pointer.find('/', pos);
    std::string t = pointer.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
    std::string u;
    for (std::size_t k = 0; k < t.size(); ++k) {
      if (t[k] == '~' && k + 1 < t.size()) {
        u += t[k + 1] == '1' ? '/' : '~';
        ++k;
      } else {
        u += t[k];
      }
    }
    tokens.push_back(u);
    if (next == std::string::npos) break;
    pos = next + 1;
  }
  return tokens;
}

// Depth check before handing the text to nlohmann (whose recursion-free parser is fine,
// but whose values are then walked recursively by callers).
std::optional<std::size_t> too_deep_at(const std::string& s, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > max_depth) return i;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return std::nullopt;
}

/// Where the token holding byte `last` starts: a string's opening quote for string errors
/// and unexpected strings, a literal's or number's first character, else `last` itself.
std::size_t error_token_start(const std::string& text, std::size_t last, const std::string& msg) {
  if (last >= text.size()) return text.size();  // the end of the input
  const bool in_string = msg.find("invalid string") != std::string::npos;
  const bool string_token = msg.find("unexpected string literal") != std::string::npos;
  if (in_string || string_token) {
    std::size_t k = text[last] == '"' && last > 0 ? last - 1 : last;  // not the closing quote itself
    for (; k > 0; --k) {
      if (text[k] != '"') continue;
      std::size_t backslashes = 0;
      while (backslashes < k && text[k - 1 - backslashes] == '\\') ++backslashes;
      if (backslashes % 2 == 0) return k;
    }
    return k;
  }
  auto word = [&](std::size_t k) {
    const char c = text[k];
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
  };
  std::size_t k = last;
  if (!word(k) && k > 0 && word(k - 1)) --k;  // the character that ended a literal
  while (k > 0 && word(k) && word(k - 1)) --k;
  return k;
}

}  // namespace

namespace {

/// `loc` (the place of byte `from`) moved on over text[from, to).
SourceLocation advance(SourceLocation loc, const std::string& text, std::size_t from, std::size_t to) {
  if (from == 0 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) from = 3;  // a BOM is no column
  for (std::size_t k = from; k < to && k < text.size(); ++k) {
    if (text[k] == '\n') {
      ++loc.line;
      loc.col = 1;
    } else if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) {
      ++loc.col;
    }
  }
  return loc;
}

}  // namespace

SourceLocation location_of_offset(const std::string& file, const std::string& text,
                                  std::size_t offset) {
  return advance({file, 1, 1}, text, 0, offset);
}

SourceLocation LineIndex::at(const std::string& file, const std::string& text, std::size_t offset) const {
  if (starts_.empty()) {
    starts_.push_back(0);
    for (std::size_t k = 0; k < text.size(); ++k)
      if (text[k] == '\n') starts_.push_back(k + 1);
  }
  offset = std::min(offset, text.size());
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset) - 1;
  const std::size_t line = std::size_t(it - starts_.begin());
  return advance({file, int(line + 1), 1}, text, *it, offset);
}

std::shared_ptr<const JsonDocument> JsonDocument::parse(std::string file, std::string text,
                                                        Diagnostics& diags) {
  if (auto at = too_deep_at(text, max_depth)) {
    diags.error(location_of_offset(file, text, *at), "",
                "JSON nested deeper than " + std::to_string(max_depth) + " levels");
    return nullptr;
  }
  auto doc = std::shared_ptr<JsonDocument>(new JsonDocument());
  try {
    doc->root_ = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    std::string what = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 2: MESSAGE"
    auto colon = what.find(": ", what.find("column"));
    std::string msg = colon == std::string::npos ? what : what.substr(colon + 2);
    // e.byte counts the bytes read, so e.byte - 1 is the last one: the offending character
    // for the lexer's errors, the end of the unexpected token for the parser's. Point at
    // the start of the token either way, and do not echo nlohmann's "last read" text (it
    // runs across whitespace and may hold the very bytes that are not UTF-8).
    if (auto at = msg.find("; last read: '"); at != std::string::npos) {
      auto rest = msg.find("'; ", at + 14);
      msg = msg.substr(0, at) + (rest == std::string::npos ? "" : msg.substr(rest + 1));
    }
    const std::size_t byte = error_token_start(text, e.byte > 0 ? e.byte - 1 : 0, msg);
    if (msg.find("; expected end of input") != std::string::npos)
      msg = "unexpected text after the end of the JSON document";
    diags.error(location_of_offset(file, text, byte), "", "invalid JSON: " + msg);
    return nullptr;
  } catch (const nlohmann::json::exception& e) {
    // "number overflow parsing '1e400'": no position given; find the literal.
    std::string what = e.what();
    std::string msg = what.substr(what.find(']') + 2);
    std::size_t byte = 0;
    auto q = msg.find('\'');
    if (q != std::string::npos) {
      std::string token = msg.substr(q + 1, msg.rfind('\'') - q - 1);
      if (auto at = text.find(token); at != std::string::npos) byte = at;
    }
    diags.error(location_of_offset(file, text, byte), "", "invalid JSON: " + msg);
    return nullptr;
  }
  doc->file_ = std::move(file);
  doc->text_ = std::move(text);
  return doc;
}

SourceLocation JsonDocument::location_at(std::size_t offset) const {
  constexpr std::size_t step = 4096;
  if (checkpoints_.empty()) {  // line:col at 0, 4096, 8192, ...
    checkpoints_.push_back({file_, 1, 1});
    for (std::size_t at = step; at < text_.size(); at += step)
      checkpoints_.push_back(advance(checkpoints_.back(), text_, at - step, at));
  }
  offset = std::min(offset, text_.size());
  const std::size_t c = std::min(offset / step, checkpoints_.size() - 1);
  return advance(checkpoints_[c], text_, c * step, offset);
}

SourceLocation JsonDocument::locate(const std::string& pointer, bool key_of) const {
  Scanner sc{text_};
  if (text_.compare(0, 3, "\xEF\xBB\xBF") == 0) sc.i = 3;  // nlohmann skips a BOM too
  sc.ws();
  std::size_t found = sc.i;
  const auto tokens = split_pointer(pointer);
  // Start from the deepest value whose place an earlier call found (an array's elements are
  // remembered as a scan passes them): a message per event does not rescan the file.
  std::size_t t0 = 0;
  std::string prefix;
  {
    std::string p;
    for (std::size_t t = 0; t + 1 <= tokens.size(); ++t) {
      p = pointer_append(p, tokens[t]);
      if (t + 1 == tokens.size() && key_of) break;  // a key's place is not a value's
      if (auto it = offsets_.find(p); it != offsets_.end()) {
        t0 = t + 1;
        sc.i = found = it->second;
        prefix = p;
      }
    }
  }
  for (std::size_t t = t0; t < tokens.size(); ++t) {
    const std::string& token = tokens[t];
    const bool last = t + 1 == tokens.size();
    sc.ws();
    if (sc.i >= text_.size()) break;
    bool ok = false;
    if (text_[sc.i] == '{') {
      ++sc.i;
      for (;;) {
        sc.ws();
        if (sc.i >= text_.size() || text_[sc.i] != '"') break;
        std::size_t key_at = sc.i;
        std::string key = sc.string_token();
        sc.ws();
        ++sc.i;  // ':'
        sc.ws();
        if (key == token) {
          found = key_of && last ? key_at : sc.i;
          if (!(key_of && last)) offsets_.emplace(pointer_append(prefix, token), sc.i);
          ok = true;
          break;
        }
        sc.skip_value();
        sc.ws();
        if (sc.i < text_.size() && text_[sc.i] == ',') ++sc.i;
      }
    } else if (text_[sc.i] == '[') {
      ++sc.i;
      std::size_t want = 0;
      try {
        want = std::stoul(token);
      } catch (...) {
        break;
      }
      std::size_t k = 0;
      auto& [far_index, far_offset] = progress_[prefix];  // how far a scan of this array got
      if (far_index > 0 && far_index <= want) k = far_index, sc.i = far_offset;
      for (;; ++k) {
        sc.ws();
        if (sc.i >= text_.size() || text_[sc.i] == ']') break;
        offsets_.emplace(pointer_append(prefix, k), sc.i);
        if (k > far_index) far_index = k, far_offset = sc.i;
        if (k == want) {
          found = sc.i;
          ok = true;
          break;
        }
        sc.skip_value();
        sc.ws();
        if (sc.i < text_.size() && text_[sc.i] == ',') ++sc.i;
      }
    }
    if (!ok) break;
    prefix = pointer_append(prefix, token);
  }
  return location_at(found);
}

std::string pointer_append(const std::string& pointer, const std::string& token) {
  std::string t;
  for (char c : token) {
    if (c == '~') t += "~0";
    else if (c == '/') t += "~1";
    else t += c;
  }
  return pointer + "/" + t;
}

std::string pointer_append(const std::string& pointer, std::size_t index) {
  return pointer + "/" + std::to_string(index);
}

}  // namespace chronicle
