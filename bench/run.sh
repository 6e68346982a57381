#!/bin/sh
# racoonctl benchmarks: builds racoonctl, racoonsim and racoonctl_phases optimised in build/bench, runs
# bench/bench.py against racoonsim --bulk 1,000 / 10,000 / 100,000 and writes bench/REPORT.md.
# Takes a few minutes; the numbers mean most on an otherwise idle machine. Not part of the test suite.
# usage: bench/run.sh [bench.py options, e.g. --counts 1000,10000 --repeat 5]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build="$top/build/bench"
"$top/tools/install-deps.sh"
cmake -S "$top/bench" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "${JOBS:-$(nproc)}" --target racoonctl racoonsim racoonctl_phases applet_bench qracoon
exec python3 "$top/bench/bench.py" --build-dir "$build" --build-type RelWithDebInfo \
    --report "$top/bench/REPORT.md" "$@"
