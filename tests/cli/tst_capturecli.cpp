// SPDX-License-Identifier: GPL-3.0-or-later
// `finetune-studio capture` as a person runs it, against a sandbox in this process (so every
// chat request can be counted per prompt): a capture, one killed half-way and run again, the
// Playground's saved conversation and a list as sources, rate limits, failures, Together AI.
#include "chatrequestcounter.h"
#include "cliprocess.h"
#include "sandboxserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class tst_CaptureCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void usageErrors();
    void capturesAFileAndRunAgainSendsNothing();
    void killedHalfWayResumesWithoutSendingAnsweredPromptsAgain();
    void playgroundConversationAndTogether();
    void rateLimitWallWaitsAndFinishes();
    void failuresExitNonZeroAndAreAskedAgain();

private:
    using Result = fs::test::CliResult;
    /// Runs the verb while this thread's event loop keeps serving the sandbox.
    Result run(const QStringList &arguments, const QProcessEnvironment &environment = {});
    QStringList connection() const;
    /// `--base-url … --model gpt-4o-mini FILE --out OUT [--concurrency N]`.
    QStringList captureArguments(
            const QString &file, const QString &out, int concurrency = 0) const;
    QString writePrompts(const QString &name, int count);

    fs::sandbox::SandboxServer m_server;
    QTemporaryDir m_home;
    std::unique_ptr<fs::test::ChatRequestCounter> m_sent; ///< chat requests per prompt
};

void tst_CaptureCli::initTestCase()
{
    QVERIFY(m_home.isValid());
    QVERIFY(m_server.start());
}

void tst_CaptureCli::init()
{
    m_sent = std::make_unique<fs::test::ChatRequestCounter>(&m_server);
}

void tst_CaptureCli::cleanup()
{
    m_server.clearFaults();
    m_sent.reset();
}

tst_CaptureCli::Result tst_CaptureCli::run(
        const QStringList &arguments, const QProcessEnvironment &environment)
{
    return fs::test::runCliServing(QStringLiteral(FS_APP_BINARY),
            QStringList {QStringLiteral("capture")} + arguments,
            environment.isEmpty() ? fs::test::isolatedEnvironment(m_home.path()) : environment,
            120000);
}

QStringList tst_CaptureCli::connection() const
{
    return {QStringLiteral("--base-url"), m_server.baseUrl().toString()};
}

// Chat examples whose prompts are "Prompt N"; the answers in them are the ones to replace.
QStringList tst_CaptureCli::captureArguments(
        const QString &file, const QString &out, int concurrency) const
{
    QStringList arguments = connection()
            + QStringList {QStringLiteral("--model"), QStringLiteral("gpt-4o-mini"), file,
                    QStringLiteral("--out"), out};
    if (concurrency > 0)
        arguments << QStringLiteral("--concurrency") << QString::number(concurrency);
    return arguments;
}

QString tst_CaptureCli::writePrompts(const QString &name, int count)
{
    const QString path = m_home.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    for (int i = 0; i < count; ++i) {
        const QJsonObject example {{QStringLiteral("messages"),
                QJsonArray {
                        QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                                {QStringLiteral("content"), QStringLiteral("Prompt %1").arg(i)}},
                        QJsonObject {{QStringLiteral("role"), QStringLiteral("assistant")},
                                {QStringLiteral("content"), QStringLiteral("old answer")}}}}};
        file.write(QJsonDocument(example).toJson(QJsonDocument::Compact) + '\n');
    }
    return path;
}

namespace {

QString promptOf(const QJsonObject &line)
{
    const QJsonArray messages = line.value(QLatin1String("messages")).toArray();
    return messages.at(messages.size() - 2).toObject().value(QLatin1String("content")).toString();
}

QString answerOf(const QJsonObject &line)
{
    const QJsonObject last = line.value(QLatin1String("messages")).toArray().last().toObject();
    return last.value(QLatin1String("role")).toString() == QLatin1String("assistant")
            ? last.value(QLatin1String("content")).toString()
            : QString();
}

} // namespace

void tst_CaptureCli::usageErrors()
{
    const QString file = writePrompts(QStringLiteral("usage.jsonl"), 2);
    const QString out = m_home.filePath(QStringLiteral("usage-out.jsonl"));
    Result r = run({QStringLiteral("--model"), QStringLiteral("gpt-4o-mini"), file});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("usage: finetune-studio capture --model M FILE --out")),
            qPrintable(r.err));
    r = run({file, QStringLiteral("--out"), out});
    QCOMPARE(r.exitCode, 2);
    r = run({QStringLiteral("--model"), QStringLiteral("m"), QStringLiteral("--out"), out,
            QStringLiteral("--concurrency"), QStringLiteral("0"), file});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QLatin1String("--concurrency")));
    r = run({QStringLiteral("--model"), QStringLiteral("m"), QStringLiteral("--out"), file, file});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("cannot go into the file the prompts come from")),
            qPrintable(r.err));
    r = run({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QLatin1String("--out")));
    QVERIFY(r.out.contains(QLatin1String("continues where it stopped")));
    // No connection given: explained, not a crash; nothing written.
    r = run({QStringLiteral("--model"), QStringLiteral("m"), QStringLiteral("--out"), out, file});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("no connection given")), qPrintable(r.err));
    QVERIFY(!QFile::exists(out));
    // The general help lists the verb.
    const Result help = fs::test::runCli(QStringLiteral(FS_APP_BINARY), {QStringLiteral("--help")},
            fs::test::isolatedEnvironment(m_home.path()));
    QVERIFY(help.out.contains(QLatin1String("capture")));
}

