// SPDX-License-Identifier: GPL-3.0-or-later
#include "datasetdocument.h"
#include "examplesmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fs;

namespace {

Example chat(const QString &user, const QString &assistant, const QString &system = {})
{
    Messages m;
    if (!system.isEmpty())
        m.append(Message(QStringLiteral("system"), system));
    m.append(Message(QStringLiteral("user"), user));
    m.append(Message(QStringLiteral("assistant"), assistant));
    return Example::chat(m);
}

} // namespace

class tst_DatasetModel : public QObject
{
    Q_OBJECT

private slots:
    void columnsFromSummaries()
    {
        DatasetDocument doc;
        doc.setAutosaveDelay(0);
        QVERIFY(!doc.open(QStringLiteral(FS_TEST_DATA_DIR "/dataset/invalid_lines.jsonl"))
                         .isError());
        ExamplesModel model;
        QAbstractItemModelTester tester(
                &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDocument(&doc);
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.columnCount(), 4);
        QCOMPARE(model.index(0, ExamplesModel::PreviewColumn).data().toString(),
                QStringLiteral("ok"));
        QCOMPARE(model.index(0, ExamplesModel::MessagesColumn).data().toInt(), 2);
        QCOMPARE(model.index(0, ExamplesModel::TokensColumn).data().toString(),
                QString()); // not counted
        QCOMPARE(
                model.index(0, ExamplesModel::TokensColumn).data(ExamplesModel::TokensRole).toInt(),
                -1);
        QVERIFY(model.index(1, ExamplesModel::PreviewColumn)
                        .data()
                        .toString()
                        .startsWith(QLatin1String("(not valid JSON)")));
        QCOMPARE(model.index(2, ExamplesModel::PreviewColumn).data().toString(),
                QStringLiteral("(empty example)"));
        QCOMPARE(model.index(1, 0).data(ExamplesModel::FormatRole).toInt(),
                int(Example::Format::InvalidJson));
        QCOMPARE(model.index(5, 0).data(ExamplesModel::LineRole).toInt(), 6);
        QCOMPARE(model.index(5, 0).data(ExamplesModel::ExampleIdRole).toULongLong(),
                doc.exampleId(5));
        QCOMPARE(model.headerData(ExamplesModel::TokensColumn, Qt::Horizontal).toString(),
                QStringLiteral("Tokens"));
        doc.setIssueCounts(0, 2, 1);
        QCOMPARE(model.index(0, ExamplesModel::IssuesColumn).data().toString(),
                QStringLiteral("2 errors, 1 warning"));
        QCOMPARE(model.index(0, 0).data(ExamplesModel::ErrorsRole).toInt(), 2);
        doc.setIssueCounts(0, 1, 0);
        QCOMPARE(model.index(0, ExamplesModel::IssuesColumn).data().toString(),
                QStringLiteral("1 error"));
        doc.setTokenCounts(0, 70000, 10);
        QCOMPARE(model.index(0, ExamplesModel::TokensColumn).data().toInt(), 70000);
        QVERIFY(model.index(0, 0).data(ExamplesModel::OverLimitRole).toBool());
        QVERIFY(!model.index(0, ExamplesModel::TokensColumn)
                         .data(Qt::ToolTipRole)
                         .toString()
                         .isEmpty());
        model.setTokenLimit(100000);
        QVERIFY(!model.index(0, 0).data(ExamplesModel::OverLimitRole).toBool());
    }

