// SPDX-License-Identifier: GPL-3.0-or-later
#include "datasetdocument.h"
#include "datasetexport.h"
#include "datasetimport.h"
#include "linter.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace fs;

namespace {
QString data(const char *name)
{
    return QStringLiteral(FS_TEST_DATA_DIR "/dataset/") + QString::fromLatin1(name);
}
QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class tst_Import : public QObject
{
    Q_OBJECT

private slots:
    void csvRfc4180_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<QStringList>>("records");
        QTest::newRow("plain") << QStringLiteral("a,b\n1,2\n")
                               << QList<QStringList> {{"a", "b"}, {"1", "2"}};
        QTest::newRow("no final newline")
                << QStringLiteral("a,b\n1,2") << QList<QStringList> {{"a", "b"}, {"1", "2"}};
        QTest::newRow("CRLF") << QStringLiteral("a,b\r\n1,2\r\n")
                              << QList<QStringList> {{"a", "b"}, {"1", "2"}};
        QTest::newRow("quoted separator")
                << QStringLiteral("\"x,y\",z") << QList<QStringList> {{"x,y", "z"}};
        QTest::newRow("doubled quotes") << QStringLiteral("\"say \"\"hi\"\"\",2")
                                        << QList<QStringList> {{"say \"hi\"", "2"}};
        QTest::newRow("embedded newline") << QStringLiteral("\"l1\nl2\",b\nc,d")
                                          << QList<QStringList> {{"l1\nl2", "b"}, {"c", "d"}};
        QTest::newRow("embedded CRLF kept")
                << QStringLiteral("\"l1\r\nl2\",b") << QList<QStringList> {{"l1\r\nl2", "b"}};
        QTest::newRow("empty fields") << QStringLiteral(",,\n\"\",x,")
                                      << QList<QStringList> {{"", "", ""}, {"", "x", ""}};
        QTest::newRow("blank lines skipped")
                << QStringLiteral("a\n\n\nb\n") << QList<QStringList> {{"a"}, {"b"}};
        QTest::newRow("BOM") << QStringLiteral("\uFEFFa,b") << QList<QStringList> {{"a", "b"}};
        QTest::newRow("unterminated quote")
                << QStringLiteral("\"abc\ndef") << QList<QStringList> {{"abc\ndef"}};
        QTest::newRow("unicode") << QStringLiteral("日本,🗼") << QList<QStringList> {{"日本", "🗼"}};
    }
    void csvRfc4180()
    {
        QFETCH(QString, text);
        QFETCH(QList<QStringList>, records);
        QCOMPARE(TabularReader::parseDelimited(text, QLatin1Char(',')), records);
    }

    void csvFileWithHeader()
    {
        DatasetError error;
        const TabularData t =
                TabularReader::read(data("people.csv"), TabularReader::Format::Csv, &error);
        QVERIFY(!error.isError());
        QCOMPARE(t.columns, (QStringList {"dialogue", "summary", "topic"}));
        QCOMPARE(t.rows.size(), 4);
        QCOMPARE(t.rows.at(0).at(0),
                QStringLiteral("Amanda: I baked cookies. Do you want some?\r\nJerry: Sure!"));
        QCOMPARE(t.rows.at(1).at(0), QStringLiteral("He said \"hi\", then left"));
        QCOMPARE(t.rows.at(1).at(2), QStringLiteral("greetings, misc"));
        QCOMPARE(t.rows.at(2).at(1), QString());
        QCOMPARE(t.rows.at(3).at(1), QStringLiteral("multi\nline\nsummary"));
        QCOMPARE(t.sourceLines, (QList<int> {2, 4, 5, 7}));
    }

    void tsvJsonJsonl()
    {
        DatasetError error;
        const TabularData tsv = TabularReader::read(
                data("qa.tsv"), TabularReader::formatForPath(data("qa.tsv")), &error);
        QCOMPARE(tsv.columns, (QStringList {"question", "answer"}));
        QCOMPARE(tsv.rows.size(), 3);
        QCOMPARE(tsv.rows.at(1).at(0), QStringLiteral("Tab\tinside"));
        QCOMPARE(tsv.rows.at(2).at(1), QString());

        const TabularData json =
                TabularReader::read(data("qa.json"), TabularReader::Format::Json, &error);
        QVERIFY(!error.isError());
        QCOMPARE(json.columns, (QStringList {"answer", "n", "question", "extra"}));
        QCOMPARE(json.rows.size(), 3);
        QCOMPARE(json.rows.at(0).at(1), QStringLiteral("1"));
        QCOMPARE(json.rows.at(1).at(3), QStringLiteral("true"));
        QCOMPARE(json.readErrors.size(), 1);
        QCOMPARE(json.sourceLines, (QList<int> {1, 2, 4}));

        const TabularData bad = TabularReader::fromJsonArray("{\"not\":\"array\"}", &error);
        QCOMPARE(error.kind, DatasetError::Kind::BadFormat);
        QVERIFY(bad.rows.isEmpty());

        const TabularData jsonl =
                TabularReader::read(data("qa.jsonl"), TabularReader::Format::Jsonl, &error);
        QCOMPARE(jsonl.rows.size(), 3);
        QCOMPARE(jsonl.readErrors.size(), 1);
        QCOMPARE(jsonl.sourceLines, (QList<int> {1, 2, 5}));
        QCOMPARE(jsonl.rows.at(1).at(jsonl.columns.indexOf(QStringLiteral("note"))),
                QString()); // null

        QCOMPARE(TabularReader::formatForPath(QStringLiteral("x.TSV")), TabularReader::Format::Tsv);
        QCOMPARE(TabularReader::formatForPath(QStringLiteral("x.ndjson")),
                TabularReader::Format::Jsonl);
        TabularReader::read(data("missing.csv"), TabularReader::Format::Csv, &error);
        QCOMPARE(error.kind, DatasetError::Kind::NotFound);
    }

