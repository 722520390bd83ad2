#!/usr/bin/env bash
# The main-job command: install what is missing, build, then open the demo. With a display that is
# `zarrscope --demo` (the bundled store served on loopback with simulated latency); without one,
# `zarrscope-cli demo` prints the sequential-versus-concurrent comparison on the same store.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/scripts/build.sh"
bin="${ZS_BUILD_DIR:-$here/build}/bin"
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$bin/zarrscope" --demo
fi
echo "demo: no display, so the comparison from zarrscope-cli (sequential takes about 30 s)"
exec "$bin/zarrscope-cli" demo
