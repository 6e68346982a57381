#include "KeychainSecretStore.h"

#include <qt6keychain/keychain.h>

namespace qracoon {

KeychainSecretStore::KeychainSecretStore(const QString& service, QObject* parent)
    : SecretStore(parent), m_service(service)
{}

void KeychainSecretStore::read(const QString& key, ReadDone done)
{
    auto* job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job* j) {
        auto* readJob = static_cast<QKeychain::ReadPasswordJob*>(j);
        if (readJob->error() == QKeychain::NoError) {
            done(true, readJob->binaryData(), QString());
        } else if (readJob->error() == QKeychain::EntryNotFound) {
            done(false, {}, QString());
        } else {
            done(false, {}, readJob->errorString());
        }
    });
    job->start();
}

void KeychainSecretStore::write(const QString& key, const QByteArray& secret, WriteDone done)
{
    auto* job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setBinaryData(secret);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job* j) {
        if (done) {
            done(j->error() == QKeychain::NoError ? QString() : j->errorString());
        }
    });
    job->start();
}

void KeychainSecretStore::remove(const QString& key, WriteDone done)
{
    auto* job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job* j) {
        if (done) {
            const bool ok = j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound;
            done(ok ? QString() : j->errorString());
        }
    });
    job->start();
}

} // namespace qracoon
