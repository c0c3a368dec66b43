#!/usr/bin/env bash
# cmake --install, then a tiny external project that uses find_package(chronicle) and
# chronicle_add_poster(); its posters rebuild when, and only when, a dependency changes.
# usage: cmake_package_test.sh SOURCE_DIR BUILD_DIR WORK_DIR
source "$(dirname "$0")/common.sh"
src=$1 build=$2 work=$3
rm -rf "$work" && mkdir -p "$work/consumer" || exit 1
check "cmake --install" cmake --install "$build" --prefix "$work/prefix"
check "installed man page" test -s "$work/prefix/share/man/man1/chronicle.1"
check "installed schema" test -s "$work/prefix/share/chronicle/chronicle.schema.json"
check "installed template" test -s "$work/prefix/share/chronicle/templates/default.json"
cp "$src/samples/us-iran.json" "$work/consumer/timeline.json"
cat > "$work/consumer/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.25)
project(consumer NONE)
find_package(chronicle 0.1 REQUIRED)
chronicle_add_poster(briefing ALL INPUT timeline.json OUTPUTS briefing.pdf slides.svg)
CMAKE
cd "$work" || exit 1
check "configure the consumer" cmake -S consumer -B consumer-build -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix"
check "build the consumer" cmake --build consumer-build
check "the PDF exists" test -s consumer-build/briefing.pdf
check "the SVG exists" test -s consumer-build/slides.svg
no_work() { cmake --build consumer-build -- -n 2>&1 | grep -q "no work to do"; }
check "nothing touched: no work" no_work
later consumer/timeline.json
check "input touched: work" bash -c "! (cmake --build consumer-build -- -n 2>&1 | grep -q 'no work to do')"
check "rebuild" cmake --build consumer-build
check "then no work" no_work
later "$work/prefix/share/chronicle/templates/default.json"
check "installed template touched: work" bash -c "! (cmake --build consumer-build -- -n 2>&1 | grep -q 'no work to do')"
check "rebuild" cmake --build consumer-build
finish
