// SPDX-License-Identifier: GPL-3.0-or-later
// Changes to many examples at once (DatasetBulkEdits, through DatasetDocument): their undo step
// keeps what changed in each row, not the lines before and after, and still gives back the file
// byte for byte.
#include "datasetcommands.h"
#include "datasetdocument.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fs;

namespace {

// Every third line hand-written (spaces, key order, escapes, CRLF), the others as the app writes
// them.
QByteArray handWritten(int examples)
{
    QByteArray data;
    for (int i = 0; i < examples; ++i) {
        const QByteArray n = QByteArray::number(i);
        const QByteArray question = "Question " + n + ": " + QByteArray(400, 'q');
        if (i % 3 == 0)
            data += "{\"messages\": [{\"role\": \"system\", \"content\": \"Old prompt " + n
                    + "\"}, {\"content\": \"" + question
                    + " caf\\u00e9\", \"role\": \"user\"}, {\"role\": \"assistant\", \"content\": "
                      "\"Answer "
                    + n + " " + QByteArray(300, 'a') + "\"}]}\r\n";
        else
            data += "{\"messages\":[{\"role\":\"user\",\"content\":\"" + question
                    + " caf\xc3\xa9\"},{\"role\":\"assistant\",\"content\":\"Answer " + n + " "
                    + QByteArray(300, 'a') + "\"}]}\n";
    }
    data += "not json at all\n";
    return data;
}

} // namespace

class tst_DatasetBulkEdits : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::unique_ptr<DatasetDocument> open(const QByteArray &data)
    {
        const QString path = m_dir.filePath(QStringLiteral("bulk.jsonl"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
            return nullptr;
        f.close();
        auto doc = std::make_unique<DatasetDocument>();
        doc->setAutosaveDelay(0);
        doc->setRecoveryDirectory(m_dir.filePath(QStringLiteral("recovery")));
        if (doc->open(path).isError())
            return nullptr;
        return doc;
    }

    static const PatchRowsCommand *lastStep(const DatasetDocument &doc)
    {
        return dynamic_cast<const PatchRowsCommand *>(
                doc.undoStack()->command(doc.undoStack()->count() - 1));
    }

    // Lines written as the app writes them keep only their changed middle (at most
    // `maxMiddle` bytes); hand-written ones (every third) keep both whole lines, shared with the
    // rows rather than copied.
    static bool keepsOnlyWhatChanged(
            const DatasetDocument &doc, const PatchRowsCommand &step, qsizetype maxMiddle)
    {
        for (const RowPatch &p : step.patches()) {
            if (p.row % 3 != 0) {
                if (p.prefix + p.suffix == 0 || p.before.size() + p.after.size() > maxMiddle) {
                    qWarning("row %d keeps %lld bytes", p.row,
                            qint64(p.before.size() + p.after.size()));
                    return false;
                }
            } else if (p.prefix + p.suffix != 0
                    || doc.line(p.row).constData() != p.after.constData()) {
                qWarning("row %d: not the shared whole line", p.row);
                return false;
            }
        }
        return true;
    }

private slots:
    void systemPromptUndoKeepsOnlyWhatChanged()
    {
        const QByteArray original = handWritten(300);
        auto doc = open(original);
        QVERIFY(doc);
        QCOMPARE(doc->setSystemPrompt(QStringLiteral("Be brief.")), 300);
        const PatchRowsCommand *step = lastStep(*doc);
        QVERIFY(step);
        QCOMPARE(step->patches().size(), 300);
        QVERIFY(keepsOnlyWhatChanged(*doc, *step, 64));
        const RowPatch &inserted = step->patches().at(1);
        QCOMPARE(inserted.row, 1);
        QVERIFY(inserted.before.isEmpty()); // the system message was added, nothing removed
        QVERIFY(inserted.after.contains("Be brief."));
        const QByteArray after = doc->toBytes();
        for (int round = 0; round < 3; ++round) {
            doc->undoStack()->undo();
            QCOMPARE(doc->toBytes(), original); // byte for byte, hand-written lines too
            QCOMPARE(doc->line(0).constData(), step->patches().at(0).before.constData());
            QVERIFY(!doc->isModified());
            QVERIFY(!doc->isEdited(1));
            QCOMPARE(doc->example(1).message(0).role(), QStringLiteral("user"));
            doc->undoStack()->redo();
            QCOMPARE(doc->toBytes(), after);
            QVERIFY(doc->isEdited(1));
            QCOMPARE(doc->example(1).message(0).text(), QStringLiteral("Be brief."));
            QCOMPARE(doc->example(3).message(0).text(), QStringLiteral("Be brief."));
        }
    }

    void summariesFollowUndoAndRedo()
    {
        auto doc = open(handWritten(4));
        QVERIFY(doc);
        const quint8 before = doc->summary(1).roles;
        QVERIFY(!(before & ExampleSummary::HasSystem));
        QCOMPARE(doc->setSystemPrompt(QStringLiteral("New")), 4);
        QVERIFY(doc->summary(1).roles & ExampleSummary::HasSystem);
        QCOMPARE(doc->summary(1).messageCount, 3);
        doc->undoStack()->undo();
        QCOMPARE(doc->summary(1).roles, before);
        QCOMPARE(doc->summary(1).messageCount, 2);
        QCOMPARE(doc->summary(0).messageCount, 3);
    }

    void findReplaceUndoKeepsOnlyWhatChanged()
    {
        const QByteArray original = handWritten(30);
        auto doc = open(original);
        QVERIFY(doc);
        FindReplaceOptions o;
        o.find = QStringLiteral("Answer");
        o.replace = QStringLiteral("Reply");
        QCOMPARE(doc->findReplace(o), 30);
        const PatchRowsCommand *step = lastStep(*doc);
        QVERIFY(step);
        QVERIFY(keepsOnlyWhatChanged(*doc, *step, 16));
        QVERIFY(doc->example(2).message(1).text().startsWith(QStringLiteral("Reply 2 ")));
        doc->undoStack()->undo();
        QCOMPARE(doc->toBytes(), original);
        doc->undoStack()->redo();
        QVERIFY(doc->example(2).message(1).text().startsWith(QStringLiteral("Reply 2 ")));
    }

    void backgroundChangeIsOneStepOfPatches()
    {
        const QByteArray original = handWritten(1200);
        auto doc = open(original);
        QVERIFY(doc);
        QSignalSpy finished(doc.get(), &DatasetDocument::bulkFinished);
        doc->setSystemPromptAsync(QStringLiteral("Async prompt"));
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().toInt(), 1200);
        const PatchRowsCommand *step = lastStep(*doc);
        QVERIFY(step);
        QCOMPARE(step->patches().size(), 1200);
        QVERIFY(keepsOnlyWhatChanged(*doc, *step, 64));
        doc->undoStack()->undo();
        QCOMPARE(doc->toBytes(), original);
    }
};

QTEST_GUILESS_MAIN(tst_DatasetBulkEdits)
#include "tst_datasetbulkedits.moc"
