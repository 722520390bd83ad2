#!/usr/bin/env bash
# Takes README's screenshots of the desktop browser on the bundled demo store, under Xvfb:
# docs/screenshot-image.png (sst/sst decoded, the mouse over a cell for the read-out) and
# docs/screenshot-metadata.png (its Metadata tab's Conventions section), and first
# docs/screenshot-welcome.png (the welcome page, no store open, two recent stores); then
# docs/screenshot-statistics.png (the Statistics dock beside the map), docs/screenshot-profile.png
# (a click on the map: the time series at that cell), docs/screenshot-table.png (Table mode) and,
# on the demo served with 20 ms latency (--demo), docs/screenshot-timing.png (the waterfall of
# a sequential and a concurrent pass over all 101 chunks of sst/sst, each on its own time axis).
# The clicks are at the positions of a 1360x860 window with the default layout.
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
xdotool mousemove 421 62 click 1 # back to the Data tab
sleep 1
xdotool mousemove 59 8 click 1 # View
sleep 1
xdotool mousemove 96 117 click 1 # Statistics
sleep 2
xdotool mousemove 760 450
sleep 2
import -window root "$here/docs/screenshot-statistics.png"
xdotool mousemove 59 8 click 1 # View
sleep 1
xdotool mousemove 96 117 click 1 # Statistics off again
sleep 1
xdotool mousemove 760 450 click 1 # a click on a cell: its profile along time
sleep 4
import -window root "$here/docs/screenshot-profile.png"
xdotool key ctrl+4 # the Profile dock off
sleep 1
xdotool mousemove 1095 94 click 1 # Plot / Table
sleep 1
xdotool mousemove 1090 117 click 1 # Table
sleep 3
import -window root "$here/docs/screenshot-table.png"
kill "$app"
wait "$app" 2>/dev/null || true
"$build/bin/zarrscope" --demo --array sst/sst &
app=$!
sleep 6
window="$(xdotool search --sync --onlyvisible --pid "$app" | head -n 1)"
xdotool windowmove "$window" 0 0 windowsize "$window" 1360 860
sleep 2
xdotool mousemove 561 62 click 1 # the Timing tab
sleep 1
xdotool mousemove 820 114 click --repeat 3 1 # the selection: the whole array
xdotool key ctrl+a
xdotool type --delay 20 "0:6443,:,:"
xdotool key Return
sleep 1
xdotool mousemove 1049 143 click 1 # Run: sequential, then 64 in flight
sleep 15
xdotool mousemove 575 214 click 1 # the Waterfall
sleep 2
import -window root "$here/docs/screenshot-timing.png"
echo "screenshots: docs/screenshot-{welcome,image,metadata,statistics,profile,table,timing}.png"
