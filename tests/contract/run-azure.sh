#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Azure OpenAI: the official `openai` client (api-key header) drives the sandbox's /openai/v1
# through the whole loop, the deployment is made on the management plane after the device-code
# sign-in; with the reference folder given, through two Prism validating proxies: one over Azure's
# v1 data-plane spec, one over the cognitiveservices 2026-09-01 management spec (zero violations).
# Usage: run-azure.sh /path/to/finetune-studio [/path/to/shared/reference/azure-openai-v1]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
[ $# -ge 1 ] && [ $# -le 2 ] || fs_fail "usage: $0 FINETUNE_STUDIO_BINARY [AZURE_REFERENCE_DIR]"
fs_require_node_tools

export SANDBOX_KEY="az-contract-$RANDOM$RANDOM"
# The sign-in is approved after 100 sandbox seconds (2 s at the time scale): the loop sees
# authorization_pending before the token, as an app does while the person types the code.
export FS_SANDBOX_SIGN_IN_SECONDS=100
fs_start_sandbox "$1" --time-scale "${FS_CONTRACT_TIME_SCALE:-0.02}" --require-key "$SANDBOX_KEY"
export SANDBOX_ROOT

if [ $# -eq 2 ]; then
    node "$FS_CONTRACT_DIR/azure-specs.mjs" "$(realpath "$2")" "$FS_TMP/specs" >/dev/null ||
        fs_fail "could not derive Prism's copies of the specs in $2"
    export SPEC="$FS_TMP/specs/azure-v1.json" ARM_SPEC="$FS_TMP/specs/arm.json"
    # The data plane's server is {endpoint}/openai/v1: the upstream carries /openai/v1.
    fs_start_prism proxy "$SPEC" "$SANDBOX_ROOT/openai/v1"
    PRISM_DATA_LOG=$PRISM_LOG
    export PRISM_URL
    # The management spec's paths start at /subscriptions, on the root.
    PRISM_DATA_URL=$PRISM_URL
    fs_start_prism proxy "$ARM_SPEC" "$SANDBOX_ROOT"
    export PRISM_ARM_URL=$PRISM_URL PRISM_URL=$PRISM_DATA_URL
fi

if ! node "$FS_CONTRACT_DIR/azure-loop.mjs"; then
    fs_dump_log "$SANDBOX_LOG"
    if [ -n "${PRISM_DATA_LOG:-}" ]; then
        echo "Prism's own logs of the violations:" >&2
        grep -h -E "Violation|VIOLATIONS|error" "$PRISM_DATA_LOG" "$PRISM_LOG" | tail -n 40 >&2 || true
    fi
    exit 1
fi
