// SPDX-License-Identifier: GPL-3.0-or-later
// "Move to Another Service…" driven through its pages against the sandbox: a fine-tune on the
// OpenAI dialect (/v1) has its answers captured, is moved to the Together dialect
// (/together/v1), trained, deployed and parity-checked; the report holds the numbers the
// batch results hold. The flow resumes at the stored page. The Playground's "Parity Check…"
// between two models. Pictures of every page at 1024×600.
#include "application.h"
#include "areas.h"
#include "batchrunner.h"
#include "captureprompts.h"
#include "deploydialog.h"
#include "deploymenthub.h"
#include "hyperparameteredit.h"
#include "hyperparametermap.h"
#include "mainwindow.h"
#include "migrationstore.h"
#include "moveui.h"
#include "movewizard.h"
#include "paritycheck.h"
#include "paritydialog.h"
#include "paritypanel.h"
#include "playgroundarea.h"
#include "providerclient.h"
#include "retirementcalendar.h"
#include "tst_playgroundsupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTextBrowser>

using namespace fs;
using namespace fs::ui;

namespace {

const QString kLlama = QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference");

} // namespace

class tst_MoveWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void movesFromOpenAiToTogetherWithAParityReport();
    void targetSettingsAreEditable();
    void pagesSpeakTheCatalogue();
    void resumesAtTheStoredPage();
    void parityCheckBetweenAnyTwoModels();
    void bannerActionOpensOrResumesTheMove();

private:
    /// `count` support-bot prompts (with the sample's answers, which capturing replaces).
    QString writePrompts(const QString &name, int count);
    void picture(QWidget *widget, const QString &name);

    test::PlaygroundFixture m_fixture;
    Connection m_together;
    std::unique_ptr<DeploymentHub> m_hub;
    std::unique_ptr<PlaygroundConnections> m_connections;
    QString m_storePath;
    QList<MigrationState> m_stored; ///< the state after each page of the full move
};

void tst_MoveWizard::initTestCase()
{
    // Pictures in another language (FS_SCREENSHOT_LOCALE=ja_JP): the checks hold in any.
    if (qEnvironmentVariableIsSet("FS_SCREENSHOT_LOCALE"))
        installTranslators(*qobject_cast<QApplication *>(QCoreApplication::instance()),
                QLocale(qEnvironmentVariable("FS_SCREENSHOT_LOCALE")));
    QString why;
    QVERIFY2(m_fixture.start(&why), qPrintable(why));
    QVERIFY2(m_fixture.rememberJob(&why), qPrintable(why));
    m_together.name = QStringLiteral("Together (practice)");
    m_together.kind = Connection::Kind::Together;
    m_together.baseUrl =
            QUrl(QStringLiteral("http://127.0.0.1:%1/together/v1").arg(m_fixture.server->port()));
    m_together.id = m_fixture.store->add(m_together);
    bool written = false;
    m_fixture.secrets->writeKey(m_together.id, QStringLiteral("together-test-key"),
            m_fixture.store.get(), [&written](const SecretResult &) { written = true; });
    QTRY_VERIFY(written);
    m_fixture.store->setHasKey(m_together.id, true);
    m_hub = std::make_unique<DeploymentHub>(m_fixture.nam.get());
    m_hub->setPollInterval(50);
    m_connections = std::make_unique<PlaygroundConnections>(
            m_fixture.store.get(), m_fixture.secrets.get(), m_fixture.nam.get());
    m_connections->setDeployments(m_hub.get());
    m_storePath = m_fixture.dir.filePath(QStringLiteral("moves.sqlite"));
}

void tst_MoveWizard::cleanupTestCase()
{
    m_hub->stopAll();
    test::PlaygroundFixture::forgetJobs();
}

void tst_MoveWizard::picture(QWidget *widget, const QString &name)
{
    test::saveScreenshot(widget, QStringLiteral("move-") + name);
}

