#!/usr/bin/env bash
# Installs what is missing (scripts/setup-deps.sh), then configures and builds into build/
# (or $ZS_BUILD_DIR). Both README commands start here.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/scripts/setup-deps.sh"
build="${ZS_BUILD_DIR:-$here/build}"
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build" -j"$(nproc)"
