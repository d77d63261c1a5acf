// SPDX-License-Identifier: GPL-3.0-or-later
// Azure deployments in the window, against a small Azure on 127.0.0.1 (tests/support/
// fakeazure.h): the Microsoft sign-in dialog (code shown, Copy, waits, signed in; cancelled),
// and "Deploy to Try It…" from the Jobs area on an Azure connection: it signs in first, keeps
// the token in the keychain only, deploys as Developer through the management API, shows it in
// the status bar, and stopping everything deletes it. Pictures of the sign-in dialog and the
// Azure connection's details at 1024×600.
#include "activeconnection.h"
#include "appsettings.h"
#include "areas.h"
#include "azuretokenstore.h"
#include "comparisonsession.h"
#include "connectionsdialog.h"
#include "connectionstore.h"
#include "deploydialog.h"
#include "deploymenthub.h"
#include "deploymentsui.h"
#include "fakeazure.h"
#include "jobmonitor.h"
#include "jobsarea.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "panewidget.h"
#include "playgroundarea.h"
#include "providerfixture.h"
#include "screenshot.h"
#include "secretstore.h"
#include "sidebysidepage.h"
#include "signindialog.h"
#include "targetselector.h"
#include "userfolders.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fs;
using namespace fs::ui;

namespace {
const QString kModel = QStringLiteral("gpt-4o-mini-2024-07-18.ft-0e208cf33a6a466994aff31a08aba678");
} // namespace

