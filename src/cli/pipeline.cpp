#include "cli/pipeline.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sys/stat.h>

#include "cli/install_paths.h"
#include "cli/output_file.h"
#include "cli/print_diagnostics.h"
#include "input/check_limits.h"
#include "input/read_chronicle_json.h"
#include "input/read_csv.h"
#include "input/read_markwhen.h"
#include "input/read_timelinejs.h"
#include "model/date/format_date_label.h"
#include "model/date/parse_date.h"
#include "model/normalize.h"
#include "style/load_template.h"
#include "support/text.h"

namespace chronicle::cli {

namespace {

/// TimelineJS3 JSON is told apart by its shape (events with "start_date" objects, or a
/// title object), cheaply: a look at the text before parsing it twice.
bool is_timelinejs(const std::string& text) {
  if (text.find("\"start_date\"") == std::string::npos && text.find("\"headline\"") == std::string::npos) return false;
  auto doc = nlohmann::json::parse(text, nullptr, false);
  return !doc.is_discarded() && input::looks_like_timelinejs(doc);
}

}  // namespace

std::string detect_format(const std::string& file, const std::string& text, const std::string& from) {
  if (!from.empty()) return from;
  auto ext = [&](const char* e) {
    const std::string x = e;
    if (file.size() < x.size()) return false;
    std::string tail = file.substr(file.size() - x.size());
    for (auto& c : tail) c = char(std::tolower(static_cast<unsigned char>(c)));
    return tail == x;
  };
  std::size_t k = 0;
  while (k < text.size() && std::isspace(static_cast<unsigned char>(text[k]))) ++k;
  const bool json_shape = k < text.size() && (text[k] == '{' || text[k] == '[');
  if (ext(".mw") || ext(".markwhen")) return "markwhen";
  if (ext(".csv") || ext(".tsv")) return input::looks_like_timelinejs_csv(text) ? "timelinejs-csv" : "csv";
  if (ext(".json") || json_shape) return is_timelinejs(text) ? "timelinejs" : "chronicle";
  if (input::looks_like_markwhen(text)) return "markwhen";
  // A CSV by its header: text (no control bytes) with a separator on the first line.
  const std::string head = text.substr(0, text.find('\n'));
  bool textual = !head.empty();
  for (unsigned char c : text.substr(0, 4096)) textual = textual && (c >= 0x20 || c == '\n' || c == '\r' || c == '\t');
  if (textual && head.find_first_of(",;\t") != std::string::npos)
    return input::looks_like_timelinejs_csv(text) ? "timelinejs-csv" : "csv";
  return "chronicle";  // and its JSON reader says what is wrong
}

namespace {

/// "'丂' (U+4E02), '丄' (U+4E04)": at most five, then how many more.
std::string characters(const std::vector<char32_t>& cs) {
  std::string out;
  for (std::size_t k = 0; k < cs.size() && k < 5; ++k) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "U+%04X", unsigned(cs[k]));
    const std::string ch = utf8_of(cs[k]);
    out += (k ? ", '" : "'") + ch + "' (" + hex + ")";
  }
  if (cs.size() > 5) out += " and " + std::to_string(cs.size() - 5) + " more";
  return out;
}

/// Warns about every drawn text of `raw` holding characters no pinned font has.
void check_glyphs(const input::RawTimeline& raw, const MissingGlyphs& glyphs, Diagnostics& diags) {
  auto check = [&](const input::RawText& t, const std::string& what) {
    if (!t.present || t.value.empty()) return;
    const auto missing = glyphs(t.value);
    if (missing.empty()) return;
    diags.warning(raw.locate(t.pointer), t.pointer,
                  "no pinned font draws " + characters(missing) + " in " + what + ": " +
                      (missing.size() == 1 ? "it would show as a box" : "they would show as boxes"));
  };
  check(raw.title, "the title");
  check(raw.subtitle, "the subtitle");
  for (const auto& e : raw.events) {
    const std::string name = "event '" + (e.title.value.size() > 60 ? utf8_prefix(e.title.value, 60) + "…" : e.title.value) + "'";
    check(e.title, "the title of " + name);
    check(e.date_label, "the date label of " + name);
    check(e.track, "the track of " + name);
  }
  for (const auto& t : raw.tracks) check(t.title.present ? t.title : t.id, "the track '" + t.id.value + "'");
  for (const auto& era : raw.eras) check(era.title, "the era '" + era.title.value + "'");
  for (const auto& s : raw.sources) check(s.title.present ? s.title : s.id, "the source '" + s.id.value + "'");
}

}  // namespace

ExitCode load_timeline(const std::vector<std::string>& files, const InputOptions& options, Diagnostics& diags,
                       model::Timeline& out, std::vector<StyleBlock>* styles, const MissingGlyphs& glyphs) {
  std::vector<input::RawTimeline> raws;
  for (const auto& f : files) {
    std::string text, why;
    ReadStatus status = read_file_limited(f, text, why);
    if (status == ReadStatus::TooLarge) {
      diags.error({f, 0, 0}, "", why);
      continue;
    }
    if (status == ReadStatus::Failed) {
      print_error("cannot read '" + f + "': " + why);
      return ExitCode::Io;
    }
    const std::string format = detect_format(f, text, options.from);
    std::optional<input::RawTimeline> raw;
    if (format == "timelinejs") raw = input::read_timelinejs(f, std::move(text), diags);
    else if (format == "timelinejs-csv") raw = input::read_timelinejs_csv(f, std::move(text), diags);
    else if (format == "csv") raw = input::read_csv(f, std::move(text), options.columns, diags);
    else if (format == "markwhen") raw = input::read_markwhen(f, std::move(text), diags);
    else raw = input::read_chronicle_json(f, std::move(text), diags);
    if (raw) input::check_limits(*raw, diags);
    if (raw && glyphs) check_glyphs(*raw, glyphs, diags);
    if (raw) {
      if (styles && !raw->style.is_null()) styles->push_back({raw->style, raw->locator});
      raws.push_back(std::move(*raw));
    }
  }
  if (!diags.has_errors()) {
    model::NormalizeOptions nopts;
    nopts.reference_date = options.reference_date;
    nopts.merge = !options.no_merge;
    out = model::normalize(raws, diags, nopts);
    if (!diags.has_errors() && out.events.empty()) diags.error({files.front(), 0, 0}, "", "the timeline has no events");
  }
  print_diagnostics(diags);
  return diags.has_errors() ? ExitCode::BadInput : ExitCode::Ok;
}

