// SPDX-License-Identifier: GPL-3.0-or-later
// The linter on a live document: re-linting after edits, the background run with progress and
// cancel, and the one-click fixes as undoable steps.
#include "datasetdocument.h"
#include "lintfixer.h"
#include "lintrunner.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace fs;

class tst_LinterRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void lintsOnOpen();
    void relintsAnEditedExample();
    void followsInsertsRemovesAndMoves();
    void countsGoToTheSummaries();
    void fixes_data();
    void fixes();
    void fixOfDpoAnswer();
    void fixDoesNothingWhenStale();
    void removeBomIsUndoable();
    void backgroundRunWithProgress();
    void cancelKeepsTheRestPending();
    void lintLinesInParallelMatchesOneByOne();
    void relintingOneRowOfABigFileIsQuick();
    void burstOfChangesEndsInOneFullRun();

private:
    QString write(const QString &name, const QByteArray &bytes);
    static QByteArray good(int i);
    QTemporaryDir m_dir;
};

namespace {

LintOptions rulesOnly()
{
    LintOptions options;
    options.countTokens = false;
    return options;
}

bool has(const LintFindings &findings, const QString &code)
{
    for (const LintFinding &finding : findings) {
        if (finding.code == code)
            return true;
    }
    return false;
}

LintFinding findingOf(const LintFindings &findings, const QString &code)
{
    for (const LintFinding &finding : findings) {
        if (finding.code == code)
            return finding;
    }
    return {};
}

} // namespace

void tst_LinterRunner::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString tst_LinterRunner::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(bytes);
    return path;
}

QByteArray tst_LinterRunner::good(int i)
{
    return QByteArray(R"({"messages":[{"role":"system","content":"You answer in one word."},)"
                      R"({"role":"user","content":"Question )")
            + QByteArray::number(i) + R"("},{"role":"assistant","content":"Answer )"
            + QByteArray::number(i) + R"("}]})";
}

void tst_LinterRunner::lintsOnOpen()
{
    QByteArray bytes;
    for (int i = 0; i < 12; ++i)
        bytes += (i == 4 ? QByteArray(R"({"messages":[{"role":"user","content":"x"}]})") : good(i))
                + '\n';
    DatasetDocument document;
    QVERIFY(!document.open(write(QStringLiteral("open.jsonl"), bytes)).isError());
    LintRunner runner(&document);
    runner.setOptions(rulesOnly());
    QVERIFY(runner.isComplete());
    QCOMPARE(runner.state().count(), 12);
    QVERIFY(has(runner.findings(4), QStringLiteral("example_missing_assistant_message")));
    QCOMPARE(runner.findings(4).first().line, 5);
    QVERIFY(runner.findings(3).isEmpty());
    QCOMPARE(runner.errorCount(), 1);

    // Opening another file in the same document starts over.
    QSignalSpy changed(&runner, &LintRunner::findingsChanged);
    QVERIFY(!document.open(write(QStringLiteral("open2.jsonl"), good(1) + '\n')).isError());
    QVERIFY(changed.count() > 0);
    QCOMPARE(runner.state().count(), 1);
    QVERIFY(has(runner.allFindings(), QStringLiteral("too_few_examples")));
}

void tst_LinterRunner::relintsAnEditedExample()
{
    QByteArray bytes;
    for (int i = 0; i < 10; ++i)
        bytes += good(i) + '\n';
    DatasetDocument document;
    QVERIFY(!document.open(write(QStringLiteral("edit.jsonl"), bytes)).isError());
    LintRunner runner(&document);
    runner.setOptions(rulesOnly());
    QVERIFY(runner.allFindings().isEmpty());

    QSignalSpy changed(&runner, &LintRunner::findingsChanged);
    document.setMessageRole(2, 2, QStringLiteral("asistant"));
    QCOMPARE(changed.count(), 1);
    QVERIFY(has(runner.findings(2), QStringLiteral("unrecognized_role")));
    QCOMPARE(findingOf(runner.findings(2), QStringLiteral("unrecognized_role")).messageIndex, 2);

    // Typing the same text as example 5 makes a duplicate, and fixing the role removes it again.
    document.undoStack()->undo();
    QVERIFY(runner.allFindings().isEmpty());
    document.setExample(7, Example::fromLine(good(5)));
    QVERIFY(has(runner.findings(7), QStringLiteral("duplicate_example")));
    document.undoStack()->undo();
    QVERIFY(runner.allFindings().isEmpty());
}

