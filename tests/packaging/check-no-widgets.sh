#!/usr/bin/env bash
# A build without the UI (-DFS_BUILD_UI=OFF) links no Qt Widgets or Qt Charts anywhere (the app
# binary and every test), and the binary asked for its window says it has none (exit 2).
set -euo pipefail
build_dir=$1
binary=$2
fail=0
while IFS= read -r -d '' f; do
    if readelf -d "$f" 2>/dev/null | grep -E 'NEEDED.*libQt6(Widgets|Charts)' >/dev/null; then
        echo "links the UI: $f"
        fail=1
    fi
done < <(find "$build_dir" -type f -perm -u+x \( -name 'finetune-studio' -o -name 'tst_*' -o -name 'bench_*' \) -print0)
set +e
message=$("$binary" 2>&1)
code=$?
set -e
if [ "$code" != 2 ] || ! grep -q "no desktop window" <<<"$message"; then
    echo "without arguments the binary should say it has no window and exit 2; got $code: $message"
    fail=1
fi
[ "$fail" = 0 ] && echo "no Qt Widgets linked; the binary says it has no window."
exit "$fail"
