// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"
#include "basemodelcatalogue.h"
#include "jobformrules.h"
#include "modelregistry.h"
#include "togetherdialect.h"

#include <QJsonDocument>

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace fs;

class tst_JobFormRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hyperparameterRanges_data();
    void hyperparameterRanges();
    void rulesPerMethod();
    void suffixSeedMetadata();
    void validateCollectsEveryProblem();
    void refusalsInPlainWords();
    void catalogueKnowsPricesLimitsMethods();
    void catalogueMergesTheConnectionsModels();
    void catalogueExplainsPricesAndLimitsInWords();
    void defaultModelIsTheLastUsedOrTheCheapest();
    void openAiFormKeepsItsFourSettings();
    void togetherSettingsComeFromItsRegistry();
    void fireworksSettingsComeFromItsRegistry();
    void togetherValidateAtTheEdges_data();
    void togetherValidateAtTheEdges();
    void togetherDpoWithoutBetaUsesTheServiceDefault();
    void fullOrLoraTraining();
    void settingsReachTheTogetherRequest();
    void trainingFilesAreFineTuneFilesNewestFirst();
    void priceEstimateInPlainWords();
    void togetherModelsArePricedByTheService();
    void aModelsLimitsAsTheServiceStatesThem();
};

namespace {

const QString kLlama = QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference");

/// A LoRA job on Together that can be sent as it is.
CreateJobRequest togetherLoraJob()
{
    CreateJobRequest request;
    request.model = kLlama;
    request.trainingFile = QStringLiteral("file-train");
    request.settings.type = TrainingSettings::Type::Lora;
    request.settings.loraRank = 8;
    return request;
}

QStringList fields(const QList<FormProblem> &problems)
{
    QStringList list;
    for (const FormProblem &problem : problems)
        list << problem.field;
    return list;
}

} // namespace

void tst_JobFormRules::hyperparameterRanges_data()
{
    QTest::addColumn<int>("name");
    QTest::addColumn<double>("value");
    QTest::addColumn<bool>("ok");
    using N = HyperparameterRule::Name;
    QTest::newRow("epochs 1") << int(N::Epochs) << 1.0 << true;
    QTest::newRow("epochs 50") << int(N::Epochs) << 50.0 << true;
    QTest::newRow("epochs 0") << int(N::Epochs) << 0.0 << false;
    QTest::newRow("epochs 51") << int(N::Epochs) << 51.0 << false;
    QTest::newRow("epochs 2.5") << int(N::Epochs) << 2.5 << false;
    QTest::newRow("batch 256") << int(N::BatchSize) << 256.0 << true;
    QTest::newRow("batch 257") << int(N::BatchSize) << 257.0 << false;
    QTest::newRow("lr 0") << int(N::LearningRateMultiplier) << 0.0 << false;
    QTest::newRow("lr tiny") << int(N::LearningRateMultiplier) << 0.0001 << true;
    QTest::newRow("lr 40") << int(N::LearningRateMultiplier) << 40.0 << true;
    QTest::newRow("lr nan") << int(N::LearningRateMultiplier) << std::nan("") << false;
    QTest::newRow("beta 0") << int(N::Beta) << 0.0 << false;
    QTest::newRow("beta 2") << int(N::Beta) << 2.0 << true;
    QTest::newRow("beta 2.01") << int(N::Beta) << 2.01 << false;
}

void tst_JobFormRules::hyperparameterRanges()
{
    QFETCH(int, name);
    QFETCH(double, value);
    QFETCH(bool, ok);
    const HyperparameterRule rule = JobFormRules::rule(HyperparameterRule::Name(name));
    const QString problem = rule.check(value);
    QCOMPARE(problem.isEmpty(), ok);
    if (!ok)
        QVERIFY2(problem.contains(rule.label), qPrintable(problem));
    QVERIFY(!rule.explanation.isEmpty());
    QVERIFY(!rule.explanation.contains(QLatin1Char('\n')));
}

void tst_JobFormRules::rulesPerMethod()
{
    const QList<HyperparameterRule> supervised = JobFormRules::rules(QStringLiteral("supervised"));
    QCOMPARE(supervised.size(), 3);
    QCOMPARE(supervised.at(0).key, QStringLiteral("n_epochs"));
    QCOMPARE(supervised.at(0).rangeText(), QStringLiteral("1 to 50"));
    QCOMPARE(supervised.at(2).rangeText(), QStringLiteral("more than 0"));
    const QList<HyperparameterRule> dpo = JobFormRules::rules(QStringLiteral("dpo"));
    QCOMPARE(dpo.size(), 4);
    QCOMPARE(dpo.last().key, QStringLiteral("beta"));
    QCOMPARE(dpo.last().rangeText(), QStringLiteral("more than 0, at most 2"));
    QVERIFY(dpo.last().dpoOnly);
}

