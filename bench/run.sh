#!/usr/bin/env bash
# The README's benchmark table: layout micro-benchmarks, then whole `chronicle render` runs
# (PDF) at 100 ... 100,000 generated events, with wall time and peak memory (GNU time).
# usage: bench/run.sh [BUILD_DIR]   (default build/, after cmake/setup.sh)
set -euo pipefail
build=${1:-build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/bin/bench_layout" --benchmark_filter='BM_LayoutFixedWidth|BM_LayoutPango|BM_DrawOnlyPdf' \
  --benchmark_min_time=0.2 2>/dev/null
echo
echo "| events | chronicle render -o x.pdf: wall time | peak memory |"
echo "| ---: | ---: | ---: |"
for n in 100 1000 10000 100000; do
  "$build/bin/bench_generate" "$n" 1 > "$work/t$n.json"
  /usr/bin/time -f "%e %M" -o "$work/time" "$build/bin/chronicle" render "$work/t$n.json" -o "$work/t$n.pdf" 2>/dev/null
  read -r secs kb < <(tail -1 "$work/time")
  echo "| $n | $secs s | $((kb / 1024)) MB |"
done
