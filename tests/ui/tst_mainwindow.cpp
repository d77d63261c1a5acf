// SPDX-License-Identifier: GPL-3.0-or-later
#include "activeconnection.h"
#include "appsettings.h"
#include "closedport.h"
#include "connectionsdialog.h"
#include "connectionstatuswidget.h"
#include "connectionstore.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "sandboxserver.h"
#include "screenshot.h"
#include "secretstore.h"

#include <QAction>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <memory>

using fs::ActiveConnection;
using fs::Connection;
using fs::ConnectionStore;
using fs::ui::MainWindow;
using fs::ui::MessageBox;
using fs::ui::MessageRequest;

namespace {

using fs::test::saveScreenshot;

QAction *findAction(QMenu *menu, const QString &text)
{
    for (QAction *action : menu->actions()) {
        if (action->text() == text)
            return action;
    }
    return nullptr;
}

} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<fs::AppSettings> m_settings;
    std::unique_ptr<ConnectionStore> m_store;
    std::unique_ptr<fs::MemorySecretStore> m_secrets;
    std::unique_ptr<fs::sandbox::SandboxServer> m_sandbox; ///< the built-in one: no key
    std::unique_ptr<fs::sandbox::SandboxServer> m_keyed; ///< a server that wants a key
    QNetworkAccessManager m_nam;
    QList<MessageRequest> m_messages;

    std::unique_ptr<MainWindow> makeWindow()
    {
        auto window = std::make_unique<MainWindow>(m_store.get(), m_secrets.get(), &m_nam);
        window->show();
        return window;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
        MessageBox::setTestHook([this](const MessageRequest &request) {
            m_messages << request;
            return request.defaultButton != QMessageBox::NoButton ? request.defaultButton
                                                                  : QMessageBox::Ok;
        });
    }

    void init()
    {
        m_messages.clear();
        m_dir = std::make_unique<QTemporaryDir>();
        m_settings = std::make_unique<fs::AppSettings>(m_dir->filePath(QStringLiteral("s.ini")));
        m_store = std::make_unique<ConnectionStore>(m_settings.get());
        m_secrets = std::make_unique<fs::MemorySecretStore>();
        fs::sandbox::SandboxOptions options;
        options.requiredKey = QStringLiteral("sk-right");
        m_keyed = std::make_unique<fs::sandbox::SandboxServer>(options);
        QString problem;
        QVERIFY2(m_keyed->start(&problem), qPrintable(problem));
        m_sandbox = std::make_unique<fs::sandbox::SandboxServer>();
        QVERIFY2(m_sandbox->start(&problem), qPrintable(problem));
    }

    void emptySettingsShowTheSandboxAsActive()
    {
        m_store->setSandboxBaseUrl(m_sandbox->baseUrl());
        auto window = makeWindow();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        auto *status = window->statusWidget();
        QVERIFY(status);
        QVERIFY(status->text().startsWith(QLatin1String("Sandbox (practice, simulated): ")));
        QTRY_COMPARE_WITH_TIMEOUT(
                window->activeConnection()->state(), ActiveConnection::State::Connected, 15000);
        QCOMPARE(status->text(), QStringLiteral("Sandbox (practice, simulated): Connected"));
        QVERIFY(status->toolTip().contains(QLatin1String("only pretends to train")));
        QCOMPARE(status->dotColor(), fs::ui::stateColor(true, window->activeConnection()->check()));
        QVERIFY(status->dotColor().green() > status->dotColor().red());
        QVERIFY(window->windowTitle().contains(QLatin1String("Sandbox")));

        auto *note = window->findChild<QLabel *>(QStringLiteral("sandboxNoteLabel"));
        QVERIFY(note);
        QVERIFY(note->isVisible());
        QVERIFY(note->text().contains(QLatin1String("No connection has been set up yet")));
        QCOMPARE(window->findChild<QLabel *>(QStringLiteral("stateLabel"))->text(),
                QStringLiteral("Connected"));
        QVERIFY(window->findChild<QLabel *>(QStringLiteral("addressLabel"))
                        ->text()
                        .contains(m_sandbox->baseUrl().toString()));
        auto *models = window->findChild<QTreeWidget *>(QStringLiteral("modelsTreeWidget"));
        QVERIFY(models);
        QVERIFY(models->topLevelItemCount() > 0);
        QCOMPARE(models->topLevelItemCount(), window->activeConnection()->check().modelCount());
        // Fine-tuned models (if the sandbox lists any) come first and are marked.
        const QTreeWidgetItem *first = models->topLevelItem(0);
        QCOMPARE(first->data(0, Qt::UserRole).toBool(),
                first->text(0).startsWith(QLatin1String("ft:")));
        saveScreenshot(window.get(), QStringLiteral("mainwindow-sandbox"));
    }

    void sandboxThatDidNotStartIsExplained()
    {
        auto window = makeWindow(); // no sandbox address set
        QTRY_VERIFY(window->activeConnection()->isSettled());
        QCOMPARE(window->statusWidget()->text(),
                QStringLiteral("Sandbox (practice, simulated): Sandbox not running"));
        QVERIFY(window->statusWidget()->dotColor().red()
                > window->statusWidget()->dotColor().green());
    }

    void switchingConnectionUpdatesTheStatus()
    {
        m_store->setSandboxBaseUrl(m_sandbox->baseUrl());
        Connection closed;
        closed.name = QStringLiteral("Closed server");
        closed.kind = Connection::Kind::Compatible;
        closed.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(fs::test::closedPort()));
        const QString id = m_store->add(closed);

        auto window = makeWindow();
        QTRY_COMPARE_WITH_TIMEOUT(
                window->activeConnection()->state(), ActiveConnection::State::Connected, 15000);

        auto *menu = window->findChild<QMenu *>(QStringLiteral("switchConnectionMenu"));
        QVERIFY(menu);
        QCOMPARE(menu->actions().size(), 2);
        QAction *action = findAction(menu, QStringLiteral("Closed server"));
        QVERIFY(action);
        QVERIFY(!action->isChecked());
        QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+Alt+2")));
        action->trigger();

        QCOMPARE(m_store->activeId(), id);
        QTRY_COMPARE_WITH_TIMEOUT(window->statusWidget()->text(),
                QStringLiteral("Closed server: Can't reach the server"), 15000);
        QVERIFY(window->statusWidget()->dotColor().red()
                > window->statusWidget()->dotColor().green());
        QVERIFY(window->windowTitle().contains(QLatin1String("Closed server")));
        QVERIFY(window->findChild<QLabel *>(QStringLiteral("sandboxNoteLabel"))->isHidden());
        QVERIFY(window->findChild<QLabel *>(QStringLiteral("messageLabel"))
                        ->text()
                        .contains(QLatin1String("could not be reached")));
        saveScreenshot(window.get(), QStringLiteral("mainwindow-unreachable"));
        QCOMPARE(window->findChild<QTreeWidget *>(QStringLiteral("modelsTreeWidget"))
                         ->topLevelItemCount(),
                0);
        QAction *checked =
                findAction(window->findChild<QMenu *>(QStringLiteral("switchConnectionMenu")),
                        QStringLiteral("Closed server"));
        QVERIFY(checked && checked->isChecked());

        // And back.
        m_store->setActive(ConnectionStore::sandboxId());
        QTRY_COMPARE_WITH_TIMEOUT(window->statusWidget()->text(),
                QStringLiteral("Sandbox (practice, simulated): Connected"), 15000);
        // With a connection of one's own the sandbox note no longer says "none set up".
        QVERIFY(!window->findChild<QLabel *>(QStringLiteral("sandboxNoteLabel"))
                         ->text()
                         .contains(QLatin1String("No connection has been set up yet")));
    }

    void savedKeyIsUsedAndAWrongOneExplained()
    {
        Connection sandboxAsServer;
        sandboxAsServer.name = QStringLiteral("Local server");
        sandboxAsServer.kind = Connection::Kind::Compatible;
        sandboxAsServer.baseUrl = m_keyed->baseUrl();
        const QString id = m_store->add(sandboxAsServer);
        bool written = false;
        m_secrets->writeKey(id, QStringLiteral("sk-wrong"), this,
                [&written](const fs::SecretResult &) { written = true; });
        QTRY_VERIFY(written);
        m_store->setHasKey(id, true);
        m_store->setActive(id);

        auto window = makeWindow();
        QTRY_COMPARE_WITH_TIMEOUT(window->statusWidget()->text(),
                QStringLiteral("Local server: Key not accepted"), 15000);
        QVERIFY(window->findChild<QLabel *>(QStringLiteral("messageLabel"))
                        ->text()
                        .contains(QLatin1String("did not accept the API key")));
        saveScreenshot(window.get(), QStringLiteral("mainwindow-wrongkey"));

        written = false;
        m_secrets->writeKey(id, QStringLiteral("sk-right"), this,
                [&written](const fs::SecretResult &) { written = true; });
        QTRY_VERIFY(written);
        auto *again = window->findChild<QPushButton *>(QStringLiteral("testAgainPushButton"));
        QVERIFY(again && again->isEnabled());
        QTest::mouseClick(again, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(
                window->statusWidget()->text(), QStringLiteral("Local server: Connected"), 15000);
    }

    void clickingTheStatusOpensTheDialog()
    {
        m_store->setSandboxBaseUrl(m_sandbox->baseUrl());
        auto window = makeWindow();
        QVERIFY(!window->connectionsDialog());
        QTest::mouseClick(window->statusWidget(), Qt::LeftButton);
        QVERIFY(window->connectionsDialog());
        QTRY_VERIFY(window->connectionsDialog()->isVisible());
        QCOMPARE(window->connectionsDialog()->currentId(), m_store->activeId());
        window->connectionsDialog()->close();
        // The page's button opens the same dialog again.
        auto *manage =
                window->findChild<QPushButton *>(QStringLiteral("manageConnectionsPushButton"));
        QTest::mouseClick(manage, Qt::LeftButton);
        QTRY_VERIFY(window->connectionsDialog()->isVisible());
        QCOMPARE(window->findChildren<fs::ui::ConnectionsDialog *>().size(), 1);
    }

    void areasPlugIn()
    {
        auto window = makeWindow();
        QCOMPARE(window->areaCount(), 1);
        auto *page = new QLabel(QStringLiteral("files area"));
        const int index = window->addArea(QStringLiteral("Files"), QIcon(), page);
        QCOMPARE(index, 1);
        QCOMPARE(window->areaCount(), 2);
        QCOMPARE(window->currentArea(), 0);
        auto *list = window->findChild<QListWidget *>(QStringLiteral("areaListWidget"));
        QCOMPARE(list->count(), 2);
        QCOMPARE(list->item(1)->text(), QStringLiteral("Files"));
        list->setCurrentRow(1);
        QCOMPARE(window->currentArea(), 1);
        QCOMPARE(window->findChild<QStackedWidget *>(QStringLiteral("areaStackedWidget"))
                         ->currentWidget(),
                page);
        window->showArea(0);
        QCOMPARE(list->currentRow(), 0);
        window->showArea(7); // out of range: ignored
        QCOMPARE(window->currentArea(), 0);

        // Ctrl+2 in the View menu goes to the new area.
        QAction *viewFiles = nullptr;
        for (QAction *menuAction : window->menuBar()->actions()) {
            if (menuAction->menu() && menuAction->text() == QLatin1String("&View"))
                viewFiles = findAction(menuAction->menu(), QStringLiteral("Files"));
        }
        QVERIFY(viewFiles);
        QCOMPARE(viewFiles->shortcut(), QKeySequence(QStringLiteral("Ctrl+2")));
        viewFiles->trigger();
        QCOMPARE(window->currentArea(), 1);
    }

    void menusHaveShortcutsAndAbout()
    {
        auto window = makeWindow();
        auto *quit = window->findChild<QAction *>(QStringLiteral("quitAction"));
        QVERIFY(quit);
        QCOMPARE(quit->shortcut(), QKeySequence(QStringLiteral("Ctrl+Q")));
        auto *manage = window->findChild<QAction *>(QStringLiteral("manageConnectionsAction"));
        QVERIFY(manage && !manage->shortcut().isEmpty());
        auto *retest = window->findChild<QAction *>(QStringLiteral("testAgainAction"));
        QVERIFY(retest && !retest->shortcut().isEmpty());
        auto *about = window->findChild<QAction *>(QStringLiteral("aboutAction"));
        QVERIFY(about);
        about->trigger();
        QCOMPARE(m_messages.size(), 1);
        QVERIFY(m_messages.at(0).title.contains(QLatin1String("About")));
        QVERIFY(m_messages.at(0).text.contains(QLatin1String("9.8.7")));
    }
};

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
