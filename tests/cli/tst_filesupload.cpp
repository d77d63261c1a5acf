// SPDX-License-Identifier: GPL-3.0-or-later
// `finetune-studio files upload` as a person runs it: the real binary against a `finetune-studio
// sandbox` child process, interrupted with Ctrl-C or by faults, then run again to resume.
#include "appsettings.h"
#include "cliprocess.h"
#include "connectionstore.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class tst_FilesUpload : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void smallFilePrintsProgressAndTheFileId();
    void jsonOutputIsOnlyTheFile();
    void interruptedByCtrlCResumesTheSameFile();
    void failingPartsLeaveItResumable();
    void processingErrorExitsOne();
    void usageAndMissingFile();
    void checkBeforeSendingRefusesErrors();
    void togetherUploadListDelete();

private:
    using Result = fs::test::CliResult;
    QProcessEnvironment environment() const;
    Result run(const QStringList &arguments, int timeoutMs = 60000);
    QByteArray http(const QByteArray &verb, const QString &path, const QByteArray &body = {});
    QString write(const QString &name, const QByteArray &bytes);
    static QByteArray trainingData(qint64 bytes);

    fs::test::SandboxProcess m_sandbox;
    QString m_root; ///< http://127.0.0.1:PORT
    QTemporaryDir m_home;
    QNetworkAccessManager m_nam;
};

QByteArray tst_FilesUpload::trainingData(qint64 bytes)
{
    QByteArray data;
    for (int i = 0; data.size() < bytes; ++i)
        data += QStringLiteral("{\"messages\":[{\"role\":\"user\",\"content\":\"Question %1?\"},"
                               "{\"role\":\"assistant\",\"content\":\"Answer %1.\"}]}\n")
                        .arg(i)
                        .toUtf8();
    return data;
}

void tst_FilesUpload::initTestCase()
{
    QVERIFY(m_home.isValid());
    QVERIFY2(m_sandbox.start(QStringLiteral(FS_APP_BINARY)),
            "the sandbox did not print its address");
    m_root = m_sandbox.root();
}

void tst_FilesUpload::cleanupTestCase()
{
    QVERIFY(m_sandbox.stop(10000));
}

void tst_FilesUpload::init()
{
    http("DELETE", QStringLiteral("/_sandbox/faults"));
}

QProcessEnvironment tst_FilesUpload::environment() const
{
    QProcessEnvironment env = fs::test::isolatedEnvironment(m_home.path());
    // The resume journal lives in the test's own data folder.
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.path() + QStringLiteral("/data"));
    return env;
}

tst_FilesUpload::Result tst_FilesUpload::run(const QStringList &arguments, int timeoutMs)
{
    return fs::test::runCli(QStringLiteral(FS_APP_BINARY), arguments, environment(), timeoutMs);
}

