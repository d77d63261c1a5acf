// SPDX-License-Identifier: GPL-3.0-or-later
// Deployments in the whole window, against the sandbox's Together dialect: a fine-tuned model
// from a completed job is deployed from the Playground ("Deploy to try it"), comes up, answers
// side by side with its base model, is stopped, and nothing is left running; quitting while one
// runs asks first. Pictures of the Deployments list, the deploy dialog and the offer at 1024×600.
#include "apiclient.h"
#include "appsettings.h"
#include "areas.h"
#include "batchpage.h"
#include "batchrunner.h"
#include "blindpage.h"
#include "comparisonsession.h"
#include "connectionstore.h"
#include "deploydialog.h"
#include "deploymenthub.h"
#include "deploymentlistmodel.h"
#include "deploymentsdialog.h"
#include "deploymentsui.h"
#include "deployofferbar.h"
#include "jobmonitor.h"
#include "jobsarea.h"
#include "jobtracker.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "modelpicker.h"
#include "panewidget.h"
#include "playgroundarea.h"
#include "playgroundconnections.h"
#include "providercalls.h"
#include "providerclient.h"
#include "sandboxserver.h"
#include "screenshot.h"
#include "secretstore.h"
#include "sidebysidepage.h"
#include "targetselector.h"
#include "transcriptview.h"
#include "windowtestbase.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>

using namespace fs;
using namespace fs::ui;
using fs::test::awaitProvider;

namespace {

const QString kBase = QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference");
const QString kPrompt = QStringLiteral("How do I reset my password?");

} // namespace

class tst_Deployments : public QObject, public fs::test::WindowTestBase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void deployFromThePlaygroundChatSideBySideAndStop();
    void blindAndScorePagesReachTheDeployment();
    void quittingWithARunningDeploymentAsksFirst();
    void idleWarningLetsThePersonKeepOrStopIt();
    void jobsOfferDeployForAFinishedJobsModel();
    void picturesAt1024x600();

private:
    std::unique_ptr<MainWindow> makeWindow(Areas *areas);
    int areaIndex(MainWindow *window, QWidget *page) const;
    PaneWidget *paneWith(SideBySidePage *page, int pane, const QString &model);
    /// Deploys the fine-tuned model from pane 1's "Deploy to try it" and waits until it runs.
    bool deployFromPane(MainWindow *window, PaneWidget *pane);
    /// Deploys with an offer's button (`offer` shows it) and waits until it runs.
    bool deployWith(MainWindow *window, QWidget *offer, QPushButton *button);

    Connection m_together;
    QString m_fineTuned;
    QList<MessageRequest> m_asked;
    QMessageBox::StandardButton m_answer = QMessageBox::Cancel;
};

void tst_Deployments::initTestCase()
{
    sandbox::SandboxOptions options;
    options.timeScale = 0.01;
    QString problem;
    QVERIFY2(setUpWindowTest(&problem, options), qPrintable(problem));
    MessageBox::setTestHook([this](const MessageRequest &request) {
        m_asked << request;
        return request.buttons.testFlag(m_answer) ? m_answer : request.defaultButton;
    });
    // A long idle stop: the sandbox's clock runs 100× faster than the test's.
    DeploymentHub::saveIdleStopMinutes(600);

    m_together.name = QStringLiteral("Together (sandbox)");
    m_together.kind = Connection::Kind::Together;
    m_together.baseUrl =
            QUrl(QStringLiteral("http://127.0.0.1:%1/together/v1").arg(m_sandbox->port()));
    QVERIFY(addActiveConnection(&m_together, QStringLiteral("together-test-key")));

    // A fine-tuned model from a completed job (short training).
    ApiClient api(&m_nam, m_together);
    ProviderClient client(&api);
    CreateJobRequest request;
    request.model = kBase;
    request.suffix = QStringLiteral("lumen");
    request.settings.type = TrainingSettings::Type::Lora;
    request.settings.loraRank = 8;
    QString why;
    const FineTuningJob current = test::trainOnSupportBotSample(client, request, &why);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    QCOMPARE(current.status, FineTuningJob::Status::Succeeded);
    m_fineTuned = current.fineTunedModel;
    QVERIFY(!m_fineTuned.isEmpty());
    QVERIFY(DeploymentManager::needsDeployment(m_together, m_fineTuned));
}

