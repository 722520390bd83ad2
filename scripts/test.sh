#!/usr/bin/env bash
# The test command: install what is missing, build, run every test.
# Usage: scripts/test.sh [extra ctest args]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/scripts/build.sh"
cd "${ZS_BUILD_DIR:-$here/build}"
ctest --output-on-failure --timeout 600 "$@"
