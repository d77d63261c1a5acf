// SPDX-License-Identifier: GPL-3.0-or-later
// `jobs watch` against a hostile server (issue 13, finding 3): it keeps watching through a few
// failures, then says plainly what is wrong and stops with a non-zero exit (the watch budget of
// ApiLimits). And the lists (models, files, jobs) refuse answers of the wrong shape with a
// sentence instead of printing blank rows (finding 8).
#include "cliprocess.h"
#include "hostileserver.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace fs::test;

Q_DECLARE_METATYPE(HostileServer::Behaviour)

namespace {

using Behaviour = HostileServer::Behaviour;

const QString kKey = QStringLiteral("sk-test-hostile-0123456789");

} // namespace

class tst_WatchLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jobsWatchStopsWithASentence_data();
    void jobsWatchStopsWithASentence();
    void jobsWatchStopsAfterTimeWithoutAGoodAnswer();
    void listsRefuseWrongShapes_data();
    void listsRefuseWrongShapes();

private:
    CliResult run(HostileServer &server, const QStringList &arguments, const QString &limits);

    QTemporaryDir m_home;
};

CliResult tst_WatchLimits::run(
        HostileServer &server, const QStringList &arguments, const QString &limits)
{
    QProcessEnvironment env = isolatedEnvironment(m_home.path());
    env.insert(QStringLiteral("OPENAI_BASE_URL"), server.baseUrl().toString());
    env.insert(QStringLiteral("OPENAI_API_KEY"), kKey);
    env.insert(QStringLiteral("FS_API_LIMITS"), limits);
    return runCli(QStringLiteral(FS_APP_BINARY), arguments, env, 90000);
}

void tst_WatchLimits::jobsWatchStopsWithASentence_data()
{
    QTest::addColumn<Behaviour>("behaviour");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("sentence");
    QTest::addColumn<int>("checks");
    const auto wrong = Behaviour::WrongShape;
    QTest::newRow("invalid JSON") << wrong << QByteArray(R"({"id":"ftjob-1","status":"runn)")
                                  << QStringLiteral("not valid JSON") << 3;
    QTest::newRow("HTML") << wrong
                          << QByteArray("<!DOCTYPE html><html><body>Please sign in</body></html>")
                          << QStringLiteral("sent a web page instead of data") << 3;
    QTest::newRow("empty body") << wrong << QByteArray() << QStringLiteral("an empty answer") << 3;
    QTest::newRow("array") << wrong << QByteArray(R"([{"id":"ftjob-1","status":"running"}])")
                           << QStringLiteral("a list or a single value") << 3;
    QTest::newRow("NaN") << wrong
                         << QByteArray(R"({"object":"list","data":[],"id":"ftjob-1",)"
                                       R"("status":"running","trained_tokens":NaN})")
                         << QStringLiteral("(NaN or Infinity)") << 3;
    // A good (empty) page of events, then the job with a null status: once polled silently.
    QTest::newRow("status null") << wrong
                                 << QByteArray(R"({"object":"list","data":[],"has_more":false,)"
                                               R"("id":"ftjob-1","status":null})")
                                 << QStringLiteral("“status” is missing or not text") << 3;
    QTest::newRow("nulls and wrong types")
            << wrong << QByteArray(R"({"object":"list","data":[null,42],"has_more":"maybe"})")
            << QStringLiteral("entry 1 is not a description of one item") << 3;
    // Waiting may cure a 429: more checks before it stops.
    QTest::newRow("429 on every call") << Behaviour::TooManyRequests << QByteArray()
                                       << QStringLiteral("Too many requests") << 4;
}

void tst_WatchLimits::jobsWatchStopsWithASentence()
{
    QFETCH(Behaviour, behaviour);
    QFETCH(QByteArray, body);
    QFETCH(QString, sentence);
    QFETCH(int, checks);
    HostileServer server(behaviour);
    if (behaviour == Behaviour::WrongShape)
        server.setBody(body);
    QVERIFY(server.start());
    const CliResult result = run(server,
            {QStringLiteral("jobs"), QStringLiteral("watch"), QStringLiteral("ftjob-1"),
                    QStringLiteral("--interval"), QStringLiteral("0.05")},
            QStringLiteral("watch-failures=4,watch-wrong=3"));
    QVERIFY2(result.exitCode > 0, qPrintable(result.err));
    // The failed checks said so as they came, then one sentence named the problem and the stop.
    QCOMPARE(result.err.count(QLatin1String("Trying again shortly.")), checks - 1);
    const QStringList errors = result.err.split(QLatin1Char('\n')).filter(QLatin1String("error: "));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().contains(sentence), qPrintable(result.err));
    QVERIFY2(errors.first().contains(
                     QStringLiteral("Stopped watching after %1 failed checks in a row.")
                             .arg(checks)),
            qPrintable(result.err));
    QVERIFY(!result.err.contains(QLatin1String("Unknown error")));
    QVERIFY(!result.err.contains(kKey));
}

