#pragma once
// The extract stage, whole: articles -> a chronicle JSON v1 timeline of their dated
// happenings, each with its source and a quote that locates the claim, and the list of
// every temporal expression found (`--mentions`).
#include <optional>
#include <string>
#include <vector>

#include "model/date/date_value.h"
#include "support/diagnostics.h"

namespace chronicle::extract {

struct ArticleFile {
  std::string path;
  std::string bytes;
};

struct ExtractOptions {
  std::optional<model::DateValue> published;  ///< --published: for articles that give no date
  std::string title;                          ///< --title: the timeline's title (else the article's, or "From N articles")
};

struct Extraction {
  std::string timeline_json;  ///< chronicle JSON v1: render, check and normalize read it as it is
  std::string mentions_json;  ///< every temporal expression: TIMEX3 type and value, code point offsets
  std::size_t events = 0;
};

/// Extracts every article. Errors (binary files, relative dates without a date to resolve
/// them against, no dated happening anywhere) go to `diags` and give nullopt; an article
/// without a dated happening is a warning when another has some.
std::optional<Extraction> extract_timeline(const std::vector<ArticleFile>& files, const ExtractOptions& options,
                                           Diagnostics& diags);

}  // namespace chronicle::extract
