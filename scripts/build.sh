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
# CI keeps line tables only (-g1): full debug info makes each compile a third slower and nobody
# steps through a CI binary in a debugger; a local build keeps the usual -g.
debug=()
case "${CI:-}" in 1 | true) debug=(-DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG") ;; esac
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DZS_WERROR="$werror" "${debug[@]}"
cmake --build "$build" -j"$(nproc)"
