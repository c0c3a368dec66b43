#!/usr/bin/env bash
# Real ninja with a depfile rule: touching any listed file rebuilds, nothing else does.
# usage: ninja_test.sh SOURCE_DIR CHRONICLE_BINARY WORK_DIR
source "$(dirname "$0")/common.sh"
src=$1 bin=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
cp "$src/samples/us-iran.json" timeline.json
mkdir -p tpl
printf '{"extends": "default", "font": {"label": 11}}\n' > tpl/mine.json
cat > build.ninja <<NINJA
rule poster
  command = $bin render \$in -o \$out --template mine --template-dir tpl --depfile \$out.d
  depfile = \$out.d
  deps = gcc
build timeline.pdf: poster timeline.json
NINJA
no_work() { ninja -n 2>&1 | grep -q "no work to do"; }
check "first build" ninja -v
check "the PDF exists" test -s timeline.pdf
check "touching nothing: no work" no_work
later tpl/mine.json
check "touching the user template: work" bash -c "! (ninja -n 2>&1 | grep -q 'no work to do')"
check "rebuild" ninja
check "then no work" no_work
later timeline.json
check "touching the input: work" bash -c "! (ninja -n 2>&1 | grep -q 'no work to do')"
check "rebuild" ninja
check "then no work" no_work
# The base template of the chain, through the depfile ninja recorded in .ninja_deps.
base=$(ninja -t deps timeline.pdf | grep -o '/[^ ]*templates/default.json' | head -1)
check "ninja recorded the base template" test -n "$base"
# Every file of the depfile is a dependency ninja tracks (fonts included), so touching any
# of them rebuilds; the fonts themselves are system files this test does not touch.
deps=$(ninja -t deps timeline.pdf)
for f in fonts.conf NotoSans-Bold.ttf NotoSans-Regular.ttf mine.json timeline.json; do
  check "ninja tracks $f" bash -c "grep -q '$f' <<< \"\$1\"" _ "$deps"
done
finish
