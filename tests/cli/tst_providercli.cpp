// SPDX-License-Identifier: GPL-3.0-or-later
// The same verbs on every service: `--provider together` against the sandbox's /together/v1,
// run as a person at a terminal runs them.
#include "appsettings.h"
#include "cliprocess.h"
#include "connectionstore.h"
#include "providerfixture.h"
#include "sandboxhttp.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

class tst_ProviderCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void unknownProviderIsRefused();
    void helpNamesTheProviders();
    void togetherKeyComesFromItsVariable();
    void savedConnectionOfAnotherKindIsExplained();
    void modelsListsTheServicesBaseModels();
    void filesListKeepsItsColumnsForTogetherIds();
    void jobsCreateListCancelOnTogether();
    void preferenceTrainingWithEvaluationsOnTogether();
    void jobsWatchPrintsStepsFromTogethersMetrics();
    void settingsTheProviderLacksAreRefused_data();
    void settingsTheProviderLacksAreRefused();

private:
    using Result = fs::test::CliResult;
    Result run(const QStringList &arguments, const QMap<QString, QString> &variables = {},
            int timeoutMs = 60000);
    QStringList together(const QStringList &arguments) const;
    QStringList openAi(const QStringList &arguments) const;

    fs::test::SandboxProcess m_sandbox;
    fs::test::SandboxProcess m_lockedSandbox;
    QString m_together; ///< http://127.0.0.1:PORT/together/v1
    QString m_lockedTogether;
    QString m_trainingFile; ///< uploaded to the sandbox's Together dialect
    QTemporaryDir m_home;
};

void tst_ProviderCli::initTestCase()
{
    QVERIFY(m_home.isValid());
    QVERIFY2(m_sandbox.start(QStringLiteral(FS_APP_BINARY)),
            "the sandbox did not print its address");
    m_together = m_sandbox.root() + QStringLiteral("/together/v1");
    QVERIFY2(m_lockedSandbox.start(QStringLiteral(FS_APP_BINARY),
                     {QStringLiteral("--require-key"), QStringLiteral("tgp-right-key")}),
            "the key-checking sandbox did not print its address");
    m_lockedTogether = m_lockedSandbox.root() + QStringLiteral("/together/v1");

    // Together's multipart upload, straight to the sandbox (`files` is not under test here).
    QFile sample(QStringLiteral(FS_SAMPLES_DIR "/support-bot.jsonl"));
    QVERIFY(sample.open(QIODevice::ReadOnly));
    fs::sandbox::test::SandboxHttp http(QUrl(m_sandbox.root()));
    const fs::sandbox::test::HttpResult upload =
            http.postForm(QStringLiteral("/together/v1/files/upload"),
                    {{"purpose", "fine-tune", {}}, {"file_name", "support-bot.jsonl", {}},
                            {"file", sample.readAll(), "support-bot.jsonl"}});
    QCOMPARE(upload.status, 200);
    m_trainingFile = upload.json().value(QStringLiteral("id")).toString();
    QVERIFY(!m_trainingFile.isEmpty());
}

void tst_ProviderCli::cleanupTestCase()
{
    for (fs::test::SandboxProcess *sandbox : {&m_sandbox, &m_lockedSandbox}) {
        if (sandbox->isRunning())
            QVERIFY(sandbox->stop(10000));
    }
}

tst_ProviderCli::Result tst_ProviderCli::run(
        const QStringList &arguments, const QMap<QString, QString> &variables, int timeoutMs)
{
    QProcessEnvironment env = fs::test::isolatedEnvironment(m_home.path());
    for (auto it = variables.cbegin(); it != variables.cend(); ++it)
        env.insert(it.key(), it.value());
    return fs::test::runCli(QStringLiteral(FS_APP_BINARY), arguments, env, timeoutMs);
}

QStringList tst_ProviderCli::together(const QStringList &arguments) const
{
    return arguments
            + QStringList {QStringLiteral("--provider"), QStringLiteral("together"),
                    QStringLiteral("--base-url"), m_together};
}

QStringList tst_ProviderCli::openAi(const QStringList &arguments) const
{
    return arguments + QStringList {QStringLiteral("--base-url"), m_sandbox.baseUrl()};
}

