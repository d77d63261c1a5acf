// SPDX-License-Identifier: GPL-3.0-or-later
// "Move to Another Service": the flow's rules step by step, and its state kept in the job
// history so that it resumes at each step.
#include "costestimate.h"
#include "filevalidation.h"
#include "jobhistory.h"
#include "migrationflow.h"
#include "migrationstore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace fs;
using Step = MigrationState::Step;

class tst_MigrationFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void resumesAtEachStep();
    void resumeGoesBackWhenFilesAreGone();
    void captureTooSmallOrWithErrorsIsRefused();
    void splitNeedsEnoughOnBothSides();
    void targetOutOfRangeIsRefusedWithASentence();
    void failedTrainingStaysOnTrain();
    void openAiTargetSkipsDeployment();
    void storeSharesTheJobHistoryFile();
    void goBackAndStatusText();
    void priceAsTheNewJobFormSaysIt();

private:
    QString writeCapture(const QString &name, int count, bool withError = false);
    static FineTuningJob oldJob();

    std::unique_ptr<QTemporaryDir> m_dir;
    const QString m_llama = QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference");
};

void tst_MigrationFlow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString tst_MigrationFlow::writeCapture(const QString &name, int count, bool withError)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    for (int i = 0; i < count; ++i) {
        QJsonArray messages {
                QJsonObject {{QStringLiteral("role"), QStringLiteral("system")},
                        {QStringLiteral("content"), QStringLiteral("You are a support bot.")}},
                QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                        {QStringLiteral("content"), QStringLiteral("Question number %1?").arg(i)}},
                QJsonObject {{QStringLiteral("role"),
                                     withError && i == 3 ? QStringLiteral("robot")
                                                         : QStringLiteral("assistant")},
                        {QStringLiteral("content"), QStringLiteral("Answer number %1.").arg(i)}}};
        file.write(QJsonDocument(QJsonObject {{QStringLiteral("messages"), messages}})
                           .toJson(QJsonDocument::Compact)
                + '\n');
    }
    return path;
}

FineTuningJob tst_MigrationFlow::oldJob()
{
    FineTuningJob job;
    job.id = QStringLiteral("ftjob-old");
    job.model = QStringLiteral("gpt-4o-mini-2024-07-18");
    job.fineTunedModel = QStringLiteral("ft:gpt-4o-mini-2024-07-18:org::abc");
    job.hyperparameters.nEpochs.isAuto = false;
    job.hyperparameters.nEpochs.value = 3;
    job.hyperparameters.learningRateMultiplier.isAuto = false;
    job.hyperparameters.learningRateMultiplier.value = 2;
    return job;
}

