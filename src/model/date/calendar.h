#pragma once
// A 64-bit proleptic Gregorian calendar with astronomical year numbering (year 0 is
// 1 BC, -1 is 2 BC). std::chrono::year stops at +-32767; these functions do not.
#include <cstdint>

namespace chronicle::model {

/// Seconds since 1970-01-01T00:00:00 UTC on the proleptic Gregorian calendar.
using Seconds = std::int64_t;

constexpr Seconds seconds_per_day = 86400;

struct CivilDate {
  std::int64_t year = 1970;
  unsigned month = 1;  ///< 1..12
  unsigned day = 1;    ///< 1..31
};

struct CivilTime {
  CivilDate date;
  unsigned hour = 0, minute = 0, second = 0;
};

bool is_leap_year(std::int64_t year);
unsigned days_in_month(std::int64_t year, unsigned month);
/// Days since 1970-01-01 (Howard Hinnant's algorithm, widened to 64 bits).
std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day);
CivilDate civil_from_days(std::int64_t days);
/// 0 = Monday .. 6 = Sunday (ISO 8601).
unsigned weekday_from_days(std::int64_t days);

Seconds seconds_from_civil(const CivilTime& t);
CivilTime civil_from_seconds(Seconds s);

/// floor(a / b) for b > 0, correct for negative a.
inline std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}
/// a - b * floor(a / b): in [0, b) for b > 0.
inline std::int64_t floor_mod(std::int64_t a, std::int64_t b) { return a - b * floor_div(a, b); }

}  // namespace chronicle::model
