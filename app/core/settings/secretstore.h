// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>

namespace fs {

/// The outcome of one keychain operation, as a value.
struct SecretResult
{
    enum class Status {
        Ok, ///< done; for a read, `secret` holds the key
        NotFound, ///< no key is stored under this id
        NoKeychain, ///< no keychain service on this computer (or it refused access)
        TimedOut, ///< the keychain did not answer in time (e.g. a locked keyring)
        Failed, ///< anything else; `message` says what
    };

    Status status = Status::Ok;
    QString secret; ///< the key, for a successful read only
    QString message; ///< plain words for people; empty when Ok
    /// True when the key was kept in memory for this run only because no keychain was available.
    bool sessionOnly = false;

    bool ok() const { return status == Status::Ok; }
    /// True when the keychain itself is missing or not answering (as opposed to "no such key").
    bool keychainUnavailable() const
    {
        return status == Status::NoKeychain || status == Status::TimedOut
                || status == Status::Failed;
    }

    static SecretResult success(const QString &secret = {});
    static SecretResult failure(Status status, const QString &detail = {});
    /// The plain-words explanation for a status (translated).
    static QString plainMessage(Status status);
};

/**
 * @brief Where API keys live: the OS keychain in the app, memory in tests.
 *
 * All calls are asynchronous. The callback runs exactly once, later (never inside the call),
 * and only while `context` is alive; an id is a connection id.
 */
class SecretStore : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const SecretResult &)>;

    using QObject::QObject;
    ~SecretStore() override = default;

    virtual void readKey(const QString &id, QObject *context, Callback done) = 0;
    virtual void writeKey(
            const QString &id, const QString &secret, QObject *context, Callback done) = 0;
    virtual void deleteKey(const QString &id, QObject *context, Callback done) = 0;
};

/// Keeps keys in memory. For unit tests, and the this-run-only fallback of FallbackSecretStore.
class MemorySecretStore : public SecretStore
{
    Q_OBJECT
public:
    using SecretStore::SecretStore;

    void readKey(const QString &id, QObject *context, Callback done) override;
    void writeKey(
            const QString &id, const QString &secret, QObject *context, Callback done) override;
    void deleteKey(const QString &id, QObject *context, Callback done) override;

    /// Makes every following call fail with `status` (Ok: work normally again), so tests can
    /// play a computer without a keychain.
    void simulateFailure(SecretResult::Status status) { m_failure = status; }
    bool contains(const QString &id) const { return m_secrets.contains(id); }
    int count() const { return int(m_secrets.size()); }

private:
    void reply(QObject *context, Callback done, const SecretResult &result);

    QHash<QString, QString> m_secrets;
    SecretResult::Status m_failure = SecretResult::Status::Ok;
};

/**
 * @brief The OS keychain via QtKeychain (Secret Service, macOS Keychain, Windows Credential
 * Store), under the service name FS_APP_ID.
 *
 * Every job is given a time limit: with D-Bus but a locked keyring QtKeychain never answers.
 */
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    explicit KeychainSecretStore(QObject *parent = nullptr);
    explicit KeychainSecretStore(const QString &service, QObject *parent = nullptr);

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    int timeoutMs() const { return m_timeoutMs; }
    QString service() const { return m_service; }

    void readKey(const QString &id, QObject *context, Callback done) override;
    void writeKey(
            const QString &id, const QString &secret, QObject *context, Callback done) override;
    void deleteKey(const QString &id, QObject *context, Callback done) override;

private:
    enum class Op { Read, Write, Delete };
    void run(Op op, const QString &id, const QString &secret, QObject *context, Callback done);

    QString m_service;
    int m_timeoutMs = 5000;
};

/**
 * @brief The store the app uses: the keychain when there is one, otherwise memory for this run.
 *
 * A write that the keychain cannot take is kept in memory and reported as Ok with
 * sessionOnly=true and a message for the user. Reads look in memory first.
 */
class FallbackSecretStore : public SecretStore
{
    Q_OBJECT
public:
    /// Takes ownership of `primary`.
    explicit FallbackSecretStore(SecretStore *primary, QObject *parent = nullptr);

    void readKey(const QString &id, QObject *context, Callback done) override;
    void writeKey(
            const QString &id, const QString &secret, QObject *context, Callback done) override;
    void deleteKey(const QString &id, QObject *context, Callback done) override;

    /// True once the keychain has failed at least once in this run.
    bool keychainFailed() const { return m_keychainFailed; }
    /// The keys held for this run only (e.g. to tell the user).
    bool isSessionOnly(const QString &id) const { return m_memory->contains(id); }

Q_SIGNALS:
    /// The keychain turned out to be unavailable; `message` is for the user.
    void keychainUnavailable(const QString &message);

private:
    void noteFailure(const SecretResult &result);

    SecretStore *m_primary;
    MemorySecretStore *m_memory;
    bool m_keychainFailed = false;
};

} // namespace fs
