// SPDX-License-Identifier: GPL-3.0-or-later
#include "backgroundwork.h"
#include "datasetdocument.h"
#include "datasetrecovery.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fs;

namespace {

Message msg(const char *role, const QString &text)
{
    return Message(QString::fromLatin1(role), text);
}

Example chat(const QString &user, const QString &assistant, const QString &system = {})
{
    Messages m;
    if (!system.isEmpty())
        m.append(msg("system", system));
    m.append(msg("user", user));
    m.append(msg("assistant", assistant));
    return Example::chat(m);
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class tst_DatasetDocument : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // A document with three examples, saved (clean), autosave off.
    std::unique_ptr<DatasetDocument> makeDocument()
    {
        auto doc = std::make_unique<DatasetDocument>();
        doc->setAutosaveDelay(0);
        doc->setRecoveryDirectory(m_dir.filePath(QStringLiteral("recovery")));
        doc->appendExample(
                chat(QStringLiteral("Hi"), QStringLiteral("Hello!"), QStringLiteral("Be nice.")));
        doc->appendExample(chat(QStringLiteral("What is 2+2?"), QStringLiteral("4")));
        doc->appendExample(chat(QStringLiteral("Bye"), QStringLiteral("Goodbye, friend.")));
        doc->undoStack()->clear();
        doc->undoStack()->setClean();
        return doc;
    }

    // do → check → undo → original bytes → redo → same as after do
    void checkUndoRedo(DatasetDocument &doc, const QByteArray &before)
    {
        const QByteArray after = doc.toBytes();
        QVERIFY(after != before);
        QVERIFY(doc.isModified());
        doc.undoStack()->undo();
        QCOMPARE(doc.toBytes(), before);
        QVERIFY(!doc.isModified());
        doc.undoStack()->redo();
        QCOMPARE(doc.toBytes(), after);
    }

private slots:
    void messageEdits_data()
    {
        QTest::addColumn<int>("op");
        QTest::addColumn<QString>("undoText");
        QTest::newRow("role") << 0 << QStringLiteral("Change role to developer");
        QTest::newRow("text") << 1 << QStringLiteral("Typing");
        QTest::newRow("weight") << 2 << QStringLiteral("Don't train on message 3");
        QTest::newRow("name") << 3 << QStringLiteral("Change name");
        QTest::newRow("tool calls") << 4 << QStringLiteral("Edit tool calls");
        QTest::newRow("tool call id") << 5 << QStringLiteral("Edit tool call id");
        QTest::newRow("insert") << 6 << QStringLiteral("Add message");
        QTest::newRow("remove") << 7 << QStringLiteral("Delete message 1");
        QTest::newRow("move") << 8 << QStringLiteral("Move message");
        QTest::newRow("tools") << 9 << QStringLiteral("Edit tools");
        QTest::newRow("parallel") << 10 << QStringLiteral("Change parallel tool calls");
        QTest::newRow("set message") << 11 << QStringLiteral("Edit message 2");
    }
    void messageEdits()
    {
        QFETCH(int, op);
        QFETCH(QString, undoText);
        auto doc = makeDocument();
        const QByteArray before = doc->toBytes();
        QSignalSpy changed(doc.get(), &DatasetDocument::exampleChanged);
        const QJsonArray calls {QJsonObject {{QStringLiteral("id"), QStringLiteral("call_1")},
                {QStringLiteral("type"), QStringLiteral("function")}}};
        switch (op) {
        case 0:
            doc->setMessageRole(0, 0, QStringLiteral("developer"));
            break;
        case 1:
            doc->setMessageText(0, 1, QStringLiteral("Hi there"));
            break;
        case 2:
            doc->setMessageWeight(0, 2, 0);
            break;
        case 3:
            doc->setMessageName(0, 1, QStringLiteral("ann"));
            break;
        case 4:
            doc->setMessageToolCalls(0, 2, calls);
            break;
        case 5:
            doc->setMessageToolCallId(0, 2, QStringLiteral("call_1"));
            break;
        case 6:
            doc->insertMessage(0, 3, msg("user", QStringLiteral("More?")));
            break;
        case 7:
            doc->removeMessage(0, 0);
            break;
        case 8:
            doc->moveMessage(0, 2, 1);
            break;
        case 9:
            doc->setTools(0,
                    QJsonArray {
                            QJsonObject {{QStringLiteral("type"), QStringLiteral("function")}}});
            break;
        case 10:
            doc->setParallelToolCalls(0, false);
            break;
        case 11:
            doc->setMessage(0, 1, msg("user", QStringLiteral("Hey")));
            break;
        }
        QCOMPARE(doc->undoStack()->count(), 1);
        QCOMPARE(doc->undoStack()->undoText(), undoText);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().toInt(), 0);
        QVERIFY(doc->isEdited(0));
        QCOMPARE(doc->line(1), before.split('\n').at(1)); // the others are untouched
        checkUndoRedo(*doc, before);
        // What the edit did, checked through the typed view.
        const Example e = doc->example(0);
        switch (op) {
        case 0:
            QCOMPARE(e.message(0).role(), QStringLiteral("developer"));
            break;
        case 1:
            QCOMPARE(e.message(1).text(), QStringLiteral("Hi there"));
            break;
        case 2:
            QCOMPARE(e.message(2).weightValue(), std::optional<int>(0));
            break;
        case 3:
            QCOMPARE(e.message(1).name(), QStringLiteral("ann"));
            break;
        case 4:
            QCOMPARE(e.message(2).toolCalls(), calls);
            break;
        case 5:
            QCOMPARE(e.message(2).toolCallId(), QStringLiteral("call_1"));
            break;
        case 6:
            QCOMPARE(e.messageCount(), 4);
            QCOMPARE(e.message(3).text(), QStringLiteral("More?"));
            break;
        case 7:
            QCOMPARE(e.messageCount(), 2);
            QCOMPARE(e.message(0).role(), QStringLiteral("user"));
            break;
        case 8:
            QCOMPARE(e.message(1).role(), QStringLiteral("assistant"));
            break;
        case 9:
            QCOMPARE(e.tools().size(), 1);
            break;
        case 10:
            QCOMPARE(e.parallelToolCalls(), std::optional<bool>(false));
            break;
        case 11:
            QCOMPARE(e.message(1).text(), QStringLiteral("Hey"));
            break;
        }
    }

