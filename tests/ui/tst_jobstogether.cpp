// SPDX-License-Identifier: GPL-3.0-or-later
// The Jobs area on a Together AI connection (the sandbox's /together/v1): the job list comes
// through the dialect, the chart fills from /fine-tunes/{id}/metrics, cancel works and pause and
// resume say why they are not offered.
#include "tst_jobssupport.h"

#include "jobhistory.h"
#include "joblistmodel.h"
#include "jobmonitor.h"
#include "jobnotifier.h"
#include "jobsarea.h"
#include "jobtexts.h"
#include "messagebox.h"
#include "metricschart.h"
#include "providerclient.h"
#include "screenshot.h"
#include "userfolders.h"

#include <QAction>
#include <QDir>
#include <QProgressBar>
#include <QTableView>
#include <QXYSeries>

using fs::FineTuningJob;
using fs::ui::JobsArea;

class tst_JobsTogether : public QObject, protected fs::test::JobsFixture
{
    Q_OBJECT

    QTemporaryDir m_userFolders;
    std::unique_ptr<fs::ApiClient> m_together; ///< a client on the sandbox's Together dialect
    std::unique_ptr<fs::ProviderClient> m_provider;
    QMessageBox::StandardButton m_answer = QMessageBox::Yes;

    fs::Connection togetherConnection() const
    {
        fs::Connection connection;
        connection.kind = fs::Connection::Kind::Together;
        connection.name = QStringLiteral("Together sandbox");
        connection.baseUrl = QUrl(m_sandbox->baseUrl().toString().replace(
                QLatin1String("/v1"), QLatin1String("/together/v1")));
        return connection;
    }

    /// Uploads a sample and starts a LoRA job with evaluations on it; its id (empty on failure).
    QString startJob(int epochs)
    {
        QString training;
        QString validation;
        int uploads = 0;
        const auto upload = [&](const QString &name, QString *id) {
            m_provider->uploadFile(name, readAll(sample(name)), QStringLiteral("fine-tune"),
                    [&uploads, id](const fs::ProviderResult<fs::FileObject> &r) {
                        if (r.ok())
                            *id = r.value->id;
                        ++uploads;
                    });
        };
        upload(QStringLiteral("support-bot.jsonl"), &training);
        upload(QStringLiteral("support-bot-validation.jsonl"), &validation);
        if (!QTest::qWaitFor([&] { return uploads == 2; }, 10000) || training.isEmpty())
            return {};
        fs::CreateJobRequest request;
        request.model = QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference");
        request.trainingFile = training;
        request.validationFile = validation;
        request.hyperparameters.nEpochs.isAuto = false;
        request.hyperparameters.nEpochs.value = epochs;
        request.settings.type = fs::TrainingSettings::Type::Lora;
        request.settings.loraRank = 8;
        request.settings.nEvals = 4;
        return createJob(m_provider.get(), request);
    }

