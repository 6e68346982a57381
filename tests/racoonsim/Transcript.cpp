#include "Transcript.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace qracoon::sim {

Transcript::Transcript(const QString& name) : m_name(name)
{
    QFile file(QStringLiteral(QRACOON_TEST_DATA "/real-transcripts/%1.jsonl").arg(name));
    if (!file.open(QIODevice::ReadOnly)) {
        return;
    }
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.trimmed().isEmpty()) {
            continue;
        }
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        const QString type = o.value(QLatin1String("type")).toString();
        if (type == QLatin1String("frame")) {
            Frame f;
            f.fromClient = o.value(QLatin1String("dir")).toString() == QLatin1String("c2s");
            f.bytes = QByteArray::fromHex(o.value(QLatin1String("hex")).toString().toLatin1());
            f.time = o.value(QLatin1String("ts")).toDouble();
            m_frames.append(f);
        } else if (type == QLatin1String("close")) {
            m_firstEof = o.value(QLatin1String("first_eof")).toString();
        }
    }
    m_valid = !m_frames.isEmpty();
}

QByteArray Transcript::request() const
{
    for (const Frame& f : m_frames) {
        if (f.fromClient) {
            return f.bytes;
        }
    }
    return {};
}

QList<QByteArray> Transcript::serverFrames() const
{
    QList<QByteArray> out;
    for (const Frame& f : m_frames) {
        if (!f.fromClient) {
            out.append(f.bytes);
        }
    }
    return out;
}

QList<double> Transcript::serverTimes() const
{
    QList<double> out;
    for (const Frame& f : m_frames) {
        if (!f.fromClient) {
            out.append(f.time);
        }
    }
    return out;
}

} // namespace qracoon::sim
