#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# (c) The app's own API client against Prism's validating mock of the official OpenAPI spec:
# every kind of request it sends must be accepted (no 422). Chat request bodies, whose schema
# Prism cannot compile, are checked afterwards by spec-check.mjs.
# Usage: run-apiclient-mock.sh /path/to/tst_apiclientcontract /path/to/openai-openapi.yaml
set -euo pipefail
source "$(dirname "$0")/lib.sh"
[ $# -eq 2 ] || fs_fail "usage: $0 TEST_EXECUTABLE OPENAPI_SPEC"
[ -x "$1" ] || fs_fail "test executable not found: $1"
fs_require_node_tools
spec=$(realpath "$2")

fs_start_prism mock "$spec"
# The spec's paths have no /v1: Prism's root stands where https://api.openai.com/v1 would.
export FS_CONTRACT_BASE_URL=$PRISM_URL
export FS_CONTRACT_DUMP_DIR="$FS_TMP/bodies"
mkdir -p "$FS_CONTRACT_DUMP_DIR"
export QT_QPA_PLATFORM=offscreen
# Request lines stay in the log; the header dumps only drown them.
export QT_LOGGING_RULES="fs.api.debug=false"

status=0
if ! "$1"; then
    echo "Prism's log of rejected requests:" >&2
    grep -E "Violation|violation|422|error" "$PRISM_LOG" | tail -n 60 >&2 || true
    status=1
fi

shopt -s nullglob
bodies=("$FS_CONTRACT_DUMP_DIR"/chat-*.json)
if [ ${#bodies[@]} -lt 3 ]; then
    echo "FAIL: expected 3 dumped chat request bodies, found ${#bodies[@]}" >&2
    status=1
elif ! node "$FS_CONTRACT_DIR/spec-check.mjs" "$spec" POST /chat/completions request "${bodies[@]}"; then
    status=1
fi
exit $status
