// SPDX-License-Identifier: GPL-3.0-or-later
#include "awaitsecret.h"
#include "secretstore.h"

#include <QSignalSpy>
#include <QTest>
#include <optional>

using fs::FallbackSecretStore;
using fs::MemorySecretStore;
using fs::SecretResult;
using Status = fs::SecretResult::Status;

using fs::test::awaitSecret;

class tst_SecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void memoryRoundTrip()
    {
        MemorySecretStore store;
        auto write = awaitSecret([&](QObject *c, auto done) {
            store.writeKey(QStringLiteral("id1"), QStringLiteral("sk-one"), c, done);
        });
        QVERIFY(write);
        QVERIFY(write->ok());
        QVERIFY(write->message.isEmpty());

        auto read = awaitSecret(
                [&](QObject *c, auto done) { store.readKey(QStringLiteral("id1"), c, done); });
        QVERIFY(read);
        QVERIFY(read->ok());
        QCOMPARE(read->secret, QStringLiteral("sk-one"));

        auto del = awaitSecret(
                [&](QObject *c, auto done) { store.deleteKey(QStringLiteral("id1"), c, done); });
        QVERIFY(del && del->ok());

        auto again = awaitSecret(
                [&](QObject *c, auto done) { store.readKey(QStringLiteral("id1"), c, done); });
        QVERIFY(again);
        QCOMPARE(again->status, Status::NotFound);
        QVERIFY(again->secret.isEmpty());
        QVERIFY(!again->message.isEmpty());
        QVERIFY(!again->keychainUnavailable());

        auto delAgain = awaitSecret(
                [&](QObject *c, auto done) { store.deleteKey(QStringLiteral("id1"), c, done); });
        QCOMPARE(delAgain->status, Status::NotFound);
    }

    void answersComeLaterNeverInsideTheCall()
    {
        MemorySecretStore store;
        bool called = false;
        store.writeKey(QStringLiteral("x"), QStringLiteral("y"), this,
                [&called](const SecretResult &) { called = true; });
        QVERIFY(!called);
        QTRY_VERIFY(called);
    }

    void noAnswerAfterTheContextIsGone()
    {
        MemorySecretStore store;
        bool called = false;
        auto *context = new QObject;
        store.readKey(
                QStringLiteral("x"), context, [&called](const SecretResult &) { called = true; });
        delete context;
        QTest::qWait(50); // nothing to wait for: proves no answer
        QVERIFY(!called);
    }

    void simulatedMissingKeychain()
    {
        MemorySecretStore store;
        store.simulateFailure(Status::NoKeychain);
        auto write = awaitSecret([&](QObject *c, auto done) {
            store.writeKey(QStringLiteral("id"), QStringLiteral("k"), c, done);
        });
        QCOMPARE(write->status, Status::NoKeychain);
        QVERIFY(write->keychainUnavailable());
        QVERIFY(write->message.contains(QLatin1String("keychain")));
        QVERIFY(!store.contains(QStringLiteral("id")));
    }

    void fallbackUsesTheKeychainWhenItWorks()
    {
        auto *primary = new MemorySecretStore;
        FallbackSecretStore store(primary);
        QSignalSpy unavailable(&store, &FallbackSecretStore::keychainUnavailable);
        auto write = awaitSecret([&](QObject *c, auto done) {
            store.writeKey(QStringLiteral("id"), QStringLiteral("sk-good"), c, done);
        });
        QVERIFY(write->ok());
        QVERIFY(!write->sessionOnly);
        QVERIFY(primary->contains(QStringLiteral("id")));
        QVERIFY(!store.isSessionOnly(QStringLiteral("id")));
        auto read = awaitSecret(
                [&](QObject *c, auto done) { store.readKey(QStringLiteral("id"), c, done); });
        QCOMPARE(read->secret, QStringLiteral("sk-good"));
        QCOMPARE(unavailable.count(), 0);
        QVERIFY(!store.keychainFailed());
    }

    void fallbackKeepsTheKeyForThisRunWithoutAKeychain_data()
    {
        QTest::addColumn<int>("failureCode");
        QTest::newRow("no keychain") << int(Status::NoKeychain);
        QTest::newRow("locked keyring (timed out)") << int(Status::TimedOut);
        QTest::newRow("other failure") << int(Status::Failed);
    }

    void fallbackKeepsTheKeyForThisRunWithoutAKeychain()
    {
        QFETCH(int, failureCode);
        const auto failure = static_cast<Status>(failureCode);
        auto *primary = new MemorySecretStore;
        primary->simulateFailure(failure);
        FallbackSecretStore store(primary);
        QSignalSpy unavailable(&store, &FallbackSecretStore::keychainUnavailable);

        auto write = awaitSecret([&](QObject *c, auto done) {
            store.writeKey(QStringLiteral("id"), QStringLiteral("sk-session"), c, done);
        });
        QVERIFY(write->ok());
        QVERIFY(write->sessionOnly);
        QVERIFY(write->message.contains(QLatin1String("until you close the app")));
        QCOMPARE(unavailable.count(), 1);
        QVERIFY(store.keychainFailed());
        QVERIFY(store.isSessionOnly(QStringLiteral("id")));

        auto read = awaitSecret(
                [&](QObject *c, auto done) { store.readKey(QStringLiteral("id"), c, done); });
        QVERIFY(read->ok());
        QVERIFY(read->sessionOnly);
        QCOMPARE(read->secret, QStringLiteral("sk-session"));

        // A second failure is not announced again.
        auto write2 = awaitSecret([&](QObject *c, auto done) {
            store.writeKey(QStringLiteral("id2"), QStringLiteral("k2"), c, done);
        });
        QVERIFY(write2->sessionOnly);
        QCOMPARE(unavailable.count(), 1);

        auto del = awaitSecret(
                [&](QObject *c, auto done) { store.deleteKey(QStringLiteral("id"), c, done); });
        QVERIFY(del->ok());
        QVERIFY(!store.isSessionOnly(QStringLiteral("id")));
        auto gone = awaitSecret(
                [&](QObject *c, auto done) { store.readKey(QStringLiteral("id"), c, done); });
        QVERIFY(!gone->ok());
        QVERIFY(gone->secret.isEmpty());
    }

    void keychainComingBackReplacesTheSessionCopy()
    {
        auto *primary = new MemorySecretStore;
        primary->simulateFailure(Status::TimedOut);
        FallbackSecretStore store(primary);
        auto first = awaitSecret([&](QObject *c, auto done) {
            store.writeKey(QStringLiteral("id"), QStringLiteral("old"), c, done);
        });
        QVERIFY(first->sessionOnly);
        primary->simulateFailure(Status::Ok);
        auto second = awaitSecret([&](QObject *c, auto done) {
            store.writeKey(QStringLiteral("id"), QStringLiteral("new"), c, done);
        });
        QVERIFY(second->ok());
        QVERIFY(!second->sessionOnly);
        QTRY_VERIFY(!store.isSessionOnly(QStringLiteral("id")));
        auto read = awaitSecret(
                [&](QObject *c, auto done) { store.readKey(QStringLiteral("id"), c, done); });
        QCOMPARE(read->secret, QStringLiteral("new"));
    }

    void plainMessagesExistForEveryFailure()
    {
        for (Status status :
                {Status::NotFound, Status::NoKeychain, Status::TimedOut, Status::Failed})
            QVERIFY(!SecretResult::plainMessage(status).isEmpty());
        QVERIFY(SecretResult::plainMessage(Status::Ok).isEmpty());
        const SecretResult failed =
                SecretResult::failure(Status::Failed, QStringLiteral("D-Bus said no"));
        QVERIFY(failed.message.endsWith(QLatin1String("D-Bus said no")));
    }
};

QTEST_GUILESS_MAIN(tst_SecretStore)
#include "tst_secretstore.moc"
