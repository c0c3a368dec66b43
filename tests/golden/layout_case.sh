#!/usr/bin/env bash
# Layout golden, one ctest per case: renders tests/golden/cases/NAME.json with the default
# template and compares its --dump-layout, byte for byte, with
# tests/golden/expected-layout/NAME.layout.json (a unified diff on a difference).
# After an intended change: CHRONICLE_ACCEPT=1 ctest --preset default -R golden
# Usage: layout_case.sh CHRONICLE CASE.json EXPECTED_DIR TMP_DIR
set -euo pipefail
chronicle=$1 case=$2 expected_dir=$3 tmp=$4
name=$(basename "$case" .json)
mkdir -p "$tmp"
actual="$tmp/$name.layout.json"
"$chronicle" render "$case" -o "$tmp/$name.pdf" --dump-layout "$actual"
expected="$expected_dir/$name.layout.json"
if [ -n "${CHRONICLE_ACCEPT:-}" ]; then
  mkdir -p "$expected_dir"
  cp "$actual" "$expected"
  echo "$name: accepted"
  exit 0
fi
if [ ! -f "$expected" ]; then
  echo "$name: no expected layout $expected (accept it with CHRONICLE_ACCEPT=1)"
  exit 1
fi
if cmp -s "$expected" "$actual"; then
  echo "$name: layout matches"
  exit 0
fi
diff -u "$expected" "$actual" | head -n 200 || true
echo "$name: the layout differs from $expected"
exit 1