    void templates()
    {
        QCOMPARE(ImportMapping::placeholders(
                         QStringLiteral("Summarize.\n{dialogue} and { topic }, {{literal}}")),
                (QStringList {"dialogue", "topic"}));
        QStringList missing, empty;
        const QString filled = ImportMapping::fill(QStringLiteral("A {x} B {{y}} {nope} {e}"),
                {"x", "e"}, {"1", " "}, &missing, &empty);
        QCOMPARE(filled, QStringLiteral("A 1 B {y}   "));
        QCOMPARE(missing, QStringList {"nope"});
        QCOMPARE(empty, QStringList {"e"});
    }

    void convertWithMapping()
    {
        DatasetError error;
        const TabularData t =
                TabularReader::read(data("people.csv"), TabularReader::Format::Csv, &error);
        ImportMapping m;
        m.systemTemplate = QStringLiteral("You summarise chats about {topic}.");
        m.userTemplate = QStringLiteral("Summarize the following conversation.\n{dialogue}");
        m.assistantTemplate = QStringLiteral("{summary}");
        const ImportResult r = DatasetImporter::convert(t, m);
        QCOMPARE(r.examples.size(), 3);
        QCOMPARE(r.exampleRows, (QList<int> {0, 1, 3}));
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.errors.first().row, 2);
        QCOMPARE(r.errors.first().sourceLine, 5);
        QCOMPARE(r.errors.first().message, QStringLiteral("Row 3: the column “summary” is empty."));
        const Example e = r.examples.first();
        QCOMPARE(e.messageCount(), 3);
        QCOMPARE(e.message(0).text(), QStringLiteral("You summarise chats about food."));
        QCOMPARE(e.message(1).text(),
                QStringLiteral("Summarize the following conversation.\nAmanda: I baked cookies. Do "
                               "you want some?\r\nJerry: Sure!"));
        QCOMPARE(e.message(2).role(), QStringLiteral("assistant"));
        QCOMPARE(e.message(2).text(),
                QStringLiteral("Amanda baked cookies and will bring Jerry some."));

        // Preview: only the first rows.
        const ImportResult p = DatasetImporter::preview(t, m, 2);
        QCOMPARE(p.examples.size(), 2);
        QVERIFY(p.errors.isEmpty());

