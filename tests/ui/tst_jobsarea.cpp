// SPDX-License-Identifier: GPL-3.0-or-later
#include "tst_jobssupport.h"

#include "activeconnection.h"
#include "apiclient.h"
#include "checkpointmodel.h"
#include "connectionstore.h"
#include "hostileserver.h"
#include "jobclock.h"
#include "jobeventmodel.h"
#include "jobhistory.h"
#include "joblistmodel.h"
#include "jobmonitor.h"
#include "jobnotifier.h"
#include "jobsarea.h"
#include "jobtexts.h"
#include "jobtracker.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "metricschart.h"
#include "newjobdialog.h"
#include "sandboxserver.h"
#include "screenshot.h"
#include "secretstore.h"
#include "userfolders.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using fs::FineTuningJob;
using fs::ui::JobsArea;

class tst_JobsArea : public QObject, protected fs::test::JobsFixture
{
    Q_OBJECT

    QTemporaryDir m_userFolders; ///< job history, settings, journals of this test only

    QList<fs::ui::MessageRequest> m_messages;
    QMessageBox::StandardButton m_answer = QMessageBox::NoButton;

    QString createJob(const QString &training, const QString &validation = {}, int epochs = 3)
    {
        fs::CreateJobRequest request;
        request.model = QStringLiteral("gpt-4.1-mini-2025-04-14");
        request.trainingFile = training;
        request.validationFile = validation;
        request.hyperparameters.nEpochs.isAuto = false;
        request.hyperparameters.nEpochs.value = epochs;
        fs::ApiReply *reply = m_client->createJob(request);
        QSignalSpy done(reply, &fs::ApiReply::finished);
        if (!done.wait(10000) || !reply->ok())
            return {};
        return FineTuningJob::fromJson(reply->json()).id;
    }

    std::unique_ptr<JobsArea> makeArea()
    {
        auto area = std::make_unique<JobsArea>(m_active.get(), m_nam.get(), nullptr,
                m_dir->filePath(QStringLiteral("history.sqlite")));
        area->setTrackerIntervals(fastIntervals());
        area->notifier()->setSystemTrayAllowed(false);
        area->resize(1200, 860);
        area->show();
        return area;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(fs::test::useTemporaryUserFolders(m_userFolders));
        fs::ui::MessageBox::setTestHook([this](const fs::ui::MessageRequest &request) {
            m_messages << request;
            if (m_answer != QMessageBox::NoButton)
                return m_answer;
            return request.defaultButton != QMessageBox::NoButton ? request.defaultButton
                                                                  : QMessageBox::Ok;
        });
    }

    void init()
    {
        m_messages.clear();
        m_answer = QMessageBox::NoButton;
        QString problem;
        QVERIFY2(startSandbox(&problem), qPrintable(problem));
    }

    void cleanup() { stopSandbox(); }