void tst_Deployments::cleanup()
{
    m_asked.clear();
    m_answer = QMessageBox::Cancel;
    // Nothing left running for the next test.
    ApiClient api(&m_nam, m_together);
    ProviderClient client(&api);
    const auto list =
            awaitProvider<QList<Deployment>>([&](auto done) { client.listDeployments(done); });
    QVERIFY(list.ok());
    for (const Deployment &d : *list.value) {
        if (d.state != Deployment::State::Stopped && d.state != Deployment::State::Stopping)
            awaitProvider<bool>([&](auto done) { client.deleteDeployment(d.id, done); });
    }
}

std::unique_ptr<MainWindow> tst_Deployments::makeWindow(Areas *areas)
{
    auto window = std::make_unique<MainWindow>(m_store.get(), &m_secrets, &m_nam);
    *areas = installAreas(window.get());
    areas->deployments->hub()->setPollInterval(20);
    window->resize(1024, 600);
    window->show();
    return window;
}

int tst_Deployments::areaIndex(MainWindow *window, QWidget *page) const
{
    for (int i = 0; i < window->areaCount(); ++i) {
        if (window->area(i) == page)
            return i;
    }
    return -1;
}

PaneWidget *tst_Deployments::paneWith(SideBySidePage *page, int pane, const QString &model)
{
    PaneWidget *widget = page->paneWidget(pane);
    widget->targetSelector()->setConnectionId(m_together.id);
    widget->targetSelector()->setModel(model);
    return widget;
}

bool tst_Deployments::deployFromPane(MainWindow *window, PaneWidget *pane)
{
    return deployWith(window, pane->deployBar(), pane->deployButton());
}

bool tst_Deployments::deployWith(MainWindow *window, QWidget *offer, QPushButton *button)
{
    const auto fail = [](const char *why) {
        qWarning("deploying from the offer: %s", why);
        return false;
    };
    if (!QTest::qWaitFor([offer] { return offer->isVisible(); }, 20000))
        return fail("no offer");
    QTest::mouseClick(button, Qt::LeftButton);
    QPointer<DeployDialog> dialog = window->findChild<DeployDialog *>();
    if (!dialog)
        return fail("no dialog");
    // The hardware with its price per hour, the first available one chosen.
    if (!QTest::qWaitFor([dialog] { return dialog->startButton()->isEnabled(); }, 20000))
        return fail("no hardware to choose");
    if (!dialog->hardwareList()->currentItem()->text().contains(QLatin1String(" per hour")))
        return fail("no price per hour");
    QSignalSpy ready(dialog.data(), &DeployDialog::deploymentReady);
    QStringList seen; // what the dialog said while it came up
    QTimer watch;
    watch.setInterval(5);
    connect(&watch, &QTimer::timeout, this, [&seen, dialog] {
        if (dialog && !seen.contains(dialog->statusLabel()->text()))
            seen << dialog->statusLabel()->text();
    });
    watch.start();
    QTest::mouseClick(dialog->startButton(), Qt::LeftButton);
    if (ready.isEmpty() && !ready.wait(30000))
        return fail("it did not come up");
    // It said how long it waited, and closed itself once it ran.
    if (seen.filter(QStringLiteral("waited")).isEmpty()
            && seen.filter(QStringLiteral("ready after")).isEmpty())
        return fail(qPrintable(seen.join(QLatin1Char('|'))));
    return QTest::qWaitFor([dialog] { return dialog.isNull() || !dialog->isVisible(); }, 5000);
}

