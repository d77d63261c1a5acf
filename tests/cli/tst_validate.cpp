// SPDX-License-Identifier: GPL-3.0-or-later
// `finetune-studio validate` run as a person at a terminal would: the real binary on real files.
#include "cliprocess.h"
#include "datasetdocument.h"
#include "lintrunner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class tst_Validate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanFileExitsZero();
    void findingsExitOne();
    void jsonShapeAndValues();
    void jsonOfABrokenFile();
    void warningsAloneExitZero();
    void overTheModelsLimit();
    void unreadableFileExitsTwo_data();
    void unreadableFileExitsTwo();
    void helpAndUsage();
    void agreesWithTheEditor();

private:
    using Result = fs::test::CliResult;
    Result run(const QStringList &arguments);
    QString write(const QString &name, const QByteArray &bytes);
    static QByteArray example(int i);

    QTemporaryDir m_dir;
};

void tst_Validate::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

tst_Validate::Result tst_Validate::run(const QStringList &arguments)
{
    // The price table comes from the user's settings: a folder of the test's own.
    return fs::test::runCli(QStringLiteral(FS_APP_BINARY),
            QStringList {QStringLiteral("validate")} + arguments,
            fs::test::isolatedEnvironment(m_dir.path()));
}

QString tst_Validate::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(bytes);
    return path;
}

QByteArray tst_Validate::example(int i)
{
    return QByteArray(R"({"messages":[{"role":"system","content":"You are terse."},)"
                      R"({"role":"user","content":"Say )")
            + QByteArray::number(i) + R"("},{"role":"assistant","content":")"
            + QByteArray::number(i) + R"("}]})";
}

void tst_Validate::cleanFileExitsZero()
{
    QByteArray bytes;
    for (int i = 0; i < 12; ++i)
        bytes += example(i) + '\n';
    const Result result = run({write(QStringLiteral("clean.jsonl"), bytes)});
    QVERIFY2(result.exitCode == 0, qPrintable(result.out + result.err));
    QVERIFY2(result.out.contains(QLatin1String("clean.jsonl: 12 examples (chat)")),
            qPrintable(result.out));
    QVERIFY(result.out.contains(QLatin1String("No problems found.")));
    QVERIFY(result.out.contains(QLatin1String("Tokens: ")));
    // 12 examples: 100 // 12 = 8 epochs by the cookbook's rule.
    QVERIFY2(result.out.contains(QLatin1String("8 epochs")), qPrintable(result.out));
    QVERIFY(result.err.isEmpty());
}

void tst_Validate::findingsExitOne()
{
    QByteArray bytes = "\xEF\xBB\xBF";
    for (int i = 0; i < 9; ++i) {
        QByteArray line = example(i);
        if (i == 2)
            line.replace("\"assistant\"", "\"asistant\"");
        if (i == 5)
            line = "{\"messages\": [";
        bytes += line + "\r\n";
    }
    const Result result = run({write(QStringLiteral("broken.jsonl"), bytes)});
    QCOMPARE(result.exitCode, 1);
    const QStringList lines = result.out.split(u'\n');
    auto lineWith = [&](const char *where, const char *code) {
        for (const QString &line : lines) {
            if (line.startsWith(QLatin1String(where)) && line.contains(QLatin1String(code)))
                return line;
        }
        return QString();
    };
    QVERIFY2(!lineWith("line 1 ", "bom").isEmpty(), qPrintable(result.out));
    QVERIFY(!lineWith("file ", "too_few_examples").isEmpty());
    const QString role = lineWith("line 3 ", "unrecognized_role");
    QVERIFY2(role.contains(QLatin1String("error")), qPrintable(result.out));
    QVERIFY(role.contains(QStringLiteral("Message 3 has the role “asistant”")));
    QVERIFY(!lineWith("line 6 ", "invalid_json").isEmpty());
    QVERIFY(!lineWith("line 3 ", "example_missing_assistant_message").isEmpty());
    QVERIFY2(result.out.contains(QLatin1String("5 errors, 0 warnings.")), qPrintable(result.out));
}

