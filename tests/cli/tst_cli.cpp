// SPDX-License-Identifier: GPL-3.0-or-later
// Drives `finetune-studio` verbs as a person at a terminal would, against `finetune-studio
// sandbox`.
#include "cliprocess.h"
#include "instancechannel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class tst_Cli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void helpAndVersion();
    void usageErrors();
    void noConnectionIsExplained();
    void unreachableServerIsOneLine();
    void wholeLoopOnTheSandbox();
    void jsonOutputIsTheServiceObject();
    void failedJobExitsNonZero();
    void unknownJobIsAPlainError();
    void wrongKeyIsExplained();
    void cancelledJobExitsWithCancelledCode();
    void unknownCommandListsTheVerbs();
    void secondStartHandsItsFilesOver();

private:
    using Result = fs::test::CliResult;
    Result run(const QStringList &arguments, const QString &apiKey = {}, int timeoutMs = 60000);
    QString uploadSample(const QString &path);

    fs::test::SandboxProcess m_sandbox;
    fs::test::SandboxProcess m_lockedSandbox;
    QString m_baseUrl;
    QString m_lockedBaseUrl;
    QTemporaryDir m_home;
};

void tst_Cli::initTestCase()
{
    QVERIFY(m_home.isValid());
    QVERIFY2(m_sandbox.start(QStringLiteral(FS_APP_BINARY)),
            "the sandbox did not print its address");
    m_baseUrl = m_sandbox.baseUrl();
    QVERIFY2(m_lockedSandbox.start(QStringLiteral(FS_APP_BINARY),
                     {QStringLiteral("--require-key"), QStringLiteral("sk-right-key")}),
            "the key-checking sandbox did not print its address");
    m_lockedBaseUrl = m_lockedSandbox.baseUrl();
}

void tst_Cli::cleanupTestCase()
{
    for (fs::test::SandboxProcess *sandbox : {&m_sandbox, &m_lockedSandbox}) {
        if (!sandbox->isRunning())
            continue;
        // Ctrl-C ends it cleanly with exit code 0.
        QVERIFY(sandbox->stop(10000));
        QProcess &process = sandbox->process();
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(QString::fromUtf8(process.readAllStandardOutput())
                        .contains(QLatin1String("stopped")));
    }
}

tst_Cli::Result tst_Cli::run(const QStringList &arguments, const QString &apiKey, int timeoutMs)
{
    // Saved connections must come from a settings folder of the test's own.
    QProcessEnvironment env = fs::test::isolatedEnvironment(m_home.path());
    if (!apiKey.isEmpty())
        env.insert(QStringLiteral("OPENAI_API_KEY"), apiKey);
    return fs::test::runCli(QStringLiteral(FS_APP_BINARY), arguments, env, timeoutMs);
}

QString tst_Cli::uploadSample(const QString &path)
{
    // --upload-anyway: some samples are meant to fail the service's own checks.
    const Result upload = run(
            {QStringLiteral("files"), QStringLiteral("upload"), path, QStringLiteral("--base-url"),
                    m_baseUrl, QStringLiteral("--json"), QStringLiteral("--upload-anyway")});
    if (upload.exitCode != 0)
        return {};
    return QJsonDocument::fromJson(upload.out.toUtf8())
            .object()
            .value(QStringLiteral("id"))
            .toString();
}

