#!/usr/bin/env bash
# Builds Tessera's native Linux packages; run by `./mvnw -Ppackage package` (exec-maven-plugin),
# after maven-dependency-plugin has copied the jars:
#   target/jpackage-input/app/      every runtime dependency but JavaFX; this script adds the
#                                   application's own thin jar: together the launcher's class path
#   target/jpackage-input/javafx/   the JavaFX modular jars for Linux (javafx-base, -graphics,
#                                   -controls, -swing with classifier linux): jlink's module path
# It makes
#   target/jpackage-runtime/        a jlink runtime: the JDK modules the jars need + JavaFX
#   target/jpackage/tessera/        the app-image (bin/tessera is the launcher; bin/tessera-tile
#                                   runs `tessera tile` with the tiler's JVM options)
#   target/jpackage/tessera_<v>_<arch>.deb   built from that app-image
# Needs a full JDK 17 (jlink, jpackage, jmods) and, for the .deb, fakeroot and dpkg-deb
# (Debian: fakeroot, dpkg-dev). Settings come from the environment (Maven passes them):
#   JDK_HOME, TESSERA_APP_VERSION (numeric, for the packages), TESSERA_PROJECT_VERSION (the jar's
#   Implementation-Version), TESSERA_MAIN_CLASS, TESSERA_SMOKE (1, the default: run bin/tessera --help)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target=$root/target
jdk=${JDK_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
version=${TESSERA_APP_VERSION:-0.1.0}
main_class=${TESSERA_MAIN_CLASS:-io.tessera.app.Launcher}
input=$target/jpackage-input
runtime=$target/jpackage-runtime
dest=$target/jpackage

say() { printf '[jpackage] %s\n' "$*"; }
run() { printf '[jpackage] + %s\n' "$*"; "$@"; }
die() { printf '[jpackage] ERROR: %s\n' "$*" >&2; exit 1; }

for tool in jlink jpackage; do
  [ -x "$jdk/bin/$tool" ] || die "$jdk/bin/$tool not found: set JDK_HOME to a full JDK 17"
done
[ -d "$jdk/jmods" ] || die "$jdk/jmods not found: jlink needs the JDK's jmods (Debian: openjdk-17-jdk-headless)"
for tool in fakeroot dpkg-deb; do
  command -v "$tool" >/dev/null || die "$tool not found: a .deb needs it (Debian: apt-get install fakeroot dpkg-dev)"
done

# The application's own classes as a thin jar; its dependencies sit beside it as separate jars.
# (Not target/original-tessera.jar: without `clean`, maven-shade-plugin may set aside an already
# shaded jar under that name.)
[ -d "$target/classes/io/tessera" ] || die "target/classes missing: run the compile phase first"
[ -d "$input/app" ] && [ -d "$input/javafx" ] || die "$input/{app,javafx} missing: maven-dependency-plugin did not run"
manifest=$(mktemp)
trap 'rm -f "$manifest"' EXIT
printf 'Implementation-Title: Tessera\nImplementation-Version: %s\n' "${TESSERA_PROJECT_VERSION:-$version}" > "$manifest"
rm -f "$input/app/tessera.jar"
run "$jdk/bin/jar" --create --file "$input/app/tessera.jar" --manifest "$manifest" \
  --main-class "$main_class" -C "$target/classes" .
ls "$input"/javafx/javafx-graphics-*-linux.jar >/dev/null 2>&1 || die "no Linux JavaFX jars in $input/javafx"

# JDK modules: what `jdeps --print-module-deps` reports for the jars (checked on the shaded jar),
# plus what is reached reflectively or by service lookup (TLS: jdk.crypto.ec; zip file systems:
# jdk.zipfs; RandomGenerator.getDefault(), the webhooks' backoff jitter: jdk.random; charsets for
# imports; locale data for the user's number and date formats, limited to common locales: all of
# jdk.localedata adds 9 MB).
jdk_modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,\
java.naming,java.net.http,java.rmi,java.scripting,java.security.jgss,java.sql,java.xml,\
jdk.charsets,jdk.crypto.ec,jdk.jfr,jdk.localedata,jdk.net,jdk.random,jdk.unsupported,\
jdk.unsupported.desktop,jdk.zipfs
fx_modules=javafx.base,javafx.graphics,javafx.controls,javafx.swing

rm -rf "$runtime" "$dest"
mkdir -p "$dest"
run "$jdk/bin/jlink" \
  --module-path "$jdk/jmods:$input/javafx" \
  --add-modules "$jdk_modules,$fx_modules" \
  --include-locales=en,de,fr,es,it,pt,nl,sv,nb,da,fi,pl,cs,ru,ja,zh \
  --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive \
  --output "$runtime"
# JavaFX's natives sit inside its Linux jars; jlinked from jars they would be extracted into
# ~/.openjfx/cache at the first start. Put them in the runtime's lib/, where JavaFX loads them from.
for jar in "$input"/javafx/*.jar; do
  libs=$("$jdk/bin/jar" tf "$jar" | grep -E '^[^/]+\.so$' || true)
  [ -z "$libs" ] || (cd "$runtime/lib" && "$jdk/bin/jar" xf "$jar" $libs)
done
ls "$runtime/lib/libglassgtk3.so" >/dev/null || die "JavaFX natives missing from $runtime/lib"

common=(
  --name tessera
  --app-version "$version"
  --vendor Tessera
  --description "Offline desktop GIS workstation for surveyors and imagery analysts"
  --copyright "Copyright the Tessera authors. Apache License 2.0"
)

# A second launcher, bin/tessera-tile IN OUT …, runs `tessera tile` with the JVM options that keep
# the tiler's memory at vips's level (README, "Deep zoom tiles"): java -jar cannot carry them.
tile_launcher=$(mktemp)
trap 'rm -f "$manifest" "$tile_launcher"' EXIT
cat > "$tile_launcher" <<PROPS
main-class=io.tessera.app.TileLauncher
java-options=-XX:+UseSerialGC -Xmn16m -XX:TieredStopAtLevel=1
PROPS

run "$jdk/bin/jpackage" --type app-image "${common[@]}" \
  --input "$input/app" \
  --main-jar tessera.jar \
  --main-class "$main_class" \
  --add-launcher tessera-tile="$tile_launcher" \
  --runtime-image "$runtime" \
  --icon "$root/icons/tessera-256.png" \
  --dest "$dest"

run "$jdk/bin/jpackage" --type deb "${common[@]}" \
  --app-image "$dest/tessera" \
  --license-file "$root/LICENSE" \
  --linux-package-name tessera \
  --linux-shortcut \
  --linux-menu-group Science \
  --linux-app-category science \
  --linux-package-deps "libgtk-3-0, libgl1" \
  --dest "$dest"

launcher=$dest/tessera/bin/tessera
[ -x "$launcher" ] || die "launcher $launcher missing"
if [ "${TESSERA_SMOKE:-1}" = 1 ]; then
  say "smoke test: $launcher --help"
  timeout 120 "$launcher" --help || die "$launcher --help exited $?"
  say "smoke test: $launcher-tile --help"
  timeout 120 "$launcher-tile" --help | grep -q 'tile' || die "$launcher-tile --help failed"
  # the service starts on the jlink runtime: a module reached only at run time (a service
  # lookup) shows here, not in --help
  say "smoke test: $launcher serve"
  smoke_dir=$(mktemp -d)
  "$launcher" serve --port 0 --data-dir "$smoke_dir/data" > "$smoke_dir/out" 2>&1 &
  smoke_pid=$!
  for _ in $(seq 1 600); do
    grep -q '^listening on ' "$smoke_dir/out" && break
    kill -0 "$smoke_pid" 2>/dev/null || break
    sleep 0.1
  done
  if ! grep -q '^listening on ' "$smoke_dir/out"; then
    kill "$smoke_pid" 2>/dev/null || true
    cat "$smoke_dir/out" >&2
    die "$launcher serve did not start"
  fi
  kill "$smoke_pid"; wait "$smoke_pid" || true
  rm -rf "$smoke_dir"
fi

deb=$(ls "$dest"/tessera_*.deb)
say "app-image: $(du -sh "$dest/tessera" | cut -f1)  $dest/tessera"
say "runtime:   $(du -sh "$runtime" | cut -f1)  (jlink, JDK + JavaFX modules)"
say "deb:       $(du -h "$deb" | cut -f1)  $deb"
dpkg-deb -f "$deb" Package Version Architecture Depends | sed 's/^/[jpackage]   /'
