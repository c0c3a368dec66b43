#include "layout/ticks.h"

#include <algorithm>
#include <cmath>

#include "model/date/format_date_label.h"

namespace chronicle::layout {
namespace {

using model::CivilTime;
using model::civil_from_seconds;
using model::seconds_from_civil;
using model::seconds_per_day;

const std::vector<TickStep>& candidate_steps() {
  static const std::vector<TickStep> steps = [] {
    std::vector<TickStep> s = {
        {TickUnit::Second, 1}, {TickUnit::Second, 5}, {TickUnit::Second, 15}, {TickUnit::Second, 30},
        {TickUnit::Minute, 1}, {TickUnit::Minute, 5}, {TickUnit::Minute, 15}, {TickUnit::Minute, 30},
        {TickUnit::Hour, 1},   {TickUnit::Hour, 3},   {TickUnit::Hour, 6},    {TickUnit::Hour, 12},
        {TickUnit::Day, 1},    {TickUnit::Day, 2},    {TickUnit::Week, 1},    {TickUnit::Month, 1},
        {TickUnit::Month, 3},  {TickUnit::Month, 6}};
    for (std::int64_t p = 1; p <= 10'000'000'000; p *= 10)  // up to 50 billion years
      for (std::int64_t m : {1, 2, 5}) s.push_back({TickUnit::Year, p * m});
    return s;
  }();
  return steps;
}

Seconds approx_seconds(const TickStep& s) {
  switch (s.unit) {
    case TickUnit::Second: return s.count;
    case TickUnit::Minute: return s.count * 60;
    case TickUnit::Hour: return s.count * 3600;
    case TickUnit::Day: return s.count * seconds_per_day;
    case TickUnit::Week: return s.count * 7 * seconds_per_day;
    case TickUnit::Month: return s.count * 2629746;
    case TickUnit::Year: return s.count * 31556952;
  }
  return 1;
}

std::string two(unsigned v) { return (v < 10 ? "0" : "") + std::to_string(v); }

std::string grouped(std::int64_t v) {
  std::string digits = std::to_string(v < 0 ? -v : v);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (v < 0 ? "-" : "") + out;
}

std::string year_text(std::int64_t y) {
  if (y > 0) return y >= 10000 ? grouped(y) : std::to_string(y);
  std::int64_t bc = 1 - y;
  return (bc >= 10000 ? grouped(bc) : std::to_string(bc)) + " BC";
}

/// The label of the tick interval starting at t; `first` asks for a fuller form.
std::string label_for(const TickStep& step, Seconds t, bool first) {
  CivilTime c = civil_from_seconds(t);
  const std::string mon = model::month_abbreviation(c.date.month);
  switch (step.unit) {
    case TickUnit::Year: return year_text(c.date.year);
    case TickUnit::Month:
      return (first || c.date.month == 1) ? mon + " " + year_text(c.date.year) : mon;
    case TickUnit::Week:
    case TickUnit::Day: {
      std::string d = std::to_string(c.date.day) + " " + mon;
      if (step.unit == TickUnit::Day && step.count == 1) {  // days are read by their weekday names
        static constexpr const char* weekdays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
        d = std::string(weekdays[model::weekday_from_days(model::floor_div(t, seconds_per_day))]) + " " + d;
      }
      return (first || (c.date.month == 1 && c.date.day == 1)) ? d + " " + year_text(c.date.year) : d;
    }
    case TickUnit::Hour:
    case TickUnit::Minute:
      if (c.hour == 0 && c.minute == 0) return std::to_string(c.date.day) + " " + mon;
      return two(c.hour) + ":" + two(c.minute);
    case TickUnit::Second: return two(c.hour) + ":" + two(c.minute) + ":" + two(c.second);
  }
  return "";
}

bool interval_labels(const TickStep& s) { return s.unit >= TickUnit::Day; }

}  // namespace

std::vector<Seconds> tick_times(const TickStep& step, Seconds from, Seconds to) {
  std::vector<Seconds> out;
  CivilTime c = civil_from_seconds(from);
  switch (step.unit) {
    case TickUnit::Year: {
      // Round numbers as people read them: multiples of the step in AD, and in BC
      // (astronomical year y is (1 - y) BC).
      // The first round year at or before `from`, computed (not searched: steps reach
      // 5 billion years).
      std::int64_t y = c.date.year;
      if (step.count > 1) {
        const std::int64_t down = y > 0 ? y - y % step.count : 0;
        if (down > 0) {
          y = down;
        } else {  // in BC: the next multiple of the step back, (1 - y) BC
          const std::int64_t bc = std::max<std::int64_t>(1 - y, 1);
          y = 1 - ((bc + step.count - 1) / step.count) * step.count;
        }
      }
      for (;;) {
        Seconds t = seconds_from_civil({{y, 1, 1}, 0, 0, 0});
        if (t > to) break;
        if (t >= from) out.push_back(t);
        std::int64_t next = y + step.count;
        if (y <= 0 && next > 0 && step.count > 1) next = step.count;  // 100 BC -> AD 100
        y = next;
        if (out.size() > 10000) break;
      }
      break;
    }
    case TickUnit::Month: {
      std::int64_t y = c.date.year;
      unsigned m = unsigned((c.date.month - 1) / step.count * step.count + 1);
      for (;;) {
        Seconds t = seconds_from_civil({{y, m, 1}, 0, 0, 0});
        if (t > to) break;
        if (t >= from) out.push_back(t);
        m += unsigned(step.count);
        while (m > 12) {
          m -= 12;
          ++y;
        }
      }
      break;
    }
    case TickUnit::Week: {
      std::int64_t day = model::floor_div(from, seconds_per_day);
      day -= model::weekday_from_days(day);  // back to Monday
      for (Seconds t = day * seconds_per_day; t <= to; t += 7 * seconds_per_day)
        if (t >= from) out.push_back(t);
      break;
    }
    default: {
      Seconds unit = approx_seconds({step.unit, 1});
      Seconds stride = unit * step.count;
      // Align within the day so that 3-hour ticks land on 00, 03, 06 ...
      Seconds day_start = model::floor_div(from, seconds_per_day) * seconds_per_day;
      Seconds t = step.unit == TickUnit::Day ? day_start : day_start + model::floor_div(from - day_start, stride) * stride;
      for (; t <= to; t += stride)
        if (t >= from) out.push_back(t);
      break;
    }
  }
  return out;
}

SegmentTicks make_ticks(const Segment& seg, const TimeScale& scale, TextMeasurer& measure, const Font& font) {
  const double width = seg.x1 - seg.x0;
  const double gap = 8;
  SegmentTicks fallback;
  for (const TickStep& step : candidate_steps()) {
    const double per_tick = width * double(approx_seconds(step)) / double(seg.to - seg.from);
    if (per_tick < 14) continue;  // far too fine: skip without generating
    std::vector<Seconds> times = tick_times(step, seg.from, seg.to);
    SegmentTicks st;
    st.step = step;
    for (Seconds t : times) st.marks.push_back({t, scale.x(t)});
    bool fits = true;
    if (interval_labels(step)) {
      // A label names the interval [tick, next tick), centred in what is visible of it.
      std::vector<Seconds> bounds = times;
      if (bounds.empty() || bounds.front() > seg.from) bounds.insert(bounds.begin(), seg.from);
      bounds.push_back(seg.to);
      for (std::size_t i = 0; i + 1 < bounds.size(); ++i) {
        if (bounds[i + 1] <= bounds[i]) continue;
        double a = scale.x(bounds[i]), b = scale.x(bounds[i + 1]);
        Seconds start = bounds[i];
        bool partial = (i == 0 && (times.empty() || times.front() != seg.from)) || i + 2 == bounds.size();
        // The first label names the year too, when there is room for it.
        std::string text = label_for(step, start, st.labels.empty());
        double w = measure.width(text, font);
        if (w + gap > b - a && st.labels.empty()) {
          text = label_for(step, start, false);
          w = measure.width(text, font);
        }
        if (partial) {  // a clipped interval is named only when the label still fits
          if (w + gap <= b - a) st.labels.push_back({text, (a + b) / 2, w});
          continue;
        }
        if (w + gap > b - a) {
          fits = false;
          break;
        }
        st.labels.push_back({text, (a + b) / 2, w});
      }
    } else {
      double last_right = -1e18;
      for (std::size_t i = 0; i < times.size(); ++i) {
        std::string text = label_for(step, times[i], i == 0);
        double w = measure.width(text, font);
        double x = scale.x(times[i]);
        if (x - w / 2 < seg.x0 || x + w / 2 > seg.x1) continue;
        if (x - w / 2 < last_right + gap) {
          fits = false;
          break;
        }
        last_right = x + w / 2;
        st.labels.push_back({text, x, w});
      }
    }
    if (fits && !st.labels.empty()) return st;
    if (fits && fallback.marks.empty()) fallback = st;
  }
  return fallback;
}

}  // namespace chronicle::layout
