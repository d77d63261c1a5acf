// SPDX-License-Identifier: GPL-3.0-or-later
// The save rules of a dataset (DatasetSaver, through DatasetDocument): when a document still
// counts as modified after a background save, and saves asked for while one runs. These used
// to live in the Datasets area's widget; here no widget is involved.
#include "datasetdocument.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fs;

namespace {

Example chat(const QString &user, const QString &assistant)
{
    return Example::chat({Message(QStringLiteral("user"), user),
            Message(QStringLiteral("assistant"), assistant)});
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class tst_DatasetSaver : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // A document of three examples saved to `name` (clean), autosave off.
    std::unique_ptr<DatasetDocument> makeSaved(const QString &name)
    {
        auto doc = std::make_unique<DatasetDocument>();
        doc->setAutosaveDelay(0);
        doc->setRecoveryDirectory(m_dir.filePath(QStringLiteral("recovery")));
        for (int i = 0; i < 3; ++i)
            doc->appendExample(chat(QStringLiteral("Q%1").arg(i), QStringLiteral("A%1").arg(i)));
        if (doc->saveAs(m_dir.filePath(name)).isError())
            return nullptr;
        return doc;
    }

private slots:
    void editUndoneAndReplacedWhileSavingStaysModified()
    {
        // Undo and another edit while the copy is written end at the same undo position with
        // other content: the file does not hold it, so the document is still modified.
        auto doc = makeSaved(QStringLiteral("undo-and-edit.jsonl"));
        QVERIFY(doc);
        doc->setMessageText(0, 1, QStringLiteral("Edit A"));
        const int index = doc->undoStack()->index();
        QSignalSpy finished(doc.get(), &DatasetDocument::saveFinished);
        doc->saveAsync();
        QVERIFY(doc->isSaving()); // until its result is handled on this thread
        doc->undoStack()->undo();
        doc->setMessageText(1, 1, QStringLiteral("Edit B"));
        QCOMPARE(doc->undoStack()->index(), index);
        QVERIFY(finished.wait(10000));
        QVERIFY(!finished.first().first().value<DatasetError>().isError());
        QVERIFY(fileBytes(doc->filePath()).contains("Edit A"));
        QVERIFY(!fileBytes(doc->filePath()).contains("Edit B"));
        QVERIFY(doc->isModified());
    }

    void typingMergedWhileSavingStaysModified()
    {
        // Typing merges into the step the save started from: same undo position, more text.
        auto doc = makeSaved(QStringLiteral("typing.jsonl"));
        QVERIFY(doc);
        doc->setMessageText(2, 1, QStringLiteral("First"));
        const int index = doc->undoStack()->index();
        QSignalSpy finished(doc.get(), &DatasetDocument::saveFinished);
        doc->saveAsync();
        doc->setMessageText(2, 1, QStringLiteral("First and second"));
        QCOMPARE(doc->undoStack()->index(), index);
        QVERIFY(finished.wait(10000));
        QVERIFY(fileBytes(doc->filePath()).contains("\"First\""));
        QVERIFY(doc->isModified());
    }

    void untouchedWhileSavingIsClean()
    {
        auto doc = makeSaved(QStringLiteral("clean.jsonl"));
        QVERIFY(doc);
        doc->setMessageText(0, 1, QStringLiteral("Saved edit"));
        QSignalSpy modified(doc.get(), &DatasetDocument::modifiedChanged);
        QSignalSpy finished(doc.get(), &DatasetDocument::saveFinished);
        doc->saveAsync();
        QVERIFY(finished.wait(10000));
        QVERIFY(!doc->isModified());
        QCOMPARE(modified.size(), 1);
        QCOMPARE(modified.last().first().toBool(), false);
        QCOMPARE(fileBytes(doc->filePath()), doc->toBytes());
    }

    void saveAskedWhileSavingRunsAfterIt()
    {
        auto doc = makeSaved(QStringLiteral("queued.jsonl"));
        QVERIFY(doc);
        doc->setMessageText(0, 1, QStringLiteral("Before the first save"));
        QSignalSpy finished(doc.get(), &DatasetDocument::saveFinished);
        QSignalSpy saved(doc.get(), &DatasetDocument::saved);
        doc->saveAsync();
        doc->setMessageText(1, 1, QStringLiteral("During the first save"));
        doc->saveAsync(); // queued: the running save does not hold this edit
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
        // Saving throughout: the second started before the first was reported.
        QVERIFY(!doc->isSaving());
        QCOMPARE(saved.size(), 2);
        QVERIFY(!finished.at(0).first().value<DatasetError>().isError());
        QVERIFY(!finished.at(1).first().value<DatasetError>().isError());
        QVERIFY(fileBytes(doc->filePath()).contains("During the first save"));
        QCOMPARE(fileBytes(doc->filePath()), doc->toBytes());
        QVERIFY(!doc->isModified());
    }

    void isSavingHoldsFromTheFirstSaveToTheQueuedOne()
    {
        auto doc = makeSaved(QStringLiteral("throughout.jsonl"));
        QVERIFY(doc);
        doc->setMessageText(0, 1, QStringLiteral("one"));
        QList<bool> savingWhenReported;
        connect(doc.get(), &DatasetDocument::saveFinished, this,
                [&] { savingWhenReported.append(doc->isSaving()); });
        doc->saveAsync();
        doc->setMessageText(0, 1, QStringLiteral("two"));
        doc->saveAsync();
        QTRY_COMPARE_WITH_TIMEOUT(savingWhenReported.size(), 2, 10000);
        QCOMPARE(savingWhenReported, (QList<bool> {true, false}));
    }

    void queuedSaveWithNothingNewIsSkipped()
    {
        auto doc = makeSaved(QStringLiteral("nothing-new.jsonl"));
        QVERIFY(doc);
        doc->setMessageText(0, 1, QStringLiteral("edit"));
        QSignalSpy finished(doc.get(), &DatasetDocument::saveFinished);
        doc->saveAsync();
        doc->saveAsync(); // the same file, and no edit since: nothing left to write
        QVERIFY(finished.wait(10000));
        QVERIFY(!doc->isSaving());
        QCOMPARE(finished.size(), 1);
        QVERIFY(!doc->isModified());
    }

    void queuedSaveToAnotherFileRuns()
    {
        // Save As while a save runs: written even though nothing changed in between.
        auto doc = makeSaved(QStringLiteral("first.jsonl"));
        QVERIFY(doc);
        doc->setMessageText(0, 1, QStringLiteral("edit"));
        const QString other = m_dir.filePath(QStringLiteral("second.jsonl"));
        QSignalSpy finished(doc.get(), &DatasetDocument::saveFinished);
        doc->saveAsync();
        doc->saveAsync(other);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
        QCOMPARE(doc->filePath(), other);
        QCOMPARE(fileBytes(other), doc->toBytes());
        QCOMPARE(fileBytes(m_dir.filePath(QStringLiteral("first.jsonl"))), doc->toBytes());
        QVERIFY(!doc->isModified());
    }

    void failedSaveDropsTheQueue()
    {
        auto doc = makeSaved(QStringLiteral("kept.jsonl"));
        QVERIFY(doc);
        const QString path = doc->filePath();
        doc->setMessageText(0, 1, QStringLiteral("unsaved"));
        QSignalSpy finished(doc.get(), &DatasetDocument::saveFinished);
        doc->saveAsync(m_dir.filePath(QStringLiteral("missing-folder/out.jsonl")));
        doc->saveAsync(path);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().value<DatasetError>().kind,
                DatasetError::Kind::NotWritable);
        QVERIFY(!doc->isSaving());
        QCOMPARE(finished.size(), 1);
        QVERIFY(doc->isModified());
        QCOMPARE(doc->filePath(), path);
        QVERIFY(!fileBytes(path).contains("unsaved"));
    }
};

QTEST_GUILESS_MAIN(tst_DatasetSaver)
#include "tst_datasetsaver.moc"
