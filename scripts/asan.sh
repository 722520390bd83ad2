#!/usr/bin/env bash
# Builds and runs the sanitizer-labelled tests under AddressSanitizer + UndefinedBehaviorSanitizer
# (the "asan" preset of CMakePresets.json: clang, build dir build-asan) and prints how long each
# step took. Only the targets sanitizer-tests (the test programs those tests run and what they
# need: zarrscope-cli, the demo store; not the desktop app, the fuzz replays or the installer) and
# fuzz-harnesses are built: the libFuzzer harnesses share the sanitized core, so
# `scripts/fuzz-smoke.sh SECONDS build-asan` fuzzes without compiling the tree again.
# Usage: scripts/asan.sh [extra ctest args]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
"$here/scripts/setup-deps.sh"
start=$SECONDS
cmake --preset asan
configured=$SECONDS
cmake --build --preset asan -j"$(nproc)" --target sanitizer-tests fuzz-harnesses
built=$SECONDS
status=0
# One at a time: two ASan processes on 2 cores make the timing tests (requests in flight before the
# first answer) and shutdown races flaky.
ctest --preset asan -L sanitizer "$@" || status=$?
echo "asan: configure $((configured - start)) s, build $((built - configured)) s, ctest $((SECONDS - built)) s"
exit $status
