#pragma once
#include <string>

#include "model/date/calendar.h"

namespace chronicle::model {

/// How finely a date was given; coarser first.
enum class Precision { Millennium, Century, Decade, Year, Quarter, Season, Month, Week, Day, Hour, Minute, Second };

const char* precision_name(Precision p);

/// A date as the model keeps it: the interval [from, to) it denotes, how precisely it was
/// given, and the text it came from.
struct DateValue {
  std::string text;             ///< as written in the input
  Seconds from = 0;             ///< inclusive start of the denoted interval (UTC)
  Seconds to = 0;               ///< exclusive end
  Precision precision = Precision::Day;
  bool approximate = false;     ///< "~1850"
  bool uncertain = false;
  bool present = false;         ///< "present": an open end, resolved to the timeline's last date
  bool open = false;            ///< EDTF ".." (open) or "" (unknown) interval end, resolved like "present"
  bool casual = false;          ///< written as people write dates ("c. 1850"): labels show the text
  bool has_offset = false;      ///< a UTC offset (or Z) was written
  int offset_minutes = 0;       ///< local time = UTC + offset
  std::string resolved_against; ///< for a relative date ("Monday"): the date it was resolved against
  std::string reference;        ///< and where that came from: "source report-turn", "--reference-date", "event phase1"
  std::string direction;        ///< how a relative date was turned: "past", "future" or "nearest" (with its cue)

  /// The middle of the interval: where a point event of this date sits on an axis.
  Seconds middle() const { return from + (to - from) / 2; }
};

}  // namespace chronicle::model
