#!/bin/sh
# The whole test suite, as CI runs it: installs what is missing, builds, runs CTest, then replays the
# reference's golden vectors with the protocol reference's own checker when ../shared is present.
# With no argument it runs everything CI runs: the suite on the dev preset, again under ASan, UBSan and
# LeakSanitizer (tools/test-asan.sh), then a short pass of every fuzz target (tools/fuzz.sh). With a
# preset name it runs the suite on that preset only.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -eq 0 ]; then
    overall=0
    "$top/tools/test.sh" dev || overall=1
    "$top/tools/test-asan.sh" || overall=1
    "$top/tools/fuzz.sh" || overall=1
    exit $overall
fi
preset=$1
"$top/tools/build.sh" "$preset"
cd "$top"
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"

status=0
ctest --preset "$preset" --timeout 300 || status=1

shared="$top/../shared/protocol"
client="$top/build/$preset/src/cli/racoonctl"
if [ -f "$shared/tools/check_vectors.py" ]; then
    echo "== golden vectors (reference checker) =="
    python3 "$shared/tools/check_vectors.py" "$client" "$shared/vectors" >"$top/build/$preset/check_vectors.log" 2>&1 || status=1
    grep -v '^PASS ' "$top/build/$preset/check_vectors.log" || true
    echo "== status JSON against the reference schema =="
    "$top/tools/check-status-schema.sh" "$top/build/$preset" "$shared/racoonctl-status.schema.json" || status=1
fi
exit $status