void tst_Deployments::deployFromThePlaygroundChatSideBySideAndStop()
{
    Areas areas;
    auto window = makeWindow(&areas);
    window->showArea(areaIndex(window.get(), areas.playground));
    SideBySidePage *page = areas.playground->sideBySidePage();
    PaneWidget *base = paneWith(page, 0, kBase);
    PaneWidget *tuned = paneWith(page, 1, m_fineTuned);
    QTRY_VERIFY_WITH_TIMEOUT(tuned->targetSelector()->isReady(), 20000);

    // Before deploying: the offer, in plain words, and no offer for the base model.
    QTRY_VERIFY(tuned->deployBar()->isVisible());
    QVERIFY(tuned->deployLabel()->text().contains(QLatin1String("must be deployed")));
    QVERIFY(!base->deployBar()->isVisible());
    QVERIFY(window->findChild<DeploymentStatusWidget *>()->isHidden());

    // Sending anyway: the pane explains instead of showing the service's 404.
    page->messageEdit()->setPlainText(kPrompt);
    QSignalSpy finished(page->session(), &ComparisonSession::allFinished);
    QVERIFY(page->send());
    QVERIFY(finished.wait(20000));
    QCOMPARE(page->session()->state(1), ComparisonSession::PaneState::Failed);
    const QString explained = tuned->transcriptView()->toPlainText();
    QVERIFY2(explained.contains(QLatin1String("must be deployed first")), qPrintable(explained));
    QVERIFY(!explained.contains(QLatin1String("non-serverless")));
    QVERIFY(!page->session()->currentAnswer(0).isEmpty()); // the base model answered
    page->session()->clearConversation();

    // Deploy to try it: hardware with its price, start, watch it come up, then the pane uses it.
    QVERIFY(deployFromPane(window.get(), tuned));
    DeploymentHub *hub = areas.deployments->hub();
    QTRY_COMPARE(hub->billing().size(), 1);
    const TrackedDeployment running = hub->billing().first().tracked;
    QVERIFY(running.isRunning());
    QCOMPARE(running.deployment.model, m_fineTuned);
    QTRY_COMPARE(tuned->deployButton()->text(), QStringLiteral("Stop Deployment"));
    QVERIFY(tuned->deployBar()->isVisible()); // it bills: in sight, with its cost
    QVERIFY2(tuned->deployLabel()->text().startsWith(QLatin1String("Deployed: running for"))
                    && tuned->deployLabel()->text().contains(QLatin1String("so far")),
            qPrintable(tuned->deployLabel()->text()));
    QCOMPARE(page->session()->target(1).servedAs, running.deployment.name);
    // The status bar shows it and its running cost.
    auto *status = window->findChild<DeploymentStatusWidget *>();
    QTRY_VERIFY(status->isVisible());
    QVERIFY2(status->text().startsWith(QStringLiteral("1 deployment running · ")),
            qPrintable(status->text()));
    QVERIFY(status->text().contains(QLatin1String("/hour")));

    // Side by side: both panes answer, the fine-tune in the manner of its training data.
    page->messageEdit()->setPlainText(kPrompt);
    finished.clear();
    QVERIFY(page->send());
    QVERIFY(finished.wait(20000));
    QCOMPARE(page->session()->state(0), ComparisonSession::PaneState::Idle);
    QCOMPARE(page->session()->state(1), ComparisonSession::PaneState::Idle);
    const QString baseAnswer = page->session()->currentAnswer(0);
    const QString tunedAnswer = page->session()->currentAnswer(1);
    QVERIFY(!baseAnswer.isEmpty());
    QVERIFY(!tunedAnswer.isEmpty());
    QVERIFY(baseAnswer != tunedAnswer);

    // The Deployments list: state, model, hardware, price, running for, cost; Stop.
    window->findChild<QAction *>(QStringLiteral("showDeploymentsAction"))->trigger();
    DeploymentsDialog *list = areas.deployments->deploymentsDialog();
    QVERIFY(list->isVisible());
    QAbstractItemModelTester tester(list->model());
    QTRY_COMPARE(list->model()->rowCount(), 1);
    const auto cell = [list](int column) {
        return list->model()->index(0, column).data().toString();
    };
    QCOMPARE(cell(DeploymentListModel::State), QStringLiteral("Running"));
    QCOMPARE(cell(DeploymentListModel::Model), m_fineTuned);
    QCOMPARE(cell(DeploymentListModel::Hardware), running.deployment.hardware);
    QVERIFY(cell(DeploymentListModel::PricePerHour).startsWith(QLatin1Char('$')));
    QVERIFY(cell(DeploymentListModel::CostSoFar).contains(QLatin1Char('$')));
    // The idle auto-stop is adjustable there, and kept for the next start.
    QCOMPARE(list->idleSpinBox()->value(), 600);
    list->idleSpinBox()->setValue(45);
    QCOMPARE(hub->idleStopMinutes(), 45);
    QCOMPARE(DeploymentHub::savedIdleStopMinutes(), 45);
    QCOMPARE(hub->billing().first().manager->idleStopMinutes(), 45);
    list->idleSpinBox()->setValue(600);
    list->view()->selectRow(0);
    QVERIFY(list->stopButton()->isEnabled());
    QTest::mouseClick(list->stopButton(), Qt::LeftButton);

    // Nothing left running: the list says stopped, the status bar is clear, the pane offers
    // deploying again and its chats no longer go to the stopped deployment.
    QTRY_COMPARE_WITH_TIMEOUT(cell(DeploymentListModel::State), QStringLiteral("Stopped"), 20000);
    QTRY_VERIFY(hub->billing().isEmpty());
    QTRY_VERIFY(status->isHidden());
    QVERIFY(list->summaryLabel()->text().contains(QLatin1String("Nothing is running")));
    QTRY_COMPARE(tuned->deployButton()->text(), QStringLiteral("Deploy to Try It…"));
    QVERIFY(tuned->deployLabel()->text().contains(QLatin1String("must be deployed")));
    QCOMPARE(page->session()->target(1).servedAs, QString());
    ApiClient api(&m_nam, m_together);
    ProviderClient client(&api);
    QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto all = awaitProvider<QList<Deployment>>(
                        [&](auto done) { client.listDeployments(done); });
                if (!all.ok())
                    return false;
                for (const Deployment &d : *all.value) {
                    if (d.state != Deployment::State::Stopped)
                        return false;
                }
                return true;
            }(),
            20000);
    m_answer = QMessageBox::Cancel;
    QVERIFY(window->close()); // nothing runs: no question
    QVERIFY(m_asked.isEmpty());
}

