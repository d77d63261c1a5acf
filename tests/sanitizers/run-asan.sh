#!/usr/bin/env bash
# Builds with AddressSanitizer + UndefinedBehaviorSanitizer (the asan preset: build-asan/,
# clang, -O1 -g1, with the fuzz targets) and runs the tests of the given labels under it,
# leaks detected (suppressions: tests/sanitizers/lsan.supp). Prints how long each part took.
#
#   tests/sanitizers/run-asan.sh                  # every test (what CI runs)
#   tests/sanitizers/run-asan.sh 'core|sandbox'   # a subset of labels
#   FS_ASAN_UI=OFF tests/sanitizers/run-asan.sh   # without the window (no fs_ui, no ui tests)
set -euo pipefail
cd "$(dirname "$0")/../.."
labels="${1:-}"
jobs="${FS_ASAN_JOBS:-2}"
start=$(date +%s)
cmake --preset asan -DFS_BUILD_UI="${FS_ASAN_UI:-ON}" >/dev/null
cmake --build --preset asan -j"$jobs"
built=$(date +%s)
status=0
ctest --preset asan ${labels:+-L "$labels"} || status=$?
done=$(date +%s)
echo "asan: build $((built - start)) s, tests $((done - built)) s (labels: ${labels:-all})"
exit "$status"