QString tst_MoveWizard::writePrompts(const QString &name, int count)
{
    const QList<QByteArray> lines = test::readFile(
            QStringLiteral(FS_TEST_DATA_DIR "/../../resources/samples/support-bot.jsonl"))
                                            .trimmed()
                                            .split('\n');
    const QString path = m_fixture.dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    for (int i = 0; i < count; ++i) {
        // The sample's questions, each varied a little: `count` different prompts.
        Example example = Example::fromLine(lines.at(i % lines.size()));
        Messages messages = example.messages();
        for (Message &message : messages) {
            if (message.role() == QLatin1String("user"))
                message.setText(message.text() + QStringLiteral(" (%1)").arg(i));
        }
        file.write(Example::chat(messages).toLine() + '\n');
    }
    return path;
}

void tst_MoveWizard::movesFromOpenAiToTogetherWithAParityReport()
{
    const QString prompts = writePrompts(QStringLiteral("support-capture.jsonl"), 30);
    QVERIFY(!prompts.isEmpty());
    const std::optional<FineTuningJob> oldJob = [this]() -> std::optional<FineTuningJob> {
        JobHistory history(ConnectionStore::sandboxId());
        if (!history.open())
            return std::nullopt;
        return history.job(m_fixture.jobId);
    }();
    QVERIFY(oldJob);
    MoveWizard wizard(MigrationFlow::begin(ConnectionStore::sandboxId(), ProviderKind::OpenAI,
                              m_fixture.fineTuned, oldJob),
            m_connections.get(), m_hub.get());
    wizard.setStorePath(m_storePath);
    wizard.resize(1024, 600);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    const auto stored = [this, &wizard] {
        MigrationStore store;
        if (!store.open(m_storePath))
            return std::optional<MigrationState>();
        return store.load(wizard.state().id);
    };

    // 1. The captured answers: a capture file that does not exist is refused with a reason;
    // then 30 prompts are captured from the old model (OpenAI dialect) on the page itself.
    QCOMPARE(wizard.currentId(), int(MoveWizard::CapturePage));
    auto *path = wizard.currentPage()->findChild<QLineEdit *>(QStringLiteral("capturePath"));
    auto *promptsEdit =
            wizard.currentPage()->findChild<QLineEdit *>(QStringLiteral("capturePrompts"));
    auto *captureButton =
            wizard.currentPage()->findChild<QPushButton *>(QStringLiteral("captureButton"));
    QVERIFY(path && promptsEdit && captureButton);
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    path->setText(m_fixture.dir.filePath(QStringLiteral("missing.jsonl")));
    QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(MoveWizard::CapturePage)); // refused, said why
    path->clear();
    promptsEdit->setText(prompts);
    QTest::mouseClick(captureButton, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!path->text().isEmpty(), 60000);
    const QString capturePath = path->text();
    QVERIFY(capturePath.endsWith(QLatin1String("support-capture.captured.jsonl")));
    // The answers are the old model's, not the sample's.
    const BatchItemsLoad captured = loadBatchItems(capturePath);
    QCOMPARE(captured.items.size(), 30);
    picture(&wizard, QStringLiteral("1-capture"));
    QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(MoveWizard::SplitPage));
    QCOMPARE(stored()->step, MigrationState::Step::Split);
    QCOMPARE(stored()->capturePath, capturePath);
    m_stored << *stored();

    // 2. Check and split: 20% of 30 kept back.
    picture(&wizard, QStringLiteral("2-split"));
    QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(MoveWizard::TargetPage));
    QCOMPARE(wizard.state().heldOutExamples, 6);
    QCOMPARE(wizard.state().trainingExamples, 24);
    m_stored << *stored();

    // 3. The Together connection, Llama 3.1 8B, the mapped settings explained.
    auto *connection =
            wizard.currentPage()->findChild<QComboBox *>(QStringLiteral("targetConnection"));
    auto *model = wizard.currentPage()->findChild<QComboBox *>(QStringLiteral("targetModel"));
    auto *table = wizard.currentPage()->findChild<QTableWidget *>(QStringLiteral("mappedSettings"));
    auto *price = wizard.currentPage()->findChild<QLabel *>(QStringLiteral("price"));
    QVERIFY(connection && model && table && price);
    QCOMPARE(connection->currentData().toString(), m_together.id); // Together preferred
    model->setCurrentIndex(model->findData(kLlama));
    QVERIFY(table->rowCount() >= 5);
    QStringList labels;
    for (int r = 0; r < table->rowCount(); ++r)
        labels << table->item(r, 0)->text();
    const auto label = [](HyperparameterRule::Name name) {
        return JobFormRules::rule(name, ProviderKind::Together).label;
    };
    QVERIFY2(labels.contains(label(HyperparameterRule::Name::LearningRate)),
            qPrintable(labels.join(u',')));
    QVERIFY(labels.contains(label(HyperparameterRule::Name::LoraRank)));
    // Together AI states its own price, after the upload.
    MigrationState preview = wizard.state();
    preview.targetModel = kLlama;
    QCOMPARE(price->text(), MigrationFlow::priceText(preview, PriceTable()));
    picture(&wizard, QStringLiteral("3-target"));
    QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(MoveWizard::TrainPage));
    QCOMPARE(wizard.state().targetModel, kLlama);
    QVERIFY(wizard.state().needsDeployment);
    m_stored << *stored();

    // 4. Upload, the service's price, train, watch.
    auto *upload = wizard.currentPage()->findChild<QPushButton *>(QStringLiteral("uploadButton"));
    auto *start = wizard.currentPage()->findChild<QPushButton *>(QStringLiteral("startButton"));
    QVERIFY(upload && start);
    QTRY_VERIFY_WITH_TIMEOUT(upload->isEnabled(), 20000);
    QTest::mouseClick(upload, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(start->isEnabled(), 30000);
    QVERIFY(!wizard.state().trainingFileId.isEmpty());
    picture(&wizard, QStringLiteral("4-price"));
    QTest::mouseClick(start, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.state().jobId.isEmpty(), 20000);
    m_stored << *stored(); // training, not finished
    QTRY_VERIFY_WITH_TIMEOUT(wizard.button(QWizard::NextButton)->isEnabled(), 90000);
    QCOMPARE(wizard.state().step, MigrationState::Step::Deploy);
    QVERIFY(wizard.state().fineTunedModel.contains(QLatin1String("Meta-Llama-3.1-8B")));
    picture(&wizard, QStringLiteral("4-trained"));
    QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(MoveWizard::DeployPage));
    m_stored << *stored();

    // 5. Deploy on Together's hardware.
    picture(&wizard, QStringLiteral("5-deploy"));
    auto *deploy = wizard.currentPage()->findChild<QPushButton *>(QStringLiteral("deployButton"));
    QTest::mouseClick(deploy, Qt::LeftButton);
    QPointer<DeployDialog> dialog = wizard.findChild<DeployDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->startButton()->isEnabled(), 20000);
    QTest::mouseClick(dialog->startButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(wizard.state().step == MigrationState::Step::Parity, 60000);
    QVERIFY(!wizard.state().servedAs.isEmpty());
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(MoveWizard::ParityPage));
    m_stored << *stored();

    // 6. The parity check: the held-out prompts to the new model, a blind round, the report.
    auto *panel = wizard.currentPage()->findChild<ParityPanel *>(QStringLiteral("parityPanel"));
    QVERIFY(panel);
    QTRY_VERIFY_WITH_TIMEOUT(panel->runButton()->isEnabled(), 20000);
    QSignalSpy finished(panel->check(), &ParityCheck::finished);
    QTest::mouseClick(panel->runButton(), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QCOMPARE(panel->check()->results().doneCount(), 6);
    QVERIFY(panel->voteButton(0)->isVisible());
    picture(&wizard, QStringLiteral("6-blind"));
    const int rounds = panel->check()->blind()->roundCount();
    QCOMPARE(rounds, 6); // every held-out prompt (at most ten)
    for (int r = 0; r < rounds; ++r)
        QTest::mouseClick(panel->voteButton(int(Vote::Tie)), Qt::LeftButton);
    QVERIFY(!panel->voteButton(0)->isVisible());
    QTest::mouseClick(panel->reportButton(), Qt::LeftButton);
    QTRY_VERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
    QCOMPARE(wizard.state().step, MigrationState::Step::Done);
    QCOMPARE(stored()->step, MigrationState::Step::Done);
    picture(&wizard, QStringLiteral("6-report"));

    // The report beside the held-out part holds the numbers the batch results hold.
    const QString report = wizard.state().reportPath;
    QCOMPARE(QFileInfo(report).dir(), QFileInfo(capturePath).dir());
    const QString html = QString::fromUtf8(test::readFile(report));
    const BatchResults &results = panel->check()->results();
    QVERIFY(html.contains(parityScoreText(results.average(0).rouge1.fmeasure)));
    QVERIFY(html.contains(parityScoreText(results.average(0).rouge2.fmeasure)));
    QVERIFY(html.contains(parityScoreText(results.average(0).rougeL.fmeasure)));
    QVERIFY(html.contains(
            QStringLiteral("<tr><th>%1</th><td>6</td></tr>")
                    .arg(QCoreApplication::translate("fs::ParityReport", "Equally good"))));
    QVERIFY(html.contains(panel->check()->summary().verdictTitle.toHtmlEscaped()));
    QVERIFY(panel->verdictLabel()->text().contains(QFileInfo(report).fileName()));
    if (!test::screenshotDir().isEmpty()) {
        QTextBrowser page; // the report as a page (Qt's HTML subset: no SVG)
        page.setHtml(html);
        page.resize(1024, 600);
        page.show();
        picture(&page, QStringLiteral("6-report-html"));
        // The page itself, to open in a browser (with its SVG figure).
        QFile::copy(
                report, QDir(test::screenshotDir()).filePath(QStringLiteral("move-report.html")));
    }
    // The new job is in the target connection's job history (the Jobs area shows it).
    JobHistory history(m_together.id);
    QVERIFY(history.open());
    QVERIFY(history.job(wizard.state().jobId));
    wizard.close();
}

