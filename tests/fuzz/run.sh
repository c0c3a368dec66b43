#!/usr/bin/env bash
# Runs one libFuzzer target for a while on a copy of its seed corpus.
# usage: run.sh FUZZ_BUILD_DIR SOURCE_DIR TARGET SECONDS
set -euo pipefail
build=$1 src=$2 target=$3 seconds=$4
corpus="$build/corpus/$target"
mkdir -p "$corpus"
dict=()
[ -f "$src/tests/fuzz/$target.dict" ] && dict=(-dict="$src/tests/fuzz/$target.dict")
cd "$build"
# -timeout is for hangs: a seed that recurs 1,000 times lays out a 1,000-event poster, 6-8 s
# under ASan and UBSan on this 2-core machine while the sanitizer suite runs beside it.
"$build/bin/fuzz_$target" "${dict[@]}" -max_total_time="$seconds" -max_len=8192 -timeout=30 \
  -rss_limit_mb=2048 -print_final_stats=1 "$corpus" "$src/tests/fuzz/$target" 2>&1 | tail -25
