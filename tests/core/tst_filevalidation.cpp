// SPDX-License-Identifier: GPL-3.0-or-later
#include "backgroundwork.h"
#include "datasetimport.h"
#include "filevalidation.h"
#include "jsonl.h"
#include "linter.h"
#include "tokenizer.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace fs;

class tst_FileValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void findingsOfABrokenFile();
    void dataAndFileGiveTheSameResult();
    void countsAreTheEditorsCounts();
    void backgroundRunReportsProgressAndResult();
    void cancelStopsTheRun();
    void restartDropsTheFirstRun();
    void missingFileIsAnError();
    void nonRegularFilesRefused_data();
    void nonRegularFilesRefused();
    void procFileIsReadNotEmpty();
    void utf16IsOneFinding();
    void nulCharacterIsAFinding();
    void overlongLineReportedNotParsed();

private:
    QString write(const QString &name, const QByteArray &bytes);
    static QByteArray example(int i);
    QTemporaryDir m_dir;
    QString m_big;
};

QByteArray tst_FileValidation::example(int i)
{
    return QByteArray(R"({"messages":[{"role":"system","content":"You are terse."},)"
                      R"({"role":"user","content":"Say )")
            + QByteArray::number(i) + R"("},{"role":"assistant","content":")"
            + QByteArray::number(i) + R"("}]})";
}

QString tst_FileValidation::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

void tst_FileValidation::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Big enough for several 8 MB chunks (progress) and a run that takes a moment (cancel).
    QByteArray big;
    for (int i = 0; big.size() < 24 * 1024 * 1024; ++i)
        big += example(i) + '\n';
    m_big = write(QStringLiteral("big.jsonl"), big);
    QVERIFY(!m_big.isEmpty());
}

void tst_FileValidation::findingsOfABrokenFile()
{
    // The file tst_validate checks through the command line: the same findings here.
    QByteArray bytes = "\xEF\xBB\xBF";
    for (int i = 0; i < 9; ++i) {
        QByteArray line = example(i);
        if (i == 2)
            line.replace("\"assistant\"", "\"asistant\"");
        if (i == 5)
            line = "{\"messages\": [";
        bytes += line + "\r\n";
    }
    FileValidation result;
    const DatasetError error =
            validateFile(write(QStringLiteral("broken.jsonl"), bytes), {}, &result);
    QVERIFY(!error.isError());
    QCOMPARE(result.exampleCount(), 9);
    QCOMPARE(result.errorCount(), 5);
    QCOMPARE(result.warningCount(), 0);
    QStringList codes;
    for (const LintFinding &finding : result.findings())
        codes << QStringLiteral("%1:%2").arg(finding.line).arg(finding.code);
    QVERIFY2(codes.contains(QStringLiteral("6:invalid_json")), qPrintable(codes.join(u' ')));
    QVERIFY(codes.contains(QStringLiteral("3:unrecognized_role")));
    QVERIFY(codes.contains(QStringLiteral("1:bom")));
    QCOMPARE(result.counts.size(), 9);
    QCOMPARE(result.statistics.examples, 9);
}

void tst_FileValidation::dataAndFileGiveTheSameResult()
{
    QByteArray bytes;
    for (int i = 0; i < 20; ++i)
        bytes += example(i) + '\n';
    FileValidation fromFile;
    FileValidation fromData;
    QVERIFY(!validateFile(write(QStringLiteral("clean.jsonl"), bytes), {}, &fromFile).isError());
    QVERIFY(!validateData(bytes, {}, &fromData).isError());
    QCOMPARE(fromFile.exampleCount(), 20);
    QCOMPARE(fromData.exampleCount(), 20);
    QCOMPARE(fromFile.errorCount(), 0);
    QCOMPARE(fromData.errorCount(), 0);
    QCOMPARE(fromFile.statistics.totalTokens, fromData.statistics.totalTokens);
    QVERIFY(fromFile.statistics.totalTokens > 0);
}

