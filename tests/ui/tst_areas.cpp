// SPDX-License-Identifier: GPL-3.0-or-later
// The main window as the app assembles it: every area in its place, and the links between them.
#include "application.h"
#include "areas.h"
#include "batchpage.h"
#include "blindpage.h"
#include "connectionstore.h"
#include "datasetarea.h"
#include "datasetdocument.h"
#include "filelistmodel.h"
#include "filesarea.h"
#include "jobhistory.h"
#include "joblistmodel.h"
#include "jobsarea.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "modelpicker.h"
#include "newjobdialog.h"
#include "panewidget.h"
#include "playgroundarea.h"
#include "practicebucket.h"
#include "sandboxserver.h"
#include "secretstore.h"
#include "sidebysidepage.h"
#include "storagearea.h"
#include "targetselector.h"
#include "windowtestbase.h"

#include <QAbstractButton>
#include <QAction>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QShortcut>
#include <QStackedLayout>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <memory>

using namespace fs::ui;

namespace {

/// A key binding of the window and where it can fire: an action on each widget it is shown on
/// (menus count as the menu bar they hang from), or a QShortcut on its parent widget.
struct Binding
{
    QString name;
    QList<QKeySequence> keys;
    Qt::ShortcutContext context = Qt::WindowShortcut;
    QList<QWidget *> widgets;
};

void collectWidgets(const QAction *action, QList<QWidget *> *widgets, QSet<const QAction *> *seen)
{
    if (seen->contains(action))
        return;
    seen->insert(action);
    for (QObject *object : action->associatedObjects()) {
        if (auto *menu = qobject_cast<QMenu *>(object))
            collectWidgets(menu->menuAction(), widgets, seen); // as Qt matches menu entries
        else if (auto *widget = qobject_cast<QWidget *>(object))
            widgets->append(widget);
    }
}

QList<Binding> bindingsOf(QWidget *window)
{
    QList<Binding> bindings;
    for (QAction *action : window->findChildren<QAction *>()) {
        if (action->shortcuts().isEmpty())
            continue;
        Binding b;
        b.name = action->objectName().isEmpty() ? action->text() : action->objectName();
        b.keys = action->shortcuts();
        b.context = action->shortcutContext();
        QSet<const QAction *> seen;
        collectWidgets(action, &b.widgets, &seen);
        if (!b.widgets.isEmpty()) // an action on no widget never fires
            bindings << b;
    }
    for (QShortcut *shortcut : window->findChildren<QShortcut *>()) {
        auto *parent = qobject_cast<QWidget *>(shortcut->parent());
        if (!parent || shortcut->keys().isEmpty())
            continue;
        bindings << Binding {QStringLiteral("QShortcut on %1").arg(parent->objectName()),
                shortcut->keys(), shortcut->context(), {parent}};
    }
    return bindings;
}

bool isAncestorOrSelf(const QWidget *ancestor, const QWidget *widget)
{
    for (; widget; widget = widget->parentWidget()) {
        if (widget == ancestor)
            return true;
    }
    return false;
}

/// The page of each stack `widget` is on: stacked pages are never shown at the same time.
QHash<const QObject *, const QWidget *> stackPages(const QWidget *widget)
{
    QHash<const QObject *, const QWidget *> pages;
    for (; widget && widget->parentWidget(); widget = widget->parentWidget()) {
        const QWidget *parent = widget->parentWidget();
        if (auto *stack = qobject_cast<const QStackedWidget *>(parent)) {
            if (stack->indexOf(widget) >= 0)
                pages.insert(stack, widget);
        } else if (auto *layout = qobject_cast<QStackedLayout *>(parent->layout())) {
            if (layout->indexOf(widget) >= 0)
                pages.insert(layout, widget);
        }
    }
    return pages;
}

/// Whether a key could reach both bindings at once (as QShortcutMap decides which are active).
bool overlap(Qt::ShortcutContext ca, const QWidget *wa, Qt::ShortcutContext cb, const QWidget *wb)
{
    if (ca != Qt::ApplicationShortcut && cb != Qt::ApplicationShortcut
            && wa->window() != wb->window())
        return false;
    const auto pa = stackPages(wa);
    const auto pb = stackPages(wb);
    for (auto it = pa.cbegin(); it != pa.cend(); ++it) {
        if (pb.contains(it.key()) && pb.value(it.key()) != it.value())
            return false; // on different pages of one stack
    }
    // Window and application shortcuts fire wherever the focus is while their widget shows.
    const bool anywhereA = ca == Qt::WindowShortcut || ca == Qt::ApplicationShortcut;
    const bool anywhereB = cb == Qt::WindowShortcut || cb == Qt::ApplicationShortcut;
    if (anywhereA || anywhereB)
        return true;
    if (ca == Qt::WidgetShortcut && cb == Qt::WidgetShortcut)
        return wa == wb;
    if (ca == Qt::WidgetShortcut)
        return isAncestorOrSelf(wb, wa);
    if (cb == Qt::WidgetShortcut)
        return isAncestorOrSelf(wa, wb);
    return isAncestorOrSelf(wa, wb) || isAncestorOrSelf(wb, wa);
}

/// The key sequences a text names, such as "(Ctrl+Shift+N)", "Ctrl+Return sends it" or "(F5)".
QList<QKeySequence> keysNamedIn(const QString &text)
{
    static const QRegularExpression pattern(
            QStringLiteral("\\b(?:(?:Ctrl|Alt|Shift|Meta)\\+)+(?:[A-Z0-9]|F[0-9]{1,2}|Return|Enter|"
                           "Delete|Backspace|Up|Down|Left|Right|Home|End|Tab|Esc|Escape|Space|"
                           "Insert|PgUp|PgDown)\\b|\\bF[0-9]{1,2}\\b"));
    QList<QKeySequence> keys;
    for (auto it = pattern.globalMatch(text); it.hasNext();) {
        const QKeySequence key = QKeySequence::fromString(it.next().captured());
        if (!key.isEmpty())
            keys << key;
    }
    return keys;
}

} // namespace

