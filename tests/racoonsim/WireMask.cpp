#include "WireMask.h"

#include "core/wire/AdminCodes.h"
#include "core/wire/WireLayout.h"

#include <QRegularExpression>

namespace qracoon::sim {

namespace {

constexpr int Header = sizeof(wire::AdminHeader);

void blank(QByteArray& bytes, qsizetype from, qsizetype length)
{
    for (qsizetype i = from; i < from + length && i < bytes.size(); ++i) {
        bytes[i] = '\0';
    }
}

void replaceDigits(QByteArray& text, const QRegularExpression& pattern)
{
    const QString copy = QString::fromLatin1(text);
    auto it = pattern.globalMatch(copy);
    while (it.hasNext()) {
        const auto m = it.next();
        const int group = m.lastCapturedIndex() >= 1 ? 1 : 0;
        for (qsizetype i = m.capturedStart(group); i < m.capturedEnd(group); ++i) {
            text[i] = 'x';
        }
    }
}

} // namespace

QByteArray WireMask::phase1Dump(QByteArray frame)
{
    for (qsizetype at = Header; at + qsizetype(sizeof(wire::Ph1Dump)) <= frame.size();
         at += sizeof(wire::Ph1Dump)) {
        blank(frame, at, 16);
        blank(frame, at + offsetof(wire::Ph1Dump, created), 8);
    }
    return frame;
}

QByteArray WireMask::event(QByteArray frame)
{
    blank(frame, Header + offsetof(wire::EvtAsync, timestamp), 8);
    blank(frame, Header + offsetof(wire::EvtAsync, ph2msgid), 4);
    return frame;
}

QByteArray WireMask::schedule(QByteArray frame)
{
    for (qsizetype at = Header; at + qsizetype(sizeof(wire::SchedDump)) <= frame.size();
         at += sizeof(wire::SchedDump)) {
        blank(frame, at + offsetof(wire::SchedDump, created), 8);
    }
    return frame;
}

QByteArray WireMask::sadbDump(QByteArray frame)
{
    const auto size = static_cast<std::size_t>(frame.size());
    std::size_t at = Header;
    wire::SadbMsg msg{};
    while (wire::readStruct(frame.constData(), size, at, msg) && msg.len >= 2) {
        const std::size_t end = std::min(size, at + std::size_t{msg.len} * 8);
        blank(frame, static_cast<qsizetype>(at + offsetof(wire::SadbMsg, pid)), 4);
        std::size_t ext = at + sizeof msg;
        wire::SadbExt e{};
        while (ext < end && wire::readStruct(frame.constData(), end, ext, e) && e.len > 0) {
            const auto base = static_cast<qsizetype>(ext);
            switch (e.type) {
            case Sadb::Ext::Sa:
                blank(frame, base + offsetof(wire::SadbSa, spi), 4);
                break;
            case Sadb::Ext::LifetimeCurrent:
                blank(frame, base + offsetof(wire::SadbLifetime, addtime), 16);
                break;
            case Sadb::Ext::KeyAuth:
            case Sadb::Ext::KeyEncrypt:
                blank(frame, base + sizeof(wire::SadbKey), e.len * 8 - qsizetype(sizeof(wire::SadbKey)));
                break;
            default:
                break;
            }
            ext += std::size_t{e.len} * 8;
        }
        if (msg.seq == 0) {
            break;
        }
        at = end;
    }
    return frame;
}

QByteArray WireMask::status(QByteArray frame)
{
    static const QRegularExpression timestamp(QStringLiteral("(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d)Z"));
    static const QRegularExpression cookies(QStringLiteral("0x([0-9a-f]{32})"));
    static const QRegularExpression phase2(QStringLiteral("(?:Phase 2: |\"index\":\")0x([0-9a-f]{8})"));
    static const QRegularExpression spi(QStringLiteral("0x([0-9a-f]{4})\\*\\*\\*\\*"));
    for (const QRegularExpression* pattern : {&timestamp, &cookies, &phase2, &spi}) {
        replaceDigits(frame, *pattern);
    }
    return frame;
}

} // namespace qracoon::sim
