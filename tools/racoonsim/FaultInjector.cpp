#include "FaultInjector.h"

#include "SimLog.h"
#include "core/wire/WireLayout.h"

#include <QCoreApplication>
#include <unistd.h>

namespace qracoon::sim {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("FaultInjector", text);
}

// Exit code of a racoonsim killed by die-after, distinct from its error exits.
constexpr int DiedExitCode = 70;

} // namespace

QStringList FaultInjector::names()
{
    return {QStringLiteral("close-mid-reply"), QStringLiteral("delay-replies=MS"),
            QStringLiteral("split-bytes"), QStringLiteral("garbage-frame"), QStringLiteral("die-after=N")};
}

Result<bool> FaultInjector::enable(const QString& spec)
{
    const qsizetype equals = spec.indexOf(QLatin1Char('='));
    const QString name = equals < 0 ? spec : spec.left(equals);
    const QString value = equals < 0 ? QString() : spec.mid(equals + 1);
    bool ok = equals < 0;
    if (name == QLatin1String("close-mid-reply") && ok) {
        m_closeMidReply = true;
        return true;
    }
    if (name == QLatin1String("split-bytes") && ok) {
        m_splitBytes = true;
        return true;
    }
    if (name == QLatin1String("garbage-frame") && ok) {
        m_garbageFrame = true;
        return true;
    }
    const int number = value.toInt(&ok);
    if (name == QLatin1String("delay-replies") && ok && number >= 0) {
        m_replyDelayMs = number;
        return true;
    }
    if (name == QLatin1String("die-after") && ok && number > 0) {
        m_dieAfter = number;
        return true;
    }
    return Result<bool>::failure(
        tr("unknown fault '%1' (expected one of: %2)").arg(spec, names().join(QLatin1String(", "))));
}

void FaultInjector::replySent()
{
    ++m_replies;
    if (m_dieAfter <= 0 || m_replies < m_dieAfter) {
        return;
    }
    qCWarning(lcSim).noquote() << tr("fault die-after=%1: dying now").arg(m_dieAfter);
    if (m_die) {
        m_die();
    } else {
        ::_exit(DiedExitCode);
    }
}

QByteArray FaultInjector::garbage(std::uint16_t command, std::uint16_t proto)
{
    wire::AdminHeader h{};
    h.len = 3;
    h.cmd = command;
    h.proto = proto;
    QByteArray out(reinterpret_cast<const char*>(&h), sizeof h);
    out.append("\xde\xad\xbe\xef garbage from racoonsim \xff\xfe", 29);
    return out;
}

} // namespace qracoon::sim