void tst_CaptureCli::capturesAFileAndRunAgainSendsNothing()
{
    const QString file = writePrompts(QStringLiteral("small.jsonl"), 6);
    const QString out = m_home.filePath(QStringLiteral("small-out.jsonl"));
    const QStringList arguments = captureArguments(file, out, 3);
    Result r = run(arguments);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("6 of 6 answers of gpt-4o-mini are in small-out.jsonl")),
            qPrintable(r.out));
    QVERIFY2(r.err.contains(QLatin1String("6 of 6 answers captured")), qPrintable(r.err));
    const QList<QJsonObject> written = fs::test::readJsonLines(out);
    QCOMPARE(written.size(), 6);
    for (int i = 0; i < 6; ++i) {
        QCOMPARE(promptOf(written.at(i)), QStringLiteral("Prompt %1").arg(i));
        QVERIFY(!answerOf(written.at(i)).isEmpty());
        QVERIFY(answerOf(written.at(i)) != QLatin1String("old answer"));
    }
    QCOMPARE(m_sent->prompts(), 6);
    QFile sidecar(out + QStringLiteral(".capture.json"));
    QVERIFY(sidecar.open(QIODevice::ReadOnly));
    const QJsonObject settings = QJsonDocument::fromJson(sidecar.readAll()).object();
    QCOMPARE(settings.value(QLatin1String("model")).toString(), QStringLiteral("gpt-4o-mini"));
    QCOMPARE(settings.value(QLatin1String("source")).toString(), QStringLiteral("small.jsonl"));

    m_sent->clear();
    r = run(arguments + QStringList {QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(m_sent->isEmpty());
    const QJsonObject summary = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(summary.value(QLatin1String("answered")).toInt(), 6);
    QCOMPARE(summary.value(QLatin1String("resumed_from")).toInt(), 6);
    QCOMPARE(summary.value(QLatin1String("failed")).toInt(), 0);

    // Another model into the same file is refused with the reason.
    r = run(connection()
            + QStringList {QStringLiteral("--model"), QStringLiteral("gpt-4.1"), file,
                    QStringLiteral("--out"), out});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("holds answers of gpt-4o-mini")), qPrintable(r.err));
}

void tst_CaptureCli::killedHalfWayResumesWithoutSendingAnsweredPromptsAgain()
{
    const int count = 80;
    const QString file = writePrompts(QStringLiteral("big.jsonl"), count);
    const QString out = m_home.filePath(QStringLiteral("big-out.jsonl"));
    const QStringList arguments = captureArguments(file, out, 4);
    m_server.injectLatency(40);
    {
        QProcess process;
        process.setProcessEnvironment(fs::test::isolatedEnvironment(m_home.path()));
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(
                QStringLiteral(FS_APP_BINARY), QStringList {QStringLiteral("capture")} + arguments);
        QTRY_VERIFY_WITH_TIMEOUT(fs::test::readJsonLines(out).size() >= count / 4, 60000);
        process.kill(); // SIGKILL: no chance to tidy up
        QVERIFY(finished.wait(10000));
        QCOMPARE(process.exitStatus(), QProcess::CrashExit);
    }
    QSet<QString> answeredBefore;
    for (const QJsonObject &line : fs::test::readJsonLines(out)) {
        if (!answerOf(line).isEmpty())
            answeredBefore << promptOf(line);
    }
    QVERIFY(answeredBefore.size() >= count / 4);
    QVERIFY2(answeredBefore.size() < count, "the capture ended before it could be interrupted");
    // As if the kill had come in the middle of a line.
    QFile cut(out);
    QVERIFY(cut.open(QIODevice::Append));
    cut.write(R"({"messages":[{"role":"user","content":"Prompt)");
    cut.close();

    m_sent->clear();
    const Result r = run(arguments);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("was cut off")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("Continuing: %1 of %2 answers are already in")
                                    .arg(answeredBefore.size())
                                    .arg(count)),
            qPrintable(r.err));
    const QList<QJsonObject> written = fs::test::readJsonLines(out);
    QCOMPARE(written.size(), count); // none lost, none twice
    for (int i = 0; i < count; ++i) {
        const QString prompt = QStringLiteral("Prompt %1").arg(i);
        QCOMPARE(promptOf(written.at(i)), prompt);
        QVERIFY(!answerOf(written.at(i)).isEmpty());
        if (answeredBefore.contains(prompt))
            QVERIFY2(!m_sent->contains(prompt), qPrintable(prompt + QStringLiteral(" sent again")));
        else
            QVERIFY2(m_sent->count(prompt) >= 1, qPrintable(prompt + QStringLiteral(" not sent")));
    }
}

