// SPDX-License-Identifier: GPL-3.0-or-later
#include "hyperparametermap.h"
#include "modelregistry.h"

#include <QTest>

#include <cmath>

using namespace fs;
using Name = HyperparameterRule::Name;

class tst_HyperparameterMap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void autoStaysAutoForEveryPair_data();
    void autoStaysAutoForEveryPair();
    void openAiMultiplierBecomesTogethersRate();
    void togethersRateBecomesAMultiplier();
    void multiplierKeptBetweenOpenAiAndAzure();
    void epochsAtTheEdges_data();
    void epochsAtTheEdges();
    void outOfRangeClampedOnRequest();
    void learningRateZeroIsRefusedEvenClamped();
    void loraStartsAtTogethersDefaults();
    void loraLeftOutOnOpenAi();
    void togetherToTogetherKeepsEverything();
    void dpoBetaCarriesOver();
    void everyRowIsExplained();
    void fireworksPairs_data();
    void fireworksPairs();
    void requestFromAFinishedJob();
};

namespace {

const MappedSetting *row(const HyperparameterMapping &mapping, Name name)
{
    for (const MappedSetting &setting : mapping.settings) {
        if (setting.name == name && !setting.label.isEmpty()
                && setting.label != QLatin1String("Training type"))
            return &setting;
    }
    return nullptr;
}

Hyperparameter number(double value)
{
    Hyperparameter h;
    h.isAuto = false;
    h.value = value;
    return h;
}

CreateJobRequest openAiJob(double multiplier, double epochs, double batch)
{
    CreateJobRequest request;
    request.model = QStringLiteral("gpt-4.1-mini-2025-04-14");
    request.hyperparameters.learningRateMultiplier = number(multiplier);
    request.hyperparameters.nEpochs = number(epochs);
    request.hyperparameters.batchSize = number(batch);
    return request;
}

} // namespace

void tst_HyperparameterMap::autoStaysAutoForEveryPair_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    const QList<ProviderKind> known = {
            ProviderKind::OpenAI, ProviderKind::AzureOpenAI, ProviderKind::Together};
    for (const ProviderKind from : known) {
        for (const ProviderKind to : known) {
            QTest::addRow("%d->%d", int(from), int(to)) << int(from) << int(to);
        }
    }
}

void tst_HyperparameterMap::autoStaysAutoForEveryPair()
{
    QFETCH(int, from);
    QFETCH(int, to);
    const HyperparameterMapping mapping =
            HyperparameterMap::map(CreateJobRequest(), ProviderKind(from), ProviderKind(to));
    QVERIFY2(mapping.isAcceptable(), qPrintable(mapping.problems().join(QLatin1Char('\n'))));
    const CreateJobRequest &r = mapping.request;
    QVERIFY(r.hyperparameters.nEpochs.isAuto);
    QVERIFY(r.hyperparameters.batchSize.isAuto);
    QVERIFY(r.hyperparameters.learningRateMultiplier.isAuto);
    QVERIFY(!r.settings.learningRate.has_value());
    const MappedSetting *epochs = row(mapping, Name::Epochs);
    QVERIFY(epochs);
    QCOMPARE(epochs->fromText, QStringLiteral("Automatic"));
    QVERIFY(epochs->toText.startsWith(QLatin1String("Automatic")));
    if (ProviderKind(to) == ProviderKind::Together) {
        QCOMPARE(epochs->toText, QStringLiteral("Automatic (1)")); // Together's default
        if (ProviderKind(from) != ProviderKind::Together) {
            QCOMPARE(r.settings.type, TrainingSettings::Type::Lora);
            QCOMPARE(r.settings.loraRank, std::optional<int>(8)); // needs a number
        }
    }
}

void tst_HyperparameterMap::openAiMultiplierBecomesTogethersRate()
{
    const HyperparameterMapping mapping = HyperparameterMap::map(
            openAiJob(0.5, 3, 8), ProviderKind::OpenAI, ProviderKind::Together);
    QVERIFY(mapping.isAcceptable());
    // Together's default 0.00001 × 0.5
    QVERIFY(mapping.request.settings.learningRate.has_value());
    QCOMPARE(*mapping.request.settings.learningRate, 0.000005);
    QVERIFY(mapping.request.hyperparameters.learningRateMultiplier.isAuto);
    const MappedSetting *rate = row(mapping, Name::LearningRate);
    QVERIFY(rate);
    QCOMPARE(rate->fromText, QStringLiteral("0.5 (multiplier)"));
    QCOMPARE(rate->toText, QStringLiteral("0.000005"));
    QVERIFY2(rate->explanation.contains(QLatin1String("0.00001")), qPrintable(rate->explanation));
    QVERIFY(rate->explanation.contains(QLatin1String("Together AI")));
    QCOMPARE(mapping.request.hyperparameters.nEpochs.value, 3.0);
    QCOMPARE(mapping.request.hyperparameters.batchSize.value, 8.0);

    // The upper edge: Together's rate stops at 0.01 → a multiplier of 1000 is the largest.
    QVERIFY(HyperparameterMap::map(
            openAiJob(1000, 3, 8), ProviderKind::OpenAI, ProviderKind::Together)
                    .isAcceptable());
    const HyperparameterMapping tooHigh = HyperparameterMap::map(
            openAiJob(1001, 3, 8), ProviderKind::OpenAI, ProviderKind::Together);
    QCOMPARE(tooHigh.problems().size(), 1);
    QVERIFY2(tooHigh.problems().first().contains(QLatin1String("Together AI allows learning rate")),
            qPrintable(tooHigh.problems().first()));
    QVERIFY(!tooHigh.request.settings.learningRate.has_value()); // left automatic
}

