// SPDX-License-Identifier: GPL-3.0-or-later
// `finetune-studio storage ls/get/put/send` as a person runs it: the real binary against s3rver
// (an S3-compatible server from npm) and `finetune-studio sandbox`.
#include "../contract/s3rverprocess.h"
#include "cliprocess.h"
#include "requiretool.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class tst_StorageCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void usageAndMissingCredentials();
    void putListGet();
    void sendToTheSandbox();
    void errorsAreOneLineInPlainWords();

private:
    using Result = fs::test::CliResult;
    Result run(QStringList arguments, bool withCredentials = true, bool withStorage = true);
    QString path(const QString &name) const { return m_dir.filePath(name); }

    fs::test::S3rverProcess m_s3;
    fs::test::SandboxProcess m_sandbox;
    QString m_baseUrl;
    QTemporaryDir m_dir;
};

void tst_StorageCli::initTestCase()
{
    QString problem;
    const bool s3rverStarted = m_s3.start({QStringLiteral("datasets")}, &problem);
    FS_REQUIRE_TOOL(s3rverStarted, QStringLiteral("s3rver is needed for this test: ") + problem);
    QVERIFY2(m_sandbox.start(QStringLiteral(FS_APP_BINARY)),
            "the sandbox did not print its address");
    m_baseUrl = m_sandbox.baseUrl();
}

void tst_StorageCli::cleanupTestCase()
{
    m_sandbox.stop(10000);
    m_s3.stop();
}

tst_StorageCli::Result tst_StorageCli::run(
        QStringList arguments, bool withCredentials, bool withStorage)
{
    QProcessEnvironment env = fs::test::isolatedEnvironment(m_dir.path());
    for (const char *name : {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
                 "AWS_ENDPOINT_URL", "AWS_REGION"})
        env.remove(QString::fromLatin1(name));
    if (withCredentials) {
        env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), fs::test::S3rverProcess::accessKeyId());
        env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"),
                fs::test::S3rverProcess::secretAccessKey());
    }
    QStringList all {QStringLiteral("storage")};
    if (withStorage)
        all << QStringLiteral("--endpoint") << m_s3.endpoint().toString()
            << QStringLiteral("--bucket") << QStringLiteral("datasets");
    return fs::test::runCli(QStringLiteral(FS_APP_BINARY), all + arguments, env, 120000);
}

void tst_StorageCli::usageAndMissingCredentials()
{
    Result r = run({QStringLiteral("frobnicate")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QLatin1String("usage: finetune-studio storage")));

    r = run({QStringLiteral("get"), QStringLiteral("only-key")});
    QCOMPARE(r.exitCode, 2);

    r = run({QStringLiteral("ls")}, false);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("AWS_ACCESS_KEY_ID")), qPrintable(r.err));

    r = run({QStringLiteral("ls")}, true, false);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("--endpoint")), qPrintable(r.err));

    r = run({QStringLiteral("--storage"), QStringLiteral("My R2"), QStringLiteral("ls")}, false,
            false);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("no saved storage connection named 'My R2'")),
            qPrintable(r.err));

    r = run({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QLatin1String("--endpoint")));

    // Listed among the verbs.
    QProcess help;
    help.start(QStringLiteral(FS_APP_BINARY), {QStringLiteral("--help")});
    QVERIFY(help.waitForFinished(30000));
    QVERIFY(QString::fromUtf8(help.readAllStandardOutput()).contains(QLatin1String("storage")));
}