    void followsEveryDocumentChange()
    {
        DatasetDocument doc;
        doc.setAutosaveDelay(0);
        ExamplesModel model;
        QAbstractItemModelTester tester(
                &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ExamplesFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester filterTester(
                &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDocument(&doc);
        QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
        for (int i = 0; i < 5; ++i)
            doc.appendExample(chat(QStringLiteral("q%1").arg(i), QStringLiteral("a%1").arg(i)));
        QCOMPARE(model.rowCount(), 5);
        doc.insertExample(0, chat(QStringLiteral("first"), QStringLiteral("x")));
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("first"));
        doc.moveExample(0, 5);
        QCOMPARE(model.index(5, 0).data().toString(), QStringLiteral("first"));
        doc.moveExample(5, 2);
        QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("first"));
        doc.setMessageText(2, 0, QStringLiteral("renamed"));
        QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("renamed"));
        QVERIFY(!dataChanged.isEmpty());
        doc.removeExamples({0, 2, 4});
        QCOMPARE(model.rowCount(), 3);
        doc.duplicateExample(0);
        QCOMPARE(model.rowCount(), 4);
        while (doc.undoStack()->canUndo())
            doc.undoStack()->undo();
        QCOMPARE(model.rowCount(), 0);
        while (doc.undoStack()->canRedo())
            doc.undoStack()->redo();
        QCOMPARE(model.rowCount(), 4);
        doc.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(filter.rowCount(), 0);
    }

    void backgroundLoadUnderTheTester()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("m.jsonl"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        for (int i = 0; i < 3000; ++i)
            f.write(chat(QStringLiteral("question %1").arg(i), QStringLiteral("answer")).toLine()
                    + '\n');
        f.close();
        DatasetDocument doc;
        doc.setAutosaveDelay(0);
        ExamplesModel model;
        QAbstractItemModelTester tester(
                &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDocument(&doc);
        QSignalSpy finished(&doc, &DatasetDocument::loadFinished);
        doc.openAsync(path);
        QVERIFY(finished.wait(10000));
        QCOMPARE(model.rowCount(), 3000);
        QCOMPARE(model.index(2999, 0).data().toString(), QStringLiteral("question 2999"));
    }

    void documentDestroyedEmptiesTheModel()
    {
        auto doc = std::make_unique<DatasetDocument>();
        doc->setAutosaveDelay(0);
        doc->appendExample();
        ExamplesModel model;
        QAbstractItemModelTester tester(
                &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDocument(doc.get());
        QCOMPARE(model.rowCount(), 1);
        doc.reset();
        QCOMPARE(model.rowCount(), 0);
    }

    void filters()
    {
        DatasetDocument doc;
        doc.setAutosaveDelay(0);
        doc.appendExample(chat(QStringLiteral("Where is my ORDER?"), QStringLiteral("On its way."),
                QStringLiteral("Support")));
        doc.appendExample(
                chat(QStringLiteral("日本語で注文"), QStringLiteral("はい、注文を確認します。")));
        doc.appendExample(
                chat(QStringLiteral("Refund please"), QStringLiteral("Done \"quoted\" order")));
        Messages toolTurn {Message(QStringLiteral("user"), QStringLiteral("weather")),
                Message(QStringLiteral("tool"), QStringLiteral("18C"))};
        doc.appendExample(Example::chat(toolTurn));
        doc.setIssueCounts({1, 0, 0, 0}, {0, 2, 0, 0});
        doc.setTokenCounts({doc.exampleId(0), doc.exampleId(1), doc.exampleId(2), doc.exampleId(3)},
                {10, 500, 20, 30}, {1, 1, 1, 1});
        ExamplesModel model;
        model.setDocument(&doc);
        model.setTokenLimit(100);
        ExamplesFilterModel filter;
        QAbstractItemModelTester tester(
                &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSourceModel(&model);
        QCOMPARE(filter.rowCount(), 4);
        QVERIFY(!filter.isFiltering());

        filter.setText(QStringLiteral("order"));
        QVERIFY(filter.isFiltering());
        QCOMPARE(filter.rowCount(), 2); // case-insensitive, any message
        QCOMPARE(filter.sourceRows({filter.index(0, 0), filter.index(1, 0), filter.index(1, 2)}),
                (QList<int> {0, 2}));
        filter.setText(QStringLiteral("messages")); // a JSON key, not text
        QCOMPARE(filter.rowCount(), 0);
        filter.setText(QStringLiteral("注文を"));
        QCOMPARE(filter.rowCount(), 1);
        filter.setText(QStringLiteral("\"quoted\""));
        QCOMPARE(filter.rowCount(), 1);
        filter.setText(QString());

        filter.setRole(QStringLiteral("system"));
        QCOMPARE(filter.rowCount(), 1);
        filter.setRole(QStringLiteral("tool"));
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.sourceRows({filter.index(0, 0)}), QList<int> {3});
        filter.setRole(QString());

        filter.setOnlyWithErrors(true);
        QCOMPARE(filter.rowCount(), 1);
        filter.setOnlyWithErrors(false);
        filter.setOnlyWithIssues(true);
        QCOMPARE(filter.rowCount(), 2);
        filter.setOnlyWithIssues(false);

        filter.setOnlyOverLimit(true);
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.sourceRows({filter.index(0, 0)}), QList<int> {1});
        // Combined (AND).
        filter.setText(QStringLiteral("order"));
        QCOMPARE(filter.rowCount(), 0);
        filter.setOnlyOverLimit(false);
        // Live: an edit that makes a row match shows it.
        doc.setMessageText(3, 0, QStringLiteral("my order"));
        QCOMPARE(filter.rowCount(), 3);
    }

    void aMillionRowsStayCheap()
    {
        // data() must not parse: a million one-line examples, reading every row's columns.
        DatasetDocument doc;
        doc.setAutosaveDelay(0);
        QByteArray data;
        const QByteArray line = chat(QStringLiteral("q"), QStringLiteral("a")).toLine() + '\n';
        data.reserve(line.size() * 1000000);
        for (int i = 0; i < 1000000; ++i)
            data += line;
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("million.jsonl")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
        f.close();
        QVERIFY(!doc.open(f.fileName()).isError());
        ExamplesModel model;
        model.setDocument(&doc);
        QCOMPARE(model.rowCount(), 1000000);
        // Every row answers (how fast is bench_editor's figure, not this test's).
        qint64 sum = 0;
        for (int r = 0; r < 1000000; r += 1)
            sum += model.index(r, ExamplesModel::MessagesColumn).data().toInt();
        QCOMPARE(sum, 2000000);
    }
};

QTEST_GUILESS_MAIN(tst_DatasetModel)
#include "tst_datasetmodel.moc"
