// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxhttp.h"
#include "sandboxserver.h"

#include <QTest>

using namespace fs::sandbox;
using namespace fs::sandbox::test;

class tst_SandboxServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void preferredPortIsKeptFromOneRunToTheNext()
    {
        // The app's sandbox should come back on the same address, so a connection saved
        // against it (a Together AI connection to /together/v1) still works after a restart.
        quint16 previous = 0;
        {
            SandboxServer first;
            QVERIFY(first.start());
            previous = first.port();
        }
        QVERIFY(previous != 0);
        SandboxOptions options;
        options.preferredPort = previous;
        SandboxServer again(options);
        QString problem;
        QVERIFY2(again.start(&problem), qPrintable(problem));
        QCOMPARE(again.port(), previous);
        SandboxHttp http(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(again.port())), "key");
        QCOMPARE(http.get(QStringLiteral("/together/v1/models")).status, 200);
    }

    void takenPreferredPortFallsBackToAnyFreePort()
    {
        SandboxServer first;
        QVERIFY(first.start());
        SandboxOptions options;
        options.preferredPort = first.port();
        SandboxServer second(options);
        QString problem;
        QVERIFY2(second.start(&problem), qPrintable(problem));
        QVERIFY(second.port() != 0);
        QVERIFY(second.port() != first.port());
    }
};

QTEST_GUILESS_MAIN(tst_SandboxServer)
#include "tst_sandboxserver.moc"
