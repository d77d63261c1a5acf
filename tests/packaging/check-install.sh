#!/usr/bin/env bash
# Installs the build into a throw-away DESTDIR and checks the desktop integration with the
# freedesktop validators (desktop-file-validate, appstreamcli), which nobody here wrote.
set -euo pipefail
build_dir=$1
app_id=$2
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT


DESTDIR="$dest" cmake --install "$build_dir" --prefix /usr >/dev/null

fail=0
check() { if [ -e "$dest/usr/$1" ]; then echo "ok: /usr/$1"; else echo "MISSING: /usr/$1"; fail=1; fi; }
check bin/finetune-studio
check "share/applications/$app_id.desktop"
check "share/metainfo/$app_id.metainfo.xml"
check "share/icons/hicolor/scalable/apps/$app_id.svg"
[ "$fail" = 0 ] || exit 1

desktop-file-validate "$dest/usr/share/applications/$app_id.desktop"
echo "ok: desktop-file-validate"
appstreamcli validate --no-net --pedantic "$dest/usr/share/metainfo/$app_id.metainfo.xml"
echo "ok: appstreamcli validate"

# The installed binary runs and says who it is.
QT_QPA_PLATFORM=offscreen "$dest/usr/bin/finetune-studio" --version | grep -q "finetune-studio"
echo "ok: installed binary runs"
echo "1 passed, 0 failed"