void tst_WatchLimits::jobsWatchStopsAfterTimeWithoutAGoodAnswer()
{
    // However many checks the budget allows, 1.5 s without a good answer ends the watch.
    HostileServer server(Behaviour::TooManyRequests);
    QVERIFY(server.start());
    const CliResult result = run(server,
            {QStringLiteral("jobs"), QStringLiteral("watch"), QStringLiteral("ftjob-1"),
                    QStringLiteral("--interval"), QStringLiteral("0.05")},
            QStringLiteral("watch-failures=100000,watch-time=1500"));
    QVERIFY2(result.exitCode > 0, qPrintable(result.err));
    QVERIFY2(
            result.err.contains(QLatin1String("error: Too many requests")), qPrintable(result.err));
    QVERIFY2(result.err.contains(QLatin1String("Stopped watching: no good answer for 2 seconds.")),
            qPrintable(result.err));
}

void tst_WatchLimits::listsRefuseWrongShapes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("sentence");
    const QStringList models {QStringLiteral("models")};
    const QStringList files {QStringLiteral("files"), QStringLiteral("list")};
    const QStringList jobs {QStringLiteral("jobs"), QStringLiteral("list")};
    const QByteArray mixed = R"({"object":"list","data":[null,42,{"id":null,"object":7}],)"
                             R"("has_more":false})";
    const QByteArray nullIds = R"({"object":"list","data":[{"id":null,"status":null,)"
                               R"("created_at":"yesterday"}],"has_more":false})";
    const QByteArray numberIds =
            R"({"object":"list","data":[{"id":7,"status":"running"}],"has_more":false})";
    const QByteArray noList = R"({"object":"list","data":{"id":"x"}})";
    const QString notAnItem = QStringLiteral("entry 1 is not a description of one item");
    const QString noId = QStringLiteral("entry 1 has no “id”");
    const QString noData = QStringLiteral("without the list itself");
    const QByteArray maybe = R"({"object":"list","data":[],"has_more":"maybe"})";
    const QString notBool = QStringLiteral("“has_more” is neither true nor false");
    QTest::newRow("models, nulls and numbers") << models << mixed << notAnItem;
    QTest::newRow("models, null ids") << models << nullIds << noId;
    QTest::newRow("models, no list") << models << noList << noData;
    QTest::newRow("files, nulls and numbers") << files << mixed << notAnItem;
    QTest::newRow("files, null ids") << files << nullIds << noId;
    QTest::newRow("files, number ids") << files << numberIds << noId;
    QTest::newRow("files, no list") << files << noList << noData;
    QTest::newRow("files, has_more maybe") << files << maybe << notBool;
    QTest::newRow("jobs, nulls and numbers") << jobs << mixed << notAnItem;
    QTest::newRow("jobs, null ids") << jobs << nullIds << noId;
    QTest::newRow("jobs, null status")
            << jobs << QByteArray(R"({"object":"list","data":[{"id":"ftjob-1","status":null}]})")
            << QStringLiteral("entry 1 has no “status”");
    QTest::newRow("jobs, no list") << jobs << noList << noData;
}

void tst_WatchLimits::listsRefuseWrongShapes()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, body);
    QFETCH(QString, sentence);
    HostileServer server(Behaviour::WrongShape);
    server.setBody(body);
    QVERIFY(server.start());
    const CliResult result = run(server, arguments, QString());
    QVERIFY2(result.exitCode > 0, qPrintable(result.out + result.err));
    QVERIFY2(result.err.contains(QLatin1String("error: ")), qPrintable(result.err));
    QVERIFY2(result.err.contains(sentence), qPrintable(result.err));
    // No blank rows: nothing but the error was printed.
    QVERIFY2(result.out.trimmed().isEmpty(), qPrintable(result.out));
}

QTEST_GUILESS_MAIN(tst_WatchLimits)
#include "tst_watchlimits.moc"