void tst_MigrationFlow::resumesAtEachStep()
{
    const QString db = m_dir->filePath(QStringLiteral("history.sqlite"));
    MigrationState state = MigrationFlow::begin(
            QStringLiteral("conn-openai"), ProviderKind::OpenAI, oldJob().fineTunedModel, oldJob());
    QCOMPARE(state.step, Step::Capture);
    QCOMPARE(state.targetProvider, ProviderKind::Together);

    // Each step is stored, and a new store on the same file (the app restarted) finds it there.
    const auto storedAndResumed = [&db](const MigrationState &expected) {
        {
            MigrationStore store;
            if (!store.open(db) || !store.save(expected))
                return false;
        }
        MigrationStore reopened;
        if (!reopened.open(db))
            return false;
        const std::optional<MigrationState> loaded = reopened.load(expected.id);
        return loaded && *loaded == expected && MigrationFlow::resumeStep(*loaded) == expected.step;
    };
    QVERIFY(storedAndResumed(state));

    const QString capture = writeCapture(QStringLiteral("support.jsonl"), 30);
    QCOMPARE(MigrationFlow::useCapture(&state, capture), QString());
    QCOMPARE(state.step, Step::Split);
    QCOMPARE(state.captureExamples, 30);
    QVERIFY(storedAndResumed(state));

    QCOMPARE(MigrationFlow::lintAndSplit(&state, 0.2, 7), QString());
    QCOMPARE(state.step, Step::Target);
    QCOMPARE(state.trainingExamples, 24);
    QCOMPARE(state.heldOutExamples, 6);
    QVERIFY(QFile::exists(state.trainingPath));
    QVERIFY(QFile::exists(state.heldOutPath));
    QVERIFY(state.heldOutPath.endsWith(QLatin1String("support.held-out.jsonl")));
    QVERIFY(storedAndResumed(state));

    QCOMPARE(MigrationFlow::chooseTarget(
                     &state, QStringLiteral("conn-together"), ProviderKind::Together, m_llama),
            QString());
    QCOMPARE(state.step, Step::Train);
    QVERIFY(state.needsDeployment);
    // The old job's multiplier 2 → Together's usual 0.00001 × 2.
    QCOMPARE(*state.targetSettings.settings.learningRate, 0.00002);
    QCOMPARE(state.targetSettings.hyperparameters.nEpochs.value, 3.0);
    QCOMPARE(state.targetSettings.settings.type, TrainingSettings::Type::Lora);
    QVERIFY(storedAndResumed(state));

    MigrationFlow::trainingStarted(&state, QStringLiteral("file-1"), QStringLiteral("ft-1"));
    QCOMPARE(MigrationFlow::jobRequest(state).trainingFile, QStringLiteral("file-1"));
    QCOMPARE(MigrationFlow::jobRequest(state).model, m_llama);
    QVERIFY(storedAndResumed(state));
    FineTuningJob running;
    running.id = QStringLiteral("ft-1");
    running.status = FineTuningJob::Status::Running;
    QCOMPARE(MigrationFlow::trainingUpdate(&state, running), QString());
    QCOMPARE(state.step, Step::Train);
    FineTuningJob done = running;
    done.status = FineTuningJob::Status::Succeeded;
    done.fineTunedModel = QStringLiteral("sandbox/llama:move:ft-1");
    QCOMPARE(MigrationFlow::trainingUpdate(&state, done), QString());
    QCOMPARE(state.step, Step::Deploy);
    QVERIFY(storedAndResumed(state));

    QCOMPARE(MigrationFlow::deployed(&state, QStringLiteral("endpoint-1"),
                     QStringLiteral("sandbox/llama:move:ft-1-endpoint")),
            QString());
    QCOMPARE(state.step, Step::Parity);
    QVERIFY(storedAndResumed(state));

    const QString report = m_dir->filePath(QStringLiteral("support.held-out.parity.html"));
    QFile file(report);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("<html></html>");
    file.close();
    QCOMPARE(MigrationFlow::parityChecked(&state, report, 1), QString());
    QCOMPARE(state.step, Step::Done);
    QVERIFY(storedAndResumed(state));

    MigrationStore store;
    QVERIFY(store.open(db));
    QCOMPARE(store.all().size(), 1);
    QVERIFY(!store.unfinishedFor(state.sourceModel));
}

void tst_MigrationFlow::resumeGoesBackWhenFilesAreGone()
{
    MigrationState state =
            MigrationFlow::begin(QStringLiteral("c"), ProviderKind::OpenAI, QStringLiteral("m"));
    const QString capture = writeCapture(QStringLiteral("gone.jsonl"), 20);
    QCOMPARE(MigrationFlow::useCapture(&state, capture), QString());
    QCOMPARE(MigrationFlow::lintAndSplit(&state, 0.25, 1), QString());
    QCOMPARE(MigrationFlow::chooseTarget(
                     &state, QStringLiteral("t"), ProviderKind::Together, m_llama),
            QString());
    QCOMPARE(MigrationFlow::resumeStep(state), Step::Train);
    QVERIFY(QFile::remove(state.heldOutPath));
    QCOMPARE(MigrationFlow::resumeStep(state), Step::Split);
    QVERIFY(QFile::remove(capture));
    QCOMPARE(MigrationFlow::resumeStep(state), Step::Capture);
}

