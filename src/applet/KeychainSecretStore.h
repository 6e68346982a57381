// SecretStore on QtKeychain: the Secret Service (GNOME Keyring, KWallet's bridge) under the service
// name "qracoon". Never falls back to a plain-text file.
#pragma once

#include "SecretStore.h"

namespace qracoon {

class KeychainSecretStore : public SecretStore
{
    Q_OBJECT

public:
    explicit KeychainSecretStore(const QString& service = QStringLiteral("qracoon"),
                                 QObject* parent = nullptr);

    void read(const QString& key, ReadDone done) override;
    void write(const QString& key, const QByteArray& secret, WriteDone done) override;
    void remove(const QString& key, WriteDone done) override;

private:
    QString m_service;
};

} // namespace qracoon
