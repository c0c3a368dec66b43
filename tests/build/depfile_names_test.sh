#!/usr/bin/env bash
# Depfiles for file names with characters make and ninja treat specially (space, '#', '$',
# ':', a backslash before a space): real make and real ninja read them back as the same
# files, so a second build has nothing to do and touching the input rebuilds; a name that
# no depfile can express (a line break) is refused with exit 2 and nothing written.
# usage: depfile_names_test.sh SOURCE_DIR CHRONICLE_BINARY WORK_DIR
source "$(dirname "$0")/common.sh"
src=$1 bin=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
names=('meeting-10:30' 'a b#c$d' 'trail\ sp' 'plain')
for n in "${names[@]}"; do
  cp "$src/samples/us-iran.json" "$n.json"
done
# make: one rule per input, the depfiles included.
{
  echo 'all:'
  i=0
  for n in "${names[@]}"; do
    out="out$i.svg"
    esc=$(printf '%s' "$n.json" | sed -e 's/\\/\\\\/g' -e 's/ /\\ /g' -e 's/#/\\#/g' -e 's/:/\\:/g' -e 's/\$/$$/g')
    recipe=$(printf '%s' "$n.json" | sed -e 's/\$/$$/g')  # a recipe expands $ too
    printf 'all: %s\n%s: %s\n\t%s render %s -o %s --depfile %s.d\n-include %s.d\n' \
      "$out" "$out" "$esc" "$bin" "'$recipe'" "$out" "$out" "$out"
    i=$((i + 1))
  done
} > Makefile
check "make builds" make -s
check "make: nothing to do" bash -c "make -q"
later 'meeting-10:30.json'
check "make: touching an input with ':' rebuilds" bash -c "! make -q"
check "make again" make -s
later 'trail\ sp.json'
check "make: touching 'trail\\ sp' rebuilds" bash -c "! make -q"
check "make again" make -s
check "make: then nothing to do" make -q
# ninja: the depfile the tool wrote, with deps = gcc.
{
  printf 'rule poster\n  command = %s render $in -o $out --depfile $out.d\n  depfile = $out.d\n  deps = gcc\n' "$bin"
  i=0
  for n in "${names[@]}"; do
    esc=$(printf '%s' "$n.json" | sed -e 's/\$/$$/g' -e 's/ /$ /g' -e 's/:/$:/g')
    printf 'build n%s.svg: poster %s\n' "$i" "$esc"
    i=$((i + 1))
  done
} > build.ninja
check "ninja builds" ninja -v
check "ninja: no work" bash -c "ninja -n 2>&1 | grep -q 'no work to do'"
later 'trail\ sp.json'
check "ninja: touching 'trail\\ sp' rebuilds" bash -c "! (ninja -n 2>&1 | grep -q 'no work to do')"
check "ninja again" ninja
check "ninja: then no work" bash -c "ninja -n 2>&1 | grep -q 'no work to do'"
# A line break in a name: refused, exit 2, nothing written.
nl=$'two\nlines'
cp "$src/samples/us-iran.json" "$nl.json"
"$bin" render "$nl.json" -o nl.svg --depfile nl.d 2> nl.err
check "a line break in a name: exit 2" test $? -eq 2
check "the message says why" grep -q "holds a line break" nl.err
check "nothing written" bash -c "! test -e nl.svg && ! test -e nl.d"
finish
