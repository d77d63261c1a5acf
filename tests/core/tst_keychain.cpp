// SPDX-License-Identifier: GPL-3.0-or-later
// A real QtKeychain round trip. Run through run-with-keyring.sh, which starts a private D-Bus
// session with a throw-away gnome-keyring and says in FS_KEYRING_STATUS whether it worked.
#include "awaitsecret.h"
#include "requiretool.h"
#include "secretstore.h"

#include <QTest>
#include <optional>

using fs::KeychainSecretStore;
using fs::SecretResult;
using Status = fs::SecretResult::Status;

using fs::test::awaitSecret;

class tst_Keychain : public QObject
{
    Q_OBJECT

    const QString m_service = QStringLiteral(FS_APP_ID ".tests");
    const QString m_id = QStringLiteral("tst-keychain-0b7c1e");

private Q_SLOTS:
    void initTestCase()
    {
        const QString status = qEnvironmentVariable("FS_KEYRING_STATUS");
        if (status == QLatin1String("ready"))
            return;
        const QString why = status.isEmpty()
                ? QStringLiteral("not started through run-with-keyring.sh")
                : status;
        FS_REQUIRE_TOOL(false, QStringLiteral("no keyring: ") + why);
    }

    void roundTrip()
    {
        KeychainSecretStore store(m_service);
        store.setTimeoutMs(8000);
        const QString secret =
                QStringLiteral("sk-proj-ÄÖÜ-キー-%1").arg(QCoreApplication::applicationPid());

        auto write =
                awaitSecret([&](QObject *c, auto done) { store.writeKey(m_id, secret, c, done); });
        QVERIFY(write);
        QVERIFY2(write->ok(), qPrintable(write->message));

        auto read = awaitSecret([&](QObject *c, auto done) { store.readKey(m_id, c, done); });
        QVERIFY(read);
        QVERIFY2(read->ok(), qPrintable(read->message));
        QCOMPARE(read->secret, secret);

        auto overwrite = awaitSecret([&](QObject *c, auto done) {
            store.writeKey(m_id, QStringLiteral("second"), c, done);
        });
        QVERIFY(overwrite && overwrite->ok());
        auto readAgain = awaitSecret([&](QObject *c, auto done) { store.readKey(m_id, c, done); });
        QCOMPARE(readAgain->secret, QStringLiteral("second"));

        // Another service name is another keychain entry.
        KeychainSecretStore other(m_service + QStringLiteral(".other"));
        auto elsewhere = awaitSecret([&](QObject *c, auto done) { other.readKey(m_id, c, done); });
        QVERIFY(elsewhere);
        QCOMPARE(elsewhere->status, Status::NotFound);

        auto del = awaitSecret([&](QObject *c, auto done) { store.deleteKey(m_id, c, done); });
        QVERIFY(del);
        QVERIFY2(del->ok(), qPrintable(del->message));

        auto gone = awaitSecret([&](QObject *c, auto done) { store.readKey(m_id, c, done); });
        QVERIFY(gone);
        QCOMPARE(gone->status, Status::NotFound);
        QVERIFY(gone->secret.isEmpty());
        QVERIFY(!gone->message.isEmpty());
    }

    void slowKeychainTimesOutAndAnswersOnce()
    {
        KeychainSecretStore store(m_service);
        store.setTimeoutMs(0); // nothing answers within 0 ms: the time limit must win
        int answers = 0;
        SecretResult last;
        QObject context;
        store.readKey(m_id, &context, [&](const SecretResult &r) {
            ++answers;
            last = r;
        });
        QTRY_COMPARE(answers, 1);
        QCOMPARE(last.status, Status::TimedOut);
        QVERIFY(last.keychainUnavailable());
        QVERIFY(last.message.contains(QLatin1String("did not answer")));
        // The keychain runs its jobs one after another: once a later read has its real answer,
        // the first read's real answer has come too, and it must have been ignored.
        KeychainSecretStore patient(m_service);
        patient.setTimeoutMs(8000);
        const auto later =
                awaitSecret([&](QObject *c, auto done) { patient.readKey(m_id, c, done); });
        QVERIFY(later);
        QVERIFY(later->status != Status::TimedOut);
        QCOMPARE(answers, 1);
    }
};

QTEST_GUILESS_MAIN(tst_Keychain)
#include "tst_keychain.moc"
