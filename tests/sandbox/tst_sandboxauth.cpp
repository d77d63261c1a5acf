// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxhttp.h"
#include "sandboxserver.h"

#include <QTest>

using namespace fs::sandbox;
using namespace fs::sandbox::test;

class tst_SandboxAuth : public QObject
{
    Q_OBJECT

private:
    static QUrl rootOf(const SandboxServer &server)
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
    }

private Q_SLOTS:
    void anyKeyWithoutRequiredKey()
    {
        SandboxServer server;
        QVERIFY(server.start());
        SandboxHttp http(rootOf(server), "sk-whatever");
        QCOMPARE(http.get(QStringLiteral("/v1/models")).status, 200);
        http.setKey({});
        QCOMPARE(http.get(QStringLiteral("/v1/models")).status, 200);
    }

    void wrongOrMissingKey_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<bool>("azure");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing") << QByteArray() << false
                                 << QStringLiteral("You didn't provide an API key.");
        QTest::newRow("wrong bearer")
                << QByteArray("sk-abcdefghijklmnopqrstuvwxyz") << false
                << QStringLiteral("Incorrect API key provided: sk-ab***yz. You can find your API "
                                  "key at https://platform.openai.com/account/api-keys.");
        QTest::newRow("wrong azure header") << QByteArray("sk-abcdefghijklmnopqrstuvwxyz") << true
                                            << QStringLiteral("Incorrect API key provided: "
                                                              "sk-ab***yz.");
        QTest::newRow("short key")
                << QByteArray("abc") << false << QStringLiteral("Incorrect API key provided: ***.");
    }

    void wrongOrMissingKey()
    {
        QFETCH(QByteArray, key);
        QFETCH(bool, azure);
        QFETCH(QString, message);
        SandboxOptions options;
        options.requiredKey = QStringLiteral("sk-right-key-1234");
        SandboxServer server(options);
        QVERIFY(server.start());
        SandboxHttp http(rootOf(server), key);
        http.setAzureHeader(azure);
        for (const QString &path : {QStringLiteral("/v1/models"), QStringLiteral("/v1/files"),
                     QStringLiteral("/v1/nothing")}) {
            const HttpResult result = http.get(path);
            QCOMPARE(result.status, 401);
            QVERIFY(result.header("x-request-id").startsWith("req_"));
            const QJsonObject error = result.json().value(QLatin1String("error")).toObject();
            QCOMPARE(error.value(QLatin1String("code")).toString(),
                    QStringLiteral("invalid_api_key"));
            QCOMPARE(error.value(QLatin1String("type")).toString(),
                    QStringLiteral("invalid_request_error"));
            QVERIFY(error.value(QLatin1String("param")).isNull());
            QVERIFY2(error.value(QLatin1String("message")).toString().startsWith(message),
                    qPrintable(error.value(QLatin1String("message")).toString()));
            if (!key.isEmpty()) // the whole key is never echoed back
                QVERIFY(!result.body.contains(key));
        }
    }

    void rightKeyWorks_data()
    {
        QTest::addColumn<bool>("azure");
        QTest::newRow("bearer") << false;
        QTest::newRow("api-key header") << true;
    }

    void rightKeyWorks()
    {
        QFETCH(bool, azure);
        SandboxOptions options;
        options.requiredKey = QStringLiteral("sk-right-key-1234");
        SandboxServer server(options);
        QVERIFY(server.start());
        SandboxHttp http(rootOf(server), "sk-right-key-1234");
        http.setAzureHeader(azure);
        QCOMPARE(http.get(QStringLiteral("/v1/models")).status, 200);
        QVERIFY(!http.uploadFile("{}\n").isEmpty());
        // A key that merely starts like the right one is still wrong.
        http.setKey("sk-right-key-12345");
        QCOMPARE(http.get(QStringLiteral("/v1/models")).status, 401);
    }

    void controlEndpointNeedsNoKey()
    {
        SandboxOptions options;
        options.requiredKey = QStringLiteral("sk-right-key-1234");
        SandboxServer server(options);
        QVERIFY(server.start());
        SandboxHttp http(rootOf(server), {});
        const HttpResult faults = http.get(QStringLiteral("/_sandbox/faults"));
        QCOMPARE(faults.status, 200);
        QCOMPARE(faults.json().value(QLatin1String("training_not_available")).toBool(), false);
    }

    void portInUseFailsToStart()
    {
        SandboxServer first;
        QVERIFY(first.start());
        SandboxOptions options;
        options.port = first.port();
        SandboxServer second(options);
        QString problem;
        QVERIFY(!second.start(&problem));
        QVERIFY(problem.contains(QString::number(first.port())));
    }
};

QTEST_GUILESS_MAIN(tst_SandboxAuth)
#include "tst_sandboxauth.moc"