QByteArray tst_FilesUpload::http(
        const QByteArray &verb, const QString &path, const QByteArray &body)
{
    QNetworkRequest request(QUrl(m_root + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = m_nam.sendCustomRequest(request, verb, body);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray answer = reply->readAll();
    reply->deleteLater();
    return answer;
}

QString tst_FilesUpload::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_home.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

void tst_FilesUpload::smallFilePrintsProgressAndTheFileId()
{
    const QByteArray data = trainingData(5000);
    const Result result = run({QStringLiteral("files"), QStringLiteral("upload"),
            write(QStringLiteral("small.jsonl"), data), QStringLiteral("--base-url"),
            m_root + QStringLiteral("/v1")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.out + result.err));
    // Not a terminal: whole lines, no carriage returns.
    QVERIFY(!result.out.contains(QLatin1Char('\r')));
    QVERIFY2(result.out.contains(QLatin1String("Sending: ")), qPrintable(result.out));
    QVERIFY(result.out.contains(QLatin1String("Status: processed")));
    const QStringList lines = result.out.trimmed().split(QLatin1Char('\n'));
    const QString fileId = lines.constLast();
    QVERIFY2(fileId.startsWith(QLatin1String("file-")), qPrintable(result.out));
    QCOMPARE(http("GET", QStringLiteral("/v1/files/%1/content").arg(fileId)), data);
}

void tst_FilesUpload::jsonOutputIsOnlyTheFile()
{
    const QByteArray data = trainingData(5000);
    const Result result = run({QStringLiteral("files"), QStringLiteral("upload"),
            write(QStringLiteral("json.jsonl"), data), QStringLiteral("--resumable"),
            QStringLiteral("--part-size"), QStringLiteral("0.002"), QStringLiteral("--json"),
            QStringLiteral("--base-url"), m_root + QStringLiteral("/v1")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.out + result.err));
    QJsonParseError error;
    const QJsonObject file = QJsonDocument::fromJson(result.out.toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(file.value(QLatin1String("id")).toString().startsWith(QLatin1String("file-")));
    QCOMPARE(file.value(QLatin1String("status")).toString(), QStringLiteral("processed"));
    QCOMPARE(file.value(QLatin1String("bytes")).toInteger(), data.size());
}

void tst_FilesUpload::interruptedByCtrlCResumesTheSameFile()
{
    const QByteArray data = trainingData(2 * 1024 * 1024);
    const QString path = write(QStringLiteral("interrupted.jsonl"), data);
    const QStringList arguments {QStringLiteral("files"), QStringLiteral("upload"), path,
            QStringLiteral("--part-size"), QStringLiteral("0.1"), QStringLiteral("--base-url"),
            m_root + QStringLiteral("/v1")};
    // Slow answers, so Ctrl-C lands in the middle.
    http("POST", QStringLiteral("/_sandbox/faults"), R"({"latency_ms": 600})");
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(QStringLiteral(FS_APP_BINARY), arguments);
    QVERIFY(process.waitForStarted(10000));
    // Interrupted once at least one part has arrived (the progress line says so).
    const QRegularExpression partsArrived(QStringLiteral("\\b[1-9]\\d* of \\d+ parts"));
    QString out;
    const bool arrived = QTest::qWaitFor(
            [&] {
                process.waitForReadyRead(50);
                out += QString::fromUtf8(process.readAllStandardOutput());
                return partsArrived.match(out).hasMatch()
                        || process.state() == QProcess::NotRunning;
            },
            60000);
    QVERIFY2(arrived && process.state() == QProcess::Running, qPrintable(out));
    ::kill(pid_t(process.processId()), SIGINT);
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 3);
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(err.contains(QLatin1String("can be resumed")), qPrintable(err));

    http("DELETE", QStringLiteral("/_sandbox/faults"));
    const Result again = run(arguments);
    QVERIFY2(again.exitCode == 0, qPrintable(again.out + again.err));
    const QRegularExpression resuming(
            QStringLiteral("Resuming: (\\d+) of (\\d+) parts already sent"));
    const QRegularExpressionMatch match = resuming.match(again.out);
    QVERIFY2(match.hasMatch(), qPrintable(again.out));
    QVERIFY(match.captured(1).toInt() >= 1);
    QVERIFY(match.captured(1).toInt() < match.captured(2).toInt());
    const QString fileId = again.out.trimmed().split(QLatin1Char('\n')).constLast();
    QCOMPARE(http("GET", QStringLiteral("/v1/files/%1/content").arg(fileId)), data);

    // Done: a third run starts a fresh upload instead of resuming.
    const Result third = run(arguments);
    QCOMPARE(third.exitCode, 0);
    QVERIFY(!third.out.contains(QLatin1String("Resuming")));
}

void tst_FilesUpload::failingPartsLeaveItResumable()
{
    const QByteArray data = trainingData(600 * 1024);
    const QString path = write(QStringLiteral("faults.jsonl"), data);
    const QStringList arguments {QStringLiteral("files"), QStringLiteral("upload"), path,
            QStringLiteral("--part-size"), QStringLiteral("0.1"), QStringLiteral("--base-url"),
            m_root + QStringLiteral("/v1")};
    // Every part fails three times in a row: more than the client's retries.
    http("POST", QStringLiteral("/_sandbox/faults"),
            R"({"http_error": {"status": 503, "count": 100, "path": "/parts"}})");
    const Result first = run(arguments);
    QCOMPARE(first.exitCode, 1);
    QVERIFY2(first.err.contains(QLatin1String("Run the same command again to resume")),
            qPrintable(first.err));
    http("DELETE", QStringLiteral("/_sandbox/faults"));
    const Result again = run(arguments);
    QVERIFY2(again.exitCode == 0, qPrintable(again.out + again.err));
    QVERIFY2(again.out.contains(QLatin1String("Resuming: 0 of 6 parts already sent")),
            qPrintable(again.out));
    const QString fileId = again.out.trimmed().split(QLatin1Char('\n')).constLast();
    QCOMPARE(http("GET", QStringLiteral("/v1/files/%1/content").arg(fileId)), data);
}

void tst_FilesUpload::processingErrorExitsOne()
{
    const Result result = run({QStringLiteral("files"), QStringLiteral("upload"),
            write(QStringLiteral("notjson.jsonl"), "{\"messages\": []}\nnot json at all\n"),
            QStringLiteral("--no-check"), QStringLiteral("--base-url"),
            m_root + QStringLiteral("/v1")});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QLatin1String("could not process")), qPrintable(result.err));
    QVERIFY(result.err.contains(QLatin1String("Line 2 is not valid JSON")));
}

