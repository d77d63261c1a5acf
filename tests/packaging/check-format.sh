#!/usr/bin/env bash
# Every C++ file of the project in its clang-format style (.clang-format, Qt's style).
# Without clang-format the check is skipped (exit 77), except under CI (CI=true), where it fails.
set -euo pipefail
source_dir=$1
cd "$source_dir"
if ! command -v clang-format >/dev/null 2>&1; then
    exec sh tests/support/missing-tool.sh \
        "clang-format is not installed (packaging/install-deps.sh --tests installs it)."
fi
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    mapfile -t files < <(git ls-files -- '*.cpp' '*.h')
else
    mapfile -t files < <(find app ui tests -name '*.cpp' -o -name '*.h')
fi
# One clang-format run for every file; it names each file out of style ("FILE:LINE:COL: error").
mapfile -t bad < <(clang-format --dry-run --Werror "${files[@]}" 2>&1 | sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: error:.*/\1/p' | sort -u)
if [ "${#bad[@]}" -gt 0 ]; then
    echo "Not in the project's clang-format style (fix with: clang-format -i FILE):"
    printf '  %s\n' "${bad[@]}"
    exit 1
fi
echo "${#files[@]} files in style."
