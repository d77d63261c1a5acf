// SPDX-License-Identifier: GPL-3.0-or-later
// The main window on a small screen (1024×600), in English and in Japanese: every area fits —
// no text cut off in a column header, no sideways scrolling of the conversation, and the window
// can be made that small at all.
#include "apiclient.h"
#include "application.h"
#include "areas.h"
#include "connection.h"
#include "connectionstore.h"
#include "conversationeditor.h"
#include "datasetarea.h"
#include "datasetdocument.h"
#include "filelistmodel.h"
#include "filesarea.h"
#include "findingspanel.h"
#include "guidepanel.h"
#include "joblistmodel.h"
#include "jobsarea.h"
#include "lintrunner.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "newjobdialog.h"
#include "sandboxserver.h"
#include "screenshot.h"
#include "secretstore.h"
#include "statisticspanel.h"
#include "windowtestbase.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QWheelEvent>
#include <memory>

using namespace fs::ui;

namespace {

/// Header texts of `root` that need more room than their column has ("First user me…").
QStringList cutHeaders(QWidget *root)
{
    QStringList cut;
    const QList<QHeaderView *> headers = root->findChildren<QHeaderView *>();
    for (QHeaderView *header : headers) {
        if (!header->isVisible() || header->orientation() != Qt::Horizontal || !header->model())
            continue;
        const int margin = header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
        for (int section = 0; section < header->count(); ++section) {
            if (header->isSectionHidden(section))
                continue;
            const QString text = header->model()->headerData(section, Qt::Horizontal).toString();
            if (text.isEmpty())
                continue;
            const int needed = header->fontMetrics().horizontalAdvance(text) + 2 * margin;
            if (header->sectionSize(section) < needed)
                cut << QStringLiteral("%1 (%2 of %3 px)")
                                .arg(text)
                                .arg(header->sectionSize(section))
                                .arg(needed);
        }
    }
    return cut;
}

} // namespace

class tst_WindowLayout : public QObject, protected fs::test::WindowTestBase
{
    Q_OBJECT

