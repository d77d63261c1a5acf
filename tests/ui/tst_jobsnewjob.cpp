// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"
#include "tst_jobssupport.h"

#include "activeconnection.h"
#include "apiclient.h"
#include "basemodelcatalogue.h"
#include "connectionstore.h"
#include "costestimate.h"
#include "datasetarea.h"
#include "datasetdocument.h"
#include "fakenetworkaccessmanager.h"
#include "jobformrules.h"
#include "joblistmodel.h"
#include "jobsarea.h"
#include "messagebox.h"
#include "newjobdialog.h"
#include "sandboxserver.h"
#include "screenshot.h"
#include "secretstore.h"
#include "statisticspanel.h"
#include "uploadqueue.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using fs::ui::JobsArea;
using fs::ui::NewJobDialog;

namespace {

const QString kModel = QStringLiteral("gpt-4.1-mini-2025-04-14");

} // namespace

class tst_JobsNewJob : public QObject, protected fs::test::JobsFixture
{
    Q_OBJECT

    QList<fs::ui::MessageRequest> m_messages;

    std::unique_ptr<JobsArea> makeArea(fs::ui::DatasetArea *datasets = nullptr)
    {
        auto area = std::make_unique<JobsArea>(m_active.get(), m_nam.get(), datasets,
                m_dir->filePath(QStringLiteral("history.sqlite")));
        area->setTrackerIntervals(fastIntervals());
        fs::UploadOptions options;
        options.journalDirectory = m_dir->filePath(QStringLiteral("journal"));
        options.processingPollMs = 50;
        area->setUploadOptions(options);
        area->resize(1100, 800);
        area->show();
        return area;
    }

    NewJobDialog *openDialog(JobsArea *area)
    {
        area->newJob();
        NewJobDialog *dialog = area->newJobDialog();
        if (!dialog)
            return nullptr;
        const bool loaded = QTest::qWaitFor([dialog] { return dialog->filesLoaded(); }, 10000);
        return loaded ? dialog : nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        fs::ui::MessageBox::setTestHook([this](const fs::ui::MessageRequest &request) {
            m_messages << request;
            return request.defaultButton != QMessageBox::NoButton ? request.defaultButton
                                                                  : QMessageBox::Ok;
        });
    }

    void init()
    {
        m_messages.clear();
        QString problem;
        QVERIFY2(startSandbox(&problem), qPrintable(problem));
    }

    void cleanup() { stopSandbox(); }