void tst_StorageCli::putListGet()
{
    QFile file(path(QStringLiteral("support bot.jsonl")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray content;
    for (int i = 0; i < 2000; ++i)
        content += "{\"messages\":[{\"role\":\"user\",\"content\":\"q" + QByteArray::number(i)
                + "\"},{\"role\":\"assistant\",\"content\":\"a\"}]}\n";
    file.write(content);
    file.close();

    Result r = run(
            {QStringLiteral("put"), file.fileName(), QStringLiteral("projects/support bot.jsonl")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QLatin1String("Uploaded")));
    r = run({QStringLiteral("put"), file.fileName(), QStringLiteral("projects/old/v1.jsonl"),
            QStringLiteral("--unsigned-payload")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = run({QStringLiteral("put"), file.fileName(), QStringLiteral("readme.jsonl")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    r = run({QStringLiteral("ls")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("DIR")) && r.out.contains(QLatin1String("projects/")),
            qPrintable(r.out));
    QVERIFY(r.out.contains(QLatin1String("readme.jsonl")));
    QVERIFY(!r.out.contains(QLatin1String("support bot")));

    r = run({QStringLiteral("ls"), QStringLiteral("projects/"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject listing = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(listing.value(QStringLiteral("folders")).toArray(),
            QJsonArray {QStringLiteral("projects/old/")});
    const QJsonArray objects = listing.value(QStringLiteral("objects")).toArray();
    QCOMPARE(objects.size(), 1);
    QCOMPARE(objects.first().toObject().value(QStringLiteral("key")).toString(),
            QStringLiteral("projects/support bot.jsonl"));
    QCOMPARE(objects.first().toObject().value(QStringLiteral("size")).toInteger(), content.size());

    r = run({QStringLiteral("ls"), QStringLiteral("empty/")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QLatin1String("Nothing under empty/")));

    const QString out = path(QStringLiteral("back.jsonl"));
    r = run({QStringLiteral("get"), QStringLiteral("projects/old/v1.jsonl"), out});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile back(out);
    QVERIFY(back.open(QIODevice::ReadOnly));
    QVERIFY(back.readAll() == content);
}

void tst_StorageCli::sendToTheSandbox()
{
    QFile file(path(QStringLiteral("train.jsonl")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    for (int i = 0; i < 50; ++i)
        file.write("{\"messages\":[{\"role\":\"user\",\"content\":\"Where is my order?\"},"
                   "{\"role\":\"assistant\",\"content\":\"It ships tomorrow.\"}]}\n");
    file.close();
    Result r = run({QStringLiteral("put"), file.fileName(), QStringLiteral("train/train.jsonl")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    r = run({QStringLiteral("send"), QStringLiteral("train/train.jsonl"),
            QStringLiteral("--base-url"), m_baseUrl});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    const QRegularExpressionMatch id =
            QRegularExpression(QStringLiteral("as (file-\\w+), status: processed")).match(r.out);
    QVERIFY2(id.hasMatch(), qPrintable(r.out));
    QVERIFY2(r.err.contains(QLatin1String("Sending")), qPrintable(r.err)); // progress

    // The service has it, under the object's name, with the same size.
    QProcess files;
    files.start(QStringLiteral(FS_APP_BINARY),
            {QStringLiteral("files"), QStringLiteral("list"), QStringLiteral("--base-url"),
                    m_baseUrl, QStringLiteral("--json")});
    QVERIFY(files.waitForFinished(30000));
    const QJsonArray data = QJsonDocument::fromJson(files.readAllStandardOutput())
                                    .object()
                                    .value(QStringLiteral("data"))
                                    .toArray();
    bool found = false;
    for (const QJsonValue &value : data) {
        const QJsonObject object = value.toObject();
        if (object.value(QStringLiteral("id")).toString() == id.captured(1)) {
            found = true;
            QCOMPARE(object.value(QStringLiteral("filename")).toString(),
                    QStringLiteral("train.jsonl"));
            QCOMPARE(object.value(QStringLiteral("bytes")).toInteger(), file.size());
        }
    }
    QVERIFY(found);

    // --json prints the file object.
    r = run({QStringLiteral("send"), QStringLiteral("train/train.jsonl"),
            QStringLiteral("--base-url"), m_baseUrl, QStringLiteral("--json"),
            QStringLiteral("--purpose"), QStringLiteral("fine-tune")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject sent = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QVERIFY(sent.value(QStringLiteral("id")).toString().startsWith(QLatin1String("file-")));
    QCOMPARE(sent.value(QStringLiteral("purpose")).toString(), QStringLiteral("fine-tune"));
}

void tst_StorageCli::errorsAreOneLineInPlainWords()
{
    Result r = run({QStringLiteral("get"), QStringLiteral("nothing/here.jsonl"),
            path(QStringLiteral("never.jsonl"))});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("\"nothing/here.jsonl\" is not in the bucket")),
            qPrintable(r.err));
    QVERIFY(r.err.contains(QLatin1String("NoSuchKey")));
    QVERIFY(!QFile::exists(path(QStringLiteral("never.jsonl")))); // no half file left behind

    r = run({QStringLiteral("send"), QStringLiteral("nothing/here.jsonl"),
            QStringLiteral("--base-url"), m_baseUrl});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(QLatin1String("is not in the bucket")));

    r = run({QStringLiteral("--bucket"), QStringLiteral("no-such-bucket"), QStringLiteral("ls")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(
            r.err.contains(QLatin1String("no bucket named \"no-such-bucket\"")), qPrintable(r.err));

    r = run({QStringLiteral("put"), path(QStringLiteral("missing.jsonl")), QStringLiteral("x")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(QLatin1String("is not a file")));
}

QTEST_GUILESS_MAIN(tst_StorageCli)
#include "tst_storagecli.moc"
