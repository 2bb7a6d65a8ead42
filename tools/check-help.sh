#!/bin/sh
# check-help.sh: the test `make-help` of make check. `make help` must list
# every phony target and every variable the Makefiles assign with `?=`.
set -u
cd "$(dirname "$0")/.."
help=$(make -s --no-print-directory help) || { echo "make-help: make help failed"; exit 1; }
echo "$help"
missing=""
for t in $(sed -n 's/^\.PHONY://p' Makefile user/user.mk); do
    echo "$help" | grep -q "^  $t " || missing="$missing target:$t"
done
for v in $(sed -n 's/^\([A-Z_][A-Z0-9_]*\) ?=.*/\1/p' Makefile user/user.mk); do
    echo "$help" | grep -q "^  $v=" || missing="$missing variable:$v"
done
if [ -n "$missing" ]; then
    echo "make-help: not listed:$missing"
    exit 1
fi
echo "make-help: every target and variable listed"
