#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# (a) The official openai npm client drives a real sandbox through the whole loop.
# Usage: run-sdk-loop.sh /path/to/finetune-studio
set -euo pipefail
source "$(dirname "$0")/lib.sh"
[ $# -eq 1 ] || fs_fail "usage: $0 FINETUNE_STUDIO_BINARY"
fs_require_node_tools

export SANDBOX_KEY="sk-contract-$RANDOM$RANDOM"
fs_start_sandbox "$1" --time-scale "${FS_CONTRACT_TIME_SCALE:-0.02}" --require-key "$SANDBOX_KEY"
export SANDBOX_URL SANDBOX_ROOT

if ! node "$FS_CONTRACT_DIR/sdk-loop.mjs"; then
    fs_dump_log "$SANDBOX_LOG"
    exit 1
fi
