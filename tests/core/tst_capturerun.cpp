// SPDX-License-Identifier: GPL-3.0-or-later
// Capturing a model's answers against an in-process sandbox: the written dataset and its
// settings, resuming without sending an answered prompt again, a cut-off last line, files that
// are not this capture's, cancel, rate limits, failures, and the Together AI dialect.
#include "capturerun.h"
#include "chatrequestcounter.h"
#include "evalsandboxfixture.h"
#include "sandboxserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using fs::CapturePrompt;
using fs::CaptureRun;
using fs::ModelTarget;

class tst_CaptureRun : public QObject, public fs::test::EvalSandboxFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void writesEachPromptWithItsAnswer();
    void resumesWithoutSendingAnsweredPromptsAgain();
    void cutOffLastLineIsRepaired();
    void answersToPromptsNoLongerInTheSourceAreKept();
    void refusesAFileThatIsNotThisCapture();
    void cancelKeepsWhatWasWritten();
    void rateLimitWallPausesAndContinues();
    void failuresAreAskedAgainNextRun();
    void togetherDialectIsCapturedToo();
    void unwritableOutputIsRefused();

private:
    static QList<CapturePrompt> prompts(int count);
    /// Runs to the end; false when it did not finish.
    static bool runToEnd(CaptureRun &run);
    QString out(const QString &name) const { return m_dir.filePath(name); }

    QNetworkAccessManager m_nam;
    QTemporaryDir m_dir;
    std::unique_ptr<fs::test::ChatRequestCounter> m_sent; ///< chat requests per prompt
};

void tst_CaptureRun::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(startSandbox());
}

void tst_CaptureRun::init()
{
    m_sent = std::make_unique<fs::test::ChatRequestCounter>(m_server.get());
}

void tst_CaptureRun::cleanup()
{
    m_server->clearFaults();
    m_sent.reset();
}

QList<CapturePrompt> tst_CaptureRun::prompts(int count)
{
    QList<CapturePrompt> list;
    for (int i = 0; i < count; ++i) {
        list << CapturePrompt {
                {fs::Message(QStringLiteral("system"), QStringLiteral("Be kind.")),
                        fs::Message(QStringLiteral("user"), QStringLiteral("Question %1").arg(i))},
                i + 1};
    }
    return list;
}

bool tst_CaptureRun::runToEnd(CaptureRun &run)
{
    QSignalSpy finished(&run, &CaptureRun::finished);
    run.start();
    return !finished.isEmpty() || finished.wait(60000);
}

namespace {

QString question(const QJsonObject &line)
{
    const QJsonArray messages = line.value(QLatin1String("messages")).toArray();
    return messages.at(messages.size() - 2).toObject().value(QLatin1String("content")).toString();
}

QJsonObject sidecar(const QString &out)
{
    QFile file(CaptureRun::sidecarPath(out));
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object()
                                          : QJsonObject();
}

} // namespace

void tst_CaptureRun::writesEachPromptWithItsAnswer()
{
    const QString path = out(QStringLiteral("all.jsonl"));
    CaptureRun run(&m_nam);
    run.setConcurrency(3);
    QString error;
    QVERIFY2(run.prepare(prompts(20), target(), QStringLiteral("questions.jsonl"), path, &error),
            qPrintable(error));
    QCOMPARE(run.target().temperature, std::optional<double>(0.0)); // 0 unless set
    QSignalSpy progress(&run, &CaptureRun::progress);
    QVERIFY(runToEnd(run));
    QCOMPARE(run.answered(), 20);
    QCOMPARE(run.failedCount(), 0);
    QCOMPARE(progress.last().at(0).toInt(), 20);
    QCOMPARE(progress.last().at(1).toInt(), 20);

    const QList<QJsonObject> written = fs::test::readJsonLines(path);
    QCOMPARE(written.size(), 20);
    for (int i = 0; i < 20; ++i) {
        // In the order of the prompts once complete; the prompt, then the answer.
        const QJsonArray messages = written.at(i).value(QLatin1String("messages")).toArray();
        QCOMPARE(written.at(i).keys(), QStringList({QStringLiteral("messages")}));
        QCOMPARE(messages.size(), 3);
        QCOMPARE(messages.at(0).toObject().value(QLatin1String("content")).toString(),
                QStringLiteral("Be kind."));
        QCOMPARE(question(written.at(i)), QStringLiteral("Question %1").arg(i));
        QCOMPARE(messages.at(2).toObject().value(QLatin1String("role")).toString(),
                QStringLiteral("assistant"));
        QVERIFY(!messages.at(2).toObject().value(QLatin1String("content")).toString().isEmpty());
        QCOMPARE(m_sent->count(QStringLiteral("Question %1").arg(i)), 1);
    }
    const QJsonObject settings = sidecar(path);
    QCOMPARE(settings.value(QLatin1String("model")).toString(), QStringLiteral("gpt-4o-mini"));
    QCOMPARE(settings.value(QLatin1String("temperature")).toDouble(-1), 0.0);
    QVERIFY(settings.value(QLatin1String("seed")).isNull());
    QCOMPARE(settings.value(QLatin1String("source")).toString(), QStringLiteral("questions.jsonl"));
    QCOMPARE(settings.value(QLatin1String("prompts")).toInt(), 20);
    QCOMPARE(settings.value(QLatin1String("done")).toArray().size(), 20);
    QVERIFY(QDateTime::fromString(settings.value(QLatin1String("started")).toString(), Qt::ISODate)
                    .isValid());
    // Never the key.
    QVERIFY(!QJsonDocument(settings).toJson().contains("sk-test"));

    // Run again: nothing left, nothing sent.
    m_sent->clear();
    CaptureRun again(&m_nam);
    QVERIFY(again.prepare(prompts(20), target(), QStringLiteral("questions.jsonl"), path, &error));
    QCOMPARE(again.resumedFrom(), 20);
    QVERIFY(runToEnd(again));
    QVERIFY(m_sent->isEmpty());
    QCOMPARE(fs::test::readJsonLines(path).size(), 20);
}

