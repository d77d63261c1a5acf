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
#include "lintrunner.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "sandboxserver.h"
#include "secretstore.h"
#include "windowtestbase.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
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

    QString m_shots;

    void shoot(QWidget *widget, const QString &name)
    {
        QVERIFY(widget->grab().save(QDir(m_shots).filePath(name + QStringLiteral(".png"))));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString problem;
        QVERIFY2(setUpWindowTest(&problem), qPrintable(problem));
        // Pictures to look at: FS_SCREENSHOT_DIR when set, else this test's own folder.
        m_shots =
                qEnvironmentVariable("FS_SCREENSHOT_DIR", m_home.filePath(QStringLiteral("shots")));
        QVERIFY(QDir().mkpath(m_shots));
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
            shoot(&window, language + QLatin1Char('-') + names.at(i));
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
        shoot(&window, language + QStringLiteral("-datasets-problems"));
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

    void cleanupTestCase()
    {
        auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
        fs::ui::installTranslators(*app, QLocale(QLocale::English, QLocale::UnitedStates));
    }
};

QTEST_MAIN(tst_WindowLayout)
#include "tst_windowlayout.moc"
