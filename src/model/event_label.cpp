#include "model/event_label.h"

#include <algorithm>
#include <vector>

#include "model/date/format_date_label.h"

namespace chronicle::model {

namespace {
std::string label_of(const DateValue& start, const std::optional<DateValue>& end) {
  return end ? format_span_label(start, *end) : format_date_label(start);
}
}  // namespace

std::string event_date_label(const Event& e) {
  if (!e.date_label.empty()) return e.date_label;
  if (!e.disputed) return label_of(e.start, e.end);
  std::vector<std::string> seen;
  for (const auto& c : e.claims) {
    std::string s = label_of(c.start, c.end);
    if (std::find(seen.begin(), seen.end(), s) == seen.end()) seen.push_back(s);
  }
  std::string out;
  for (std::size_t k = 0; k < seen.size(); ++k) out += (k ? " or " : "") + seen[k];
  return out + " (disputed)";
}

}  // namespace chronicle::model