void tst_MigrationFlow::captureTooSmallOrWithErrorsIsRefused()
{
    MigrationState state =
            MigrationFlow::begin(QStringLiteral("c"), ProviderKind::OpenAI, QStringLiteral("m"));
    // 10 to train on and 5 to check with: 14 is one too few.
    const QString small = writeCapture(QStringLiteral("small.jsonl"), 14);
    const QString problem = MigrationFlow::useCapture(&state, small);
    QVERIFY2(problem.contains(QLatin1String("at least 15")), qPrintable(problem));
    QCOMPARE(state.step, Step::Capture);
    QCOMPARE(state.lastError, problem);
    QCOMPARE(MigrationFlow::useCapture(&state, writeCapture(QStringLiteral("ok.jsonl"), 15)),
            QString());
    QVERIFY(state.lastError.isEmpty());

    const QString broken = writeCapture(QStringLiteral("broken.jsonl"), 30, true);
    QCOMPARE(MigrationFlow::useCapture(&state, broken), QString());
    const QString lint = MigrationFlow::lintAndSplit(&state);
    QVERIFY2(lint.contains(QLatin1String("Datasets area")), qPrintable(lint));
    QCOMPARE(state.step, Step::Split);
    QVERIFY(state.trainingPath.isEmpty());
}

void tst_MigrationFlow::splitNeedsEnoughOnBothSides()
{
    MigrationState state =
            MigrationFlow::begin(QStringLiteral("c"), ProviderKind::OpenAI, QStringLiteral("m"));
    QCOMPARE(MigrationFlow::useCapture(&state, writeCapture(QStringLiteral("s.jsonl"), 20)),
            QString());
    // 20 × 0.2 = 4 kept back: too few to check with.
    QVERIFY(!MigrationFlow::lintAndSplit(&state, 0.2, 1).isEmpty());
    QCOMPARE(state.step, Step::Split);
    // 20 × 0.25 = 5: enough, 15 to train on.
    QCOMPARE(MigrationFlow::lintAndSplit(&state, 0.25, 1), QString());
    QCOMPARE(state.heldOutExamples, 5);
    QCOMPARE(state.trainingExamples, 15);
    // Training and held-out parts are disjoint and hold every example.
    QFile training(state.trainingPath);
    QFile heldOut(state.heldOutPath);
    QVERIFY(training.open(QIODevice::ReadOnly) && heldOut.open(QIODevice::ReadOnly));
    const QList<QByteArray> a = training.readAll().split('\n');
    const QList<QByteArray> b = heldOut.readAll().split('\n');
    QSet<QByteArray> lines;
    for (const QByteArray &line : a + b) {
        if (!line.isEmpty())
            lines.insert(line);
    }
    QCOMPARE(lines.size(), 20);
}

void tst_MigrationFlow::targetOutOfRangeIsRefusedWithASentence()
{
    FineTuningJob job = oldJob();
    job.hyperparameters.nEpochs.value = 40; // OpenAI allows 50, Together 20
    MigrationState state = MigrationFlow::begin(
            QStringLiteral("c"), ProviderKind::OpenAI, job.fineTunedModel, job);
    QCOMPARE(MigrationFlow::useCapture(&state, writeCapture(QStringLiteral("r.jsonl"), 30)),
            QString());
    QCOMPARE(MigrationFlow::lintAndSplit(&state), QString());
    const QString refused = MigrationFlow::chooseTarget(
            &state, QStringLiteral("t"), ProviderKind::Together, m_llama);
    QVERIFY2(refused.contains(QLatin1String("Together AI allows epochs 1 to 20")),
            qPrintable(refused));
    QCOMPARE(state.step, Step::Target);
    // With "use the nearest allowed value" it goes on, at 20 epochs.
    QCOMPARE(MigrationFlow::chooseTarget(
                     &state, QStringLiteral("t"), ProviderKind::Together, m_llama, true),
            QString());
    QCOMPARE(state.targetSettings.hyperparameters.nEpochs.value, 20.0);
    QVERIFY(state.clampToRange);
    // No model chosen: refused.
    MigrationState other = state;
    QVERIFY(MigrationFlow::goBack(&other, Step::Target));
    QVERIFY(!MigrationFlow::chooseTarget(&other, QStringLiteral("t"), ProviderKind::Together, {})
                     .isEmpty());
}

