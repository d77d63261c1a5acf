#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `finetune-studio validate` on the generated 100,000-example (~100 MB) chat file: wall time and
# peak memory. Run from a Release build directory:
#   tests/bench/bench_validate.sh BUILD_DIR [FILE]
# FILE defaults to a file bench_dataset_load generates (and keeps) in a temporary folder.
set -eu
build=${1:?usage: bench_validate.sh BUILD_DIR [FILE]}
app="$build/app/finetune-studio"
file=${2:-}
if [ -z "$file" ]; then
    dir=$(mktemp -d)
    trap 'rm -rf "$dir"' EXIT
    file="$dir/bench-100k.jsonl"
    "$build/tests/bench/bench_dataset_load" --examples 100000 --keep "$file" >/dev/null
fi
size=$(stat -c %s "$file")
echo "file: $file ($(echo "$size" | awk '{printf "%.1f MB", $1 / 1e6}'))"
for mode in "--json" ""; do
    # GNU time: %e wall seconds, %M peak resident set in KiB.
    /usr/bin/time -f "%e %M" -o "$file.time" "$app" validate "$file" $mode >/dev/null || true
    read -r wall rss <"$file.time"
    rm -f "$file.time"
    echo "validate ${mode:-(human output)}: ${wall} s wall, peak memory $(echo "$rss $size" | awk '{printf "%.0f MB (%.2f x the file)", $1 / 1024, $1 * 1024 / $2}')"
done
