#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Together's official client (npm together-ai) drives the sandbox's Together dialect through the
# whole loop; with a spec given, through Prism's validating proxy over it (zero violations).
# Usage: run-together.sh /path/to/finetune-studio [/path/to/together/openapi.yaml]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
[ $# -ge 1 ] && [ $# -le 2 ] || fs_fail "usage: $0 FINETUNE_STUDIO_BINARY [TOGETHER_OPENAPI_SPEC]"
fs_require_node_tools
[ -d "$FS_CONTRACT_DIR/node_modules/together-ai" ] ||
    fs_fail "tests/contract/node_modules has no together-ai. Run: cd tests/contract && npm ci"

export SANDBOX_KEY="tg-contract-$RANDOM$RANDOM"
fs_start_sandbox "$1" --time-scale "${FS_CONTRACT_TIME_SCALE:-0.02}" --require-key "$SANDBOX_KEY"
export SANDBOX_ROOT

if [ $# -eq 2 ]; then
    # The spec's server is https://api.together.ai/v1: the upstream carries the /v1.
    SPEC=$(realpath "$2")
    fs_start_prism proxy "$SPEC" "$SANDBOX_ROOT/together/v1"
    export PRISM_URL SPEC
fi

if ! node "$FS_CONTRACT_DIR/together-loop.cjs"; then
    fs_dump_log "$SANDBOX_LOG"
    [ -n "${PRISM_LOG:-}" ] && grep -E "Violation|VIOLATIONS|error" "$PRISM_LOG" | tail -n 40 >&2
    exit 1
fi
