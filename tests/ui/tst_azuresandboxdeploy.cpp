// SPDX-License-Identifier: GPL-3.0-or-later
// The Azure loop in the window against the real sandbox (not tests/support/fakeazure.h):
// an Azure connection to the sandbox's /openai/v1 with a finished job, "Deploy to Try It…" from
// the Jobs area, Microsoft's sign-in at the sandbox's /login completing by itself, Developer,
// running, side by side with the base model, deleted.
#include "activeconnection.h"
#include "apiclient.h"
#include "appsettings.h"
#include "areas.h"
#include "azuretokenstore.h"
#include "comparisonsession.h"
#include "connectionstore.h"
#include "deploydialog.h"
#include "deploymenthub.h"
#include "deploymentsui.h"
#include "jobmonitor.h"
#include "jobsarea.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "panewidget.h"
#include "playgroundarea.h"
#include "providerclient.h"
#include "sandboxserver.h"
#include "screenshot.h"
#include "secretstore.h"
#include "sidebysidepage.h"
#include "signindialog.h"
#include "targetselector.h"
#include "userfolders.h"

#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace fs;
using namespace fs::ui;

namespace {

const QString kBase = QStringLiteral("gpt-4.1-mini-2025-04-14");

template<typename T, typename Call>
ProviderResult<T> await(Call call)
{
    std::optional<ProviderResult<T>> result;
    call([&result](const ProviderResult<T> &r) { result = r; });
    (void)QTest::qWaitFor([&result] { return result.has_value(); }, 20000);
    return result.value_or(ProviderResult<T> {});
}

} // namespace

