#!/usr/bin/env bash
# The lint step CI runs first (.ci/run): fails when any tracked .cpp/.h is not clang-formatted, or
# when clang-tidy (the checked-in .clang-tidy) warns on a .cpp file changed since BASE.
# Usage: scripts/lint.sh [BASE]   (or ZS_LINT_BASE=BASE)
#  BASE defaults to the merge base with main, or HEAD~1 when HEAD is main itself (a clean CI
#  checkout). ZS_LINT_BUILD_DIR (default build-lint) is a configure-only build dir whose
#  compile_commands.json clang-tidy reads; only the moc step runs in it, nothing is compiled.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
"$here/scripts/setup-deps.sh" >/dev/null
start=$SECONDS
format="$(command -v clang-format-14 || command -v clang-format)"
tidy="$(command -v clang-tidy-14 || command -v clang-tidy)"

# 1. Formatting of every tracked source file.
mapfile -t sources < <(git ls-files '*.cpp' '*.h')
# One clang-format process for all files (one per file costs a minute on a loaded 2-core machine);
# each difference is reported as "FILE:LINE:COL: error: code should be clang-formatted".
mapfile -t unformatted < <("$format" --dry-run -Werror "${sources[@]}" 2>&1 |
  sed -n 's/^\(.*\):[0-9]*:[0-9]*: error: code should be clang-formatted.*/\1/p' | sort -u)
if ((${#unformatted[@]})); then
  echo "lint: not clang-formatted (fix with: git clang-format <base>, or $format -i FILE):"
  printf '  %s\n' "${unformatted[@]}"
  exit 1
fi
echo "lint: ${#sources[@]} files clang-formatted ($((SECONDS - start)) s)"

# 2. clang-tidy on the .cpp files changed since the base.
base="${1:-${ZS_LINT_BASE:-}}"
if [ -z "$base" ]; then
  if git rev-parse -q --verify main >/dev/null && [ "$(git merge-base HEAD main)" != "$(git rev-parse HEAD)" ]; then
    base="$(git merge-base HEAD main)"
  else
    base="HEAD~1"
  fi
fi
mapfile -t changed < <(git diff --name-only --diff-filter=ACMR "$base" -- '*.cpp')
if ((${#changed[@]} == 0)); then
  echo "lint: no .cpp file changed since $base, clang-tidy has nothing to check"
  exit 0
fi

build="${ZS_LINT_BUILD_DIR:-$here/build-lint}"
if [ ! -f "$build/compile_commands.json" ]; then
  # Without precompiled headers: clang-tidy then parses each file on its own includes.
  cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
    -DCMAKE_DISABLE_PRECOMPILE_HEADERS=ON >/dev/null
fi
# Sources that include their "foo.moc" need moc's output. Run each target's moc step directly:
# through ninja it would first compile everything the target links to.
find "$build" -name AutogenInfo.json -print0 | xargs -0 -P "$(nproc)" -I{} cmake -E cmake_autogen {} RelWithDebInfo

checked=()
for f in "${changed[@]}"; do
  if grep -q "\"file\": \"$here/$f\"" "$build/compile_commands.json"; then
    checked+=("$f")
  else
    echo "lint: $f is not compiled in this configuration, clang-tidy skips it"
  fi
done
echo "lint: clang-tidy on ${#checked[@]} file(s) changed since $base"
status=0
if ((${#checked[@]})); then
  printf '%s\n' "${checked[@]}" |
    xargs -P "$(nproc)" -n 1 "$tidy" -p "$build" --quiet 2>/dev/null || status=1
fi
if ((status)); then
  echo "lint: clang-tidy found problems (above); fix them or justify a NOLINT(check) next to the line"
  exit 1
fi
echo "lint: clean in $((SECONDS - start)) s"