class tst_Areas : public QObject, protected fs::test::WindowTestBase
{
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;
    Areas m_areas;

private Q_SLOTS:
    void initTestCase()
    {
        QString problem;
        QVERIFY2(setUpWindowTest(&problem), qPrintable(problem));
    }

    void init()
    {
        m_window = std::make_unique<MainWindow>(m_store.get(), &m_secrets, &m_nam);
        m_areas = installAreas(m_window.get());
        m_window->show();
    }

    void cleanup() { m_window.reset(); }

    void everyAreaInItsPlace()
    {
        QCOMPARE(m_window->areaCount(), 6);
        QCOMPARE(m_window->area(0), m_areas.datasets);
        QCOMPARE(m_window->area(1), m_areas.files);
        QCOMPARE(m_window->area(2), m_areas.jobs);
        QCOMPARE(m_window->area(3), m_areas.playground);
        QCOMPARE(m_window->area(4), m_areas.storage);
        QCOMPARE(m_window->currentArea(), 0);
        auto *navigation = m_window->findChild<QListWidget *>();
        QVERIFY(navigation);
        QStringList titles;
        for (int i = 0; i < navigation->count(); ++i) {
            titles << navigation->item(i)->text();
            QVERIFY2(!navigation->item(i)->icon().isNull(), qPrintable(titles.last()));
        }
        QCOMPARE(titles,
                QStringList({QStringLiteral("Datasets"), QStringLiteral("Files"),
                        QStringLiteral("Jobs"), QStringLiteral("Playground"),
                        QStringLiteral("Buckets"), QStringLiteral("Connection")}));
    }