void tst_Validate::jsonShapeAndValues()
{
    // Ten copies of one example the cookbook counts by hand: 3 + 1 ("user") + 1 ("Hi"),
    // 3 + 1 ("assistant") + 1 ("Hello"), 3 at the end = 13 tokens.
    QByteArray bytes;
    for (int i = 0; i < 10; ++i)
        bytes +=
                R"({"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"}]})"
                "\n";
    const Result result = run({write(QStringLiteral("same.jsonl"), bytes), QStringLiteral("--json"),
            QStringLiteral("--model"), QStringLiteral("gpt-4o-mini-2024-07-18")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.out + result.err)); // warnings only
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(result.out.toUtf8(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(result.out));
    const QJsonObject object = document.object();
    QCOMPARE(object.keys(),
            (QStringList {QStringLiteral("estimate"), QStringLiteral("examples"),
                    QStringLiteral("issues"), QStringLiteral("tokens")}));
    QCOMPARE(object.value(QLatin1String("examples")).toInt(), 10);

    const QJsonArray issues = object.value(QLatin1String("issues")).toArray();
    int duplicates = 0;
    int missingSystem = 0;
    for (const QJsonValue &value : issues) {
        const QJsonObject issue = value.toObject();
        QCOMPARE(issue.keys(),
                (QStringList {QStringLiteral("code"), QStringLiteral("line"),
                        QStringLiteral("message"), QStringLiteral("severity")}));
        QCOMPARE(issue.value(QLatin1String("severity")).toString(), QStringLiteral("warning"));
        const int line = issue.value(QLatin1String("line")).toInt();
        QVERIFY(line >= 1 && line <= 10);
        const QString code = issue.value(QLatin1String("code")).toString();
        if (code == QLatin1String("duplicate_example")) {
            ++duplicates;
            QVERIFY(line >= 2);
            QVERIFY(issue.value(QLatin1String("message"))
                            .toString()
                            .contains(QLatin1String("example 1")));
        } else if (code == QLatin1String("missing_system")) {
            ++missingSystem;
        } else {
            QFAIL(qPrintable(code));
        }
    }
    QCOMPARE(duplicates, 9);
    QCOMPARE(missingSystem, 10);

    const QJsonObject tokens = object.value(QLatin1String("tokens")).toObject();
    QCOMPARE(tokens.value(QLatin1String("total")).toInteger(), 130);
    QCOMPARE(tokens.value(QLatin1String("max_example")).toInteger(), 13);
    QCOMPARE(tokens.value(QLatin1String("mean")).toDouble(), 13.0);

    const QJsonObject estimate = object.value(QLatin1String("estimate")).toObject();
    QCOMPARE(estimate.value(QLatin1String("model")).toString(),
            QStringLiteral("gpt-4o-mini-2024-07-18"));
    QCOMPARE(estimate.value(QLatin1String("n_epochs")).toInt(), 10); // 100 // 10
    QCOMPARE(estimate.value(QLatin1String("billed_tokens")).toInteger(), 1300);
    // gpt-4o-mini trains at $3.00 per million tokens.
    QVERIFY(estimate.value(QLatin1String("cost_usd")).isDouble());
    QVERIFY(qAbs(estimate.value(QLatin1String("cost_usd")).toDouble() - 1300 * 3.0 / 1e6) < 1e-9);
}

void tst_Validate::jsonOfABrokenFile()
{
    QByteArray bytes;
    for (int i = 0; i < 3; ++i)
        bytes += example(i) + '\n';
    bytes += "\n"; // a blank line is skipped, not an example
    bytes +=
            R"({"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"x<|endoftext|>","weight":2}]})"
            "\n";
    const Result result =
            run({write(QStringLiteral("broken.json.jsonl"), bytes), QStringLiteral("--json")});
    QCOMPARE(result.exitCode, 1);
    const QJsonObject object = QJsonDocument::fromJson(result.out.toUtf8()).object();
    QCOMPARE(object.value(QLatin1String("examples")).toInt(), 4);
    QStringList seen;
    for (const QJsonValue &value : object.value(QLatin1String("issues")).toArray()) {
        const QJsonObject issue = value.toObject();
        seen << QStringLiteral("%1:%2:%3")
                        .arg(issue.value(QLatin1String("line")).toInt())
                        .arg(issue.value(QLatin1String("severity")).toString(),
                                issue.value(QLatin1String("code")).toString());
    }
    QCOMPARE(seen,
            (QStringList {QStringLiteral("0:error:too_few_examples"),
                    QStringLiteral("4:error:invalid_weight"),
                    QStringLiteral("4:error:special_token"),
                    QStringLiteral("4:warning:missing_system")}));
    QCOMPARE(object.value(QLatin1String("estimate"))
                     .toObject()
                     .value(QLatin1String("n_epochs"))
                     .toInt(),
            25); // 100 // 4 = 25, the cap
}

void tst_Validate::warningsAloneExitZero()
{
    QByteArray bytes;
    for (int i = 0; i < 10; ++i)
        bytes += R"({"messages":[{"role":"user","content":"Q)" + QByteArray::number(i)
                + R"("},{"role":"assistant","content":"A"}]})" + '\n';
    const Result result = run({write(QStringLiteral("warnings.jsonl"), bytes)});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QLatin1String("0 errors, 10 warnings.")), qPrintable(result.out));
    QVERIFY(result.out.contains(QLatin1String("missing_system")));
}

