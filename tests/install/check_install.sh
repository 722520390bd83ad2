#!/usr/bin/env bash
# Usage: check_install.sh BUILD_DIR CMAKE
set -euo pipefail
build="$1"
cmake="$2"
prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
"$cmake" --install "$build" --prefix "$prefix" >/dev/null

fail() { echo "FAIL: $*" >&2; exit 1; }
for f in bin/zarrscope bin/zarrscope-cli \
         share/applications/io.github.zarrscope.Zarrscope.desktop \
         share/metainfo/io.github.zarrscope.Zarrscope.metainfo.xml \
         share/icons/hicolor/scalable/apps/io.github.zarrscope.Zarrscope.svg \
         share/man/man1/zarrscope-cli.1.gz \
         share/zarrscope/demo.zarr/zarr.json share/zarrscope/demo.zarr/sst/time/c/1288; do
  [ -e "$prefix/$f" ] || fail "missing $f"
done
# Nothing of the build or the tests leaks into the install.
if find "$prefix" -name 'tst_*' | grep -q .; then fail "test programs installed"; fi

grep -q '^Exec=zarrscope' "$prefix/share/applications/io.github.zarrscope.Zarrscope.desktop" || fail "desktop Exec"
gzip -t "$prefix/share/man/man1/zarrscope-cli.1.gz" || fail "man page not gzip"
zcat "$prefix/share/man/man1/zarrscope-cli.1.gz" | grep -q '^\.TH ZARRSCOPE-CLI 1' || fail "man page header"

version=$("$prefix/bin/zarrscope-cli" --version)
[[ "$version" == "zarrscope-cli "* ]] || fail "cli --version: $version"
gui_version=$("$prefix/bin/zarrscope" --version)
[[ "$gui_version" == "zarrscope "* ]] || fail "gui --version: $gui_version"
[ "${version#zarrscope-cli }" = "${gui_version#zarrscope }" ] || fail "versions differ: $version / $gui_version"

# The installed CLI finds the installed demo store (build tree moved out of the way by the override).
out=$(ZARRSCOPE_DEMO_STORE= "$prefix/bin/zarrscope-cli" demo --latency-ms 0 --concurrency 8 --json)
echo "$out" | grep -q '"chunks": 1289' || fail "demo from the install: $out"
echo "install layout ok under $prefix"
