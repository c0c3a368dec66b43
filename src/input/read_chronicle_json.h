#pragma once
#include <optional>
#include <string>

#include "input/raw_timeline.h"
#include "support/diagnostics.h"

namespace chronicle::input {

/// Reads chronicle's own JSON format (v1). Syntax and type errors go to `diags`;
/// unknown fields are warnings. Returns nullopt only when the file is not JSON at all
/// or its top level is not an object.
std::optional<RawTimeline> read_chronicle_json(const std::string& file, std::string text,
                                               Diagnostics& diags);

}  // namespace chronicle::input