class tst_AzureDeploy : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    std::unique_ptr<fs::AppSettings> m_settings;
    std::unique_ptr<ConnectionStore> m_store;
    MemorySecretStore m_secrets;
    QNetworkAccessManager m_nam;
    test::FakeAzure m_azure;
    Connection m_connection;
    QList<MessageRequest> m_asked;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(test::useTemporaryUserFolders(m_home));
        MessageBox::setTestHook([this](const MessageRequest &request) {
            m_asked << request;
            return request.defaultButton;
        });
        QVERIFY(m_azure.start());
        m_azure.setPendingPolls(1);
        m_settings = std::make_unique<fs::AppSettings>(m_home.filePath(QStringLiteral("s.ini")));
        m_store = std::make_unique<ConnectionStore>(m_settings.get());
        m_connection.name = QStringLiteral("Azure (fake)");
        m_connection.kind = Connection::Kind::Azure;
        m_connection.baseUrl = m_azure.root();
        m_connection.azure.subscription = QStringLiteral("0f0e0d0c-1a2b-4c3d-8e9f-a0b1c2d3e4f5");
        m_connection.azure.resourceGroup = QStringLiteral("rg-1");
        m_connection.azure.account = QStringLiteral("aoai-1");
        m_connection.id = m_store->add(m_connection);
        bool written = false;
        m_secrets.writeKey(m_connection.id, QStringLiteral("azure-key"), this,
                [&written](const SecretResult &) { written = true; });
        QTRY_VERIFY(written);
        m_store->setHasKey(m_connection.id, true);
        QVERIFY(m_store->setActive(m_connection.id));
        m_connection.apiKey = QStringLiteral("azure-key");
    }

    void signInShowsTheCodeAndFinishes()
    {
        SignInDialog dialog(&m_nam, m_connection.azure.loginRoot(m_connection.baseUrl), QString(),
                m_connection.name);
        QSignalSpy signedIn(&dialog, &SignInDialog::signedIn);
        dialog.show();
        QTRY_COMPARE(dialog.codeLabel()->text(), QStringLiteral("FAKE-CODE"));
        QVERIFY(dialog.statusLabel()->text().contains(
                QStringLiteral("https://microsoft.com/devicelogin")));
        QVERIFY(dialog.copyButton()->isEnabled());
        QVERIFY(!dialog.retryButton()->isVisible());
        dialog.resize(dialog.sizeHint().expandedTo(QSize(520, 400)));
        QVERIFY(dialog.width() <= 1024 && dialog.height() <= 600);
        fs::test::saveScreenshot(&dialog, QStringLiteral("azure-sign-in"));
        QTest::mouseClick(dialog.copyButton(), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("FAKE-CODE"));
        QVERIFY(signedIn.wait(20000)); // the fake approves after a pending answer
        QVERIFY(signedIn.first().first().value<AzureToken>().accessToken.startsWith(
                QStringLiteral("fake-access-")));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void cancellingEndsItClearly()
    {
        m_azure.setPendingPolls(1000);
        SignInDialog dialog(&m_nam, m_connection.azure.loginRoot(m_connection.baseUrl), QString(),
                m_connection.name);
        QSignalSpy signedIn(&dialog, &SignInDialog::signedIn);
        dialog.show();
        QTRY_COMPARE(dialog.codeLabel()->text(), QStringLiteral("FAKE-CODE"));
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QCOMPARE(dialog.signIn()->state(), DeviceCodeSignIn::State::Cancelled);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(signedIn.isEmpty());
        m_azure.setPendingPolls(1);
    }

    void deployFromJobsSignsInFirst()
    {
        auto window = std::make_unique<MainWindow>(m_store.get(), &m_secrets, &m_nam);
        const Areas areas = installAreas(window.get());
        areas.deployments->hub()->setPollInterval(20);
        window->resize(1024, 600);
        window->show();
        QTRY_VERIFY(window->activeConnection()->connection().apiKey == QStringLiteral("azure-key"));

        // The Jobs area's "Deploy to Try It…" for a finished job's model.
        Q_EMIT areas.jobs->monitor()->deployRequested(kModel);
        QPointer<DeployDialog> deploy = window->findChild<DeployDialog *>();
        QVERIFY(deploy);
        // No sign-in kept: Microsoft's sign-in shows the code over the deploy dialog.
        QTRY_VERIFY(areas.deployments->signInDialog());
        QPointer<SignInDialog> signIn = areas.deployments->signInDialog();
        QTRY_COMPARE(signIn->codeLabel()->text(), QStringLiteral("FAKE-CODE"));
        QTRY_VERIFY_WITH_TIMEOUT(signIn.isNull() || !signIn->isVisible(), 20000);
        // The token is kept in the keychain only.
        QTRY_VERIFY(m_secrets.contains(AzureTokenStore::secretId(m_connection.id)));
        m_settings->sync();
        QFile settingsFile(m_settings->fileName());
        QVERIFY(settingsFile.open(QIODevice::ReadOnly));
        QVERIFY(!settingsFile.readAll().contains("fake-access"));

        // Developer (no hosting fee) is offered first; Start deploys it and it comes up.
        QTRY_VERIFY(deploy->startButton()->isEnabled());
        QVERIFY(deploy->hardwareList()->currentItem()->text().contains(
                QStringLiteral("Developer")));
        fs::test::saveScreenshot(deploy, QStringLiteral("azure-deploy-dialog"));
        QSignalSpy ready(deploy.data(), &DeployDialog::deploymentReady);
        QTest::mouseClick(deploy->startButton(), Qt::LeftButton);
        QVERIFY(ready.wait(20000));
        QVERIFY(m_azure.requests().contains(fs::test::azureDeploymentPut(kModel)));
        QVERIFY(m_azure.lastPutBody().contains("\"DeveloperTier\""));
        // Nothing bills silently: the status bar shows it.
        QTRY_VERIFY(areas.deployments->statusWidget()->isVisible());
        QCOMPARE(areas.deployments->hub()->billing().size(), 1);
        fs::test::saveScreenshot(window.get(), QStringLiteral("azure-deployed-window"));

        // Side by side with the base model: the fine-tune answers through its deployment.
        for (int i = 0; i < window->areaCount(); ++i) {
            if (window->area(i) == areas.playground)
                window->showArea(i);
        }
        SideBySidePage *page = areas.playground->sideBySidePage();
        PaneWidget *basePane = page->paneWidget(0);
        basePane->targetSelector()->setConnectionId(m_connection.id);
        basePane->targetSelector()->setModel(QStringLiteral("gpt-4o-mini-2024-07-18"));
        PaneWidget *tunedPane = page->paneWidget(1);
        tunedPane->targetSelector()->setConnectionId(m_connection.id);
        tunedPane->targetSelector()->setModel(kModel);
        QTRY_VERIFY_WITH_TIMEOUT(tunedPane->targetSelector()->isReady(), 20000);
        page->messageEdit()->setPlainText(QStringLiteral("Hello?"));
        QSignalSpy finished(page->session(), &ComparisonSession::allFinished);
        QVERIFY(page->send());
        QVERIFY(finished.wait(20000));
        QCOMPARE(page->session()->currentAnswer(1), QStringLiteral("Hello from ") + kModel);
        QCOMPARE(page->session()->currentAnswer(0),
                QStringLiteral("Hello from gpt-4o-mini-2024-07-18"));
        fs::test::saveScreenshot(window.get(), QStringLiteral("azure-side-by-side"));

        // Stopping everything (as on quit) deletes it on Azure.
        areas.deployments->hub()->stopAll();
        QTRY_VERIFY_WITH_TIMEOUT(m_azure.deploymentNames().isEmpty(), 20000);
        QTRY_VERIFY(areas.deployments->hub()->billing().isEmpty());
    }

    void connectionDetailsAt1024x600()
    {
        ConnectionsDialog dialog(m_store.get(), &m_secrets, &m_nam);
        dialog.selectConnection(m_connection.id);
        dialog.resize(1024, 600);
        dialog.show();
        auto *subscription =
                dialog.findChild<QLineEdit *>(QStringLiteral("azureSubscriptionLineEdit"));
        QVERIFY(subscription);
        QVERIFY(subscription->isVisible());
        QCOMPARE(subscription->text(), QStringLiteral("0f0e0d0c-1a2b-4c3d-8e9f-a0b1c2d3e4f5"));
        QVERIFY(!subscription->toolTip().isEmpty());
        auto *group = dialog.findChild<QLineEdit *>(QStringLiteral("azureResourceGroupLineEdit"));
        QCOMPARE(group->text(), QStringLiteral("rg-1"));
        fs::test::saveScreenshot(&dialog, QStringLiteral("azure-connection"));
        // Edited and saved, the details are kept.
        group->setText(QStringLiteral("rg-2"));
        Q_EMIT group->textEdited(group->text());
        dialog.save();
        QTRY_COMPARE(
                m_store->connection(m_connection.id)->azure.resourceGroup, QStringLiteral("rg-2"));
        // Other kinds do not show them.
        dialog.selectConnection(ConnectionStore::sandboxId());
        QVERIFY(!subscription->isVisible());
    }
};

QTEST_MAIN(tst_AzureDeploy)
#include "tst_azuredeploy.moc"
