// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"
#include "autogrowingtextedit.h"
#include "bulkdialogs.h"
#include "connectionstore.h"
#include "conversationeditor.h"
#include "datasetarea.h"
#include "datasetdocument.h"
#include "datasetrecovery.h"
#include "examplesmodel.h"
#include "exportdialog.h"
#include "filedialog.h"
#include "findingspanel.h"
#include "importdialog.h"
#include "lintrunner.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "messagecard.h"
#include "recoverydialog.h"
#include "screenshot.h"
#include "secretstore.h"
#include "statisticspanel.h"

#include <QAction>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <QValueAxis>
#include <cmath>
#include <memory>

using namespace fs;
using namespace fs::ui;

namespace {

using fs::test::saveScreenshot;
using fs::test::saveScreenshotOver;

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

FindReplaceOptions lampOptions()
{
    FindReplaceOptions options;
    options.find = QStringLiteral("lamp");
    return options;
}

/// The visible top-level dialog of type T, once one shows (null when none does).
template<typename T>
T *waitForDialog()
{
    T *found = nullptr;
    const bool shown = QTest::qWaitFor(
            [&found] {
                for (QWidget *widget : QApplication::topLevelWidgets()) {
                    if (auto *dialog = qobject_cast<T *>(widget); dialog && dialog->isVisible())
                        found = dialog;
                }
                return found != nullptr;
            },
            5000);
    return shown ? found : nullptr;
}

} // namespace