        // A missing column is an error on every row; no system template: no system message.
        m.systemTemplate.clear();
        m.assistantTemplate = QStringLiteral("{answer}");
        const ImportResult bad = DatasetImporter::convert(t, m);
        QCOMPARE(bad.examples.size(), 0);
        QCOMPARE(bad.errors.size(), 4);
        QCOMPARE(bad.errors.first().message, QStringLiteral("Row 1: there is no column “answer”."));
        // Fixed text that comes out empty.
        m.assistantTemplate = QStringLiteral("   ");
        QCOMPARE(DatasetImporter::convert(t, m).errors.first().message,
                QStringLiteral("Row 1: the assistant message is empty."));
        m.assistantTemplate = QStringLiteral("{summary}");
        QCOMPARE(DatasetImporter::convert(t, m).examples.first().message(0).role(),
                QStringLiteral("user"));
    }

    void splitIsDeterministicAndDisjoint_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<double>("ratio");
        QTest::addColumn<int>("validation");
        QTest::newRow("100 @ 0.2") << 100 << 0.2 << 20;
        QTest::newRow("10 @ 0.15") << 10 << 0.15 << 2; // round(1.5) = 2
        QTest::newRow("3 @ 0.01: at least one") << 3 << 0.01 << 1;
        QTest::newRow("3 @ 0.99: at least one training") << 3 << 0.99 << 2;
        QTest::newRow("ratio 0") << 5 << 0.0 << 0;
        QTest::newRow("ratio 1") << 5 << 1.0 << 5;
        QTest::newRow("one example") << 1 << 0.5 << 1;
        QTest::newRow("empty") << 0 << 0.2 << 0;
    }
    void splitIsDeterministicAndDisjoint()
    {
        QFETCH(int, count);
        QFETCH(double, ratio);
        QFETCH(int, validation);
        const DatasetSplit a = DatasetSplit::make(count, ratio, 1234);
        const DatasetSplit b = DatasetSplit::make(count, ratio, 1234);
        QCOMPARE(a.training, b.training);
        QCOMPARE(a.validation, b.validation);
        QCOMPARE(a.validation.size(), validation);
        QCOMPARE(a.training.size() + a.validation.size(), count);
        QSet<int> all;
        for (int r : a.training)
            all.insert(r);
        for (int r : a.validation)
            QVERIFY(!all.contains(r));
        for (int r : a.validation)
            all.insert(r);
        QCOMPARE(all.size(), count);
        QVERIFY(std::is_sorted(a.training.begin(), a.training.end()));
    }

    void splitDependsOnTheSeedOnly()
    {
        const DatasetSplit a = DatasetSplit::make(1000, 0.1, 1);
        const DatasetSplit b = DatasetSplit::make(1000, 0.1, 2);
        QVERIFY(a.validation != b.validation);
        // Pinned values: the shuffle is ours over std::mt19937, identical everywhere.
        QCOMPARE(DatasetSplit::make(10, 0.3, 42).validation,
                DatasetSplit::make(10, 0.3, 42).validation);
        QCOMPARE(DatasetSplit::make(10, 0.3, 42).validation.size(), 3);
    }

    void tooFewTrainingExamplesIsTheLintersRule()
    {
        // The same minimum as the linter's too_few_examples finding.
        QCOMPARE(DatasetSplit::minimumTrainingExamples(), Linter::kMinimumExamples);
        QVERIFY(!Linter::countFindings(DatasetSplit::minimumTrainingExamples()).size());
        QCOMPARE(Linter::countFindings(DatasetSplit::minimumTrainingExamples() - 1).first().code,
                QStringLiteral("too_few_examples"));
        // 12 examples, 20 % held out: 10 left to train on, accepted; 25 %: 9, refused.
        QVERIFY(!DatasetSplit::make(12, 0.2, 42).hasTooFewForTraining());
        QCOMPARE(DatasetSplit::make(12, 0.25, 42).training.size(), 9);
        QVERIFY(DatasetSplit::make(12, 0.25, 42).hasTooFewForTraining());
        QVERIFY(DatasetSplit::make(0, 0.2, 42).hasTooFewForTraining());
    }

    void exportSplitAndSelection()
    {
        DatasetDocument doc;
        doc.setAutosaveDelay(0);
        QVERIFY(!doc.open(data("chat_mixed.jsonl")).isError());
        QTemporaryDir dir;
        const DatasetSplit split = DatasetSplit::make(doc.count(), 0.4, 7);
        const QString train = dir.filePath(QStringLiteral("train.jsonl"));
        const QString valid = dir.filePath(QStringLiteral("valid.jsonl"));
        QVERIFY(!DatasetExporter::exportSplit(doc, split, train, valid).isError());
        const QList<QByteArray> trainLines = fileBytes(train).split('\n');
        const QList<QByteArray> validLines = fileBytes(valid).split('\n');
        QCOMPARE(trainLines.size() - 1, split.training.size());
        QCOMPARE(validLines.size() - 1, split.validation.size());
        for (int i = 0; i < split.training.size(); ++i)
            QCOMPARE(trainLines.at(i), doc.line(split.training.at(i)));
        for (int i = 0; i < split.validation.size(); ++i)
            QCOMPARE(validLines.at(i), doc.line(split.validation.at(i)));

        const QString sel = dir.filePath(QStringLiteral("sel.jsonl"));
        QVERIFY(!DatasetExporter::exportRows(doc, {3, 0}, sel).isError());
        QCOMPARE(fileBytes(sel), doc.line(3) + '\n' + doc.line(0) + '\n');

        // An unwritable second file: nothing is written at all.
        const QString train2 = dir.filePath(QStringLiteral("train2.jsonl"));
        const DatasetError error = DatasetExporter::exportSplit(
                doc, split, train2, dir.filePath(QStringLiteral("train.jsonl/x/valid.jsonl")));
        QCOMPARE(error.kind, DatasetError::Kind::NotWritable);
        QVERIFY(!QFile::exists(train2));
    }

    void importIntoDocumentIsOneUndoStep()
    {
        DatasetError error;
        const TabularData t =
                TabularReader::read(data("qa.tsv"), TabularReader::Format::Tsv, &error);
        ImportMapping m;
        m.userTemplate = QStringLiteral("{question}");
        m.assistantTemplate = QStringLiteral("{answer}");
        const ImportResult r = DatasetImporter::convert(t, m);
        QCOMPARE(r.examples.size(), 2);
        QCOMPARE(r.errors.size(), 1);
        DatasetDocument doc;
        doc.setAutosaveDelay(0);
        doc.insertExamples(0, r.examples);
        QCOMPARE(doc.count(), 2);
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Add 2 examples"));
        QCOMPARE(doc.line(0),
                QByteArray("{\"messages\":[{\"role\":\"user\",\"content\":\"What is "
                           "2+2?\"},{\"role\":\"assistant\",\"content\":\"4\"}]}"));
    }
};

QTEST_GUILESS_MAIN(tst_Import)
#include "tst_import.moc"
