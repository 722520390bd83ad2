#!/usr/bin/env bash
# Builds the libFuzzer harnesses (clang, ASan+UBSan, build dir build-fuzz) and fuzzes each one
# briefly from its committed seeds. New inputs go to a scratch directory, never into the
# committed corpus. A crash, leak, timeout or out-of-memory fails the script and leaves the
# reproducer in build-fuzz/artifacts/.
# Usage: scripts/fuzz-smoke.sh [seconds per harness, default 20] [BUILD_DIR]
#  BUILD_DIR: an existing build with the harnesses (build-asan, the "asan" preset, as CI passes it);
#  only the target fuzz-harnesses is brought up to date there. Without it the harnesses get a
#  build of their own: core and tests/fuzz only (ZS_FUZZ=ON, -O2), in build-fuzz or $ZS_FUZZ_BUILD_DIR.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-20}"
"$here/scripts/setup-deps.sh"
start=$SECONDS
if [ -n "${2:-}" ]; then
  build="$(cd "$2" && pwd)"
  cmake --build "$build" -j"$(nproc)" --target fuzz-harnesses
else
  build="${ZS_FUZZ_BUILD_DIR:-$here/build-fuzz}"
  cxx="$(command -v clang++-14 || command -v clang++)"
  cmake -S "$here" -B "$build" -G Ninja -DZS_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" -DCMAKE_CXX_COMPILER="$cxx"
  cmake --build "$build" -j"$(nproc)"
fi
echo "fuzz-smoke: build took $((SECONDS - start)) s"
mkdir -p "$build/artifacts"
for harness in metadata codec shard_index selection zip_directory string_codec; do
  scratch="$(mktemp -d)"
  echo "fuzz-smoke: $harness for ${seconds} s"
  # -rss_limit_mb/-malloc_limit_mb: a decoder that allocates what a header claims fails here.
  "$build/bin/fuzz_$harness" "$scratch" "$here/tests/fuzz/corpus/$harness" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=256 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$build/artifacts/$harness-" 2>&1 | tail -n 12
  rm -rf "$scratch"
done
echo "fuzz-smoke: all harnesses clean in $((SECONDS - start)) s"