    void outOfRangeAndNoOpEditsAreIgnored()
    {
        auto doc = makeDocument();
        doc->setMessageText(7, 0, QStringLiteral("x"));
        doc->setMessageText(0, 9, QStringLiteral("x"));
        doc->setMessageText(0, 1, QStringLiteral("Hi")); // unchanged
        doc->removeMessage(0, -1);
        doc->moveExample(0, 3);
        doc->removeExamples({5, -1});
        QCOMPARE(doc->undoStack()->count(), 0);
        QVERIFY(!doc->isModified());
    }

    void typingMergesIntoOneStep()
    {
        auto doc = makeDocument();
        const QByteArray before = doc->toBytes();
        doc->setMessageText(1, 1, QStringLiteral("W"));
        doc->setMessageText(1, 1, QStringLiteral("Wh"));
        doc->setMessageText(1, 1, QStringLiteral("Who?"));
        QCOMPARE(doc->undoStack()->count(), 1);
        // Another message is another step, and so is the first one again afterwards.
        doc->setMessageText(1, 0, QStringLiteral("5"));
        QCOMPARE(doc->undoStack()->count(), 2);
        doc->setMessageText(1, 1, QStringLiteral("Who?!"));
        QCOMPARE(doc->undoStack()->count(), 3);
        doc->undoStack()->undo();
        doc->undoStack()->undo();
        QCOMPARE(doc->example(1).message(1).text(), QStringLiteral("Who?"));
        doc->undoStack()->undo();
        QCOMPARE(doc->toBytes(), before);
        // No merging across a save: the saved state stays reachable.
        doc->setMessageText(0, 1, QStringLiteral("A"));
        QVERIFY(!doc->saveAs(m_dir.filePath(QStringLiteral("merge.jsonl"))).isError());
        doc->setMessageText(0, 1, QStringLiteral("AB"));
        QCOMPARE(doc->undoStack()->count(), 2);
        doc->undoStack()->undo();
        QVERIFY(!doc->isModified());
    }

    void exampleOperations()
    {
        auto doc = makeDocument();
        const QByteArray before = doc->toBytes();
        const quint64 id0 = doc->exampleId(0);
        const quint64 id2 = doc->exampleId(2);
        QSignalSpy inserted(doc.get(), &DatasetDocument::examplesInserted);
        QSignalSpy removed(doc.get(), &DatasetDocument::examplesRemoved);
        QSignalSpy moved(doc.get(), &DatasetDocument::examplesMoved);

        QCOMPARE(doc->appendExample(chat(QStringLiteral("New"), QStringLiteral("One"))), 3);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first(), (QList<QVariant> {3, 3}));
        QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Add example"));
        checkUndoRedo(*doc, before);
        doc->undoStack()->undo();

