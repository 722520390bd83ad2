#!/usr/bin/env bash
# Installs what is missing (scripts/setup-deps.sh), then configures and builds into build/
# (or $ZS_BUILD_DIR). Both README commands start here.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/scripts/setup-deps.sh"
build="${ZS_BUILD_DIR:-$here/build}"
# Warnings are errors in CI (CI=1, as .ci/run and most CI services set it), not in a local build.
case "${CI:-}" in 1 | true) werror=ON ;; *) werror=OFF ;; esac
werror="${ZS_WERROR:-$werror}"
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DZS_WERROR="$werror"
cmake --build "$build" -j"$(nproc)"
