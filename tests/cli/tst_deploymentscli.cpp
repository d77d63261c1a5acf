// SPDX-License-Identifier: GPL-3.0-or-later
// `finetune-studio deployments` and how chat and compare reach a fine-tuned Together model:
// through its running deployment, or not at all with a sentence saying to deploy it first.
#include "cliprocess.h"
#include "sandboxhttp.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class tst_DeploymentsCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void servicesWithoutDeploymentsSaySo();
    void usageErrors();
    void chatBeforeDeploymentSaysToDeployFirst();
    void createListChatDelete();
    void noWaitPrintsTheIdAtOnce();
    void unknownHardwareIsTheServicesError();

private:
    using Result = fs::test::CliResult;
    Result run(const QStringList &arguments, int timeoutMs = 60000);
    QStringList together(const QStringList &arguments) const;
    QString jobState(const QString &jobId);
    QString endpointState(const QString &id);

    fs::test::SandboxProcess m_sandbox;
    std::unique_ptr<fs::sandbox::test::SandboxHttp> m_http;
    QString m_together;
    QString m_fineTuned; ///< a completed Together job's model
    QString m_examples; ///< a JSONL file for compare
    QTemporaryDir m_home;
};

namespace {
const QString kBase = QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference");
const QString kQuestion = QStringLiteral("How do I reset my password?");
} // namespace

void tst_DeploymentsCli::initTestCase()
{
    QVERIFY(m_home.isValid());
    QVERIFY2(m_sandbox.start(QStringLiteral(FS_APP_BINARY)),
            "the sandbox did not print its address");
    m_together = m_sandbox.root() + QStringLiteral("/together/v1");
    m_http = std::make_unique<fs::sandbox::test::SandboxHttp>(QUrl(m_sandbox.root()));

    QFile sample(QStringLiteral(FS_SAMPLES_DIR "/support-bot.jsonl"));
    QVERIFY(sample.open(QIODevice::ReadOnly));
    const QByteArray data = sample.readAll();
    const fs::sandbox::test::HttpResult upload =
            m_http->postForm(QStringLiteral("/together/v1/files/upload"),
                    {{"purpose", "fine-tune", {}}, {"file_name", "support-bot.jsonl", {}},
                            {"file", data, "support-bot.jsonl"}});
    QCOMPARE(upload.status, 200);
    const QString file = upload.json().value(QStringLiteral("id")).toString();
    m_examples = m_home.filePath(QStringLiteral("examples.jsonl"));
    QFile examples(m_examples);
    QVERIFY(examples.open(QIODevice::WriteOnly));
    examples.write(data.left(data.indexOf('\n') + 1));
    examples.close();

    // A LoRA job through the command line, then wait until the sandbox finished it.
    const Result create = run(together({QStringLiteral("jobs"), QStringLiteral("create"),
            QStringLiteral("--model"), kBase, QStringLiteral("--training-file"), file,
            QStringLiteral("--lora"), QStringLiteral("--suffix"), QStringLiteral("lamps"),
            QStringLiteral("--json")}));
    QVERIFY2(create.exitCode == 0, qPrintable(create.err));
    const QString jobId = QJsonDocument::fromJson(create.out.toUtf8())
                                  .object()
                                  .value(QStringLiteral("id"))
                                  .toString();
    QTRY_COMPARE_WITH_TIMEOUT(jobState(jobId), QStringLiteral("completed"), 60000);
    m_fineTuned = m_http->get(QStringLiteral("/together/v1/fine-tunes/") + jobId)
                          .json()
                          .value(QStringLiteral("model_output_name"))
                          .toString();
    QVERIFY(!m_fineTuned.isEmpty());
}

void tst_DeploymentsCli::cleanupTestCase()
{
    if (m_sandbox.isRunning())
        QVERIFY(m_sandbox.stop(10000));
}

tst_DeploymentsCli::Result tst_DeploymentsCli::run(const QStringList &arguments, int timeoutMs)
{
    QProcessEnvironment env = fs::test::isolatedEnvironment(m_home.path());
    return fs::test::runCli(QStringLiteral(FS_APP_BINARY), arguments, env, timeoutMs);
}

QStringList tst_DeploymentsCli::together(const QStringList &arguments) const
{
    return arguments
            + QStringList {QStringLiteral("--provider"), QStringLiteral("together"),
                    QStringLiteral("--base-url"), m_together};
}

QString tst_DeploymentsCli::jobState(const QString &jobId)
{
    return m_http->get(QStringLiteral("/together/v1/fine-tunes/") + jobId)
            .json()
            .value(QStringLiteral("status"))
            .toString();
}

