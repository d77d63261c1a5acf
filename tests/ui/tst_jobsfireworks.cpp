// SPDX-License-Identifier: GPL-3.0-or-later
// The Jobs area on a Fireworks AI connection (the sandbox's /fireworks): Fireworks has no cancel
// for a fine-tuning job, deleting it is how one stops it. The area hides Cancel (saying why) and
// offers Delete Job…, which asks first; "Keep It" sends nothing, "Delete Job" deletes the job on
// the service and drops it from the list and the history. On an OpenAI-shaped connection there
// is no Delete.
#include "tst_jobssupport.h"

#include "jobhistory.h"
#include "joblistmodel.h"
#include "jobnotifier.h"
#include "jobsarea.h"
#include "messagebox.h"
#include "providerclient.h"
#include "screenshot.h"
#include "uploader.h"
#include "uploadsource.h"
#include "userfolders.h"

#include <QAction>
#include <QTableView>
#include <QToolBar>

using fs::FineTuningJob;
using fs::ui::JobsArea;

class tst_JobsFireworks : public QObject, protected fs::test::JobsFixture
{
    Q_OBJECT

    QTemporaryDir m_userFolders;
    std::unique_ptr<fs::ApiClient> m_fireworks;
    std::unique_ptr<fs::ProviderClient> m_provider;
    QMessageBox::StandardButton m_answer = QMessageBox::No;
    QList<fs::ui::MessageRequest> m_asked;

    fs::Connection fireworksConnection() const
    {
        fs::Connection connection;
        connection.kind = fs::Connection::Kind::Fireworks;
        connection.name = QStringLiteral("Fireworks sandbox");
        connection.baseUrl =
                QUrl(QStringLiteral("http://127.0.0.1:%1/fireworks").arg(m_sandbox->port()));
        connection.account = QStringLiteral("my-account");
        return connection;
    }

    /// Uploads the sample as a dataset and starts a long job on it; the job's id (or empty).
    QString startJob()
    {
        fs::BufferSource source(QStringLiteral("support-bot.jsonl"),
                readAll(sample(QStringLiteral("support-bot.jsonl"))));
        fs::UploadOptions options;
        options.processingPollMs = 20;
        fs::Uploader uploader(m_fireworks.get(), &source, options);
        QSignalSpy finished(&uploader, &fs::Uploader::finished);
        uploader.start();
        if (!finished.wait(10000) || uploader.state() != fs::Uploader::State::Succeeded)
            return {};
        fs::CreateJobRequest request;
        request.model = QStringLiteral("accounts/fireworks/models/llama-v3p1-8b-instruct");
        request.trainingFile = uploader.file().id;
        request.hyperparameters.nEpochs.isAuto = false;
        request.hyperparameters.nEpochs.value = 20;
        return createJob(m_provider.get(), request);
    }

    /// The job as the service has it now: true when it answers, false when it says 404.
    std::optional<bool> existsOnService(const QString &jobId)
    {
        std::optional<bool> exists;
        m_provider->retrieveJob(jobId, [&exists](const fs::ProviderResult<FineTuningJob> &r) {
            if (r.ok())
                exists = true;
            else if (r.error.httpStatus == 404)
                exists = false;
        });
        (void)QTest::qWaitFor([&exists] { return exists.has_value(); }, 10000);
        return exists;
    }

    bool useConnection(const fs::Connection &connection)
    {
        const QString id = m_store->add(connection);
        if (id.isEmpty() || !m_store->setActive(id))
            return false;
        return QTest::qWaitFor(
                [this, &connection] {
                    return m_active->connection().kind == connection.kind && m_active->isSettled();
                },
                10000);
    }

    static void clickRow(JobsArea *area, const QString &jobId)
    {
        QTableView *view = area->jobListView();
        const QModelIndex index = view->model()->index(area->jobListModel()->rowOf(jobId), 0);
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
    }

    static QWidget *toolButton(JobsArea *area, QAction *action)
    {
        auto *bar = area->findChild<QToolBar *>(QStringLiteral("jobsToolBar"));
        return bar ? bar->widgetForAction(action) : nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(fs::test::useTemporaryUserFolders(m_userFolders));
        fs::ui::MessageBox::setTestHook([this](const fs::ui::MessageRequest &request) {
            m_asked.append(request);
            return m_answer;
        });
    }

