// SPDX-License-Identifier: GPL-3.0-or-later
// `models` and `chat` against a hostile server (issue 13): each ends within its limits with a
// sentence and a non-zero exit, and its memory stays bounded.
#include "cliprocess.h"
#include "hostileserver.h"

#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

using namespace fs::test;

namespace {

using Behaviour = HostileServer::Behaviour;

/// The largest peak resident memory of any child waited for so far, in bytes.
qint64 childrenPeakMemory()
{
    rusage usage {};
    getrusage(RUSAGE_CHILDREN, &usage);
    return qint64(usage.ru_maxrss) * 1024;
}

} // namespace

Q_DECLARE_METATYPE(HostileServer::Behaviour)

class tst_CliLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verbsEndWithASentence_data();
    void verbsEndWithASentence();
    void chatAgainstAFloodWithDefaultLimits();

private:
    QTemporaryDir m_home;
};

void tst_CliLimits::verbsEndWithASentence_data()
{
    QTest::addColumn<Behaviour>("behaviour");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("sentence");
    QTest::addColumn<QString>("timeLimits");
    const QStringList models {QStringLiteral("models")};
    const QStringList chat {QStringLiteral("chat"), QStringLiteral("--model"),
            QStringLiteral("gpt-4.1-mini"), QStringLiteral("Hi")};
    const QStringList chatPlain = chat + QStringList {QStringLiteral("--no-stream")};
    // Silence: three attempts of 300 ms each end with the idle limit, well before the overall one.
    const QString silence = QStringLiteral("sent nothing for 1 second");
    const QString noAnswer = QStringLiteral("did not finish its answer within 5 seconds");
    const QString tooLarge = QStringLiteral("sent an answer larger than 1 MB");
    const QString tight =
            QStringLiteral("idle=300,json-time=5000,stream-time=5000,download-time=5000");
    // A redirect loop must end on the redirect limit, never on a clock, however slow the machine
    // (each hop is a new connection): time limits it cannot reach.
    const QString ample =
            QStringLiteral("idle=30000,json-time=30000,stream-time=30000,download-time=30000");
    QTest::newRow("models, silence") << Behaviour::Silence << models << silence << tight;
    QTest::newRow("models, trickle") << Behaviour::Trickle << models << noAnswer << tight;
    QTest::newRow("models, endless body") << Behaviour::EndlessBody << models << tooLarge << tight;
    QTest::newRow("models, huge announced")
            << Behaviour::HugeAnnounced << models << tooLarge << tight;
    QTest::newRow("models, redirect loop")
            << Behaviour::RedirectLoop << models
            << QStringLiteral("kept sending the request on to another address") << ample;
    QTest::newRow("models, 429 forever")
            << Behaviour::TooManyRequests << models << QStringLiteral("Too many requests") << tight;
    QTest::newRow("chat, silence") << Behaviour::Silence << chat << silence << tight;
    QTest::newRow("chat, flood") << Behaviour::FloodStream << chat
                                 << QStringLiteral("sent a streamed answer larger than 4 MB")
                                 << tight;
    QTest::newRow("chat, endless line")
            << Behaviour::EndlessLine << chat
            << QStringLiteral("sent a line longer than 100 kB in a streamed answer") << tight;
    QTest::newRow("chat, keep-alives without end")
            << Behaviour::KeepAliveStream << chat << noAnswer << tight;
    QTest::newRow("chat, endless body") << Behaviour::EndlessBody << chatPlain << tooLarge << tight;
    QTest::newRow("chat, redirect loop")
            << Behaviour::RedirectLoop << chat
            << QStringLiteral("kept sending the request on to another address") << ample;
}

void tst_CliLimits::verbsEndWithASentence()
{
    QFETCH(Behaviour, behaviour);
    QFETCH(QStringList, arguments);
    QFETCH(QString, sentence);
    QFETCH(QString, timeLimits);
    HostileServer server(behaviour, 20);
    QVERIFY(server.start());
    QProcessEnvironment env = isolatedEnvironment(m_home.path());
    env.insert(QStringLiteral("OPENAI_BASE_URL"), server.baseUrl().toString());
    env.insert(QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-test-hostile-0123456789"));
    env.insert(QStringLiteral("FS_API_LIMITS"),
            QStringLiteral("json=1000000,stream=4000000,sse-line=100000,sse-event=400000,")
                    + timeLimits);
    const CliResult result = runCli(QStringLiteral(FS_APP_BINARY), arguments, env);
    QVERIFY2(result.exitCode > 0, qPrintable(result.err));
    QVERIFY2(result.err.contains(QLatin1String("error: ")), qPrintable(result.err));
    QVERIFY2(result.err.contains(sentence), qPrintable(result.err));
    QVERIFY(!result.err.contains(QLatin1String("Unknown error")));
    FS_VERIFY_MEMORY_FIGURE(
            childrenPeakMemory() < 200'000'000, qPrintable(QString::number(childrenPeakMemory())));
}

void tst_CliLimits::chatAgainstAFloodWithDefaultLimits()
{
    // As shipped (64 MB per streamed answer): printed and forgotten, memory stays small. The
    // flood comes at a fast line's pace (100 MB/s); at loopback speed Qt's network thread reads
    // ahead of a busy event loop by however much the scheduler allows.
    HostileServer server(Behaviour::FloodStream);
    server.setFloodPace(100'000'000);
    QVERIFY(server.start());
    QProcessEnvironment env = isolatedEnvironment(m_home.path());
    env.insert(QStringLiteral("OPENAI_BASE_URL"), server.baseUrl().toString());
    env.insert(QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-test-hostile-0123456789"));
    const CliResult result = runCli(QStringLiteral(FS_APP_BINARY),
            {QStringLiteral("chat"), QStringLiteral("--model"), QStringLiteral("m"),
                    QStringLiteral("Hi")},
            env, 120000);
    QVERIFY2(result.exitCode > 0, qPrintable(result.err));
    QVERIFY2(result.err.contains(QLatin1String("larger than 64 MB")), qPrintable(result.err));
    QVERIFY(result.out.size() > 50'000'000); // it was all shown
    const qint64 peak = childrenPeakMemory();
    qInfo("chat against a flooding stream: %lld MB printed, peak memory %lld MB",
            qint64(result.out.size()) / 1'000'000, peak / 1'000'000);
    // Keeping the answer (60 MB of text as UTF-16 is 120 MB) or queuing it all unprinted would
    // cross this line; printing as it comes stays well under it.
    FS_VERIFY_MEMORY_FIGURE(peak < 150'000'000, qPrintable(QString::number(peak)));
}

QTEST_GUILESS_MAIN(tst_CliLimits)
#include "tst_clilimits.moc"
