#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `finetune-studio validate` on the generated 100,000-example (~100 MB) chat file: wall time and
# peak memory, and the time against a Node script doing the same checks with gpt-tokenizer
# (tests/data/tokenizer/validate.mjs; needs `npm ci` there). Best of RUNS runs each (default 3):
# the machine may be shared. Run from a Release build directory:
#   tests/bench/bench_validate.sh BUILD_DIR [FILE]
# FILE defaults to a file bench_dataset_load generates (and keeps) in a temporary folder.
set -eu
build=${1:?usage: bench_validate.sh BUILD_DIR [FILE]}
app="$build/app/finetune-studio"
file=${2:-}
runs=${RUNS:-3}
here=$(cd "$(dirname "$0")/../.." && pwd)
if [ -z "$file" ]; then
    dir=$(mktemp -d)
    trap 'rm -rf "$dir"' EXIT
    file="$dir/bench-100k.jsonl"
    "$build/tests/bench/bench_dataset_load" --examples 100000 --keep "$file" >/dev/null
fi
size=$(stat -c %s "$file")
echo "file: $file ($(echo "$size" | awk '{printf "%.1f MB", $1 / 1e6}'))"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

# best COMMAND...: the shortest wall time of $runs runs ("seconds peak-KiB").
best() {
    best_wall=""
    best_rss=""
    i=0
    while [ "$i" -lt "$runs" ]; do
        # GNU time: %e wall seconds, %M peak resident set in KiB.
        /usr/bin/time -f "%e %M" -o "$file.time" "$@" >"$file.out" || true
        read -r wall rss <"$file.time"
        if [ -z "$best_wall" ] || awk "BEGIN { exit !($wall < $best_wall) }"; then
            best_wall=$wall
            best_rss=$rss
        fi
        i=$((i + 1))
    done
    rm -f "$file.time"
}

for mode in "--json" ""; do
    best "$app" validate "$file" $mode
    [ -n "$mode" ] && ours=$best_wall && cp "$file.out" "$file.ours"
    echo "validate ${mode:-(human output)}: ${best_wall} s wall, peak memory $(echo "$best_rss $size" | awk '{printf "%.0f MB (%.2f x the file)", $1 / 1024, $1 * 1024 / $2}')"
done

node_script="$here/tests/data/tokenizer/validate.mjs"
if command -v node >/dev/null 2>&1 && [ -d "$here/tests/data/tokenizer/node_modules/gpt-tokenizer" ]; then
    best node "$node_script" "$file"
    tokens() { grep -o '"total": *[0-9]*' "$1" | head -1 | tr -dc '0-9'; }
    echo "node + gpt-tokenizer: ${best_wall} s wall; tokens $(tokens "$file.out") (validate: $(tokens "$file.ours"))"
    echo "validate / node: $(echo "$ours $best_wall" | awk '{printf "%.2f x", $1 / $2}')"
else
    echo "node + gpt-tokenizer: skipped (no node, or no npm ci in tests/data/tokenizer)"
fi
rm -f "$file.out" "$file.ours"