void tst_MoveWizard::targetSettingsAreEditable()
{
    // An old job whose learning-rate multiplier becomes more than Together allows (0.01 at
    // most: 2000 × 0.00001 = 0.02) and 8 epochs.
    FineTuningJob oldJob;
    oldJob.id = QStringLiteral("ftjob-edit");
    oldJob.model = test::kBaseModel;
    oldJob.fineTunedModel = m_fixture.fineTuned;
    oldJob.hyperparameters.learningRateMultiplier = {false, 2000};
    oldJob.hyperparameters.nEpochs = {false, 8};
    MigrationState state = MigrationFlow::begin(
            ConnectionStore::sandboxId(), ProviderKind::OpenAI, m_fixture.fineTuned, oldJob);
    QCOMPARE(MigrationFlow::useCapture(&state, writePrompts(QStringLiteral("edit.jsonl"), 30)),
            QString());
    QCOMPARE(MigrationFlow::lintAndSplit(&state), QString());
    state.targetModel = kLlama;
    MoveWizard wizard(state, m_connections.get(), m_hub.get());
    wizard.setStorePath(m_fixture.dir.filePath(QStringLiteral("edit.sqlite")));
    wizard.resize(1024, 600);
    wizard.show();
    QCOMPARE(wizard.currentId(), int(MoveWizard::TargetPage));
    auto *table = wizard.currentPage()->findChild<QTableWidget *>(QStringLiteral("mappedSettings"));
    auto *model = wizard.currentPage()->findChild<QComboBox *>(QStringLiteral("targetModel"));
    QVERIFY(table && model);
    model->setCurrentIndex(model->findData(kLlama));
    const auto rowOf = [table](HyperparameterRule::Name name) {
        for (int r = 0; r < table->rowCount(); ++r) {
            const auto *edit = qobject_cast<HyperparameterEdit *>(table->cellWidget(r, 2));
            if (edit && edit->rule().name == name)
                return r;
        }
        return -1;
    };
    const int rate = rowOf(HyperparameterRule::Name::LearningRate);
    const int epochs = rowOf(HyperparameterRule::Name::Epochs);
    QVERIFY(rate >= 0 && epochs >= 0);
    // Each setting is the New-job form's editor, with its range and words.
    auto *rateEdit = qobject_cast<HyperparameterEdit *>(table->cellWidget(rate, 2));
    auto *epochsEdit = qobject_cast<HyperparameterEdit *>(table->cellWidget(epochs, 2));
    QVERIFY(rateEdit && epochsEdit);
    const HyperparameterRule rateRule =
            JobFormRules::rule(HyperparameterRule::Name::LearningRate, ProviderKind::Together);
    QCOMPARE(rateEdit->spinBox()->maximum(), rateRule.maximum);
    QCOMPARE(rateEdit->spinBox()->toolTip(), HyperparameterEdit::allowedText(rateRule));
    QVERIFY(table->item(rate, 3)->text().contains(HyperparameterEdit::allowedText(rateRule)));
    QCOMPARE(epochsEdit->value().isAuto, false);
    QCOMPARE(epochsEdit->value().value, 8.0);
    // The rate that cannot be carried over is refused with the mapping's sentence…
    QString refusal;
    for (const MappedSetting &setting :
            MigrationFlow::mapping(wizard.state(), ProviderKind::Together).settings) {
        if (setting.name == HyperparameterRule::Name::LearningRate)
            refusal = setting.problem;
    }
    QVERIFY(!refusal.isEmpty());
    QVERIFY(table->item(rate, 3)->text().contains(refusal));
    QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(MoveWizard::TargetPage));
    picture(&wizard, QStringLiteral("3-target-refused"));
    // …until a value in range is chosen there; the epochs are changed too.
    QVERIFY(rateEdit->value().isAuto); // left automatic, said why
    QVERIFY(!rateEdit->spinBox()->isEnabled());
    rateEdit->automaticCheckBox()->click();
    QVERIFY(rateEdit->spinBox()->isEnabled());
    rateEdit->spinBox()->setValue(0.00002);
    QVERIFY(!table->item(rate, 3)->text().contains(refusal));
    epochsEdit->spinBox()->setValue(3);
    picture(&wizard, QStringLiteral("3-target-edited"));
    QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(MoveWizard::TrainPage));
    const CreateJobRequest chosen = wizard.state().targetSettings;
    QVERIFY(chosen.settings.learningRate);
    QCOMPARE(*chosen.settings.learningRate, 0.00002);
    QCOMPARE(chosen.hyperparameters.nEpochs.isAuto, false);
    QCOMPARE(chosen.hyperparameters.nEpochs.value, 3.0);
    QCOMPARE(MigrationFlow::jobRequest(wizard.state()).hyperparameters.nEpochs.value, 3.0);
    // Back on the page, the chosen values are shown again (not the mapped ones).
    QTest::mouseClick(wizard.button(QWizard::BackButton), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(MoveWizard::TargetPage));
    table = wizard.currentPage()->findChild<QTableWidget *>(QStringLiteral("mappedSettings"));
    epochsEdit = qobject_cast<HyperparameterEdit *>(table->cellWidget(epochs, 2));
    QVERIFY(epochsEdit);
    QCOMPARE(epochsEdit->value().value, 3.0);
    wizard.close();
}

