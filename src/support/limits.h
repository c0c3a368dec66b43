#pragma once
// chronicle's limits, declared once; README "Limits" documents each and what happens past it.
#include <cstddef>

namespace chronicle::limits {

/// Largest input or template file read: past it, "the file is larger than 16 MiB" (exit 1).
constexpr std::size_t max_input_bytes = std::size_t(16) << 20;
/// Most events in one input file: past it, an error at /events/100000 (exit 1).
constexpr std::size_t max_events = 100000;
/// Most columns in a CSV file: past it, an error at the first column too many.
constexpr std::size_t max_columns = 1000;
/// Longest string value (a title, a description, an id): past it, an error at the value.
constexpr std::size_t max_text_bytes = 10000;
/// Deepest JSON nesting: past it, an error at the bracket that goes too deep.
constexpr int max_json_depth = 256;

}  // namespace chronicle::limits
