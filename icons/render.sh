#!/usr/bin/env bash
# Renders icons/tessera.svg to the PNG sizes the desktop and the packages use, and copies the
# 16–256 px ones into the app's resources (io/tessera/ui/icon/), where the shell loads them.
# Needs rsvg-convert (Debian: librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")"
res=../src/main/resources/io/tessera/ui/icon
mkdir -p "$res"
for s in 16 32 48 64 128 256 512; do
  rsvg-convert -w "$s" -h "$s" tessera.svg -o "tessera-$s.png"
  echo "icons/tessera-$s.png"
done
for s in 16 32 48 64 128 256; do
  cp "tessera-$s.png" "$res/tessera-$s.png"
done
echo "copied 16–256 px to ${res#../}"