void tst_FilesUpload::usageAndMissingFile()
{
    const Result badSize = run({QStringLiteral("files"), QStringLiteral("upload"),
            write(QStringLiteral("x.jsonl"), "{}\n"), QStringLiteral("--part-size"),
            QStringLiteral("100"), QStringLiteral("--base-url"), m_root + QStringLiteral("/v1")});
    QCOMPARE(badSize.exitCode, 2);
    QVERIFY(badSize.err.contains(QLatin1String("--part-size")));
    const Result missing = run({QStringLiteral("files"), QStringLiteral("upload"),
            m_home.filePath(QStringLiteral("nope.jsonl")), QStringLiteral("--base-url"),
            m_root + QStringLiteral("/v1")});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains(QLatin1String("does not exist")), qPrintable(missing.err));
}

void tst_FilesUpload::checkBeforeSendingRefusesErrors()
{
    // Three examples: too few to train on. The same check and sentence as the Files area.
    const QString path = write(QStringLiteral("three.jsonl"), trainingData(200));
    const QStringList arguments {QStringLiteral("files"), QStringLiteral("upload"), path,
            QStringLiteral("--base-url"), m_root + QStringLiteral("/v1")};
    const Result refused = run(arguments);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(QLatin1String("The service will most likely refuse this file.")),
            qPrintable(refused.err));
    QVERIFY(refused.err.contains(QLatin1String("too few"), Qt::CaseInsensitive)
            || refused.err.contains(QLatin1String("at least 10")));
    QVERIFY(refused.err.contains(QLatin1String("Not sent.")));
    QVERIFY(refused.out.contains(QLatin1String("Checking the examples before sending")));
    QVERIFY(!refused.out.contains(QLatin1String("Sending: ")));
    const Result anyway = run(arguments + QStringList {QStringLiteral("--upload-anyway")});
    QVERIFY2(anyway.exitCode == 0, qPrintable(anyway.out + anyway.err));
    QVERIFY(anyway.err.contains(QLatin1String("Sending anyway")));
    QVERIFY(anyway.out.contains(QLatin1String("Status: processed")));
}

