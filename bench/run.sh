#!/usr/bin/env bash
# The README's benchmark table: layout micro-benchmarks, then whole `chronicle render` runs
# (PDF) at 100 ... 100,000 generated events, with wall time and peak memory (GNU time):
# the median of 5 runs (100,000 events: one run).
# usage: bench/run.sh [BUILD_DIR]   (default build/, after cmake/setup.sh)
set -euo pipefail
build=${1:-build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/bin/bench_layout" --benchmark_filter='BM_LayoutFixedWidth|BM_LayoutPango|BM_DrawOnlyPdf' \
  --benchmark_min_time=0.2 2>/dev/null
"$build/bin/bench_extract" --benchmark_min_time=0.5 2>/dev/null
echo
echo "| events | chronicle render -o x.pdf: wall time (median) | peak memory (most) |"
echo "| ---: | ---: | ---: |"
for n in 100 1000 10000 100000; do
  "$build/bin/bench_generate" "$n" 1 > "$work/t$n.json"
  runs=5
  [ "$n" -ge 100000 ] && runs=1
  : > "$work/times"
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$build/bin/chronicle" render "$work/t$n.json" -o "$work/t$n.pdf" 2>/dev/null
    tail -1 "$work/time" >> "$work/times"
  done
  secs=$(sort -n "$work/times" | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
  kb=$(sort -n -k2 "$work/times" | tail -1 | awk '{print $2}')
  echo "| $n | $secs s | $((kb / 1024)) MB |"
done
