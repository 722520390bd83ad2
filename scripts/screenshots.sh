#!/usr/bin/env bash
# Takes README's screenshots of the desktop browser on the bundled demo store, under Xvfb:
# docs/screenshot-image.png (sst/sst decoded, the mouse over a cell for the read-out) and
# docs/screenshot-metadata.png (its Metadata tab's Conventions section), and first
# docs/screenshot-welcome.png (the welcome page, no store open, two recent stores).
# Needs a build (scripts/build.sh) and: apt-get install xvfb imagemagick xdotool
# Usage: scripts/screenshots.sh [build dir, default build]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$here/build}"
for tool in Xvfb import xdotool; do
  command -v "$tool" >/dev/null || {
    echo "screenshots: $tool is missing (apt-get install xvfb imagemagick xdotool)" >&2
    exit 1
  }
done
export DISPLAY=:77
Xvfb "$DISPLAY" -screen 0 1360x860x24 &
xvfb=$!
trap 'kill "$app" "$xvfb" 2>/dev/null || true' EXIT
sleep 1
# The welcome page, with settings of its own so that the recent stores are these two.
config="$(mktemp -d)"
mkdir -p "$config/Zarrscope"
printf '[General]\nrecentStores=%s, %s\n' "$build/share/zarrscope/demo.zarr" \
  "https://mur-sst.s3.us-west-2.amazonaws.com/zarr" >"$config/Zarrscope/zarrscope.conf"
XDG_CONFIG_HOME="$config" "$build/bin/zarrscope" &
app=$!
sleep 4
window="$(xdotool search --sync --onlyvisible --pid "$app" | head -n 1)"
xdotool windowmove "$window" 0 0 windowsize "$window" 1360 860
sleep 2
import -window root "$here/docs/screenshot-welcome.png"
kill "$app"
wait "$app" 2>/dev/null || true
rm -rf "$config"
"$build/bin/zarrscope" "$build/share/zarrscope/demo.zarr" --array sst/sst &
app=$!
sleep 6
window="$(xdotool search --sync --onlyvisible --pid "$app" | head -n 1)"
xdotool windowmove "$window" 0 0 windowsize "$window" 1360 860
sleep 2
xdotool mousemove 760 450 # over the Pacific, for the read-out
sleep 2
import -window root "$here/docs/screenshot-image.png"
xdotool mousemove 420 62 click 1 # the Metadata tab
sleep 1
xdotool mousemove 517 88 click 1 # its Conventions section
sleep 2
import -window root "$here/docs/screenshot-metadata.png"
echo "screenshots: docs/screenshot-welcome.png docs/screenshot-image.png docs/screenshot-metadata.png"
