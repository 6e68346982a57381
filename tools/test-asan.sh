#!/bin/sh
# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer (asan preset, GCC), with
# LeakSanitizer on: builds build/asan, runs CTest and the reference's vector checker against the
# instrumented racoonctl. Any sanitizer report fails the test it happens in.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
# The same settings as the asan test preset, for the vector checker, which runs outside CTest.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# Leaks inside third-party libraries only, each explained in the file.
export LSAN_OPTIONS="suppressions=$top/tests/lsan.supp:print_suppressions=0"
exec "$top/tools/test.sh" asan
