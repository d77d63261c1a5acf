#!/usr/bin/env bash
# Compares the CPU time (user+sys, robust against a busy machine) of compiling the same
# translation units in the plain build (build/) and the ASan+UBSan build (build-asan/).
# Usage: tests/sanitizers/measure-tu.sh OBJECT_PATH... (as ninja names them, e.g.
# app/core/CMakeFiles/fs_core.dir/api/apiclient.cpp.o). Prints seconds per unit and the ratio.
set -euo pipefail
cd "$(dirname "$0")/../.."
times=$(mktemp)
trap 'rm -f "$times"' EXIT
for object in "$@"; do
    for dir in build build-asan; do
        command=$(cd "$dir" && ninja -t commands "$object" | tail -n 1 | sed 's/^[^ ]*ccache //')
        command=${command/ -o $object / -o \/dev\/null }
        (cd "$dir" && /usr/bin/time -o "$times" -f '%U %S' bash -c "$command")
        seconds=$(awk '{print $1 + $2}' "$times")
        printf '%s\t%s\t%s s\n' "$dir" "$object" "$seconds"
    done
done