void tst_CaptureCli::playgroundConversationAndTogether()
{
    const QJsonObject session {
            {QStringLiteral("type"), QStringLiteral("finetune-studio.comparison-session")},
            {QStringLiteral("version"), 1},
            {QStringLiteral("system_prompt"), QStringLiteral("Be brief.")},
            {QStringLiteral("panes"),
                    QJsonArray {QJsonObject {{QStringLiteral("history"),
                            QJsonArray {QJsonObject {{QStringLiteral("role"), "user"},
                                                {QStringLiteral("content"), "First question"}},
                                    QJsonObject {{QStringLiteral("role"), "assistant"},
                                            {QStringLiteral("content"), "An answer"}},
                                    QJsonObject {{QStringLiteral("role"), "user"},
                                            {QStringLiteral("content"), "Second question"}}}}}}}};
    const QString file = m_home.filePath(QStringLiteral("session.json"));
    QFile sessionFile(file);
    QVERIFY(sessionFile.open(QIODevice::WriteOnly));
    sessionFile.write(QJsonDocument(session).toJson());
    sessionFile.close();
    const QString out = m_home.filePath(QStringLiteral("together-out.jsonl"));
    QProcessEnvironment environment = fs::test::isolatedEnvironment(m_home.path());
    environment.insert(QStringLiteral("TOGETHER_API_KEY"), QStringLiteral("tgp-test"));
    const Result r = run(
            {QStringLiteral("--provider"), QStringLiteral("together"), QStringLiteral("--base-url"),
                    QStringLiteral("http://127.0.0.1:%1/together/v1").arg(m_server.port()),
                    QStringLiteral("--model"),
                    QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference"), file,
                    QStringLiteral("--out"), out},
            environment);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QList<QJsonObject> written = fs::test::readJsonLines(out);
    QCOMPARE(written.size(), 2);
    const QJsonArray second = written.at(1).value(QLatin1String("messages")).toArray();
    QCOMPARE(second.size(), 5); // system, user, assistant (context), user, the answer
    QCOMPARE(second.at(0)["content"].toString(), QStringLiteral("Be brief."));
    QCOMPARE(second.at(3)["content"].toString(), QStringLiteral("Second question"));
    QCOMPARE(m_sent->count(QStringLiteral("First question")), 1);
    QCOMPARE(m_sent->count(QStringLiteral("Second question")), 1);

    // A list of prompts, one per line.
    const QString list = m_home.filePath(QStringLiteral("list.txt"));
    QFile listFile(list);
    QVERIFY(listFile.open(QIODevice::WriteOnly));
    listFile.write("Where is the reset button?\nWhat does red mean?\n");
    listFile.close();
    const QString listOut = m_home.filePath(QStringLiteral("list-out.jsonl"));
    const Result fromList = run(captureArguments(list, listOut));
    QVERIFY2(fromList.exitCode == 0, qPrintable(fromList.err));
    QCOMPARE(fs::test::readJsonLines(listOut).size(), 2);
    QCOMPARE(promptOf(fs::test::readJsonLines(listOut).at(1)),
            QStringLiteral("What does red mean?"));
}

void tst_CaptureCli::rateLimitWallWaitsAndFinishes()
{
    const QString file = writePrompts(QStringLiteral("limited.jsonl"), 6);
    const QString out = m_home.filePath(QStringLiteral("limited-out.jsonl"));
    // More 429s than the client's own three attempts absorb.
    m_server.injectHttpError(429, 8, QStringLiteral("/chat/completions"), 1);
    const Result r = run(captureArguments(file, out, 2));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("Waiting 1 s before going on.")), qPrintable(r.err));
    QCOMPARE(fs::test::readJsonLines(out).size(), 6);
}

void tst_CaptureCli::failuresExitNonZeroAndAreAskedAgain()
{
    const QString file = writePrompts(QStringLiteral("failing.jsonl"), 4);
    const QString out = m_home.filePath(QStringLiteral("failing-out.jsonl"));
    const QStringList arguments = captureArguments(file, out, 1);
    m_server.injectHttpError(400, 1, QStringLiteral("/chat/completions"));
    Result r = run(arguments);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("error: 1 answer could not be obtained")),
            qPrintable(r.err));
    QVERIFY(r.err.contains(QLatin1String("Run the same command again")));
    QCOMPARE(fs::test::readJsonLines(out).size(), 3);

    m_sent->clear();
    r = run(arguments);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(m_sent->prompts(), 1);
    QCOMPARE(fs::test::readJsonLines(out).size(), 4);
}

QTEST_GUILESS_MAIN(tst_CaptureCli)
#include "tst_capturecli.moc"
