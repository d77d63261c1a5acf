#!/usr/bin/env bash
# The long runs behind the figures in README.md: each target in turn (never two at once), at the
# lowest priority, until 10 million executions or the time limit. Usage:
#   tests/fuzz/run-long.sh [seconds-per-target] [target ...]     (default 3600 s, all targets)
# Needs the fuzz build (cmake --preset fuzz && cmake --build --preset fuzz). Logs and new inputs
# go to build-fuzz/fuzz-long/; crash inputs to build-fuzz/fuzz-long/<target>-crash-*.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build="${FS_FUZZ_BUILD:-$root/build-fuzz}"  # or the asan build, which has the targets too
seconds=${1:-3600}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(jsonl import sse resultcsv multipart s3xml apitypes)
declare -A seeds=(
    [jsonl]="$root/tests/data/dataset $root/tests/data/sandbox"
    [import]="$root/tests/data/dataset"
    [resultcsv]="$root/tests/data/jobs"
    [apitypes]="$root/tests/data/api"
)
declare -A maxlen=([jsonl]=8192 [import]=8192 [sse]=4096 [resultcsv]=4096 [multipart]=4096
    [s3xml]=8192 [apitypes]=8192)
# Qt itself is built without frame pointers, so ASan's fast unwinder records garbage frames past
# the first Qt frame: every allocation then looks like a new stack, and the stack depot grows
# without end (measured: 42 % of fuzz_jsonl's time in StackDepot::Put after 35 minutes, RSS
# still rising). Two frames per allocation keep the depot small (1.4x the executions, 30 % less
# memory in a 150 s comparison); crashes are still caught, and a crash input replayed without
# this setting gives full allocation stacks.
export ASAN_OPTIONS="${ASAN_OPTIONS:-malloc_context_size=2}"
out="$build/fuzz-long"
mkdir -p "$out"
for t in "${targets[@]}"; do
    mkdir -p "$out/$t"
    # shellcheck disable=SC2086
    nice -n 19 "$build/tests/fuzz/fuzz_$t" -runs=10000000 -max_total_time="$seconds" \
        -max_len="${maxlen[$t]}" -rss_limit_mb=2048 -timeout=25 -print_final_stats=1 \
        -artifact_prefix="$out/$t-" "$out/$t" "$here/corpus/$t" ${seeds[$t]:-} \
        >"$out/$t.log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$t.log" | tail -1)
    last=$(grep -E '^#[0-9]+' "$out/$t.log" | tail -1)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
    echo "fuzz_$t exit=$rc execs=${execs:-?} cov=${cov:-?} ft=${ft:-?} $(date -u +%H:%M:%S)" \
        | tee -a "$out/summary.txt"
done