void tst_JobFormRules::suffixSeedMetadata()
{
    QVERIFY(JobFormRules::checkSuffix(QString()).isEmpty());
    QVERIFY(JobFormRules::checkSuffix(QStringLiteral("support-bot_v2")).isEmpty());
    QVERIFY(JobFormRules::checkSuffix(QString(64, QLatin1Char('a'))).isEmpty());
    QVERIFY(JobFormRules::checkSuffix(QString(65, QLatin1Char('a'))).contains(QLatin1String("64")));
    QVERIFY(!JobFormRules::checkSuffix(QStringLiteral("has space")).isEmpty());
    QVERIFY(!JobFormRules::checkSuffix(QStringLiteral("a:b")).isEmpty());
    QVERIFY(JobFormRules::checkSeed(0).isEmpty());
    QVERIFY(JobFormRules::checkSeed(2147483647).isEmpty());
    QVERIFY(!JobFormRules::checkSeed(2147483648LL).isEmpty());
    QVERIFY(!JobFormRules::checkSeed(-1).isEmpty());

    QMap<QString, QString> metadata;
    for (int i = 0; i < 16; ++i)
        metadata.insert(QStringLiteral("k%1").arg(i), QStringLiteral("v"));
    QVERIFY(JobFormRules::checkMetadata(metadata).isEmpty());
    metadata.insert(QStringLiteral("k16"), QStringLiteral("v"));
    QVERIFY(JobFormRules::checkMetadata(metadata).contains(QLatin1String("16")));
    QMap<QString, QString> longKey {{QString(65, QLatin1Char('k')), QStringLiteral("v")}};
    QVERIFY(JobFormRules::checkMetadata(longKey).contains(QLatin1String("64")));
    QMap<QString, QString> longValue {{QStringLiteral("k"), QString(513, QLatin1Char('v'))}};
    QVERIFY(JobFormRules::checkMetadata(longValue).contains(QLatin1String("512")));
    QMap<QString, QString> okValue {
            {QString(64, QLatin1Char('k')), QString(512, QLatin1Char('v'))}};
    QVERIFY(JobFormRules::checkMetadata(okValue).isEmpty());
}

void tst_JobFormRules::validateCollectsEveryProblem()
{
    CreateJobRequest request;
    QList<FormProblem> problems = JobFormRules::validate(request);
    QCOMPARE(problems.size(), 2);
    QCOMPARE(problems.at(0).field, QStringLiteral("model"));
    QCOMPARE(problems.at(1).field, QStringLiteral("training_file"));

    request.model = QStringLiteral("gpt-4.1-mini-2025-04-14");
    request.trainingFile = QStringLiteral("file-1");
    QVERIFY(JobFormRules::validate(request).isEmpty());

    request.validationFile = QStringLiteral("file-1");
    request.suffix = QStringLiteral("bad suffix");
    request.seed = -5;
    request.hyperparameters.nEpochs = {false, 80};
    request.hyperparameters.beta = {false, 5}; // ignored: not DPO
    problems = JobFormRules::validate(request);
    QStringList fields;
    for (const FormProblem &p : problems)
        fields << p.field;
    QCOMPARE(fields,
            (QStringList {QStringLiteral("validation_file"), QStringLiteral("n_epochs"),
                    QStringLiteral("suffix"), QStringLiteral("seed")}));
    request.methodType = QStringLiteral("dpo");
    problems = JobFormRules::validate(request);
    QCOMPARE(problems.size(), 5);
    QCOMPARE(problems.at(2).field, QStringLiteral("beta"));
}

void tst_JobFormRules::refusalsInPlainWords()
{
    ApiError notAvailable = ApiError::fromBody(403,
            R"({"error":{"message":"wound down","type":"invalid_request_error","param":null,"code":"training_not_available"}})",
            QStringLiteral("req_1"));
    QString text = JobFormRules::refusalMessage(notAvailable);
    QVERIFY(text.contains(QLatin1String("another connection")));
    QVERIFY(!JobFormRules::refusalIsTemporary(notAvailable));

    ApiError daily = ApiError::fromBody(429,
            R"({"error":{"message":"This model has a maximum of 3 fine-tuning requests per day","type":"invalid_request_error","param":null,"code":"daily_rate_limit_exceeded"}})",
            {});
    text = JobFormRules::refusalMessage(daily);
    QVERIFY(text.contains(QLatin1String("daily limit")));
    QVERIFY(text.contains(QLatin1String("maximum of 3")));

    ApiError notReady = ApiError::fromBody(400,
            R"({"error":{"message":"File file-abc is not ready yet","type":"invalid_request_error","param":"training_file","code":null}})",
            {});
    text = JobFormRules::refusalMessage(notReady);
    QVERIFY2(text.startsWith(QLatin1String("The training file is still being checked")),
            qPrintable(text));
    QVERIFY(JobFormRules::refusalIsTemporary(notReady));
    QCOMPARE(JobFormRules::refusalField(notReady), QStringLiteral("training_file"));

    ApiError invalid = ApiError::fromBody(400,
            R"({"error":{"message":"invalid validation_file: file-x","type":"invalid_request_error","param":"validation_file","code":null}})",
            {});
    text = JobFormRules::refusalMessage(invalid);
    QVERIFY(text.startsWith(QLatin1String("The validation file was not accepted")));
    QVERIFY(text.contains(QLatin1String("file-x")));
    QVERIFY(!JobFormRules::refusalIsTemporary(invalid));

    ApiError hyper = ApiError::fromBody(400,
            R"({"error":{"message":"bad","type":"invalid_request_error","param":"hyperparameters.n_epochs","code":null}})",
            {});
    QCOMPARE(JobFormRules::refusalField(hyper), QStringLiteral("n_epochs"));
    QVERIFY(JobFormRules::refusalMessage(hyper).contains(QLatin1String("bad")));
    QVERIFY(JobFormRules::refusalMessage(ApiError()).isEmpty());
}

