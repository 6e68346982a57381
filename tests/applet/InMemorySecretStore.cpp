#include "InMemorySecretStore.h"

#include <QTimer>

namespace qracoon::test {

void InMemorySecretStore::read(const QString& key, ReadDone done)
{
    ++reads;
    const bool found = failure.isEmpty() && secrets.contains(key);
    const QByteArray secret = found ? secrets.value(key) : QByteArray();
    QTimer::singleShot(
        0, this, [done = std::move(done), found, secret, error = failure] { done(found, secret, error); });
}

void InMemorySecretStore::write(const QString& key, const QByteArray& secret, WriteDone done)
{
    if (failure.isEmpty()) {
        secrets.insert(key, secret);
    }
    QTimer::singleShot(0, this, [done = std::move(done), error = failure] {
        if (done) {
            done(error);
        }
    });
}

void InMemorySecretStore::remove(const QString& key, WriteDone done)
{
    if (failure.isEmpty()) {
        secrets.remove(key);
    }
    QTimer::singleShot(0, this, [done = std::move(done), error = failure] {
        if (done) {
            done(error);
        }
    });
}

} // namespace qracoon::test
