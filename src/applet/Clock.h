// The applet's source of "now" for uptimes and lifetimes: the wall clock in the program, a settable one
// in tests so they move time instead of sleeping.
#pragma once

#include <ctime>

namespace qracoon {

class Clock
{
public:
    virtual ~Clock() = default;
    virtual std::time_t now() const;
};

} // namespace qracoon