QString tst_DeploymentsCli::endpointState(const QString &id)
{
    return m_http->get(QStringLiteral("/together/v1/endpoints/") + id)
            .json()
            .value(QStringLiteral("state"))
            .toString();
}

void tst_DeploymentsCli::servicesWithoutDeploymentsSaySo()
{
    for (const QString &action : {QStringLiteral("list"), QStringLiteral("create")}) {
        QStringList arguments = {QStringLiteral("deployments"), action};
        if (action == QLatin1String("create"))
            arguments << QStringLiteral("ft:gpt-4.1-mini-2025-04-14:org:lamps:abc123");
        const Result result =
                run(arguments + QStringList {QStringLiteral("--base-url"), m_sandbox.baseUrl()});
        QVERIFY2(result.exitCode != 0, qPrintable(action));
        QVERIFY2(result.err.contains(QLatin1String("OpenAI has no deployments")),
                qPrintable(result.err));
        QVERIFY2(result.err.contains(QLatin1String("answer as soon as their job has succeeded")),
                qPrintable(result.err));
        QCOMPARE(result.err.trimmed().count(QLatin1Char('\n')), 0);
        QVERIFY(result.out.isEmpty());
    }
}

void tst_DeploymentsCli::usageErrors()
{
    const Result none = run(together({QStringLiteral("deployments")}));
    QCOMPARE(none.exitCode, 2);
    QVERIFY(none.err.contains(QLatin1String("usage: finetune-studio deployments")));
    const Result noModel = run(together({QStringLiteral("deployments"), QStringLiteral("create")}));
    QCOMPARE(noModel.exitCode, 2);
    const Result badInterval =
            run(together({QStringLiteral("deployments"), QStringLiteral("create"), m_fineTuned,
                    QStringLiteral("--interval"), QStringLiteral("0")}));
    QCOMPARE(badInterval.exitCode, 2);
    QVERIFY2(badInterval.err.contains(QLatin1String("--interval")), qPrintable(badInterval.err));
    const Result help = run({QStringLiteral("deployments"), QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(QLatin1String("--hardware")));
    QVERIFY(help.out.contains(QLatin1String("--no-wait")));
    const Result verbs = run({QStringLiteral("--help")});
    QVERIFY(verbs.out.contains(QLatin1String("deployments")));
}

void tst_DeploymentsCli::chatBeforeDeploymentSaysToDeployFirst()
{
    const QString how = QStringLiteral("finetune-studio deployments create ") + m_fineTuned;
    const Result chat = run(
            together({QStringLiteral("chat"), QStringLiteral("--model"), m_fineTuned, kQuestion}));
    QCOMPARE(chat.exitCode, 1);
    QVERIFY2(chat.err.contains(QLatin1String("must be deployed")), qPrintable(chat.err));
    QVERIFY2(chat.err.contains(how), qPrintable(chat.err));
    QVERIFY(chat.out.isEmpty());

    const Result compare = run(together({QStringLiteral("compare"), QStringLiteral("--model"),
            kBase, QStringLiteral("--model"), m_fineTuned, m_examples}));
    QCOMPARE(compare.exitCode, 1);
    QVERIFY2(compare.err.contains(how), qPrintable(compare.err));

    // The base model needs no deployment.
    const Result base =
            run(together({QStringLiteral("chat"), QStringLiteral("--model"), kBase, kQuestion}));
    QVERIFY2(base.exitCode == 0, qPrintable(base.err));
    QVERIFY(!base.out.trimmed().isEmpty());
}

void tst_DeploymentsCli::createListChatDelete()
{
    // No --hardware: the cheapest the service lists, said out loud.
    const Result create = run(together({QStringLiteral("deployments"), QStringLiteral("create"),
            m_fineTuned, QStringLiteral("--interval"), QStringLiteral("0.1"),
            QStringLiteral("--json")}));
    QVERIFY2(create.exitCode == 0, qPrintable(create.err));
    const QJsonObject endpoint = QJsonDocument::fromJson(create.out.toUtf8()).object();
    const QString id = endpoint.value(QStringLiteral("id")).toString();
    QVERIFY2(!id.isEmpty(), qPrintable(create.out));
    QCOMPARE(endpoint.value(QStringLiteral("state")).toString(), QStringLiteral("STARTED"));
    QCOMPARE(endpoint.value(QStringLiteral("model")).toString(), m_fineTuned);
    QCOMPARE(endpoint.value(QStringLiteral("hardware")).toString(),
            QStringLiteral("1x_nvidia_l40s_48gb_pcie"));
    QVERIFY2(create.err.contains(QLatin1String("cheapest")), qPrintable(create.err));
    QVERIFY2(create.err.contains(QLatin1String("STARTING")), qPrintable(create.err));

    const Result list = run(together({QStringLiteral("deployments"), QStringLiteral("list")}));
    QVERIFY2(list.exitCode == 0, qPrintable(list.err));
    const QString row = list.out.split(QLatin1Char('\n')).filter(id).value(0);
    QVERIFY2(row.contains(m_fineTuned) && row.contains(QLatin1String("STARTED"))
                    && row.contains(QLatin1String("1x_nvidia_l40s_48gb_pcie"))
                    && row.contains(QLatin1String("$2.10")),
            qPrintable(list.out));
    QVERIFY2(list.out.contains(QLatin1String("per hour")), qPrintable(list.out));
    const Result listJson = run(together(
            {QStringLiteral("deployments"), QStringLiteral("list"), QStringLiteral("--json")}));
    QCOMPARE(listJson.exitCode, 0);
    QVERIFY2(fs::test::idsInData(listJson.out).contains(id), qPrintable(listJson.out));

    // Now the fine-tuned model answers in the manner of its training data.
    const Result chat = run(
            together({QStringLiteral("chat"), QStringLiteral("--model"), m_fineTuned, kQuestion}));
    QVERIFY2(chat.exitCode == 0, qPrintable(chat.err));
    QVERIFY2(chat.out.contains(QLatin1String("Forgot password")), qPrintable(chat.out));
    const Result json = run(together({QStringLiteral("chat"), QStringLiteral("--model"),
            m_fineTuned, QStringLiteral("--json"), kQuestion}));
    QCOMPARE(json.exitCode, 0);
    QVERIFY(!QJsonDocument::fromJson(json.out.toUtf8())
                     .object()
                     .value(QStringLiteral("id"))
                     .toString()
                     .isEmpty());
    // Compare reaches it too, and labels it by the model's own name.
    const Result compare = run(together({QStringLiteral("compare"), QStringLiteral("--model"),
            kBase, QStringLiteral("--model"), m_fineTuned, m_examples}));
    QVERIFY2(compare.exitCode == 0, qPrintable(compare.err));
    QVERIFY2(compare.out.contains(m_fineTuned), qPrintable(compare.out));

    const Result removed =
            run(together({QStringLiteral("deployments"), QStringLiteral("delete"), id}));
    QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
    QVERIFY2(removed.out.contains(id), qPrintable(removed.out));
    QTRY_COMPARE_WITH_TIMEOUT(endpointState(id), QStringLiteral("STOPPED"), 30000);
    const Result after = run(
            together({QStringLiteral("chat"), QStringLiteral("--model"), m_fineTuned, kQuestion}));
    QCOMPARE(after.exitCode, 1);
    QVERIFY2(after.err.contains(QLatin1String("must be deployed")), qPrintable(after.err));
}

void tst_DeploymentsCli::noWaitPrintsTheIdAtOnce()
{
    const Result create = run(together({QStringLiteral("deployments"), QStringLiteral("create"),
            m_fineTuned, QStringLiteral("--hardware"), QStringLiteral("1x_nvidia_h100_80gb_sxm"),
            QStringLiteral("--no-wait")}));
    QVERIFY2(create.exitCode == 0, qPrintable(create.err));
    const QString id = create.out.section(QLatin1Char('\n'), 0, 0).trimmed();
    QVERIFY2(id.startsWith(QLatin1String("endpoint-")), qPrintable(create.out));
    QVERIFY2(create.out.contains(QLatin1String("PENDING")), qPrintable(create.out));
    QVERIFY2(create.out.contains(QLatin1String("$3.36")), qPrintable(create.out));
    QVERIFY(!create.err.contains(QLatin1String("cheapest")));
    const Result removed = run(together({QStringLiteral("deployments"), QStringLiteral("delete"),
            id, QStringLiteral("--json")}));
    QCOMPARE(removed.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(removed.out.toUtf8())
                     .object()
                     .value(QStringLiteral("id"))
                     .toString(),
            id);
}

void tst_DeploymentsCli::unknownHardwareIsTheServicesError()
{
    const Result create = run(together({QStringLiteral("deployments"), QStringLiteral("create"),
            m_fineTuned, QStringLiteral("--hardware"), QStringLiteral("1x_abacus")}));
    QCOMPARE(create.exitCode, 1);
    QVERIFY2(create.err.startsWith(QLatin1String("error: ")), qPrintable(create.err));
    QVERIFY2(create.err.contains(QLatin1String("1x_abacus")), qPrintable(create.err));
    QVERIFY(create.out.isEmpty());
}

QTEST_GUILESS_MAIN(tst_DeploymentsCli)
#include "tst_deploymentscli.moc"
