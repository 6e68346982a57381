// Where remembered Xauth passwords live: the desktop's keychain in the program (KeychainSecretStore), a
// map in unit tests. Asynchronous, because the Secret Service may ask the user to unlock it first.
// Keys are per gateway (keyFor()); secrets are bytes the caller wipes after use.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <functional>

namespace qracoon {

class SecretStore : public QObject
{
    Q_OBJECT

public:
    // `found` is false when there is no secret or the store failed (then `error` says why).
    using ReadDone = std::function<void(bool found, QByteArray secret, const QString& error)>;
    // `error` is empty on success.
    using WriteDone = std::function<void(const QString& error)>;

    using QObject::QObject;

    static QString keyFor(const QString& gatewayAddress)
    {
        return QStringLiteral("gateway/") + gatewayAddress;
    }

    virtual void read(const QString& key, ReadDone done) = 0;
    virtual void write(const QString& key, const QByteArray& secret, WriteDone done) = 0;
    // Removing a secret that does not exist is not an error.
    virtual void remove(const QString& key, WriteDone done) = 0;
};

} // namespace qracoon