void tst_Validate::overTheModelsLimit()
{
    // gpt-3.5-turbo-0613 trained on 4,096 tokens: an example of ~5,000 is cut.
    QByteArray bytes;
    for (int i = 0; i < 10; ++i) {
        const QByteArray answer = i == 4 ? QByteArray("word ").repeated(5000) : QByteArray("short");
        bytes +=
                QByteArray(
                        R"({"messages":[{"role":"system","content":"S"},{"role":"user","content":"Q)")
                + QByteArray::number(i) + R"("},{"role":"assistant","content":")" + answer
                + R"("}]})" + '\n';
    }
    const QString path = write(QStringLiteral("long.jsonl"), bytes);
    const Result old = run({path, QStringLiteral("--model"), QStringLiteral("gpt-3.5-turbo-0613")});
    QCOMPARE(old.exitCode, 0);
    QVERIFY2(old.out.contains(QLatin1String("line 5"))
                    && old.out.contains(QLatin1String("example_too_long")),
            qPrintable(old.out));
    QVERIFY(old.out.contains(QLatin1String("1 example longer than")));
    const Result roomy =
            run({path, QStringLiteral("--model"), QStringLiteral("gpt-4o-2024-08-06")});
    QCOMPARE(roomy.exitCode, 0);
    QVERIFY(!roomy.out.contains(QLatin1String("example_too_long")));
}

void tst_Validate::unreadableFileExitsTwo_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("missing") << QStringLiteral("/nonexistent/never.jsonl");
    QTest::newRow("a folder") << QStringLiteral("/");
}

void tst_Validate::unreadableFileExitsTwo()
{
    QFETCH(QString, path);
    for (const bool json : {false, true}) {
        const Result result =
                run(json ? QStringList {path, QStringLiteral("--json")} : QStringList {path});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.out.isEmpty());
        QVERIFY2(result.err.startsWith(QLatin1String("error: ")), qPrintable(result.err));
        QCOMPARE(result.err.count(u'\n'), 1);
    }
}

void tst_Validate::helpAndUsage()
{
    const Result help = run({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(QLatin1String("--model")));
    QVERIFY(help.out.contains(QLatin1String("--json")));
    QCOMPARE(run({}).exitCode, 2);
    QCOMPARE(run({QStringLiteral("a.jsonl"), QStringLiteral("b.jsonl")}).exitCode, 2);
    QCOMPARE(run({QStringLiteral("--nonsense")}).exitCode, 2);

    // The general help lists the verb.
    QProcess process;
    process.start(QStringLiteral(FS_APP_BINARY), {QStringLiteral("--help")});
    QVERIFY(process.waitForFinished(30000));
    QVERIFY(QString::fromUtf8(process.readAllStandardOutput()).contains(QLatin1String("validate")));
}

void tst_Validate::agreesWithTheEditor()
{
    // A file with something of everything: the editor (document + live linter) and the command
    // line must report the same findings, in the same order, with the same tokens.
    QByteArray bytes = "\xEF\xBB\xBF";
    for (int i = 0; i < 11; ++i)
        bytes += example(i) + '\n';
    bytes += example(3) + '\n'; // duplicate
    bytes +=
            R"({"messages":[{"role":"user","content":"<|fim_suffix|>"},{"role":"asistant","content":"x"}]})"
            "\n";
    bytes +=
            R"({"messages":[{"role":"user","content":"q"},{"role":"assistant","content":"a","weight":3}]})"
            "\n";
    bytes += R"({"input":{"messages":[{"role":"user","content":"q"}]},"preferred_output":[]})"
             "\n";
    bytes += "{not json\n";
    const QString path = write(QStringLiteral("mixed.jsonl"), bytes);

    const Result result = run({path, QStringLiteral("--json")});
    QCOMPARE(result.exitCode, 1);
    const QJsonObject object = QJsonDocument::fromJson(result.out.toUtf8()).object();
    QStringList fromCli;
    for (const QJsonValue &value : object.value(QLatin1String("issues")).toArray()) {
        const QJsonObject issue = value.toObject();
        fromCli << QStringLiteral("%1:%2:%3")
                           .arg(issue.value(QLatin1String("line")).toInt())
                           .arg(issue.value(QLatin1String("severity")).toString(),
                                   issue.value(QLatin1String("code")).toString());
    }

    fs::DatasetDocument document;
    QVERIFY(!document.open(path).isError());
    fs::LintRunner runner(&document);
    runner.setOptions(fs::LintOptions());
    QTRY_VERIFY_WITH_TIMEOUT(!runner.isRunning() && runner.state().unlintedRows().isEmpty(), 30000);
    QStringList fromEditor;
    for (const fs::LintFinding &finding : runner.allFindings())
        fromEditor << QStringLiteral("%1:%2:%3")
                              .arg(finding.line)
                              .arg(fs::LintFinding::severityName(finding.severity), finding.code);

    QVERIFY2(fromCli.size() >= 6, qPrintable(fromCli.join(QLatin1Char(' '))));
    QCOMPARE(fromCli, fromEditor);
    QCOMPARE(object.value(QLatin1String("examples")).toInt(), document.count());
}

QTEST_GUILESS_MAIN(tst_Validate)
#include "tst_validate.moc"