void tst_JobFormRules::catalogueKnowsPricesLimitsMethods()
{
    const QList<BaseModelInfo> known = BaseModelCatalogue::knownModels();
    QVERIFY(known.size() >= 8);
    const auto mini = BaseModelCatalogue::find(QStringLiteral("gpt-4.1-mini-2025-04-14"));
    QVERIFY(mini);
    QCOMPARE(mini->trainingUsdPerMillion, 5.0);
    QVERIFY(mini->supervised && mini->dpo && !mini->reinforcement);
    QVERIFY(mini->known);
    QVERIFY(mini->note.contains(QLatin1String("$5.00")));
    const auto four = BaseModelCatalogue::find(QStringLiteral("gpt-4o-mini-2024-07-18"));
    QCOMPARE(four->trainingTokenLimit, 65536);
    QVERIFY(four->tokenLimitKnown);
    const auto o4 = BaseModelCatalogue::find(QStringLiteral("o4-mini-2025-04-16"));
    QVERIFY(o4->reinforcement && !o4->supervised);
    QVERIFY(o4->supportsMethod(QStringLiteral("reinforcement")));
    QVERIFY(!o4->supportsMethod(QStringLiteral("supervised")));
    QVERIFY(BaseModelCatalogue::find(QStringLiteral("babbage-002"))->legacy);
    // An alias and a fine-tuned name find their family; the price follows the user's table.
    PriceTable prices;
    prices.setPrice(QStringLiteral("gpt-4.1-nano-2025-04-14"), 2.25);
    const auto alias = BaseModelCatalogue::find(QStringLiteral("gpt-4.1-nano"), prices);
    QVERIFY(alias);
    QCOMPARE(alias->trainingUsdPerMillion, 2.25);
    QVERIFY(!alias->known);
    const auto tuned = BaseModelCatalogue::find(QStringLiteral("ft:gpt-4.1-2025-04-14:org::abc"));
    QVERIFY(tuned && tuned->fineTuned && tuned->dpo);
    QVERIFY(!BaseModelCatalogue::find(QStringLiteral("whisper-1")));
}

void tst_JobFormRules::catalogueMergesTheConnectionsModels()
{
    QList<ModelObject> listed;
    for (const char *id : {"gpt-4.1-mini-2025-04-14", "gpt-4.1-mini", "whisper-1",
                 "ft:gpt-4o-mini-2024-07-18:org::x1",
                 "ft:gpt-4o-mini-2024-07-18:org::x1:ckpt-step-10", "llama-3-8b",
                 "text-embedding-3-small"}) {
        ModelObject m;
        m.id = QLatin1String(id);
        listed.append(m);
    }
    QList<BaseModelInfo> merged = BaseModelCatalogue::merged(listed);
    QStringList ids;
    for (const BaseModelInfo &info : merged)
        ids << info.id;
    QVERIFY(ids.contains(QStringLiteral("gpt-4.1-2025-04-14"))); // known even when not listed
    QVERIFY(ids.contains(QStringLiteral("gpt-4.1-mini")));
    QVERIFY(ids.contains(QStringLiteral("ft:gpt-4o-mini-2024-07-18:org::x1")));
    QVERIFY(!ids.contains(QStringLiteral("whisper-1")));
    QVERIFY(!ids.contains(QStringLiteral("llama-3-8b")));
    QVERIFY(!ids.contains(QStringLiteral("ft:gpt-4o-mini-2024-07-18:org::x1:ckpt-step-10")));
    QCOMPARE(ids.count(QStringLiteral("gpt-4.1-mini-2025-04-14")), 1);
    const int mini = int(ids.indexOf(QStringLiteral("gpt-4.1-mini-2025-04-14")));
    QVERIFY(merged.at(mini).listedByConnection);
    QVERIFY(!merged.at(ids.indexOf(QStringLiteral("gpt-4.1-2025-04-14"))).listedByConnection);
    // Legacy models come last.
    QVERIFY(merged.last().legacy);
    QVERIFY(ids.indexOf(QStringLiteral("ft:gpt-4o-mini-2024-07-18:org::x1"))
            < ids.indexOf(QStringLiteral("babbage-002")));
    // A compatible server's own models when asked; never speech or embeddings.
    merged = BaseModelCatalogue::merged(listed, PriceTable(), true);
    ids.clear();
    for (const BaseModelInfo &info : merged)
        ids << info.id;
    QVERIFY(ids.contains(QStringLiteral("llama-3-8b")));
    QVERIFY(!ids.contains(QStringLiteral("text-embedding-3-small")));
    QVERIFY(!ids.contains(QStringLiteral("whisper-1")));
}