    void noShortcutIsBoundTwice()
    {
        // Every key binding of the assembled window (all areas, menus, QShortcuts) — no key may
        // reach two of them at once: Qt then calls it ambiguous and runs neither.
        const QList<Binding> bindings = bindingsOf(m_window.get());
        QVERIFY(bindings.size() > 20);
        QStringList clashes;
        for (int i = 0; i < bindings.size(); ++i) {
            for (int j = i + 1; j < bindings.size(); ++j) {
                const Binding &a = bindings.at(i);
                const Binding &b = bindings.at(j);
                for (const QKeySequence &key : a.keys) {
                    if (!b.keys.contains(key))
                        continue;
                    bool both = false;
                    for (const QWidget *wa : a.widgets) {
                        for (const QWidget *wb : b.widgets)
                            both = both || overlap(a.context, wa, b.context, wb);
                    }
                    if (both)
                        clashes << QStringLiteral("%1: %2 and %3")
                                           .arg(key.toString(), a.name, b.name);
                }
            }
        }
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QStringLiteral("; "))));
    }

    void newJobKeysWorkWithADatasetOpen()
    {
        // With a dataset open "Add an Example" is enabled too: Ctrl+Shift+N still starts a job.
        const QString path = m_home.filePath(QStringLiteral("keys.jsonl"));
        QFile::remove(path);
        QVERIFY(QFile::copy(QStringLiteral(":/samples/support-bot.jsonl"), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        m_areas.datasets->openFile(path);
        QTRY_COMPARE_WITH_TIMEOUT(m_areas.datasets->document()->count(), 12, 10000);
        QVERIFY(m_areas.datasets->action(QStringLiteral("addExampleAction"))->isEnabled());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(m_areas.jobs->newJobDialog());
        QCOMPARE(m_window->currentArea(), 2);
        m_areas.jobs->newJobDialog()->reject();
        QCOMPARE(m_areas.datasets->document()->count(), 12); // no example was added
    }

    void shortcutsNamedInTextsAreReal()
    {
        // A key named in a tip, a label or a placeholder is bound to something in the window;
        // the empty Jobs page names the keys of "New Fine-tuning Job…".
        QSet<QKeySequence> bound;
        for (const Binding &b : bindingsOf(m_window.get())) {
            for (const QKeySequence &key : b.keys)
                bound.insert(key);
        }
        QStringList texts;
        for (QAction *action : m_window->findChildren<QAction *>())
            texts << action->toolTip();
        for (QWidget *widget : m_window->findChildren<QWidget *>()) {
            texts << widget->toolTip();
            if (auto *label = qobject_cast<QLabel *>(widget))
                texts << label->text();
            if (auto *edit = qobject_cast<QLineEdit *>(widget))
                texts << edit->placeholderText();
            if (auto *edit = qobject_cast<QPlainTextEdit *>(widget))
                texts << edit->placeholderText();
            if (auto *edit = qobject_cast<QTextEdit *>(widget))
                texts << edit->placeholderText();
        }
        int named = 0;
        for (const QString &text : std::as_const(texts)) {
            for (const QKeySequence &key : keysNamedIn(text)) {
                ++named;
                QVERIFY2(bound.contains(key),
                        qPrintable(QStringLiteral("\"%1\" names %2, which does nothing")
                                           .arg(text, key.toString())));
            }
        }
        QVERIFY(named > 5);

        auto *menuAction = m_window->findChild<QAction *>(QStringLiteral("newJobMenuAction"));
        QVERIFY(menuAction);
        auto *empty = m_areas.jobs->findChild<QLabel *>(QStringLiteral("jobsEmptyLabel"));
        QVERIFY(empty);
        // The empty page as a new user sees it (the sandbox has no jobs yet).
        QTRY_VERIFY_WITH_TIMEOUT(
                empty->text().contains(QLatin1String("No fine-tuning jobs")), 10000);
        QVERIFY2(empty->text().contains(menuAction->shortcut().toString(QKeySequence::NativeText)),
                qPrintable(empty->text()));
        auto *addButton = m_areas.datasets->findChild<QAbstractButton *>(
                QStringLiteral("addExampleToolButton"));
        QVERIFY(addButton);
        QVERIFY(addButton->toolTip().contains(
                m_areas.datasets->action(QStringLiteral("addExampleAction"))
                        ->shortcut()
                        .toString(QKeySequence::NativeText)));
    }

    void checkpointFromJobsOpensInPlayground()
    {
        const QString model = QStringLiteral("ft:gpt-4.1-mini-2025-04-14:sandbox::abc123");
        emit m_areas.jobs->openInPlayground(model);
        QCOMPARE(m_window->currentArea(), 3);
        QCOMPARE(m_areas.playground->currentPage(), PlaygroundArea::SideBySide);
        SideBySidePage *page = m_areas.playground->sideBySidePage();
        QCOMPARE(page->paneWidget(1)->targetSelector()->model(), model);
    }

    void objectFromBucketOpensInDatasets()
    {
        m_window->showArea(4);
        const QString path = m_home.filePath(QStringLiteral("from-bucket.jsonl"));
        QVERIFY(QFile::copy(QStringLiteral(":/samples/support-bot.jsonl"), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        emit m_areas.storage->openDatasetRequested(path);
        QCOMPARE(m_window->currentArea(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_areas.datasets->document()->count(), 12, 10000);
        QCOMPARE(m_areas.datasets->document()->filePath(), path);
    }

    void capturedAnswersAreInTheFileMenuAndOpenInDatasets()
    {
        QAction *capture = m_areas.playground->captureAction();
        QVERIFY(m_window->fileMenu()->actions().contains(capture));
        QCOMPARE(capture->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
        m_window->showArea(3);
        const QString path = m_home.filePath(QStringLiteral("captured.jsonl"));
        QVERIFY(QFile::copy(QStringLiteral(":/samples/support-bot.jsonl"), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        emit m_areas.playground->openDatasetRequested(path);
        QCOMPARE(m_window->currentArea(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_areas.datasets->document()->count(), 12, 10000);
        QCOMPARE(m_areas.datasets->document()->filePath(), path);
    }

    void startingWithAFileOpensIt()
    {
        // `finetune-studio FILE` (or a second start handing FILE over): the window comes up on
        // the Datasets area with the file open.
        m_window->showArea(2);
        const QString path = m_home.filePath(QStringLiteral("from-the-file-manager.jsonl"));
        QVERIFY(QFile::copy(QStringLiteral(":/samples/support-bot.jsonl"), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        startUp(m_window.get(), m_areas.datasets, {path});
        QCOMPARE(m_window->currentArea(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_areas.datasets->document()->count(), 12, 10000);
        QCOMPARE(m_areas.datasets->document()->filePath(), path);
    }

    void keepingAnAnswerWithoutDatasetStartsOne()
    {
        m_window->showArea(3);
        QVERIFY(m_areas.datasets->isWelcomeShown());
        emit m_areas.playground->datasetNeeded();
        QCOMPARE(m_window->currentArea(), 0);
        QVERIFY(!m_areas.datasets->isWelcomeShown());
    }

    void fileSentFromABucketReloadsTheFilesList()
    {
        fs::FileListModel *files = m_areas.files->model();
        QTRY_VERIFY_WITH_TIMEOUT(files->isLoaded() && !files->isLoading(), 10000);
        emit m_areas.storage->fileSent(QStringLiteral("file-abc"), false);
        QVERIFY(files->isLoading());
        QTRY_VERIFY_WITH_TIMEOUT(!files->isLoading(), 10000);
    }

    void bucketsShowThePracticeBucketOfTheSandbox()
    {
        // As the app assembles it: the Buckets area lists the built-in sandbox's practice bucket.
        m_window->showArea(4);
        QCOMPARE(m_areas.storage->currentConnectionId(), fs::practice::connectionId());
        QTRY_COMPARE_WITH_TIMEOUT(m_areas.storage->listing().objects.size(),
                fs::practice::sampleKeys().size(), 10000);
        QVERIFY(m_areas.storage->selectKey(QStringLiteral("support-bot.jsonl")));
    }

    void jobEndingReachesThePlaygroundPickers()
    {
        // Before any fine-tune: two different models, never one model under two names.
        BlindPage *blind = m_areas.playground->blindPage();
        BatchPage *batch = m_areas.playground->batchPage();
        QTRY_VERIFY_WITH_TIMEOUT(blind->firstSelector()->isReady()
                        && blind->secondSelector()->isReady() && batch->modelSelector(1)->isReady(),
                10000);
        QTRY_VERIFY(!blind->secondSelector()->model().isEmpty());
        QVERIFY(blind->firstSelector()->model() != blind->secondSelector()->model());
        QVERIFY(!blind->sameModelLabel()->isVisibleTo(blind));

        // A job of the session ends: the Jobs area's list (and its history) learn of it.
        const QString base = QStringLiteral("gpt-4.1-mini-2025-04-14");
        const QString tuned = QStringLiteral("ft:gpt-4.1-mini-2025-04-14:sandbox:areas:j1");
        const QString jobId = QStringLiteral("ftjob-areas-1");
        m_areas.jobs->jobListModel()->updateJob(
                fs::FineTuningJob::fromJson(QJsonObject {{QStringLiteral("id"), jobId},
                        {QStringLiteral("object"), QStringLiteral("fine_tuning.job")},
                        {QStringLiteral("created_at"), 1765000000}, {QStringLiteral("model"), base},
                        {QStringLiteral("status"), QStringLiteral("succeeded")},
                        {QStringLiteral("fine_tuned_model"), tuned}}));
        QTRY_COMPARE_WITH_TIMEOUT(blind->secondSelector()->model(), tuned, 10000);
        QCOMPARE(blind->firstSelector()->model(), base);
        QTRY_COMPARE_WITH_TIMEOUT(batch->modelSelector(1)->model(), tuned, 10000);
        QCOMPARE(batch->modelSelector(0)->model(), base);
        QVERIFY(m_areas.jobs->history()->removeJob(jobId));
    }

    void playgroundMessagesReachTheStatusBar()
    {
        emit m_areas.playground->message(QStringLiteral("Session saved."));
        QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Session saved."));
    }
};

QTEST_MAIN(tst_Areas)
#include "tst_areas.moc"