void tst_Deployments::blindAndScorePagesReachTheDeployment()
{
    Areas areas;
    auto window = makeWindow(&areas);
    window->showArea(areaIndex(window.get(), areas.playground));
    int chats = 0;
    QMetaObject::Connection counting =
            connect(m_sandbox.get(), &sandbox::SandboxServer::requestServed, this,
                    [&chats](const QString &, const QString &path, int) {
                        if (path.endsWith(QLatin1String("/chat/completions")))
                            ++chats;
                    });
    // Three examples with answers to score against.
    const QString examples = m_home.filePath(QStringLiteral("three.jsonl"));
    {
        QFile sample(QStringLiteral(FS_TEST_DATA_DIR "/../../resources/samples/support-bot.jsonl"));
        QVERIFY(sample.open(QIODevice::ReadOnly));
        QFile out(examples);
        QVERIFY(out.open(QIODevice::WriteOnly));
        for (int i = 0; i < 3; ++i)
            out.write(sample.readLine());
    }

    // The pickers: Together's base model and its fine-tune (once the pickers are ready, so the
    // pages' defaults do not replace them).
    BlindPage *blind = areas.playground->blindPage();
    BatchPage *score = areas.playground->batchPage();
    const QList<TargetSelector *> selectors {blind->firstSelector(), blind->secondSelector(),
            score->modelSelector(0), score->modelSelector(1)};
    for (TargetSelector *selector : selectors) {
        selector->setConnectionId(m_together.id);
        QTRY_VERIFY_WITH_TIMEOUT(selector->isReady(), 20000);
    }
    for (int i = 0; i < selectors.size(); ++i) {
        selectors.at(i)->setModel(i % 2 == 0 ? kBase : m_fineTuned);
        QCOMPARE(selectors.at(i)->target().model, i % 2 == 0 ? kBase : m_fineTuned);
    }
    score->fileRadio()->setChecked(true);
    score->fileLineEdit()->setText(examples);

    // Not deployed: the sentence and the offer instead of a 404 per answer; nothing is sent.
    areas.playground->setCurrentPage(PlaygroundArea::Blind);
    blind->messageEdit()->setPlainText(kPrompt);
    QVERIFY(!blind->ask());
    QVERIFY(blind->deployOfferBar()->isVisible());
    QVERIFY2(blind->deployOfferBar()->label()->text().contains(ModelChoice::describe(m_fineTuned)
                     + QStringLiteral(" must be deployed first")),
            qPrintable(blind->deployOfferBar()->label()->text()));
    QVERIFY(blind->statusLabel()->text().startsWith(QLatin1String("Nothing was sent")));
    QCOMPARE(blind->deployOfferBar()->deployButton()->text(), QStringLiteral("Deploy to Try It…"));
    fs::test::saveScreenshot(window.get(), QStringLiteral("deployments-blind-must-deploy"));
    areas.playground->setCurrentPage(PlaygroundArea::Batch);
    QVERIFY(!score->run());
    QVERIFY(!score->runner()->isRunning());
    QVERIFY(score->deployOfferBar()->isVisible());
    QVERIFY(score->deployOfferBar()->label()->text().contains(
            QLatin1String("must be deployed first")));
    QVERIFY(score->statusLabel()->text().startsWith(QLatin1String("Nothing was sent")));
    fs::test::saveScreenshot(window.get(), QStringLiteral("deployments-score-must-deploy"));
    QCOMPARE(chats, 0);

    // Deploy to try it from the Blind page's offer; then both pages reach it.
    areas.playground->setCurrentPage(PlaygroundArea::Blind);
    QVERIFY(deployWith(
            window.get(), blind->deployOfferBar(), blind->deployOfferBar()->deployButton()));
    DeploymentHub *hub = areas.deployments->hub();
    QTRY_COMPARE(hub->billing().size(), 1);
    const QString served = hub->billing().first().tracked.deployment.name;
    QVERIFY(!blind->deployOfferBar()->isVisible());

    QSignalSpy blindDone(blind->session(), &ComparisonSession::allFinished);
    blind->messageEdit()->setPlainText(kPrompt);
    QVERIFY(blind->ask());
    QVERIFY(blindDone.wait(20000));
    for (int pane = 0; pane < 2; ++pane) {
        QCOMPARE(blind->session()->state(pane), ComparisonSession::PaneState::Idle);
        QVERIFY(!blind->session()->currentAnswer(pane).isEmpty());
    }
    QCOMPARE(blind->session()->target(1).servedAs, served);
    QCOMPARE(chats, 2);

    areas.playground->setCurrentPage(PlaygroundArea::Batch);
    QSignalSpy scoreDone(score->runner(), &BatchRunner::finished);
    QVERIFY(score->run());
    QVERIFY(scoreDone.wait(30000));
    const BatchResults &results = score->runner()->results();
    QCOMPARE(results.itemCount(), 3);
    QCOMPARE(results.models().at(1).servedAs, served);
    for (int item = 0; item < 3; ++item) {
        for (int model = 0; model < 2; ++model) {
            const Generation generation = results.generation(item, model);
            QVERIFY2(generation.status == Generation::Status::Done, qPrintable(generation.error));
            QVERIFY(!generation.text.isEmpty());
        }
    }
    QCOMPARE(chats, 2 + 6);
    disconnect(counting);
}

