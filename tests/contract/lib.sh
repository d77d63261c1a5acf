# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by the contract wrappers (sourced, not run): start the sandbox and Prism as child
# processes, wait until they serve, and always stop them again.

FS_CONTRACT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
FS_PIDS=()
FS_LOGS=()
FS_TMP=$(mktemp -d "${TMPDIR:-/tmp}/fs-contract.XXXXXX")

fs_log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
fs_fail() {
    printf 'FAIL: %s\n' "$*" >&2
    exit 1
}

fs_cleanup() {
    local pid
    for pid in "${FS_PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${FS_PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    if [ "${FS_KEEP_LOGS:-0}" = 1 ]; then
        fs_log "logs kept in $FS_TMP"
    else
        rm -rf "$FS_TMP"
    fi
}
trap fs_cleanup EXIT
trap 'exit 130' INT TERM

# A missing node_modules is a setup problem that must be loud, not a silent skip.
fs_require_node_tools() {
    command -v node >/dev/null 2>&1 ||
        fs_fail "node is not installed. Run: packaging/install-deps.sh --tests"
    if [ ! -x "$FS_CONTRACT_DIR/node_modules/.bin/prism" ] ||
        [ ! -d "$FS_CONTRACT_DIR/node_modules/openai" ]; then
        fs_fail "tests/contract/node_modules is missing or incomplete (openai, @stoplight/prism-cli). Run: packaging/install-deps.sh --tests (or: cd tests/contract && npm ci)"
    fi
}

fs_free_port() {
    node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}

fs_dump_log() {
    printf -- '----- %s (last 40 lines) -----\n' "$1" >&2
    tail -n 40 "$1" >&2 || true
    printf -- '-----\n' >&2
}

# fs_start_sandbox BINARY [extra args…]: sets SANDBOX_URL (http://127.0.0.1:N/v1), SANDBOX_ROOT
# (http://127.0.0.1:N) and SANDBOX_PID. The sandbox picks a free port itself and prints its URL.
fs_start_sandbox() {
    local binary=$1
    shift
    [ -x "$binary" ] || fs_fail "sandbox binary not found or not executable: $binary"
    local log="$FS_TMP/sandbox.log"
    FS_LOGS+=("$log")
    SANDBOX_LOG=$log
    QT_QPA_PLATFORM=offscreen "$binary" sandbox --port 0 "$@" >"$log" 2>&1 &
    SANDBOX_PID=$!
    FS_PIDS+=("$SANDBOX_PID")
    local i url
    for ((i = 0; i < 300; ++i)); do
        url=$(grep -o -m1 -E 'http://127\.0\.0\.1:[0-9]+/v1' "$log" 2>/dev/null || true)
        if [ -n "$url" ]; then
            SANDBOX_URL=$url
            SANDBOX_ROOT=${url%/v1}
            fs_log "sandbox (pid $SANDBOX_PID) serves $SANDBOX_URL"
            return 0
        fi
        if ! kill -0 "$SANDBOX_PID" 2>/dev/null; then
            fs_dump_log "$log"
            fs_fail "the sandbox exited before it served: $binary sandbox --port 0 $*"
        fi
        sleep 0.1
    done
    fs_dump_log "$log"
    fs_fail "the sandbox printed no http://127.0.0.1:PORT/v1 line within 30 s"
}

# fs_start_prism mock|proxy SPEC [UPSTREAM]: sets PRISM_URL and PRISM_PID.
fs_start_prism() {
    local mode=$1 spec=$2 upstream=${3:-}
    [ -f "$spec" ] || fs_fail "OpenAPI spec not found: $spec"
    local attempt
    for attempt in 1 2 3; do
        fs_try_start_prism "$mode" "$spec" "$upstream" && return 0
        # Only a port taken between choosing and binding it is worth another try.
        grep -q EADDRINUSE "$PRISM_LOG" || break
        fs_log "prism's port was taken meanwhile; trying another"
    done
    fs_dump_log "$PRISM_LOG"
    fs_fail "prism $mode did not start (log above)"
}

fs_try_start_prism() {
    local mode=$1 spec=$2 upstream=$3
    local port log
    port=$(fs_free_port)
    log="$FS_TMP/prism-$mode-$port.log"
    FS_LOGS+=("$log")
    PRISM_LOG=$log
    local args=("$mode" -h 127.0.0.1 -p "$port")
    [ "$mode" = proxy ] && args+=(--errors)
    args+=("$spec")
    [ -n "$upstream" ] && args+=("$upstream")
    # Started directly (not through npx) so that $! is the server itself.
    "$FS_CONTRACT_DIR/node_modules/.bin/prism" "${args[@]}" >"$log" 2>&1 &
    PRISM_PID=$!
    FS_PIDS+=("$PRISM_PID")
    local started=$SECONDS
    # The 3 MB spec takes 15–45 s to load on 2 shared cores; allow for a busy machine.
    while ((SECONDS - started < 180)); do
        if ! kill -0 "$PRISM_PID" 2>/dev/null; then
            fs_log "prism $mode exited before it listened"
            return 1
        fi
        if grep -q "Prism is listening" "$log"; then
            PRISM_URL="http://127.0.0.1:$port"
            fs_log "prism $mode (pid $PRISM_PID) listens on $PRISM_URL after $((SECONDS - started)) s"
            return 0
        fi
        sleep 0.5
    done
    fs_log "prism $mode did not listen within 180 s"
    return 1
}