void tst_FilesUpload::togetherUploadListDelete()
{
    // A Together AI connection saved by the app (no key: the sandbox asks for none).
    fs::AppSettings settings(
            m_home.filePath(QStringLiteral("config/FinetuneStudio/finetune-studio.conf")));
    {
        fs::ConnectionStore store(&settings);
        fs::Connection together;
        together.kind = fs::Connection::Kind::Together;
        together.name = QStringLiteral("Together sandbox");
        together.baseUrl = QUrl(m_root + QStringLiteral("/together/v1"));
        store.add(together);
    }
    settings.sync();
    const QStringList on {QStringLiteral("--connection"), QStringLiteral("Together sandbox")};
    const QByteArray small = trainingData(4000);
    const Result multipart = run(QStringList {QStringLiteral("files"), QStringLiteral("upload"),
                                         write(QStringLiteral("small-t.jsonl"), small)}
            + on);
    QVERIFY2(multipart.exitCode == 0, qPrintable(multipart.out + multipart.err));
    QVERIFY(multipart.out.contains(QLatin1String("Status: processed")));
    const QString smallId = multipart.out.trimmed().split(QLatin1Char('\n')).constLast();
    QVERIFY2(smallId.startsWith(QLatin1String("file-")), qPrintable(multipart.out));
    QCOMPARE(http("GET", QStringLiteral("/together/v1/files/%1/content").arg(smallId)), small);

    // Over 64 MB goes the presigned way (POST /files → 302 → PUT), streamed from disk.
    const QByteArray large = trainingData(65LL * 1024 * 1024);
    const Result presigned = run(QStringList {QStringLiteral("files"), QStringLiteral("upload"),
                                         write(QStringLiteral("large-t.jsonl"), large),
                                         QStringLiteral("--json"), QStringLiteral("--no-check")}
                    + on,
            120000);
    QVERIFY2(presigned.exitCode == 0, qPrintable(presigned.err));
    const QJsonObject largeFile = QJsonDocument::fromJson(presigned.out.toUtf8()).object();
    const QString largeId = largeFile.value(QLatin1String("id")).toString();
    QVERIFY2(largeId.startsWith(QLatin1String("file-")), qPrintable(presigned.out));
    QCOMPARE(largeFile.value(QLatin1String("bytes")).toInteger(), large.size());
    QCOMPARE(http("GET", QStringLiteral("/together/v1/files/%1/content").arg(largeId)).size(),
            large.size());

    // Resumable parts are OpenAI's: said plainly.
    const Result parts = run(
            QStringList {QStringLiteral("files"), QStringLiteral("upload"),
                    write(QStringLiteral("parts-t.jsonl"), small), QStringLiteral("--resumable")}
            + on);
    QCOMPARE(parts.exitCode, 1);
    QVERIFY2(parts.err.contains(QLatin1String("Resumable uploads in parts are an OpenAI feature")),
            qPrintable(parts.err));

    const Result list = run(QStringList {QStringLiteral("files"), QStringLiteral("list")} + on);
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.out.contains(smallId) && list.out.contains(largeId), qPrintable(list.out));
    QVERIFY(list.out.contains(QLatin1String("processed")));
    // The same through --provider together and an address.
    const Result byProvider = run({QStringLiteral("files"), QStringLiteral("list"),
            QStringLiteral("--provider"), QStringLiteral("together"), QStringLiteral("--base-url"),
            m_root + QStringLiteral("/together/v1")});
    QCOMPARE(byProvider.exitCode, 0);
    QVERIFY2(byProvider.out.contains(smallId) && byProvider.out.contains(largeId),
            qPrintable(byProvider.out + byProvider.err));

    const Result deleted =
            run(QStringList {QStringLiteral("files"), QStringLiteral("delete"), smallId} + on);
    QVERIFY2(deleted.exitCode == 0, qPrintable(deleted.err));
    QVERIFY(deleted.out.contains(QLatin1String("Deleted ") + smallId));
    const Result after = run(
            QStringList {QStringLiteral("files"), QStringLiteral("list"), QStringLiteral("--json")}
            + on);
    QCOMPARE(after.exitCode, 0);
    QVERIFY(!after.out.contains(smallId));
    QVERIFY(after.out.contains(largeId));
}

QTEST_GUILESS_MAIN(tst_FilesUpload)
#include "tst_filesupload.moc"