void tst_LinterRunner::followsInsertsRemovesAndMoves()
{
    QByteArray bytes;
    for (int i = 0; i < 10; ++i)
        bytes += good(i) + '\n';
    DatasetDocument document;
    QVERIFY(!document.open(write(QStringLiteral("rows.jsonl"), bytes)).isError());
    LintRunner runner(&document);
    runner.setOptions(rulesOnly());

    Example broken =
            Example::fromLine(R"({"messages":[{"role":"user","content":"only a question"}]})");
    document.insertExample(3, broken);
    QCOMPARE(runner.state().count(), 11);
    QVERIFY(runner.isComplete());
    QVERIFY(has(runner.findings(3), QStringLiteral("example_missing_assistant_message")));
    QCOMPARE(runner.findings(3).first().line, 4);

    document.moveExample(3, 9);
    QVERIFY(runner.findings(3).isEmpty());
    QVERIFY(has(runner.findings(9), QStringLiteral("example_missing_assistant_message")));
    QCOMPARE(runner.findings(9).first().line, 10);
    document.moveExample(9, 0);
    QVERIFY(has(runner.findings(0), QStringLiteral("example_missing_assistant_message")));

    document.removeExample(0);
    QCOMPARE(runner.state().count(), 10);
    QVERIFY(runner.allFindings().isEmpty());
    document.removeExample(0);
    QVERIFY(has(runner.allFindings(), QStringLiteral("too_few_examples")));
    document.undoStack()->undo();
    QVERIFY(runner.allFindings().isEmpty());
}

void tst_LinterRunner::countsGoToTheSummaries()
{
    QByteArray bytes;
    for (int i = 0; i < 10; ++i)
        bytes += good(i) + '\n';
    bytes += good(3) + '\n'; // a duplicate of row 3
    DatasetDocument document;
    QVERIFY(!document.open(write(QStringLiteral("counts.jsonl"), bytes)).isError());
    LintOptions options;
    options.model = QStringLiteral("gpt-4o-mini-2024-07-18");
    LintRunner runner(&document);
    runner.setOptions(options);
    QCOMPARE(document.summary(10).warnings, quint16(1));
    QCOMPARE(document.summary(10).errors, quint16(0));
    QVERIFY(document.summary(0).tokens > 10);
    QCOMPARE(document.summary(0).tokens, runner.state().result(0).tokens);

    document.setMessageRole(0, 1, QStringLiteral("usr"));
    QCOMPARE(document.summary(0).errors, quint16(1)); // the unknown role
    QCOMPARE(document.summary(0).warnings, quint16(1)); // so: no user message
}

void tst_LinterRunner::fixes_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QByteArray>("fixedLine");

    const QByteArray head =
            R"({"messages":[{"role":"system","content":"S"},{"role":"user","content":"U"},)";
    QTest::newRow("drop the empty last message")
            << head + R"({"role":"assistant","content":"A"},{"role":"user","content":"  "}]})"
            << QStringLiteral("missing_content")
            << head + R"({"role":"assistant","content":"A"}]})";
    QTest::newRow("drop the null last message")
            << head + R"({"role":"assistant","content":"A"},{"role":"assistant","content":null}]})"
            << QStringLiteral("missing_content")
            << head + R"({"role":"assistant","content":"A"}]})";
    QTest::newRow("remove reserved tokens")
            << head + R"({"role":"assistant","content":"Done.<|endoftext|><|fim_suffix|>"}]})"
            << QStringLiteral("special_token")
            << head + R"({"role":"assistant","content":"Done."}]})";
    QTest::newRow("remove reserved tokens from parts")
            << head + R"({"role":"assistant","content":[{"type":"text","text":"a<|im_end|>"}]}]})"
            << QStringLiteral("special_token")
            << head + R"({"role":"assistant","content":[{"type":"text","text":"a"}]}]})";
    QTest::newRow("weight true becomes 1")
            << head + R"({"role":"assistant","content":"A","weight":true}]})"
            << QStringLiteral("invalid_weight")
            << head + R"({"role":"assistant","content":"A","weight":1}]})";
    QTest::newRow("weight \"0\" becomes 0")
            << head + R"({"role":"assistant","content":"A","weight":"0"}]})"
            << QStringLiteral("invalid_weight")
            << head + R"({"role":"assistant","content":"A","weight":0}]})";
    QTest::newRow("weight 0.5 is removed (trained, the default)")
            << head + R"({"role":"assistant","content":"A","weight":0.5}]})"
            << QStringLiteral("invalid_weight") << head + R"({"role":"assistant","content":"A"}]})";
    QTest::newRow("weight on a user message is removed") << QByteArray(
            R"({"messages":[{"role":"system","content":"S"},{"role":"user","content":"U","weight":1},{"role":"assistant","content":"A"}]})")
                                                         << QStringLiteral("invalid_weight")
                                                         << head
                    + R"({"role":"assistant","content":"A"}]})";
}