void tst_MoveWizard::pagesSpeakTheCatalogue()
{
    // The pages' words are found in the Japanese catalogue under the pages' own names.
    auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
    QVERIFY(installTranslators(*app, QLocale(QLocale::Japanese, QLocale::Japan)));
    MigrationState state = MigrationFlow::begin(
            ConnectionStore::sandboxId(), ProviderKind::OpenAI, m_fixture.fineTuned);
    QCOMPARE(MigrationFlow::useCapture(&state, writePrompts(QStringLiteral("ja.jsonl"), 30)),
            QString());
    MoveWizard wizard(state, m_connections.get(), m_hub.get());
    wizard.setStorePath(m_fixture.dir.filePath(QStringLiteral("ja.sqlite")));
    wizard.show();
    QCOMPARE(wizard.currentId(), int(MoveWizard::SplitPage));
    const QString english = QStringLiteral("Keep back for the check:");
    const QString japanese =
            QCoreApplication::translate("fs::ui::SplitWizardPage", "Keep back for the check:");
    QVERIFY(japanese != english);
    QStringList texts;
    const QList<QLabel *> labels = wizard.currentPage()->findChildren<QLabel *>();
    for (const QLabel *label : labels)
        texts << label->text();
    wizard.close();
    // So are the core's words the pages show: the verdict, the mapped settings' reasons and
    // a capture's source (each filed by lupdate under another name than its file's).
    const QString verdict =
            ParitySummary::from(BatchResults(), AbTally(), QStringLiteral("a"), QStringLiteral("b"))
                    .verdictTitle;
    const QString mappedWhy = HyperparameterMap::map(
            state.sourceSettings, ProviderKind::OpenAI, ProviderKind::Together)
                                      .settings.constLast()
                                      .explanation;
    const QString source = capturePromptsFromList(QStringLiteral("a question")).source;
    RetirementInfo retiring;
    retiring.stopsAnswering = QDate(2027, 1, 14);
    const QString when = retiring.sentence(QDate(2026, 12, 7));
    // Back to the language the run started in.
    installTranslators(*app,
            QLocale(qEnvironmentVariableIsSet("FS_SCREENSHOT_LOCALE")
                            ? qEnvironmentVariable("FS_SCREENSHOT_LOCALE")
                            : QStringLiteral("en_US")));
    QVERIFY2(texts.contains(japanese), qPrintable(texts.join(u'|')));
    QVERIFY2(verdict != QStringLiteral("Not checked yet"), qPrintable(verdict));
    QVERIFY2(!mappedWhy.startsWith(QLatin1String("OpenAI has no such setting")),
            qPrintable(mappedWhy));
    QVERIFY2(source != QStringLiteral("a list of prompts"), qPrintable(source));
    // The banner's date as the catalogue writes dates (not "14 1月 2027").
    QVERIFY2(when.contains(QStringLiteral("2027年1月14日")), qPrintable(when));
}