    void plugsIntoTheMainWindow()
    {
        fs::ui::MainWindow window(m_store.get(), m_secrets.get(), m_nam.get());
        auto *area = new JobsArea(&window);
        area->notifier()->setSystemTrayAllowed(false);
        window.addArea(QStringLiteral("Datasets"), {}, new QWidget);
        const int index = window.addArea(QStringLiteral("Jobs"), {}, area);
        area->attachTo(&window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAction *menuAction = window.findChild<QAction *>(QStringLiteral("newJobMenuAction"));
        QVERIFY(menuAction);
        QVERIFY(window.fileMenu()->actions().contains(menuAction));
        QCOMPARE(menuAction->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
        window.showArea(0);
        menuAction->trigger();
        QCOMPARE(window.currentArea(), index);
        QTRY_VERIFY(area->newJobDialog() != nullptr);
        area->newJobDialog()->reject();
        QTRY_VERIFY(area->newJobDialog() == nullptr);
    }

    void emptyStateInPlainWords()
    {
        auto area = makeArea();
        auto *empty = area->findChild<QLabel *>(QStringLiteral("jobsEmptyLabel"));
        QVERIFY(empty);
        QTRY_VERIFY(!area->jobListModel()->isLoading());
        QVERIFY(empty->isVisible());
        QVERIFY2(empty->text().contains(QStringLiteral("New job")), qPrintable(empty->text()));
        QVERIFY(area->findChild<QLabel *>(QStringLiteral("monitorEmptyLabel"))->isVisible());
        QVERIFY(!area->action(QStringLiteral("cancelJobAction"))->isEnabled());
        QCOMPARE(area->action(QStringLiteral("newJobAction"))->shortcut(),
                QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
        fs::test::saveScreenshot(area.get(), QStringLiteral("jobsui-empty"));

        const QString training = upload(QStringLiteral("support-bot.jsonl"));
        const QString job = createJob(training);
        QVERIFY(!job.isEmpty());
        area->refreshJobs();
        QTRY_VERIFY(area->jobListModel()->rowOf(job) >= 0);
        QVERIFY(!empty->isVisible());
        QVERIFY(area->jobListView()->isVisible());
    }

    void listAndMonitorShowTheSameDuration()
    {
        // The job list's Duration lagged the monitor's: both now follow one clock and one rule.
        const QString training = upload(QStringLiteral("support-bot.jsonl"));
        QVERIFY(!training.isEmpty());
        m_sandbox->setTimeScale(50); // the job stays unfinished while the test looks at it
        const QString id = createJob(training);
        QVERIFY(!id.isEmpty());
        auto area = makeArea();
        QTRY_VERIFY_WITH_TIMEOUT(area->selectJob(id), 10000);
        fs::JobListModel *list = area->jobListModel();
        const FineTuningJob job = list->jobAt(list->rowOf(id));
        QVERIFY(!job.isTerminal());
        QVERIFY(job.createdAt > 0);
        auto cell = [list, id] {
            return list->index(list->rowOf(id), fs::JobListModel::DurationColumn).data().toString();
        };
        QSignalSpy changed(list, &QAbstractItemModel::dataChanged);
        for (const qint64 elapsed : {65, 3725}) {
            changed.clear();
            area->clock()->setNowForTesting(job.createdAt + elapsed);
            const QString expected = fs::JobTexts::durationText(job, job.createdAt + elapsed);
            QVERIFY(!changed.isEmpty()); // the tick reached the list, not only the monitor
            QCOMPARE(cell(), expected);
            QVERIFY2(area->monitor()->statusLineText().contains(
                             QStringLiteral("Duration: %1").arg(expected)),
                    qPrintable(area->monitor()->statusLineText()));
        }
        QCOMPARE(cell(), QStringLiteral("1 h 2 min"));
    }

    void monitorFollowsAJobToSuccess()
    {
        const QString training = upload(QStringLiteral("support-bot.jsonl"));
        const QString validation = upload(QStringLiteral("support-bot-validation.jsonl"));
        m_sandbox->setTimeScale(0.1); // slow enough to look at it mid-training
        const QString id = createJob(training, validation, 8);
        QVERIFY(!id.isEmpty());
        auto area = makeArea();
        QSignalSpy playground(area.get(), &JobsArea::openInPlayground);
        QTRY_VERIFY_WITH_TIMEOUT(area->selectJob(id), 10000);
        fs::ui::JobMonitor *monitor = area->monitor();
        QCOMPARE(monitor->jobId(), id);
        // Unfinished jobs are watched without being selected too.
        QVERIFY(area->tracker()->isWatching(id));

        // Mid-training: progress in the status line, points on the chart.
        fs::JobMetrics *metrics = area->tracker()->metrics(id);
        QVERIFY(metrics);
        QTRY_VERIFY_WITH_TIMEOUT(metrics->series().totalSteps() > 0
                        && metrics->series().lastStep() >= metrics->series().totalSteps() / 3,
                30000);
        const int total = metrics->series().totalSteps();
        QTRY_VERIFY2(monitor->statusLineText().contains(QStringLiteral("of %1").arg(total)),
                qPrintable(monitor->statusLineText()));
        QVERIFY(!monitor->chart()->isEmptyStateShown());
        monitor->chart()->hoverStep(metrics->series().lastStep() / 2);
        fs::test::saveScreenshot(area.get(), QStringLiteral("jobsui-monitor"));
        monitor->chart()->hoverStep(-1);

        // The end: a notice, the chart completed from the result CSV, the checkpoints.
        QTRY_VERIFY_WITH_TIMEOUT(area->notifier()->count() == 1, 60000);
        QCOMPARE(area->tracker()->job(id).status, FineTuningJob::Status::Succeeded);
        QVERIFY2(area->noticeText().contains(area->tracker()->job(id).fineTunedModel),
                qPrintable(area->noticeText()));
        QTRY_VERIFY_WITH_TIMEOUT(metrics->isComplete(), 20000);
        QCOMPARE(metrics->series().size(), total); // every step of the CSV
        QVERIFY(metrics->series().has(fs::Metric::ValidLoss));
        QVERIFY(metrics->series().has(fs::Metric::FullValidLoss));
        QTRY_VERIFY(monitor->checkpointModel()->rowCount() > 0);
        QTRY_VERIFY2(monitor->statusLineText().startsWith(
                             fs::JobTexts::statusText(FineTuningJob::Status::Succeeded)),
                qPrintable(monitor->statusLineText()));
        QVERIFY(monitor->statusLineText().contains(QStringLiteral("%1 of %1").arg(total)));
        monitor->tabs()->setCurrentIndex(2);
        fs::test::saveScreenshot(area.get(), QStringLiteral("jobsui-checkpoints"));
        auto *open = monitor->findChild<QPushButton *>(QStringLiteral("openCheckpointPushButton"));
        QVERIFY(open->isEnabled());
        monitor->checkpointView()->selectRow(0);
        open->click();
        QCOMPARE(playground.count(), 1);
        QVERIFY2(playground.first().first().toString().contains(QStringLiteral("ckpt-step")),
                qPrintable(playground.first().first().toString()));
        auto *openModel = monitor->findChild<QPushButton *>(QStringLiteral("openModelPushButton"));
        QVERIFY(openModel->isVisible());
        openModel->click();
        QCOMPARE(playground.last().first().toString(), area->tracker()->job(id).fineTunedModel);

        // The event log: every event once, filterable and copyable.
        monitor->tabs()->setCurrentIndex(1);
        const int events = monitor->eventModel()->rowCount();
        QVERIFY(events > 5);
        QCOMPARE(events, area->tracker()->eventLog(id)->events().size());
        auto *level = monitor->findChild<QComboBox *>(QStringLiteral("levelComboBox"));
        level->setCurrentIndex(2); // errors only
        QCOMPARE(monitor->eventFilterModel()->rowCount(), 0);
        level->setCurrentIndex(0);
        QCOMPARE(monitor->eventFilterModel()->rowCount(), events);
        QApplication::clipboard()->clear();
        monitor->copyEvents();
        QVERIFY(QApplication::clipboard()->text().split(QLatin1Char('\n')).size() >= events);
        fs::test::saveScreenshot(area.get(), QStringLiteral("jobsui-events"));
    }

    void keepTryingAfterTheServiceMisbehaved()
    {
        // Issue 13: watching does not go on forever against a service that answers nonsense;
        // the area says what is wrong and offers to keep trying.
        const QString training = upload(QStringLiteral("support-bot.jsonl"));
        m_sandbox->setTimeScale(1.0); // the job keeps running for the whole test
        const QString id = createJob(training);
        QVERIFY(!id.isEmpty());
        auto area = makeArea();
        QTRY_VERIFY_WITH_TIMEOUT(area->selectJob(id), 10000);
        QVERIFY(area->tracker()->isWatching(id));
        auto *keep = area->findChild<QPushButton *>(QStringLiteral("keepTryingPushButton"));
        QVERIFY(keep);
        QVERIFY(!keep->isVisible());

        // The address now leads to a sign-in page instead of the service.
        fs::test::HostileServer server(fs::test::HostileServer::Behaviour::WrongShape);
        server.setBody("<!DOCTYPE html><html><body><h1>Please sign in</h1></body></html>");
        QVERIFY(server.start());
        fs::Connection elsewhere = m_active->connection();
        elsewhere.baseUrl = server.baseUrl();
        area->client()->setConnection(elsewhere);
        QTRY_VERIFY_WITH_TIMEOUT(!area->tracker()->isWatching(id), 20000);
        QVERIFY(keep->isVisible());
        auto *message = area->findChild<QLabel *>(QStringLiteral("jobsMessageLabel"));
        QVERIFY2(message->text().contains(QLatin1String("sent a web page instead of data")),
                qPrintable(message->text()));
        QVERIFY2(message->text().contains(QLatin1String("Stopped watching after 3 failed checks")),
                qPrintable(message->text()));
        QCOMPARE(message->text(), area->tracker()->gaveUpSentence(id));
        const int requests = server.requestCount();
        QVERIFY(message->isEnabled()); // in plain black, not greyed like passing notes
        area->resize(1024, 600);
        fs::test::saveScreenshot(area.get(), QStringLiteral("jobsui-keep-trying"));

        // The service is back: "Keep trying" watches again from a fresh budget.
        area->client()->setConnection(m_active->connection());
        QSignalSpy updated(area->tracker(), &fs::JobTracker::jobUpdated);
        keep->click();
        QVERIFY(area->tracker()->isWatching(id));
        QVERIFY(!keep->isVisible());
        QVERIFY(!message->text().contains(QLatin1String("Stopped watching")));
        QTRY_VERIFY_WITH_TIMEOUT(updated.count() >= 1, 10000);
        QCOMPARE(server.requestCount(), requests);
        QVERIFY(area->tracker()->gaveUpSentence(id).isEmpty());
    }

    void failedJobShowsTheErrorInPlainWords()
    {
        // Three examples: the service refuses to train on so few.
        const QString tooFew = upload(QStringLiteral("support-bot-validation.jsonl"));
        // The sandbox's clock held until the area has seen the job unfinished: a job that has
        // already failed when it is first seen is history, not news (no notice), and on a busy
        // machine that happened.
        m_sandbox->setTimeScale(1000);
        const QString id = createJob(tooFew);
        QVERIFY(!id.isEmpty());
        auto area = makeArea();
        QTRY_VERIFY_WITH_TIMEOUT(area->selectJob(id), 10000);
        QVERIFY(!area->tracker()->job(id).isTerminal());
        m_sandbox->setTimeScale(0.02);
        QTRY_VERIFY_WITH_TIMEOUT(area->notifier()->count() == 1, 30000);
        QCOMPARE(area->tracker()->job(id).status, FineTuningJob::Status::Failed);
        QCOMPARE(area->notifier()->lastTitle(), fs::ui::JobNotifier::tr("Training failed"));
        QTRY_VERIFY(!area->monitor()->errorText().isEmpty());
        const QString error = area->monitor()->errorText();
        const FineTuningJob job = area->tracker()->job(id);
        QVERIFY(job.error.has_value());
        QCOMPARE(error, fs::JobTexts::errorText(job.error->code, job.error->message));
        QVERIFY2(!fs::JobTexts::errorCodeText(job.error->code).isEmpty(),
                qPrintable(job.error->code));
        QVERIFY2(error.contains(fs::JobTexts::errorCodeText(job.error->code)), qPrintable(error));
        QVERIFY(!area->noticeText().isEmpty());
        // The error event is in the log, coloured as an error.
        auto *level = area->monitor()->findChild<QComboBox *>(QStringLiteral("levelComboBox"));
        level->setCurrentIndex(2);
        QTRY_VERIFY(area->monitor()->eventFilterModel()->rowCount() >= 1);
        const QModelIndex first = area->monitor()->eventFilterModel()->index(0, 2);
        QVERIFY(first.data(Qt::ForegroundRole).isValid());
        fs::test::saveScreenshot(area.get(), QStringLiteral("jobsui-failed"));
    }

    void pauseResumeAndCancelWithConfirmation()
    {
        const QString training = upload(QStringLiteral("support-bot.jsonl"));
        m_sandbox->setTimeScale(0.2);
        const QString id = createJob(training, {}, 20);
        auto area = makeArea();
        QTRY_VERIFY_WITH_TIMEOUT(area->selectJob(id), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
                area->tracker()->job(id).status == FineTuningJob::Status::Running, 20000);
        QAction *pause = area->action(QStringLiteral("pauseJobAction"));
        QAction *resume = area->action(QStringLiteral("resumeJobAction"));
        QAction *cancel = area->action(QStringLiteral("cancelJobAction"));
        QTRY_VERIFY(pause->isEnabled());
        QVERIFY(!resume->isEnabled());
        pause->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(
                area->tracker()->job(id).status == FineTuningJob::Status::Paused, 10000);
        QTRY_VERIFY(resume->isEnabled());
        QVERIFY(!pause->isEnabled());
        resume->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(
                area->tracker()->job(id).status != FineTuningJob::Status::Paused, 10000);

        // Cancel asks first; "No" leaves the job alone.
        QTRY_VERIFY(cancel->isEnabled());
        m_answer = QMessageBox::No;
        const int asked = m_messages.size();
        cancel->trigger();
        QCOMPARE(m_messages.size(), asked + 1);
        QCOMPARE(m_messages.last().defaultButton, QMessageBox::No);
        QTest::qWait(300); // nothing to wait for: proves "No" cancels nothing
        QVERIFY(!area->tracker()->job(id).isTerminal());
        m_answer = QMessageBox::Yes;
        cancel->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(
                area->tracker()->job(id).status == FineTuningJob::Status::Cancelled, 10000);
        QTRY_COMPARE(area->notifier()->count(), 1);
        QCOMPARE(area->notifier()->lastTitle(), fs::ui::JobNotifier::tr("Training cancelled"));
        QTRY_VERIFY(!cancel->isEnabled());
    }

    void severalJobsWatchedAndHistoryKept()
    {
        const QString training = upload(QStringLiteral("support-bot.jsonl"));
        m_sandbox->setTimeScale(0.05);
        const QString a = createJob(training, {}, 3);
        const QString b = createJob(training, {}, 3);
        QString fineTuned;
        {
            auto area = makeArea();
            QTRY_VERIFY_WITH_TIMEOUT(
                    area->jobListModel()->rowOf(a) >= 0 && area->jobListModel()->rowOf(b) >= 0,
                    10000);
            QVERIFY(area->tracker()->isWatching(a));
            QVERIFY(area->tracker()->isWatching(b));
            QTRY_VERIFY_WITH_TIMEOUT(area->notifier()->count() == 2, 60000);
            QVERIFY(area->selectJob(a));
            QTRY_VERIFY_WITH_TIMEOUT(area->tracker()->metrics(a)->isComplete(), 20000);
            fineTuned = area->tracker()->job(a).fineTunedModel;
            QVERIFY(!fineTuned.isEmpty());
        }
        // A restart against a service that no longer lists the jobs: the history still has them.
        m_sandbox.reset();
        auto area = makeArea();
        QVERIFY(area->jobListModel()->rowOf(a) >= 0);
        QVERIFY(area->jobListModel()->rowOf(b) >= 0);
        QCOMPARE(area->jobListModel()->jobAt(area->jobListModel()->rowOf(a)).fineTunedModel,
                fineTuned);
        QVERIFY(area->selectJob(a));
        QTRY_VERIFY(
                area->tracker()->metrics(a) && !area->tracker()->metrics(a)->series().isEmpty());
        QVERIFY(area->monitor()->eventModel()->rowCount() > 0);
        QVERIFY(!area->monitor()->chart()->isEmptyStateShown());
    }
};

QTEST_MAIN(tst_JobsArea)
#include "tst_jobsarea.moc"
