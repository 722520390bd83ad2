#!/usr/bin/env bash
# Takes README's OME-Zarr screenshots under Xvfb, on the synthetic stores of
# scripts/make_ome_showcase.py: docs/screenshot-ome-image.png (a 3-channel composite in its omero
# colours with the nuclei label image over it, the mouse over a nucleus for the read-out) and
# docs/screenshot-ome-plate.png (a plate of 8 wells, each drawn from its first field).
# Needs a build (scripts/build.sh) and: apt-get install xvfb imagemagick xdotool
# Usage: scripts/screenshots-ome.sh [build dir, default build]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$here/build}"
for tool in Xvfb import xdotool; do
  command -v "$tool" >/dev/null || {
    echo "screenshots: $tool is missing (apt-get install xvfb imagemagick xdotool)" >&2
    exit 1
  }
done
stores="$(mktemp -d)"
/usr/bin/python3 "$here/scripts/make_ome_showcase.py" "$stores"
export DISPLAY=:79
Xvfb "$DISPLAY" -screen 0 1360x860x24 &
xvfb=$!
app=
trap 'kill $app "$xvfb" 2>/dev/null || true; rm -rf "$stores"' EXIT
sleep 1
shoot() { # STORE PNG [x y of the mouse]
  "$build/bin/zarrscope" "$stores/$1" --array / &
  app=$!
  sleep 6
  window="$(xdotool search --sync --onlyvisible --pid "$app" | head -n 1)"
  xdotool windowmove "$window" 0 0 windowsize "$window" 1360 860
  sleep 3
  if [ $# -gt 2 ]; then xdotool mousemove "$3" "$4"; sleep 1; fi
  import -window root "$here/docs/$2"
  kill "$app"
  wait "$app" 2>/dev/null || true
}
shoot cells.ome.zarr screenshot-ome-image.png 722 408 # over the nucleus in the middle
shoot plate.ome.zarr screenshot-ome-plate.png
echo "screenshots: docs/screenshot-ome-{image,plate}.png"