void tst_FileValidation::countsAreTheEditorsCounts()
{
    // validate parses each line once (on all cores) instead of letting the reader summarise it
    // first: the per-example numbers stay those of the editor's reader and token counter.
    QByteArray bytes = "\xEF\xBB\xBF";
    const QList<QByteArray> lines = {example(1),
            R"({"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Yo"}]})",
            R"({"input":{"messages":[{"role":"user","content":"Q"}]},"preferred_output":)"
            R"([{"role":"assistant","content":"A"}],"non_preferred_output":)"
            R"([{"role":"assistant","content":"B"}]})",
            "{\"messages\": [", "42", "[1, 2]", "\xEF\xBB\xBF" + example(2),
            R"({"messages":[{"role":"system","content":"S"},{"role":"tool","content":"T"}]})"};
    for (const QByteArray &line : lines)
        bytes += line + "\n\n";
    FileValidation result;
    QVERIFY(!validateData(bytes, {}, &result).isError());
    const JsonlContents editor = JsonlReader::readAll(bytes);
    QCOMPARE(result.counts.size(), editor.summaries.size());
    const Tokenizer &tokenizer =
            Tokenizer::instance(Tokenizer::encodingForModel(LintOptions().model));
    for (qsizetype i = 0; i < result.counts.size(); ++i) {
        const ExampleCounts expected = ExampleCounts::of(editor.summaries.at(i));
        const ExampleCounts &got = result.counts.at(i);
        QCOMPARE(got.messages, expected.messages);
        QCOMPARE(got.roles, expected.roles);
        if (result.state.result(int(i)).parsed) {
            const ExampleTokens tokens =
                    countExampleTokens(Example::fromLine(editor.records.at(i).line), tokenizer);
            QCOMPARE(got.tokens, tokens.tokens);
            QCOMPARE(got.assistantTokens, tokens.assistantTokens);
        } else {
            QCOMPARE(got.tokens, -1);
        }
    }
}

void tst_FileValidation::backgroundRunReportsProgressAndResult()
{
    FileValidator validator;
    QSignalSpy finished(&validator, &FileValidator::finished);
    QSignalSpy progress(&validator, &FileValidator::progress);
    validator.start(m_big);
    QVERIFY(validator.isRunning());
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.size(), 1);
    QVERIFY(!validator.isRunning());
    QVERIFY2(!validator.error().isError(), qPrintable(validator.error().message));
    QVERIFY(!progress.isEmpty());
    const qint64 size = QFileInfo(m_big).size();
    QCOMPARE(progress.constLast().at(0).toLongLong(), size);
    QCOMPARE(progress.constLast().at(1).toLongLong(), size);
    FileValidation direct;
    QVERIFY(!validateFile(m_big, {}, &direct).isError());
    QCOMPARE(validator.result().exampleCount(), direct.exampleCount());
    QVERIFY(validator.result().exampleCount() > 100000);
    QCOMPARE(validator.errorCount(), 0);
}

void tst_FileValidation::cancelStopsTheRun()
{
    FileValidator validator;
    QSignalSpy finished(&validator, &FileValidator::finished);
    validator.start(m_big);
    validator.cancel();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.size(), 1);
    QVERIFY(validator.wasCancelled());
    QCOMPARE(validator.result().exampleCount(), 0);
}

void tst_FileValidation::restartDropsTheFirstRun()
{
    QByteArray small;
    for (int i = 0; i < 3; ++i)
        small += example(i) + '\n';
    const QString smallPath = write(QStringLiteral("small.jsonl"), small);
    FileValidator validator;
    QSignalSpy finished(&validator, &FileValidator::finished);
    validator.start(m_big);
    validator.start(smallPath);
    QVERIFY(finished.wait(60000));
    test::drainBackgroundWork(); // the replaced first run has returned: its result is dropped
    QCOMPARE(finished.size(), 1);
    QCOMPARE(validator.result().exampleCount(), 3);
}

void tst_FileValidation::missingFileIsAnError()
{
    FileValidator validator;
    QSignalSpy finished(&validator, &FileValidator::finished);
    validator.start(m_dir.filePath(QStringLiteral("nope.jsonl")));
    QVERIFY(finished.wait(10000));
    QCOMPARE(validator.error().kind, DatasetError::Kind::NotFound);
    QVERIFY(!validator.error().message.isEmpty());
    QVERIFY(!validator.wasCancelled());
}

void tst_FileValidation::nonRegularFilesRefused_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("device") << QStringLiteral("/dev/zero");
    QTest::newRow("random") << QStringLiteral("/dev/urandom");
    QTest::newRow("folder") << m_dir.path();
    // A pipe nobody writes to: opening it would block forever.
    const QString fifo = m_dir.filePath(QStringLiteral("pipe.jsonl"));
    if (!QFile::exists(fifo))
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QTest::newRow("fifo") << fifo;
}

void tst_FileValidation::nonRegularFilesRefused()
{
    // Before: "0 examples" for devices, and a FIFO blocked for ever (issue 13, finding 5).
    QFETCH(QString, path);
    FileValidation result;
    const DatasetError error = validateFile(path, {}, &result);
    QCOMPARE(error.kind, DatasetError::Kind::Unreadable);
    QVERIFY2(error.message.contains(QLatin1String("not an ordinary file")),
            qPrintable(error.message));

    DatasetError readError; // the editor's reader
    JsonlReader::readFile(path, &readError);
    QCOMPARE(readError.message, error.message);
    DatasetError importError; // every importer
    TabularReader::read(path, TabularReader::Format::Csv, &importError);
    QCOMPARE(importError.message, error.message);
}

