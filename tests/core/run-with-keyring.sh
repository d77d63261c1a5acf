#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a test inside a private D-Bus session with a throw-away, unlocked gnome-keyring, so a
# real QtKeychain round trip can be tested without touching the user's keyring.
# Usage: run-with-keyring.sh TEST-EXECUTABLE [ARGS...]
# The test learns the outcome from FS_KEYRING_STATUS ("ready" or "unavailable: why"); it skips
# when unavailable, except in CI (CI=true), where the keychain test must really run.
set -u

if [ "${1:-}" != "--inner" ]; then
    if ! command -v dbus-run-session >/dev/null 2>&1 || ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
        FS_KEYRING_STATUS="unavailable: dbus-run-session or gnome-keyring-daemon is not installed (packages dbus, gnome-keyring)"
        export FS_KEYRING_STATUS
        exec "$@"
    fi
    exec dbus-run-session -- sh "$0" --inner "$@"
fi
shift

scratch=$(mktemp -d)
HOME="$scratch/home"
XDG_DATA_HOME="$HOME/.local/share"
XDG_CONFIG_HOME="$HOME/.config"
XDG_CACHE_HOME="$HOME/.cache"
XDG_RUNTIME_DIR="$scratch/runtime"
export HOME XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME XDG_RUNTIME_DIR
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
mkdir -m 700 "$XDG_RUNTIME_DIR"

# In the foreground (backgrounded here) so that $! is the daemon and it can be stopped below.
printf 'throw-away-password' | gnome-keyring-daemon --foreground --unlock --components=secrets \
    >"$scratch/keyring.log" 2>&1 &
daemon=$!

# Wait (at most ~10 s) until the Secret Service is on the bus.
FS_KEYRING_STATUS="unavailable: gnome-keyring-daemon did not register the Secret Service"
i=0
while [ $i -lt 100 ]; do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null \
            | grep -q 'boolean true'; then
        FS_KEYRING_STATUS=ready
        break
    fi
    if ! kill -0 "$daemon" 2>/dev/null; then
        FS_KEYRING_STATUS="unavailable: gnome-keyring-daemon exited: $(tr '\n' ' ' <"$scratch/keyring.log")"
        break
    fi
    sleep 0.1
    i=$((i + 1))
done
export FS_KEYRING_STATUS

"$@"
status=$?

kill "$daemon" 2>/dev/null
wait "$daemon" 2>/dev/null
rm -rf "$scratch"
exit $status
