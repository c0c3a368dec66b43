#pragma once
// The fields each object of the chronicle JSON format may hold (input format v1).
#include <string>
#include <vector>

namespace chronicle::input {

const std::vector<std::string>& timeline_fields();
const std::vector<std::string>& event_fields();
const std::vector<std::string>& claim_fields();
const std::vector<std::string>& inset_fields();
const std::vector<std::string>& track_fields();
const std::vector<std::string>& era_fields();
const std::vector<std::string>& source_fields();

}  // namespace chronicle::input
