#pragma once
#include <string>

#include "model/timeline.h"

namespace chronicle::model {

/// The date an event's label shows: the input's own display text when it gave one, else
/// the date or span; for a disputed event every distinct claim, "2015 or 2016 (disputed)".
std::string event_date_label(const Event& e);

}  // namespace chronicle::model
