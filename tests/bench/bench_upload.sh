#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The upload benchmark at 1 GB and 256 MB (peak memory must not grow with the size).
# Usage: tests/bench/bench_upload.sh BUILD_DIR [TMP_DIR]
set -e
build=${1:?usage: bench_upload.sh BUILD_DIR [TMP_DIR]}
tmp=${2:-${TMPDIR:-/tmp}}
for size in 1024 256; do
    "$build/tests/bench/bench_upload" --size "$size" --runs 2 --dir "$tmp"
done
