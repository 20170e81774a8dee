#!/usr/bin/env bash
# Bundles OpenSeadragon, the share page's viewer, into the build: the npm package `openseadragon`
# at the exact version of package.json / package-lock.json beside this script. Nothing it fetches
# is committed. Maven runs it in generate-resources (pom.xml, execution `bundle-viewer`):
#
#   bundle-viewer.sh BUILD_DIR [--offline=true|false]     (BUILD_DIR: target; true under `mvn -o`)
#
# - runs `npm ci` in BUILD_DIR/web/ (offline under `mvn -o`: npm's cache only), then copies
#   openseadragon.min.js, images/*.png and the licence as LICENSE.txt into
#   BUILD_DIR/web/classes/web/openseadragon/, a resource folder of the build (so in the jar);
# - does nothing when that output was made from the same package.json, lockfile and script;
# - without npm, or when npm fails (offline with an empty cache, say), prints one warning and
#   exits 0: the build goes on without the viewer and the share page says it was not bundled.
#   A package whose files are not where this script expects them fails the build.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=${1:?usage: bundle-viewer.sh BUILD_DIR [--offline=true|false]}
offline=false
[ "${2:-}" = --offline=true ] && offline=true
work=$build/web
out=$work/classes/web/openseadragon
stamp=$work/bundled.stamp

warn() {
  echo "[WARNING] OpenSeadragon was not bundled: $*. The build goes on; its share pages will say" \
    "that the image viewer is missing." >&2
}

want=$(cat "$here/package.json" "$here/package-lock.json" "$here/bundle-viewer.sh" \
  | sha256sum | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -f "$out/openseadragon.min.js" ]; then
  echo "OpenSeadragon: up to date in $out"
  exit 0
fi
# Whatever was there came from another version (or a broken run): a build has this one or none.
rm -rf "$out" "$stamp"

if ! command -v npm >/dev/null 2>&1; then
  warn "npm was not found (install Node.js with npm, and build again)"
  exit 0
fi

mkdir -p "$work"
cp "$here/package.json" "$here/package-lock.json" "$work/"
if [ "$offline" = true ]; then
  mode=(--offline)
else
  mode=(--prefer-offline --fetch-retries=1)
fi
if ! (cd "$work" && npm ci --no-audit --no-fund --ignore-scripts "${mode[@]}") >"$work/npm.log" 2>&1
then
  reason=$(grep -m1 -E 'npm (error|ERR!) (code|network)' "$work/npm.log" | sed 's/^npm [a-zA-Z!]* //' \
    || true)
  warn "\`npm ci ${mode[*]}\` failed${reason:+ ($reason)}; npm's output is in $work/npm.log"
  exit 0
fi

pkg=$work/node_modules/openseadragon
mkdir -p "$out/images"
cp "$pkg/build/openseadragon/openseadragon.min.js" "$out/"
cp "$pkg"/build/openseadragon/images/*.png "$out/images/"
cp "$pkg/LICENSE.txt" "$out/LICENSE.txt"
echo "$want" >"$stamp"
version=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$pkg/package.json" | head -1)
echo "OpenSeadragon $version bundled into $out"
