// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretstore.h"

#include <QCoreApplication>
#include <QTimer>
#include <memory>
#include <qt6keychain/keychain.h>

namespace fs {

SecretResult SecretResult::success(const QString &secret)
{
    SecretResult result;
    result.secret = secret;
    return result;
}

SecretResult SecretResult::failure(Status status, const QString &detail)
{
    SecretResult result;
    result.status = status;
    result.message = plainMessage(status);
    if (!detail.isEmpty() && status == Status::Failed)
        result.message += QLatin1Char(' ') + detail;
    return result;
}

QString SecretResult::plainMessage(Status status)
{
    switch (status) {
    case Status::Ok:
        return {};
    case Status::NotFound:
        return QCoreApplication::translate(
                "SecretStore", "No API key is saved for this connection.");
    case Status::NoKeychain:
        return QCoreApplication::translate("SecretStore",
                "No password keychain is available on this computer, so the API key cannot be "
                "saved safely.");
    case Status::TimedOut:
        return QCoreApplication::translate("SecretStore",
                "The password keychain did not answer. It may be locked: unlock it (for example by "
                "logging in again) and try once more.");
    case Status::Failed:
        return QCoreApplication::translate(
                "SecretStore", "The password keychain reported a problem.");
    }
    return {};
}

// ---- MemorySecretStore ---------------------------------------------------------------------

void MemorySecretStore::reply(QObject *context, Callback done, const SecretResult &result)
{
    // Always later, as a real keychain would answer, so callers cannot rely on re-entrancy.
    QTimer::singleShot(0, context ? context : this, [done = std::move(done), result] {
        if (done)
            done(result);
    });
}

void MemorySecretStore::readKey(const QString &id, QObject *context, Callback done)
{
    if (m_failure != SecretResult::Status::Ok)
        return reply(context, std::move(done), SecretResult::failure(m_failure));
    const auto it = m_secrets.constFind(id);
    if (it == m_secrets.constEnd())
        return reply(
                context, std::move(done), SecretResult::failure(SecretResult::Status::NotFound));
    reply(context, std::move(done), SecretResult::success(it.value()));
}

void MemorySecretStore::writeKey(
        const QString &id, const QString &secret, QObject *context, Callback done)
{
    if (m_failure != SecretResult::Status::Ok)
        return reply(context, std::move(done), SecretResult::failure(m_failure));
    m_secrets.insert(id, secret);
    reply(context, std::move(done), SecretResult::success());
}

void MemorySecretStore::deleteKey(const QString &id, QObject *context, Callback done)
{
    if (m_failure != SecretResult::Status::Ok)
        return reply(context, std::move(done), SecretResult::failure(m_failure));
    if (m_secrets.remove(id) == 0)
        return reply(
                context, std::move(done), SecretResult::failure(SecretResult::Status::NotFound));
    reply(context, std::move(done), SecretResult::success());
}

// ---- KeychainSecretStore -------------------------------------------------------------------

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : KeychainSecretStore(QStringLiteral(FS_APP_ID), parent)
{
}

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : SecretStore(parent)
    , m_service(service)
{
}

void KeychainSecretStore::readKey(const QString &id, QObject *context, Callback done)
{
    run(Op::Read, id, {}, context, std::move(done));
}

void KeychainSecretStore::writeKey(
        const QString &id, const QString &secret, QObject *context, Callback done)
{
    run(Op::Write, id, secret, context, std::move(done));
}

void KeychainSecretStore::deleteKey(const QString &id, QObject *context, Callback done)
{
    run(Op::Delete, id, {}, context, std::move(done));
}

namespace {

SecretResult resultOf(QKeychain::Job *job, bool isRead)
{
    switch (job->error()) {
    case QKeychain::NoError:
        return SecretResult::success(
                isRead ? static_cast<QKeychain::ReadPasswordJob *>(job)->textData() : QString());
    case QKeychain::EntryNotFound:
        return SecretResult::failure(SecretResult::Status::NotFound);
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return SecretResult::failure(SecretResult::Status::NoKeychain);
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    return SecretResult::failure(SecretResult::Status::Failed, job->errorString());
}

} // namespace

void KeychainSecretStore::run(
        Op op, const QString &id, const QString &secret, QObject *context, Callback done)
{
    QKeychain::Job *job = nullptr;
    switch (op) {
    case Op::Read:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case Op::Write: {
        auto *write = new QKeychain::WritePasswordJob(m_service);
        write->setTextData(secret);
        job = write;
        break;
    }
    case Op::Delete:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    // Never a plain-text file instead of the keychain: that is exactly what we promise not to do.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(id);

    QObject *receiver = context ? context : this;
    // Whichever comes first, the job's answer or the time limit, answers the caller; a job that
    // hangs for ever is left to itself (QtKeychain cannot cancel it).
    auto answered = std::make_shared<bool>(false);
    auto callback = std::make_shared<Callback>(std::move(done));
    const bool isRead = op == Op::Read;
    connect(job, &QKeychain::Job::finished, receiver,
            [answered, callback, isRead](QKeychain::Job *finishedJob) {
                if (*answered)
                    return;
                *answered = true;
                if (*callback)
                    (*callback)(resultOf(finishedJob, isRead));
            });
    QTimer::singleShot(m_timeoutMs, receiver, [answered, callback] {
        if (*answered)
            return;
        *answered = true;
        if (*callback)
            (*callback)(SecretResult::failure(SecretResult::Status::TimedOut));
    });
    job->start();
}

// ---- FallbackSecretStore -------------------------------------------------------------------

FallbackSecretStore::FallbackSecretStore(SecretStore *primary, QObject *parent)
    : SecretStore(parent)
    , m_primary(primary)
    , m_memory(new MemorySecretStore(this))
{
    m_primary->setParent(this);
}

void FallbackSecretStore::noteFailure(const SecretResult &result)
{
    const bool first = !m_keychainFailed;
    m_keychainFailed = true;
    if (first)
        Q_EMIT keychainUnavailable(result.message);
}

void FallbackSecretStore::readKey(const QString &id, QObject *context, Callback done)
{
    if (m_memory->contains(id))
        return m_memory->readKey(id, context, [done = std::move(done)](SecretResult result) {
            result.sessionOnly = true;
            if (done)
                done(result);
        });
    QPointer<FallbackSecretStore> self(this);
    m_primary->readKey(id, context, [self, done = std::move(done)](const SecretResult &result) {
        if (self && result.keychainUnavailable())
            self->noteFailure(result);
        if (done)
            done(result);
    });
}

void FallbackSecretStore::writeKey(
        const QString &id, const QString &secret, QObject *context, Callback done)
{
    QPointer<FallbackSecretStore> self(this);
    m_primary->writeKey(id, secret, context,
            [self, id, secret, done = std::move(done)](const SecretResult &result) {
                if (!self) {
                    if (done)
                        done(result);
                    return;
                }
                if (!result.keychainUnavailable()) {
                    // Saved for good: a stale this-run-only copy must not shadow it.
                    self->m_memory->deleteKey(id, self, {});
                    if (done)
                        done(result);
                    return;
                }
                self->noteFailure(result);
                self->m_memory->writeKey(id, secret, self, {});
                SecretResult kept = SecretResult::success();
                kept.sessionOnly = true;
                kept.message = result.message + QLatin1Char(' ')
                        + QCoreApplication::translate("SecretStore",
                                "The key will be used until you close the app, and you will "
                                "need to enter it again next time.");
                if (done)
                    done(kept);
            });
}

void FallbackSecretStore::deleteKey(const QString &id, QObject *context, Callback done)
{
    const bool hadMemoryCopy = m_memory->contains(id);
    m_memory->deleteKey(id, this, {});
    QPointer<FallbackSecretStore> self(this);
    m_primary->deleteKey(
            id, context, [self, hadMemoryCopy, done = std::move(done)](const SecretResult &result) {
                if (self && result.keychainUnavailable())
                    self->noteFailure(result);
                // Deleting a this-run-only key succeeds even without a keychain.
                if (hadMemoryCopy && !result.ok()) {
                    if (done)
                        done(SecretResult::success());
                    return;
                }
                if (done)
                    done(result);
            });
}

} // namespace fs
