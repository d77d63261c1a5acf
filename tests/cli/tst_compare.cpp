// SPDX-License-Identifier: GPL-3.0-or-later
// `finetune-studio compare` as a person runs it, against a `finetune-studio sandbox` child: a
// base model and a fine-tuned one scored on a validation file.
#include "cliprocess.h"
#include "sandboxhttp.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class tst_Compare : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void usageErrors();
    void baseAgainstFineTuned();
    void jsonAndCsv();
    void rateLimitedRunStillScoresEverything();
    void savedAnswersRescoreWithoutAConnection();
    void failuresExitNonZeroWithAReason();
    void unreadableFileIsOneLine();

private:
    using Result = fs::test::CliResult;
    Result run(const QStringList &arguments, int timeoutMs = 60000);
    QString writeValidation(int count);

    fs::test::SandboxProcess m_sandbox;
    QString m_baseUrl;
    QTemporaryDir m_home;
    QString m_base = QStringLiteral("gpt-4o-mini-2024-07-18");
    QString m_tuned;
    QList<QJsonObject> m_training;
    std::unique_ptr<fs::sandbox::test::SandboxHttp> m_http;
};

void tst_Compare::initTestCase()
{
    QVERIFY(m_home.isValid());
    QVERIFY2(m_sandbox.start(QStringLiteral(FS_APP_BINARY), {}, 0.01),
            "the sandbox did not print its address");
    m_baseUrl = m_sandbox.baseUrl();
    m_http = std::make_unique<fs::sandbox::test::SandboxHttp>(QUrl(m_sandbox.root()));

    const QByteArray training = fs::sandbox::test::fixture(QStringLiteral("train_good.jsonl"));
    for (const QByteArray &line : training.split('\n')) {
        if (!line.trimmed().isEmpty())
            m_training << QJsonDocument::fromJson(line).object();
    }
    const QString file = m_http->uploadFile(training);
    const QString job =
            m_http->post(QStringLiteral("/v1/fine_tuning/jobs"),
                          {{QStringLiteral("model"), m_base},
                                  {QStringLiteral("training_file"), file},
                                  {QStringLiteral("hyperparameters"),
                                          QJsonObject {{QStringLiteral("n_epochs"), 1}}}})
                    .json()
                    .value(QLatin1String("id"))
                    .toString();
    m_tuned = m_http->waitForJob(job, {QStringLiteral("succeeded"), QStringLiteral("failed")})
                      .value(QLatin1String("fine_tuned_model"))
                      .toString();
    QVERIFY2(!m_tuned.isEmpty(), "the sandbox job did not produce a model");
}

void tst_Compare::cleanupTestCase()
{
    m_sandbox.kill();
}

tst_Compare::Result tst_Compare::run(const QStringList &arguments, int timeoutMs)
{
    return fs::test::runCli(QStringLiteral(FS_APP_BINARY),
            QStringList {QStringLiteral("compare")} + arguments,
            fs::test::isolatedEnvironment(m_home.path()), timeoutMs);
}

// A validation file of the training examples (so the fine-tuned model knows the answers).
QString tst_Compare::writeValidation(int count)
{
    const QString path = m_home.filePath(QStringLiteral("valid-%1.jsonl").arg(count));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    for (int i = 0; i < count; ++i)
        file.write(
                QJsonDocument(m_training.at(i % m_training.size())).toJson(QJsonDocument::Compact)
                + '\n');
    file.write(R"({"messages":[{"role":"user","content":"no answer here"}]})"
               "\n");
    return path;
}

void tst_Compare::usageErrors()
{
    const QString file = writeValidation(3);
    Result r = run({QStringLiteral("--model"), m_base});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("usage: finetune-studio compare")), qPrintable(r.err));
    r = run({file});
    QCOMPARE(r.exitCode, 2);
    r = run({QStringLiteral("--model"), m_base, QStringLiteral("--concurrency"),
            QStringLiteral("0"), file});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QLatin1String("--concurrency")));
    r = run({QStringLiteral("--bogus"), file});
    QCOMPARE(r.exitCode, 2);
    r = run({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QLatin1String("--stem")));
    // No connection given: explained, not a crash.
    r = run({QStringLiteral("--model"), m_base, file});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(QLatin1String("no connection given")));
}

void tst_Compare::baseAgainstFineTuned()
{
    const QString file = writeValidation(12);
    const Result r = run({QStringLiteral("--base-url"), m_baseUrl, QStringLiteral("--model"),
            m_base, QStringLiteral("--model"), m_tuned, QStringLiteral("--concurrency"),
            QStringLiteral("8"), file});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("12 examples from valid-12.jsonl")), qPrintable(r.out));
    QVERIFY(r.err.contains(QLatin1String("1 example without an assistant answer")));
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines.at(1).contains(QLatin1String("ROUGE-L")));
    const QStringList base = lines.at(2).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QStringList tuned = lines.at(3).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QCOMPARE(base.first(), m_base);
    QCOMPARE(tuned.first(), m_tuned);
    QCOMPARE(tuned.mid(1),
            (QStringList {QStringLiteral("1.0000"), QStringLiteral("1.0000"),
                    QStringLiteral("1.0000"), QStringLiteral("12/12")}));
    QVERIFY(base.at(3).toDouble() < 0.5);
    QCOMPARE(base.at(4), QStringLiteral("12/12"));
}