ExitCode load_style(const std::string& name, const std::vector<std::string>& dirs, const std::string& first_input,
                    Diagnostics& diags, style::Style& out, std::vector<std::string>* files_read) {
  std::vector<std::string> search = dirs;
  auto slash = first_input.find_last_of('/');
  search.push_back(slash == std::string::npos ? "." : first_input.substr(0, slash));
  search.push_back(share_dir() + "/templates");
  // A template that is there but cannot be read stops the load with the system's reason
  // (exit 3) or the size limit's message (exit 1), never "not found".
  struct Unreadable {
    std::string message;
    ExitCode code;
  };
  auto identity = [](const std::string& p) {
    std::error_code ec;
    auto c = std::filesystem::weakly_canonical(p, ec);
    return ec ? p : c.string();
  };
  auto read_template = [&](const std::string& p) -> std::optional<style::TemplateFile> {
    struct stat st {};
    if (::stat(p.c_str(), &st) != 0) return std::nullopt;  // not there: look on, or "not found"
    std::string text, why;
    const ReadStatus status = read_file_limited(p, text, why);
    if (status == ReadStatus::Ok) return style::TemplateFile{p, text, identity(p)};
    if (status == ReadStatus::TooLarge) {
      diags.error({p, 0, 0}, "", why);
      throw Unreadable{"", ExitCode::BadInput};
    }
    throw Unreadable{"cannot read template '" + p + "': " + why, ExitCode::Io};
  };
  style::TemplateFinder find = [&](const std::string& n,
                                  const std::string& extended_by) -> std::optional<style::TemplateFile> {
    const bool is_path = n.find('/') != std::string::npos || (n.size() > 5 && n.substr(n.size() - 5) == ".json");
    if (is_path) {  // a relative path in "extends" is relative to the template that names it
      std::string p = n;
      if (!n.empty() && n[0] != '/' && !extended_by.empty() && extended_by.find('/') != std::string::npos)
        p = extended_by.substr(0, extended_by.find_last_of('/') + 1) + n;
      return read_template(p);
    }
    std::vector<std::string> dirs = search;
    if (!extended_by.empty()) {
      auto slash = extended_by.find_last_of('/');
      dirs.insert(dirs.begin(), slash == std::string::npos ? "." : extended_by.substr(0, slash));
    }
    for (const auto& d : dirs)
      if (auto file = read_template(d + "/" + n + ".json")) return file;
    return std::nullopt;
  };
  std::optional<style::LoadedTemplate> loaded;
  try {
    loaded = style::load_template(name, find, diags);
  } catch (const Unreadable& u) {
    print_diagnostics(diags);
    if (!u.message.empty()) print_error(u.message);
    return u.code;
  }
  print_diagnostics(diags);
  if (!loaded) return ExitCode::BadInput;
  out = loaded->style;
  if (files_read) *files_read = loaded->files;
  return ExitCode::Ok;
}

bool source_date_epoch(model::Seconds& out, std::string& error) {
  const char* sde = std::getenv("SOURCE_DATE_EPOCH");
  if (!sde || !*sde) return false;
  // As the reproducible-builds specification has it: a non-negative integer of seconds
  // since the epoch, decimal digits only; anything else is an error, not 1970.
  const std::string v = sde;
  const bool digits = v.size() <= 12 && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits) {
    std::string shown;
    for (char c : v.substr(0, 40)) shown += (c >= 0x20 && c < 0x7f) ? c : '?';
    error = "SOURCE_DATE_EPOCH='" + shown + "' is not a number of seconds since 1970 (decimal digits only)";
    return false;
  }
  out = std::stoll(v);
  return true;
}

std::string creation_date(const model::Timeline& tl) {
  model::Seconds t = 0;
  std::string ignored;
  if (source_date_epoch(t, ignored)) {
  } else {
    bool any = false;
    for (const auto& s : tl.sources)
      if (s.published) {
        t = any ? std::max(t, s.published->from) : s.published->from;
        any = true;
      }
    if (!any)
      for (const auto& e : tl.events) t = std::max(t, e.first());
  }
  const model::Seconds max_t = model::seconds_from_civil({{9999, 12, 31}, 23, 59, 59});
  t = std::clamp<model::Seconds>(t, 0, max_t);
  return model::format_iso(t);
}

std::string document_date(const model::Timeline& tl) {
  model::Seconds epoch = 0;
  std::string ignored;
  const bool sde = source_date_epoch(epoch, ignored);
  const model::DateValue* latest = nullptr;
  for (const auto& s : tl.sources)
    if (s.published && (!latest || s.published->to > latest->to)) latest = &*s.published;
  if (!sde && !latest) return "";
  if (latest && !sde) return model::format_date_label(*latest);
  auto d = model::parse_date(creation_date(tl).substr(0, 10));
  if (auto* v = std::get_if<model::DateValue>(&d)) return model::format_date_label(*v);
  return "";
}

}  // namespace chronicle::cli
