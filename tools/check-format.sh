#!/bin/sh
# check-format.sh: the test `format` of make check. Every tracked C source
# and header must already be laid out as .clang-format says (`make format`
# rewrites them so). Names the files that differ; exits 1 if any does.
set -u
cd "$(dirname "$0")/.."
command -v clang-format >/dev/null || { echo "format: no clang-format (make deps installs it)"; exit 1; }
clang-format --version
files=$(git ls-files '*.c' '*.h') || { echo "format: git ls-files failed"; exit 1; }
existing=""
for f in $files; do
    [ -f "$f" ] && existing="$existing $f"
done
# One clang-format for all files: each line it changes is an error line
# "FILE:LINE:COL: error: code should be clang-formatted [...]".
differ=$(clang-format --dry-run --Werror $existing 2>&1 |
    sed -n 's/^\([^ :]*\):[0-9]*:[0-9]*: error: code should be clang-formatted.*/\1/p' | sort -u)
count=$(echo "$existing" | wc -w)
if [ -n "$differ" ]; then
    for f in $differ; do echo "format: $f differs from .clang-format"; done
    echo "format: $(echo "$differ" | wc -l) of $count files differ (make format fixes them):" $differ
    exit 1
fi
echo "format: all $count files match .clang-format"
