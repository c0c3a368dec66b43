#include "model/date/calendar.h"

namespace chronicle::model {

bool is_leap_year(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(std::int64_t y, unsigned m) {
  static constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap_year(y) ? 29 : days[(m - 1) % 12];
}

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = floor_div(y, 400);
  const std::int64_t yoe = y - era * 400;                                     // [0, 399]
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;    // [0, 365]
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;             // [0, 146096]
  return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = floor_div(z, 146097);
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = yoe + era * 400;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const unsigned d = unsigned(doy - (153 * mp + 2) / 5 + 1);
  const unsigned m = unsigned(mp < 10 ? mp + 3 : mp - 9);
  return {y + (m <= 2), m, d};
}

unsigned weekday_from_days(std::int64_t z) {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  return unsigned(((z % 7) + 7 + 3) % 7);
}

Seconds seconds_from_civil(const CivilTime& t) {
  return days_from_civil(t.date.year, t.date.month, t.date.day) * seconds_per_day +
         t.hour * 3600 + t.minute * 60 + t.second;
}

CivilTime civil_from_seconds(Seconds s) {
  const std::int64_t days = floor_div(s, seconds_per_day);
  const std::int64_t rest = s - days * seconds_per_day;
  return {civil_from_days(days), unsigned(rest / 3600), unsigned(rest / 60 % 60), unsigned(rest % 60)};
}

}  // namespace chronicle::model