void tst_JobFormRules::catalogueExplainsPricesAndLimitsInWords()
{
    PriceTable prices;
    prices.resetPrice(QStringLiteral("gpt-4.1-2025-04-14"));
    for (const BaseModelInfo &info : BaseModelCatalogue::knownModels(prices)) {
        QVERIFY2(!info.note.contains(QLatin1String("not documented")), qPrintable(info.note));
        QVERIFY2(!info.priceText.isEmpty(), qPrintable(info.id));
        QVERIFY2(info.note.endsWith(QLatin1Char('.')), qPrintable(info.note)); // sentences
    }
    // Known prices are shown; an undocumented limit is said in words, with the value assumed.
    const auto gpt41 = BaseModelCatalogue::find(QStringLiteral("gpt-4.1-2025-04-14"));
    QCOMPARE(gpt41->priceText, QStringLiteral("$25.00 per 1M training tokens"));
    QVERIFY2(gpt41->note.contains(QLatin1String("for this model is not published"))
                    && gpt41->note.contains(QLatin1String("65,536")),
            qPrintable(gpt41->note));
    const auto four = BaseModelCatalogue::find(QStringLiteral("gpt-4o-mini-2024-07-18"));
    QVERIFY2(four->note.contains(QLatin1String("up to 65,536 tokens")), qPrintable(four->note));
    // A model without a price says why there is no estimate and where to add one.
    QList<ModelObject> listed;
    ModelObject tuned;
    tuned.id = QStringLiteral("ft:llama-3:org::x");
    listed << tuned;
    const QList<BaseModelInfo> merged = BaseModelCatalogue::merged(listed, prices);
    const auto it = std::find_if(merged.cbegin(), merged.cend(),
            [](const BaseModelInfo &m) { return m.id == QLatin1String("ft:llama-3:org::x"); });
    QVERIFY(it != merged.cend());
    QCOMPARE(it->priceText, QStringLiteral("price not known"));
    QVERIFY2(it->note.contains(QLatin1String("cannot estimate the cost"))
                    && it->note.contains(QStringLiteral("Prices…")),
            qPrintable(it->note));
}

void tst_JobFormRules::defaultModelIsTheLastUsedOrTheCheapest()
{
    auto ids = [](const QList<BaseModelInfo> &models, int index) {
        return index >= 0 ? models.at(index).id : QString();
    };
    const PriceTable prices;
    // Nothing remembered: the cheapest current model, never gpt-4.1 (the most expensive).
    const QList<BaseModelInfo> known = BaseModelCatalogue::merged({}, prices);
    QCOMPARE(ids(known, BaseModelCatalogue::defaultIndex(known, {})),
            QStringLiteral("gpt-4.1-nano-2025-04-14"));
    // Legacy models are cheaper still (babbage-002 $0.40) but never the default.
    QVERIFY(!known.at(BaseModelCatalogue::defaultIndex(known, {})).legacy);
    // The last one used wins while it is offered and can train this way.
    QCOMPARE(ids(known,
                     BaseModelCatalogue::defaultIndex(
                             known, QStringLiteral("gpt-4o-mini-2024-07-18"))),
            QStringLiteral("gpt-4o-mini-2024-07-18"));
    QCOMPARE(ids(known,
                     BaseModelCatalogue::defaultIndex(
                             known, QStringLiteral("davinci-002"), QStringLiteral("dpo"))),
            QStringLiteral("gpt-4.1-nano-2025-04-14"));
    QCOMPARE(ids(known, BaseModelCatalogue::defaultIndex(known, QStringLiteral("gone-model"))),
            QStringLiteral("gpt-4.1-nano-2025-04-14"));
    // The user's prices decide what is cheapest.
    PriceTable mine;
    mine.setPrice(QStringLiteral("gpt-4o-mini-2024-07-18"), 1.0);
    const QList<BaseModelInfo> repriced = BaseModelCatalogue::merged({}, mine);
    QCOMPARE(ids(repriced, BaseModelCatalogue::defaultIndex(repriced, {})),
            QStringLiteral("gpt-4o-mini-2024-07-18"));
    // A connection that lists some known models: the cheapest of those.
    QList<ModelObject> listed;
    for (const char *id : {"gpt-4.1-2025-04-14", "gpt-4.1-mini-2025-04-14"}) {
        ModelObject m;
        m.id = QLatin1String(id);
        listed << m;
    }
    const QList<BaseModelInfo> served = BaseModelCatalogue::merged(listed, prices);
    QCOMPARE(ids(served, BaseModelCatalogue::defaultIndex(served, {})),
            QStringLiteral("gpt-4.1-mini-2025-04-14"));
    QCOMPARE(BaseModelCatalogue::defaultIndex({}, {}), -1);
    // The cost panel's plain list of names follows the same rule.
    const QStringList names = {QStringLiteral("gpt-4.1-2025-04-14"),
            QStringLiteral("gpt-4.1-nano-2025-04-14"), QStringLiteral("babbage-002"),
            QStringLiteral("my-own-model")};
    QCOMPARE(BaseModelCatalogue::defaultModel(names, {}, prices),
            QStringLiteral("gpt-4.1-nano-2025-04-14"));
    QCOMPARE(BaseModelCatalogue::defaultModel(names, QStringLiteral("my-own-model"), prices),
            QStringLiteral("my-own-model"));
    QCOMPARE(BaseModelCatalogue::defaultModel({}, {}, prices), QString());

    // Remembered in the settings, shared by the form and the cost panel.
    QTemporaryDir dir;
    fs::AppSettings settings(dir.filePath(QStringLiteral("s.ini")));
    QCOMPARE(settings.lastBaseModel(), QString());
    settings.setLastBaseModel(QStringLiteral("gpt-4o-mini-2024-07-18"));
    QCOMPARE(settings.lastBaseModel(), QStringLiteral("gpt-4o-mini-2024-07-18"));
}

