#!/usr/bin/env bash
# Installs the Debian 12 packages Zarrscope builds and tests with, only those missing.
# Usage: scripts/setup-deps.sh   (uses sudo when not root)
set -euo pipefail

packages=(
  build-essential cmake pkg-config ninja-build
  qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev qt6-httpserver-dev
  # Qt6HttpServerConfig.cmake needs Qt6WebSockets, but Debian's qt6-httpserver-dev does not depend on it
  qt6-websockets-dev
  libqcustomplot-dev libqcustomplot2.1-qt6
  libblosc-dev nlohmann-json3-dev libzstd-dev liblz4-dev zlib1g-dev libbz2-dev
  python3 python3-numpy python3-zarr python3-numcodecs
  # xarray writes the datasets users open (strings, CF attributes, NaN tokens); pandas and cftime are its decoders
  python3-xarray python3-pandas python3-cftime
  # GDAL writes the rasters of the conventions tests (gdal_translate -of ZARR)
  gdal-bin python3-gdal
  nginx-light python3-fsspec python3-aiohttp
  # private data (issue 17): libcrypto for RS256 (GCS service accounts), QtKeychain for the browser's secrets
  libssl-dev qtkeychain-qt6-dev
  # the Connection settings test's real keychain: a private D-Bus session bus, gnome-keyring's Secret
  # Service on it, secret-tool to check that an entry is there (tests/ui/SecretService.h)
  gnome-keyring dbus dbus-x11 libsecret-tools
  # clang + its sanitizer runtimes: libFuzzer harnesses (scripts/fuzz-smoke.sh); openssl: the https test certificate
  clang-14 libclang-rt-14-dev openssl
  # scripts/lint.sh
  clang-format-14 clang-tidy-14
)
# Node.js may come from elsewhere (nodesource conflicts with Debian's npm): only ask apt when absent.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "setup-deps: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup-deps: all Debian packages present"
fi

# The JavaScript peers (zarrita, s3rver, azurite) live in tests/js with their lockfile: install when any is missing.
here="$(cd "$(dirname "$0")/.." && pwd)"
js="$here/tests/js"
if [ -f "$js/package.json" ] && ! (cd "$js" && node -e '
  const deps = Object.keys(require("./package.json").dependencies || {});
  for (const d of deps) require("fs").accessSync("node_modules/" + d + "/package.json");' 2>/dev/null); then
  echo "setup-deps: npm ci in tests/js"
  (cd "$js" && npm ci --no-audit --no-fund --silent)
fi
