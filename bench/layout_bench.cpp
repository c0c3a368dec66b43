// Layout cost by event count (fixed-width and Pango measurers), and the cost of drawing
// the same Scene with Cairo/Pango alone, for the README's table.
#include <benchmark/benchmark.h>

#include "layout/layout.h"
#include "random_timeline.h"
#include "render/render.h"

using namespace chronicle;

static void BM_LayoutFixedWidth(benchmark::State& state) {
  auto tl = testing::random_timeline(7, int(state.range(0)));
  layout::FixedWidthMeasurer m;
  style::Style st;
  for (auto _ : state) benchmark::DoNotOptimize(layout::layout_timeline(tl, st, m));
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_LayoutFixedWidth)->RangeMultiplier(10)->Range(100, 100000)->Unit(benchmark::kMillisecond)->Complexity();

static render::FontSession& fonts() {
  static Diagnostics diags;
  static auto session = render::FontSession::create(CHRONICLE_FONTS_CONF, diags);
  return *session;
}

static void BM_LayoutPango(benchmark::State& state, unsigned threads) {
  auto tl = testing::random_timeline(7, int(state.range(0)));
  style::Style st;
  Diagnostics diags;
  for (auto _ : state) {
    // A fresh font session each time: the measurer remembers what it measured, and a
    // render measures every text once.
    state.PauseTiming();
    auto session = render::FontSession::create(CHRONICLE_FONTS_CONF, diags, threads);
    state.ResumeTiming();
    benchmark::DoNotOptimize(layout::layout_timeline(tl, st, session->measurer()));
    state.PauseTiming();
    session.reset();
    state.ResumeTiming();
  }
  state.SetComplexityN(state.range(0));
}
// Measuring on one thread, and on two (as `chronicle render` does on this 2-core machine).
BENCHMARK_CAPTURE(BM_LayoutPango, one_thread, 1u)->RangeMultiplier(10)->Range(100, 10000)->Unit(benchmark::kMillisecond)->Complexity();
BENCHMARK_CAPTURE(BM_LayoutPango, two_threads, 2u)->RangeMultiplier(10)->Range(100, 10000)->Unit(benchmark::kMillisecond);

static void BM_DrawOnlyPdf(benchmark::State& state) {
  auto tl = testing::random_timeline(7, int(state.range(0)));
  style::Style st;
  const auto scene = layout::layout_timeline(tl, st, fonts().measurer());
  render::RenderOptions opt;
  Diagnostics diags;
  for (auto _ : state) benchmark::DoNotOptimize(render::render_scene(scene, render::Format::Pdf, fonts(), opt, diags));
}
BENCHMARK(BM_DrawOnlyPdf)->RangeMultiplier(10)->Range(100, 10000)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
