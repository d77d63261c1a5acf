// SPDX-License-Identifier: GPL-3.0-or-later
// The Azure loop in the window against the real sandbox (not tests/support/fakeazure.h),
// in English and in Japanese, at 1024×600: an Azure connection to the sandbox's /openai/v1 with a
// finished job picked in the Jobs area's list, its "Deploy to Try It…" pressed, Microsoft's
// sign-in at the sandbox's /login completing by itself, Developer, running, side by side with the
// base model, deleted from View › Deployments…. With FS_SCREENSHOT_DIR set, the sign-in, the
// deploy step and the deployments list are saved as pictures per language.
#include "activeconnection.h"
#include "apiclient.h"
#include "application.h"
#include "appsettings.h"
#include "areas.h"
#include "azuredialect.h"
#include "azuretokenstore.h"
#include "comparisonsession.h"
#include "connectionstore.h"
#include "deploydialog.h"
#include "deploymenthub.h"
#include "deploymentlistmodel.h"
#include "deploymentsdialog.h"
#include "deploymentsui.h"
#include "joblistmodel.h"
#include "jobmonitor.h"
#include "jobsarea.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "panewidget.h"
#include "playgroundarea.h"
#include "providercalls.h"
#include "providerclient.h"
#include "sandboxserver.h"
#include "screenshot.h"
#include "secretstore.h"
#include "sidebysidepage.h"
#include "signindialog.h"
#include "targetselector.h"
#include "windowtestbase.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace fs;
using namespace fs::ui;
using fs::test::awaitProvider;

namespace {

const QString kBase = QStringLiteral("gpt-4.1-mini-2025-04-14");

} // namespace

class tst_AzureSandboxDeploy : public QObject, public test::WindowTestBase
{
    Q_OBJECT

    Connection m_connection;
    QString m_fineTuned;
    QString m_jobId;

private Q_SLOTS:
    void initTestCase()
    {
        sandbox::SandboxOptions options;
        options.timeScale = 0.01;
        options.deviceCodeApprovalSeconds = 100; // one real second, as if the person typed it
        QString problem;
        QVERIFY2(setUpWindowTest(&problem, options), qPrintable(problem));
        MessageBox::setTestHook(
                [](const MessageRequest &request) { return request.defaultButton; });

        m_connection.name = QStringLiteral("Azure (sandbox)");
        m_connection.kind = Connection::Kind::Azure;
        m_connection.baseUrl = m_sandbox->azureEndpoint();
        m_connection.azure.subscription = QStringLiteral("0f0e0d0c-1a2b-4c3d-8e9f-a0b1c2d3e4f5");
        m_connection.azure.resourceGroup = QStringLiteral("rg-studio");
        m_connection.azure.account = QStringLiteral("aoai-studio");
        QVERIFY(addActiveConnection(&m_connection, QStringLiteral("azure-key")));

        // A finished job on the Azure data plane.
        ApiClient api(&m_nam, m_connection);
        ProviderClient client(&api);
        CreateJobRequest request;
        request.model = kBase;
        QString why;
        const FineTuningJob current = test::trainOnSupportBotSample(client, request, &why);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QCOMPARE(current.status, FineTuningJob::Status::Succeeded);
        m_fineTuned = current.fineTunedModel;
        m_jobId = current.id;
        QCOMPARE(m_fineTuned,
                kBase + QStringLiteral(".ft-") + current.id.mid(QStringLiteral("ftjob-").size()));
    }