void tst_Deployments::quittingWithARunningDeploymentAsksFirst()
{
    Areas areas;
    auto window = makeWindow(&areas);
    const int playground = areaIndex(window.get(), areas.playground);
    window->showArea(playground);
    PaneWidget *tuned = paneWith(areas.playground->sideBySidePage(), 1, m_fineTuned);
    QVERIFY(deployFromPane(window.get(), tuned));
    DeploymentHub *hub = areas.deployments->hub();
    QTRY_COMPARE(hub->billing().size(), 1);

    // Leaving the Playground asks once: keep it running.
    m_answer = QMessageBox::No;
    window->showArea(areaIndex(window.get(), areas.jobs));
    QCOMPARE(m_asked.size(), 1);
    QVERIFY(m_asked.first().text.contains(m_fineTuned));
    QCOMPARE(m_asked.first().buttonTexts.value(QMessageBox::No), QStringLiteral("Keep It Running"));
    QCOMPARE(hub->billing().size(), 1);
    window->showArea(playground);
    window->showArea(areaIndex(window.get(), areas.jobs));
    QCOMPARE(m_asked.size(), 1); // not again for the same deployment

    // Quitting asks first; Cancel keeps the window open and the deployment running.
    m_asked.clear();
    m_answer = QMessageBox::Cancel;
    QVERIFY(!window->close());
    QVERIFY(window->isVisible());
    QCOMPARE(m_asked.size(), 1);
    const MessageRequest asked = m_asked.first();
    QVERIFY(asked.buttons.testFlag(QMessageBox::Cancel));
    QCOMPARE(asked.buttonTexts.value(QMessageBox::Yes), QStringLiteral("Stop It"));
    QVERIFY2(asked.text.contains(m_fineTuned) && asked.text.contains(QLatin1String("so far"))
                    && asked.text.contains(QLatin1String("per hour")),
            qPrintable(asked.text));
    QCOMPARE(hub->billing().size(), 1);
    QVERIFY(hub->billing().first().tracked.isRunning());

    // Stop It: the window closes once the service confirmed the stop.
    m_asked.clear();
    m_answer = QMessageBox::Yes;
    window->close();
    QCOMPARE(m_asked.size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!window->isVisible(), 20000);
    const TrackedDeployment stopped = hub->all().first().tracked;
    QVERIFY(stopped.stopRequested);
    QVERIFY(stopped.deployment.state == Deployment::State::Stopping
            || stopped.deployment.state == Deployment::State::Stopped);
}

