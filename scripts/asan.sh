#!/usr/bin/env bash
# Builds and runs every test under AddressSanitizer + UndefinedBehaviorSanitizer (the "asan"
# preset of CMakePresets.json, build dir build-asan) and prints how long each step took.
# Usage: scripts/asan.sh [extra ctest args]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
"$here/scripts/setup-deps.sh"
start=$SECONDS
cmake --preset asan
configured=$SECONDS
cmake --build --preset asan -j"$(nproc)"
built=$SECONDS
status=0
ctest --preset asan "$@" || status=$?
echo "asan: configure $((configured - start)) s, build $((built - configured)) s, ctest $((SECONDS - built)) s"
exit $status