    static void addLanguages()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::newRow("en") << QLocale(QLocale::English, QLocale::UnitedStates);
        QTest::newRow("ja") << QLocale(QLocale::Japanese, QLocale::Japan);
    }

    static void useLanguage(const QLocale &locale)
    {
        auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
        fs::ui::installTranslators(*app, locale);
    }

    /// Shows `window` at `size` with the support-bot sample open in the Datasets area.
    static void showWithSample(MainWindow *window, const Areas &areas, const QSize &size)
    {
        window->resize(size);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QCOMPARE(window->size(), size);
        DatasetArea *datasets = areas.datasets;
        QVERIFY(datasets->openFile(QStringLiteral(":/samples/support-bot.jsonl")));
        QTRY_VERIFY_WITH_TIMEOUT(!datasets->document()->isLoading(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(datasets->lintRunner()->isComplete(), 10000);
        QTRY_COMPARE(datasets->conversationEditor()->row(), 0);
        QTRY_COMPARE(datasets->findingsPanel()->treeWidget()->topLevelItemCount(), 0);
        QCoreApplication::processEvents();
    }

    /// Why the Datasets cards scroll sideways, or empty when they do not.
    static QString cardsScrollSideways(DatasetArea *datasets)
    {
        ConversationEditor *editor = datasets->conversationEditor();
        if (!editor->horizontalScrollBar()->isVisible())
            return {};
        return QStringLiteral("the cards need %1 px, the editor shows %2")
                .arg(editor->widget()->minimumSizeHint().width())
                .arg(editor->viewport()->width());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString problem;
        QVERIFY2(setUpWindowTest(&problem), qPrintable(problem));
        // A file on the service, so the Files area shows its table (and its headers).
        fs::Connection connection;
        connection.kind = fs::Connection::Kind::Sandbox;
        connection.baseUrl = m_sandbox->baseUrl();
        fs::ApiClient client(&m_nam, connection);
        QFile sample(QStringLiteral(":/samples/support-bot.jsonl"));
        QVERIFY(sample.open(QIODevice::ReadOnly));
        fs::ApiReply *reply = client.uploadFile(
                QStringLiteral("support-bot.jsonl"), sample.readAll(), QStringLiteral("fine-tune"));
        QSignalSpy done(reply, &fs::ApiReply::finished);
        QVERIFY(done.wait(10000));
        QVERIFY(reply->ok());
        // A job in the list, with a long fine-tuned model name, for the Jobs area.
        fs::CreateJobRequest request;
        request.model = QStringLiteral("gpt-4.1-mini-2025-04-14");
        request.trainingFile = fs::FileObject::fromJson(reply->json()).id;
        request.suffix = QStringLiteral("customer-support-answers-v2");
        fs::ApiReply *job = client.createJob(request);
        QSignalSpy created(job, &fs::ApiReply::finished);
        QVERIFY(created.wait(10000));
        QVERIFY2(job->ok(), qPrintable(job->error().message));
    }

    void everyAreaFitsASmallScreen_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::newRow("en") << QLocale(QLocale::English, QLocale::UnitedStates);
        QTest::newRow("ja") << QLocale(QLocale::Japanese, QLocale::Japan);
    }

    void everyAreaFitsASmallScreen()
    {
        QFETCH(QLocale, locale);
        auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
        fs::ui::installTranslators(*app, locale);
        const QString language = QString::fromLatin1(QTest::currentDataTag());

        MainWindow window(m_store.get(), &m_secrets, &m_nam);
        const Areas areas = installAreas(&window);
        const QSize small(1024, 600);
        QVERIFY2(window.minimumSizeHint().width() <= small.width()
                        && window.minimumSizeHint().height() <= small.height(),
                qPrintable(QStringLiteral("the window needs at least %1×%2")
                                   .arg(window.minimumSizeHint().width())
                                   .arg(window.minimumSizeHint().height())));
        window.resize(small);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.size(), small);

        // Datasets with a sample open, the way a new user first sees it.
        DatasetArea *datasets = areas.datasets;
        QVERIFY(datasets->openFile(QStringLiteral(":/samples/support-bot.jsonl")));
        QTRY_VERIFY_WITH_TIMEOUT(!datasets->document()->isLoading(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(datasets->lintRunner()->isComplete(), 10000);
        // The sample has no problems; the list shows that once it caught up with the linter.
        QTRY_COMPARE(datasets->findingsPanel()->treeWidget()->topLevelItemCount(), 0);
        QTRY_COMPARE(datasets->conversationEditor()->row(), 0);
        const QStringList names = {QStringLiteral("datasets"), QStringLiteral("files"),
                QStringLiteral("jobs"), QStringLiteral("playground"), QStringLiteral("buckets")};
        for (int i = 0; i < names.size(); ++i) {
            window.showArea(i);
            QWidget *area = window.area(i);
            QTRY_VERIFY(area->isVisible());
            if (area == areas.files) {
                fs::FileListModel *files = areas.files->model();
                QTRY_VERIFY_WITH_TIMEOUT(files->isLoaded() && files->rowCount() > 0, 10000);
            }
            QCoreApplication::processEvents();
            fs::test::saveScreenshot(&window, language + QLatin1Char('-') + names.at(i));
            const QStringList cut = cutHeaders(area);
            QVERIFY2(cut.isEmpty(),
                    qPrintable(
                            names.at(i) + QStringLiteral(": ") + cut.join(QStringLiteral(", "))));
        }

        // The conversation never scrolls sideways: every card fits the editor's width.
        window.showArea(0);
        ConversationEditor *editor = datasets->conversationEditor();
        QTRY_VERIFY(editor->isVisible());
        QVERIFY2(!editor->horizontalScrollBar()->isVisible(),
                qPrintable(QStringLiteral("the cards need %1 px, the editor shows %2")
                                   .arg(editor->widget()->minimumSizeHint().width())
                                   .arg(editor->viewport()->width())));

        // An empty message adds a problem with a Fix button: the list's rows stay aligned and
        // the problem keeps most of the width (the code is short).
        auto *add = editor->findChild<QPushButton *>(QStringLiteral("addMessagePushButton"));
        QVERIFY(add);
        QTest::mouseClick(add, Qt::LeftButton);
        auto *problems = datasets->findingsPanel()->findChild<QTreeWidget *>(
                QStringLiteral("findingsTreeWidget"));
        QVERIFY(problems);
        datasets->findChild<QTabWidget *>(QStringLiteral("sideTabWidget"))->setCurrentIndex(0);
        QTRY_VERIFY_WITH_TIMEOUT(
                !problems->findChildren<QPushButton *>(QStringLiteral("fixPushButton")).isEmpty(),
                10000);
        QCoreApplication::processEvents();
        fs::test::saveScreenshot(&window, language + QStringLiteral("-datasets-problems"));
        QVERIFY(!editor->horizontalScrollBar()->isVisible());
        const QStringList cut = cutHeaders(datasets);
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QStringLiteral(", "))));
        for (int row = 0; row < problems->topLevelItemCount(); ++row) {
            QTreeWidgetItem *item = problems->topLevelItem(row);
            const QRect rect = problems->visualItemRect(item);
            if (auto *fix = qobject_cast<QPushButton *>(problems->itemWidget(item, 3))) {
                // The button sits inside its row, not over the next one.
                const QRect button(fix->mapTo(problems->viewport(), QPoint()), fix->size());
                QVERIFY2(rect.top() <= button.top() && button.bottom() <= rect.bottom(),
                        qPrintable(QStringLiteral("row %1: button %2..%3, row %4..%5")
                                           .arg(row)
                                           .arg(button.top())
                                           .arg(button.bottom())
                                           .arg(rect.top())
                                           .arg(rect.bottom())));
            }
        }
        QHeaderView *header = problems->header();
        QVERIFY2(header->sectionSize(1) >= header->width() / 2,
                qPrintable(QStringLiteral("the problem text gets %1 of %2 px")
                                   .arg(header->sectionSize(1))
                                   .arg(header->width())));
        datasets->document()->undoStack()->setClean(); // no "save changes?" on closing
    }

    void newJobDialogFitsASmallScreen_data() { addLanguages(); }

    void newJobDialogFitsASmallScreen()
    {
        QFETCH(QLocale, locale);
        useLanguage(locale);
        MainWindow window(m_store.get(), &m_secrets, &m_nam);
        const Areas areas = installAreas(&window);
        const QSize small(1024, 600);
        showWithSample(&window, areas, small);
        window.showArea(2); // Jobs
        areas.jobs->newJob();
        NewJobDialog *dialog = areas.jobs->newJobDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QCoreApplication::processEvents();
        fs::test::saveScreenshot(
                dialog, QString::fromLatin1(QTest::currentDataTag()) + QStringLiteral("-newjob"));
        // The dialog is capped by the screen's free area and by its window: at 1024×600 it is
        // no larger than that, and Start training and Cancel are inside it, not below its edge.
        QVERIFY2(dialog->width() <= small.width() && dialog->height() <= small.height(),
                qPrintable(QStringLiteral("the dialog is %1×%2")
                                   .arg(dialog->width())
                                   .arg(dialog->height())));
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QVERIFY(buttons && buttons->isVisible());
        const QRect box(buttons->mapTo(dialog, QPoint()), buttons->size());
        QVERIFY2(dialog->rect().contains(box),
                qPrintable(QStringLiteral("buttons at %1..%2, the dialog is %3 high")
                                   .arg(box.top())
                                   .arg(box.bottom())
                                   .arg(dialog->height())));
        dialog->reject();
        areas.datasets->document()->undoStack()->setClean();
    }

    void guideLeavesTheWorkVisible_data() { addLanguages(); }

    void guideLeavesTheWorkVisible()
    {
        QFETCH(QLocale, locale);
        useLanguage(locale);
        MainWindow window(m_store.get(), &m_secrets, &m_nam);
        const Areas areas = installAreas(&window);
        showWithSample(&window, areas, QSize(1024, 600));
        auto *guide = window.findChild<QAction *>(QStringLiteral("guideAction"));
        QVERIFY(guide);
        guide->trigger();
        QTRY_VERIFY(areas.guide->isVisible());
        QCoreApplication::processEvents();
        fs::test::saveScreenshot(
                &window, QString::fromLatin1(QTest::currentDataTag()) + QStringLiteral("-guide"));
        // The guide sits beside the work (docked), never over it, and the window did not grow.
        QVERIFY(!areas.guide->isFloating());
        QCOMPARE(window.size(), QSize(1024, 600));
        const QRect work(
                window.centralWidget()->mapToGlobal(QPoint()), window.centralWidget()->size());
        const QRect panel(areas.guide->mapToGlobal(QPoint()), areas.guide->size());
        QVERIFY2(!work.intersects(panel),
                qPrintable(QStringLiteral("the guide (x %1..%2) covers the work (x %3..%4)")
                                   .arg(panel.left())
                                   .arg(panel.right())
                                   .arg(work.left())
                                   .arg(work.right())));
        const QString sideways = cardsScrollSideways(areas.datasets);
        QVERIFY2(sideways.isEmpty(), qPrintable(sideways));
        // The guide's own text fits its column (nothing cut at the right edge).
        auto *scroll = qobject_cast<QScrollArea *>(areas.guide->widget());
        QVERIFY(scroll);
        QVERIFY2(scroll->widget()->width() <= scroll->viewport()->width(),
                qPrintable(QStringLiteral("the guide needs %1 px, its column shows %2")
                                   .arg(scroll->widget()->width())
                                   .arg(scroll->viewport()->width())));
        // Closing the guide gives the area list its names back.
        guide->trigger();
        QTRY_VERIFY(!areas.guide->isVisible());
        QVERIFY(!window.isNavigationCompact());
        areas.datasets->document()->undoStack()->setClean();
    }

    void jobListFitsASmallScreen_data() { addLanguages(); }

    void jobListFitsASmallScreen()
    {
        QFETCH(QLocale, locale);
        useLanguage(locale);
        MainWindow window(m_store.get(), &m_secrets, &m_nam);
        const Areas areas = installAreas(&window);
        showWithSample(&window, areas, QSize(1024, 600));
        window.showArea(2); // Jobs
        auto *list = areas.jobs->findChild<QTableView *>(QStringLiteral("jobsTableView"));
        QVERIFY(list);
        QTRY_VERIFY_WITH_TIMEOUT(list->isVisible() && list->model()->rowCount() > 0, 10000);
        QCoreApplication::processEvents();
        fs::test::saveScreenshot(
                &window, QString::fromLatin1(QTest::currentDataTag()) + QStringLiteral("-joblist"));
        // Every column in sight, without scrolling sideways.
        QVERIFY2(!list->horizontalScrollBar()->isVisible(),
                qPrintable(QStringLiteral("the columns need %1 px, the list shows %2")
                                   .arg(list->horizontalHeader()->length())
                                   .arg(list->viewport()->width())));
        QHeaderView *header = list->horizontalHeader();
        const int last = header->logicalIndex(header->count() - 1);
        QVERIFY(header->sectionViewportPosition(last) + header->sectionSize(last)
                <= list->viewport()->width());
        // A long name is cut with its full text in the tooltip.
        const QModelIndex name = list->model()->index(0, fs::JobListModel::FineTunedModelColumn);
        const QModelIndex id = list->model()->index(0, fs::JobListModel::IdColumn);
        QCOMPARE(name.data(Qt::ToolTipRole).toString(), name.data().toString());
        QCOMPARE(id.data(Qt::ToolTipRole).toString(), id.data().toString());
        // The list gets a fair share of the height, not three rows over an empty pane.
        auto *splitter = areas.jobs->findChild<QSplitter *>(QStringLiteral("jobsSplitter"));
        QVERIFY(splitter);
        QVERIFY2(splitter->sizes().at(0) * 3 >= splitter->height(),
                qPrintable(QStringLiteral("the list gets %1 of %2 px")
                                   .arg(splitter->sizes().at(0))
                                   .arg(splitter->height())));
        areas.datasets->document()->undoStack()->setClean();
    }

    void firstStartFitsASmallScreen()
    {
        useLanguage(QLocale(QLocale::English, QLocale::UnitedStates));
        MainWindow window(m_store.get(), &m_secrets, &m_nam);
        const Areas areas = installAreas(&window);
        const QSize screen(1024, 600);
        const QSize first = window.firstStartSize(screen);
        QVERIFY(first.width() <= screen.width() && first.height() <= screen.height());
        showWithSample(&window, areas, first);
        fs::test::saveScreenshot(&window, QStringLiteral("first-start"));
        const QString sideways = cardsScrollSideways(areas.datasets);
        QVERIFY2(sideways.isEmpty(), qPrintable(sideways));
        // A big screen keeps the roomy size.
        QCOMPARE(window.firstStartSize(QSize(1920, 1080)), QSize(1280, 820));
        areas.datasets->document()->undoStack()->setClean();
    }

    void problemTextIsNotCut()
    {
        useLanguage(QLocale(QLocale::Japanese, QLocale::Japan));
        MainWindow window(m_store.get(), &m_secrets, &m_nam);
        const Areas areas = installAreas(&window);
        showWithSample(&window, areas, QSize(1024, 600));
        DatasetArea *datasets = areas.datasets;
        auto *add = datasets->conversationEditor()->findChild<QPushButton *>(
                QStringLiteral("addMessagePushButton"));
        QVERIFY(add);
        QTest::mouseClick(add, Qt::LeftButton);
        datasets->findChild<QTabWidget *>(QStringLiteral("sideTabWidget"))->setCurrentIndex(0);
        QTreeWidget *problems = datasets->findingsPanel()->treeWidget();
        QTRY_VERIFY_WITH_TIMEOUT(problems->topLevelItemCount() > 0, 10000);
        QCoreApplication::processEvents();
        fs::test::saveScreenshot(&window, QStringLiteral("ja-problems-text"));
        // Each problem's text is shown whole: it wraps, and its row grows to hold the lines.
        for (int row = 0; row < problems->topLevelItemCount(); ++row) {
            QTreeWidgetItem *item = problems->topLevelItem(row);
            const QString text = item->text(1);
            const QRect cell = problems->visualRect(problems->indexFromItem(item, 1));
            const QRect needed = problems->fontMetrics().boundingRect(
                    QRect(0, 0, cell.width() - 12, 10000), Qt::TextWordWrap, text);
            QVERIFY2(needed.height() <= cell.height(),
                    qPrintable(QStringLiteral("row %1: \"%2\" needs %3 px, the row is %4 px")
                                       .arg(row)
                                       .arg(text)
                                       .arg(needed.height())
                                       .arg(cell.height())));
        }
        datasets->document()->undoStack()->setClean();
    }

    void wheelLeavesUnfocusedCombosAlone()
    {
        useLanguage(QLocale(QLocale::English, QLocale::UnitedStates));
        MainWindow window(m_store.get(), &m_secrets, &m_nam);
        const Areas areas = installAreas(&window);
        showWithSample(&window, areas, QSize(1024, 600));
        auto *side = areas.datasets->findChild<QTabWidget *>(QStringLiteral("sideTabWidget"));
        StatisticsPanel *statistics = areas.datasets->statisticsPanel();
        for (int tab = 0; tab < side->count(); ++tab) {
            if (side->widget(tab) == statistics || side->widget(tab)->isAncestorOf(statistics))
                side->setCurrentIndex(tab);
        }
        auto *combo = statistics->findChild<QComboBox *>(QStringLiteral("modelComboBox"));
        QVERIFY(combo);
        QTRY_VERIFY(combo->isVisible());
        QVERIFY(combo->count() > 2);
        combo->setCurrentIndex(1);
        QVERIFY(!combo->hasFocus());
        const QPointF at(combo->width() / 2.0, combo->height() / 2.0);
        auto wheel = [&](int delta) {
            QWheelEvent event(at, combo->mapToGlobal(at), QPoint(), QPoint(0, delta), Qt::NoButton,
                    Qt::NoModifier, Qt::NoScrollPhase, false);
            QApplication::sendEvent(combo, &event);
        };
        wheel(-120);
        QCOMPARE(combo->currentIndex(), 1);
        // Once the person clicked into it (it has focus), the wheel picks as usual.
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        combo->setFocus();
        QTRY_VERIFY(combo->hasFocus());
        wheel(-120);
        QCOMPARE(combo->currentIndex(), 2);
        areas.datasets->document()->undoStack()->setClean();
    }

    void cleanupTestCase()
    {
        auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
        fs::ui::installTranslators(*app, QLocale(QLocale::English, QLocale::UnitedStates));
    }
};

QTEST_MAIN(tst_WindowLayout)
#include "tst_windowlayout.moc"