void tst_Cli::helpAndVersion()
{
    const Result help = run({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    for (const char *verb : {"sandbox", "files", "jobs", "models", "chat"})
        QVERIFY2(help.out.contains(QLatin1String(verb)), verb);

    const Result version = run({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.contains(QLatin1String(FS_VERSION)));

    const Result jobsHelp = run({QStringLiteral("jobs"), QStringLiteral("--help")});
    QCOMPARE(jobsHelp.exitCode, 0);
    QVERIFY(jobsHelp.out.contains(QLatin1String("--training-file")));
}

void tst_Cli::usageErrors()
{
    const Result missingAction =
            run({QStringLiteral("files"), QStringLiteral("--base-url"), m_baseUrl});
    QCOMPARE(missingAction.exitCode, 2);
    QVERIFY(missingAction.err.contains(QLatin1String("usage:")));

    const Result badOption =
            run({QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--bogus")});
    QCOMPARE(badOption.exitCode, 2);

    const Result badEpochs = run({QStringLiteral("jobs"), QStringLiteral("create"),
            QStringLiteral("--base-url"), m_baseUrl, QStringLiteral("--model"),
            QStringLiteral("gpt-4.1-mini-2025-04-14"), QStringLiteral("--training-file"),
            QStringLiteral("file-x"), QStringLiteral("--n-epochs"), QStringLiteral("51")});
    QCOMPARE(badEpochs.exitCode, 2);
    QVERIFY(badEpochs.err.contains(QLatin1String("1 to 50")));

    const Result badPort =
            run({QStringLiteral("sandbox"), QStringLiteral("--port"), QStringLiteral("70000")});
    QCOMPARE(badPort.exitCode, 2);
}

void tst_Cli::noConnectionIsExplained()
{
    const Result result = run({QStringLiteral("models")});
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.err.contains(QLatin1String("OPENAI_API_KEY")));
    QCOMPARE(result.err.trimmed().count(QLatin1Char('\n')), 0);
}

void tst_Cli::unreachableServerIsOneLine()
{
    // Port 1 on this machine: nothing listens there.
    const Result result = run({QStringLiteral("models"), QStringLiteral("--base-url"),
            QStringLiteral("http://127.0.0.1:1/v1")});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.startsWith(QLatin1String("error: ")), qPrintable(result.err));
    QCOMPARE(result.err.trimmed().count(QLatin1Char('\n')), 0);
    QVERIFY2(result.err.contains(QLatin1String("reached"), Qt::CaseInsensitive),
            qPrintable(result.err));
}

void tst_Cli::wholeLoopOnTheSandbox()
{
    const Result upload = run({QStringLiteral("files"), QStringLiteral("upload"),
            QStringLiteral(FS_SAMPLES_DIR "/support-bot.jsonl"), QStringLiteral("--base-url"),
            m_baseUrl});
    QCOMPARE(upload.exitCode, 0);
    const QRegularExpressionMatch fileMatch =
            QRegularExpression(QStringLiteral("(file-[A-Za-z0-9]+)")).match(upload.out);
    QVERIFY2(fileMatch.hasMatch(), qPrintable(upload.out));
    const QString fileId = fileMatch.captured(1);

    const Result list = run({QStringLiteral("files"), QStringLiteral("list"),
            QStringLiteral("--base-url"), m_baseUrl});
    QCOMPARE(list.exitCode, 0);
    QVERIFY(list.out.contains(fileId));
    QVERIFY(list.out.contains(QLatin1String("support-bot.jsonl")));

    const Result create =
            run({QStringLiteral("jobs"), QStringLiteral("create"), QStringLiteral("--base-url"),
                    m_baseUrl, QStringLiteral("--model"), QStringLiteral("gpt-4.1-mini-2025-04-14"),
                    QStringLiteral("--training-file"), fileId, QStringLiteral("--suffix"),
                    QStringLiteral("lamps"), QStringLiteral("--n-epochs"), QStringLiteral("3")});
    QCOMPARE(create.exitCode, 0);
    const QRegularExpressionMatch jobMatch =
            QRegularExpression(QStringLiteral("(ftjob-[A-Za-z0-9]+)")).match(create.out);
    QVERIFY2(jobMatch.hasMatch(), qPrintable(create.out));
    const QString jobId = jobMatch.captured(1);

    const Result watch = run(
            {QStringLiteral("jobs"), QStringLiteral("watch"), jobId, QStringLiteral("--base-url"),
                    m_baseUrl, QStringLiteral("--interval"), QStringLiteral("0.2")},
            {}, 90000);
    QVERIFY2(watch.exitCode == 0, qPrintable(watch.out + watch.err));
    // Each event once, oldest first, the loss printed as steps arrive, the final status at the end.
    const QStringList lines = watch.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const int created =
            lines.indexOf(QRegularExpression(QStringLiteral(".*Created fine-tuning job.*")));
    const int started =
            lines.indexOf(QRegularExpression(QStringLiteral(".*Fine-tuning job started.*")));
    const int firstStep =
            lines.indexOf(QRegularExpression(QStringLiteral(".*Step \\d+/\\d+: training loss=.*")));
    const int done =
            lines.indexOf(QRegularExpression(QStringLiteral(".*successfully completed.*")));
    QVERIFY2(created >= 0 && started > created && firstStep > started && done > firstStep,
            qPrintable(watch.out));
    QSet<QString> eventLines;
    for (const QString &line : lines) {
        if (line.contains(QLatin1String("Step "))) {
            QVERIFY2(!eventLines.contains(line),
                    qPrintable(QStringLiteral("printed twice: ") + line));
            eventLines.insert(line);
        }
    }
    QVERIFY(eventLines.size() >= 2);
    QVERIFY(watch.out.contains(QLatin1String("succeeded")));
    const QRegularExpressionMatch modelMatch = QRegularExpression(
            QStringLiteral("fine-tuned:\\s+(ft:gpt-4\\.1-mini-2025-04-14:\\S*lamps\\S*)"))
                                                       .match(watch.out);
    QVERIFY2(modelMatch.hasMatch(), qPrintable(watch.out));

    const Result models = run({QStringLiteral("models"), QStringLiteral("--base-url"), m_baseUrl});
    QCOMPARE(models.exitCode, 0);
    QVERIFY(models.out.contains(modelMatch.captured(1)));

    // The fine-tuned model answers in the manner of its training data; streamed to stdout.
    const Result chat = run({QStringLiteral("chat"), QStringLiteral("--base-url"), m_baseUrl,
            QStringLiteral("--model"), modelMatch.captured(1),
            QStringLiteral("How do I reset my password?")});
    QCOMPARE(chat.exitCode, 0);
    QVERIFY2(chat.out.contains(QLatin1String("Forgot password")), qPrintable(chat.out));
    const Result baseChat = run({QStringLiteral("chat"), QStringLiteral("--base-url"), m_baseUrl,
            QStringLiteral("--model"), QStringLiteral("gpt-4.1-mini-2025-04-14"),
            QStringLiteral("How do I reset my password?")});
    QCOMPARE(baseChat.exitCode, 0);
    QVERIFY(!baseChat.out.trimmed().isEmpty());
    QVERIFY(!baseChat.out.contains(QLatin1String("Forgot password")));

    const Result deleted = run({QStringLiteral("files"), QStringLiteral("delete"), fileId,
            QStringLiteral("--base-url"), m_baseUrl});
    QCOMPARE(deleted.exitCode, 0);
    QVERIFY(deleted.out.contains(fileId));
}

void tst_Cli::jsonOutputIsTheServiceObject()
{
    const Result models = run({QStringLiteral("models"), QStringLiteral("--json"),
            QStringLiteral("--base-url"), m_baseUrl});
    QCOMPARE(models.exitCode, 0);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(models.out.toUtf8(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(document.object().value(QStringLiteral("object")).toString(), QStringLiteral("list"));
    QVERIFY(!document.object().value(QStringLiteral("data")).toArray().isEmpty());

    const Result jobs = run({QStringLiteral("jobs"), QStringLiteral("list"),
            QStringLiteral("--json"), QStringLiteral("--base-url"), m_baseUrl});
    QCOMPARE(jobs.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(jobs.out.toUtf8())
                     .object()
                     .value(QStringLiteral("object"))
                     .toString(),
            QStringLiteral("list"));
}

void tst_Cli::failedJobExitsNonZero()
{
    // Five examples: the service's validation fails the job (at least 10 are needed).
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("five.jsonl"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    for (int i = 0; i < 5; ++i)
        file.write(
                R"({"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}]})"
                "\n");
    file.close();
    const QString fileId = uploadSample(path);
    QVERIFY(!fileId.isEmpty());
    const Result create = run({QStringLiteral("jobs"), QStringLiteral("create"),
            QStringLiteral("--json"), QStringLiteral("--base-url"), m_baseUrl,
            QStringLiteral("--model"), QStringLiteral("gpt-4.1-nano-2025-04-14"),
            QStringLiteral("--training-file"), fileId});
    QCOMPARE(create.exitCode, 0);
    const QString jobId = QJsonDocument::fromJson(create.out.toUtf8())
                                  .object()
                                  .value(QStringLiteral("id"))
                                  .toString();
    QVERIFY(jobId.startsWith(QLatin1String("ftjob-")));
    const Result watch = run(
            {QStringLiteral("jobs"), QStringLiteral("watch"), jobId, QStringLiteral("--base-url"),
                    m_baseUrl, QStringLiteral("--interval"), QStringLiteral("0.2")},
            {}, 60000);
    QCOMPARE(watch.exitCode, 1);
    QVERIFY2(watch.out.contains(QLatin1String("failed")), qPrintable(watch.out));
    QVERIFY2(watch.out.contains(QLatin1String("at least 10 examples")), qPrintable(watch.out));
}

void tst_Cli::unknownJobIsAPlainError()
{
    const Result result = run({QStringLiteral("jobs"), QStringLiteral("watch"),
            QStringLiteral("ftjob-doesnotexist"), QStringLiteral("--base-url"), m_baseUrl});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.startsWith(QLatin1String("error: ")), qPrintable(result.err));
    QCOMPARE(result.err.trimmed().count(QLatin1Char('\n')), 0);
    QVERIFY(result.err.contains(QLatin1String("404")));
}

void tst_Cli::wrongKeyIsExplained()
{
    const Result wrong =
            run({QStringLiteral("models"), QStringLiteral("--base-url"), m_lockedBaseUrl},
                    QStringLiteral("sk-wrong-key"));
    QCOMPARE(wrong.exitCode, 1);
    QVERIFY2(wrong.err.contains(QLatin1String("key"), Qt::CaseInsensitive), qPrintable(wrong.err));
    QVERIFY2(!wrong.err.contains(QLatin1String("sk-wrong-key")),
            "the key itself must never be printed");

    const Result right =
            run({QStringLiteral("models"), QStringLiteral("--base-url"), m_lockedBaseUrl},
                    QStringLiteral("sk-right-key"));
    QCOMPARE(right.exitCode, 0);
}

void tst_Cli::cancelledJobExitsWithCancelledCode()
{
    const QString fileId = uploadSample(QStringLiteral(FS_SAMPLES_DIR "/support-bot.jsonl"));
    QVERIFY(!fileId.isEmpty());
    // Many epochs, so the job is still going when it is cancelled.
    const Result create =
            run({QStringLiteral("jobs"), QStringLiteral("create"), QStringLiteral("--json"),
                    QStringLiteral("--base-url"), m_baseUrl, QStringLiteral("--model"),
                    QStringLiteral("gpt-4.1-nano-2025-04-14"), QStringLiteral("--training-file"),
                    fileId, QStringLiteral("--n-epochs"), QStringLiteral("50")});
    QCOMPARE(create.exitCode, 0);
    const QString jobId = QJsonDocument::fromJson(create.out.toUtf8())
                                  .object()
                                  .value(QStringLiteral("id"))
                                  .toString();
    const Result cancel = run({QStringLiteral("jobs"), QStringLiteral("cancel"), jobId,
            QStringLiteral("--base-url"), m_baseUrl});
    QCOMPARE(cancel.exitCode, 0);
    QVERIFY2(cancel.out.contains(QLatin1String("cancel")), qPrintable(cancel.out));
    const Result watch = run(
            {QStringLiteral("jobs"), QStringLiteral("watch"), jobId, QStringLiteral("--base-url"),
                    m_baseUrl, QStringLiteral("--interval"), QStringLiteral("0.2")});
    QCOMPARE(watch.exitCode, 3);
    QVERIFY(watch.out.contains(QLatin1String("cancelled")));
}

void tst_Cli::unknownCommandListsTheVerbs()
{
    // A typo is neither a verb nor a file: say so instead of starting the window.
    const Result typo = run({QStringLiteral("valdate"), QStringLiteral("x.jsonl")}, {}, 20000);
    QCOMPARE(typo.exitCode, 2);
    QVERIFY2(typo.err.contains(QLatin1String("unknown command 'valdate'")), qPrintable(typo.err));
    for (const char *verb : {"sandbox", "files", "jobs", "validate", "storage", "compare"})
        QVERIFY2(typo.err.contains(QLatin1String(verb)), verb);
    QVERIFY(typo.out.isEmpty());
    // A file that isn't there is not opened either.
    const Result missing = run({m_home.filePath(QStringLiteral("gone.jsonl"))}, {}, 20000);
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.err.contains(QLatin1String("unknown command")));
}

