// Decodes a SHOW_SA (IPSEC/AH/ESP) reply into IpsecSa values (ADMIN-PROTOCOL.md §7.3).
#pragma once

#include "SadbMessageView.h"
#include "core/Result.h"
#include "core/model/IpsecSa.h"

#include <QStringList>
#include <cstddef>
#include <vector>

namespace qracoon {

struct SadbDump
{
    std::vector<IpsecSa> sas;
    // One sentence per message that could not be decoded, naming the message, its offset and the fault.
    QStringList rejected;
};

// Builds an IpsecSa from a message; fails when view.decodeProblem() is not None.
Result<IpsecSa> decodeIpsecSa(const SadbMessageView& view);

// Every message of the reply. An empty SAD (ENOENT in the first message) gives an empty dump; another
// errno in the first message, or an empty payload, is a failure.
Result<SadbDump> decodeSadbDump(const char* payload, std::size_t size);

} // namespace qracoon
