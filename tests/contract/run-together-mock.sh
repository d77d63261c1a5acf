#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The app's Together dialect against Prism's validating mock of Together's official OpenAPI
# spec: every kind of request it builds must be accepted (no 422, no violations), and the mock's
# answers must parse.
# Usage: run-together-mock.sh /path/to/tst_togethercontract /path/to/together/openapi.yaml
set -euo pipefail
source "$(dirname "$0")/lib.sh"
[ $# -eq 2 ] || fs_fail "usage: $0 TEST_EXECUTABLE OPENAPI_SPEC"
[ -x "$1" ] || fs_fail "test executable not found: $1"
[ -f "$2" ] || fs_fail "Together's spec not found: $2 (shared/reference/together/openapi.yaml)"
fs_require_node_tools
spec=$(realpath "$2")

fs_start_prism mock "$spec"
# The spec's paths have no /v1: Prism's root stands where https://api.together.xyz/v1 would.
export FS_CONTRACT_BASE_URL=$PRISM_URL
export QT_QPA_PLATFORM=offscreen
export QT_LOGGING_RULES="fs.api.debug=false"

if ! "$1"; then
    echo "Prism's log of rejected requests:" >&2
    grep -E "Violation|violation|422|error" "$PRISM_LOG" | tail -n 60 >&2 || true
    exit 1
fi
