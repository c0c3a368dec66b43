// chronicle extract on a long article: the sample articles' paragraphs repeated to
// 5,000 words (and 50,000), through the whole stage (reader, ICU sentences and words, the
// RE2 pass, resolution, titles, merge, JSON). README "Benchmarks".
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "extract/extract_timeline.h"

namespace {

std::string slurp(const std::string& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// A news article of at least `words` words: the two sample articles' text, again and again.
std::string article(std::size_t words) {
  const std::string a = slurp(CHRONICLE_SOURCE_DIR "/samples/articles/musk-iravani-meeting.txt");
  const std::string b = slurp(CHRONICLE_SOURCE_DIR "/samples/articles/araghchi-grossi-talks.txt");
  std::string body = a.substr(a.find("\n\n") + 2) + "\n" + b.substr(b.find("# Iran"));
  std::string out = "Published: 2024-11-15\n\n";
  std::size_t n = 0;
  while (n < words) {
    out += body + "\n";
    for (char c : body) n += c == ' ';
  }
  return out;
}

void BM_ExtractArticle(benchmark::State& state) {
  const std::string text = article(std::size_t(state.range(0)));
  for (auto _ : state) {
    chronicle::Diagnostics diags;
    auto x = chronicle::extract::extract_timeline({{"long.txt", text}}, {}, diags);
    benchmark::DoNotOptimize(x);
  }
  state.counters["words"] = double(state.range(0));
}
BENCHMARK(BM_ExtractArticle)->Arg(5000)->Arg(50000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
