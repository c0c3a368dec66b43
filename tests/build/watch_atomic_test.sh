#!/usr/bin/env bash
# --watch, atomic writes under a kill, many inputs with an output pattern, SOURCE_DATE_EPOCH.
# usage: watch_atomic_test.sh SOURCE_DIR CHRONICLE_BINARY WORK_DIR
source "$(dirname "$0")/common.sh"
src=$1 bin=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
cp "$src/samples/us-iran.json" in.json
sum() { md5sum "$1" 2>/dev/null | cut -d' ' -f1; }
wait_for() {  # wait_for SECONDS command...: until the command succeeds
  local limit=$1
  shift
  for _ in $(seq 1 $((limit * 10))); do "$@" && return 0; sleep 0.1; done
  return 1
}

# A render killed part-way leaves the old output and no temporary file, whatever the signal
# that ends it (a closed pipe, a CPU limit, a timer, a user signal too).
for sig in TERM PIPE XCPU ALRM USR1; do
  printf 'old poster' > out.pdf
  CHRONICLE_TEST_WRITE_DELAY_MS=5000 "$bin" render in.json -o out.pdf &
  pid=$!
  check "SIG$sig: the temporary file appears" wait_for 10 bash -c 'ls -A | grep -q "^\.out\.pdf\.tmp-"'
  kill -$sig $pid
  wait $pid
  check "SIG$sig: exit by signal" test $? -ne 0
  check "SIG$sig: old output untouched" test "$(cat out.pdf)" = "old poster"
  check "SIG$sig: no temporary left" bash -c '! ls -A | grep -q tmp-'
done

# --watch renders again on change, keeps the last good output on errors, stops on Ctrl-C.
rm -f out.svg
"$bin" render in.json -o out.svg --watch 2> watch.err &
pid=$!
check "watch: first render" wait_for 20 test -s out.svg
first=$(sum out.svg)
sed -i 's/"title": "The United States and Iran, 2015–2024"/"title": "Changed title"/' in.json
check "watch: renders again after a change" wait_for 20 bash -c "[ \"\$(md5sum out.svg | cut -d' ' -f1)\" != '$first' ]"
sleep 0.5
second=$(sum out.svg)
printf '{"events": [\n' > in.json
check "watch: the error is printed" wait_for 20 grep -q "in.json:2:1: error: invalid JSON" watch.err
check "watch: the previous output stays" test "$(sum out.svg)" = "$second"
cp "$src/samples/us-iran.json" in.json
check "watch: renders again once the input is fixed" wait_for 20 bash -c "[ \"\$(md5sum out.svg | cut -d' ' -f1)\" = '$first' ]"
kill -INT $pid
wait $pid
check "watch: Ctrl-C ends it with exit 0" test $? -eq 0

# --watch outlives its input's folder: deleted and made again, it is watched again and the
# poster rendered again from the new file.
mkdir -p src
cp "$src/samples/us-iran.json" src/tl.json
rm -f recreated.svg
"$bin" render src/tl.json -o recreated.svg --watch 2> recreated.err &
pid=$!
check "watch, folder: first render" wait_for 20 test -s recreated.svg
first=$(sum recreated.svg)
rm -rf src
check "watch, folder: says the folder is gone" wait_for 20 grep -q "'src' is gone" recreated.err
sleep 1
mkdir src
sed 's/"title": "The United States and Iran, 2015–2024"/"title": "After the folder came back"/' \
  "$src/samples/us-iran.json" > src/tl.json
check "watch, folder: renders again once the folder is back" \
  wait_for 20 bash -c "[ \"\$(md5sum recreated.svg | cut -d' ' -f1)\" != '$first' ]"
check "watch, folder: said once" test "$(grep -c "cannot watch 'src'" recreated.err)" -le 1
kill -INT $pid
wait $pid

# Many inputs, one output pattern: each rendered, every failure reported, worst exit code.
mkdir -p many
cp "$src/samples/us-iran.json" many/a.json
cp "$src/samples/greco-persian-wars.json" many/b.json
printf '{"events": [{"title": "x", "date": "2023-02-30"}]}\n' > many/bad.json
mkdir -p outs
"$bin" render many/a.json many/bad.json many/b.json -o 'outs/{name}.pdf' -o 'outs/{name}.png' 2> many.err
rc=$?
check "pattern: exit code is the worst (1)" test $rc -eq 1
check "pattern: a.pdf written" test -s outs/a.pdf
check "pattern: b.png written" test -s outs/b.png
check "pattern: nothing for the bad input" test ! -e outs/bad.pdf
check "pattern: the failure is reported" grep -q "many/bad.json:1:36: error: invalid date" many.err
"$bin" render many/a.json many/b.json -o 'outs/{name}.svg' --depfile 'outs/{name}.d'
check "pattern: exit 0 when all succeed" test $? -eq 0
check "pattern: one depfile per input" bash -c 'grep -q "many/b.json" outs/b.d && ! grep -q "many/a.json" outs/b.d'
"$bin" render many/a.json many/b.json -o 'outs/same.svg' -o 'outs/{name}.pdf' 2>/dev/null
check "pattern: two inputs writing one file is a usage error" test $? -eq 2

# Reproducible bytes, and SOURCE_DATE_EPOCH sets the PDF date.
"$bin" render in.json -o r1.pdf -o r1.svg -o r1.png && "$bin" render in.json -o r2.pdf -o r2.svg -o r2.png
for ext in pdf svg png; do check "same bytes: $ext" cmp -s r1.$ext r2.$ext; done
SOURCE_DATE_EPOCH=86400 "$bin" render in.json -o epoch.pdf
check "SOURCE_DATE_EPOCH sets CreationDate" bash -c "pdfinfo epoch.pdf | grep -q 'CreationDate: *Fri Jan  2 00:00:00 1970'"
check "otherwise the date comes from the input" bash -c "pdfinfo r1.pdf | grep -q 'CreationDate: *Fri Nov 15 00:00:00 2024'"
finish
