// Invariants the fuzz targets assert beyond "no crash": a broken one aborts, so libFuzzer reports it
// as a crash and saves the input.
#pragma once

#include <cstdio>
#include <cstdlib>

namespace qracoon::fuzz {

inline void check(bool condition, const char* what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
        std::abort();
    }
}

} // namespace qracoon::fuzz
