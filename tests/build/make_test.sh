#!/usr/bin/env bash
# Real make with cmake/posters.mk: depfiles drive rebuilds, nothing else does.
# usage: make_test.sh SOURCE_DIR CHRONICLE_BINARY WORK_DIR
source "$(dirname "$0")/common.sh"
src=$1 bin=$2 work=$3
rm -rf "$work" && mkdir -p "$work/samples" && cd "$work" || exit 1
cp "$src/samples/us-iran.json" samples/
# A template of this test's own, so touching it disturbs no other test.
mkdir -p tpl && cp "$src/templates/default.json" tpl/default.json
flags="CHRONICLE_FLAGS=--template-dir tpl"
mk() { make -s -f "$src/cmake/posters.mk" CHRONICLE="$bin" "$flags" "$@"; }
up_to_date() { mk -q; }

check "first make builds out/us-iran.pdf" mk
check "the PDF exists" test -s out/us-iran.pdf
check "the depfile exists" test -s out/us-iran.pdf.d
check "the depfile names the input" grep -q "samples/us-iran.json" out/us-iran.pdf.d
check "the depfile names the template" grep -q "tpl/default.json" out/us-iran.pdf.d
check "the depfile names fonts.conf" grep -q "fonts/fonts.conf" out/us-iran.pdf.d
check "the depfile names a font file" grep -q "NotoSans-Bold.ttf" out/us-iran.pdf.d
check "touching nothing: up to date" up_to_date
later samples/us-iran.json
check "touching the input: out of date" bash -c "! make -q -f '$src/cmake/posters.mk' CHRONICLE='$bin' '$flags'"
check "make rebuilds" mk
check "then up to date again" up_to_date
# Every file the depfile lists (the template, fonts.conf, ...) is a real prerequisite.
later tpl/default.json
check "touching the template: out of date" bash -c "! make -q -f '$src/cmake/posters.mk' CHRONICLE='$bin' '$flags'"
check "make rebuilds after the template" mk
check "then up to date again" up_to_date
finish
