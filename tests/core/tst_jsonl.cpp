// SPDX-License-Identifier: GPL-3.0-or-later
#include "datasetdocument.h"
#include "jsonl.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sys/resource.h>

using namespace fs;

class tst_Jsonl : public QObject
{
    Q_OBJECT

private:
    static QString data(const char *name)
    {
        return QStringLiteral(FS_TEST_DATA_DIR "/dataset/") + QString::fromLatin1(name);
    }
    static QByteArray bytes(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return f.readAll();
    }

private slots:
    void roundTripIsByteIdentical_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("unknown keys, odd order, unicode, 1.0") << data("chat_mixed.jsonl");
        QTest::newRow("preference") << data("dpo.jsonl");
        QTest::newRow("BOM, CRLF, blank lines, no final newline") << data("bom_crlf_blank.jsonl");
        QTest::newRow("invalid lines kept") << data("invalid_lines.jsonl");
        QTest::newRow("sandbox sample")
                << QStringLiteral(FS_TEST_DATA_DIR "/sandbox/train_good.jsonl");
    }
    void roundTripIsByteIdentical()
    {
        QFETCH(QString, file);
        const QByteArray original = bytes(file);
        QVERIFY(!original.isEmpty());
        DatasetDocument doc;
        doc.setAutosaveDelay(0);
        QVERIFY(!doc.open(file).isError());
        QCOMPARE(doc.toBytes(), original);
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("out.jsonl"));
        QVERIFY(!doc.saveAs(out).isError());
        QCOMPARE(bytes(out), original);
        QVERIFY(!doc.isModified());
    }

    void bomCrlfAndBlankLines()
    {
        const JsonlContents c = JsonlReader::readAll(bytes(data("bom_crlf_blank.jsonl")));
        QVERIFY(c.bom);
        QCOMPARE(c.records.size(), 3);
        QVERIFY(c.issues.isEmpty());
        QCOMPARE(c.records.at(0).end, LineEnd::CrLf);
        QCOMPARE(c.records.at(0).line.right(2), QByteArray("]}")); // no \r kept in the line
        QCOMPARE(c.records.at(1).leading, QByteArray("\r\n  \r\n"));
        QCOMPARE(c.records.at(2).end, LineEnd::None);
        QCOMPARE(c.records.at(0).sourceLine, 1);
        QCOMPARE(c.records.at(1).sourceLine, 4);
        QCOMPARE(c.records.at(2).sourceLine, 5);
        QVERIFY(c.trailing.isEmpty());
        const Example e = Example::fromLine(c.records.at(0).line);
        QVERIFY(e.isChat());
        QCOMPARE(e.message(0).text(), QStringLiteral("a"));
    }

    void invalidLinesAreReportedAndKept()
    {
        DatasetDocument doc;
        doc.setAutosaveDelay(0);
        QVERIFY(!doc.open(data("invalid_lines.jsonl")).isError());
        QCOMPARE(doc.count(), 6);
        QCOMPARE(doc.loadIssues().size(), 1);
        const JsonlIssue issue = doc.loadIssues().first();
        QCOMPARE(issue.line, 2);
        QCOMPARE(issue.row, 1);
        QVERIFY(!issue.parserError.isEmpty());
        QVERIFY(issue.message.contains(QLatin1String("Line 2")));
        QCOMPARE(doc.example(1).format(), Example::Format::InvalidJson);
        QCOMPARE(doc.example(1).invalidLine(),
                QByteArray("{\"messages\":[{\"role\":\"user\",\"content\":\"broken\"}"));
        QCOMPARE(doc.example(2).format(), Example::Format::NotObject);
        QCOMPARE(doc.example(3).format(), Example::Format::NotObject);
        QCOMPARE(doc.example(4).format(), Example::Format::Other);
        QCOMPARE(doc.example(5).message(1).text(), QStringLiteral("one"));
        QCOMPARE(doc.sourceLine(2), 4); // after the blank line 3
        // Reading does not stop at the bad line.
        QCOMPARE(doc.summary(5).preview, QStringLiteral("last"));
    }

    void chunkedReadingMatchesWholeRead()
    {
        for (const char *name :
                {"bom_crlf_blank.jsonl", "invalid_lines.jsonl", "chat_mixed.jsonl"}) {
            const QByteArray all = bytes(data(name));
            const JsonlContents whole = JsonlReader::readAll(all);
            for (const int chunk : {1, 2, 3, 7, 64}) {
                JsonlReader reader;
                for (qsizetype i = 0; i < all.size(); i += chunk)
                    reader.addData(
                            QByteArrayView(all).sliced(i, qMin<qsizetype>(chunk, all.size() - i)));
                reader.finish();
                QList<JsonlRecord> records;
                QList<ExampleSummary> summaries;
                reader.takeRecords(&records, &summaries);
                QCOMPARE(reader.hasBom(), whole.bom);
                QCOMPARE(records.size(), whole.records.size());
                QCOMPARE(JsonlWriter::serialize(reader.hasBom(), records, reader.trailing()), all);
            }
        }
    }

    void tinyAndEmptyFiles()
    {
        QCOMPARE(JsonlReader::readAll(QByteArray()).records.size(), 0);
        const JsonlContents bomOnly = JsonlReader::readAll(QByteArray("\xEF\xBB\xBF"));
        QVERIFY(bomOnly.bom);
        QCOMPARE(bomOnly.records.size(), 0);
        const JsonlContents two = JsonlReader::readAll(QByteArray("{}"));
        QCOMPARE(two.records.size(), 1);
        QCOMPARE(two.records.first().end, LineEnd::None);
        const JsonlContents blanks = JsonlReader::readAll(QByteArray("\n\n  \n"));
        QCOMPARE(blanks.records.size(), 0);
        QCOMPARE(JsonlWriter::serialize(false, blanks.records, blanks.trailing),
                QByteArray("\n\n  \n"));
    }

    void editedExampleIsReserialisedAlone()
    {
        const QByteArray original = bytes(data("chat_mixed.jsonl"));
        DatasetDocument doc;
        doc.setAutosaveDelay(0);
        QVERIFY(!doc.open(data("chat_mixed.jsonl")).isError());
        doc.setMessageText(1, 1, QStringLiteral("東京です"));
        const QList<QByteArray> before = original.split('\n');
        const QList<QByteArray> after = doc.toBytes().split('\n');
        QCOMPARE(after.size(), before.size());
        for (int i = 0; i < before.size(); ++i) {
            if (i != 1)
                QCOMPARE(after.at(i), before.at(i));
        }
        const QByteArray edited = after.at(1);
        QVERIFY(edited != before.at(1));
        // Known keys first in a fixed order, unknown keys kept, numbers as JSON numbers.
        QVERIFY(edited.startsWith(
                "{\"messages\":[{\"role\":\"user\",\"content\":\"日本の首都は？\",\"x_note\":"
                "\"keep me\"},{\"role\":\"assistant\",\"content\":\"東京です\",\"weight\":0}]"));
        QVERIFY(edited.contains("\"zzz_custom\":{\"a\":1,\"b\":2}"));
        QVERIFY(edited.contains("\"metadata\":{\"ids\":[1,2.5,300],\"score\":1}"));
        QVERIFY(!edited.contains('\n'));
        // Undo gives the original bytes back.
        doc.undoStack()->undo();
        QCOMPARE(doc.toBytes(), original);
    }

    void escapingOfEditedStrings()
    {
        Example e = Example::chat({Message(
                QStringLiteral("user"), QStringLiteral("tab\tquote\" back\\ nl\n ctl\x01 é 🗼"))});
        const QByteArray line = e.toLine();
        QCOMPARE(line,
                QByteArray("{\"messages\":[{\"role\":\"user\",\"content\":\"tab\\tquote\\\" "
                           "back\\\\ nl\\n ctl\\u0001 é 🗼\"}]}"));
        QCOMPARE(Example::fromLine(line), e);
    }

    void saveIntoMissingFolderFails()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("afile")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        DatasetDocument doc;
        doc.setAutosaveDelay(0);
        doc.appendExample(Example::chat({Message(QStringLiteral("user"), QStringLiteral("x"))}));
        const DatasetError error = doc.saveAs(dir.filePath(QStringLiteral("afile/sub/out.jsonl")));
        QCOMPARE(error.kind, DatasetError::Kind::NotWritable);
        QVERIFY(!error.message.isEmpty());
        QVERIFY(doc.isModified());
        QVERIFY(doc.filePath().isEmpty());
    }

    void fullDiskLeavesOriginalUntouched()
    {
        // RLIMIT_FSIZE makes writes past the limit fail with EFBIG, exactly like a full disk.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("data.jsonl"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"messages\":[]}\n");
        f.close();
        DatasetDocument doc;
        doc.setAutosaveDelay(0);
        QVERIFY(!doc.open(path).isError());
        for (int i = 0; i < 200; ++i)
            doc.appendExample(Example::chat(
                    {Message(QStringLiteral("user"), QString(100, QLatin1Char('x')))}));
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit old {};
        getrlimit(RLIMIT_FSIZE, &old);
        rlimit small = old;
        small.rlim_cur = 4096;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        const DatasetError error = doc.save();
        setrlimit(RLIMIT_FSIZE, &old);
        QCOMPARE(error.kind, DatasetError::Kind::WriteFailed);
        QCOMPARE(bytes(path), QByteArray("{\"messages\":[]}\n"));
        QVERIFY(doc.isModified());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
                QStringList {QStringLiteral("data.jsonl")});
        // And it works once there is room again.
        QVERIFY(!doc.save().isError());
        QCOMPARE(bytes(path), doc.toBytes());
        QVERIFY(!doc.isModified());
    }

    void openMissingFile()
    {
        DatasetDocument doc;
        doc.setAutosaveDelay(0);
        const DatasetError error = doc.open(QStringLiteral("/nonexistent/x.jsonl"));
        QCOMPARE(error.kind, DatasetError::Kind::NotFound);
        QVERIFY(error.message.contains(QLatin1String("x.jsonl")));
    }

    void normalisationsOnlyWhenAsked()
    {
        DatasetDocument doc;
        doc.setAutosaveDelay(0);
        QVERIFY(!doc.open(data("bom_crlf_blank.jsonl")).isError());
        QVERIFY(doc.hasBom());
        QVERIFY(doc.hasCrLf());
        QVERIFY(doc.hasBlankLines());
        doc.setHasBom(false);
        QVERIFY(!doc.toBytes().startsWith("\xEF\xBB\xBF"));
        QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Remove byte order mark"));
        doc.normalizeLineEndings(LineEnd::Lf);
        QVERIFY(!doc.toBytes().contains('\r'));
        QVERIFY(!doc.hasBlankLines());
        QCOMPARE(doc.toBytes().count('\n'), 2); // the last line still has no final newline
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(doc.toBytes(), bytes(data("bom_crlf_blank.jsonl")));
        QVERIFY(!doc.isModified());
    }
};

QTEST_GUILESS_MAIN(tst_Jsonl)
#include "tst_jsonl.moc"
