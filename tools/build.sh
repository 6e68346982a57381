#!/bin/sh
# Configures and builds one CMake preset (default: dev) after installing what is missing.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
preset=${1:-dev}
"$top/tools/install-deps.sh"
cd "$top"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)"