    void init()
    {
        QString problem;
        QVERIFY2(startSandbox(&problem), qPrintable(problem));
        fs::Connection connection = fireworksConnection();
        connection.apiKey = QStringLiteral("fw-key");
        m_fireworks = std::make_unique<fs::ApiClient>(m_nam.get(), connection);
        m_provider = std::make_unique<fs::ProviderClient>(m_fireworks.get());
        m_asked.clear();
    }

    void cleanup()
    {
        m_provider.reset();
        m_fireworks.reset();
        stopSandbox();
    }

    void noDeleteOnAnOpenAiConnection()
    {
        auto area = makeJobsArea();
        QTRY_VERIFY(area->tracker()->dialect());
        QCOMPARE(area->tracker()->dialect()->id(), QStringLiteral("openai"));
        QAction *remove = area->action(QStringLiteral("deleteJobAction"));
        QVERIFY(remove);
        QVERIFY(!remove->isVisible());
        QVERIFY(area->action(QStringLiteral("cancelJobAction"))->isVisible());
    }

    void deleteAsksThenDeletesOnTheService()
    {
        const QString jobId = startJob();
        QVERIFY(!jobId.isEmpty());
        m_sandbox->setTimeScale(1); // still training when it is deleted
        QVERIFY(useConnection(fireworksConnection()));
        auto area = makeJobsArea();
        QCOMPARE(area->tracker()->dialect()->id(), QStringLiteral("fireworks"));
        area->refreshJobs();
        QTRY_VERIFY_WITH_TIMEOUT(area->jobListModel()->rowOf(jobId) >= 0, 10000);
        clickRow(area.get(), jobId);
        QTRY_COMPARE(area->currentJobId(), jobId);

        // No cancel on Fireworks: hidden, with the reason; Delete Job… in its place.
        QAction *cancel = area->action(QStringLiteral("cancelJobAction"));
        QAction *remove = area->action(QStringLiteral("deleteJobAction"));
        QVERIFY(remove);
        QTRY_VERIFY(remove->isVisible() && remove->isEnabled());
        QVERIFY(!cancel->isVisible());
        QVERIFY2(cancel->toolTip().contains(QLatin1String("deleting the job stops it")),
                qPrintable(cancel->toolTip()));
        QWidget *button = toolButton(area.get(), remove);
        QVERIFY(button && button->isVisible());
        fs::test::saveScreenshot(area.get(), QStringLiteral("jobs-fireworks-delete"));

        // "Keep It": nothing is sent, the job stays.
        m_answer = QMessageBox::No;
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(m_asked.size(), 1);
        const fs::ui::MessageRequest asked = m_asked.constFirst();
        QVERIFY2(asked.text.contains(jobId), qPrintable(asked.text));
        QVERIFY2(asked.informativeText.contains(QLatin1String("stops training"))
                        && asked.informativeText.contains(QLatin1String("Fireworks AI"))
                        && asked.informativeText.contains(QLatin1String("cannot be undone")),
                qPrintable(asked.informativeText));
        QCOMPARE(asked.defaultButton, QMessageBox::No);
        QCOMPARE(asked.buttonTexts.value(QMessageBox::Yes), QStringLiteral("Delete Job"));
        QCOMPARE(existsOnService(jobId), std::optional<bool>(true));
        QVERIFY(area->jobListModel()->rowOf(jobId) >= 0);

        // "Delete Job": gone on the service, from the list and from the history.
        m_answer = QMessageBox::Yes;
        QTRY_VERIFY(remove->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(area->jobListModel()->rowOf(jobId) < 0, 10000);
        QCOMPARE(existsOnService(jobId), std::optional<bool>(false));
        QVERIFY(!area->history()->job(jobId));
        QVERIFY(!area->tracker()->isWatching(jobId));
        // A refresh does not bring it back.
        area->refreshJobs();
        QTRY_VERIFY(!area->jobListModel()->isLoading());
        QVERIFY(area->jobListModel()->rowOf(jobId) < 0);
    }
};

QTEST_MAIN(tst_JobsFireworks)
#include "tst_jobsfireworks.moc"