void tst_Deployments::idleWarningLetsThePersonKeepOrStopIt()
{
    Areas areas;
    QDateTime now = QDateTime::currentDateTimeUtc();
    auto window = makeWindow(&areas);
    DeploymentHub *hub = areas.deployments->hub();
    hub->setClock([&now] { return now; });
    window->showArea(areaIndex(window.get(), areas.playground));
    PaneWidget *tuned = paneWith(areas.playground->sideBySidePage(), 1, m_fineTuned);
    QVERIFY(deployFromPane(window.get(), tuned));
    QTRY_COMPARE(hub->billing().size(), 1);
    DeploymentManager *manager = hub->billing().first().manager;
    const QString id = hub->billing().first().tracked.deployment.id;
    const int idle = hub->idleStopMinutes();

    // Five minutes before the idle stop: a warning that does not block the window.
    now = now.addSecs(qint64(idle - 5) * 60);
    manager->checkIdle();
    auto *box = window->findChild<QMessageBox *>(QStringLiteral("idleWarningBox"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY(box->text().contains(m_fineTuned));
    QVERIFY(box->text().contains(QLatin1String("stops by itself in 5 min")));
    box->button(QMessageBox::Yes)->click(); // Keep It Running: idle from now
    now = now.addSecs(10 * 60);
    manager->checkIdle();
    QVERIFY(manager->deployment(id)->isRunning());
    QVERIFY(!manager->deployment(id)->stopRequested);

    // Warned again five minutes before the idle stop (counted from the last use), and Stop Now
    // stops it.
    QTRY_VERIFY(!window->findChild<QMessageBox *>(QStringLiteral("idleWarningBox")));
    now = now.addSecs(qint64(idle - 15) * 60);
    manager->checkIdle();
    box = window->findChild<QMessageBox *>(QStringLiteral("idleWarningBox"));
    QVERIFY(box);
    box->button(QMessageBox::No)->click();
    QTRY_VERIFY_WITH_TIMEOUT(hub->billing().isEmpty(), 20000);
    QVERIFY(!manager->deployment(id)->autoStopped); // stopped by the person
}

void tst_Deployments::jobsOfferDeployForAFinishedJobsModel()
{
    // The monitor's hook: a finished job whose model must be deployed (as the app's predicate
    // says) offers "Deploy to Try It…", which asks for that model; once it runs, no offer.
    // (A job of the sandbox's OpenAI side: the tracker reads OpenAI's wire shapes.)
    Connection openAi = *m_store->connection(ConnectionStore::sandboxId());
    openAi.baseUrl = m_sandbox->baseUrl();
    ApiClient api(&m_nam, openAi);
    ProviderClient client(&api);
    const auto file = test::uploadSupportBotSample(client);
    QVERIFY(file.ok());
    CreateJobRequest request;
    request.model = QStringLiteral("gpt-4.1-mini-2025-04-14");
    request.trainingFile = file.value->id;
    const auto job =
            awaitProvider<FineTuningJob>([&](auto done) { client.createJob(request, done); });
    QVERIFY2(job.ok(), qPrintable(job.error.plainMessage()));

    JobTracker tracker(&api);
    TrackerIntervals fast;
    fast.runningMs = 20;
    fast.waitingMs = 20;
    fast.jobRefreshEvery = 1;
    tracker.setIntervals(fast);
    JobMonitor monitor;
    monitor.setTracker(&tracker);
    tracker.watch(job.value->id);
    monitor.showJob(job.value->id);
    bool running = false;
    QStringList asked;
    monitor.setDeployOffer([&running, &asked](const QString &model) {
        asked << model;
        return !running;
    });
    monitor.resize(1024, 600);
    monitor.show();
    QVERIFY(!monitor.deployButton()->isVisible()); // not finished: no model yet
    QTRY_VERIFY_WITH_TIMEOUT(monitor.deployButton()->isVisible(), 60000);
    const QString model = tracker.job(job.value->id).fineTunedModel;
    QVERIFY(!model.isEmpty());
    QVERIFY(asked.contains(model));
    QSignalSpy offered(&monitor, &JobMonitor::deployRequested);
    QTest::mouseClick(monitor.deployButton(), Qt::LeftButton);
    QCOMPARE(offered.count(), 1);
    QCOMPARE(offered.first().first().toString(), model);
    running = true;
    monitor.updateDeployOffer();
    QVERIFY(!monitor.deployButton()->isVisible());
    // In the app, a model of a service without deployments is never offered.
    QVERIFY(!DeploymentManager::needsDeployment(openAi, model, true));
}

void tst_Deployments::picturesAt1024x600()
{
    Areas areas;
    auto window = makeWindow(&areas);
    window->showArea(areaIndex(window.get(), areas.playground));
    SideBySidePage *page = areas.playground->sideBySidePage();
    paneWith(page, 0, kBase);
    PaneWidget *tuned = paneWith(page, 1, m_fineTuned);
    QTRY_VERIFY_WITH_TIMEOUT(tuned->targetSelector()->isReady(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(tuned->deployBar()->isVisible(), 20000);
    fs::test::saveScreenshot(window.get(), QStringLiteral("deployments-playground-offer"));

    QTest::mouseClick(tuned->deployButton(), Qt::LeftButton);
    DeployDialog *dialog = window->findChild<DeployDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->startButton()->isEnabled(), 20000);
    fs::test::saveScreenshot(dialog, QStringLiteral("deployments-dialog"));
    QSignalSpy ready(dialog, &DeployDialog::deploymentReady);
    QTest::mouseClick(dialog->startButton(), Qt::LeftButton);
    QVERIFY(ready.wait(30000));

    window->findChild<QAction *>(QStringLiteral("showDeploymentsAction"))->trigger();
    DeploymentsDialog *list = areas.deployments->deploymentsDialog();
    QTRY_VERIFY(list->model()->rowCount() >= 1); // stopped ones of earlier tests are listed too
    list->resize(1024, 600);
    fs::test::saveScreenshot(list, QStringLiteral("deployments-list"));
    QTRY_VERIFY(window->findChild<DeploymentStatusWidget *>()->isVisible());
    fs::test::saveScreenshot(window.get(), QStringLiteral("deployments-playground-running"));
    areas.deployments->hub()->stopAll();
    QTRY_VERIFY_WITH_TIMEOUT(areas.deployments->hub()->billing().isEmpty(), 20000);
}

QTEST_MAIN(tst_Deployments)
#include "tst_deployments.moc"
