// A scripted racoon for replaying golden vectors: records the request bytes the client sends and answers
// with the recorded reply frames, honouring the vector's timing (delays, chunking, hold or close).
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <atomic>
#include <mutex>
#include <thread>

class FakeAdminDaemon
{
public:
    struct Connection
    {
        QList<QByteArray> frames;
        QByteArray partial;
        QByteArray extra;
    };

    FakeAdminDaemon(QString path, const QJsonObject& testCase);
    ~FakeAdminDaemon();

    bool start(QString* error);
    // Stops serving and returns what every connection carried.
    QList<Connection> stop();

private:
    void serve();
    void handle(int fd, const QList<QByteArray>& replies, Connection& record);
    void sendFrames(int fd, const QList<QByteArray>& replies);

    QString m_path;
    QList<QByteArray> m_replies;
    QString m_mode;
    bool m_hold = false;
    double m_holdTimeout = 5.0;
    int m_frameDelayMs = 0;
    int m_chunkSize = 0;
    int m_chunkDelayMs = 5;
    int m_listenFd = -1;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::mutex m_lock;
    QList<Connection> m_connections;
};
