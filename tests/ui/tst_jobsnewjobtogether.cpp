// SPDX-License-Identifier: GPL-3.0-or-later
// The New-job dialog on a Together AI connection, against the in-process sandbox's /together/v1:
// Together's settings in words, the service's price estimate before Start, and the job the
// sandbox receives.
#include "apiclient.h"
#include "connection.h"
#include "defaultanswers.h"
#include "fakenetworkaccessmanager.h"
#include "namedchild.h"
#include "newjobdialog.h"
#include "pricetable.h"
#include "providercalls.h"
#include "providerclient.h"
#include "sandboxproviderfixture.h"
#include "screenshot.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using fs::test::child;
using fs::ui::NewJobDialog;

namespace {

const QString kBase = QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference");

} // namespace

class tst_JobsNewJobTogether : public QObject, public fs::test::SandboxProviderFixture
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_training; ///< support-bot.jsonl on the service

    /// Runs one ProviderClient call and waits for its answer (nullopt: none, or an error).
    template<typename T, typename Call>
    static std::optional<T> wait(Call call)
    {
        return fs::test::awaitProvider<T>(call, 10000).value;
    }

    /// Uploads a sample to the sandbox's Together files and waits until it is checked; its id.
    QString upload(const QString &name)
    {
        QFile file(QStringLiteral(FS_TEST_DATA_DIR "/../../resources/samples/") + name);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        const QByteArray content = file.readAll();
        const auto uploaded =
                wait<fs::FileObject>([&](fs::ProviderClient::Done<fs::FileObject> done) {
                    m_provider->uploadFile(name, content, QStringLiteral("fine-tune"), done);
                });
        if (!uploaded)
            return {};
        for (int i = 0; i < 100; ++i) {
            const auto file =
                    wait<fs::FileObject>([&](fs::ProviderClient::Done<fs::FileObject> done) {
                        m_provider->retrieveFile(uploaded->id, done);
                    });
            if (file && file->status == QLatin1String("processed"))
                return file->id;
        }
        return {};
    }

    /// The job as the sandbox keeps it (its own JSON), read back over /together/v1.
    QJsonObject jobOnService(const QString &id)
    {
        const auto job =
                wait<fs::FineTuningJob>([&](fs::ProviderClient::Done<fs::FineTuningJob> done) {
                    m_provider->retrieveJob(id, done);
                });
        return job ? job->raw : QJsonObject();
    }

    /// The dialog at 1024×600 on the Together connection, with the base model and the uploaded
    /// training file chosen; null when the files did not load or could not be chosen.
    std::unique_ptr<NewJobDialog> openDialog()
    {
        auto dialog = std::make_unique<NewJobDialog>(
                m_api.get(), nullptr, QList<fs::ModelObject>(), fs::PriceTable());
        dialog->resize(1024, 600);
        dialog->show();
        if (!QTest::qWaitFor([&] { return dialog->filesLoaded(); }, 10000)
                || !dialog->selectModel(kBase) || !dialog->selectTrainingFile(m_training))
            return nullptr;
        return dialog;
    }

    /// With FS_SCREENSHOT_DIR set, saves what the dialog shows (to look at the UI by eye).
