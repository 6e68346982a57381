#!/bin/sh
# Builds the libFuzzer targets (fuzz preset: clang, ASan+UBSan) and runs each one for SECONDS seconds,
# starting from seeds made from the golden vectors. CI runs the short default; run it longer by hand,
# e.g. `tools/fuzz.sh 600`. Inputs that add coverage accumulate in build/fuzz/corpus/<target>; a crash,
# leak, timeout or out-of-memory input lands in build/fuzz/crashes/<target>/ and fails the run.
# usage: tools/fuzz.sh [SECONDS] [TARGET...]   (targets: ph1dump schedule sadbdump event status frames
#        request cmdline; default all)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-20}
[ $# -gt 0 ] && shift
targets=${*:-ph1dump schedule sadbdump event status frames request cmdline}

"$top/tools/install-deps.sh"
cd "$top"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)" --target qracoon_fuzzers

build="$top/build/fuzz"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
status=0
for target in $targets; do
    corpus="$build/corpus/$target"
    crashes="$build/crashes/$target"
    mkdir -p "$corpus" "$crashes"
    dict=""
    [ "$target" = status ] && dict="-dict=$build/tests/fuzz/seeds/status.dict"
    echo "== fuzz_$target: $seconds s"
    # shellcheck disable=SC2086
    if ! "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$crashes/" $dict \
        "$corpus" "$build/tests/fuzz/seeds/$target" >"$build/fuzz_$target.log" 2>&1; then
        status=1
        echo "fuzz_$target FAILED (log: build/fuzz/fuzz_$target.log, input: build/fuzz/crashes/$target/):"
        grep -E "^(==[0-9]+==ERROR|SUMMARY|fuzz invariant)" "$build/fuzz_$target.log" | head -5 || true
    else
        grep -E "^stat::number_of_executed_units|^#[0-9]+ *DONE" "$build/fuzz_$target.log" | tail -2 || true
    fi
done
exit $status
