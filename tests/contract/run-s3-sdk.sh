#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# (e) AWS's official JavaScript S3 client drives the sandbox's bucket store (/s3).
# Usage: run-s3-sdk.sh /path/to/finetune-studio
set -euo pipefail
source "$(dirname "$0")/lib.sh"
[ $# -eq 1 ] || fs_fail "usage: $0 FINETUNE_STUDIO_BINARY"
command -v node >/dev/null 2>&1 || fs_fail "node is not installed. Run: packaging/install-deps.sh --tests"
[ -d "$FS_CONTRACT_DIR/node_modules/@aws-sdk/client-s3" ] ||
    fs_fail "tests/contract/node_modules has no @aws-sdk/client-s3. Run: packaging/install-deps.sh --tests (or: cd tests/contract && npm ci)"

fs_start_sandbox "$1"
export S3_ENDPOINT="$SANDBOX_ROOT/s3"

if ! node "$FS_CONTRACT_DIR/s3-sdk.mjs"; then
    fs_dump_log "$SANDBOX_LOG"
    exit 1
fi