private Q_SLOTS:
    void initTestCase() { fs::test::answerMessageBoxesWithTheirDefault(); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        fs::Connection together;
        together.kind = fs::Connection::Kind::Together;
        together.name = QStringLiteral("Together (sandbox)");
        together.apiKey = QStringLiteral("tgp-test-key");
        QString problem;
        QVERIFY2(startProvider(together, QStringLiteral("/together/v1"), &problem),
                qPrintable(problem));
        m_training = upload(QStringLiteral("support-bot.jsonl"));
        QVERIFY(!m_training.isEmpty());
    }

    void cleanup()
    {
        stopProvider();
        m_dir.reset();
    }

    void startsALoraJobAfterShowingItsPrice()
    {
        auto dialog = openDialog();
        QVERIFY(dialog);

        // Together's base models and settings; none of OpenAI's multiplier or notes.
        QVERIFY(!child<QDoubleSpinBox>(dialog.get(), "learning_rate_multiplierSpinBox"));
        QVERIFY(child<QTableWidget>(dialog.get(), "metadataTableWidget")->isHidden());
        auto *lora = child<QRadioButton>(dialog.get(), "loraRadioButton");
        auto *full = child<QRadioButton>(dialog.get(), "fullRadioButton");
        QVERIFY(lora->isVisible() && full->isVisible());
        QVERIFY(lora->isChecked());
        auto *rank = child<QDoubleSpinBox>(dialog.get(), "lora_rSpinBox");
        QVERIFY(rank->isVisible() && rank->isEnabled()); // a number, never "Automatic"
        QCOMPARE(rank->value(), 8.0); // the service's default
        QCOMPARE(rank->maximum(), 64.0); // the registry's range
        // Full training hides the LoRA settings and sends none.
        full->setChecked(true);
        QVERIFY(rank->isHidden());
        QCOMPARE(dialog->request().settings.type, fs::TrainingSettings::Type::Full);
        QVERIFY(!dialog->request().settings.loraRank);
        lora->setChecked(true);
        QVERIFY(rank->isVisible());

        // The model's own limits, as the service states them, replace the registry's ranges.
        auto *batch = child<QDoubleSpinBox>(dialog.get(), "batch_sizeSpinBox");
        QTRY_COMPARE_WITH_TIMEOUT(batch->maximum(), 32.0, 10000);
        QVERIFY2(child<QLabel>(dialog.get(), "batch_sizeNoteLabel")
                         ->text()
                         .contains(QLatin1String("1 to 32")),
                qPrintable(child<QLabel>(dialog.get(), "batch_sizeNoteLabel")->text()));
        rank->setValue(16);
        // Automatic alpha shows what it stands for: twice the rank.
        QCOMPARE(child<QDoubleSpinBox>(dialog.get(), "lora_alphaSpinBox")->value(), 32.0);
        auto *epochsAuto = child<QCheckBox>(dialog.get(), "n_epochsAutoCheckBox");
        QCOMPARE(epochsAuto->text(), QStringLiteral("Automatic (1)"));
        epochsAuto->setChecked(false);
        child<QDoubleSpinBox>(dialog.get(), "n_epochsSpinBox")->setValue(2);
        child<QCheckBox>(dialog.get(), "learning_rateAutoCheckBox")->setChecked(false);
        auto *rate = child<QDoubleSpinBox>(dialog.get(), "learning_rateSpinBox");
        QCOMPARE(rate->value(), 0.00001);
        rate->setValue(0.0002);

        // The price, and whether the account may start the job, before Start is enabled.
        auto *start = child<QPushButton>(dialog.get(), "startPushButton");
        QVERIFY(!start->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(dialog->priceEstimate().has_value(), 10000);
        QVERIFY(dialog->priceEstimate()->estimatedCost.value_or(0) > 0);
        QVERIFY2(dialog->costText().contains(QLatin1String("Price estimated by Together AI: ")),
                qPrintable(dialog->costText()));
        QVERIFY2(dialog->costText().contains(QLatin1String("may start this job")),
                qPrintable(dialog->costText()));
        QVERIFY(start->isEnabled());

        // A changed setting asks again; Start waits for the new price.
        QSignalSpy shown(dialog.get(), &NewJobDialog::priceEstimateShown);
        child<QDoubleSpinBox>(dialog.get(), "n_epochsSpinBox")->setValue(3);
        QVERIFY(!start->isEnabled());
        QVERIFY(!dialog->priceEstimate());
        QTRY_VERIFY_WITH_TIMEOUT(start->isEnabled(), 10000);
        QCOMPARE(shown.count(), 1);
        fs::test::saveScreenshot(dialog.get(), QStringLiteral("newjob-together"));
        if (auto *scroll = dialog->findChild<QScrollArea *>()) {
            scroll->ensureWidgetVisible(
                    child<QDoubleSpinBox>(dialog.get(), "n_checkpointsSpinBox"));
            fs::test::saveScreenshot(dialog.get(), QStringLiteral("newjob-together-settings"));
        }

        QSignalSpy created(dialog.get(), &NewJobDialog::jobCreated);
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(created.wait(10000));
        const fs::FineTuningJob job = created.first().first().value<fs::FineTuningJob>();
        QVERIFY(!job.id.isEmpty());

        // What the service received.
        const QJsonObject onService = jobOnService(job.id);
        QCOMPARE(onService.value("model").toString(), kBase);
        QCOMPARE(onService.value("training_file").toString(), m_training);
        QCOMPARE(onService.value("n_epochs").toInt(), 3);
        QCOMPARE(onService.value("learning_rate").toDouble(), 0.0002);
        const QJsonObject type = onService.value("training_type").toObject();
        QCOMPARE(type.value("type").toString(), QStringLiteral("Lora"));
        QCOMPARE(type.value("lora_r").toInt(), 16);
        QCOMPARE(type.value("lora_alpha").toInt(), 32); // automatic: twice the rank
        QCOMPARE(onService.value("training_method").toObject().value("method").toString(),
                QStringLiteral("sft"));
    }

    void aFailedEstimateIsSaidPlainlyAndAskedAgain()
    {
        m_sandbox->injectHttpError(400, 1, QStringLiteral("estimate-price"));
        auto dialog = openDialog();
        QVERIFY(dialog);
        QSignalSpy shown(dialog.get(), &NewJobDialog::priceEstimateShown);
        QVERIFY(shown.wait(10000));
        QVERIFY2(dialog->costText().startsWith(
                         QLatin1String("Together AI could not estimate the price")),
                qPrintable(dialog->costText()));
        auto *start = child<QPushButton>(dialog.get(), "startPushButton");
        QVERIFY(!start->isEnabled());
        auto *again = child<QPushButton>(dialog.get(), "estimateAgainPushButton");
        QVERIFY(again->isVisible());
        fs::test::saveScreenshot(dialog.get(), QStringLiteral("newjob-together-failed"));
        QTest::mouseClick(again, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(start->isEnabled(), 10000);
        QVERIFY(dialog->priceEstimate().has_value());
        QVERIFY(again->isHidden());
    }

    void anAccountOverItsLimitCannotStart()
    {
        // A service that says the account may not start this job (the sandbox always may).
        fs::test::FakeNetworkAccessManager fake;
        fake.route("GET", QStringLiteral("/files"),
                fs::test::CannedResponse::json(200,
                        R"({"object":"list","data":[{"id":"file-1","object":"file",)"
                        R"("filename":"train.jsonl","purpose":"fine-tune","bytes":2048,)"
                        R"("created_at":1765000000,"Processed":true}]})"));
        fake.route("GET", QStringLiteral("/fine-tunes/models/supported"),
                fs::test::CannedResponse::json(200, R"({"models":[")" + kBase.toUtf8() + R"("]})"));
        fake.route("POST", QStringLiteral("/fine-tunes/estimate-price"),
                fs::test::CannedResponse::json(200,
                        R"({"estimated_total_price":250.0,"allowed_to_proceed":false,)"
                        R"("user_limit":100.0,"estimated_train_token_count":400000000,)"
                        R"("estimated_eval_token_count":0})"));
        fs::Connection together = m_api->connection();
        together.baseUrl = QUrl(QStringLiteral("https://api.together.example/v1"));
        fs::ApiClient api(&fake, together);
        NewJobDialog dialog(&api, nullptr, {}, fs::PriceTable());
        dialog.resize(1024, 600);
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.filesLoaded(), 10000);
        QVERIFY(dialog.selectModel(kBase));
        QVERIFY(dialog.selectTrainingFile(QStringLiteral("file-1")));
        QSignalSpy shown(&dialog, &NewJobDialog::priceEstimateShown);
        QVERIFY(shown.wait(10000));
        QVERIFY(dialog.priceEstimate().has_value());
        QVERIFY2(dialog.costText().contains(QLatin1String("$250.00"))
                        && dialog.costText().contains(QLatin1String("may not start this job"))
                        && dialog.costText().contains(QLatin1String("$100.00")),
                qPrintable(dialog.costText()));
        QVERIFY(!dialog.canStart());
        QVERIFY(!child<QPushButton>(&dialog, "startPushButton")->isEnabled());
        // What was asked: Together's LoRA defaults, in its own words.
        const QJsonObject asked = fake.lastRequest().json();
        QCOMPARE(fake.lastRequest().path(), QStringLiteral("/v1/fine-tunes/estimate-price"));
        QCOMPARE(asked.value("training_file").toString(), QStringLiteral("file-1"));
        QCOMPARE(asked.value("training_type").toObject().value("lora_r").toInt(), 8);
        fs::test::saveScreenshot(&dialog, QStringLiteral("newjob-together-overlimit"));
    }

    void dpoWithoutBetaLeavesItToTheService()
    {
        auto dialog = openDialog();
        QVERIFY(dialog);
        auto *beta = child<QDoubleSpinBox>(dialog.get(), "dpo_betaSpinBox");
        QVERIFY(beta->isHidden());
        child<QRadioButton>(dialog.get(), "dpoRadioButton")->setChecked(true);
        QVERIFY(beta->isVisible());
        QCOMPARE(child<QCheckBox>(dialog.get(), "dpo_betaAutoCheckBox")->text(),
                QStringLiteral("Automatic (0.1)"));
        const fs::CreateJobRequest request = dialog->request();
        QCOMPARE(request.methodType, QStringLiteral("dpo"));
        QVERIFY(request.hyperparameters.beta.isAuto);
        QVERIFY(dialog->problems().isEmpty());
    }
};

QTEST_MAIN(tst_JobsNewJobTogether)
#include "tst_jobsnewjobtogether.moc"