class tst_DatasetEditor : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<fs::AppSettings> m_settings;
    QList<MessageRequest> m_messages;
    QMessageBox::StandardButton m_answer = QMessageBox::Discard;

    std::unique_ptr<DatasetArea> makeArea()
    {
        auto area = std::make_unique<DatasetArea>(m_settings.get());
        area->setRecoveryDirectory(m_dir->filePath(QStringLiteral("recovery")));
        area->resize(1280, 800);
        area->show();
        return area;
    }

    /// A writable copy of a sample.
    QString copySample(const QString &name)
    {
        const QString path = m_dir->filePath(name);
        QFile::remove(path);
        QFile::copy(QStringLiteral(":/samples/") + name, path);
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        return path;
    }

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir->filePath(name);
        QFile file(path);
        file.open(QIODevice::WriteOnly | QIODevice::Truncate);
        file.write(bytes);
        return path;
    }

    static bool openAndWait(DatasetArea *area, const QString &path)
    {
        if (!area->openFile(path))
            return false;
        return QTest::qWaitFor([area] { return !area->document()->isLoading(); }, 10000);
    }

    /// Save (in the background, as the area always does) and wait for the outcome.
    static bool saveAndWait(DatasetArea *area)
    {
        QSignalSpy finished(area, &DatasetArea::saveFinished);
        if (!area->save())
            return false;
        if (!finished.wait(10000))
            return false;
        return finished.first().first().toBool();
    }

    /// Lines of a dataset of `n` small chat examples; every seventh mentions a refund.
    static QByteArray manyExamples(int n)
    {
        QByteArray bytes;
        for (int i = 0; i < n; ++i) {
            const QByteArray topic = i % 7 == 0 ? "my refund" : "the weather";
            bytes += "{\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                     "{\"role\":\"user\",\"content\":\"Question "
                    + QByteArray::number(i) + " about " + topic
                    + "\"},{\"role\":\"assistant\",\"content\":\"Answer " + QByteArray::number(i)
                    + "\"}]}\n";
        }
        return bytes;
    }

    static bool waitLinted(DatasetArea *area)
    {
        return QTest::qWaitFor([area] { return area->lintRunner()->isComplete(); }, 30000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        MessageBox::setTestHook([this](const MessageRequest &request) {
            m_messages << request;
            return request.buttons.testFlag(m_answer) ? m_answer : request.defaultButton;
        });
    }

    void init()
    {
        m_messages.clear();
        m_answer = QMessageBox::Discard;
        m_dir = std::make_unique<QTemporaryDir>();
        m_settings = std::make_unique<fs::AppSettings>(m_dir->filePath(QStringLiteral("s.ini")));
    }

    void welcomeOpensASample()
    {
        auto area = makeArea();
        QVERIFY(area->isWelcomeShown());
        auto *samples = area->findChild<QListWidget *>(QStringLiteral("samplesListWidget"));
        QVERIFY(samples);
        QCOMPARE(samples->count(), 3);
        saveScreenshot(area.get(), QStringLiteral("dataset-welcome"));
        // One click on a sample opens it.
        const QRect rect = samples->visualItemRect(samples->item(0));
        QTest::mouseClick(samples->viewport(), Qt::LeftButton, {}, rect.center());
        QTRY_VERIFY(!area->isWelcomeShown());
        QTRY_VERIFY(!area->document()->isLoading());
        QCOMPARE(area->document()->count(), 12);
        QCOMPARE(area->examplesView()->model()->rowCount(), 12);
        QCOMPARE(area->currentRow(), 0);
        QVERIFY(waitLinted(area.get()));
        // Tokens were counted for the list and the statistics.
        QTRY_VERIFY(area->examplesModel()->index(0, 0).data(ExamplesModel::TokensRole).toInt() > 0);
        QTRY_VERIFY(area->statisticsPanel()
                            ->value(QStringLiteral("cost"))
                            .startsWith(QLatin1Char('$')));
        QCOMPARE(area->statisticsPanel()->value(QStringLiteral("examples")), QStringLiteral("12"));
        QVERIFY(!area->statisticsPanel()->tokensChart()->series().isEmpty());
        // A sample is never overwritten: Save asks where to put a copy.
        QStringList asked;
        const FileDialog::ScopedTestHook fileDialogs([&asked](const FileRequest &request) {
            asked << request.kind;
            return QStringList(); // Cancel
        });
        QVERIFY(!area->save());
        QCOMPARE(asked, QStringList {QStringLiteral("save")});
        saveScreenshot(area.get(), QStringLiteral("dataset-sample"));
    }

    void editUndoRedoAndTheModifiedMarker()
    {
        ConnectionStore store(m_settings.get());
        MemorySecretStore secrets;
        QNetworkAccessManager nam;
        MainWindow window(&store, &secrets, &nam);
        auto *area = new DatasetArea(m_settings.get());
        area->setRecoveryDirectory(m_dir->filePath(QStringLiteral("recovery")));
        window.insertArea(0, QStringLiteral("Datasets"), QIcon(), area);
        area->attachTo(&window);
        window.showArea(0);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.currentArea(), 0);
        QCOMPARE(window.area(0), area);

        const QString path = copySample(QStringLiteral("support-bot.jsonl"));
        QVERIFY(openAndWait(area, path));
        QVERIFY(window.windowTitle().contains(QLatin1String("support-bot.jsonl[*]")));
        QVERIFY(!window.isWindowModified());

        QList<MessageCard *> cards = area->conversationEditor()->cards();
        QCOMPARE(cards.size(), 3);
        AutoGrowingTextEdit *user = cards.at(1)->contentEdit();
        const QString before = user->toPlainText();
        user->setFocus();
        user->moveCursor(QTextCursor::End);
        QTest::keyClicks(user, QStringLiteral(" Thanks!"));
        QCOMPARE(area->document()->example(0).message(1).text(),
                before + QStringLiteral(" Thanks!"));
        QVERIFY(window.isWindowModified());
        // Typing is one undo step, named in the Edit menu.
        QAction *undo = area->action(QStringLiteral("undoAction"));
        QVERIFY(undo->isEnabled());
        QVERIFY(undo->text().startsWith(QLatin1String("&Undo ")));
        QTest::keyClick(user, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(area->document()->example(0).message(1).text(), before);
        QCOMPARE(user->toPlainText(), before);
        QVERIFY(!window.isWindowModified());
        QTest::keyClick(user, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(user->toPlainText(), before + QStringLiteral(" Thanks!"));
        QVERIFY(window.isWindowModified());

        // Role change through the combo box, then a message added and moved.
        QComboBox *role = cards.at(1)->findChild<QComboBox *>(QStringLiteral("roleComboBox"));
        role->setFocus();
        role->setCurrentIndex(role->findData(QStringLiteral("developer")));
        Q_EMIT role->activated(role->currentIndex());
        QCOMPARE(area->document()->example(0).message(1).role(), QStringLiteral("developer"));
        QTest::mouseClick(area->findChild<QPushButton *>(QStringLiteral("addMessagePushButton")),
                Qt::LeftButton);
        QCOMPARE(area->document()->example(0).messageCount(), 4);
        QCOMPARE(area->conversationEditor()->cards().size(), 4);
        QCOMPARE(area->document()->example(0).message(3).role(), QStringLiteral("user"));
        QTest::keyClicks(
                area->conversationEditor()->cards().at(3)->contentEdit(), QStringLiteral("And?"));
        QTest::mouseClick(area->conversationEditor()->cards().at(3)->findChild<QToolButton *>(
                                  QStringLiteral("moveUpToolButton")),
                Qt::LeftButton);
        QCOMPARE(area->document()->example(0).message(2).text(), QStringLiteral("And?"));
        // Undo everything: back to the file as it was, not modified.
        while (area->document()->undoStack()->canUndo())
            area->action(QStringLiteral("undoAction"))->trigger();
        QCOMPARE(area->document()->toBytes(), readAll(path));
        QVERIFY(!window.isWindowModified());

        // Closing with unsaved changes asks; Cancel keeps the window open.
        area->action(QStringLiteral("duplicateExampleAction"))->trigger();
        QCOMPARE(area->document()->count(), 13);
        m_answer = QMessageBox::Cancel;
        QVERIFY(!window.close());
        QCOMPARE(m_messages.size(), 1);
        QCOMPARE(m_messages.first().title, QStringLiteral("Unsaved Changes"));
        QVERIFY(window.isVisible());
        m_answer = QMessageBox::Discard;
        QVERIFY(window.close());
    }

    void saveAndReopenIdentical()
    {
        auto area = makeArea();
        const QString path = copySample(QStringLiteral("weather-tools.jsonl"));
        const QByteArray original = readAll(path);
        QVERIFY(openAndWait(area.get(), path));
        QCOMPARE(area->document()->count(), 11);
        // Unedited: saving gives back the same bytes.
        QVERIFY(saveAndWait(area.get()));
        QCOMPARE(readAll(path), original);
        // Edited: the edit is in the file, and reopening shows it.
        area->selectRow(4);
        AutoGrowingTextEdit *answer = area->conversationEditor()->cards().at(4)->contentEdit();
        answer->selectAll();
        QTest::keyClicks(answer, QStringLiteral("Cloudy, 19 °C."));
        QTest::keyClick(answer, Qt::Key_S, Qt::ControlModifier);
        // Ctrl+S only reaches the action inside a window with the menus; save directly here.
        QVERIFY(saveAndWait(area.get()));
        QVERIFY(!area->document()->isModified());
        const QByteArray saved = readAll(path);
        QVERIFY(saved != original);
        QVERIFY(saved.contains("Cloudy, 19 \xc2\xb0"
                               "C."));
        auto again = makeArea();
        QVERIFY(openAndWait(again.get(), path));
        QCOMPARE(again->document()->example(4).message(4).text(), QStringLiteral("Cloudy, 19 °C."));
        QCOMPARE(again->document()->toBytes(), saved);
        // Tool calls show as checked JSON on the assistant card.
        again->selectRow(0);
        auto *calls = again->conversationEditor()->cards().at(2)->findChild<AutoGrowingTextEdit *>(
                QStringLiteral("toolCallsPlainTextEdit"));
        QTRY_VERIFY(calls->isVisible());
        QVERIFY(calls->toPlainText().contains(QLatin1String("get_weather")));
        calls->setFocus();
        calls->moveCursor(QTextCursor::End);
        QTest::keyClicks(calls, QStringLiteral("oops"));
        auto *error = again->conversationEditor()->cards().at(2)->findChild<QLabel *>(
                QStringLiteral("toolCallsErrorLabel"));
        QTRY_VERIFY(error->isVisible());
        QVERIFY(!error->text().isEmpty());
        // Invalid JSON never reaches the document.
        QVERIFY(!again->document()->isModified());
        saveScreenshot(again.get(), QStringLiteral("dataset-toolcalls"));
    }

    void closingWhileAFileLoadsIsSafe()
    {
        // Closing the window (or a test tearing down) while a big file is still being read: the
        // load ends (loadFinished) and nothing reaches the half-destroyed editor. Reacting to it
        // restarted the lint runner on a document being deleted and updated widgets being torn
        // down: the runner then announced a run and new findings, the area a new title.
        const QString path = writeFile(QStringLiteral("loading.jsonl"), manyExamples(20000));
        for (int attempt = 0; attempt < 3; ++attempt) {
            auto area = makeArea();
            QVERIFY(area->openFile(path));
            QVERIFY(area->document()->isLoading());
            QSignalSpy loadEnded(area->document(), &DatasetDocument::loadFinished);
            QSignalSpy lintStarted(area->lintRunner(), &LintRunner::started);
            QSignalSpy findings(area->lintRunner(), &LintRunner::findingsChanged);
            QSignalSpy title(area.get(), &DatasetArea::titleChanged);
            area.reset(); // must not crash
            QCOMPARE(loadEnded.size(), 1); // the load did end while the area went
            QCOMPARE(lintStarted.size(), 0);
            QCOMPARE(findings.size(), 0);
            QCOMPARE(title.size(), 0);
        }
    }

    void saveRunsInTheBackground()
    {
        // Big enough that the search and the match count work in slices.
        const QByteArray original = manyExamples(3000);
        const QString path = writeFile(QStringLiteral("many.jsonl"), original);
        auto area = makeArea();
        QVERIFY(openAndWait(area.get(), path));
        QCOMPARE(area->document()->count(), 3000);
        QVERIFY(waitLinted(area.get()));
        QSignalSpy finished(area.get(), &DatasetArea::saveFinished);
        // save() returns at once; the progress row shows the save until it is written.
        QVERIFY(area->save());
        QVERIFY(area->isSaving());
        auto *bar = area->findChild<QProgressBar *>(QStringLiteral("progressBar"));
        QVERIFY(bar->isVisible());
        QVERIFY(!area->findChild<QPushButton *>(QStringLiteral("cancelPushButton"))->isVisible());
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY(!area->isSaving());
        QTRY_VERIFY(!bar->isVisible());
        QCOMPARE(readAll(path), original);

        // An edit typed while the save runs is not in the file: still unsaved afterwards.
        area->selectRow(5);
        AutoGrowingTextEdit *answer = area->conversationEditor()->cards().at(2)->contentEdit();
        answer->selectAll();
        QTest::keyClicks(answer, QStringLiteral("First edit."));
        QVERIFY(area->document()->isModified());
        finished.clear();
        QVERIFY(area->save());
        QVERIFY(area->isSaving());
        answer->moveCursor(QTextCursor::End);
        QTest::keyClicks(answer, QStringLiteral(" Second edit."));
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY(area->document()->isModified());
        QVERIFY(readAll(path).contains("\"First edit.\""));
        QVERIFY(!readAll(path).contains("Second edit."));
        // Saved again: now the file holds everything, and reopening gives the same bytes.
        QVERIFY(saveAndWait(area.get()));
        QVERIFY(!area->document()->isModified());
        const QByteArray saved = readAll(path);
        QVERIFY(saved.contains("\"First edit. Second edit.\""));
        QCOMPARE(area->document()->toBytes(), saved);
        auto again = makeArea();
        QVERIFY(openAndWait(again.get(), path));
        QCOMPARE(again->document()->toBytes(), saved);
        QCOMPARE(again->document()->example(5).message(2).text(),
                QStringLiteral("First edit. Second edit."));

        // Undo and another edit while saving end at the same undo position with other content:
        // still unsaved.
        area->document()->setMessageText(7, 1, QStringLiteral("Edit A"));
        finished.clear();
        QVERIFY(area->save());
        area->document()->undoStack()->undo();
        area->document()->setMessageText(8, 1, QStringLiteral("Edit B"));
        QVERIFY(finished.wait(10000));
        QVERIFY(area->document()->isModified());
        QVERIFY(readAll(path).contains("Edit A"));
        QVERIFY(!readAll(path).contains("Edit B"));

        // A save that fails says so, and the work stays unsaved.
        const QString nowhere = m_dir->filePath(QStringLiteral("missing-folder/out.jsonl"));
        const FileDialog::ScopedTestHook fileDialogs(
                [nowhere](const FileRequest &) { return QStringList {nowhere}; });
        m_messages.clear();
        finished.clear();
        QVERIFY(area->saveAs());
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(m_messages.size(), 1);
        QCOMPARE(m_messages.first().title, QStringLiteral("Save Dataset"));
        QVERIFY(area->document()->isModified());
        QCOMPARE(area->document()->filePath(), path);
        QVERIFY(!QFile::exists(nowhere));
    }

    void searchAndCountInSlices()
    {
        const QString path = writeFile(QStringLiteral("many.jsonl"), manyExamples(3000));
        auto area = makeArea();
        QVERIFY(openAndWait(area.get(), path));
        QVERIFY(waitLinted(area.get()));
        QAbstractItemModel *shown = area->examplesView()->model();
        auto *search = area->findChild<QLineEdit *>(QStringLiteral("searchLineEdit"));
        QTest::keyClicks(search, QStringLiteral("REFUND"));
        QCOMPARE(shown->rowCount(), 3000);
        QTRY_COMPARE(shown->rowCount(), 429); // rows 0, 7, 14, … (case does not matter)
        for (int row = 0; row < shown->rowCount(); ++row)
            QCOMPARE(area->filterModel()->mapToSource(shown->index(row, 0)).row() % 7, 0);
        QVERIFY(area->findChild<QLabel *>(QStringLiteral("exampleCountLabel"))
                        ->text()
                        .startsWith(QLatin1String("Showing 429 of 3")));
        // An edited example is matched again: it joins (or leaves) the result at once.
        area->document()->setMessageText(1, 1, QStringLiteral("Where is my refund?"));
        QCOMPARE(shown->rowCount(), 430);
        area->document()->setMessageText(0, 1, QStringLiteral("Where is my parcel?"));
        QCOMPARE(shown->rowCount(), 429);
        area->document()->undoStack()->undo();
        area->document()->undoStack()->undo();
        QCOMPARE(shown->rowCount(), 429);
        QCOMPARE(area->filterModel()->mapToSource(shown->index(0, 0)).row(), 0);
        // Combined with the other filters.
        auto *role = area->findChild<QComboBox *>(QStringLiteral("roleFilterComboBox"));
        role->setCurrentIndex(role->findData(QStringLiteral("tool")));
        QCOMPARE(shown->rowCount(), 0);
        role->setCurrentIndex(0);
        QCOMPARE(shown->rowCount(), 429);
        // Typing on replaces the search that is still going on.
        QTest::keyClicks(search, QStringLiteral("x"));
        QTRY_COMPARE(shown->rowCount(), 0);
        search->clear();
        QCOMPARE(shown->rowCount(), 3000);

        // Find and replace counts big datasets once typing pauses, a slice at a time.
        area->action(QStringLiteral("findReplaceAction"))->trigger();
        auto *find = waitForDialog<FindReplaceDialog>();
        QVERIFY(find);
        auto *count = find->findChild<QLabel *>(QStringLiteral("countLabel"));
        auto *replace = find->findChild<QPushButton *>(QStringLiteral("replaceAllPushButton"));
        QTest::keyClicks(find->findChild<QLineEdit *>(QStringLiteral("findLineEdit")),
                QStringLiteral("refund"));
        QCOMPARE(count->text(), QStringLiteral("Counting the matches…"));
        QVERIFY(!replace->isEnabled());
        QTRY_COMPARE(count->text(), QStringLiteral("Matches found: 429"));
        QVERIFY(replace->isEnabled());
        QTest::keyClicks(find->findChild<QLineEdit *>(QStringLiteral("replaceLineEdit")),
                QStringLiteral("parcel"));
        QTRY_VERIFY(replace->isEnabled());
        QTest::mouseClick(replace, Qt::LeftButton);
        QTRY_COMPARE(count->text(),
                QStringLiteral("Replacements made: 429. Edit ▸ Undo takes them back."));
        QCOMPARE(area->document()->countMatches(lampOptions()), 0);
        FindReplaceOptions refund;
        refund.find = QStringLiteral("refund");
        QCOMPARE(area->document()->countMatches(refund), 0);
        QCOMPARE(area->document()->undoStack()->count(), 1);
        find->close();
    }

    void findingsJumpAndFix()
    {
        QByteArray bytes;
        for (int i = 0; i < 12; ++i) {
            const QByteArray question = i == 7 ? QByteArray("Where is my order<|endoftext|>?")
                                               : "Question " + QByteArray::number(i);
            bytes += "{\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                     "{\"role\":\"user\",\"content\":\""
                    + question + "\"},{\"role\":\"assistant\",\"content\":\"Answer "
                    + QByteArray::number(i) + "\"}]}\n";
        }
        const QString path = writeFile(QStringLiteral("broken.jsonl"), bytes);
        auto area = makeArea();
        QVERIFY(openAndWait(area.get(), path));
        QVERIFY(waitLinted(area.get()));
        area->findingsPanel()->refresh();
        QTreeWidget *tree = area->findingsPanel()->treeWidget();
        QTreeWidgetItem *found = nullptr;
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            if (tree->topLevelItem(i)->text(2) == QLatin1String("special_token"))
                found = tree->topLevelItem(i);
        }
        QVERIFY(found);
        QCOMPARE(found->text(0), QStringLiteral("8"));
        // The list's badge shows the error.
        QCOMPARE(area->examplesModel()->index(7, 0).data(ExamplesModel::ErrorsRole).toInt(), 1);
        saveScreenshot(area.get(), QStringLiteral("dataset-findings"));
        // Clicking the finding jumps to example 8, message 2.
        QTest::mouseClick(
                tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(found).center());
        QCOMPARE(area->currentRow(), 7);
        QTRY_COMPARE(area->conversationEditor()->focusedMessage(), 1);
        auto *problem = area->conversationEditor()->cards().at(1)->findChild<QLabel *>(
                QStringLiteral("problemLabel"));
        QTRY_VERIFY(problem->isVisible());
        // Its Fix button removes the token, as one undoable step.
        auto *fix = qobject_cast<QPushButton *>(tree->itemWidget(found, 3));
        QVERIFY(fix);
        QTest::mouseClick(fix, Qt::LeftButton);
        QCOMPARE(area->document()->example(7).message(1).text(),
                QStringLiteral("Where is my order?"));
        QTRY_COMPARE(area->examplesModel()->index(7, 0).data(ExamplesModel::ErrorsRole).toInt(), 0);
        area->findingsPanel()->refresh();
        for (const LintFinding &finding : area->findingsPanel()->shownFindings())
            QVERIFY(finding.code != QLatin1String("special_token"));
        area->action(QStringLiteral("undoAction"))->trigger();
        QTRY_COMPARE(area->examplesModel()->index(7, 0).data(ExamplesModel::ErrorsRole).toInt(), 1);
        // The filter for errors leaves just that example.
        area->findChild<QCheckBox *>(QStringLiteral("onlyErrorsCheckBox"))->setChecked(true);
        QCOMPARE(area->examplesView()->model()->rowCount(), 1);
        QVERIFY(area->findChild<QLabel *>(QStringLiteral("exampleCountLabel"))
                        ->text()
                        .startsWith(QLatin1String("Showing 1 of 12")));
    }

    void searchFilters()
    {
        auto area = makeArea();
        QVERIFY(openAndWait(area.get(), copySample(QStringLiteral("support-bot.jsonl"))));
        auto *search = area->findChild<QLineEdit *>(QStringLiteral("searchLineEdit"));
        QTest::keyClicks(search, QStringLiteral("password"));
        // Matched once typing pauses, not at every key.
        QCOMPARE(area->examplesView()->model()->rowCount(), 12);
        QTRY_VERIFY(area->examplesView()->model()->rowCount() < 12);
        const int shown = area->examplesView()->model()->rowCount();
        QVERIFY(shown >= 1);
        QVERIFY(shown < 12);
        for (int row = 0; row < shown; ++row) {
            const int source =
                    area->filterModel()->mapToSource(area->filterModel()->index(row, 0)).row();
            QVERIFY(area->document()->line(source).toLower().contains("password"));
        }
        search->clear();
        QCOMPARE(area->examplesView()->model()->rowCount(), 12);
        auto *role = area->findChild<QComboBox *>(QStringLiteral("roleFilterComboBox"));
        role->setCurrentIndex(role->findData(QStringLiteral("tool")));
        QCOMPARE(area->examplesView()->model()->rowCount(), 0);
        role->setCurrentIndex(role->findData(QStringLiteral("system")));
        QCOMPARE(area->examplesView()->model()->rowCount(), 12);
    }

    void bulkSystemPromptAndFindReplace()
    {
        auto area = makeArea();
        QVERIFY(openAndWait(area.get(), copySample(QStringLiteral("support-bot.jsonl"))));
        area->action(QStringLiteral("systemPromptAction"))->trigger();
        auto *dialog = waitForDialog<SystemPromptDialog>();
        QVERIFY(dialog);
        auto *prompt = dialog->findChild<QPlainTextEdit *>(QStringLiteral("promptPlainTextEdit"));
        prompt->selectAll();
        QTest::keyClicks(prompt, QStringLiteral("You are Max, a cheerful lamp expert."));
        QVERIFY(dialog->findChild<QRadioButton *>(QStringLiteral("allRadioButton"))->isChecked());
        QTest::mouseClick(
                dialog->findChild<QPushButton *>(QStringLiteral("setPushButton")), Qt::LeftButton);
        // In the background, with the progress row showing it.
        QVERIFY(area->isBulkRunning());
        QVERIFY(area->findChild<QProgressBar *>(QStringLiteral("progressBar"))->isVisible());
        QTRY_VERIFY(!area->isBulkRunning());
        for (int row = 0; row < 12; ++row)
            QCOMPARE(area->document()->example(row).firstText(QStringLiteral("system")),
                    QStringLiteral("You are Max, a cheerful lamp expert."));
        QCOMPARE(area->document()->undoStack()->count(), 1);

        area->action(QStringLiteral("findReplaceAction"))->trigger();
        auto *find = waitForDialog<FindReplaceDialog>();
        QVERIFY(find);
        const int expected = area->document()->countMatches(lampOptions());
        QVERIFY(expected > 12);
        QTest::keyClicks(find->findChild<QLineEdit *>(QStringLiteral("findLineEdit")),
                QStringLiteral("lamp"));
        QTest::keyClicks(find->findChild<QLineEdit *>(QStringLiteral("replaceLineEdit")),
                QStringLiteral("light"));
        auto *count = find->findChild<QLabel *>(QStringLiteral("countLabel"));
        QCOMPARE(count->text(), QStringLiteral("Matches found: %1").arg(expected));
        saveScreenshot(find, QStringLiteral("dataset-findreplace"));
        QTest::mouseClick(find->findChild<QPushButton *>(QStringLiteral("replaceAllPushButton")),
                Qt::LeftButton);
        QCOMPARE(count->text(), QStringLiteral("Replacing…"));
        QTRY_VERIFY(
                count->text().startsWith(QStringLiteral("Replacements made: %1.").arg(expected)));
        QCOMPARE(area->document()->countMatches(lampOptions()), 0);
        QCOMPARE(area->document()->undoStack()->count(), 2);
        find->close();
    }

    void preferenceViewSideBySide()
    {
        auto area = makeArea();
        QVERIFY(openAndWait(area.get(), copySample(QStringLiteral("preference-bakery.jsonl"))));
        auto *preferred =
                area->findChild<AutoGrowingTextEdit *>(QStringLiteral("preferredPlainTextEdit"));
        auto *other =
                area->findChild<AutoGrowingTextEdit *>(QStringLiteral("nonPreferredPlainTextEdit"));
        QVERIFY(preferred && other);
        QTRY_VERIFY(preferred->isVisible() && other->isVisible());
        // Side by side: same height on screen, one left of the other.
        QCOMPARE(
                preferred->mapTo(area.get(), QPoint()).y(), other->mapTo(area.get(), QPoint()).y());
        QVERIFY(preferred->mapTo(area.get(), QPoint()).x()
                < other->mapTo(area.get(), QPoint()).x());
        QVERIFY(preferred->toPlainText().startsWith(QLatin1String("Thank you so much!")));
        QCOMPARE(area->conversationEditor()->cards().size(), 2); // the prompt: system + user
        other->selectAll();
        QTest::keyClicks(other, QStringLiteral("Noted."));
        QCOMPARE(area->document()->example(0).nonPreferredOutput().value(0).text(),
                QStringLiteral("Noted."));
        saveScreenshot(area.get(), QStringLiteral("dataset-dpo"));
    }

    void importThroughTheMappingDialog()
    {
        auto area = makeArea();
        area->importFile(QStringLiteral(":/samples/dialogue-summaries.csv"));
        auto *dialog = waitForDialog<ImportDialog>();
        QVERIFY(dialog);
        auto *user =
                dialog->findChild<QPlainTextEdit *>(QStringLiteral("userTemplatePlainTextEdit"));
        auto *assistant = dialog->findChild<QPlainTextEdit *>(
                QStringLiteral("assistantTemplatePlainTextEdit"));
        QCOMPARE(user->toPlainText(), QStringLiteral("{dialogue}"));
        QCOMPARE(assistant->toPlainText(), QStringLiteral("{summary}"));
        user->selectAll();
        QTest::keyClicks(user, QStringLiteral("Summarize the following conversation."));
        QTest::keyClick(user, Qt::Key_Return);
        user->moveCursor(QTextCursor::End);
        auto *columns = dialog->findChild<QComboBox *>(QStringLiteral("columnComboBox"));
        columns->setCurrentIndex(columns->findText(QStringLiteral("dialogue")));
        user->setFocus();
        QTest::mouseClick(
                dialog->findChild<QPushButton *>(QStringLiteral("insertColumnPushButton")),
                Qt::LeftButton);
        QCOMPARE(user->toPlainText(),
                QStringLiteral("Summarize the following conversation.\n{dialogue}"));
        auto *preview = dialog->findChild<QTableWidget *>(QStringLiteral("previewTableWidget"));
        QCOMPARE(preview->rowCount(), 8);
        QVERIFY(preview->item(0, 2)->text().startsWith(
                QLatin1String("Summarize the following conversation.\nCustomer:")));
        // A template naming a missing column: every row shows the problem.
        assistant->setPlainText(QStringLiteral("{summry}"));
        QVERIFY(preview->item(0, 1)->text().contains(QLatin1String("summry")));
        auto *import = dialog->findChild<QPushButton *>(QStringLiteral("importPushButton"));
        QVERIFY(!import->isEnabled());
        saveScreenshot(dialog, QStringLiteral("dataset-import-error"));
        assistant->setPlainText(QStringLiteral("{summary}"));
        QVERIFY(import->isEnabled());
        saveScreenshot(dialog, QStringLiteral("dataset-import"));
        QTest::mouseClick(import, Qt::LeftButton);
        QTRY_COMPARE(area->document()->count(), 10);
        QVERIFY(!area->isWelcomeShown());
        QCOMPARE(area->document()->example(9).firstText(QStringLiteral("assistant")),
                QStringLiteral("Password reset link sent, valid for one hour."));
        QVERIFY(area->document()->isModified());
    }

    void newDatasetThenImportReplacesTheBlankExample()
    {
        auto area = makeArea();
        area->newDataset();
        QCOMPARE(area->document()->count(), 1); // the blank starter example
        const int stepsBefore = area->document()->undoStack()->count();
        area->importFile(QStringLiteral(":/samples/dialogue-summaries.csv"));
        auto *dialog = waitForDialog<ImportDialog>();
        QVERIFY(dialog);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("importPushButton")),
                Qt::LeftButton);
        // The ten rows, without an empty example 1 (and its two errors) in front of them.
        QTRY_COMPARE(area->document()->count(), 10);
        QVERIFY(area->document()
                        ->example(0)
                        .firstText(QStringLiteral("user"))
                        .startsWith(QLatin1String("Customer: My parcel")));
        QCOMPARE(area->currentRow(), 0);
        QVERIFY(waitLinted(area.get()));
        QCOMPARE(area->lintRunner()->errorCount(), 0);
        // One step: undo gives the blank example back.
        QCOMPARE(area->document()->undoStack()->count(), stepsBefore + 1);
        area->action(QStringLiteral("undoAction"))->trigger();
        QCOMPARE(area->document()->count(), 1);
        QVERIFY(area->document()->isUntouchedNew());
    }

    void importPreviewRowsAreCountedAndNatural()
    {
        auto area = makeArea();
        area->importFile(QStringLiteral(":/samples/dialogue-summaries.csv"));
        auto *dialog = waitForDialog<ImportDialog>();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        auto *preview = dialog->findChild<QTableWidget *>(QStringLiteral("previewTableWidget"));
        QCOMPARE(preview->rowCount(), ImportDialog::kPreviewRows);
        QCoreApplication::processEvents();
        saveScreenshot(dialog, QStringLiteral("dataset-import-first-look"));
        // Rows are counted 1, 2, 3… (records span several lines of the file: the line is in
        // the tooltip), and each row is as tall as its text, not as tall as the box.
        const int lines = preview->fontMetrics().lineSpacing();
        for (int row = 0; row < preview->rowCount(); ++row) {
            QCOMPARE(preview->item(row, 0)->text(), QString::number(row + 1));
            QVERIFY(preview->item(row, 0)->toolTip().startsWith(QLatin1String("Line ")));
            QVERIFY2(preview->rowHeight(row) <= lines * ImportDialog::kPreviewLines + 8,
                    qPrintable(QStringLiteral("row %1 is %2 px")
                                       .arg(row)
                                       .arg(preview->rowHeight(row))));
        }
        QCOMPARE(preview->item(1, 0)->toolTip(), QStringLiteral("Line 5 of the file"));
        // Two-line texts get two lines, one-line texts one: the heights differ by content.
        QVERIFY(preview->rowHeight(0) >= 2 * lines);
        // Typing a system message does not change the first look.
        const int first = preview->rowHeight(2);
        dialog->findChild<QPlainTextEdit *>(QStringLiteral("systemTemplatePlainTextEdit"))
                ->setPlainText(QStringLiteral("Be brief."));
        QCOMPARE(preview->rowHeight(2), first);
        dialog->close();
    }

    void statisticsAxesAreReadable()
    {
        auto area = makeArea();
        area->resize(1024, 600);
        QVERIFY(openAndWait(area.get(), copySample(QStringLiteral("support-bot.jsonl"))));
        QVERIFY(waitLinted(area.get()));
        StatisticsPanel *panel = area->statisticsPanel();
        auto *sideTabs = area->findChild<QTabWidget *>(QStringLiteral("sideTabWidget"));
        sideTabs->setCurrentWidget(panel);
        QTRY_VERIFY(panel->value(QStringLiteral("cost")).startsWith(QLatin1Char('$')));
        // The whole area at the smallest window size, once the panels have caught up.
        sideTabs->setCurrentWidget(area->findingsPanel());
        QTRY_VERIFY(!area->findingsPanel()->isHidden());
        saveScreenshot(area.get(), QStringLiteral("dataset-area-1024x600"));
        sideTabs->setCurrentWidget(panel);
        for (const QString &name :
                {QStringLiteral("tokensChartView"), QStringLiteral("assistantTokensChartView")}) {
            auto *view = panel->findChild<QChartView *>(name);
            view->resize(420, 240);
            QCoreApplication::processEvents();
            saveScreenshot(view, QStringLiteral("dataset-statistics-") + name);
        }
        for (QChart *chart : {panel->tokensChart(), panel->assistantTokensChart()}) {
            auto *y = chart->findChild<QValueAxis *>(QStringLiteral("examplesAxis"));
            QVERIFY2(y, qPrintable(chart->title()));
            auto *series = qobject_cast<QBarSeries *>(chart->series().value(0));
            QVERIFY(series);
            int highest = 0;
            for (int i = 0; i < series->barSets().first()->count(); ++i)
                highest = qMax(highest, int(series->barSets().first()->at(i)));
            // Whole numbers on every tick, the top on a tick, the tallest bar below it.
            QCOMPARE(y->min(), 0.0);
            QVERIFY(y->max() >= highest);
            const double step = y->max() / (y->tickCount() - 1);
            QCOMPARE(step, std::round(step));
            QVERIFY(y->tickCount() <= 6);
            // The tokens axis: a few round numbers, none cut down to "…".
            auto *x = chart->findChild<QValueAxis *>(QStringLiteral("tokensAxis"));
            QVERIFY(x);
            QVERIFY(x->isVisible());
            QVERIFY(x->tickInterval() >= 1);
            QVERIFY((x->max() - x->min()) / x->tickInterval() <= StatisticsPanel::kTokenLabels + 1);
            QStringList texts;
            for (QGraphicsItem *item : chart->scene()->items()) {
                if (auto *text = dynamic_cast<QGraphicsTextItem *>(item); text && text->isVisible())
                    texts << text->toPlainText();
            }
            QVERIFY(!texts.isEmpty());
            for (const QString &text : std::as_const(texts))
                QVERIFY2(!text.contains(QChar(0x2026)), qPrintable(texts.join(QLatin1Char('|'))));
        }
    }

    void editorTitleFollowsTheCurrentRow()
    {
        auto area = makeArea();
        QVERIFY(openAndWait(area.get(), copySample(QStringLiteral("support-bot.jsonl"))));
        auto *title = area->conversationEditor()->findChild<QLabel *>(
                QStringLiteral("exampleTitleLabel"));
        QVERIFY(title);
        area->selectRow(0);
        const QString second = area->document()->example(1).firstText(QStringLiteral("user"));
        area->deleteSelectedExamples();
        // Example 2 moved up: it is now example 1, and the editor edits it.
        QCOMPARE(area->currentRow(), 0);
        QCOMPARE(area->conversationEditor()->row(), 0);
        QCOMPARE(title->text(), QStringLiteral("Example 1"));
        QCOMPARE(area->conversationEditor()->cards().at(1)->contentEdit()->toPlainText(), second);
        // A row removed above the current one (undo of an insert): the number follows too.
        area->selectRow(3);
        area->document()->removeExample(0);
        QCOMPARE(area->currentRow(), 2);
        QTRY_COMPARE(area->conversationEditor()->row(), 2);
        QCOMPARE(title->text(), QStringLiteral("Example 3"));
        area->action(QStringLiteral("undoAction"))->trigger();
        QTRY_COMPARE(title->text(), QStringLiteral("Example 4"));
    }

    void insertMessageBelowHasItsOwnIcon()
    {
        MessageCard card(0);
        auto *insert = card.findChild<QToolButton *>(QStringLiteral("insertToolButton"));
        QVERIFY(insert);
        const QImage shown = insert->icon().pixmap(16).toImage();
        QCOMPARE(shown,
                QIcon(QString::fromLatin1(MessageCard::kInsertBelowIcon)).pixmap(16).toImage());
        QVERIFY(shown
                != card.style()->standardIcon(QStyle::SP_FileDialogNewFolder).pixmap(16).toImage());
        QVERIFY(!shown.isNull());
    }

    void fileDialogsStartInTheLastFolder()
    {
        const QString folder = m_dir->filePath(QStringLiteral("my datasets"));
        QVERIFY(QDir().mkpath(folder));
        QStringList startedIn;
        QString answer;
        auto area = makeArea();
        // Not the launch folder: home until something was opened or saved.
        QCOMPARE(area->fileDialogFolder(), QDir::homePath());
        const FileDialog::ScopedTestHook fileDialogs([&](const FileRequest &request) {
            const QFileInfo start(request.path); // a folder, or a file suggested in one
            startedIn << (start.isDir() ? start.absoluteFilePath() : start.absolutePath());
            return QStringList {answer};
        });
        QVERIFY(QFile::copy(QStringLiteral(":/samples/support-bot.jsonl"),
                QDir(folder).filePath(QStringLiteral("shop.jsonl"))));
        QFile::setPermissions(QDir(folder).filePath(QStringLiteral("shop.jsonl")),
                QFile::ReadOwner | QFile::WriteOwner);
        answer = QDir(folder).filePath(QStringLiteral("shop.jsonl"));
        area->open();
        QTRY_VERIFY(!area->document()->isLoading());
        QCOMPARE(area->fileDialogFolder(), folder);
        // Every other dataset dialog starts there now: import, export, save as.
        answer.clear();
        area->importFile();
        area->selectRow(0);
        area->exportSelection();
        area->saveAs();
        QCOMPARE(startedIn, QStringList({QDir::homePath(), folder, folder, folder}));
        // The export of a split suggests files in that folder for a sample.
        auto other = makeArea();
        QCOMPARE(other->fileDialogFolder(), folder); // kept in the settings
        QVERIFY(openAndWait(other.get(), QStringLiteral(":/samples/support-bot.jsonl")));
        other->action(QStringLiteral("exportSplitAction"))->trigger();
        auto *dialog = waitForDialog<ExportSplitDialog>();
        QVERIFY(dialog);
        QCOMPARE(QFileInfo(dialog->trainingPath()).absolutePath(), folder);
        dialog->close();
    }

    void recentFilesOpenOnOneClick()
    {
        const QString path = copySample(QStringLiteral("support-bot.jsonl"));
        {
            auto first = makeArea();
            QVERIFY(openAndWait(first.get(), path));
        }
        auto area = makeArea();
        QVERIFY(area->isWelcomeShown());
        auto *recent = area->findChild<QListWidget *>(QStringLiteral("recentListWidget"));
        QVERIFY(recent);
        QCOMPARE(recent->count(), 1);
        const QRect rect = recent->visualItemRect(recent->item(0));
        QTest::mouseClick(recent->viewport(), Qt::LeftButton, {}, rect.center());
        QTRY_VERIFY(!area->isWelcomeShown());
        QTRY_VERIFY(!area->document()->isLoading());
        QCOMPARE(area->document()->filePath(), QFileInfo(path).absoluteFilePath());
        QCOMPARE(area->document()->count(), 12);
    }

    void exportWarnsWhenTrainingIsTooSmall()
    {
        auto area = makeArea();
        QVERIFY(openAndWait(area.get(), copySample(QStringLiteral("support-bot.jsonl"))));
        area->action(QStringLiteral("exportSplitAction"))->trigger();
        auto *dialog = waitForDialog<ExportSplitDialog>();
        QVERIFY(dialog);
        auto *warning = dialog->findChild<QLabel *>(QStringLiteral("splitWarningLabel"));
        QVERIFY(warning);
        // 12 examples, 20 % held out: 10 to train on, enough.
        dialog->findChild<QSpinBox *>(QStringLiteral("percentSpinBox"))->setValue(20);
        QVERIFY(!warning->isVisible());
        // 25 %: 9 left, which the service refuses.
        dialog->findChild<QSpinBox *>(QStringLiteral("percentSpinBox"))->setValue(25);
        QVERIFY(warning->isVisible());
        QVERIFY(warning->text().contains(QLatin1String("fewer than 10 examples")));
        saveScreenshot(dialog, QStringLiteral("dataset-export-too-few"));
        dialog->close();
    }

    void exportASplitAndTheSelection()
    {
        auto area = makeArea();
        QVERIFY(openAndWait(area.get(), copySample(QStringLiteral("support-bot.jsonl"))));
        area->action(QStringLiteral("exportSplitAction"))->trigger();
        auto *dialog = waitForDialog<ExportSplitDialog>();
        QVERIFY(dialog);
        dialog->findChild<QSpinBox *>(QStringLiteral("percentSpinBox"))->setValue(25);
        QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("splitCountLabel"))->text(),
                QStringLiteral("9 examples for training, 3 for validation."));
        const QString training = m_dir->filePath(QStringLiteral("t.jsonl"));
        const QString validation = m_dir->filePath(QStringLiteral("v.jsonl"));
        dialog->setPaths(training, validation);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("exportPushButton")),
                Qt::LeftButton);
        QTRY_VERIFY(QFile::exists(validation));
        const QList<QByteArray> t = readAll(training).trimmed().split('\n');
        const QList<QByteArray> v = readAll(validation).trimmed().split('\n');
        QCOMPARE(t.size(), 9);
        QCOMPARE(v.size(), 3);
        for (const QByteArray &line : v)
            QVERIFY(!t.contains(line));

        // The selection: two rows picked in the list.
        QTableView *view = area->examplesView();
        view->selectionModel()->select(view->model()->index(2, 0),
                QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        view->selectionModel()->select(view->model()->index(5, 0),
                QItemSelectionModel::Select | QItemSelectionModel::Rows);
        const QString selection = m_dir->filePath(QStringLiteral("picked"));
        const FileDialog::ScopedTestHook fileDialogs(
                [selection](const FileRequest &) { return QStringList {selection}; });
        area->action(QStringLiteral("exportSelectionAction"))->trigger();
        QCOMPARE(readAll(selection + QStringLiteral(".jsonl")),
                area->document()->line(2) + '\n' + area->document()->line(5) + '\n');
    }

    void recoveryAfterACrash()
    {
        const QString path = copySample(QStringLiteral("support-bot.jsonl"));
        const QString recovery = m_dir->filePath(QStringLiteral("recovery"));
        QString recoveryFile;
        {
            // A session that edits and autosaves, then "crashes": its recovery file stays.
            DatasetDocument crashed;
            crashed.setRecoveryDirectory(recovery);
            QVERIFY(!crashed.open(path).isError());
            crashed.setMessageText(0, 1, QStringLiteral("Edited before the crash"));
            QVERIFY(!crashed.writeRecoveryFile().isError());
            recoveryFile = crashed.recoveryFilePath();
            QVERIFY(QFile::exists(recoveryFile));
            // Keep what a crash would leave behind: a clean close deletes the files.
            QFile::copy(recoveryFile, recoveryFile + QStringLiteral(".kept"));
            QFile::copy(fs::DatasetRecovery::sidecarPath(recoveryFile),
                    recoveryFile + QStringLiteral(".sidecar"));
        }
        QFile::remove(recoveryFile);
        QVERIFY(QFile::rename(recoveryFile + QStringLiteral(".kept"), recoveryFile));
        // The process that wrote it is gone: find() skips files of running processes.
        QFile sidecar(recoveryFile + QStringLiteral(".sidecar"));
        QVERIFY(sidecar.open(QIODevice::ReadOnly));
        QByteArray json = sidecar.readAll();
        sidecar.close();
        json.replace(
                QByteArray("\"pid\":" + QByteArray::number(QCoreApplication::applicationPid())),
                "\"pid\":999999999");
        json.replace(fs::DatasetRecovery::sessionId().toLatin1(), "ended-session");
        QFile restored(fs::DatasetRecovery::sidecarPath(recoveryFile));
        QVERIFY(restored.open(QIODevice::WriteOnly | QIODevice::Truncate));
        restored.write(json);
        restored.close();
        auto area = makeArea();
        area->resize(1024, 600);
        area->offerRecovery();
        RecoveryDialog *offer = area->recoveryDialog();
        QVERIFY(offer);
        QTRY_VERIFY(offer->isVisible());
        QCOMPARE(offer->windowTitle(), QStringLiteral("Recover Unsaved Work"));
        QVERIFY(offer->findChild<QLabel *>()->text().contains(QLatin1String("support-bot.jsonl")));
        QVERIFY2(offer->summaryText().startsWith(QLatin1String("1 example changed.")),
                qPrintable(offer->summaryText()));
        auto *list = offer->findChild<QListWidget *>(QStringLiteral("differencesListWidget"));
        QVERIFY(!list->isVisible());
        offer->findChild<QPushButton *>(QStringLiteral("showDifferencesPushButton"))->click();
        QVERIFY(list->isVisible());
        QCOMPARE(list->count(), 1);
        QVERIFY2(list->item(0)->text().startsWith(QLatin1String("Example 1 changed: ")),
                qPrintable(list->item(0)->text()));
        saveScreenshotOver(area.get(), offer, QStringLiteral("recovery-offer"));
        offer->findChild<QPushButton *>(QStringLiteral("recoverPushButton"))->click();
        QTRY_VERIFY(!area->recoveryDialog());
        QVERIFY(!area->isWelcomeShown());
        QCOMPARE(area->document()->example(0).message(1).text(),
                QStringLiteral("Edited before the crash"));
        QCOMPARE(area->document()->filePath(), QFileInfo(path).absoluteFilePath());
        QVERIFY(area->document()->isModified());
        // The work is this session's now: offered no more, but kept against a second crash.
        QVERIFY(QFile::exists(area->document()->recoveryFilePath()));
        QVERIFY(fs::DatasetRecovery::find(recovery).isEmpty());
    }

    void recoveryOfferedWhenTheFileIsOpened()
    {
        const QString path = copySample(QStringLiteral("support-bot.jsonl"));
        const QString recovery = m_dir->filePath(QStringLiteral("recovery"));
        // Work a crashed session left: example 2 edited, one example added.
        {
            DatasetDocument crashed;
            crashed.setAutosaveDelay(0);
            QVERIFY(!crashed.open(path).isError());
            crashed.setMessageText(1, 1, QStringLiteral("Changed before the crash"));
            crashed.appendExample(Example::chat(
                    {Message(QStringLiteral("user"), QStringLiteral("Added before the crash"))}));
            QDir().mkpath(recovery);
            const QString kept = recovery + QStringLiteral("/support-bot-crashed.jsonl");
            QVERIFY(!crashed.saveCopy(kept).isError());
            QFile sidecar(fs::DatasetRecovery::sidecarPath(kept));
            QVERIFY(sidecar.open(QIODevice::WriteOnly));
            sidecar.write(QJsonDocument(
                    QJsonObject {{QStringLiteral("originalPath"), path},
                            {QStringLiteral("session"), QStringLiteral("ended-session")},
                            {QStringLiteral("examples"), crashed.count()}})
                                  .toJson());
        }
        auto area = makeArea();
        // Not Now: the file opens as saved and the work stays for later.
        QVERIFY(area->openFile(path));
        QVERIFY(area->recoveryDialog());
        QVERIFY2(area->recoveryDialog()->summaryText().startsWith(
                         QLatin1String("1 example changed, 1 added.")),
                qPrintable(area->recoveryDialog()->summaryText()));
        area->recoveryDialog()
                ->findChild<QPushButton *>(QStringLiteral("laterPushButton"))
                ->click();
        QTRY_VERIFY(!area->document()->isLoading() && area->document()->count() > 0);
        QVERIFY(!area->document()->isModified());
        QCOMPARE(fs::DatasetRecovery::find(recovery).size(), 1);
        // Opened again: offered again; Recover brings the work back as unsaved changes.
        QVERIFY(area->openFile(path));
        QVERIFY(area->recoveryDialog());
        area->recoveryDialog()
                ->findChild<QPushButton *>(QStringLiteral("recoverPushButton"))
                ->click();
        QTRY_VERIFY(area->document()->isModified());
        QCOMPARE(area->document()->example(1).message(1).text(),
                QStringLiteral("Changed before the crash"));
        QCOMPARE(area->document()->example(area->document()->count() - 1).message(0).text(),
                QStringLiteral("Added before the crash"));
        // Closed without saving: the work is gone for good, nothing is offered at the next start.
        m_answer = QMessageBox::Discard;
        area->closeDataset();
        QVERIFY(fs::DatasetRecovery::find(recovery).isEmpty());
    }

    void recoveryDiscarded()
    {
        const QString recovery = m_dir->filePath(QStringLiteral("recovery"));
        QDir().mkpath(recovery);
        const QString kept = recovery + QStringLiteral("/untitled-crashed.jsonl");
        QFile file(kept);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"messages":[{"role":"user","content":"Hi"}]})"
                   "\n");
        file.close();
        QFile sidecar(fs::DatasetRecovery::sidecarPath(kept));
        QVERIFY(sidecar.open(QIODevice::WriteOnly));
        sidecar.write(R"({"originalPath":"","session":"ended-session","examples":1})");
        sidecar.close();
        auto area = makeArea();
        area->offerRecovery();
        QVERIFY(area->recoveryDialog());
        QVERIFY2(area->recoveryDialog()->summaryText().startsWith(
                         QLatin1String("1 example not saved in any file.")),
                qPrintable(area->recoveryDialog()->summaryText()));
        area->recoveryDialog()
                ->findChild<QPushButton *>(QStringLiteral("discardPushButton"))
                ->click();
        QTRY_VERIFY(!area->recoveryDialog());
        QVERIFY(area->isWelcomeShown());
        QVERIFY(!QFile::exists(kept));
        QVERIFY(fs::DatasetRecovery::find(recovery).isEmpty());
    }

    void openFilesFromTheCommandLine()
    {
        const QString first = copySample(QStringLiteral("support-bot.jsonl"));
        const QString second = writeFile(QStringLiteral("second.jsonl"),
                R"({"messages":[{"role":"user","content":"Hi"}]})"
                "\n");
        auto area = makeArea();
        QCOMPARE(area->openFiles({first, second}), 2);
        // One dataset at a time: the first opens, the person is told where the second went.
        QCOMPARE(m_messages.size(), 1);
        QVERIFY(m_messages.first().informativeText.contains(QLatin1String("second.jsonl")));
        QTRY_VERIFY(!area->document()->isLoading() && area->document()->count() > 0);
        QCOMPARE(area->document()->filePath(), first);
        QVERIFY(!area->isWelcomeShown());
        QCOMPARE(m_settings->recentFiles().value(1), second);
    }
};

QTEST_MAIN(tst_DatasetEditor)
#include "tst_dataseteditor.moc"