void tst_ProviderCli::unknownProviderIsRefused()
{
    const Result result = run({QStringLiteral("models"), QStringLiteral("--provider"),
            QStringLiteral("mistral"), QStringLiteral("--base-url"), m_together});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QLatin1String("no provider named 'mistral'")),
            qPrintable(result.err));
    QVERIFY2(result.err.contains(QLatin1String("--provider together")), qPrintable(result.err));
    QCOMPARE(result.err.trimmed().count(QLatin1Char('\n')), 0);
}

void tst_ProviderCli::helpNamesTheProviders()
{
    const Result help = run({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.contains(QLatin1String("--provider together")), qPrintable(help.out));
    QVERIFY(help.out.contains(QLatin1String("TOGETHER_API_KEY")));
    for (const char *verb : {"jobs", "models", "chat", "compare"}) {
        const Result verbHelp = run({QString::fromLatin1(verb), QStringLiteral("--help")});
        QCOMPARE(verbHelp.exitCode, 0);
        QVERIFY2(verbHelp.out.contains(QLatin1String("--provider")), verb);
    }
}

void tst_ProviderCli::togetherKeyComesFromItsVariable()
{
    // Nothing given: the sentence names Together's variable.
    const Result none = run(
            {QStringLiteral("models"), QStringLiteral("--provider"), QStringLiteral("together")});
    QCOMPARE(none.exitCode, 1);
    QVERIFY2(none.err.contains(QLatin1String("TOGETHER_API_KEY")), qPrintable(none.err));

    const QStringList models = {QStringLiteral("models"), QStringLiteral("--provider"),
            QStringLiteral("together"), QStringLiteral("--base-url"), m_lockedTogether};
    // OpenAI's variable is not Together's key.
    const Result openAiKey =
            run(models, {{QStringLiteral("OPENAI_API_KEY"), QStringLiteral("tgp-right-key")}});
    QCOMPARE(openAiKey.exitCode, 1);
    QVERIFY2(openAiKey.err.contains(QLatin1String("key"), Qt::CaseInsensitive),
            qPrintable(openAiKey.err));
    const Result right =
            run(models, {{QStringLiteral("TOGETHER_API_KEY"), QStringLiteral("tgp-right-key")}});
    QVERIFY2(right.exitCode == 0, qPrintable(right.err));
    QVERIFY2(!right.out.contains(QLatin1String("tgp-right-key")), "the key is never printed");
}

void tst_ProviderCli::savedConnectionOfAnotherKindIsExplained()
{
    // A Together connection saved by the app (no key), asked for as OpenAI.
    {
        fs::AppSettings settings(m_home.filePath(QStringLiteral("config/FinetuneStudio/"
                                                                "finetune-studio.conf")));
        fs::ConnectionStore store(&settings);
        fs::Connection connection;
        connection.name = QStringLiteral("My Together");
        connection.kind = fs::Connection::Kind::Together;
        connection.baseUrl = QUrl(m_together);
        QVERIFY(!store.add(connection).isEmpty());
    }
    const Result mismatch = run({QStringLiteral("models"), QStringLiteral("--connection"),
            QStringLiteral("My Together"), QStringLiteral("--provider"), QStringLiteral("openai")});
    QCOMPARE(mismatch.exitCode, 1);
    QVERIFY2(mismatch.err.contains(QLatin1String("is a Together AI connection")),
            qPrintable(mismatch.err));
    // Without --provider the saved connection's kind decides: Together's base models.
    const Result saved = run({QStringLiteral("models"), QStringLiteral("--connection"),
            QStringLiteral("My Together")});
    QVERIFY2(saved.exitCode == 0, qPrintable(saved.err));
    QVERIFY2(saved.out.contains(QLatin1String("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference")),
            qPrintable(saved.out));
}

void tst_ProviderCli::filesListKeepsItsColumnsForTogetherIds()
{
    // Together's file ids are longer than OpenAI's; each column starts where its heading does.
    const Result list = run(together({QStringLiteral("files"), QStringLiteral("list")}));
    QVERIFY2(list.exitCode == 0, qPrintable(list.err));
    const QStringList lines = list.out.split(QLatin1Char('\n'));
    QVERIFY(lines.size() >= 2);
    const QString heading = lines.first();
    const auto row = std::find_if(lines.cbegin(), lines.cend(),
            [this](const QString &line) { return line.startsWith(m_trainingFile); });
    QVERIFY2(row != lines.cend(), qPrintable(list.out));
    QVERIFY2(row->indexOf(QLatin1String(" fine-tune")) + 1
                    == heading.indexOf(QLatin1String("PURPOSE")),
            qPrintable(list.out));
}

void tst_ProviderCli::modelsListsTheServicesBaseModels()
{
    const Result models = run(together({QStringLiteral("models")}));
    QVERIFY2(models.exitCode == 0, qPrintable(models.err));
    QVERIFY2(models.out.contains(QLatin1String("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference")),
            qPrintable(models.out));
    QVERIFY2(models.out.contains(QLatin1String("Qwen/Qwen2.5-14B-Instruct")),
            qPrintable(models.out));
    QVERIFY(!models.out.contains(QLatin1String("gpt-4.1")));

    const Result json = run(together({QStringLiteral("models"), QStringLiteral("--json")}));
    QCOMPARE(json.exitCode, 0);
    // Together's own answer: the names of the models it fine-tunes.
    const QJsonArray names = QJsonDocument::fromJson(json.out.toUtf8())
                                     .object()
                                     .value(QStringLiteral("models"))
                                     .toArray();
    QVERIFY2(names.contains(QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference")),
            qPrintable(json.out));
}

void tst_ProviderCli::jobsCreateListCancelOnTogether()
{
    const QString base = QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference");
    // The job must still be training when the cancel arrives, however slow the machine: the
    // sandbox's clock all but stands still until then (its time scale, as its fault endpoint sets).
    fs::sandbox::test::SandboxHttp faults(QUrl(m_sandbox.root()));
    auto setTimeScale = [&faults](double scale) {
        return faults
                .post(QStringLiteral("/_sandbox/faults"), {{QStringLiteral("time_scale"), scale}})
                .status;
    };
    const double usualScale = faults.get(QStringLiteral("/_sandbox/faults"))
                                      .json()
                                      .value(QStringLiteral("time_scale"))
                                      .toDouble();
    QVERIFY(usualScale > 0);
    QCOMPARE(setTimeScale(1000), 200);
    auto restore = qScopeGuard([&setTimeScale, usualScale] { setTimeScale(usualScale); });
    // Together's own settings, in its words: LoRA, an absolute learning rate, evaluations.
    const Result create = run(together({QStringLiteral("jobs"), QStringLiteral("create"),
            QStringLiteral("--model"), base, QStringLiteral("--training-file"), m_trainingFile,
            QStringLiteral("--lora"), QStringLiteral("--lora-rank"), QStringLiteral("16"),
            QStringLiteral("--learning-rate"), QStringLiteral("0.0001"), QStringLiteral("--epochs"),
            QStringLiteral("20"), QStringLiteral("--n-checkpoints"), QStringLiteral("2"),
            QStringLiteral("--suffix"), QStringLiteral("lamps"), QStringLiteral("--json")}));
    QVERIFY2(create.exitCode == 0, qPrintable(create.err));
    const QJsonObject job = QJsonDocument::fromJson(create.out.toUtf8()).object();
    const QString jobId = job.value(QStringLiteral("id")).toString();
    QVERIFY2(!jobId.isEmpty(), qPrintable(create.out));
    // The service's own object: Together's field names.
    QCOMPARE(job.value(QStringLiteral("training_type"))
                     .toObject()
                     .value(QStringLiteral("lora_r"))
                     .toInt(),
            16);
    QCOMPARE(job.value(QStringLiteral("learning_rate")).toDouble(), 0.0001);
    QCOMPARE(job.value(QStringLiteral("n_epochs")).toInt(), 20);

    const Result list = run(together({QStringLiteral("jobs"), QStringLiteral("list")}));
    QVERIFY2(list.exitCode == 0, qPrintable(list.err));
    QVERIFY2(list.out.contains(jobId), qPrintable(list.out));
    QVERIFY(list.out.contains(base));
    const Result listJson = run(
            together({QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--json")}));
    QCOMPARE(listJson.exitCode, 0);
    QVERIFY2(fs::test::idsInData(listJson.out).contains(jobId), qPrintable(listJson.out));

    const Result cancel = run(together({QStringLiteral("jobs"), QStringLiteral("cancel"), jobId}));
    QVERIFY2(cancel.exitCode == 0, qPrintable(cancel.err));
    QVERIFY2(cancel.out.contains(jobId) && cancel.out.contains(QLatin1String("cancel")),
            qPrintable(cancel.out));
    QCOMPARE(setTimeScale(usualScale), 200);
    restore.dismiss();

    // Human output names the settings and the model's future name.
    const Result human = run(together({QStringLiteral("jobs"), QStringLiteral("create"),
            QStringLiteral("--model"), base, QStringLiteral("--training-file"), m_trainingFile,
            QStringLiteral("--lora-rank"), QStringLiteral("4")}));
    QVERIFY2(human.exitCode == 0, qPrintable(human.err));
    QVERIFY2(human.out.contains(QLatin1String("settings:    LoRA (rank 4")), qPrintable(human.out));
    QVERIFY2(
            human.out.contains(QLatin1String("model name:  sandbox/") + base + QLatin1String("::")),
            qPrintable(human.out));
    QVERIFY2(human.out.contains(QLatin1String("jobs watch")), qPrintable(human.out));
}

void tst_ProviderCli::jobsWatchPrintsStepsFromTogethersMetrics()
{
    const Result create = run(
            together({QStringLiteral("jobs"), QStringLiteral("create"), QStringLiteral("--model"),
                    QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference"),
                    QStringLiteral("--training-file"), m_trainingFile, QStringLiteral("--epochs"),
                    QStringLiteral("1"), QStringLiteral("--json")}));
    QVERIFY2(create.exitCode == 0, qPrintable(create.err));
    const QString jobId = QJsonDocument::fromJson(create.out.toUtf8())
                                  .object()
                                  .value(QStringLiteral("id"))
                                  .toString();
    QVERIFY(!jobId.isEmpty());
    const Result watch = run(together({QStringLiteral("jobs"), QStringLiteral("watch"), jobId,
            QStringLiteral("--interval"), QStringLiteral("0.05")}));
    QVERIFY2(watch.exitCode == 0, qPrintable(watch.out + watch.err));
    // One "Step N/M: training loss=…" line per step read from /metrics, in order, each once.
    const int total = fs::test::everyStepWatched(watch.out);
    QVERIFY2(total > 0, qPrintable(watch.out));
    QVERIFY2(watch.out.contains(
                     QStringLiteral("  metrics: %1 steps, final training loss").arg(total)),
            qPrintable(watch.out));
    QVERIFY2(watch.out.contains(QLatin1String(": completed")), qPrintable(watch.out));
}

void tst_ProviderCli::preferenceTrainingWithEvaluationsOnTogether()
{
    const Result create = run(together({QStringLiteral("jobs"), QStringLiteral("create"),
            QStringLiteral("--model"), QStringLiteral("Qwen/Qwen2.5-14B-Instruct"),
            QStringLiteral("--training-file"), m_trainingFile, QStringLiteral("--validation-file"),
            m_trainingFile, QStringLiteral("--n-evals"), QStringLiteral("2"),
            QStringLiteral("--method"), QStringLiteral("dpo"), QStringLiteral("--beta"),
            QStringLiteral("0.2"), QStringLiteral("--full"), QStringLiteral("--batch-size"),
            QStringLiteral("8"), QStringLiteral("--json")}));
    QVERIFY2(create.exitCode == 0, qPrintable(create.err));
    const QJsonObject job = QJsonDocument::fromJson(create.out.toUtf8()).object();
    const QJsonObject method = job.value(QStringLiteral("training_method")).toObject();
    QCOMPARE(method.value(QStringLiteral("method")).toString(), QStringLiteral("dpo"));
    QCOMPARE(method.value(QStringLiteral("dpo_beta")).toDouble(), 0.2);
    QCOMPARE(job.value(QStringLiteral("training_type"))
                     .toObject()
                     .value(QStringLiteral("type"))
                     .toString(),
            QStringLiteral("Full"));
    QCOMPARE(job.value(QStringLiteral("n_evals")).toInt(), 2);
    QCOMPARE(job.value(QStringLiteral("batch_size")).toInt(), 8);
    QCOMPARE(job.value(QStringLiteral("validation_file")).toString(), m_trainingFile);
}

void tst_ProviderCli::settingsTheProviderLacksAreRefused_data()
{
    QTest::addColumn<bool>("onTogether");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("sentence");

    QTest::newRow("multiplier on Together")
            << true
            << QStringList {QStringLiteral("--learning-rate-multiplier"), QStringLiteral("2")}
            << QStringLiteral("Together AI takes an absolute learning rate; use --learning-rate.");
    QTest::newRow("absolute rate on OpenAI")
            << false << QStringList {QStringLiteral("--learning-rate"), QStringLiteral("0.0001")}
            << QStringLiteral("OpenAI takes a learning rate multiplier; use "
                              "--learning-rate-multiplier.");
    QTest::newRow("LoRA rank on OpenAI")
            << false << QStringList {QStringLiteral("--lora-rank"), QStringLiteral("8")}
            << QStringLiteral("OpenAI has no setting for LoRA rank (--lora-rank).");
    QTest::newRow("LoRA on OpenAI (the dialect says)")
            << false << QStringList {QStringLiteral("--lora")}
            << QStringLiteral("OpenAI has no LoRA training");
    QTest::newRow("evaluations on OpenAI (the dialect says)")
            << false << QStringList {QStringLiteral("--n-evals"), QStringLiteral("3")}
            << QStringLiteral("OpenAI has no setting for the number of evaluations");
    QTest::newRow("rank out of Together's range")
            << true << QStringList {QStringLiteral("--lora-rank"), QStringLiteral("500")}
            << QStringLiteral("LoRA rank must be 1 to 64.");
    QTest::newRow("epochs out of OpenAI's range")
            << false << QStringList {QStringLiteral("--epochs"), QStringLiteral("51")}
            << QStringLiteral("Epochs must be 1 to 50.");
    QTest::newRow("beta without DPO")
            << true << QStringList {QStringLiteral("--beta"), QStringLiteral("0.5")}
            << QStringLiteral("Beta applies only to preference (DPO) training: add --method dpo.");
    QTest::newRow("LoRA settings with full training")
            << true
            << QStringList {QStringLiteral("--full"), QStringLiteral("--lora-alpha"),
                       QStringLiteral("32")}
            << QStringLiteral("LoRA alpha applies only to LoRA training; leave out --full.");
    QTest::newRow("unknown method")
            << true << QStringList {QStringLiteral("--method"), QStringLiteral("rlhf")}
            << QStringLiteral("--method takes sft (supervised) or dpo (preference).");
    QTest::newRow("Together's suffix limit (the dialect says)")
            << true << QStringList {QStringLiteral("--suffix"), QString(50, QLatin1Char('x'))}
            << QStringLiteral("at most 40 characters");
}

void tst_ProviderCli::settingsTheProviderLacksAreRefused()
{
    QFETCH(bool, onTogether);
    QFETCH(QStringList, options);
    QFETCH(QString, sentence);
    const QStringList create = QStringList {QStringLiteral("jobs"), QStringLiteral("create"),
                                       QStringLiteral("--model"),
                                       onTogether ? QStringLiteral("Qwen/Qwen2.5-14B-Instruct")
                                                  : QStringLiteral("gpt-4.1-mini-2025-04-14"),
                                       QStringLiteral("--training-file"),
                                       onTogether ? m_trainingFile : QStringLiteral("file-x")}
            + options;
    const Result result = run(onTogether ? together(create) : openAi(create));
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.startsWith(QLatin1String("error: ")), qPrintable(result.err));
    QVERIFY2(result.err.contains(sentence), qPrintable(result.err));
    QCOMPARE(result.err.trimmed().count(QLatin1Char('\n')), 0);
    QVERIFY(result.out.isEmpty());
}

QTEST_GUILESS_MAIN(tst_ProviderCli)
#include "tst_providercli.moc"
