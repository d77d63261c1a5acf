#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Starts the real app with empty settings (a throw-away HOME), waits until the main window shows
# the sandbox connection and its check has finished, then checks what the window said.
# Usage: run-smoke.sh PATH-TO-finetune-studio
set -u
app="$1"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
HOME="$scratch/home"
XDG_CONFIG_HOME="$HOME/.config"
XDG_DATA_HOME="$HOME/.local/share"
XDG_CACHE_HOME="$HOME/.cache"
XDG_RUNTIME_DIR="$scratch/runtime"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"
mkdir -m 700 "$XDG_RUNTIME_DIR"
export HOME XDG_CONFIG_HOME XDG_DATA_HOME XDG_CACHE_HOME XDG_RUNTIME_DIR
export QT_QPA_PLATFORM=offscreen FINETUNE_STUDIO_SMOKE_TEST=1 FS_MESSAGEBOX_AUTOANSWER=1
# No session bus: the keychain must not be needed just to start on the sandbox.
unset DBUS_SESSION_BUS_ADDRESS

"$app" >"$scratch/out.txt" 2>"$scratch/err.txt"
status=$?
cat "$scratch/out.txt"
if [ $status -ne 0 ]; then
    echo "smoke: the app exited with $status" >&2
    cat "$scratch/err.txt" >&2
    exit 1
fi
fail=0
for expected in "connection: Sandbox (Sandbox (offline))" "status: Sandbox (practice, simulated): Connected" "window: Finetune Studio — Sandbox" "areas: 6"; do
    if ! grep -qF "$expected" "$scratch/out.txt"; then
        echo "smoke: expected the line \"$expected\"" >&2
        fail=1
    fi
done
if ! grep -Eq '^models: [1-9]' "$scratch/out.txt"; then
    echo "smoke: expected the sandbox to list models" >&2
    fail=1
fi
[ $fail -eq 0 ] || cat "$scratch/err.txt" >&2
exit $fail