void tst_HyperparameterMap::togethersRateBecomesAMultiplier()
{
    CreateJobRequest together;
    together.model = QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference");
    together.settings.type = TrainingSettings::Type::Lora;
    together.settings.loraRank = 16;
    together.settings.learningRate = 0.00002;
    for (const ProviderKind to : {ProviderKind::OpenAI, ProviderKind::AzureOpenAI}) {
        const HyperparameterMapping mapping =
                HyperparameterMap::map(together, ProviderKind::Together, to);
        QVERIFY(mapping.isAcceptable());
        QCOMPARE(mapping.request.hyperparameters.learningRateMultiplier.isAuto, false);
        QCOMPARE(mapping.request.hyperparameters.learningRateMultiplier.value, 2.0);
        QVERIFY(!mapping.request.settings.learningRate.has_value());
        const MappedSetting *rate = row(mapping, Name::LearningRateMultiplier);
        QVERIFY(rate);
        QCOMPARE(rate->toText, QStringLiteral("2"));
    }
}

void tst_HyperparameterMap::multiplierKeptBetweenOpenAiAndAzure()
{
    const HyperparameterMapping there = HyperparameterMap::map(
            openAiJob(1.8, 50, 256), ProviderKind::OpenAI, ProviderKind::AzureOpenAI);
    QVERIFY(there.isAcceptable());
    QCOMPARE(there.request.hyperparameters.learningRateMultiplier.value, 1.8);
    QCOMPARE(there.request.hyperparameters.nEpochs.value, 50.0);
    QCOMPARE(there.request.hyperparameters.batchSize.value, 256.0);
    QCOMPARE(there.request.settings.type, TrainingSettings::Type::Default);
    const HyperparameterMapping back =
            HyperparameterMap::map(there.request, ProviderKind::AzureOpenAI, ProviderKind::OpenAI);
    QVERIFY(back.isAcceptable());
    QCOMPARE(back.request.hyperparameters.learningRateMultiplier.value, 1.8);
}

void tst_HyperparameterMap::epochsAtTheEdges_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<double>("epochs");
    QTest::addColumn<bool>("accepted");
    const int openAi = int(ProviderKind::OpenAI);
    const int azure = int(ProviderKind::AzureOpenAI);
    const int together = int(ProviderKind::Together);
    // OpenAI allows 1 to 50, Together 1 to 20 (registry).
    QTest::newRow("openai 20 -> together") << openAi << together << 20.0 << true;
    QTest::newRow("openai 21 -> together") << openAi << together << 21.0 << false;
    QTest::newRow("azure 50 -> together") << azure << together << 50.0 << false;
    QTest::newRow("together 20 -> openai") << together << openAi << 20.0 << true;
    QTest::newRow("together 1 -> azure") << together << azure << 1.0 << true;
    QTest::newRow("openai 50 -> azure") << openAi << azure << 50.0 << true;
    QTest::newRow("openai 51 -> azure") << openAi << azure << 51.0 << false;
    QTest::newRow("openai 0 -> together") << openAi << together << 0.0 << false;
}

void tst_HyperparameterMap::epochsAtTheEdges()
{
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(double, epochs);
    QFETCH(bool, accepted);
    CreateJobRequest source;
    Hyperparameter value = number(epochs);
    JobFormRules::setValue(&source, Name::Epochs, value);
    const HyperparameterMapping mapping =
            HyperparameterMap::map(source, ProviderKind(from), ProviderKind(to));
    QCOMPARE(mapping.isAcceptable(), accepted);
    const MappedSetting *epochsRow = row(mapping, Name::Epochs);
    QVERIFY(epochsRow);
    if (accepted) {
        QCOMPARE(mapping.request.hyperparameters.nEpochs.value, epochs);
        QVERIFY(epochsRow->problem.isEmpty());
    } else {
        QVERIFY(mapping.request.hyperparameters.nEpochs.isAuto);
        // A sentence naming the service and its range.
        QVERIFY2(epochsRow->problem.contains(
                         ModelRegistry::provider(ProviderKind(to)).displayName()),
                qPrintable(epochsRow->problem));
        QVERIFY(epochsRow->problem.contains(QLatin1String(" to ")));
        QVERIFY(epochsRow->problem.endsWith(QLatin1Char('.')));
    }
}