void tst_MoveWizard::resumesAtTheStoredPage()
{
    if (m_stored.size() < 6)
        QSKIP("needs the states of the full move");
    const QList<int> pages = {MoveWizard::SplitPage, MoveWizard::TargetPage, MoveWizard::TrainPage,
            MoveWizard::TrainPage, MoveWizard::DeployPage, MoveWizard::ParityPage};
    for (int i = 0; i < m_stored.size(); ++i) {
        MoveWizard wizard(m_stored.at(i), m_connections.get(), m_hub.get());
        wizard.setStorePath(m_fixture.dir.filePath(QStringLiteral("resume-%1.sqlite").arg(i)));
        wizard.resize(1024, 600);
        wizard.show();
        QCOMPARE(wizard.currentId(), pages.at(i));
        if (i == 3) {
            // Left while training: the job is followed again, not started twice.
            auto *start =
                    wizard.currentPage()->findChild<QPushButton *>(QStringLiteral("startButton"));
            auto *status = wizard.currentPage()->findChild<QLabel *>(QStringLiteral("trainStatus"));
            QTRY_VERIFY_WITH_TIMEOUT(!wizard.state().fineTunedModel.isEmpty()
                            && status->text().contains(wizard.state().fineTunedModel),
                    30000);
            QVERIFY(!start->isEnabled());
            QCOMPARE(wizard.state().step, MigrationState::Step::Deploy);
            picture(&wizard, QStringLiteral("resumed-train"));
        }
        if (i == 1) {
            // The split files removed: back to the split page.
            MigrationState gone = m_stored.at(i);
            gone.heldOutPath = m_fixture.dir.filePath(QStringLiteral("nope.jsonl"));
            QCOMPARE(MoveWizard::pageFor(gone), int(MoveWizard::SplitPage));
        }
        wizard.close();
    }
}