void tst_JobFormRules::openAiFormKeepsItsFourSettings()
{
    QStringList keys;
    for (const HyperparameterRule &rule : JobFormRules::rules(ProviderKind::OpenAI)) {
        keys << rule.key;
        QVERIFY(rule.autoAllowed);
        QVERIFY(rule.automaticText.isEmpty()); // "Automatic", as the form always said
    }
    QCOMPARE(keys, QStringList({"n_epochs", "batch_size", "learning_rate_multiplier", "beta"}));
    const JobFormShape shape = JobFormRules::shape(ProviderKind::OpenAI);
    QVERIFY(!shape.absoluteLearningRate);
    QVERIFY(!shape.chooseTrainingType);
    QVERIFY(shape.metadata);
    QVERIFY(!shape.servicePricesJob);
    QCOMPARE(shape.maxSuffixLength, 64);
    // The OpenAI validation is the one it always was.
    CreateJobRequest request;
    request.model = QStringLiteral("gpt-4.1-mini-2025-04-14");
    request.trainingFile = QStringLiteral("file-a");
    request.metadata.insert(QStringLiteral("team"), QStringLiteral("support"));
    QVERIFY(JobFormRules::validate(request, ProviderKind::OpenAI).isEmpty());
    QCOMPARE(fields(JobFormRules::validate(request, ProviderKind::Together)),
            QStringList({"metadata"}));
}

void tst_JobFormRules::fireworksSettingsComeFromItsRegistry()
{
    const JobFormShape shape = JobFormRules::shape(ProviderKind::Fireworks);
    QCOMPARE(shape.serviceName, QStringLiteral("Fireworks AI"));
    QVERIFY(shape.absoluteLearningRate);
    QVERIFY(!shape.chooseTrainingType); // LoRA only: nothing to choose
    QCOMPARE(shape.defaultTrainingType, TrainingSettings::Type::Lora);
    QVERIFY(!shape.metadata);
    QVERIFY(shape.serviceListsBaseModels);
    QCOMPARE(shape.maxSuffixLength, 63);
    QStringList keys;
    QStringList labels;
    for (const HyperparameterRule &rule : JobFormRules::rules(ProviderKind::Fireworks)) {
        keys << rule.key;
        labels << rule.label;
        QVERIFY2(!rule.explanation.isEmpty(), qPrintable(rule.key));
    }
    QCOMPARE(keys, QStringList({"n_epochs", "learning_rate", "lora_r", "max_context_length"}));
    QCOMPARE(labels, QStringList({"Epochs", "Learning rate", "LoRA rank", "Longest example"}));
    const HyperparameterRule context =
            JobFormRules::rule(HyperparameterRule::Name::MaxContextLength, ProviderKind::Fireworks);
    QCOMPARE(context.defaultValue, std::optional<double>(8192));
    QCOMPARE(context.automaticText, QStringLiteral("Automatic (8,192)"));
    QVERIFY(!context.check(100).isEmpty()); // below the registry's range

    CreateJobRequest request;
    request.model = QStringLiteral("accounts/fireworks/models/qwen3-8b");
    request.trainingFile = QStringLiteral("train-ab12");
    request.settings.type = TrainingSettings::Type::Lora;
    request.settings.loraRank = 16;
    JobFormRules::setValue(
            &request, HyperparameterRule::Name::MaxContextLength, Hyperparameter::fromJson(4096));
    QCOMPARE(request.settings.maxContextLength, std::optional<int>(4096));
    QCOMPARE(
            JobFormRules::value(request, HyperparameterRule::Name::MaxContextLength).value, 4096.0);
    QVERIFY(JobFormRules::validate(request, ProviderKind::Fireworks).isEmpty());
    request.settings.loraRank = 1000;
    QCOMPARE(fields(JobFormRules::validate(request, ProviderKind::Fireworks)),
            QStringList({"lora_r"}));
}

void tst_JobFormRules::togetherSettingsComeFromItsRegistry()
{
    const ProviderModels &registry = ModelRegistry::provider(ProviderKind::Together);
    QCOMPARE(registry.learningRateKind(), QStringLiteral("absolute"));
    const JobFormShape shape = JobFormRules::shape(ProviderKind::Together);
    QVERIFY(shape.absoluteLearningRate);
    QVERIFY(shape.chooseTrainingType);
    QCOMPARE(shape.defaultTrainingType, TrainingSettings::Type::Lora);
    QVERIFY(!shape.metadata);
    QVERIFY(shape.servicePricesJob);
    QCOMPARE(shape.maxSuffixLength, 40);
    QCOMPARE(shape.serviceName, QStringLiteral("Together AI"));

    QStringList keys;
    const QList<HyperparameterRule> rules = JobFormRules::rules(ProviderKind::Together);
    for (const HyperparameterRule &rule : rules) {
        keys << rule.key;
        QVERIFY2(!rule.explanation.isEmpty(), qPrintable(rule.key));
        // Bounds as the registry states them, wherever it has the setting.
        if (const HyperparameterRange *range = registry.range(rule.key)) {
            QCOMPARE(rule.minimum, range->minimum);
            QCOMPARE(rule.maximum, range->maximum);
            QCOMPARE(rule.exclusiveMinimum, range->exclusiveMinimum);
            QCOMPARE(rule.exclusiveMaximum, range->exclusiveMaximum);
            QCOMPARE(rule.integer, range->integer);
            const QString allowed = rule.check(rule.minimum + (rule.exclusiveMinimum ? 1e-9 : 0));
            QVERIFY2(allowed.isEmpty(), qPrintable(rule.key + allowed));
        }
    }
    QCOMPARE(keys,
            QStringList({"n_epochs", "learning_rate", "batch_size", "lora_r", "lora_alpha",
                    "lora_dropout", "dpo_beta", "n_evals", "n_checkpoints"}));
    const HyperparameterRule rank =
            JobFormRules::rule(HyperparameterRule::Name::LoraRank, ProviderKind::Together);
    QVERIFY(rank.loraOnly);
    QVERIFY(!rank.autoAllowed); // LoRA training always sends a rank
    QCOMPARE(rank.defaultValue.value_or(-1), 8.0);
    QCOMPARE(rank.rangeText(), QStringLiteral("1 to 64"));
    const HyperparameterRule rate =
            JobFormRules::rule(HyperparameterRule::Name::LearningRate, ProviderKind::Together);
    QCOMPARE(rate.defaultValue.value_or(-1), 0.00001);
    QVERIFY(rate.decimals >= 6); // 0.00001 can be typed
    QVERIFY(!JobFormRules::rule(HyperparameterRule::Name::Epochs, ProviderKind::Together)
                     .automaticText.isEmpty());
}

