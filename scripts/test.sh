#!/usr/bin/env bash
# The test command: install what is missing, build, run every test.
# Usage: scripts/test.sh [extra ctest args]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/scripts/build.sh"
cd "${ZS_BUILD_DIR:-$here/build}"
# In parallel: most tests wait on servers with latency or on peer processes, not on the CPU.
ctest --output-on-failure --timeout 600 -j"$(nproc)" "$@"