void tst_MoveWizard::parityCheckBetweenAnyTwoModels()
{
    const QList<QByteArray> lines = test::readFile(
            QStringLiteral(FS_TEST_DATA_DIR "/../../resources/samples/support-bot.jsonl"))
                                            .trimmed()
                                            .split('\n');
    const QString prompts = m_fixture.dir.filePath(QStringLiteral("prompts.jsonl"));
    QFile file(prompts);
    QVERIFY(file.open(QIODevice::WriteOnly));
    for (int i = 0; i < 6; ++i)
        file.write(lines.at(i) + '\n');
    file.close();

    ParityDialog dialog(m_connections.get());
    dialog.resize(1024, 600);
    dialog.show();
    dialog.oldSelector()->setConnectionId(ConnectionStore::sandboxId());
    dialog.newSelector()->setConnectionId(ConnectionStore::sandboxId());
    QVERIFY(test::waitReady(dialog.oldSelector()));
    QVERIFY(test::waitReady(dialog.newSelector()));
    dialog.oldSelector()->setModel(test::kBaseModel);
    dialog.newSelector()->setModel(m_fixture.fineTuned);
    dialog.promptsEdit()->setText(prompts);
    QTRY_VERIFY(dialog.prepareButton()->isEnabled());
    QTest::mouseClick(dialog.prepareButton(), Qt::LeftButton);
    ParityPanel *panel = dialog.panel();
    QVERIFY(panel->isEnabled());
    picture(&dialog, QStringLiteral("parity-dialog"));
    QSignalSpy finished(panel->check(), &ParityCheck::finished);
    QTest::mouseClick(panel->runButton(), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.last().first().toBool(), false);
    // The old model was asked first; its answers are the references.
    QCOMPARE(panel->check()->oldModelName(), test::kBaseModel);
    QCOMPARE(panel->check()->results().doneCount(), 6);
    QTest::mouseClick(panel->reportButton(), Qt::LeftButton);
    QVERIFY(panel->hasReport());
    QVERIFY(QFile::exists(ParityCheck::reportPathFor(prompts)));
    picture(&dialog, QStringLiteral("parity-dialog-report"));
    if (!test::screenshotDir().isEmpty())
        QFile::copy(ParityCheck::reportPathFor(prompts),
                QDir(test::screenshotDir()).filePath(QStringLiteral("parity-report.html")));
}