    void formShowsModelsFilesAndRules()
    {
        const QString training = upload(QStringLiteral("support-bot.jsonl"));
        QVERIFY(!training.isEmpty());
        auto area = makeArea();
        NewJobDialog *dialog = openDialog(area.get());
        QVERIFY(dialog);
        // Models with their price and limit in words.
        auto *models = dialog->findChild<QComboBox *>(QStringLiteral("modelComboBox"));
        QVERIFY(models->count() > 3);
        QVERIFY(dialog->selectModel(kModel));
        QVERIFY2(models->currentText().contains(QLatin1Char('$'))
                        || models->currentText().contains(QStringLiteral("token")),
                qPrintable(models->currentText()));
        // The server's file is offered; no open dataset without a Datasets area.
        auto *trainingBox = dialog->findChild<QComboBox *>(QStringLiteral("trainingComboBox"));
        QVERIFY(dialog->selectTrainingFile(training));
        QCOMPARE(trainingBox->findData(NewJobDialog::openDatasetId()), -1);
        // Each setting: automatic or a number in its range, with an explanation.
        auto *epochsAuto = dialog->findChild<QCheckBox *>(QStringLiteral("n_epochsAutoCheckBox"));
        auto *epochs = dialog->findChild<QDoubleSpinBox *>(QStringLiteral("n_epochsSpinBox"));
        QVERIFY(epochsAuto && epochs);
        QVERIFY(epochsAuto->isChecked());
        QVERIFY(!epochs->isEnabled());
        QVERIFY(dialog->request().hyperparameters.nEpochs.isAuto);
        epochsAuto->setChecked(false);
        QVERIFY(epochs->isEnabled());
        const fs::HyperparameterRule rule =
                fs::JobFormRules::rule(fs::HyperparameterRule::Name::Epochs);
        QCOMPARE(epochs->maximum(), rule.maximum);
        epochs->setValue(3);
        QCOMPARE(dialog->request().hyperparameters.nEpochs.value, 3.0);
        QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("n_epochsNoteLabel"))
                         ->text()
                         .isEmpty());
        // Beta only for DPO.
        auto *beta = dialog->findChild<QDoubleSpinBox *>(QStringLiteral("betaSpinBox"));
        QVERIFY(beta);
        QVERIFY(beta->isHidden());
        auto *dpo = dialog->findChild<QRadioButton *>(QStringLiteral("dpoRadioButton"));
        if (dpo->isEnabled()) {
            dpo->setChecked(true);
            QVERIFY(!beta->isHidden());
            QCOMPARE(dialog->request().methodType, QStringLiteral("dpo"));
            dialog->findChild<QRadioButton *>(QStringLiteral("supervisedRadioButton"))
                    ->setChecked(true);
            QVERIFY(beta->isHidden());
        }
        // The cost: counted from the server's file in the background, shown before starting.
        QTRY_VERIFY_WITH_TIMEOUT(dialog->costText().contains(QLatin1Char('$')), 10000);
        QVERIFY2(dialog->costText().contains(QStringLiteral("3")), qPrintable(dialog->costText()));
        // A suffix that breaks the rules is explained; Start does nothing then.
        auto *suffix = dialog->findChild<QLineEdit *>(QStringLiteral("suffixLineEdit"));
        QCOMPARE(suffix->maxLength(), 64);
        suffix->setText(QStringLiteral("bad suffix!"));
        QVERIFY(!dialog->problems().isEmpty());
        auto *problems = dialog->findChild<QLabel *>(QStringLiteral("problemsLabel"));
        QVERIFY(!problems->isHidden());
        QVERIFY(!problems->text().isEmpty());
        QSignalSpy created(dialog, &NewJobDialog::jobCreated);
        dialog->findChild<QPushButton *>(QStringLiteral("startPushButton"))->click();
        QTest::qWait(200); // nothing to wait for: proves no job is created
        QCOMPARE(created.count(), 0);
        suffix->setText(QStringLiteral("support-bot"));
        QVERIFY(dialog->problems().isEmpty());
        QVERIFY(problems->isHidden());

        fs::test::saveScreenshot(dialog, QStringLiteral("jobsui-newjob"));
    }

    void formStartsWithTheLastOrCheapestModel()
    {
        const QString training = upload(QStringLiteral("support-bot.jsonl"));
        QVERIFY(!training.isEmpty());
        fs::AppSettings settings(m_dir->filePath(QStringLiteral("app.ini")));
        auto area = std::make_unique<JobsArea>(m_active.get(), m_nam.get(), nullptr,
                m_dir->filePath(QStringLiteral("history.sqlite")), &settings);
        area->setTrackerIntervals(fastIntervals());
        area->show();

        // Nothing used yet: the cheapest suitable model, not the most expensive one.
        NewJobDialog *dialog = openDialog(area.get());
        QVERIFY(dialog);
        QCOMPARE(dialog->request().model, QStringLiteral("gpt-4.1-nano-2025-04-14"));
        auto *models = dialog->findChild<QComboBox *>(QStringLiteral("modelComboBox"));
        QVERIFY2(models->currentText().contains(QLatin1String("$1.50 per 1M training tokens")),
                qPrintable(models->currentText()));
        // No "(not documented)": known prices are shown, an unknown limit is said in words.
        for (int i = 0; i < models->count(); ++i)
            QVERIFY2(!models->itemText(i).contains(QLatin1String("documented")),
                    qPrintable(models->itemText(i)));
        auto *note = dialog->findChild<QLabel *>(QStringLiteral("modelNoteLabel"));
        QVERIFY2(note->text().contains(QLatin1String("for this model is not published")),
                qPrintable(note->text()));

        // A job started with another model: the next form starts with that one.
        QVERIFY(dialog->selectModel(kModel));
        QVERIFY(dialog->selectTrainingFile(training));
        QSignalSpy created(dialog, &NewJobDialog::jobCreated);
        dialog->findChild<QPushButton *>(QStringLiteral("startPushButton"))->click();
        QVERIFY(created.wait(10000));
        QCOMPARE(settings.lastBaseModel(), kModel);
        QTRY_VERIFY(area->newJobDialog() == nullptr);
        dialog = openDialog(area.get());
        QVERIFY(dialog);
        QCOMPARE(dialog->request().model, kModel);
        dialog->reject();
        QTRY_VERIFY(area->newJobDialog() == nullptr);

        // A model chosen in the dataset's cost panel counts as used: the form agrees with it.
        const QString panelModel = QStringLiteral("gpt-4o-mini-2024-07-18");
        fs::ui::DatasetArea datasets(&settings);
        datasets.statisticsPanel()->setCurrentModel(panelModel);
        QCOMPARE(datasets.statisticsPanel()->currentModel(), panelModel);
        QCOMPARE(settings.lastBaseModel(), panelModel);
        dialog = openDialog(area.get());
        QVERIFY(dialog);
        QCOMPARE(dialog->request().model, panelModel);
        dialog->reject();
    }

    void automaticEpochsShowWhatTheEstimateUses()
    {
        const QString training = upload(QStringLiteral("support-bot.jsonl"));
        QVERIFY(!training.isEmpty());
        const int examples = int(
                readAll(sample(QStringLiteral("support-bot.jsonl"))).trimmed().split('\n').size());
        const int expected = fs::EpochRule::defaultEpochs(examples);
        QVERIFY(expected != 3); // the greyed number shown before
        auto area = makeArea();
        NewJobDialog *dialog = openDialog(area.get());
        QVERIFY(dialog);
        QVERIFY(dialog->selectTrainingFile(training));
        auto *epochsAuto = dialog->findChild<QCheckBox *>(QStringLiteral("n_epochsAutoCheckBox"));
        auto *epochs = dialog->findChild<QDoubleSpinBox *>(QStringLiteral("n_epochsSpinBox"));
        QTRY_VERIFY_WITH_TIMEOUT(dialog->costText().contains(QLatin1Char('$')), 10000);
        QCOMPARE(epochsAuto->text(),
                QStringLiteral("Automatic (%1 for this dataset)").arg(expected));
        QCOMPARE(int(epochs->value()), expected);
        QVERIFY(!epochs->isEnabled());
        QVERIFY2(dialog->costText().contains(QStringLiteral("× %1 epochs").arg(expected)),
                qPrintable(dialog->costText()));
        // Unticked, the number starts from the automatic one and is what is sent.
        epochsAuto->setChecked(false);
        QCOMPARE(dialog->request().hyperparameters.nEpochs.value, double(expected));
        epochs->setValue(2);
        QVERIFY2(dialog->costText().contains(QStringLiteral("× 2 epochs")),
                qPrintable(dialog->costText()));
        epochsAuto->setChecked(true);
        QCOMPARE(int(epochs->value()), expected);
        // With FS_SCREENSHOT_DIR set, the form as shown (to look at it by eye).
        if (!fs::test::screenshotDir().isEmpty()) {
            dialog->resize(1024, 600);
            fs::test::saveScreenshot(dialog, QStringLiteral("newjob-automatic-epochs"));
        }
        dialog->reject();
    }

    void refusalKeepsTheFormFilledThenCreates()
    {
        const QString training = upload(QStringLiteral("support-bot.jsonl"));
        const QString validation = upload(QStringLiteral("support-bot-validation.jsonl"));
        QVERIFY(!training.isEmpty() && !validation.isEmpty());
        auto area = makeArea();
        NewJobDialog *dialog = openDialog(area.get());
        QVERIFY(dialog);
        QVERIFY(dialog->selectModel(kModel));
        QVERIFY(dialog->selectTrainingFile(training));
        QVERIFY(dialog->selectValidationFile(validation));
        auto *suffix = dialog->findChild<QLineEdit *>(QStringLiteral("suffixLineEdit"));
        suffix->setText(QStringLiteral("support-bot"));
        dialog->findChild<QCheckBox *>(QStringLiteral("seedCheckBox"))->setChecked(true);
        dialog->findChild<QSpinBox *>(QStringLiteral("seedSpinBox"))->setValue(7);
        dialog->findChild<QPushButton *>(QStringLiteral("addMetadataPushButton"))->click();
        auto *metadata = dialog->findChild<QTableWidget *>(QStringLiteral("metadataTableWidget"));
        metadata->item(0, 0)->setText(QStringLiteral("team"));
        metadata->item(0, 1)->setText(QStringLiteral("support"));
        const fs::CreateJobRequest before = dialog->request();
        QCOMPARE(before.metadata.value(QStringLiteral("team")), QStringLiteral("support"));

        // 403 training_not_available: plain words, another connection suggested, form kept.
        m_sandbox->setTrainingNotAvailable(true);
        QSignalSpy failed(dialog, &NewJobDialog::failed);
        dialog->findChild<QPushButton *>(QStringLiteral("startPushButton"))->click();
        QVERIFY(failed.wait(10000));
        const QString refusal = dialog->refusalText();
        QCOMPARE(refusal, fs::JobFormRules::refusalMessage([] {
            fs::ApiError e;
            e.kind = fs::ApiError::Kind::Http;
            e.httpStatus = 403;
            e.code = QStringLiteral("training_not_available");
            return e;
        }()));
        QVERIFY2(refusal.contains(QStringLiteral("connection"), Qt::CaseInsensitive),
                qPrintable(refusal));
        QVERIFY2(!refusal.contains(QStringLiteral("training_not_available")), qPrintable(refusal));
        QVERIFY(dialog->isVisible());
        QVERIFY(!dialog->isBusy());
        const fs::CreateJobRequest after = dialog->request();
        QCOMPARE(after.model, before.model);
        QCOMPARE(after.trainingFile, training);
        QCOMPARE(after.validationFile, validation);
        QCOMPARE(after.suffix, QStringLiteral("support-bot"));
        QCOMPARE(after.seed, std::optional<qint64>(7));
        QCOMPARE(after.metadata, before.metadata);
        fs::test::saveScreenshot(dialog, QStringLiteral("jobsui-newjob-refused"));

        // The service accepts again: the same form creates the job.
        m_sandbox->setTrainingNotAvailable(false);
        QSignalSpy created(dialog, &NewJobDialog::jobCreated);
        QSignalSpy areaCreated(area.get(), &JobsArea::jobCreated);
        dialog->findChild<QPushButton *>(QStringLiteral("startPushButton"))->click();
        QVERIFY(created.wait(10000));
        const auto job = created.first().first().value<fs::FineTuningJob>();
        QVERIFY(job.id.startsWith(QStringLiteral("ftjob")));
        QCOMPARE(job.model, kModel);
        QCOMPARE(job.trainingFile, training);
        QCOMPARE(job.validationFile, validation);
        QCOMPARE(job.metadata.value(QStringLiteral("team")), QStringLiteral("support"));
        QCOMPARE(areaCreated.count(), 1);
        // The area lists and selects it.
        QTRY_COMPARE(area->currentJobId(), job.id);
        QTRY_VERIFY(area->newJobDialog() == nullptr);
    }

    void fileNotProcessedIsExplained()
    {
        // The real service refuses a job on a file it has not finished checking ("File not
        // ready"); the sandbox processes files at once, so a fake server answers here.
        fs::test::FakeNetworkAccessManager fake;
        fake.route("GET", QStringLiteral("/files"),
                fs::test::CannedResponse::json(200,
                        R"({"object":"list","has_more":false,"data":[{"id":"file-abc","object":"file",)"
                        R"("bytes":120,"created_at":1750000000,"filename":"train.jsonl",)"
                        R"("purpose":"fine-tune","status":"uploaded"}]})"));
        fake.route("POST", QStringLiteral("/fine_tuning/jobs"),
                fs::test::CannedResponse::json(400,
                        R"({"error":{"message":"File file-abc is not ready yet.","type":)"
                        R"("invalid_request_error","param":"training_file","code":null}})"));
        fs::Connection connection;
        connection.kind = fs::Connection::Kind::Compatible;
        connection.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9/v1"));
        fs::ApiClient client(&fake, connection);
        NewJobDialog dialog(&client, nullptr, {}, fs::PriceTable());
        dialog.show();
        QTRY_VERIFY(dialog.filesLoaded());
        QVERIFY(dialog.selectModel(kModel));
        QVERIFY(dialog.selectTrainingFile(QStringLiteral("file-abc")));
        auto *training = dialog.findChild<QComboBox *>(QStringLiteral("trainingComboBox"));
        QVERIFY2(training->currentText().contains(QStringLiteral("still being checked")),
                qPrintable(training->currentText()));
        dialog.findChild<QLineEdit *>(QStringLiteral("suffixLineEdit"))
                ->setText(QStringLiteral("kept"));
        QSignalSpy failed(&dialog, &NewJobDialog::failed);
        dialog.findChild<QPushButton *>(QStringLiteral("startPushButton"))->click();
        QVERIFY(failed.wait(5000));
        fs::ApiError expected;
        expected.kind = fs::ApiError::Kind::Http;
        expected.httpStatus = 400;
        expected.type = QStringLiteral("invalid_request_error");
        expected.param = QStringLiteral("training_file");
        expected.message = QStringLiteral("File file-abc is not ready yet.");
        QVERIFY(fs::JobFormRules::refusalIsTemporary(expected));
        QCOMPARE(dialog.refusalText(), fs::JobFormRules::refusalMessage(expected));
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.request().trainingFile, QStringLiteral("file-abc"));
        QCOMPARE(dialog.request().suffix, QStringLiteral("kept"));
        // The field the refusal is about has the focus.
        QCOMPARE(QApplication::focusWidget() == training || !dialog.isActiveWindow(), true);
        QCOMPARE(fake.lastRequest().json().value(QStringLiteral("training_file")).toString(),
                QStringLiteral("file-abc"));
    }

    void dailyLimitIsExplained()
    {
        fs::test::FakeNetworkAccessManager fake;
        fake.route("GET", QStringLiteral("/files"),
                fs::test::CannedResponse::json(200,
                        R"({"object":"list","has_more":false,"data":[{"id":"file-abc","object":"file",)"
                        R"("bytes":120,"created_at":1750000000,"filename":"train.jsonl",)"
                        R"("purpose":"fine-tune","status":"processed"}]})"));
        fake.route("POST", QStringLiteral("/fine_tuning/jobs"),
                fs::test::CannedResponse::apiError(429, QStringLiteral("daily_rate_limit_exceeded"),
                        QStringLiteral("You have reached the daily limit of fine-tuning jobs.")));
        fs::Connection connection;
        connection.kind = fs::Connection::Kind::Compatible;
        connection.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9/v1"));
        fs::ApiClient client(&fake, connection);
        NewJobDialog dialog(&client, nullptr, {}, fs::PriceTable());
        dialog.show();
        QTRY_VERIFY(dialog.filesLoaded());
        QVERIFY(dialog.selectModel(kModel));
        QVERIFY(dialog.selectTrainingFile(QStringLiteral("file-abc")));
        QSignalSpy failed(&dialog, &NewJobDialog::failed);
        dialog.findChild<QPushButton *>(QStringLiteral("startPushButton"))->click();
        QVERIFY(failed.wait(5000));
        // Not retried: waiting seconds does not lift a daily limit.
        int creates = 0;
        for (const auto &request : fake.requests())
            creates += request.verb == "POST" ? 1 : 0;
        QCOMPARE(creates, 1);
        const QString refusal = dialog.refusalText();
        QVERIFY2(refusal.contains(QStringLiteral("day"), Qt::CaseInsensitive)
                        || refusal.contains(QStringLiteral("tomorrow"), Qt::CaseInsensitive),
                qPrintable(refusal));
        QVERIFY2(!refusal.contains(QStringLiteral("daily_rate_limit_exceeded")),
                qPrintable(refusal));
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.request().trainingFile, QStringLiteral("file-abc"));
    }

    void openDatasetIsUploadedOnTheWay()
    {
        fs::ui::DatasetArea datasets(m_settings.get());
        datasets.setRecoveryDirectory(m_dir->filePath(QStringLiteral("recovery")));
        QVERIFY(datasets.openFile(sample(QStringLiteral("support-bot.jsonl"))));
        QTRY_VERIFY_WITH_TIMEOUT(
                !datasets.document()->isLoading() && datasets.document()->count() == 12, 10000);
        // The window's upload queue (the Files area shows its tasks).
        fs::UploadQueue queue(m_nam.get());
        auto area = makeArea(&datasets);
        area->setUploadQueue(&queue);
        NewJobDialog *dialog = openDialog(area.get());
        QVERIFY(dialog);
        QVERIFY(dialog->selectModel(kModel));
        QVERIFY(dialog->selectTrainingFile(NewJobDialog::openDatasetId()));
        // The estimate comes from the dataset's own token counts once they are counted.
        QTRY_VERIFY_WITH_TIMEOUT(dialog->costText().contains(QLatin1Char('$')), 10000);
        QSignalSpy created(dialog, &NewJobDialog::jobCreated);
        dialog->findChild<QPushButton *>(QStringLiteral("startPushButton"))->click();
        QVERIFY(dialog->isBusy());
        QVERIFY(created.wait(15000));
        const auto job = created.first().first().value<fs::FineTuningJob>();
        QVERIFY(job.trainingFile.startsWith(QStringLiteral("file-")));
        // It went through the window's queue: the Files area lists it, done.
        QCOMPARE(queue.tasks().size(), 1);
        QCOMPARE(queue.tasks().first()->stage(), fs::UploadTask::Stage::Done);
        QCOMPARE(queue.tasks().first()->file().id, job.trainingFile);
        QCOMPARE(queue.tasks().first()->filename(), QStringLiteral("support-bot.jsonl"));
        // The uploaded bytes are the dataset's.
        fs::ApiReply *content = m_client->fileContent(job.trainingFile);
        QSignalSpy done(content, &fs::ApiReply::finished);
        QVERIFY(done.wait(5000));
        QCOMPARE(content->body(), datasets.document()->toBytes());
    }
};

QTEST_MAIN(tst_JobsNewJob)
#include "tst_jobsnewjob.moc"