void tst_JobFormRules::togetherValidateAtTheEdges_data()
{
    QTest::addColumn<int>("name");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("problemField"); // empty: allowed
    using N = HyperparameterRule::Name;
    QTest::newRow("rank 1") << int(N::LoraRank) << 1.0 << QString();
    QTest::newRow("rank 64") << int(N::LoraRank) << 64.0 << QString();
    QTest::newRow("rank 0") << int(N::LoraRank) << 0.0 << "lora_r";
    QTest::newRow("rank 65") << int(N::LoraRank) << 65.0 << "lora_r";
    QTest::newRow("learning rate 0") << int(N::LearningRate) << 0.0 << "learning_rate";
    QTest::newRow("learning rate 1e-5") << int(N::LearningRate) << 0.00001 << QString();
    QTest::newRow("learning rate 0.01") << int(N::LearningRate) << 0.01 << QString();
    QTest::newRow("learning rate 0.02") << int(N::LearningRate) << 0.02 << "learning_rate";
    QTest::newRow("dropout 0") << int(N::LoraDropout) << 0.0 << QString();
    QTest::newRow("dropout 0.99") << int(N::LoraDropout) << 0.99 << QString();
    QTest::newRow("dropout 1") << int(N::LoraDropout) << 1.0 << "lora_dropout";
    QTest::newRow("epochs 20") << int(N::Epochs) << 20.0 << QString();
    QTest::newRow("epochs 21") << int(N::Epochs) << 21.0 << "n_epochs";
    QTest::newRow("checkpoints 0") << int(N::Checkpoints) << 0.0 << "n_checkpoints";
    QTest::newRow("alpha 1024") << int(N::LoraAlpha) << 1024.0 << QString();
    QTest::newRow("alpha 1025") << int(N::LoraAlpha) << 1025.0 << "lora_alpha";
}

void tst_JobFormRules::togetherValidateAtTheEdges()
{
    QFETCH(int, name);
    QFETCH(double, value);
    QFETCH(QString, problemField);
    CreateJobRequest request = togetherLoraJob();
    QVERIFY(JobFormRules::validate(request, ProviderKind::Together).isEmpty());
    Hyperparameter number;
    number.isAuto = false;
    number.value = value;
    JobFormRules::setValue(&request, HyperparameterRule::Name(name), number);
    const QList<FormProblem> problems = JobFormRules::validate(request, ProviderKind::Together);
    QCOMPARE(fields(problems), problemField.isEmpty() ? QStringList() : QStringList(problemField));
    if (!problems.isEmpty()) {
        const HyperparameterRule rule =
                JobFormRules::rule(HyperparameterRule::Name(name), ProviderKind::Together);
        QVERIFY2(problems.first().message.contains(rule.label),
                qPrintable(problems.first().message));
    }
}

void tst_JobFormRules::togetherDpoWithoutBetaUsesTheServiceDefault()
{
    CreateJobRequest request = togetherLoraJob();
    request.methodType = QStringLiteral("dpo");
    // No beta: allowed, nothing sent, the service's 0.1 applies and the form says so.
    QVERIFY(JobFormRules::validate(request, ProviderKind::Together).isEmpty());
    QVERIFY(JobFormRules::value(request, HyperparameterRule::Name::Beta).isAuto);
    const HyperparameterRule beta =
            JobFormRules::rule(HyperparameterRule::Name::Beta, ProviderKind::Together);
    QCOMPARE(beta.key, QStringLiteral("dpo_beta"));
    QVERIFY(beta.dpoOnly);
    QCOMPARE(beta.defaultValue.value_or(-1), 0.1);
    QCOMPARE(beta.automaticText, QStringLiteral("Automatic (0.1)"));
    QVERIFY(beta.appliesTo(QStringLiteral("dpo"), TrainingSettings::Type::Full));
    QVERIFY(!beta.appliesTo(QStringLiteral("supervised"), TrainingSettings::Type::Lora));
    const auto call = TogetherDialect().createJob(request);
    QVERIFY(call.ok());
    const QJsonObject method =
            QJsonDocument::fromJson(call.value().body).object().value("training_method").toObject();
    QCOMPARE(method.value("method").toString(), QStringLiteral("dpo"));
    QVERIFY(!method.contains("dpo_beta"));
    // Beta with supervised training is refused in words.
    request.methodType = QStringLiteral("supervised");
    Hyperparameter value;
    value.isAuto = false;
    value.value = 0.2;
    JobFormRules::setValue(&request, HyperparameterRule::Name::Beta, value);
    const QList<FormProblem> problems = JobFormRules::validate(request, ProviderKind::Together);
    QCOMPARE(fields(problems), QStringList({"dpo_beta"}));
    QVERIFY(problems.first().message.contains(QLatin1String("preference")));
}