        doc->insertExample(1, chat(QStringLiteral("Inserted"), QStringLiteral("Yes")));
        QCOMPARE(doc->summary(1).preview, QStringLiteral("Inserted"));
        checkUndoRedo(*doc, before);
        doc->undoStack()->undo();

        QCOMPARE(doc->duplicateExample(0), 1);
        QCOMPARE(doc->count(), 4);
        QCOMPARE(doc->line(1), doc->line(0));
        QVERIFY(doc->exampleId(1) != id0);
        QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Duplicate example"));
        checkUndoRedo(*doc, before);
        doc->undoStack()->undo();

        doc->moveExample(0, 2);
        QCOMPARE(moved.size(), 1);
        QCOMPARE(moved.first(), (QList<QVariant> {0, 0, 3})); // Qt's moveRows destination
        QCOMPARE(doc->exampleId(2), id0);
        QCOMPARE(doc->rowOfId(id0), 2);
        checkUndoRedo(*doc, before);
        doc->undoStack()->undo();
        doc->moveExample(2, 0);
        QCOMPARE(moved.last(), (QList<QVariant> {2, 2, 0}));
        QCOMPARE(doc->exampleId(0), id2);
        doc->undoStack()->undo();

        removed.clear();
        doc->removeExamples({2, 0, 2});
        QCOMPARE(doc->count(), 1);
        QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Delete 2 examples"));
        QCOMPARE(removed.size(), 2); // two separate runs
        checkUndoRedo(*doc, before);
        doc->undoStack()->undo();
        // Undo restores the same ids.
        QCOMPARE(doc->exampleId(0), id0);
        QCOMPARE(doc->exampleId(2), id2);
    }

    void preferenceEdits()
    {
        DatasetDocument doc;
        doc.setAutosaveDelay(0);
        QVERIFY(!doc.open(QStringLiteral(FS_TEST_DATA_DIR "/dataset/dpo.jsonl")).isError());
        const QByteArray before = doc.toBytes();
        QVERIFY(doc.example(0).isPreference());
        QCOMPARE(doc.summary(0).messageCount, 3); // one input message + the two answers
        doc.setPreferredText(1, QStringLiteral("Four"));
        doc.setPreferredText(1, QStringLiteral("Four."));
        QCOMPARE(doc.undoStack()->count(), 1);
        doc.setNonPreferredText(1, QStringLiteral("5"));
        QCOMPARE(doc.undoStack()->count(), 2);
        const Example e = doc.example(1);
        QCOMPARE(e.preferredOutput().first().text(), QStringLiteral("Four."));
        QCOMPARE(e.nonPreferredOutput().first().text(), QStringLiteral("5"));
        QCOMPARE(e.messages().size(), 2); // input.messages untouched
        doc.setMessageText(1, 1, QStringLiteral("3+3?"));
        QCOMPARE(doc.example(1)
                         .object()
                         .value(QLatin1String("input"))
                         .toObject()
                         .value(QLatin1String("messages"))
                         .toArray()
                         .at(1)
                         .toObject()
                         .value(QLatin1String("content"))
                         .toString(),
                QStringLiteral("3+3?"));
        doc.setNonPreferredOutput(0, msg("assistant", QStringLiteral("Brr")));
        QCOMPARE(doc.example(0).nonPreferredOutput().first().text(), QStringLiteral("Brr"));
        while (doc.undoStack()->canUndo())
            doc.undoStack()->undo();
        QCOMPARE(doc.toBytes(), before);
    }

    void setSystemPromptForAllAndSelected()
    {
        auto doc = makeDocument();
        const QByteArray before = doc->toBytes();
        QCOMPARE(doc->setSystemPrompt(QStringLiteral("Be nice."), {}), 2); // row 0 already has it
        QCOMPARE(doc->undoStack()->count(), 1);
        QCOMPARE(doc->undoStack()->undoText(),
                QStringLiteral("Set the system prompt of 2 examples"));
        for (int r = 0; r < 3; ++r) {
            QCOMPARE(doc->example(r).message(0).role(), QStringLiteral("system"));
            QCOMPARE(doc->example(r).message(0).text(), QStringLiteral("Be nice."));
        }
        QCOMPARE(doc->example(1).messageCount(), 3);
        checkUndoRedo(*doc, before);
        doc->undoStack()->undo();
        // Selected rows only, replacing an existing prompt.
        QCOMPARE(doc->setSystemPrompt(QStringLiteral("Be brief."), {0, 2}), 2);
        QCOMPARE(doc->example(0).message(0).text(), QStringLiteral("Be brief."));
        QCOMPARE(doc->example(0).messageCount(), 3);
        QCOMPARE(doc->example(1).message(0).role(), QStringLiteral("user"));
        QCOMPARE(doc->example(2).message(0).text(), QStringLiteral("Be brief."));
        doc->undoStack()->undo();
        // Empty text removes the system message.
        QCOMPARE(doc->setSystemPrompt(QString(), {}), 1);
        QCOMPARE(doc->example(0).message(0).role(), QStringLiteral("user"));
        QCOMPARE(doc->undoStack()->undoText(),
                QStringLiteral("Remove the system prompt from 1 example"));
    }

    void importReplacesTheBlankStarter()
    {
        // New Dataset: an untitled document with the blank starter example.
        DatasetDocument doc;
        doc.setAutosaveDelay(0);
        doc.insertExample(0, DatasetDocument::starterExample());
        QVERIFY(doc.isUntouchedNew());
        const int stepsBefore = doc.undoStack()->count();
        const QList<Example> imported {chat(QStringLiteral("Q1"), QStringLiteral("A1")),
                chat(QStringLiteral("Q2"), QStringLiteral("A2"))};
        QCOMPARE(doc.importExamples(imported, QStringLiteral("Import Examples")), 0);
        QCOMPARE(doc.count(), 2);
        QCOMPARE(doc.example(0).firstText(QStringLiteral("user")), QStringLiteral("Q1"));
        // One undo step brings the blank example back; redo imports again.
        QCOMPARE(doc.undoStack()->count(), stepsBefore + 1);
        QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Import Examples"));
        doc.undoStack()->undo();
        QCOMPARE(doc.count(), 1);
        QVERIFY(doc.isUntouchedNew());
        doc.undoStack()->redo();
        QCOMPARE(doc.count(), 2);

        // Something typed into the starter: it is kept and the import goes after it.
        DatasetDocument typed;
        typed.setAutosaveDelay(0);
        typed.insertExample(0, DatasetDocument::starterExample());
        typed.setMessageText(0, 0, QStringLiteral("Hello"));
        QVERIFY(!typed.isUntouchedNew());
        QCOMPARE(typed.importExamples(imported, QStringLiteral("Import Examples")), 1);
        QCOMPARE(typed.count(), 3);

        // A document with examples of its own keeps them all.
        auto doc3 = makeDocument();
        QVERIFY(!doc3->isUntouchedNew());
        QCOMPARE(doc3->importExamples(imported, QStringLiteral("Import Examples")), 3);
        QCOMPARE(doc3->count(), 5);
        QCOMPARE(doc3->undoStack()->count(), 1);
        QCOMPARE(doc3->importExamples({}, QStringLiteral("Import Examples")), -1);
    }

    void bulkActionsInTheBackground()
    {
        auto doc = makeDocument();
        QList<Example> more;
        for (int i = 0; i < 2000; ++i)
            more.append(chat(QStringLiteral("question %1").arg(i), QStringLiteral("answer")));
        doc->insertExamples(doc->count(), more);
        doc->undoStack()->clear();
        doc->undoStack()->setClean();
        const QByteArray before = doc->toBytes();
        QSignalSpy finished(doc.get(), &DatasetDocument::bulkFinished);
        doc->setSystemPromptAsync(QStringLiteral("Be nice."));
        QVERIFY(doc->isBulkRunning());
        doc->setSystemPromptAsync(QStringLiteral("other")); // one at a time
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toInt(), -1);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.last().first().toInt(), 2002);
        QCOMPARE(doc->undoStack()->count(), 1);
        QCOMPARE(doc->example(1500).message(0).text(), QStringLiteral("Be nice."));
        checkUndoRedo(*doc, before);
        doc->undoStack()->undo();

        // An edit while it runs: the work is redone on the current rows, nothing is lost.
        FindReplaceOptions o;
        o.find = QStringLiteral("answer");
        o.replace = QStringLiteral("reply");
        doc->findReplaceAsync(o, {0, 1, 5, 6});
        doc->removeExample(0);
        doc->setMessageText(4, 1, QStringLiteral("answer answer")); // was row 5
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.last().first().toInt(), 3); // rows 5 (twice now) and 6; 0 is gone
        QCOMPARE(doc->example(4).message(1).text(), QStringLiteral("reply reply"));
        QCOMPARE(doc->example(5).message(1).text(), QStringLiteral("reply"));
        QCOMPARE(doc->example(3).message(1).text(), QStringLiteral("answer"));
        QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Replace “answer” (3 times)"));
        // Destroying the document while a bulk action runs is safe.
        doc->setSystemPromptAsync(QStringLiteral("x"));
        doc.reset();
    }

    void deleteSelected()
    {
        auto doc = makeDocument();
        const QByteArray before = doc->toBytes();
        doc->removeExamples({0, 1, 2});
        QCOMPARE(doc->count(), 0);
        QCOMPARE(doc->undoStack()->count(), 1);
        checkUndoRedo(*doc, before);
    }

    void findAndReplace()
    {
        auto doc = makeDocument();
        doc->appendExample(Example::chat({Message(QJsonObject {
                {QStringLiteral("role"), QStringLiteral("user")},
                {QStringLiteral("content"),
                        QJsonArray {
                                QJsonObject {{QStringLiteral("type"), QStringLiteral("text")},
                                        {QStringLiteral("text"), QStringLiteral("hello HELLO")}},
                                QJsonObject {{QStringLiteral("type"),
                                        QStringLiteral("image_url")}}}}})}));
        doc->undoStack()->clear();
        doc->undoStack()->setClean();
        const QByteArray before = doc->toBytes();
        FindReplaceOptions o;
        o.find = QStringLiteral("hello");
        o.replace = QStringLiteral("Hi \\1 $0");
        QCOMPARE(doc->countMatches(o), 3); // "Hello!" + two in the text part
        o.caseSensitivity = Qt::CaseSensitive;
        QCOMPARE(doc->countMatches(o), 1);
        o.caseSensitivity = Qt::CaseInsensitive;
        QCOMPARE(doc->countMatches(o, {0}), 1);
        o.role = QStringLiteral("user");
        QCOMPARE(doc->countMatches(o), 2);
        o.role.clear();
        QCOMPARE(doc->findReplace(o), 3);
        QCOMPARE(doc->undoStack()->count(), 1);
        QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Replace “hello” (3 times)"));
        QCOMPARE(doc->example(0).message(2).text(), QStringLiteral("Hi \\1 $0!")); // literal
        QCOMPARE(doc->example(3).message(0).text(), QStringLiteral("Hi \\1 $0 Hi \\1 $0"));
        QVERIFY(doc->example(3).message(0).content().isArray()); // parts kept as parts
        QCOMPARE(doc->countMatches(o), 0);
        checkUndoRedo(*doc, before);
        doc->undoStack()->undo();
        // Whole words.
        o.find = QStringLiteral("friend");
        o.replace = QStringLiteral("pal");
        o.wholeWords = true;
        QCOMPARE(doc->countMatches(o), 1);
        o.find = QStringLiteral("frie");
        QCOMPARE(doc->countMatches(o), 0);
        QCOMPARE(doc->findReplace(o), 0);
        QCOMPARE(doc->undoStack()->index(), 0); // nothing new pushed
    }

    void bulkEditsEmitOneRangeSignal()
    {
        auto doc = makeDocument();
        doc->appendExample(chat(QStringLiteral("More"), QStringLiteral("answer")));
        doc->undoStack()->clear();
        QSignalSpy one(doc.get(), &DatasetDocument::exampleChanged);
        QSignalSpy range(doc.get(), &DatasetDocument::examplesChanged);
        // Rows 1 and 3 change (row 0 already has the prompt, row 2 is not selected): the range
        // spans them, with no signal per row.
        QCOMPARE(doc->setSystemPrompt(QStringLiteral("Be nice."), {0, 1, 3}), 2);
        QCOMPARE(one.size(), 0);
        QCOMPARE(range.size(), 1);
        QCOMPARE(range.at(0).at(0).toInt(), 1);
        QCOMPARE(range.at(0).at(1).toInt(), 3);
        doc->undoStack()->undo();
        QCOMPARE(one.size(), 0);
        QCOMPARE(range.size(), 2);
        QCOMPARE(range.at(1).at(0).toInt(), 1);
        QCOMPARE(range.at(1).at(1).toInt(), 3);
        QCOMPARE(doc->example(1).message(0).role(), QStringLiteral("user"));
        doc->undoStack()->redo();
        QCOMPARE(one.size(), 0);
        QCOMPARE(range.size(), 3);
        QCOMPARE(doc->example(3).message(0).text(), QStringLiteral("Be nice."));
        doc->undoStack()->undo();
        range.clear();

        // Find and replace over all rows, and its undo: one range each.
        FindReplaceOptions o;
        o.find = QStringLiteral("o");
        o.replace = QStringLiteral("0");
        QVERIFY(doc->findReplace(o) > 0);
        QCOMPARE(one.size(), 0);
        QCOMPARE(range.size(), 1);
        QCOMPARE(range.at(0).at(0).toInt(), 0);
        QCOMPARE(range.at(0).at(1).toInt(), 3);
        doc->undoStack()->undo();
        QCOMPARE(one.size(), 0);
        QCOMPARE(range.size(), 2);
        QCOMPARE(range.at(1).at(0).toInt(), 0);
        QCOMPARE(range.at(1).at(1).toInt(), 3);

        // A bulk change of a single example stays a single-example signal (editors listen to
        // both), and a single edit never sends a range.
        range.clear();
        QCOMPARE(doc->setSystemPrompt(QStringLiteral("Solo"), {2}), 1);
        QCOMPARE(one.size(), 1);
        QCOMPARE(one.at(0).at(0).toInt(), 2);
        doc->setMessageText(1, 0, QStringLiteral("Typed"));
        QCOMPARE(one.size(), 2);
        QCOMPARE(range.size(), 0);
    }

    void modifiedMarkerFollowsTheStack()
    {
        auto doc = makeDocument();
        QSignalSpy modified(doc.get(), &DatasetDocument::modifiedChanged);
        doc->setMessageText(0, 1, QStringLiteral("x"));
        QCOMPARE(modified.size(), 1);
        QCOMPARE(modified.last().first().toBool(), true);
        doc->undoStack()->undo();
        QCOMPARE(modified.size(), 2);
        QCOMPARE(modified.last().first().toBool(), false);
        doc->undoStack()->redo();
        const QString path = m_dir.filePath(QStringLiteral("marker.jsonl"));
        QSignalSpy saved(doc.get(), &DatasetDocument::saved);
        QVERIFY(!doc->saveAs(path).isError());
        QCOMPARE(saved.size(), 1);
        QCOMPARE(modified.last().first().toBool(), false);
        QCOMPARE(doc->filePath(), path);
        QCOMPARE(doc->displayName(), QStringLiteral("marker.jsonl"));
        // Reopen: identical.
        DatasetDocument again;
        again.setAutosaveDelay(0);
        QVERIFY(!again.open(path).isError());
        QCOMPARE(again.toBytes(), fileBytes(path));
        QCOMPARE(again.example(0).message(1).text(), QStringLiteral("x"));
    }

    void saveInTheBackground()
    {
        auto doc = makeDocument();
        doc->setMessageText(0, 1, QStringLiteral("async"));
        const QString path = m_dir.filePath(QStringLiteral("async.jsonl"));
        QSignalSpy finished(doc.get(), &DatasetDocument::saveFinished);
        QSignalSpy saved(doc.get(), &DatasetDocument::saved);
        doc->saveAsync(path);
        QVERIFY(doc->isSaving());
        QVERIFY(finished.wait(5000));
        QVERIFY(!finished.first().first().value<DatasetError>().isError());
        QCOMPARE(saved.size(), 1);
        QVERIFY(!doc->isSaving());
        QVERIFY(!doc->isModified());
        QCOMPARE(doc->filePath(), path);
        QCOMPARE(fileBytes(path), doc->toBytes());

        // An edit while saving keeps the document modified, even after undoing that edit.
        doc->setMessageText(1, 1, QStringLiteral("edit 1"));
        doc->saveAsync();
        doc->setMessageText(2, 1, QStringLiteral("during the save"));
        QVERIFY(finished.wait(5000));
        QVERIFY(doc->isModified());
        doc->undoStack()->undo();
        QVERIFY(doc->isModified());

        // A failure is reported and changes nothing.
        doc->saveAsync(m_dir.filePath(QStringLiteral("async.jsonl/x/y.jsonl")));
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.last().first().value<DatasetError>().kind,
                DatasetError::Kind::NotWritable);
        QCOMPARE(doc->filePath(), path);
    }

    void tokenCounterUpdatesEditedSummaries()
    {
        auto doc = makeDocument();
        doc->setTokenCounter([](const Example &e, qint32 *tokens, qint32 *assistant) {
            *tokens = e.messageCount() * 10;
            *assistant = 1;
        });
        QCOMPARE(doc->summary(1).tokens, -1);
        doc->setMessageText(1, 1, QStringLiteral("changed"));
        QCOMPARE(doc->summary(1).tokens, 20);
        QSignalSpy summaries(doc.get(), &DatasetDocument::summariesChanged);
        doc->setTokenCounts({doc->exampleId(2), 999999}, {7, 8}, {3, 4});
        QCOMPARE(doc->summary(2).tokens, 7);
        QCOMPARE(doc->summary(2).assistantTokens, 3);
        doc->setIssueCounts(0, 2, 1);
        QCOMPARE(doc->summary(0).errors, 2);
        QCOMPARE(doc->summary(0).warnings, 1);
        doc->setIssueCounts({0, 1, 0}, {0, 0, 5});
        QCOMPARE(doc->summary(1).errors, 1);
        QCOMPARE(doc->summary(2).warnings, 5);
        doc->setIssueCounts({1}, {1}); // wrong size: ignored
        QCOMPARE(doc->summary(0).errors, 0);
        QCOMPARE(summaries.size(), 3);
        QVERIFY(doc->undoStack()->count() == 1); // results are not edits
    }

    void backgroundLoadingDeliversBatchesAndFinishes()
    {
        const QString path = m_dir.filePath(QStringLiteral("bg.jsonl"));
        QByteArray data;
        for (int i = 0; i < 20000; ++i)
            data += chat(QStringLiteral("Question %1 with some padding text to make it longer")
                                    .arg(i),
                            QStringLiteral("Answer %1").arg(i))
                            .toLine()
                    + '\n';
        data += "{broken\n";
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
        f.close();
        DatasetDocument doc;
        doc.setAutosaveDelay(0);
        QSignalSpy inserted(&doc, &DatasetDocument::examplesInserted);
        QSignalSpy progress(&doc, &DatasetDocument::loadProgress);
        QSignalSpy finished(&doc, &DatasetDocument::loadFinished);
        doc.openAsync(path);
        QVERIFY(doc.isLoading());
        QCOMPARE(doc.count(), 0);
        doc.appendExample(); // refused while loading
        QVERIFY(finished.wait(20000));
        QVERIFY(!doc.isLoading());
        QVERIFY(!finished.first().first().value<DatasetError>().isError());
        QVERIFY(inserted.size() >= 2); // the first batch comes early, on its own
        QCOMPARE(doc.count(), 20001);
        QCOMPARE(progress.last().at(0).toLongLong(), qint64(data.size()));
        QCOMPARE(doc.loadIssues().size(), 1);
        QCOMPARE(doc.loadIssues().first().line, 20001);
        QCOMPARE(doc.toBytes(), data);
        QCOMPARE(doc.summary(19999).preview,
                QStringLiteral("Question 19999 with some padding text to make it longer"));
        QVERIFY(!doc.isModified());
        QCOMPARE(doc.undoStack()->count(), 0);
    }

    void backgroundLoadingCanBeCancelled()
    {
        const QString path = m_dir.filePath(QStringLiteral("cancel.jsonl"));
        QByteArray data;
        const QByteArray line =
                chat(QString(2000, QLatin1Char('q')), QStringLiteral("a")).toLine() + '\n';
        for (int i = 0; i < 20000; ++i)
            data += line;
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
        f.close();
        DatasetDocument doc;
        doc.setAutosaveDelay(0);
        QSignalSpy inserted(&doc, &DatasetDocument::examplesInserted);
        QSignalSpy finished(&doc, &DatasetDocument::loadFinished);
        doc.openAsync(path);
        QVERIFY(inserted.wait(5000));
        doc.cancelLoad();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(
                finished.first().first().value<DatasetError>().kind, DatasetError::Kind::Cancelled);
        QVERIFY(!doc.isLoading());
        QVERIFY(doc.count() > 0);
        QVERIFY(doc.count() < 20000);
        // What was read is usable and editable.
        QCOMPARE(doc.line(0), line.chopped(1));
        doc.appendExample();
        QVERIFY(doc.isModified());
        // A new load after a cancel works.
        doc.openAsync(path);
        QVERIFY(finished.wait(20000));
        QCOMPARE(doc.count(), 20000);
    }

    void backgroundLoadOfMissingFile()
    {
        DatasetDocument doc;
        doc.setAutosaveDelay(0);
        QSignalSpy finished(&doc, &DatasetDocument::loadFinished);
        doc.openAsync(m_dir.filePath(QStringLiteral("nope.jsonl")));
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().first().value<DatasetError>().kind, DatasetError::Kind::NotFound);
    }

    void destroyingWhileLoadingIsSafe()
    {
        const QString path = m_dir.filePath(QStringLiteral("destroy.jsonl"));
        QByteArray data;
        for (int i = 0; i < 5000; ++i)
            data += chat(QStringLiteral("x%1").arg(i), QStringLiteral("y")).toLine() + '\n';
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
        f.close();
        auto doc = std::make_unique<DatasetDocument>();
        doc->openAsync(path);
        doc.reset();
        // Whatever the reading thread queued for the dead document arrives now: it must be
        // dropped, not delivered (under ASan a delivery is a use after free).
        test::drainBackgroundWork();
    }

    void autosaveAndRecovery()
    {
        const QString recoveryDir = m_dir.filePath(QStringLiteral("autosave"));
        const QString path = m_dir.filePath(QStringLiteral("work.jsonl"));
        {
            auto doc = makeDocument();
            QVERIFY(!doc->saveAs(path).isError());
        }
        const QByteArray saved = fileBytes(path);
        QByteArray unsaved;
        QString recoveryPath;
        {
            DatasetDocument doc;
            doc.setRecoveryDirectory(recoveryDir);
            doc.setAutosaveDelay(50);
            QVERIFY(!doc.open(path).isError());
            QSignalSpy autosaved(&doc, &DatasetDocument::autosaved);
            doc.setMessageText(1, 1, QStringLiteral("four"));
            QVERIFY(autosaved.wait(5000));
            recoveryPath = autosaved.first().first().toString();
            QCOMPARE(recoveryPath, doc.recoveryFilePath());
            QVERIFY(recoveryPath.startsWith(recoveryDir));
            QCOMPARE(fileBytes(recoveryPath), doc.toBytes());
            unsaved = doc.toBytes();
            // Back to the saved state: the recovery file goes away.
            doc.undoStack()->undo();
            QVERIFY(!QFile::exists(recoveryPath));
            doc.undoStack()->redo();
            QVERIFY(autosaved.wait(5000));
            QVERIFY(QFile::exists(recoveryPath));
            // Our own process's files are not offered for recovery.
            QVERIFY(DatasetRecovery::find(recoveryDir).isEmpty());
            // Simulate a crash: copy the files aside before the destructor cleans up.
            QVERIFY(QFile::copy(recoveryPath, recoveryPath + QStringLiteral(".keep")));
            QVERIFY(QFile::copy(DatasetRecovery::sidecarPath(recoveryPath),
                    recoveryPath + QStringLiteral(".meta")));
        }
        QVERIFY(!QFile::exists(recoveryPath)); // a normal close removes it
        QVERIFY(QFile::rename(recoveryPath + QStringLiteral(".keep"), recoveryPath));
        // Pretend another, dead process wrote it.
        QFile meta(recoveryPath + QStringLiteral(".meta"));
        QVERIFY(meta.open(QIODevice::ReadOnly));
        QJsonObject o = QJsonDocument::fromJson(meta.readAll()).object();
        meta.close();
        o.insert(QStringLiteral("pid"), 999999999);
        o.insert(QStringLiteral("session"), QStringLiteral("ended-session"));
        QFile sidecar(DatasetRecovery::sidecarPath(recoveryPath));
        QVERIFY(sidecar.open(QIODevice::WriteOnly));
        sidecar.write(QJsonDocument(o).toJson());
        sidecar.close();

        const QList<RecoveryFile> found = DatasetRecovery::find(recoveryDir);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().originalPath, path);
        QCOMPARE(found.first().examples, 3);
        QVERIFY(found.first().savedAt.isValid());

        DatasetDocument restored;
        restored.setAutosaveDelay(0);
        restored.setRecoveryDirectory(m_dir.filePath(QStringLiteral("other")));
        QVERIFY(!restored.restoreFrom(found.first().path, found.first().originalPath).isError());
        QCOMPARE(restored.toBytes(), unsaved);
        QCOMPARE(restored.filePath(), path);
        QVERIFY(restored.isModified());
        QCOMPARE(fileBytes(path), saved); // the original is untouched until the user saves
        QVERIFY(DatasetRecovery::discard(found.first()));
        QVERIFY(DatasetRecovery::find(recoveryDir).isEmpty());
        QVERIFY(!restored.save().isError());
        QCOMPARE(fileBytes(path), unsaved);
        QVERIFY(!restored.isModified());
    }

    void writeRecoveryFileForUntitled()
    {
        DatasetDocument a, b;
        a.setRecoveryDirectory(m_dir.filePath(QStringLiteral("untitled")));
        b.setRecoveryDirectory(m_dir.filePath(QStringLiteral("untitled")));
        QVERIFY(a.recoveryFilePath() != b.recoveryFilePath());
        a.appendExample(chat(QStringLiteral("u"), QStringLiteral("a")));
        QVERIFY(!a.writeRecoveryFile().isError());
        QCOMPARE(fileBytes(a.recoveryFilePath()), a.toBytes());
        a.clear();
        QVERIFY(!QFile::exists(a.recoveryFilePath()));
        QCOMPARE(a.count(), 0);
        QVERIFY(!a.isModified());
    }
};

QTEST_GUILESS_MAIN(tst_DatasetDocument)
#include "tst_datasetdocument.moc"