void tst_Cli::secondStartHandsItsFilesOver()
{
    // The running app (here: its channel, on the name the app derives for this settings folder)
    // receives the file of a second start, which then ends with 0. Qt's own options still work.
    QProcessEnvironment env = fs::test::isolatedEnvironment(m_home.path());
    const QString data = m_home.filePath(QStringLiteral("data"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), data);
    fs::InstanceChannel running(
            fs::InstanceChannel::nameFor(data + QStringLiteral("/FinetuneStudio/finetune-studio")));
    QVERIFY(running.listen());
    QSignalSpy received(&running, &fs::InstanceChannel::filesReceived);
    QProcess second;
    second.setProcessEnvironment(env);
    second.setWorkingDirectory(QStringLiteral(FS_SAMPLES_DIR));
    second.start(QStringLiteral(FS_APP_BINARY),
            {QStringLiteral("-platform"), QStringLiteral("offscreen"),
                    QStringLiteral("support-bot.jsonl")});
#ifdef FS_HAVE_UI
    QVERIFY(received.wait(30000));
    QCOMPARE(received.first().first().toStringList(),
            QStringList {QStringLiteral(FS_SAMPLES_DIR "/support-bot.jsonl")});
    QVERIFY(second.waitForFinished(30000));
    QCOMPARE(second.exitStatus(), QProcess::NormalExit);
    QCOMPARE(second.exitCode(), 0);
#else
    // A build without the window (-DFS_BUILD_UI=OFF) has no window to hand files to: it says so
    // and ends with the usage code, and the running app receives nothing.
    QVERIFY(second.waitForFinished(30000));
    QCOMPARE(second.exitCode(), 2);
    QVERIFY(QString::fromUtf8(second.readAllStandardError())
                    .contains(QLatin1String("no desktop window")));
    QCOMPARE(received.count(), 0);
#endif
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
