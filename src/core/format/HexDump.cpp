#include "HexDump.h"

#include "NumberText.h"

namespace qracoon {

void appendRequestHexDump(std::string& out, const AdminRequest& request)
{
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(request.data());
    for (std::size_t i = 0; i < request.size(); ++i) {
        if (i % 4 == 0) {
            if (i != 0 && i % 32 == 0) {
                out.push_back('\n');
            }
            out.push_back(' ');
        }
        if (request.isSecret(i)) {
            text::appendLiteral(out, "**");
        } else {
            text::appendHexByte(out, bytes[i]);
        }
    }
    out.push_back('\n');
}

} // namespace qracoon
