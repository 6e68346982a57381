// A SecretStore in a map, for unit tests: answers on the next event-loop turn like the real one, and can
// be told to fail.
#pragma once

#include "applet/SecretStore.h"

#include <QMap>

namespace qracoon::test {

class InMemorySecretStore : public SecretStore
{
    Q_OBJECT

public:
    using SecretStore::SecretStore;

    void read(const QString& key, ReadDone done) override;
    void write(const QString& key, const QByteArray& secret, WriteDone done) override;
    void remove(const QString& key, WriteDone done) override;

    QMap<QString, QByteArray> secrets;
    // Non-empty: every operation fails with this message.
    QString failure;
    int reads = 0;
};

} // namespace qracoon::test