void tst_FileValidation::procFileIsReadNotEmpty()
{
    // Files in /proc say their size is 0; they are read all the same (here: not JSON).
    FileValidation result;
    QVERIFY(!validateFile(QStringLiteral("/proc/self/status"), {}, &result).isError());
    QVERIFY(result.exampleCount() > 3);
    QCOMPARE(result.findings(1).value(0).code, QStringLiteral("invalid_json"));
}

void tst_FileValidation::utf16IsOneFinding()
{
    QByteArray text;
    for (int i = 0; i < 20; ++i)
        text += example(i) + '\n';
    const QString utf16 = QString::fromUtf8(text);
    QByteArray le("\xFF\xFE");
    le.append(reinterpret_cast<const char *>(utf16.utf16()), utf16.size() * 2);
    QByteArray beNoBom;
    for (const QChar c : utf16)
        beNoBom.append(char(c.unicode() >> 8)).append(char(c.unicode() & 0xff));
    for (const QByteArray &bytes : {le, beNoBom}) {
        const QString path = write(QStringLiteral("utf16.jsonl"), bytes);
        FileValidation result;
        QVERIFY(!validateFile(path, {}, &result).isError());
        const LintFindings findings = result.findings();
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.at(0).code, QStringLiteral("utf16"));
        QVERIFY(findings.at(0).message.contains(QLatin1String("UTF-8")));
        QCOMPARE(result.errorCount(), 1);

        // The editor refuses it with the same advice rather than showing broken lines.
        DatasetError error;
        QVERIFY(JsonlReader::readFile(path, &error).records.isEmpty());
        QCOMPARE(error.kind, DatasetError::Kind::BadFormat);
        QVERIFY2(error.message.contains(QLatin1String("save it as UTF-8")),
                qPrintable(error.message));
    }
}

void tst_FileValidation::nulCharacterIsAFinding()
{
    QByteArray text;
    for (int i = 0; i < 12; ++i)
        text += example(i) + '\n';
    text += R"({"messages":[{"role":"user","content":"a\u0000b"},{"role":"assistant","content":"c"}]})"
            "\n";
    // An escaped backslash before "u0000" is no NUL.
    text += R"({"messages":[{"role":"user","content":"a\\u0000b"},{"role":"assistant","content":"d"}]})"
            "\n";
    FileValidation result;
    QVERIFY(!validateData(text, {}, &result).isError());
    const LintFindings findings = result.findings();
    int nul = 0;
    for (const LintFinding &finding : findings) {
        if (finding.code == QLatin1String("nul_character")) {
            ++nul;
            QCOMPARE(finding.line, 13);
            QVERIFY(finding.isError());
        }
    }
    QCOMPARE(nul, 1);
}

void tst_FileValidation::overlongLineReportedNotParsed()
{
    // Issue 13, finding 4: a huge line took 58 times its size. Beyond what any model accepts it is
    // reported as such and not parsed; image data does not count as text.
    const QByteArray longText(Linter::kMaxExampleTextBytes + 1, 'a');
    const QByteArray overlong = R"({"messages":[{"role":"user","content":")" + longText
            + R"("},{"role":"assistant","content":"ok"}]})";
    const QByteArray image = R"({"messages":[{"role":"user","content":[{"type":"image_url",)"
                             R"("image_url":{"url":"data:image/png;base64,)"
            + QByteArray(Linter::kMaxExampleTextBytes + 1000, 'A')
            + R"("}}]},{"role":"assistant","content":"a cat"}]})";
    QByteArray text;
    for (int i = 0; i < 12; ++i)
        text += example(i) + '\n';
    text += overlong + '\n' + image + '\n';
    FileValidation result;
    QVERIFY(!validateData(text, {}, &result).isError());
    QStringList codes13;
    QStringList codes14;
    for (const LintFinding &finding : result.findings()) {
        if (finding.line == 13)
            codes13 << finding.code;
        if (finding.line == 14)
            codes14 << finding.code;
    }
    QCOMPARE(codes13, QStringList {QStringLiteral("line_too_long")});
    QVERIFY2(!codes14.contains(QLatin1String("line_too_long")), qPrintable(codes14.join(u',')));

    // The editor's reader keeps the line as it is, with the same words, without parsing it.
    const JsonlContents contents = JsonlReader::readAll(text);
    QCOMPARE(contents.records.size(), 14);
    QCOMPARE(contents.records.at(12).line, overlong);
    QCOMPARE(contents.issues.size(), 1);
    QCOMPARE(contents.issues.at(0).line, 13);
    QVERIFY(contents.issues.at(0).message.contains(QLatin1String("far more than the service")));
}

QTEST_GUILESS_MAIN(tst_FileValidation)
#include "tst_filevalidation.moc"