void tst_MoveWizard::bannerActionOpensOrResumesTheMove()
{
    MainWindow window(m_fixture.store.get(), m_fixture.secrets.get(), m_fixture.nam.get());
    const Areas areas = installAreas(&window);
    QVERIFY(areas.move);
    const QString storePath = m_fixture.dir.filePath(QStringLiteral("banner.sqlite"));
    areas.move->setStorePath(storePath);
    // Tools → Move…/Parity Check…, and the Playground's button.
    QVERIFY(window.findChild<QAction *>(QStringLiteral("moveAction")));
    QVERIFY(window.findChild<QAction *>(QStringLiteral("parityAction")));
    QVERIFY(areas.playground->findChild<QPushButton *>(QStringLiteral("playgroundParityButton")));

    // The retirement banner's action: the model and the name of its connection.
    const QString sandboxName = m_fixture.store->connection(ConnectionStore::sandboxId())->name;
    areas.move->keepBehaviour(m_fixture.fineTuned, sandboxName);
    QPointer<MoveWizard> wizard = areas.move->wizard();
    QVERIFY(wizard);
    QVERIFY(wizard->isVisible());
    QCOMPARE(wizard->currentId(), int(MoveWizard::CapturePage));
    QCOMPARE(wizard->state().sourceModel, m_fixture.fineTuned);
    QCOMPARE(wizard->state().sourceConnectionId, ConnectionStore::sandboxId());
    // The old job's settings come from the job history.
    JobHistory history(ConnectionStore::sandboxId());
    QVERIFY(history.open());
    const std::optional<FineTuningJob> job = history.job(m_fixture.jobId);
    QVERIFY(job);
    QCOMPARE(wizard->state().sourceSettings.hyperparameters.nEpochs.isAuto,
            job->hyperparameters.nEpochs.isAuto);
    QCOMPARE(wizard->state().sourceSettings.hyperparameters.nEpochs.value,
            job->hyperparameters.nEpochs.value);

    // Left after the capture step: the same action resumes there.
    MigrationState state = wizard->state();
    QCOMPARE(MigrationFlow::useCapture(&state, writePrompts(QStringLiteral("banner.jsonl"), 20)),
            QString());
    {
        MigrationStore store;
        QVERIFY(store.open(storePath));
        QVERIFY(store.save(state));
    }
    wizard->close();
    QTRY_VERIFY(!wizard);
    areas.move->keepBehaviour(m_fixture.fineTuned, sandboxName);
    QVERIFY(areas.move->wizard());
    QCOMPARE(areas.move->wizard()->state().id, state.id);
    QCOMPARE(areas.move->wizard()->currentId(), int(MoveWizard::SplitPage));
    areas.move->wizard()->close();
}

QTEST_MAIN(tst_MoveWizard)
#include "tst_movewizard.moc"
