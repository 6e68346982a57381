#include "StateTrace.h"

namespace qracoon {

StateTrace::StateTrace()
{
    const QString path = qEnvironmentVariable("QRACOON_STATE_LOG");
    if (path.isEmpty()) {
        return;
    }
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
        qWarning("qracoon: cannot open the state log %s", qPrintable(path));
        return;
    }
    m_clock.start();
}

void StateTrace::write(const QString& line)
{
    if (!m_file.isOpen()) {
        return;
    }
    m_file.write(QStringLiteral("%1 %2\n").arg(m_clock.elapsed(), 7).arg(line).toUtf8());
    m_file.flush();
}

} // namespace qracoon
