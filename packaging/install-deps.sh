#!/usr/bin/env bash
# Installs what Finetune Studio needs to build, run and test on Debian 12 — only what is missing.
# Idempotent: a second run installs nothing. Usage: packaging/install-deps.sh [--tests]
set -euo pipefail

want_tests=0
[ "${1:-}" = "--tests" ] && want_tests=1

packages=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-charts-dev qt6-httpserver-dev qt6-websockets-dev libqt6opengl6-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qtkeychain-qt6-dev libqt6sql6-sqlite
    libgl-dev qt6-qpa-plugins
    # draws the SVG icons (window and navigation)
    libqt6svg6
    # a keychain for the desktop session (the app tells the user when there is none)
    gnome-keyring libsecret-1-0 dbus
    # fonts with Japanese glyphs for the Japanese interface
    fonts-noto-cjk
    # Qt's own strings (standard buttons) in Japanese
    qt6-translations-l10n
)
if [ "$want_tests" = 1 ]; then
    packages+=(xvfb xauth dbus-x11 imagemagick desktop-file-utils appstream)
    # NLTK's Porter stemmer: the reference that tst_porterstemmer checks ours against
    packages+=(python3-nltk)
    # the project's code style (ctest format_check) and the widget-free build's link check
    packages+=(clang-format binutils)
    # the sanitizer build and the fuzz targets (presets asan, fuzz): clang with libFuzzer, the
    # sanitizer runtimes and the lld linker
    packages+=(clang libclang-rt-14-dev lld)
    # Node.js runs the npm test tools; a machine may already have its own (not from Debian).
    if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
        packages+=(nodejs npm)
    fi
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
    echo "All Debian packages are already installed."
fi

if [ "$want_tests" = 1 ]; then
    # Test tools from npm (the official openai client, Prism, reference tokenizers), pinned in each
    # folder's package-lock.json; installed only when missing or out of date.
    here=$(cd "$(dirname "$0")/.." && pwd)
    for tools in "$here/tests/contract" "$here/tests/data/tokenizer"; do
        [ -f "$tools/package-lock.json" ] || continue
        stamp="$tools/node_modules/.fs-installed"
        if [ ! -f "$stamp" ] || [ "$tools/package-lock.json" -nt "$stamp" ]; then
            (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error)
            touch "$stamp"
        else
            echo "npm test tools in ${tools#"$here"/} are already installed."
        fi
    done
fi
