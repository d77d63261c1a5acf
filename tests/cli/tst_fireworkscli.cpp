// SPDX-License-Identifier: GPL-3.0-or-later
// `--provider fireworks` for every verb, against the sandbox's /fireworks, run as a person at a
// terminal runs them: files upload makes a dataset, jobs create takes its name, models lists
// the tunable bases, jobs watch prints the steps of the metrics file, deployments create, list
// and delete, chat through the deployment.
#include "cliprocess.h"
#include "providerfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class tst_FireworksCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void accountIdIsRequired();
    void modelsListsTheTunableBases();
    void wholeLoop();

private:
    using Result = fs::test::CliResult;
    Result run(const QStringList &arguments, int timeoutMs = 90000)
    {
        QProcessEnvironment env = fs::test::isolatedEnvironment(m_home.path());
        env.insert(QStringLiteral("FIREWORKS_API_KEY"), QStringLiteral("fw-right-key"));
        env.insert(QStringLiteral("FIREWORKS_ACCOUNT_ID"), QStringLiteral("acme"));
        return fs::test::runCli(QStringLiteral(FS_APP_BINARY), arguments, env, timeoutMs);
    }
    QStringList fireworks(const QStringList &arguments) const
    {
        return arguments
                + QStringList {QStringLiteral("--provider"), QStringLiteral("fireworks"),
                        QStringLiteral("--base-url"), m_root};
    }

    fs::test::SandboxProcess m_sandbox;
    QString m_root; ///< http://127.0.0.1:PORT/fireworks
    QTemporaryDir m_home;
};

void tst_FireworksCli::initTestCase()
{
    QVERIFY(m_home.isValid());
    QVERIFY2(m_sandbox.start(QStringLiteral(FS_APP_BINARY),
                     {QStringLiteral("--require-key"), QStringLiteral("fw-right-key")}),
            "the sandbox did not print its address");
    m_root = m_sandbox.root() + QStringLiteral("/fireworks");
}

void tst_FireworksCli::cleanupTestCase()
{
    if (m_sandbox.isRunning())
        QVERIFY(m_sandbox.stop(10000));
}

void tst_FireworksCli::accountIdIsRequired()
{
    QProcessEnvironment env = fs::test::isolatedEnvironment(m_home.path());
    env.insert(QStringLiteral("FIREWORKS_API_KEY"), QStringLiteral("fw-right-key"));
    const Result result = fs::test::runCli(
            QStringLiteral(FS_APP_BINARY), fireworks({QStringLiteral("models")}), env, 30000);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QLatin1String("FIREWORKS_ACCOUNT_ID")), qPrintable(result.err));
}

void tst_FireworksCli::modelsListsTheTunableBases()
{
    const Result models = run(fireworks({QStringLiteral("models")}));
    QVERIFY2(models.exitCode == 0, qPrintable(models.err));
    QVERIFY2(models.out.contains(QLatin1String("accounts/fireworks/models/qwen3-8b")),
            qPrintable(models.out));
    QVERIFY(!models.out.contains(QLatin1String("whisper")));
}

