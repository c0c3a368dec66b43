#include "random_timeline.h"

#include <algorithm>
#include <random>

#include "model/date/calendar.h"

namespace chronicle::testing {

using namespace model;

model::Timeline random_timeline(std::uint32_t seed, int n) {
  std::mt19937 rng(seed);
  auto uniform = [&](double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng); };
  auto pick = [&](int k) { return int(rng() % unsigned(k)); };
  static const char* words[] = {"treaty", "talks", "sanctions", "summit", "ambassador", "meeting", "deal", "crisis",
                                "نشست", "سفیر", "توافق", "election", "withdrawal", "statement", "New York", "Tehran"};
  Timeline tl;
  tl.title = "Random timeline " + std::to_string(seed);
  int tracks = pick(9);
  for (int t = 0; t < tracks; ++t) tl.tracks.push_back({"t" + std::to_string(t), "Track " + std::to_string(t), ""});
  // A few clusters at random places over a random span: tight clusters and long gaps.
  const double span_years = std::pow(10.0, uniform(-2, 3));
  const Seconds origin = seconds_from_civil({{1900, 1, 1}, 0, 0, 0});
  const double span = span_years * 365.25 * 86400;
  int clusters = 1 + pick(5);
  std::vector<std::pair<double, double>> centres;
  for (int c = 0; c < clusters; ++c) centres.push_back({uniform(0, span), span * std::pow(10.0, uniform(-4, -0.5))});
  static const Precision precisions[] = {Precision::Year, Precision::Month, Precision::Day, Precision::Hour,
                                         Precision::Minute};
  static const Seconds lengths[] = {365 * 86400, 30 * 86400, 86400, 3600, 60};
  for (int i = 0; i < n; ++i) {
    auto [centre, width] = centres[pick(clusters)];
    Seconds t = origin + Seconds(std::clamp(centre + uniform(-width, width), 0.0, span));
    Event e;
    e.id = "e" + std::to_string(i);
    int len = 1 + pick(12) + (pick(10) == 0 ? 20 : 0);
    for (int w = 0; w < len; ++w) e.title += std::string(w ? " " : "") + words[pick(16)];
    if (e.title.size() > 200) e.title.resize(e.title.rfind(' ', 200));  // labels up to 200 characters
    int p = pick(5);
    e.start.precision = precisions[p];
    e.start.from = t - t % lengths[p];
    e.start.to = e.start.from + lengths[p];
    e.start.approximate = pick(6) == 0;
    if (pick(8) == 0) {
      DateValue end = e.start;
      end.from = e.start.from + Seconds(uniform(0, span / 10));
      end.to = end.from + lengths[p];
      e.end = end;
    }
    e.track = tracks > 0 ? pick(tracks) : -1;
    // One point event in 16 a milestone, chosen without drawing from rng (so that the
    // rest of the timeline is what it was before milestones existed).
    e.milestone = !e.end && (std::uint32_t(i) * 2654435761u + seed) % 16 == 0;
    tl.events.push_back(e);
  }
  std::stable_sort(tl.events.begin(), tl.events.end(), [](const Event& a, const Event& b) { return a.anchor() < b.anchor(); });
  if (pick(2) == 0) {
    Era era;
    era.title = "An era";
    era.start = tl.events.front().start;
    era.end = tl.events.back().start;
    tl.eras.push_back(era);
  }
  return tl;
}

}  // namespace chronicle::testing