void tst_LinterRunner::fixes()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, code);
    QFETCH(QByteArray, fixedLine);

    QByteArray bytes;
    for (int i = 0; i < 10; ++i)
        bytes += good(i) + '\n';
    bytes += line + '\n';
    DatasetDocument document;
    QVERIFY(!document.open(write(QStringLiteral("fix.jsonl"), bytes)).isError());
    LintRunner runner(&document);
    runner.setOptions(rulesOnly());
    const LintFinding finding = findingOf(runner.findings(10), code);
    QCOMPARE(finding.code, code);
    QVERIFY(LintFixer::canFix(finding));
    QVERIFY(!LintFixer::label(finding).isEmpty());

    QVERIFY(LintFixer::apply(&document, finding));
    QVERIFY2(runner.allFindings().isEmpty(), qPrintable(runner.allFindings().value(0).message));
    QCOMPARE(document.example(10), Example::fromLine(fixedLine));
    QCOMPARE(document.undoStack()->undoText(), LintFixer::label(finding));
    QVERIFY(document.isModified());

    document.undoStack()->undo();
    QCOMPARE(findingOf(runner.findings(10), code).code, code);
    QCOMPARE(document.line(10), line);
    QVERIFY(!document.isModified());

    document.undoStack()->redo();
    QVERIFY(runner.allFindings().isEmpty());
}

void tst_LinterRunner::fixOfDpoAnswer()
{
    const QByteArray line =
            R"({"input":{"messages":[{"role":"system","content":"S"},{"role":"user","content":"U"}]},)"
            R"("preferred_output":[{"role":"assistant","content":"Yes<|endoftext|>","weight":1}],)"
            R"("non_preferred_output":[{"role":"assistant","content":"No<|endoftext|>"}]})";
    const LintFindings findings = Linter(rulesOnly()).lintLine(line, 1).findings;
    Example example = Example::fromLine(line);
    int fixedCount = 0;
    for (const LintFinding &finding : findings) {
        const std::optional<Example> fixed = LintFixer::fixedExample(example, finding);
        QVERIFY2(fixed, qPrintable(finding.code));
        example = *fixed;
        ++fixedCount;
    }
    QCOMPARE(fixedCount, 3); // two reserved tokens, one weight
    QVERIFY(Linter(rulesOnly()).lintExample(example.object(), 1).findings.isEmpty());
    QCOMPARE(example.preferredOutput().first().text(), QStringLiteral("Yes"));
    QCOMPARE(example.nonPreferredOutput().first().text(), QStringLiteral("No"));
    QVERIFY(!example.preferredOutput().first().hasWeight());
}

void tst_LinterRunner::fixDoesNothingWhenStale()
{
    QByteArray bytes;
    for (int i = 0; i < 10; ++i)
        bytes += good(i) + '\n';
    bytes +=
            R"({"messages":[{"role":"user","content":"U"},{"role":"assistant","content":"A"},{"role":"user","content":""}]})"
            "\n";
    DatasetDocument document;
    QVERIFY(!document.open(write(QStringLiteral("stale.jsonl"), bytes)).isError());
    LintRunner runner(&document);
    runner.setOptions(rulesOnly());
    const LintFinding finding = findingOf(runner.findings(10), QStringLiteral("missing_content"));
    QCOMPARE(finding.fix, LintFinding::Fix::DropEmptyTrailingMessage);
    // The user wrote something meanwhile: dropping the message would lose it.
    document.setMessageText(10, 2, QStringLiteral("Thanks!"));
    const int steps = document.undoStack()->count();
    QVERIFY(!LintFixer::apply(&document, finding));
    QCOMPARE(document.undoStack()->count(), steps);
    // Out of range and no-fix findings are refused too.
    LintFinding outside = finding;
    outside.line = 99;
    QVERIFY(!LintFixer::apply(&document, outside));
    LintFinding none = finding;
    none.fix = LintFinding::Fix::None;
    QVERIFY(!LintFixer::apply(&document, none));
    QVERIFY(!LintFixer::apply(nullptr, finding));
}

