// SPDX-License-Identifier: GPL-3.0-or-later
// The welcome a new user meets: shown once on the first start (remembered in the settings),
// never by a window a test builds, reopened from Help → Welcome…, and saying in plain words that
// the app runs on the practice service and how to connect a real one.
#include "activeconnection.h"
#include "appsettings.h"
#include "connectionsdialog.h"
#include "connectionstore.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "sandboxserver.h"
#include "screenshot.h"
#include "secretstore.h"
#include "welcomedialog.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using fs::ConnectionStore;
using fs::ui::MainWindow;
using fs::ui::WelcomeDialog;

namespace {

QStringList labelTexts(QWidget *widget)
{
    QStringList texts;
    for (const QLabel *label : widget->findChildren<QLabel *>())
        texts << label->text();
    return texts;
}

} // namespace

class tst_Welcome : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<fs::AppSettings> m_settings;
    std::unique_ptr<ConnectionStore> m_store;
    fs::MemorySecretStore m_secrets;
    std::unique_ptr<fs::sandbox::SandboxServer> m_sandbox;
    QNetworkAccessManager m_nam;

    std::unique_ptr<MainWindow> makeWindow()
    {
        auto window = std::make_unique<MainWindow>(m_store.get(), &m_secrets, &m_nam);
        window->resize(1024, 600);
        window->show();
        return window;
    }

private Q_SLOTS:
    void initTestCase()
    {
        fs::ui::MessageBox::setTestHook(
                [](const fs::ui::MessageRequest &) { return QMessageBox::Ok; });
        m_sandbox = std::make_unique<fs::sandbox::SandboxServer>();
        QString problem;
        QVERIFY2(m_sandbox->start(&problem), qPrintable(problem));
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_settings = std::make_unique<fs::AppSettings>(m_dir->filePath(QStringLiteral("s.ini")));
        m_store = std::make_unique<ConnectionStore>(m_settings.get());
        m_store->setSandboxBaseUrl(m_sandbox->baseUrl());
    }

    void aWindowAloneShowsNoWelcome()
    {
        auto window = makeWindow();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QTRY_VERIFY(window->activeConnection()->isSettled());
        QVERIFY(!window->welcomeDialog());
        QVERIFY(!window->findChild<WelcomeDialog *>());
    }

    void shownOnceOnTheFirstStart()
    {
        auto window = makeWindow();
        QVERIFY(!m_settings->welcomeShown());
        QVERIFY(window->showWelcomeOnFirstStart(m_settings.get()));
        WelcomeDialog *welcome = window->welcomeDialog();
        QVERIFY(welcome);
        QVERIFY(welcome->isVisible());
        // It does not block: the window's event loop goes on (window-modal, shown, not exec'd).
        QCOMPARE(welcome->windowModality(), Qt::WindowModal);
        QTRY_VERIFY(window->activeConnection()->isSettled());
        QVERIFY(m_settings->welcomeShown());
        m_settings->sync();
        QVERIFY(fs::AppSettings(m_dir->filePath(QStringLiteral("s.ini"))).welcomeShown());

        // What the app does in four steps, where the user is, how to connect a real service.
        const QString all = labelTexts(welcome).join(QLatin1Char('\n'));
        for (const char *step : {"Build examples", "Upload", "Train and watch", "Compare"})
            QVERIFY2(all.contains(QLatin1String(step)), step);
        QVERIFY(all.contains(QLatin1String("You are on the practice service")));
        QVERIFY(welcome->whereText().contains(QLatin1String("costs nothing")));
        QVERIFY(welcome->whereText().contains(QLatin1String("only pretends to train")));
        QVERIFY(welcome->findChild<QLabel *>(QStringLiteral("welcomeConnectLabel"))
                        ->text()
                        .contains(QStringLiteral("Connection → Manage Connections…")));
        // Together AI is one of the services a person can connect (issue 10).
        QVERIFY(welcome->findChild<QLabel *>(QStringLiteral("welcomeConnectLabel"))
                        ->text()
                        .contains(QStringLiteral("Together AI")));
        fs::test::saveScreenshotOver(window.get(), welcome, QStringLiteral("welcome"));

        QTest::mouseClick(welcome->findChild<QPushButton *>(QStringLiteral("welcomeStartButton")),
                Qt::LeftButton);
        QTRY_VERIFY(!window->welcomeDialog());

        // Not a second time, also not for the next window on the same settings.
        QVERIFY(!window->showWelcomeOnFirstStart(m_settings.get()));
        QVERIFY(!window->welcomeDialog());
        auto next = makeWindow();
        QVERIFY(!next->showWelcomeOnFirstStart(m_settings.get()));
        QVERIFY(!next->welcomeDialog());
    }

    void reopenedFromTheHelpMenu()
    {
        m_settings->setWelcomeShown(true);
        auto window = makeWindow();
        auto *action = window->findChild<QAction *>(QStringLiteral("welcomeAction"));
        QVERIFY(action);
        QVERIFY(window->helpMenu()->actions().contains(action));
        action->trigger();
        QVERIFY(window->welcomeDialog() && window->welcomeDialog()->isVisible());

        // The guide button asks the window for the guide and closes the welcome.
        QSignalSpy guide(window.get(), &MainWindow::guideRequested);
        QTest::mouseClick(window->welcomeDialog()->findChild<QPushButton *>(
                                  QStringLiteral("welcomeGuideButton")),
                Qt::LeftButton);
        QCOMPARE(guide.size(), 1);
        QTRY_VERIFY(!window->welcomeDialog());

        // "Manage Connections…" opens the connections dialog.
        action->trigger();
        QTest::mouseClick(window->welcomeDialog()->findChild<QPushButton *>(
                                  QStringLiteral("welcomeConnectionsButton")),
                Qt::LeftButton);
        QVERIFY(window->connectionsDialog() && window->connectionsDialog()->isVisible());
        QTRY_VERIFY(!window->welcomeDialog());
        window->connectionsDialog()->close();
    }

    void onARealServiceItSaysSo()
    {
        fs::Connection own;
        own.name = QStringLiteral("My OpenAI");
        own.kind = fs::Connection::Kind::Compatible;
        own.baseUrl = m_sandbox->baseUrl();
        m_store->setActive(m_store->add(own));
        auto window = makeWindow();
        window->showWelcome();
        WelcomeDialog *welcome = window->welcomeDialog();
        QVERIFY(welcome);
        const QString all = labelTexts(welcome).join(QLatin1Char('\n'));
        QVERIFY(all.contains(QStringLiteral("You are connected to “My OpenAI”")));
        QVERIFY(!all.contains(QLatin1String("You are on the practice service")));
        QVERIFY(welcome->whereText().contains(QLatin1String("billed")));
        welcome->close();
    }
};

QTEST_MAIN(tst_Welcome)
#include "tst_welcome.moc"