    /// Makes the Together connection the active one and waits until it settled.
    bool useTogether()
    {
        const QString id = m_store->add(togetherConnection());
        if (id.isEmpty() || !m_store->setActive(id))
            return false;
        return QTest::qWaitFor(
                [this] {
                    return m_active->connection().kind == fs::Connection::Kind::Together
                            && m_active->isSettled();
                },
                10000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(fs::test::useTemporaryUserFolders(m_userFolders));
        fs::ui::MessageBox::setTestHook(
                [this](const fs::ui::MessageRequest &) { return m_answer; });
    }

    void init()
    {
        QString problem;
        QVERIFY2(startSandbox(&problem), qPrintable(problem));
        m_together = std::make_unique<fs::ApiClient>(m_nam.get(), togetherConnection());
        m_provider = std::make_unique<fs::ProviderClient>(m_together.get());
    }

    void cleanup()
    {
        m_provider.reset();
        m_together.reset();
        stopSandbox();
    }

    void listsTheJobAndTheChartFillsFromMetrics()
    {
        m_sandbox->setTimeScale(0.3); // ~135 ms a step: the chart is seen filling
        const QString jobId = startJob(2);
        QVERIFY(!jobId.isEmpty());
        QVERIFY(useTogether());
        auto area = makeJobsArea();
        QCOMPARE(area->tracker()->dialect()->id(), QStringLiteral("together"));
        area->refreshJobs();
        QTRY_VERIFY_WITH_TIMEOUT(area->jobListModel()->rowOf(jobId) >= 0, 10000);
        QVERIFY(area->selectJob(jobId));

        // The progress follows each batch of steps read (not only the job object).
        auto *progress =
                area->monitor()->findChild<QProgressBar *>(QStringLiteral("jobProgressBar"));
        QVERIFY(progress);
        QList<QPair<int, int>> progressAtSteps; // (last step read, progress shown) per batch
        connect(area->tracker(), &fs::JobTracker::metricsAdded, this,
                [&](const QString &id, const QList<fs::MetricPoint> &points) {
                    if (id == jobId
                            && area->tracker()->job(id).status == FineTuningJob::Status::Running)
                        progressAtSteps.append({points.last().step, progress->value()});
                });
        // The chart fills while the job runs, from the metrics endpoint.
        fs::ui::MetricsChart *chart = area->monitor()->chart();
        QVERIFY(chart);
        QTRY_VERIFY_WITH_TIMEOUT(chart->series(fs::Metric::TrainLoss, true)->count() > 0, 20000);
        QCOMPARE(area->tracker()->job(jobId).status, FineTuningJob::Status::Running);
        const int stepsWhileRunning = area->tracker()->metrics(jobId)->series().size();
        QVERIFY(stepsWhileRunning < area->tracker()->metrics(jobId)->series().totalSteps());
        fs::test::saveScreenshot(area.get(), QStringLiteral("jobsui-together-running"));
        QTRY_COMPARE_WITH_TIMEOUT(
                area->tracker()->job(jobId).status, FineTuningJob::Status::Succeeded, 60000);
        QTRY_VERIFY(!area->tracker()->isWatching(jobId));
        QVERIFY(!progressAtSteps.isEmpty());
        for (const auto &seen : std::as_const(progressAtSteps))
            QCOMPARE(seen.second, seen.first);
        const fs::MetricsSeries &series = area->tracker()->metrics(jobId)->series();
        QVERIFY(series.totalSteps() > 0);
        QCOMPARE(series.size(), series.totalSteps());
        QCOMPARE(series.count(fs::Metric::FullValidLoss), 4);
        QTRY_VERIFY(chart->series(fs::Metric::TrainLoss, true)->count() > 0);
        QVERIFY(chart->series(fs::Metric::FullValidLoss, true)->count() > 0);
        QVERIFY(!chart->tooltipText(series.totalSteps() / 2).isEmpty());

        // The list shows the same plain status word as for an OpenAI job.
        const int row = area->jobListModel()->rowOf(jobId);
        QCOMPARE(area->jobListModel()
                         ->data(area->jobListModel()->index(row, fs::JobListModel::StatusColumn),
                                 fs::JobListModel::StatusTextRole)
                         .toString(),
                fs::JobTexts::statusText(FineTuningJob::Status::Succeeded));
        // The notice does not send the person to the Playground, where the model would not
        // answer yet: it says to deploy it first.
        QTRY_VERIFY(area->notifier()->count() > 0);
        QVERIFY2(area->notifier()->lastText().contains(QLatin1String("deploy it first")),
                qPrintable(area->notifier()->lastText()));
        // The history keeps the Together job for the next start.
        QCOMPARE(area->history()->job(jobId)->status, FineTuningJob::Status::Succeeded);

        // Together has no pausing: the actions are hidden, the reason in their tooltip.
        QAction *pause = area->action(QStringLiteral("pauseJobAction"));
        QAction *resume = area->action(QStringLiteral("resumeJobAction"));
        QVERIFY(!pause->isVisible() && !pause->isEnabled());
        QVERIFY(!resume->isVisible() && !resume->isEnabled());
        QVERIFY2(pause->toolTip().contains(QLatin1String("Together AI has no")),
                qPrintable(pause->toolTip()));
        QVERIFY(area->action(QStringLiteral("cancelJobAction"))->isVisible());

        fs::test::saveScreenshot(area.get(), QStringLiteral("jobsui-together"));
    }

    void cancelThroughTheDialect()
    {
        const QString jobId = startJob(20);
        QVERIFY(!jobId.isEmpty());
        QVERIFY(useTogether());
        auto area = makeJobsArea();
        area->refreshJobs();
        QTRY_VERIFY_WITH_TIMEOUT(area->jobListModel()->rowOf(jobId) >= 0, 10000);
        QVERIFY(area->selectJob(jobId));
        QAction *cancel = area->action(QStringLiteral("cancelJobAction"));
        QTRY_VERIFY_WITH_TIMEOUT(cancel->isEnabled(), 10000);
        m_answer = QMessageBox::Yes;
        cancel->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(
                area->tracker()->job(jobId).status, FineTuningJob::Status::Cancelled, 20000);
        QCOMPARE(area->tracker()->job(jobId).statusText, QStringLiteral("cancelled"));
        QTRY_VERIFY(!cancel->isEnabled());
    }
};

QTEST_MAIN(tst_JobsTogether)
#include "tst_jobstogether.moc"