void tst_CaptureRun::resumesWithoutSendingAnsweredPromptsAgain()
{
    const QString path = out(QStringLiteral("resume.jsonl"));
    m_server->injectLatency(20);
    QSet<QString> writtenBefore;
    {
        CaptureRun run(&m_nam);
        run.setConcurrency(4);
        QString error;
        QVERIFY(run.prepare(prompts(40), target(), QStringLiteral("q"), path, &error));
        QSignalSpy finished(&run, &CaptureRun::finished);
        run.start();
        QTRY_VERIFY_WITH_TIMEOUT(run.answered() >= 12, 30000);
        run.cancel(); // as good as a crash for what is in flight
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY(run.answered() < 40);
    }
    for (const QJsonObject &line : fs::test::readJsonLines(path))
        writtenBefore << question(line);
    QVERIFY(writtenBefore.size() >= 12);
    // The sidecar may lag behind OUT (it is written at most every quarter second): make it
    // forget everything, OUT alone must be enough.
    QJsonObject stale = sidecar(path);
    stale.insert(QStringLiteral("done"), QJsonArray());
    QFile sidecarFile(CaptureRun::sidecarPath(path));
    QVERIFY(sidecarFile.open(QIODevice::WriteOnly));
    sidecarFile.write(QJsonDocument(stale).toJson());
    sidecarFile.close();

    m_sent->clear();
    CaptureRun resumed(&m_nam);
    resumed.setConcurrency(4);
    QString error;
    QVERIFY(resumed.prepare(prompts(40), target(), QStringLiteral("q"), path, &error));
    QCOMPARE(resumed.resumedFrom(), int(writtenBefore.size()));
    QVERIFY(runToEnd(resumed));
    QCOMPARE(resumed.answered(), 40);
    const QList<QJsonObject> written = fs::test::readJsonLines(path);
    QCOMPARE(written.size(), 40);
    for (int i = 0; i < 40; ++i) {
        const QString q = QStringLiteral("Question %1").arg(i);
        QCOMPARE(question(written.at(i)), q); // each once, none lost
        if (writtenBefore.contains(q))
            QVERIFY2(!m_sent->contains(q), qPrintable(q + QStringLiteral(" was sent again")));
        else // sent (again, when it was in flight at the cancel; the sandbox, on this
             // thread, may read an aborted request of the first run only now)
            QVERIFY(m_sent->count(q) >= 1);
    }
    QCOMPARE(sidecar(path).value(QLatin1String("done")).toArray().size(), 40);
}