void tst_HyperparameterMap::outOfRangeClampedOnRequest()
{
    HyperparameterMap::Options options;
    options.clampToRange = true;
    const HyperparameterMapping mapping = HyperparameterMap::map(
            openAiJob(2000, 50, 8), ProviderKind::OpenAI, ProviderKind::Together, options);
    QVERIFY2(mapping.isAcceptable(), qPrintable(mapping.problems().join(QLatin1Char('\n'))));
    QCOMPARE(mapping.request.hyperparameters.nEpochs.value, 20.0);
    QCOMPARE(*mapping.request.settings.learningRate, 0.01);
    QVERIFY(row(mapping, Name::Epochs)->explanation.contains(QLatin1String("nearest allowed")));
}

void tst_HyperparameterMap::learningRateZeroIsRefusedEvenClamped()
{
    HyperparameterMap::Options options;
    options.clampToRange = true;
    const HyperparameterMapping mapping = HyperparameterMap::map(
            openAiJob(0, 3, 8), ProviderKind::OpenAI, ProviderKind::Together, options);
    QCOMPARE(mapping.problems().size(), 1);
    QVERIFY(mapping.problems().first().contains(QLatin1String("more than 0")));
}

void tst_HyperparameterMap::loraStartsAtTogethersDefaults()
{
    const HyperparameterMapping mapping = HyperparameterMap::map(
            openAiJob(1, 3, 8), ProviderKind::OpenAI, ProviderKind::Together);
    QCOMPARE(mapping.request.settings.type, TrainingSettings::Type::Lora);
    QCOMPARE(mapping.request.settings.loraRank, std::optional<int>(8));
    QVERIFY(!mapping.request.settings.loraAlpha.has_value()); // automatic: twice the rank
    QVERIFY(!mapping.request.settings.loraDropout.has_value());
    const MappedSetting *rank = row(mapping, Name::LoraRank);
    QVERIFY(rank);
    QCOMPARE(rank->toText, QStringLiteral("8"));
    QVERIFY(rank->explanation.contains(QLatin1String("OpenAI has no such setting")));
    QCOMPARE(row(mapping, Name::LoraAlpha)->toText, QStringLiteral("Automatic (twice the rank)"));
    // The result passes the New-job form's own checks on Together.
    CreateJobRequest request = mapping.request;
    request.model = QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference");
    request.trainingFile = QStringLiteral("file-1");
    QVERIFY(JobFormRules::validate(request, ProviderKind::Together).isEmpty());
}

void tst_HyperparameterMap::loraLeftOutOnOpenAi()
{
    CreateJobRequest together;
    together.settings.type = TrainingSettings::Type::Full;
    together.settings.loraRank = 16; // not applying to full training: not mentioned
    together.settings.nEvals = 4;
    const HyperparameterMapping full =
            HyperparameterMap::map(together, ProviderKind::Together, ProviderKind::OpenAI);
    QVERIFY(full.isAcceptable());
    QCOMPARE(full.request.settings.type, TrainingSettings::Type::Default);
    QVERIFY(!row(full, Name::LoraRank));
    const MappedSetting *evals = row(full, Name::Evaluations);
    QVERIFY(evals);
    QVERIFY(evals->leftOut);
    QCOMPARE(evals->toText, QStringLiteral("Left out"));
    QVERIFY(!full.request.settings.nEvals.has_value());

    together.settings.type = TrainingSettings::Type::Lora;
    const HyperparameterMapping lora =
            HyperparameterMap::map(together, ProviderKind::Together, ProviderKind::AzureOpenAI);
    QVERIFY(row(lora, Name::LoraRank)->leftOut);
    QVERIFY(!lora.request.settings.loraRank.has_value());
    // The OpenAI dialect refuses TrainingSettings: nothing of them may remain.
    CreateJobRequest request = lora.request;
    request.model = QStringLiteral("gpt-4.1-mini-2025-04-14");
    request.trainingFile = QStringLiteral("file-1");
    QVERIFY(JobFormRules::validate(request, ProviderKind::OpenAI).isEmpty());
}