void tst_LinterRunner::removeBomIsUndoable()
{
    QByteArray bytes = "\xEF\xBB\xBF";
    for (int i = 0; i < 10; ++i)
        bytes += good(i) + '\n';
    DatasetDocument document;
    QVERIFY(!document.open(write(QStringLiteral("bom.jsonl"), bytes)).isError());
    LintRunner runner(&document);
    runner.setOptions(rulesOnly());
    const LintFindings findings = runner.allFindings();
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().code, QStringLiteral("bom"));
    QCOMPARE(findings.first().line, 1);

    QSignalSpy changed(&runner, &LintRunner::findingsChanged);
    QVERIFY(LintFixer::apply(&document, findings.first()));
    QVERIFY(runner.allFindings().isEmpty());
    QVERIFY(changed.count() > 0);
    QVERIFY(!document.toBytes().startsWith("\xEF\xBB\xBF"));
    QVERIFY(!LintFixer::apply(&document, findings.first())); // nothing left to remove
    document.undoStack()->undo();
    QCOMPARE(runner.allFindings().size(), 1);
    QCOMPARE(document.toBytes(), bytes);
}

void tst_LinterRunner::backgroundRunWithProgress()
{
    QByteArray bytes;
    const int n = 3000;
    for (int i = 0; i < n; ++i)
        bytes += (i % 1000 == 7 ? QByteArray(
                          R"({"messages":[{"role":"user","content":"<|endoftext|>"}]})")
                                : good(i))
                + '\n';
    DatasetDocument document;
    QVERIFY(!document.open(write(QStringLiteral("big.jsonl"), bytes)).isError());
    LintRunner runner(&document);
    QSignalSpy started(&runner, &LintRunner::started);
    QSignalSpy progress(&runner, &LintRunner::progress);
    QSignalSpy finished(&runner, &LintRunner::finished);
    LintOptions options;
    options.model = QStringLiteral("gpt-4o-mini-2024-07-18");
    runner.setOptions(options); // exact token counts: the slow path
    QVERIFY(runner.isRunning());
    QCOMPARE(started.count(), 1);
    QCOMPARE(started.first().first().toInt(), n);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(runner.isComplete());
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toInt(), n);
    QCOMPARE(progress.last().at(1).toInt(), n);
    int special = 0;
    for (const LintFinding &finding : runner.allFindings())
        special += finding.code == QLatin1String("special_token") ? 1 : 0;
    QCOMPARE(special, 3);
    QVERIFY(document.summary(n - 1).tokens > 0);
    QCOMPARE(document.summary(7).errors, quint16(2));
}

void tst_LinterRunner::cancelKeepsTheRestPending()
{
    QByteArray bytes;
    const int n = 20000;
    for (int i = 0; i < n; ++i)
        bytes += good(i) + '\n';
    DatasetDocument document;
    QVERIFY(!document.open(write(QStringLiteral("cancel.jsonl"), bytes)).isError());
    LintRunner runner(&document);
    QSignalSpy finished(&runner, &LintRunner::finished);
    runner.setOptions(LintOptions());
    QVERIFY(runner.isRunning());
    runner.cancel();
    QVERIFY(!runner.isRunning());
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(!runner.isComplete());
    const int pending = int(runner.state().unlintedRows().size());
    QVERIFY(pending > 0);

    // An edit while runs are off lints that row; the next run does the rest.
    document.setMessageText(n - 1, 2, QStringLiteral("<|endoftext|>"));
    QVERIFY(runner.state().isLinted(n - 1));
    runner.relintAll();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.last().first().toBool(), true);
    QVERIFY(runner.isComplete());
    QCOMPARE(runner.errorCount(), 1);

    // Editing during a run: the edit wins over the run's older result.
    runner.relintAll();
    QVERIFY(runner.isRunning());
    document.undoStack()->undo();
    QVERIFY(finished.wait(60000));
    QVERIFY(runner.isComplete());
    QCOMPARE(runner.errorCount(), 0);
}