void tst_CaptureRun::cutOffLastLineIsRepaired()
{
    const QString path = out(QStringLiteral("cut.jsonl"));
    {
        CaptureRun run(&m_nam);
        QString error;
        QVERIFY(run.prepare(prompts(3), target(), QStringLiteral("q"), path, &error));
    }
    // Two answers, then a third cut off in the middle by a crash.
    QFile file(path);
    QVERIFY(file.open(QIODevice::Append));
    const auto line = [](int i) {
        return QByteArray(
                QJsonDocument(
                        QJsonObject {{QStringLiteral("messages"),
                                QJsonArray {QJsonObject {{QStringLiteral("role"), "system"},
                                                    {QStringLiteral("content"), "Be kind."}},
                                        QJsonObject {{QStringLiteral("role"), "user"},
                                                {QStringLiteral("content"),
                                                        QStringLiteral("Question %1").arg(i)}},
                                        QJsonObject {{QStringLiteral("role"), "assistant"},
                                                {QStringLiteral("content"), "kept"}}}}})
                        .toJson(QJsonDocument::Compact)
                + '\n');
    };
    file.write(line(2) + line(0) + line(1).left(30));
    file.close();
    QCOMPARE(CaptureRun::repairTruncatedTail(m_dir.filePath(QStringLiteral("absent"))), 0);

    CaptureRun run(&m_nam);
    QString error;
    QVERIFY(run.prepare(prompts(3), target(), QStringLiteral("q"), path, &error));
    QCOMPARE(run.repairedBytes(), 30);
    QCOMPARE(run.resumedFrom(), 2);
    QVERIFY(run.isAnswered(0));
    QVERIFY(!run.isAnswered(1));
    QVERIFY(run.isAnswered(2));
    QVERIFY(runToEnd(run));
    QCOMPARE(m_sent->sent(), QStringList({QStringLiteral("Question 1")}));
    const QList<QJsonObject> written = fs::test::readJsonLines(path);
    QCOMPARE(written.size(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(question(written.at(i)), QStringLiteral("Question %1").arg(i));
    // The answers already there are kept as they were.
    QCOMPARE(written.at(0).value(QLatin1String("messages")).toArray().last()["content"].toString(),
            QStringLiteral("kept"));
}

void tst_CaptureRun::answersToPromptsNoLongerInTheSourceAreKept()
{
    const QString path = out(QStringLiteral("changed.jsonl"));
    CaptureRun first(&m_nam);
    QString error;
    QVERIFY(first.prepare(prompts(3), target(), QStringLiteral("q"), path, &error));
    QVERIFY(runToEnd(first));
    // The source changed: "Question 0" is gone, "Question 3" is new.
    m_sent->clear();
    const QList<CapturePrompt> changed = prompts(4).mid(1);
    CaptureRun again(&m_nam);
    QVERIFY(again.prepare(changed, target(), QStringLiteral("q"), path, &error));
    QCOMPARE(again.resumedFrom(), 2);
    QCOMPARE(again.unmatchedLines(), 1);
    QVERIFY(runToEnd(again));
    QCOMPARE(m_sent->sent(), QStringList({QStringLiteral("Question 3")}));
    const QList<QJsonObject> written = fs::test::readJsonLines(path);
    QCOMPARE(written.size(), 4);
    // The prompts' order first, the answer no prompt asks for kept at the end.
    QCOMPARE(question(written.at(0)), QStringLiteral("Question 1"));
    QCOMPARE(question(written.at(2)), QStringLiteral("Question 3"));
    QCOMPARE(question(written.at(3)), QStringLiteral("Question 0"));
}

void tst_CaptureRun::refusesAFileThatIsNotThisCapture()
{
    const QString other = out(QStringLiteral("mine.jsonl"));
    QFile file(other);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"messages\":[]}\n");
    file.close();
    CaptureRun run(&m_nam);
    QString error;
    QVERIFY(!run.prepare(prompts(2), target(), QStringLiteral("q"), other, &error));
    QVERIFY2(error.contains(QLatin1String("not written by a capture")), qPrintable(error));
    QCOMPARE(QFile(other).size(), qint64(16)); // untouched

    const QString path = out(QStringLiteral("model.jsonl"));
    CaptureRun first(&m_nam);
    QVERIFY(first.prepare(prompts(2), target(), QStringLiteral("q"), path, &error));
    QVERIFY(runToEnd(first));
    CaptureRun otherModel(&m_nam);
    QVERIFY(!otherModel.prepare(
            prompts(2), target(QStringLiteral("gpt-4.1")), QStringLiteral("q"), path, &error));
    QVERIFY2(error.contains(QLatin1String("gpt-4o-mini")), qPrintable(error));
    ModelTarget warmer = target();
    warmer.temperature = 0.7;
    QVERIFY(!otherModel.prepare(prompts(2), warmer, QStringLiteral("q"), path, &error));
    QVERIFY2(error.contains(QLatin1String("same model and settings")), qPrintable(error));
}

void tst_CaptureRun::cancelKeepsWhatWasWritten()
{
    const QString path = out(QStringLiteral("cancel.jsonl"));
    m_server->injectLatency(30);
    CaptureRun run(&m_nam);
    run.setConcurrency(2);
    QString error;
    QVERIFY(run.prepare(prompts(30), target(), QStringLiteral("q"), path, &error));
    QSignalSpy finished(&run, &CaptureRun::finished);
    run.start();
    QTRY_VERIFY_WITH_TIMEOUT(run.answered() >= 2, 30000);
    run.cancel();
    QCOMPARE(finished.size(), 1);
    QVERIFY(finished.first().first().toBool());
    QVERIFY(!run.isRunning());
    const int answered = run.answered();
    QVERIFY(answered < 30);
    QCOMPARE(int(fs::test::readJsonLines(path).size()), answered);
    // Nothing arrives after the cancel.
    QTest::qWait(100); // no condition to wait for: proves the absence of late writes
    QCOMPARE(int(fs::test::readJsonLines(path).size()), answered);
    QCOMPARE(sidecar(path).value(QLatin1String("done")).toArray().size(), answered);
}

void tst_CaptureRun::rateLimitWallPausesAndContinues()
{
    const QString path = out(QStringLiteral("limits.jsonl"));
    // More 429s than the client's own retries absorb: the run pauses (retry-after 1 s) and
    // continues; every prompt ends up answered once.
    m_server->injectHttpError(429, 6, QStringLiteral("/chat/completions"), 1);
    CaptureRun run(&m_nam);
    fs::RetryPolicy policy;
    policy.maxRetries = 0;
    run.setRetryPolicy(policy);
    run.setConcurrency(2);
    QString error;
    QVERIFY(run.prepare(prompts(8), target(), QStringLiteral("q"), path, &error));
    QSignalSpy paused(&run, &CaptureRun::paused);
    QSignalSpy resumed(&run, &CaptureRun::resumed);
    QVERIFY(runToEnd(run));
    QVERIFY(paused.size() >= 1);
    QVERIFY(resumed.size() >= 1);
    QCOMPARE(paused.first().at(0).toInt(), 1000); // the service's retry-after
    QVERIFY2(
            paused.first().at(1).toString().contains(QLatin1String("too many"), Qt::CaseInsensitive)
                    || paused.first().at(1).toString().contains(
                            QLatin1String("rate"), Qt::CaseInsensitive),
            qPrintable(paused.first().at(1).toString()));
    QCOMPARE(run.answered(), 8);
    QCOMPARE(run.failedCount(), 0);
    QCOMPARE(fs::test::readJsonLines(path).size(), 8);
}

void tst_CaptureRun::failuresAreAskedAgainNextRun()
{
    const QString path = out(QStringLiteral("failures.jsonl"));
    // A 400 is not retried: those prompts fail, the rest is captured.
    m_server->injectHttpError(400, 2, QStringLiteral("/chat/completions"));
    CaptureRun run(&m_nam);
    run.setConcurrency(1);
    QString error;
    QVERIFY(run.prepare(prompts(5), target(), QStringLiteral("q"), path, &error));
    QVERIFY(runToEnd(run));
    QCOMPARE(run.failedCount(), 2);
    QCOMPARE(run.answered(), 3);
    QVERIFY(!run.failureSummary().isEmpty());
    QCOMPARE(sidecar(path).value(QLatin1String("failed")).toArray().size(), 2);
    QCOMPARE(fs::test::readJsonLines(path).size(), 3);

    m_sent->clear();
    CaptureRun again(&m_nam);
    QVERIFY(again.prepare(prompts(5), target(), QStringLiteral("q"), path, &error));
    QCOMPARE(again.remaining(), 2);
    QVERIFY(runToEnd(again));
    QCOMPARE(m_sent->prompts(), 2);
    QCOMPARE(again.answered(), 5);
    QCOMPARE(again.failedCount(), 0);
    QCOMPARE(sidecar(path).value(QLatin1String("failed")).toArray().size(), 0);
    const QList<QJsonObject> written = fs::test::readJsonLines(path);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(question(written.at(i)), QStringLiteral("Question %1").arg(i));
}

void tst_CaptureRun::togetherDialectIsCapturedToo()
{
    const QString path = out(QStringLiteral("together.jsonl"));
    ModelTarget together =
            target(QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference"));
    together.connection.kind = fs::Connection::Kind::Together;
    together.connection.baseUrl =
            QUrl(QStringLiteral("http://127.0.0.1:%1/together/v1").arg(m_server->port()));
    CaptureRun run(&m_nam);
    QString error;
    QVERIFY(run.prepare(prompts(3), together, QStringLiteral("q"), path, &error));
    QVERIFY(runToEnd(run));
    QCOMPARE(run.failureSummary(), QString());
    QCOMPARE(run.answered(), 3);
    QCOMPARE(m_sent->prompts(), 3);
}

void tst_CaptureRun::unwritableOutputIsRefused()
{
    CaptureRun run(&m_nam);
    QString error;
    QVERIFY(!run.prepare(prompts(1), target(), QStringLiteral("q"),
            m_dir.filePath(QStringLiteral("no/such/folder/out.jsonl")), &error));
    QVERIFY2(error.contains(QLatin1String("could not be written")), qPrintable(error));
    run.start(); // not prepared: nothing happens
    QVERIFY(!run.isRunning());
}

QTEST_GUILESS_MAIN(tst_CaptureRun)
#include "tst_capturerun.moc"
