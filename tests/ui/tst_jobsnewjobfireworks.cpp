// SPDX-License-Identifier: GPL-3.0-or-later
// The New-job dialog on a Fireworks AI connection, against the in-process sandbox's /fireworks:
// Fireworks' settings from the model registry in plain words (epochs, an exact learning rate,
// LoRA rank, longest example; no multiplier, batch size, notes or training-type choice), its
// tunable base models, and the supervised fine-tuning job the sandbox receives.
#include "apiclient.h"
#include "connection.h"
#include "defaultanswers.h"
#include "namedchild.h"
#include "newjobdialog.h"
#include "pricetable.h"
#include "providerclient.h"
#include "sandboxproviderfixture.h"
#include "screenshot.h"
#include "uploader.h"
#include "uploadsource.h"

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
#include <QTest>

#include <memory>
#include <optional>

using fs::test::child;
using fs::ui::NewJobDialog;

namespace {

const QString kBase = QStringLiteral("accounts/fireworks/models/llama-v3p1-8b-instruct");

} // namespace

class tst_JobsNewJobFireworks : public QObject, public fs::test::SandboxProviderFixture
{
    Q_OBJECT

    QString m_training; ///< the dataset on the service

    /// Uploads a sample as a Fireworks dataset and waits until it is READY; its id.
    QString upload(const QString &name)
    {
        QFile file(QStringLiteral(FS_TEST_DATA_DIR "/../../resources/samples/") + name);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        fs::BufferSource source(name, file.readAll());
        fs::UploadOptions options;
        options.processingPollMs = 20;
        fs::Uploader uploader(m_api.get(), &source, options);
        QSignalSpy finished(&uploader, &fs::Uploader::finished);
        uploader.start();
        if (!finished.wait(10000) || uploader.state() != fs::Uploader::State::Succeeded)
            return {};
        return uploader.file().id;
    }

private Q_SLOTS:
    void initTestCase() { fs::test::answerMessageBoxesWithTheirDefault(); }

    void init()
    {
        fs::Connection fireworks;
        fireworks.kind = fs::Connection::Kind::Fireworks;
        fireworks.name = QStringLiteral("Fireworks (sandbox)");
        fireworks.apiKey = QStringLiteral("fw-test-key");
        fireworks.account = QStringLiteral("my-account");
        QString problem;
        QVERIFY2(startProvider(fireworks, QStringLiteral("/fireworks"), &problem),
                qPrintable(problem));
        m_training = upload(QStringLiteral("support-bot.jsonl"));
        QVERIFY(!m_training.isEmpty());
    }

    void cleanup() { stopProvider(); }

    void startsASupervisedJobWithFireworksSettings()
    {
        auto dialog = std::make_unique<NewJobDialog>(
                m_api.get(), nullptr, QList<fs::ModelObject>(), fs::PriceTable());
        dialog->resize(1024, 600);
        dialog->show();
        QVERIFY(QTest::qWaitFor([&] { return dialog->filesLoaded(); }, 10000));
        QTRY_VERIFY_WITH_TIMEOUT(dialog->selectModel(kBase), 10000);
        QVERIFY(dialog->selectTrainingFile(m_training));

        // Fireworks' settings, in words; none of OpenAI's or Together's.
        QVERIFY(!child<QDoubleSpinBox>(dialog.get(), "learning_rate_multiplierSpinBox"));
        QVERIFY(!child<QDoubleSpinBox>(dialog.get(), "batch_sizeSpinBox"));
        QVERIFY(!child<QDoubleSpinBox>(dialog.get(), "lora_alphaSpinBox"));
        QVERIFY(!child<QDoubleSpinBox>(dialog.get(), "n_checkpointsSpinBox"));
        QVERIFY(child<QTableWidget>(dialog.get(), "metadataTableWidget")->isHidden());
        // LoRA is the only way Fireworks trains here: nothing to choose.
        QVERIFY(!child<QRadioButton>(dialog.get(), "fullRadioButton")->isVisible());
        auto *rank = child<QDoubleSpinBox>(dialog.get(), "lora_rSpinBox");
        QVERIFY(rank && rank->isVisible() && rank->isEnabled());
        QCOMPARE(rank->value(), 8.0); // the registry's default
        QCOMPARE(rank->maximum(), 64.0);
        auto *context = child<QDoubleSpinBox>(dialog.get(), "max_context_lengthSpinBox");
        QVERIFY(context);
        QVERIFY2(child<QLabel>(dialog.get(), "max_context_lengthNoteLabel")
                         ->text()
                         .contains(QLatin1String("longest example")),
                qPrintable(child<QLabel>(dialog.get(), "max_context_lengthNoteLabel")->text()));
        auto *contextAuto = child<QCheckBox>(dialog.get(), "max_context_lengthAutoCheckBox");
        QCOMPARE(contextAuto->text(), QStringLiteral("Automatic (8,192)"));
        contextAuto->setChecked(false);
        context->setValue(4096);
        rank->setValue(16);
        child<QCheckBox>(dialog.get(), "n_epochsAutoCheckBox")->setChecked(false);
        child<QDoubleSpinBox>(dialog.get(), "n_epochsSpinBox")->setValue(2);
        child<QCheckBox>(dialog.get(), "learning_rateAutoCheckBox")->setChecked(false);
        auto *rate = child<QDoubleSpinBox>(dialog.get(), "learning_rateSpinBox");
        QCOMPARE(rate->value(), 0.0001);
        rate->setValue(0.0002);

        auto *start = child<QPushButton>(dialog.get(), "startPushButton");
        QTRY_VERIFY_WITH_TIMEOUT(start->isEnabled(), 10000);
        fs::test::saveScreenshot(dialog.get(), QStringLiteral("newjob-fireworks"));
        if (auto *scroll = dialog->findChild<QScrollArea *>()) {
            scroll->ensureWidgetVisible(context);
            fs::test::saveScreenshot(dialog.get(), QStringLiteral("newjob-fireworks-settings"));
        }

        QSignalSpy created(dialog.get(), &NewJobDialog::jobCreated);
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(created.wait(10000));
        const fs::FineTuningJob job = created.first().first().value<fs::FineTuningJob>();
        QVERIFY(!job.id.isEmpty());

        std::optional<fs::ProviderResult<fs::FineTuningJob>> read;
        m_provider->retrieveJob(job.id, [&read](const auto &r) { read = r; });
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 10000);
        QVERIFY(read->ok());
        const QJsonObject onService = read->value->raw;
        QCOMPARE(onService.value("baseModel").toString(), kBase);
        QCOMPARE(onService.value("dataset").toString(),
                QStringLiteral("accounts/my-account/datasets/") + m_training);
        QCOMPARE(onService.value("epochs").toInt(), 2);
        QCOMPARE(onService.value("learningRate").toDouble(), 0.0002);
        QCOMPARE(onService.value("loraRank").toInt(), 16);
        QCOMPARE(onService.value("maxContextLength").toInt(), 4096);
    }
};

QTEST_MAIN(tst_JobsNewJobFireworks)
#include "tst_jobsnewjobfireworks.moc"
