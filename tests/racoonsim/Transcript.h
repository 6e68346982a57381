// One recorded step of tests/data/real-transcripts: the frames racoonctl and the real racoon exchanged.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace qracoon::sim {

class Transcript
{
public:
    struct Frame
    {
        bool fromClient = false;
        QByteArray bytes;
        double time = 0; // when its last byte arrived, seconds
    };

    // Loads real-transcripts/NAME.jsonl; check isValid().
    explicit Transcript(const QString& name);

    bool isValid() const { return m_valid; }
    QString name() const { return m_name; }
    const QList<Frame>& frames() const { return m_frames; }
    QByteArray request() const;             // the first client frame
    QList<QByteArray> serverFrames() const; // in order
    QList<double> serverTimes() const;
    QString firstEof() const { return m_firstEof; } // "racoon" or "client"

private:
    QString m_name;
    QList<Frame> m_frames;
    QString m_firstEof;
    bool m_valid = false;
};

} // namespace qracoon::sim
