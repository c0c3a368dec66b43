#pragma once
// The stages composed: files -> RawTimeline -> Timeline, and template -> Style.
#include <memory>
#include <string>

#include <nlohmann/json.hpp>
#include <vector>

#include "cli/exit_code.h"
#include "cli/options.h"
#include "model/timeline.h"
#include "style/style.h"
#include "support/diagnostics.h"

namespace chronicle::cli {

/// An input file's "style" block and where it was written.
struct StyleBlock {
  nlohmann::json block;
  std::shared_ptr<const Locator> where;
};

/// The characters of a text no pinned font draws (render::FontSession::missing_characters).
using MissingGlyphs = std::function<std::vector<char32_t>(const std::string&)>;

/// Reads and normalizes `files` into one timeline. Prints diagnostics; returns Ok, BadInput or Io.
/// With `glyphs`, every text that is drawn is checked for characters no pinned font has: a
/// warning names the field, the event and the characters (never a silent box).
ExitCode load_timeline(const std::vector<std::string>& files, const InputOptions& options, Diagnostics& diags,
                       model::Timeline& out, std::vector<StyleBlock>* styles = nullptr,
                       const MissingGlyphs& glyphs = {});

/// The format of an input: --from, else the extension (.mw, .csv/.tsv, .json), else the content.
std::string detect_format(const std::string& file, const std::string& text, const std::string& from);

/// Loads template `name` (a name looked up in `dirs`, then beside the first input, then in
/// the share folder; or a path). Returns Ok or BadInput.
ExitCode load_style(const std::string& name, const std::vector<std::string>& dirs, const std::string& first_input,
                    Diagnostics& diags, style::Style& out, std::vector<std::string>* files_read = nullptr);

/// SOURCE_DATE_EPOCH: true with `out` set when it is set and well formed; false with
/// `error` set when it is malformed ("abc", "1e9", "-5"); false, `error` empty, when unset.
bool source_date_epoch(model::Seconds& out, std::string& error);

/// PDF creation date: SOURCE_DATE_EPOCH when set, else the latest date the input
/// mentions (a source's publication, or else an event), never the clock.
std::string creation_date(const model::Timeline& tl);

/// The date a briefing shows as its own ("15 Nov 2024"): SOURCE_DATE_EPOCH's day when set,
/// else the latest publication date of its sources, else none ("").
std::string document_date(const model::Timeline& tl);

}  // namespace chronicle::cli