void tst_HyperparameterMap::togetherToTogetherKeepsEverything()
{
    CreateJobRequest together;
    together.settings.type = TrainingSettings::Type::Lora;
    together.settings.loraRank = 64;
    together.settings.loraAlpha = 1024;
    together.settings.loraDropout = 0.5;
    together.settings.learningRate = 0.01;
    const HyperparameterMapping mapping =
            HyperparameterMap::map(together, ProviderKind::Together, ProviderKind::Together);
    QVERIFY(mapping.isAcceptable());
    QCOMPARE(mapping.request.settings.loraRank, std::optional<int>(64));
    QCOMPARE(mapping.request.settings.loraAlpha, std::optional<int>(1024));
    QCOMPARE(mapping.request.settings.loraDropout, std::optional<double>(0.5));
    QCOMPARE(mapping.request.settings.learningRate, std::optional<double>(0.01));
}

void tst_HyperparameterMap::dpoBetaCarriesOver()
{
    CreateJobRequest dpo;
    dpo.methodType = QStringLiteral("dpo");
    dpo.hyperparameters.beta = number(2);
    HyperparameterMapping mapping =
            HyperparameterMap::map(dpo, ProviderKind::OpenAI, ProviderKind::Together);
    QVERIFY(mapping.isAcceptable());
    QCOMPARE(mapping.request.methodType, QStringLiteral("dpo"));
    QCOMPARE(mapping.request.hyperparameters.beta.value, 2.0);
    dpo.hyperparameters.beta = number(2.5);
    mapping = HyperparameterMap::map(dpo, ProviderKind::OpenAI, ProviderKind::Together);
    QCOMPARE(mapping.problems().size(), 1);
}

void tst_HyperparameterMap::everyRowIsExplained()
{
    const QList<ProviderKind> known = {
            ProviderKind::OpenAI, ProviderKind::AzureOpenAI, ProviderKind::Together};
    CreateJobRequest source = openAiJob(0.1, 2, 4);
    for (const ProviderKind from : known) {
        for (const ProviderKind to : known) {
            const HyperparameterMapping mapping = HyperparameterMap::map(source, from, to);
            QVERIFY(!mapping.settings.isEmpty());
            for (const MappedSetting &setting : mapping.settings) {
                QVERIFY2(!setting.explanation.isEmpty() || !setting.problem.isEmpty(),
                        qPrintable(setting.label));
                QVERIFY(!setting.label.isEmpty());
                QVERIFY(!setting.toText.isEmpty());
            }
        }
    }
}

void tst_HyperparameterMap::fireworksPairs_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    for (const ProviderKind other :
            {ProviderKind::OpenAI, ProviderKind::AzureOpenAI, ProviderKind::Together}) {
        QTest::addRow("fireworks->%d", int(other)) << int(ProviderKind::Fireworks) << int(other);
        QTest::addRow("%d->fireworks", int(other)) << int(other) << int(ProviderKind::Fireworks);
    }
}

void tst_HyperparameterMap::fireworksPairs()
{
    QFETCH(int, from);
    QFETCH(int, to);
    const HyperparameterMapping automatic =
            HyperparameterMap::map(CreateJobRequest(), ProviderKind(from), ProviderKind(to));
    // The registry carries Fireworks' ranges (resources/models): a data change that loses them
    // fails here rather than turning every move to or from Fireworks into a refusal.
    QVERIFY(HyperparameterMap::knowsSettings(ProviderKind::Fireworks));
    // With its data: automatic stays automatic, and an epoch count beyond its range is refused.
    QVERIFY2(automatic.isAcceptable(), qPrintable(automatic.problems().join(QLatin1Char(' '))));
    CreateJobRequest source;
    JobFormRules::setValue(&source, Name::Epochs, number(1e6));
    const HyperparameterMapping tooMany =
            HyperparameterMap::map(source, ProviderKind(from), ProviderKind(to));
    QVERIFY(!tooMany.isAcceptable());
    QVERIFY2(!tooMany.problems().isEmpty() && !tooMany.problems().first().isEmpty(),
            "a refusal says why in a sentence");
}

void tst_HyperparameterMap::requestFromAFinishedJob()
{
    FineTuningJob job;
    job.model = QStringLiteral("gpt-4o-mini-2024-07-18");
    job.hyperparameters.nEpochs = number(3);
    job.hyperparameters.learningRateMultiplier = number(1.8);
    job.seed = 42;
    const CreateJobRequest request = HyperparameterMap::requestFrom(job);
    QCOMPARE(request.methodType, QStringLiteral("supervised"));
    QCOMPARE(request.seed, std::optional<qint64>(42));
    const HyperparameterMapping mapping =
            HyperparameterMap::map(request, ProviderKind::OpenAI, ProviderKind::Together);
    QCOMPARE(*mapping.request.settings.learningRate, 0.000018);
    QCOMPARE(mapping.request.seed, std::optional<qint64>(42));
}

QTEST_GUILESS_MAIN(tst_HyperparameterMap)
#include "tst_hyperparametermap.moc"