void tst_JobFormRules::fullOrLoraTraining()
{
    // LoRA needs a rank.
    CreateJobRequest lora = togetherLoraJob();
    lora.settings.loraRank.reset();
    QCOMPARE(fields(JobFormRules::validate(lora, ProviderKind::Together)), QStringList({"lora_r"}));
    // Full training with LoRA values is refused; without them it is fine.
    CreateJobRequest full = togetherLoraJob();
    full.settings.type = TrainingSettings::Type::Full;
    const QList<FormProblem> problems = JobFormRules::validate(full, ProviderKind::Together);
    QCOMPARE(fields(problems), QStringList({"lora_r"}));
    QVERIFY(problems.first().message.contains(QLatin1String("only to LoRA")));
    full.settings.loraRank.reset();
    QVERIFY(JobFormRules::validate(full, ProviderKind::Together).isEmpty());
    const HyperparameterRule rank =
            JobFormRules::rule(HyperparameterRule::Name::LoraRank, ProviderKind::Together);
    QVERIFY(!rank.appliesTo(QStringLiteral("supervised"), TrainingSettings::Type::Full));
    QVERIFY(rank.appliesTo(QStringLiteral("supervised"), TrainingSettings::Type::Lora));
    // An OpenAI multiplier has no place on Together; evaluations need a validation file.
    CreateJobRequest other = togetherLoraJob();
    other.hyperparameters.learningRateMultiplier.isAuto = false;
    other.hyperparameters.learningRateMultiplier.value = 2;
    other.settings.nEvals = 3;
    QCOMPARE(fields(JobFormRules::validate(other, ProviderKind::Together)),
            QStringList({"learning_rate", "n_evals"}));
    other.hyperparameters.learningRateMultiplier.isAuto = true;
    other.validationFile = QStringLiteral("file-valid");
    QVERIFY(JobFormRules::validate(other, ProviderKind::Together).isEmpty());
    // Together's names are shorter than OpenAI's.
    other.suffix = QString(41, QLatin1Char('a'));
    QCOMPARE(
            fields(JobFormRules::validate(other, ProviderKind::Together)), QStringList({"suffix"}));
    other.suffix.chop(1);
    QVERIFY(JobFormRules::validate(other, ProviderKind::Together).isEmpty());
}

void tst_JobFormRules::settingsReachTheTogetherRequest()
{
    using N = HyperparameterRule::Name;
    CreateJobRequest request = togetherLoraJob();
    request.validationFile = QStringLiteral("file-valid");
    const auto set = [&request](N name, double v) {
        Hyperparameter value;
        value.isAuto = false;
        value.value = v;
        JobFormRules::setValue(&request, name, value);
    };
    set(N::Epochs, 3);
    set(N::LearningRate, 0.0002);
    set(N::BatchSize, 16);
    set(N::LoraRank, 16);
    set(N::LoraAlpha, 24);
    set(N::LoraDropout, 0.05);
    set(N::Evaluations, 4);
    set(N::Checkpoints, 2);
    QVERIFY(JobFormRules::validate(request, ProviderKind::Together).isEmpty());
    QCOMPARE(request.settings.loraRank.value_or(0), 16);
    QCOMPARE(JobFormRules::value(request, N::LearningRate).value, 0.0002);
    QVERIFY(!JobFormRules::value(request, N::Checkpoints).isAuto);
    const auto call = TogetherDialect().createJob(request);
    QVERIFY2(call.ok(), qPrintable(call.error().message));
    const QJsonObject body = QJsonDocument::fromJson(call.value().body).object();
    QCOMPARE(body.value("n_epochs").toInt(), 3);
    QCOMPARE(body.value("learning_rate").toDouble(), 0.0002);
    QCOMPARE(body.value("batch_size").toInt(), 16);
    QCOMPARE(body.value("n_evals").toInt(), 4);
    QCOMPARE(body.value("n_checkpoints").toInt(), 2);
    const QJsonObject type = body.value("training_type").toObject();
    QCOMPARE(type.value("type").toString(), QStringLiteral("Lora"));
    QCOMPARE(type.value("lora_r").toInt(), 16);
    QCOMPARE(type.value("lora_alpha").toInt(), 24);
    QCOMPARE(type.value("lora_dropout").toDouble(), 0.05);
    // Automatic alpha is twice the rank; other automatic settings are the service's default.
    const HyperparameterRule alpha = JobFormRules::rule(N::LoraAlpha, ProviderKind::Together);
    QCOMPARE(JobFormRules::automaticValue(alpha, request).value_or(-1), 32.0);
    QCOMPARE(JobFormRules::automaticValue(
                     JobFormRules::rule(N::Epochs, ProviderKind::Together), request)
                     .value_or(-1),
            1.0);
    QVERIFY(!JobFormRules::automaticValue(
            JobFormRules::rule(N::BatchSize, ProviderKind::Together), request));
    // Automatic leaves a setting unset.
    Hyperparameter automatic;
    JobFormRules::setValue(&request, N::LearningRate, automatic);
    QVERIFY(!request.settings.learningRate);
}

void tst_JobFormRules::trainingFilesAreFineTuneFilesNewestFirst()
{
    const auto file = [](const char *id, const char *purpose, qint64 created) {
        FileObject f;
        f.id = QString::fromLatin1(id);
        f.purpose = QString::fromLatin1(purpose);
        f.createdAt = created;
        return f;
    };
    const QList<FileObject> files = JobFormRules::trainingFiles({file("old", "fine-tune", 10),
            file("eval", "eval", 30), file("new", "fine-tune", 20), file("results", "", 15)});
    QStringList ids;
    for (const FileObject &f : files)
        ids << f.id;
    QCOMPARE(ids, QStringList({"new", "results", "old"}));
}