void tst_MigrationFlow::failedTrainingStaysOnTrain()
{
    MigrationState state =
            MigrationFlow::begin(QStringLiteral("c"), ProviderKind::OpenAI, QStringLiteral("m"));
    QCOMPARE(MigrationFlow::useCapture(&state, writeCapture(QStringLiteral("f.jsonl"), 30)),
            QString());
    QCOMPARE(MigrationFlow::lintAndSplit(&state), QString());
    QCOMPARE(MigrationFlow::chooseTarget(
                     &state, QStringLiteral("t"), ProviderKind::Together, m_llama),
            QString());
    MigrationFlow::trainingStarted(&state, QStringLiteral("file-1"), QStringLiteral("ft-1"));
    FineTuningJob other;
    other.id = QStringLiteral("ft-other");
    other.status = FineTuningJob::Status::Succeeded;
    QCOMPARE(MigrationFlow::trainingUpdate(&state, other), QString()); // not ours
    QCOMPARE(state.step, Step::Train);
    FineTuningJob failed;
    failed.id = QStringLiteral("ft-1");
    failed.status = FineTuningJob::Status::Failed;
    failed.error = JobError {};
    failed.error->message = QStringLiteral("The training file has too few examples.");
    const QString problem = MigrationFlow::trainingUpdate(&state, failed);
    QVERIFY(problem.contains(failed.error->message));
    QCOMPARE(state.step, Step::Train);
    QVERIFY(state.jobId.isEmpty());
    QCOMPARE(state.trainingFileId, QStringLiteral("file-1")); // the upload is kept
}

void tst_MigrationFlow::openAiTargetSkipsDeployment()
{
    CreateJobRequest together;
    together.settings.type = TrainingSettings::Type::Lora;
    together.settings.loraRank = 16;
    together.settings.learningRate = 0.00001;
    FineTuningJob job;
    job.settings = together.settings;
    MigrationState state = MigrationFlow::begin(
            QStringLiteral("c"), ProviderKind::Together, QStringLiteral("acct/llama:x:ft-9"), job);
    QCOMPARE(state.targetProvider, ProviderKind::OpenAI);
    QCOMPARE(MigrationFlow::useCapture(&state, writeCapture(QStringLiteral("o.jsonl"), 30)),
            QString());
    QCOMPARE(MigrationFlow::lintAndSplit(&state), QString());
    QCOMPARE(MigrationFlow::chooseTarget(&state, QStringLiteral("o"), ProviderKind::OpenAI,
                     QStringLiteral("gpt-4.1-mini-2025-04-14")),
            QString());
    QVERIFY(!state.needsDeployment);
    QCOMPARE(state.targetSettings.hyperparameters.learningRateMultiplier.value, 1.0);
    QVERIFY(!state.targetSettings.settings.loraRank.has_value());
    MigrationFlow::trainingStarted(&state, QStringLiteral("file-1"), QStringLiteral("ftjob-1"));
    FineTuningJob done;
    done.id = QStringLiteral("ftjob-1");
    done.status = FineTuningJob::Status::Succeeded;
    done.fineTunedModel = QStringLiteral("ft:gpt-4.1-mini-2025-04-14:sandbox::x");
    QCOMPARE(MigrationFlow::trainingUpdate(&state, done), QString());
    QCOMPARE(state.step, Step::Parity);
}