void tst_FireworksCli::wholeLoop()
{
    const Result upload = run(fireworks({QStringLiteral("files"), QStringLiteral("upload"),
            QStringLiteral(FS_SAMPLES_DIR "/support-bot.jsonl")}));
    QVERIFY2(upload.exitCode == 0, qPrintable(upload.out + upload.err));
    const QString dataset = upload.out.trimmed().section(QLatin1Char('\n'), -1).trimmed();
    QVERIFY2(dataset.startsWith(QLatin1String("support-bot-jsonl-")), qPrintable(upload.out));
    const Result files = run(fireworks({QStringLiteral("files"), QStringLiteral("list")}));
    QVERIFY2(files.out.contains(dataset), qPrintable(files.out + files.err));

    const Result create = run(fireworks({QStringLiteral("jobs"), QStringLiteral("create"),
            QStringLiteral("--model"), QStringLiteral("accounts/fireworks/models/qwen3-8b"),
            QStringLiteral("--training-file"), dataset, QStringLiteral("--epochs"),
            QStringLiteral("1"), QStringLiteral("--lora-rank"), QStringLiteral("16"),
            QStringLiteral("--learning-rate"), QStringLiteral("0.0002"),
            QStringLiteral("--max-context-length"), QStringLiteral("4096"),
            QStringLiteral("--json")}));
    QVERIFY2(create.exitCode == 0, qPrintable(create.err));
    const QJsonObject job = QJsonDocument::fromJson(create.out.toUtf8()).object();
    QCOMPARE(job.value(QStringLiteral("dataset")).toString(),
            QStringLiteral("accounts/acme/datasets/") + dataset);
    QCOMPARE(job.value(QStringLiteral("loraRank")).toInt(), 16);
    QCOMPARE(job.value(QStringLiteral("maxContextLength")).toInt(), 4096);
    const QString jobId =
            job.value(QStringLiteral("name")).toString().section(QLatin1Char('/'), -1);
    QVERIFY(!jobId.isEmpty());
    // Settings Fireworks does not have are refused in words before anything is sent.
    const Result refused = run(fireworks({QStringLiteral("jobs"), QStringLiteral("create"),
            QStringLiteral("--model"), QStringLiteral("accounts/fireworks/models/qwen3-8b"),
            QStringLiteral("--training-file"), dataset, QStringLiteral("--n-checkpoints"),
            QStringLiteral("2")}));
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(QLatin1String("checkpoint count")), qPrintable(refused.err));

    const Result watch = run(fireworks({QStringLiteral("jobs"), QStringLiteral("watch"), jobId,
            QStringLiteral("--interval"), QStringLiteral("0.05")}));
    QVERIFY2(watch.exitCode == 0, qPrintable(watch.out + watch.err));
    const int total = fs::test::everyStepWatched(watch.out);
    QVERIFY2(total > 0, qPrintable(watch.out));
    QVERIFY2(watch.out.contains(QLatin1String("JOB_STATE_COMPLETED")), qPrintable(watch.out));

    const QString model = QStringLiteral("accounts/acme/models/") + jobId;
    const Result deploy = run(fireworks({QStringLiteral("deployments"), QStringLiteral("create"),
            model, QStringLiteral("--json")}));
    QVERIFY2(deploy.exitCode == 0, qPrintable(deploy.out + deploy.err));
    const QString deployment = QJsonDocument::fromJson(deploy.out.toUtf8())
                                       .object()
                                       .value(QStringLiteral("name"))
                                       .toString()
                                       .section(QLatin1Char('/'), -1);
    QVERIFY2(!deployment.isEmpty(), qPrintable(deploy.out));
    const Result list = run(fireworks({QStringLiteral("deployments"), QStringLiteral("list")}));
    QVERIFY2(list.exitCode == 0, qPrintable(list.err));
    QVERIFY2(list.out.contains(deployment), qPrintable(list.out));
    QVERIFY2(list.out.contains(QLatin1String("NVIDIA_A100_80GB")), qPrintable(list.out));
    const Result removed =
            run(fireworks({QStringLiteral("deployments"), QStringLiteral("delete"), deployment}));
    QVERIFY2(removed.exitCode == 0, qPrintable(removed.out + removed.err));

    // No cancel on Fireworks: the sentence says what to do; delete removes the job.
    const Result cancel = run(fireworks({QStringLiteral("jobs"), QStringLiteral("cancel"), jobId}));
    QVERIFY(cancel.exitCode != 0);
    QVERIFY2(cancel.err.contains(QLatin1String("deleting the job")), qPrintable(cancel.err));
    const Result deleted =
            run(fireworks({QStringLiteral("jobs"), QStringLiteral("delete"), jobId}));
    QVERIFY2(deleted.exitCode == 0, qPrintable(deleted.err));
    const Result jobs = run(fireworks({QStringLiteral("jobs"), QStringLiteral("list")}));
    QVERIFY(!jobs.out.contains(jobId));
}

QTEST_GUILESS_MAIN(tst_FireworksCli)
#include "tst_fireworkscli.moc"
