// getaddrinfo for the command-line fuzzer, which is linked with -Wl,--wrap=getaddrinfo: every lookup
// racoonctl's parser makes gets AI_NUMERICHOST added, so whatever host names the fuzzer invents, none
// is ever sent to a DNS server. Service names still come from /etc/services.
#include <netdb.h>

extern "C" int __real_getaddrinfo(const char* node, const char* service, const addrinfo* hints,
                                  addrinfo** res);

extern "C" int __wrap_getaddrinfo(const char* node, const char* service, const addrinfo* hints,
                                  addrinfo** res)
{
    addrinfo numeric{};
    if (hints != nullptr) {
        numeric = *hints;
    }
    numeric.ai_flags |= AI_NUMERICHOST;
    return __real_getaddrinfo(node, service, &numeric, res);
}
