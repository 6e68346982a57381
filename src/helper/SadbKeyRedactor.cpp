#include "SadbKeyRedactor.h"

#include "core/decode/SadbDumpWalker.h"
#include "core/wire/WireLayout.h"

#include <cstring>

namespace qracoon::helper {

QByteArray SadbKeyRedactor::redact(const QByteArray& payload)
{
    wire::SadbMsg first{};
    if (!wire::readStruct(payload.constData(), std::size_t(payload.size()), 0, first)) {
        return QByteArray();
    }
    if (first.errnum != 0) {
        return payload.left(qsizetype(sizeof(wire::SadbMsg)));
    }
    QByteArray result;
    result.reserve(payload.size());
    SadbDumpWalker walker(payload.constData(), std::size_t(payload.size()));
    while (const auto view = walker.next()) {
        const std::size_t length = view->advance();
        if (view->decodeProblem() != SadbMessageView::Problem::None || length == 0 ||
            length > std::size_t(payload.size()) - walker.offset()) {
            continue;
        }
        const qsizetype start = result.size();
        result.append(payload.constData() + walker.offset(), qsizetype(length));
        for (const std::uint16_t type : {Sadb::Ext::KeyAuth, Sadb::Ext::KeyEncrypt}) {
            const std::string_view extension = view->extension(type);
            if (extension.size() <= sizeof(wire::SadbKey)) {
                continue;
            }
            const auto offset = qsizetype(extension.data() - (payload.constData() + walker.offset()));
            std::memset(result.data() + start + offset + qsizetype(sizeof(wire::SadbKey)), 0,
                        extension.size() - sizeof(wire::SadbKey));
        }
    }
    return result;
}

} // namespace qracoon::helper
