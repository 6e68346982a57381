// One qracoon per user: the first instance listens on a local socket in $XDG_RUNTIME_DIR (per user by
// construction; the user id is in the name for systems without it); a second launch finds it, asks it
// to show its window, and exits.
#pragma once

#include <QLocalServer>
#include <QObject>

namespace qracoon {

class SingleInstance : public QObject
{
    Q_OBJECT

public:
    // `name` overrides the socket path (tests).
    explicit SingleInstance(const QString& name = QString(), QObject* parent = nullptr);

    static QString defaultName();
    QString name() const { return m_name; }
    // True: this is the only instance, and it now listens. False: another one runs and was asked to
    // show its window (or the socket could not be set up: `error` says why, and this one carries on).
    bool claim(QString* error = nullptr);

Q_SIGNALS:
    // Another launch asked this instance to show itself.
    void activationRequested();

private:
    QString m_name;
    QLocalServer m_server;
};

} // namespace qracoon