void tst_JobFormRules::priceEstimateInPlainWords()
{
    PriceEstimate estimate;
    estimate.estimatedCost = 3.2;
    estimate.trainTokens = 1234567;
    estimate.accountLimit = 100;
    estimate.allowed = true;
    const QString ok = JobFormRules::priceEstimateText(estimate, QStringLiteral("Together AI"));
    QVERIFY2(ok.contains(QLatin1String("$3.20")), qPrintable(ok));
    QVERIFY2(ok.contains(QLatin1String("$100.00")), qPrintable(ok));
    QVERIFY2(ok.contains(QLatin1String("may start this job")), qPrintable(ok));
    QVERIFY2(ok.contains(QLocale().toString(1234567)), qPrintable(ok));
    estimate.allowed = false;
    const QString refused =
            JobFormRules::priceEstimateText(estimate, QStringLiteral("Together AI"));
    QVERIFY2(refused.contains(QLatin1String("may not start this job")), qPrintable(refused));
    QVERIFY2(refused.contains(QLatin1String("$100.00")), qPrintable(refused));
    ApiError error;
    error.kind = ApiError::Kind::Unreachable;
    error.message = QStringLiteral("Connection refused");
    const QString failed = JobFormRules::priceEstimateFailure(error, QStringLiteral("Together AI"));
    QVERIFY2(failed.startsWith(QLatin1String("Together AI could not estimate the price")),
            qPrintable(failed));
    QVERIFY2(failed.contains(error.plainMessage()), qPrintable(failed));
}

void tst_JobFormRules::togetherModelsArePricedByTheService()
{
    const QList<BaseModelInfo> models =
            BaseModelCatalogue::merged({}, PriceTable(), false, ProviderKind::Together);
    QVERIFY(!models.isEmpty());
    QCOMPARE(models.first().id, kLlama);
    for (const BaseModelInfo &info : models) {
        QCOMPARE(info.priceText, QStringLiteral("priced by Together AI before you start"));
        QVERIFY2(info.note.startsWith(QLatin1String("Together AI states the price")),
                qPrintable(info.note));
        QVERIFY2(!info.note.contains(QLatin1String("gpt-4o")), qPrintable(info.note));
    }
    // OpenAI's models keep their price per token.
    const QList<BaseModelInfo> openAi = BaseModelCatalogue::knownModels();
    QVERIFY(openAi.first().priceText.contains(QLatin1Char('$')));
}

void tst_JobFormRules::aModelsLimitsAsTheServiceStatesThem()
{
    using N = HyperparameterRule::Name;
    ModelLimits limits;
    limits.model = kLlama;
    limits.maxEpochs = 10;
    limits.maxLoraRank = 32;
    limits.minBatchSize = 1;
    limits.maxBatchSize = 32;
    limits.maxBatchSizeDpo = 16;
    limits.minLearningRate = 1e-8;
    limits.maxLearningRate = 1.0;
    limits.supportsLora = true;
    limits.supportsFullTraining = false;
    const auto limited = [&limits](N name, const char *method = "supervised") {
        return JobFormRules::withLimits(JobFormRules::rule(name, ProviderKind::Together), limits,
                QString::fromLatin1(method));
    };
    QCOMPARE(limited(N::Epochs).maximum, 10.0);
    QCOMPARE(limited(N::LoraRank).rangeText(), QStringLiteral("1 to 32"));
    QCOMPARE(limited(N::BatchSize).maximum, 32.0);
    QCOMPARE(limited(N::BatchSize, "dpo").maximum, 16.0);
    QCOMPARE(limited(N::LearningRate).maximum, 1.0);
    // In words people read, not "1e-08".
    QCOMPARE(limited(N::LearningRate).rangeText(), QStringLiteral("0.00000001 to 1"));
    QCOMPARE(limited(N::LoraDropout).maximum, 1.0); // no such limit: the registry's
    QVERIFY(limited(N::LoraDropout).exclusiveMaximum);

    // Checked against the service's limits: rank 48 is too much for this model, a learning
    // rate of 0.5 is allowed here although the registry assumes at most 0.01.
    CreateJobRequest request = togetherLoraJob();
    request.settings.loraRank = 48;
    request.settings.learningRate = 0.5;
    QCOMPARE(fields(JobFormRules::validate(request, ProviderKind::Together)),
            QStringList({"learning_rate"}));
    QCOMPARE(fields(JobFormRules::validate(request, ProviderKind::Together, &limits)),
            QStringList({"lora_r"}));
    // This model cannot be trained in full.
    CreateJobRequest full = togetherLoraJob();
    full.settings.type = TrainingSettings::Type::Full;
    full.settings.loraRank.reset();
    QVERIFY(JobFormRules::validate(full, ProviderKind::Together).isEmpty());
    QCOMPARE(fields(JobFormRules::validate(full, ProviderKind::Together, &limits)),
            QStringList({"training_type"}));
    // An answer that contradicts itself leaves the registry's range.
    limits.minBatchSize = 64;
    QCOMPARE(limited(N::BatchSize).maximum, 256.0);
    QCOMPARE(limited(N::BatchSize).minimum, 1.0);
}

QTEST_GUILESS_MAIN(tst_JobFormRules)
#include "tst_jobformrules.moc"