class tst_AzureSandboxDeploy : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    std::unique_ptr<fs::AppSettings> m_settings;
    std::unique_ptr<ConnectionStore> m_store;
    std::unique_ptr<sandbox::SandboxServer> m_sandbox;
    MemorySecretStore m_secrets;
    QNetworkAccessManager m_nam;
    Connection m_connection;
    QString m_fineTuned;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(test::useTemporaryUserFolders(m_home));
        MessageBox::setTestHook(
                [](const MessageRequest &request) { return request.defaultButton; });
        m_settings = std::make_unique<fs::AppSettings>(m_home.filePath(QStringLiteral("s.ini")));
        m_store = std::make_unique<ConnectionStore>(m_settings.get());
        sandbox::SandboxOptions options;
        options.timeScale = 0.01;
        options.deviceCodeApprovalSeconds = 100; // one real second, as if the person typed it
        m_sandbox = std::make_unique<sandbox::SandboxServer>(options);
        QString problem;
        QVERIFY2(m_sandbox->start(&problem), qPrintable(problem));
        m_store->setSandboxBaseUrl(m_sandbox->baseUrl());

        m_connection.name = QStringLiteral("Azure (sandbox)");
        m_connection.kind = Connection::Kind::Azure;
        m_connection.baseUrl = m_sandbox->azureEndpoint();
        m_connection.azure.subscription = QStringLiteral("0f0e0d0c-1a2b-4c3d-8e9f-a0b1c2d3e4f5");
        m_connection.azure.resourceGroup = QStringLiteral("rg-studio");
        m_connection.azure.account = QStringLiteral("aoai-studio");
        m_connection.id = m_store->add(m_connection);
        m_connection.apiKey = QStringLiteral("azure-key");
        bool written = false;
        m_secrets.writeKey(m_connection.id, m_connection.apiKey, this,
                [&written](const SecretResult &) { written = true; });
        QTRY_VERIFY(written);
        m_store->setHasKey(m_connection.id, true);
        QVERIFY(m_store->setActive(m_connection.id));

        // A finished job on the Azure data plane.
        ApiClient api(&m_nam, m_connection);
        ProviderClient client(&api);
        QFile sample(QStringLiteral(FS_TEST_DATA_DIR "/../../resources/samples/support-bot.jsonl"));
        QVERIFY(sample.open(QIODevice::ReadOnly));
        const auto file = await<FileObject>([&](auto done) {
            client.uploadFile(QStringLiteral("support-bot.jsonl"), sample.readAll(),
                    QStringLiteral("fine-tune"), done);
        });
        QVERIFY2(file.ok(), qPrintable(file.error.plainMessage()));
        CreateJobRequest request;
        request.model = kBase;
        request.trainingFile = file.value->id;
        const auto job = await<FineTuningJob>([&](auto done) { client.createJob(request, done); });
        QVERIFY2(job.ok(), qPrintable(job.error.plainMessage()));
        FineTuningJob current = *job.value;
        QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    const auto now = await<FineTuningJob>(
                            [&](auto done) { client.retrieveJob(job.value->id, done); });
                    if (now.ok())
                        current = *now.value;
                    return current.isTerminal();
                }(),
                60000);
        QCOMPARE(current.status, FineTuningJob::Status::Succeeded);
        m_fineTuned = current.fineTunedModel;
        QCOMPARE(m_fineTuned,
                kBase + QStringLiteral(".ft-")
                        + job.value->id.mid(QStringLiteral("ftjob-").size()));
    }

    void deployFromJobsSignInChatAndDelete()
    {
        auto window = std::make_unique<MainWindow>(m_store.get(), &m_secrets, &m_nam);
        const Areas areas = installAreas(window.get());
        areas.deployments->hub()->setPollInterval(20);
        window->resize(1024, 600);
        window->show();
        QTRY_VERIFY(window->activeConnection()->connection().apiKey == m_connection.apiKey);

        // The Jobs area's "Deploy to Try It…" for the finished job's model.
        Q_EMIT areas.jobs->monitor()->deployRequested(m_fineTuned);
        QPointer<DeployDialog> deploy = window->findChild<DeployDialog *>();
        QVERIFY(deploy);
        // Microsoft's sign-in at the sandbox: a code, then approved by itself.
        QTRY_VERIFY(areas.deployments->signInDialog());
        QPointer<SignInDialog> signIn = areas.deployments->signInDialog();
        QTRY_VERIFY2(signIn.isNull()
                        || signIn->statusLabel()->text().contains(
                                m_sandbox->azureEndpoint().toString()
                                + QStringLiteral("/login/devicelogin")),
                qPrintable(signIn->statusLabel()->text()));
        QTRY_VERIFY_WITH_TIMEOUT(signIn.isNull() || !signIn->isVisible(), 30000);
        QTRY_VERIFY(m_secrets.contains(AzureTokenStore::secretId(m_connection.id)));

        // Developer first; Start deploys it; it comes up (Creating → Succeeded).
        QTRY_VERIFY_WITH_TIMEOUT(deploy->startButton()->isEnabled(), 20000);
        QVERIFY(deploy->hardwareList()->currentItem()->text().contains(
                QStringLiteral("Developer")));
        QSignalSpy ready(deploy.data(), &DeployDialog::deploymentReady);
        QTest::mouseClick(deploy->startButton(), Qt::LeftButton);
        QVERIFY(ready.wait(30000));
        QTRY_VERIFY(areas.deployments->statusWidget()->isVisible());
        QCOMPARE(areas.deployments->hub()->billing().size(), 1);

        // Side by side with the base model.
        for (int i = 0; i < window->areaCount(); ++i) {
            if (window->area(i) == areas.playground)
                window->showArea(i);
        }
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
        fs::test::saveScreenshot(window.get(), QStringLiteral("azure-sandbox-side-by-side"));

        // Stopping everything deletes it on Azure.
        areas.deployments->hub()->stopAll();
        QTRY_VERIFY_WITH_TIMEOUT(areas.deployments->hub()->billing().isEmpty(), 30000);
    }
};

QTEST_MAIN(tst_AzureSandboxDeploy)
#include "tst_azuresandboxdeploy.moc"
