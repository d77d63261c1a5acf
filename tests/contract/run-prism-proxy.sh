#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# (b) The loop of (a) through Prism's validating proxy (--errors) over the official OpenAPI spec,
# in front of a real sandbox: zero violations allowed.
# Usage: run-prism-proxy.sh /path/to/finetune-studio /path/to/openai-openapi.yaml
set -euo pipefail
source "$(dirname "$0")/lib.sh"
[ $# -eq 2 ] || fs_fail "usage: $0 FINETUNE_STUDIO_BINARY OPENAPI_SPEC"
fs_require_node_tools
SPEC=$(realpath "$2")
export SPEC

export SANDBOX_KEY="sk-contract-$RANDOM$RANDOM"
fs_start_sandbox "$1" --time-scale "${FS_CONTRACT_TIME_SCALE:-0.02}" --require-key "$SANDBOX_KEY"
export SANDBOX_URL SANDBOX_ROOT

# The spec's paths have no /v1 (its server is https://api.openai.com/v1): the upstream carries it.
fs_start_prism proxy "$SPEC" "$SANDBOX_URL"
export PRISM_URL

if ! node "$FS_CONTRACT_DIR/prism-proxy-loop.mjs"; then
    fs_dump_log "$SANDBOX_LOG"
    echo "Prism's own log of the violations:" >&2
    grep -E "Violation|VIOLATIONS|error" "$PRISM_LOG" | tail -n 40 >&2 || true
    exit 1
fi