    void deployFromJobsSignInChatAndDelete_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::newRow("en") << QLocale(QLocale::English, QLocale::UnitedStates);
        QTest::newRow("ja") << QLocale(QLocale::Japanese, QLocale::Japan);
    }

    void deployFromJobsSignInChatAndDelete()
    {
        QFETCH(QLocale, locale);
        installTranslators(*qobject_cast<QApplication *>(QCoreApplication::instance()), locale);
        const QString language = QString::fromLatin1(QTest::currentDataTag());
        // Each language signs in afresh (the sign-in dialog is part of what is looked at).
        if (m_secrets.contains(AzureTokenStore::secretId(m_connection.id))) {
            bool deleted = false;
            m_secrets.deleteKey(AzureTokenStore::secretId(m_connection.id), this,
                    [&deleted](const SecretResult &) { deleted = true; });
            QTRY_VERIFY(deleted);
        }

        auto window = std::make_unique<MainWindow>(m_store.get(), &m_secrets, &m_nam);
        const Areas areas = installAreas(window.get());
        areas.deployments->hub()->setPollInterval(20);
        window->resize(1024, 600);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QTRY_VERIFY(window->activeConnection()->connection().apiKey == m_connection.apiKey);

        // The Jobs area: the finished job picked in the list, then its "Deploy to Try It…".
        showArea(window.get(), areas.jobs);
        QTRY_VERIFY_WITH_TIMEOUT(areas.jobs->jobListModel()->rowOf(m_jobId) >= 0, 20000);
        QTableView *jobs = areas.jobs->jobListView();
        const QModelIndex row = jobs->model()->index(areas.jobs->jobListModel()->rowOf(m_jobId), 0);
        jobs->scrollTo(row);
        QTest::mouseClick(jobs->viewport(), Qt::LeftButton, {}, jobs->visualRect(row).center());
        QTRY_COMPARE(areas.jobs->currentJobId(), m_jobId);
        auto *deployButton = areas.jobs->monitor()->findChild<QPushButton *>(
                QStringLiteral("deployModelPushButton"));
        QVERIFY(deployButton);
        QTRY_VERIFY_WITH_TIMEOUT(deployButton->isVisible() && deployButton->isEnabled(), 20000);
        QTest::mouseClick(deployButton, Qt::LeftButton);

        // Microsoft's sign-in at the sandbox: a code to type, then approved by itself.
        QTRY_VERIFY(areas.deployments->signInDialog());
        QPointer<SignInDialog> signIn = areas.deployments->signInDialog();
        QTRY_VERIFY2(signIn.isNull()
                        || signIn->statusLabel()->text().contains(
                                m_sandbox->azureEndpoint().toString()
                                + QStringLiteral("/login/devicelogin")),
                qPrintable(signIn->statusLabel()->text()));
        if (signIn)
            test::saveScreenshotOver(
                    window.get(), signIn, QStringLiteral("azure-sign-in-") + language);
        QTRY_VERIFY_WITH_TIMEOUT(signIn.isNull() || !signIn->isVisible(), 30000);
        QTRY_VERIFY(m_secrets.contains(AzureTokenStore::secretId(m_connection.id)));

        // Developer first (no hosting fee), Standard with its hourly fee; Start deploys it and it
        // comes up (Creating → Succeeded).
        QPointer<DeployDialog> deploy = window->findChild<DeployDialog *>();
        QVERIFY(deploy);
        QTRY_VERIFY_WITH_TIMEOUT(deploy->startButton()->isEnabled(), 20000);
        QCOMPARE(deploy->hardwareList()->count(), 2);
        QCOMPARE(deploy->hardwareList()->currentRow(), 0);
        // Standard's hourly fee is the app's estimate: marked, with Azure's pricing page.
        if (language == QLatin1String("en")) {
            QVERIFY2(deploy->hardwareList()->item(1)->text().contains(QStringLiteral("estimate")),
                    qPrintable(deploy->hardwareList()->item(1)->text()));
        }
        QVERIFY(deploy->priceNoteLabel()->isVisible());
        QVERIFY2(deploy->priceNoteLabel()->text().contains(
                         QStringLiteral("https://azure.microsoft.com/pricing/")),
                qPrintable(deploy->priceNoteLabel()->text()));
        test::saveScreenshotOver(window.get(), deploy, QStringLiteral("azure-deploy-") + language);
        QSignalSpy ready(deploy.data(), &DeployDialog::deploymentReady);
        QTest::mouseClick(deploy->startButton(), Qt::LeftButton);
        QVERIFY(ready.wait(30000));
        QTRY_VERIFY(areas.deployments->statusWidget()->isVisible());
        QCOMPARE(areas.deployments->hub()->billing().size(), 1);
        QCOMPARE(areas.deployments->hub()->billing().constFirst().tracked.deployment.hardware,
                AzureDialect::developerSku());
        if (deploy && deploy->isVisible())
            deploy->close();

        // Side by side with the base model.
        showArea(window.get(), areas.playground);
        SideBySidePage *page = areas.playground->sideBySidePage();
        PaneWidget *basePane = page->paneWidget(0);
        basePane->targetSelector()->setConnectionId(m_connection.id);
        basePane->targetSelector()->setModel(kBase);
        PaneWidget *tunedPane = page->paneWidget(1);
        tunedPane->targetSelector()->setConnectionId(m_connection.id);
        tunedPane->targetSelector()->setModel(m_fineTuned);
        QTRY_VERIFY_WITH_TIMEOUT(tunedPane->targetSelector()->isReady(), 20000);
        page->messageEdit()->setPlainText(QStringLiteral("How do I reset my password?"));
        QSignalSpy finished(page->session(), &ComparisonSession::allFinished);
        QVERIFY(page->send());
        QVERIFY(finished.wait(30000));
        QVERIFY2(!page->session()->currentAnswer(0).isEmpty(), "the base model did not answer");
        QVERIFY2(!page->session()->currentAnswer(1).isEmpty(), "the fine-tune did not answer");
        QVERIFY(page->session()->currentAnswer(0) != page->session()->currentAnswer(1));
        test::saveScreenshot(window.get(), QStringLiteral("azure-side-by-side-") + language);

        // View › Deployments…: the deployment with its type, age and price; deleted from there.
        areas.deployments->showAction()->trigger();
        DeploymentsDialog *list = areas.deployments->deploymentsDialog();
        QTRY_VERIFY(list->isVisible());
        QTRY_COMPARE(list->model()->rowCount(), 1);
        QTableView *view = list->view();
        const QModelIndex first = view->model()->index(0, 0);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(first).center());
        QTRY_VERIFY(list->stopButton()->isEnabled());
        test::saveScreenshotOver(
                window.get(), list, QStringLiteral("azure-deployments-") + language);
        QTest::mouseClick(list->stopButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(areas.deployments->hub()->billing().isEmpty(), 30000);
        QTRY_VERIFY(!list->stopButton()->isEnabled());
        // Gone on Azure too: the deployment's name no longer answers.
        ApiClient api(&m_nam, m_connection);
        ProviderClient client(&api);
        ChatRequest chat;
        chat.model = AzureDialect::deploymentNameFor(m_fineTuned);
        chat.messages = {ChatMessage {QStringLiteral("user"), QStringLiteral("Hi")}};
        const auto answer =
                awaitProvider<ChatCompletion>([&](auto done) { client.chat(chat, done); });
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error.httpStatus, 404);
        list->close();
    }

private:
    static void showArea(MainWindow *window, QWidget *area)
    {
        for (int i = 0; i < window->areaCount(); ++i) {
            if (window->area(i) == area)
                window->showArea(i);
        }
    }
};

QTEST_MAIN(tst_AzureSandboxDeploy)
#include "tst_azuresandboxdeploy.moc"