void tst_MigrationFlow::storeSharesTheJobHistoryFile()
{
    const QString db = m_dir->filePath(QStringLiteral("job-history.sqlite"));
    {
        JobHistory history(QStringLiteral("conn"));
        QVERIFY(history.open(db));
        QVERIFY(history.saveJob(oldJob()));
    }
    MigrationState state = MigrationFlow::begin(
            QStringLiteral("conn"), ProviderKind::OpenAI, oldJob().fineTunedModel);
    {
        MigrationStore store;
        QVERIFY(store.open(db));
        QVERIFY(store.save(state));
        QCOMPARE(store.unfinishedFor(state.sourceModel)->id, state.id);
    }
    JobHistory history(QStringLiteral("conn"));
    QVERIFY(history.open(db));
    QCOMPARE(history.schemaVersion(), JobHistory::kSchemaVersion);
    QCOMPARE(history.jobs().size(), 1);
    MigrationStore store;
    QVERIFY(store.open(db));
    QVERIFY(store.remove(state.id));
    QVERIFY(store.all().isEmpty());
}

void tst_MigrationFlow::goBackAndStatusText()
{
    MigrationState state =
            MigrationFlow::begin(QStringLiteral("c"), ProviderKind::OpenAI, QStringLiteral("old"));
    QVERIFY(MigrationFlow::statusText(state).contains(QLatin1String("capture")));
    QCOMPARE(MigrationFlow::useCapture(&state, writeCapture(QStringLiteral("g.jsonl"), 30)),
            QString());
    QVERIFY(!MigrationFlow::goBack(&state, Step::Target)); // not reached yet
    QVERIFY(MigrationFlow::goBack(&state, Step::Capture));
    QCOMPARE(state.step, Step::Capture);
    QCOMPARE(MigrationFlow::steps().size(), 6);
    for (const Step step : MigrationFlow::steps())
        QVERIFY(!MigrationFlow::stepTitle(step).isEmpty());
}

void tst_MigrationFlow::priceAsTheNewJobFormSaysIt()
{
    FineTuningJob job = oldJob(); // 3 epochs
    MigrationState state =
            MigrationFlow::begin(QStringLiteral("c"), ProviderKind::Together, QStringLiteral("x"));
    QCOMPARE(MigrationFlow::useCapture(&state, writeCapture(QStringLiteral("p.jsonl"), 30)),
            QString());
    QCOMPARE(MigrationFlow::lintAndSplit(&state), QString());
    state.sourceSettings = HyperparameterMap::requestFrom(job);
    state.sourceProvider = ProviderKind::OpenAI;
    const QString model = QStringLiteral("gpt-4.1-mini-2025-04-14");
    QCOMPARE(MigrationFlow::chooseTarget(&state, QStringLiteral("o"), ProviderKind::OpenAI, model),
            QString());
    PriceTable prices;
    QVERIFY(prices.setPrice(model, 5.0));
    // The same figure as CostEstimate over the training part's token counts.
    LintOptions options;
    options.model = model;
    FileValidation validation;
    QVERIFY(!validateFile(state.trainingPath, options, &validation).isError());
    QList<qint32> tokens;
    for (const ExampleCounts &counts : std::as_const(validation.counts))
        tokens.append(counts.tokens);
    const CostEstimate estimate = CostEstimate::compute(tokens, model, 5.0, 3);
    const QString text = MigrationFlow::priceText(state, prices);
    QVERIFY2(text.contains(formatCostUsd(estimate.costUsd, QLocale())), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("× 3 epochs")));
    // Together states its own price after the upload.
    state.targetProvider = ProviderKind::Together;
    state.targetModel = m_llama;
    QVERIFY(MigrationFlow::priceText(state, prices).contains(QLatin1String("once the training")));
}

QTEST_GUILESS_MAIN(tst_MigrationFlow)
#include "tst_migrationflow.moc"
