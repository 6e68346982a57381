// racoonctl's argument parsing: parseCommandLine on argument vectors made of the input split at NUL
// bytes. Host names cannot reach DNS (NumericOnlyResolver.cpp); vpn-connect's source-address query
// only connects a UDP socket, which sends nothing.
#include "FuzzCheck.h"
#include "cli/CommandLine.h"

#include <cstddef>
#include <cstdint>
#include <cstring>

using namespace qracoon;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    constexpr int MaxArguments = 32;
    const char* text = reinterpret_cast<const char*>(data);
    QStringList arguments;
    std::size_t at = 0;
    while (at < size && arguments.size() < MaxArguments) {
        const void* nul = std::memchr(text + at, '\0', size - at);
        const std::size_t end =
            nul != nullptr ? static_cast<std::size_t>(static_cast<const char*>(nul) - text) : size;
        arguments.append(QString::fromUtf8(text + at, static_cast<qsizetype>(end - at)));
        at = end + 1;
    }

    const cli::ParseOutcome outcome = cli::parseCommandLine(arguments, QStringLiteral("racoonctl"));
    if (!outcome.invocation) {
        fuzz::check(outcome.exitCode != 0, "a refused command line exits with an error");
        return 0;
    }
    const cli::Invocation& invocation = *outcome.invocation;
    fuzz::check(invocation.action != cli::Invocation::Action::Run || !invocation.requests.empty(),
                "a command line that runs sends at least one request");
    for (const cli::PlannedRequest& request : invocation.requests) {
        if (request.selector) {
            fuzz::check(request.selector->src.family() == request.selector->dst.family(),
                        "both ends of a selector have one family");
        }
    }
    return 0;
}