void tst_Compare::jsonAndCsv()
{
    const QString file = writeValidation(4);
    const QString csv = m_home.filePath(QStringLiteral("out.csv"));
    const Result r = run({QStringLiteral("--base-url"), m_baseUrl, QStringLiteral("--model"),
            m_base, QStringLiteral("--model"), m_tuned, QStringLiteral("--json"),
            QStringLiteral("--csv"), csv, file});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(json.value(QLatin1String("examples")).toInt(), 4);
    const QJsonArray models = json.value(QLatin1String("models")).toArray();
    QCOMPARE(models.size(), 2);
    QCOMPARE(models.at(1).toObject().value(QLatin1String("model")).toString(), m_tuned);
    QCOMPARE(models.at(1).toObject().value(QLatin1String("rougeL")).toDouble(), 1.0);
    QCOMPARE(models.at(0).toObject().value(QLatin1String("answered")).toInt(), 4);

    QFile out(csv);
    QVERIFY(out.open(QIODevice::ReadOnly));
    const QByteArray content = out.readAll();
    QVERIFY(content.startsWith("Line,Prompt,Reference,"));
    QCOMPARE(content.count("\r\n"), 5); // header + 4 rows, none of the texts has a line break
    QVERIFY(content.contains("What time do you open on Saturday?"));
}

void tst_Compare::rateLimitedRunStillScoresEverything()
{
    const QString file = writeValidation(10);
    // More 429s than the client's own two retries can absorb: the run pauses and goes on.
    const fs::sandbox::test::HttpResult fault = m_http->post(QStringLiteral("/_sandbox/faults"),
            {{QStringLiteral("http_error"),
                    QJsonObject {{QStringLiteral("status"), 429}, {QStringLiteral("count"), 4},
                            {QStringLiteral("path"), QStringLiteral("/chat/completions")},
                            {QStringLiteral("retry_after"), 1}}}});
    QCOMPARE(fault.status, 200);
    const Result r = run({QStringLiteral("--base-url"), m_baseUrl, QStringLiteral("--model"),
            m_base, QStringLiteral("--concurrency"), QStringLiteral("1"), file});
    m_http->del(QStringLiteral("/_sandbox/faults"));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("Waiting 1 s")), qPrintable(r.err));
    QVERIFY(r.out.contains(QLatin1String("10/10")));
}

void tst_Compare::savedAnswersRescoreWithoutAConnection()
{
    const QString file = writeValidation(6);
    const QString saved = m_home.filePath(QStringLiteral("answers.jsonl"));
    Result r = run({QStringLiteral("--base-url"), m_baseUrl, QStringLiteral("--model"), m_base,
            QStringLiteral("--model"), m_tuned, QStringLiteral("--save"), saved, file});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QString plain = r.out.section(QLatin1Char('\n'), 2, 2);
    // No --base-url, no key: nothing is sent, the stored answers are scored again.
    r = run({saved, QStringLiteral("--stem")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QLatin1String("words stemmed")));
    const QString stemmed = r.out.section(QLatin1Char('\n'), 2, 2);
    QVERIFY(stemmed.startsWith(m_base));
    QVERIFY2(stemmed != plain, qPrintable(plain + QLatin1Char('\n') + stemmed));
    r = run({saved});
    QCOMPARE(r.out.section(QLatin1Char('\n'), 2, 2), plain);
    // Its own models: --model makes no sense with it.
    r = run({QStringLiteral("--model"), m_base, saved});
    QCOMPARE(r.exitCode, 2);
}

void tst_Compare::failuresExitNonZeroWithAReason()
{
    const QString file = writeValidation(3);
    const Result r = run({QStringLiteral("--base-url"), m_baseUrl, QStringLiteral("--model"),
            m_base, QStringLiteral("--model"), QStringLiteral("no-such-model"), file});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.contains(QLatin1String("0/3")));
    QVERIFY2(r.err.contains(QLatin1String("3 answers could not be obtained")), qPrintable(r.err));
}

void tst_Compare::unreadableFileIsOneLine()
{
    const Result r = run({QStringLiteral("--base-url"), m_baseUrl, QStringLiteral("--model"),
            m_base, m_home.filePath(QStringLiteral("missing.jsonl"))});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.startsWith(QLatin1String("error: ")));
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
}

QTEST_GUILESS_MAIN(tst_Compare)
#include "tst_compare.moc"