void tst_LinterRunner::lintLinesInParallelMatchesOneByOne()
{
    QList<QByteArray> lines;
    for (int i = 0; i < 1000; ++i)
        lines << (i % 3 == 0 ? good(i)
                             : QByteArray(R"({"messages":[{"role":"bot","content":""}]})"));
    const QList<ExampleLint> parallel = lintLines(lines, rulesOnly(), 5);
    QCOMPARE(parallel.size(), lines.size());
    const Linter linter(rulesOnly());
    for (int i = 0; i < lines.size(); ++i) {
        const ExampleLint one = linter.lintLine(lines.at(i), 5 + i);
        QCOMPARE(parallel.at(i).findings, one.findings);
        QCOMPARE(parallel.at(i).digest, one.digest);
    }
    std::atomic_bool cancelled {true};
    const QList<ExampleLint> none = lintLines(lines, rulesOnly(), 1, &cancelled);
    QCOMPARE(none.size(), lines.size());
    QVERIFY(!none.first().parsed);
}

void tst_LinterRunner::relintingOneRowOfABigFileIsQuick()
{
    QByteArray bytes;
    const int n = 100000;
    for (int i = 0; i < n; ++i)
        bytes += good(i) + '\n';
    DatasetDocument document;
    QVERIFY(!document.open(write(QStringLiteral("quick.jsonl"), bytes)).isError());
    LintRunner runner(&document);
    QSignalSpy finished(&runner, &LintRunner::finished);
    runner.setOptions(LintOptions());
    QVERIFY(finished.wait(120000));
    // Keystrokes in the GUI thread: re-lint, duplicates among 100,000 rows, the badges.
    QElapsedTimer timer;
    timer.start();
    document.setMessageText(500, 2, QStringLiteral("Answer 499"));
    document.setMessageText(500, 1, QStringLiteral("Question 499"));
    const qint64 ms = timer.elapsed();
    QVERIFY(has(runner.findings(500), QStringLiteral("duplicate_example")));
    // A figure to read in the log, not a pass/fail line (speed belongs to the benchmarks).
    qInfo("two edits with re-lint on 100,000 examples: %lld ms", ms);
}

void tst_LinterRunner::burstOfChangesEndsInOneFullRun()
{
    // No system message anywhere: a missing_system warning on every example.
    QByteArray bytes;
    const int n = 2000;
    for (int i = 0; i < n; ++i)
        bytes += QStringLiteral(R"({"messages":[{"role":"user","content":"Q %1"},)"
                                R"({"role":"assistant","content":"A %1"}]})")
                         .arg(i)
                         .toUtf8()
                + '\n';
    DatasetDocument document;
    QVERIFY(!document.open(write(QStringLiteral("burst.jsonl"), bytes)).isError());
    LintRunner runner(&document);
    runner.setOptions(rulesOnly());
    QTRY_COMPARE(runner.warningCount(), n);
    QSignalSpy finished(&runner, &LintRunner::finished);

    // One range signal for every example: one full run instead of a re-check per example.
    QCOMPARE(document.setSystemPrompt(QStringLiteral("Be brief.")), n);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(runner.warningCount(), 0);
    QVERIFY(!has(runner.findings(0), QStringLiteral("missing_system")));
    QVERIFY(!has(runner.findings(n - 1), QStringLiteral("missing_system")));
    QCOMPARE(document.summary(n - 1).warnings, 0);

    // Undo is a burst as well, and brings every warning back.
    document.undoStack()->undo();
    QTRY_COMPARE(finished.count(), 2);
    QCOMPARE(runner.warningCount(), n);
    QVERIFY(has(runner.findings(n - 1), QStringLiteral("missing_system")));
    QCOMPARE(document.summary(n - 1).warnings, 1);

    // A bulk change of a few neighbouring examples is re-checked at once, without a full run.
    QCOMPARE(document.setSystemPrompt(QStringLiteral("Be brief."), {3, 4, 5}), 3);
    QCOMPARE(runner.warningCount(), n - 3);
    QVERIFY(!has(runner.findings(4), QStringLiteral("missing_system")));
    QCOMPARE(document.summary(5).warnings, 0);
    QVERIFY(!runner.isRunning());
    // The end of the burst is a queued call: once it ran, no full run may have followed.
    QCoreApplication::sendPostedEvents(&runner, QEvent::MetaCall);
    QVERIFY(runner.isComplete());
    QCOMPARE(finished.count(), 2);
}

QTEST_GUILESS_MAIN(tst_LinterRunner)
#include "tst_linterrunner.moc"
