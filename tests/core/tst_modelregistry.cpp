// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"
#include "modelregistry.h"
#include "pricetable.h"
#include "tokenizer.h"

#include <QTemporaryDir>
#include <QtTest>

using fs::FineTunedName;
using fs::HardwareOption;
using fs::ModelRegistry;
using fs::ProviderKind;
using fs::ProviderModels;

Q_DECLARE_METATYPE(fs::ProviderKind)

class tst_ModelRegistry : public QObject
{
    Q_OBJECT

private slots:
    void everyProviderLoads_data();
    void everyProviderLoads();
    void everyModelIsComplete_data();
    void everyModelIsComplete();
    void lookups();
    void openAiNames();
    void azureNames();
    void togetherNames();
    void roundTrips_data();
    void roundTrips();
    void garbageIsNotFineTuned_data();
    void garbageIsNotFineTuned();
    void needsDeployment();
    void deploymentPricesSayWhereTheyComeFrom();
    void rangesRefuseWithASentence();
    void togetherCountsAreEstimates();
    void userPriceWinsOverRegistry();

private:
    QTemporaryDir m_dir;
};

void tst_ModelRegistry::everyProviderLoads_data()
{
    QTest::addColumn<ProviderKind>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("model");
    QTest::newRow("openai") << ProviderKind::OpenAI << "OpenAI"
                            << "gpt-4.1-mini-2025-04-14";
    QTest::newRow("azure") << ProviderKind::AzureOpenAI << "Azure OpenAI"
                           << "gpt-4o-mini-2024-07-18";
    QTest::newRow("together") << ProviderKind::Together << "Together AI"
                              << "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference";
}

void tst_ModelRegistry::everyProviderLoads()
{
    QFETCH(ProviderKind, kind);
    QFETCH(QString, name);
    QFETCH(QString, model);
    const fs::ProviderModels &p = ModelRegistry::provider(kind);
    QCOMPARE(p.kind(), kind);
    QCOMPARE(p.displayName(), name);
    QVERIFY(!p.models().isEmpty());
    QVERIFY(!p.source().isEmpty());
    QVERIFY(p.pricesCapturedOn().isValid());
    QVERIFY(p.find(model));
    QCOMPARE(p.find(model)->provider, kind);
    // Loaded once: the same object every time.
    QCOMPARE(&ModelRegistry::provider(kind), &p);
}

void tst_ModelRegistry::everyModelIsComplete_data()
{
    QTest::addColumn<ProviderKind>("kind");
    QTest::newRow("openai") << ProviderKind::OpenAI;
    QTest::newRow("together") << ProviderKind::Together;
}

void tst_ModelRegistry::everyModelIsComplete()
{
    QFETCH(ProviderKind, kind);
    const fs::ProviderModels &p = ModelRegistry::provider(kind);
    for (const fs::RegisteredModel &m : p.models()) {
        const QByteArray idBytes = m.id.toUtf8();
        const char *id = idBytes.constData();
        // A price, or a stated reason there is none (billed per hour; not published).
        QVERIFY2(m.hasTrainingPrice() || (m.billedPerHour && m.trainingUsdPerHour > 0)
                        || !m.priceSource.isEmpty(),
                id);
        if (kind == ProviderKind::OpenAI)
            QVERIFY2(m.hasTrainingPrice() || m.billedPerHour, id);
        QVERIFY2(m.contextLimit > 0, id);
        QVERIFY2(!m.contextLimitSource.isEmpty(), id);
        QVERIFY2(QStringList({QStringLiteral("o200k_base"), QStringLiteral("cl100k_base"),
                                     QStringLiteral("approximate")})
                         .contains(m.tokenizer),
                id);
        QVERIFY2(!m.methods.isEmpty(), id);
        QVERIFY2(!m.trainingTypes.isEmpty(), id);
    }
    for (const QString &key : {QStringLiteral("n_epochs"), QStringLiteral("batch_size")}) {
        const fs::HyperparameterRange *r = p.range(key);
        QVERIFY2(r, qPrintable(key));
        QVERIFY(r->minimum >= 0 && r->maximum > r->minimum);
        QVERIFY(r->integer);
        QVERIFY(!r->source.isEmpty());
    }
    // The learning rate is a multiplier on OpenAI, an absolute value on Together.
    if (kind == ProviderKind::OpenAI) {
        QCOMPARE(p.learningRateKind(), QStringLiteral("multiplier"));
        QVERIFY(p.range(QStringLiteral("learning_rate_multiplier")));
        QVERIFY(!p.range(QStringLiteral("lora_r")));
        QCOMPARE(p.trainingTypes(), QStringList {QStringLiteral("full")});
    } else {
        QCOMPARE(p.learningRateKind(), QStringLiteral("absolute"));
        QVERIFY(p.range(QStringLiteral("learning_rate")));
        QVERIFY(!p.range(QStringLiteral("learning_rate_multiplier")));
        for (const char *key : {"lora_r", "lora_alpha", "lora_dropout"}) {
            QVERIFY2(p.range(QLatin1String(key)), key);
            QCOMPARE(p.range(QLatin1String(key))->trainingType, QStringLiteral("lora"));
        }
        QVERIFY(p.trainingTypes().contains(QStringLiteral("lora")));
        QVERIFY(p.trainingTypes().contains(QStringLiteral("full")));
    }
}

void tst_ModelRegistry::lookups()
{
    const fs::ProviderModels &openAi = ModelRegistry::provider(ProviderKind::OpenAI);
    // Alias, case, fine-tuned names and checkpoints all find the base.
    QCOMPARE(openAi.find(QStringLiteral("GPT-4.1-mini"))->id,
            QStringLiteral("gpt-4.1-mini-2025-04-14"));
    QCOMPARE(openAi.find(QStringLiteral("ft:gpt-4o-mini-2024-07-18:acme:bot:x1:ckpt-step-91"))->id,
            QStringLiteral("gpt-4o-mini-2024-07-18"));
    QCOMPARE(ModelRegistry::find(QStringLiteral("gpt-4o-2024-08-06.ft-0123abcd"))->id,
            QStringLiteral("gpt-4o-2024-08-06"));
    QVERIFY(!openAi.find(QStringLiteral("ft:unknown-base:acme::x1")));
    QVERIFY(!ModelRegistry::find(QStringLiteral("")));
    // Prices and inference prices where known.
    const fs::RegisteredModel *mini = openAi.find(QStringLiteral("gpt-4o-mini"));
    QCOMPARE(mini->trainingUsdPerMillion, 3.0);
    QCOMPARE(mini->inputUsdPerMillion, 0.30);
    QCOMPARE(mini->outputUsdPerMillion, 1.20);
    const fs::RegisteredModel *o4 = openAi.find(QStringLiteral("o4-mini"));
    QVERIFY(o4->billedPerHour);
    QVERIFY(!o4->hasTrainingPrice());
    QVERIFY(o4->supportsMethod(QStringLiteral("reinforcement")));
    // Limits: published ones, the provider's default, a Together model's own.
    QCOMPARE(ModelRegistry::contextLimit(QStringLiteral("gpt-35-turbo-0613.ft-abc")), 4096);
    QVERIFY(ModelRegistry::isContextLimitKnown(QStringLiteral("gpt-35-turbo-0613.ft-abc")));
    QCOMPARE(ModelRegistry::contextLimit(QStringLiteral("gpt-4.1-2025-04-14")), 65536);
    QVERIFY(!ModelRegistry::isContextLimitKnown(QStringLiteral("gpt-4.1-2025-04-14")));
    QCOMPARE(ModelRegistry::contextLimit(QStringLiteral("Qwen/Qwen2.5-72B-Instruct")), 32768);
    QCOMPARE(ModelRegistry::contextLimit(QStringLiteral(
                     "acct/meta-llama/Meta-Llama-3.1-8B-Instruct-Reference:bot:ft-1")),
            131072);
    // Tokenizers.
    QCOMPARE(
            ModelRegistry::tokenizer(QStringLiteral("gpt-4.1-mini")), QStringLiteral("o200k_base"));
    QCOMPARE(ModelRegistry::tokenizer(QStringLiteral("ft:gpt-3.5-turbo-0125:o::x")),
            QStringLiteral("cl100k_base"));
    QCOMPARE(ModelRegistry::tokenizer(QStringLiteral("gpt-4-0613")), QStringLiteral("cl100k_base"));
    QCOMPARE(ModelRegistry::tokenizer(QStringLiteral("Qwen/Qwen2.5-14B-Instruct")),
            QStringLiteral("approximate"));
    QCOMPARE(fs::Tokenizer::encodingForModel(QStringLiteral("Qwen/Qwen2.5-14B-Instruct")),
            fs::Tokenizer::Encoding::O200kBase);
}

void tst_ModelRegistry::openAiNames()
{
    const FineTunedName n = ModelRegistry::parseFineTuned(
            QStringLiteral("ft:gpt-4.1-mini-2025-04-14:acme:lumen:AbC123:ckpt-step-91"));
    QVERIFY(n.isValid());
    QCOMPARE(n.provider, ProviderKind::OpenAI);
    QCOMPARE(n.base, QStringLiteral("gpt-4.1-mini-2025-04-14"));
    QCOMPARE(n.organization, QStringLiteral("acme"));
    QCOMPARE(n.suffix, QStringLiteral("lumen"));
    QCOMPARE(n.jobId, QStringLiteral("AbC123"));
    QCOMPARE(n.checkpointStep, 91);
    QCOMPARE(n.model, QStringLiteral("ft:gpt-4.1-mini-2025-04-14:acme:lumen:AbC123"));
    // No suffix; an unknown base is still parsed; a step that is not a number is no checkpoint.
    const FineTunedName plain =
            ModelRegistry::parseFineTuned(QStringLiteral("ft:my-base:org::id9"));
    QCOMPARE(plain.base, QStringLiteral("my-base"));
    QCOMPARE(plain.suffix, QString());
    QCOMPARE(plain.jobId, QStringLiteral("id9"));
    QCOMPARE(plain.checkpointStep, 0);
    QCOMPARE(ModelRegistry::parseFineTuned(QStringLiteral("ft:x:o:s:i:ckpt-step-")).checkpointStep,
            0);
    QCOMPARE(ModelRegistry::parseFineTuned(QStringLiteral("ft:x:o:s:i:ckpt-step-0")).checkpointStep,
            0);
    QCOMPARE(ModelRegistry::baseModelName(QStringLiteral("ft:")), QString());
}

void tst_ModelRegistry::azureNames()
{
    const fs::ProviderModels &azure = ModelRegistry::provider(ProviderKind::AzureOpenAI);
    FineTunedName parts;
    parts.base = QStringLiteral("gpt-4.1-2025-04-14");
    parts.jobId = QStringLiteral("ftjob-0e208cf33a6a466994aff31a08aba678");
    const QString name = azure.fineTunedName(parts);
    QCOMPARE(name, QStringLiteral("gpt-4.1-2025-04-14.ft-0e208cf33a6a466994aff31a08aba678"));
    const FineTunedName back = ModelRegistry::parseFineTuned(name);
    QCOMPARE(back.provider, ProviderKind::AzureOpenAI);
    QCOMPARE(back.base, parts.base);
    QCOMPARE(back.jobId, QStringLiteral("0e208cf33a6a466994aff31a08aba678"));
    QCOMPARE(ModelRegistry::baseModelName(name), parts.base);
    // Azure names are not OpenAI names, and the other way round.
    QVERIFY(!ModelRegistry::provider(ProviderKind::OpenAI).parseFineTuned(name).isValid());
    QVERIFY(!azure.parseFineTuned(QStringLiteral("ft:gpt-4o:o::x")).isValid());
    QVERIFY(!azure.parseFineTuned(QStringLiteral(".ft-abc")).isValid());
    QVERIFY(!azure.parseFineTuned(QStringLiteral("gpt-4o.ft-")).isValid());
}

void tst_ModelRegistry::togetherNames()
{
    // ACCOUNT/BASE:SUFFIX:JOBID, the base holding its own slash.
    const QString output = QStringLiteral(
            "alice/meta-llama/Meta-Llama-3.1-8B-Instruct-Reference:support-bot:ft-3b1f2c9a-41d2");
    const FineTunedName n = ModelRegistry::parseFineTuned(output);
    QVERIFY(n.isValid());
    QCOMPARE(n.provider, ProviderKind::Together);
    QCOMPARE(n.organization, QStringLiteral("alice"));
    QCOMPARE(n.base, QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference"));
    QCOMPARE(n.suffix, QStringLiteral("support-bot"));
    QCOMPARE(n.jobId, QStringLiteral("ft-3b1f2c9a-41d2"));
    QCOMPARE(n.checkpointStep, 0);
    QCOMPARE(ModelRegistry::find(output)->id, n.base);
    // A checkpoint: the output name followed by ":STEP" (from_checkpoint in the spec).
    const FineTunedName step = ModelRegistry::parseFineTuned(output + QStringLiteral(":42"));
    QCOMPARE(step.checkpointStep, 42);
    QCOMPARE(step.model, output);
    // The older form of the spec's example.
    const FineTunedName old = ModelRegistry::parseFineTuned(
            QStringLiteral("mynamespace/meta-llama/Llama-2-7b-hf-32162631"));
    QVERIFY(old.isValid());
    QCOMPARE(old.organization, QStringLiteral("mynamespace"));
    QCOMPARE(old.base, QStringLiteral("meta-llama/Llama-2-7b-hf"));
    QCOMPARE(old.jobId, QStringLiteral("32162631"));
    // A base model is not a fine-tuned one.
    QVERIFY(!ModelRegistry::isFineTuned(
            QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference")));
    QVERIFY(!ModelRegistry::isFineTuned(QStringLiteral("Qwen/Qwen2.5-72B-Instruct")));
}

void tst_ModelRegistry::roundTrips_data()
{
    QTest::addColumn<ProviderKind>("kind");
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("org");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QString>("job");
    QTest::addColumn<qint64>("step");
    QTest::newRow("openai") << ProviderKind::OpenAI << "gpt-4o-mini-2024-07-18"
                            << "acme"
                            << "lumen"
                            << "x1y2" << qint64(0);
    QTest::newRow("openai checkpoint") << ProviderKind::OpenAI << "gpt-4.1-2025-04-14"
                                       << "acme"
                                       << "lumen"
                                       << "x1y2" << qint64(91);
    QTest::newRow("openai no suffix") << ProviderKind::OpenAI << "gpt-4.1-nano-2025-04-14"
                                      << "personal"
                                      << ""
                                      << "Q9" << qint64(0);
    QTest::newRow("openai unknown base") << ProviderKind::OpenAI << "my-own-model"
                                         << "org"
                                         << "s"
                                         << "j" << qint64(0);
    QTest::newRow("azure") << ProviderKind::AzureOpenAI << "gpt-4o-mini-2024-07-18"
                           << ""
                           << ""
                           << "abc123" << qint64(0);
    QTest::newRow("together") << ProviderKind::Together << "Qwen/Qwen2.5-14B-Instruct"
                              << "alice"
                              << "bot"
                              << "ft-01" << qint64(0);
    QTest::newRow("together checkpoint")
            << ProviderKind::Together << "meta-llama/Meta-Llama-3.1-70B-Instruct-Reference"
            << "alice"
            << "bot"
            << "ft-01" << qint64(7);
    QTest::newRow("together unknown base") << ProviderKind::Together << "acme/Tiny-1B"
                                           << "bob"
                                           << ""
                                           << "ft-9" << qint64(0);
}

void tst_ModelRegistry::roundTrips()
{
    QFETCH(ProviderKind, kind);
    QFETCH(QString, base);
    QFETCH(QString, org);
    QFETCH(QString, suffix);
    QFETCH(QString, job);
    QFETCH(qint64, step);
    const fs::ProviderModels &p = ModelRegistry::provider(kind);
    FineTunedName parts;
    parts.base = base;
    parts.organization = org;
    parts.suffix = suffix;
    parts.jobId = job;
    parts.checkpointStep = step;
    const QString name = p.fineTunedName(parts);
    QVERIFY(!name.isEmpty());
    for (const FineTunedName &back :
            {p.parseFineTuned(name), ModelRegistry::parseFineTuned(name)}) {
        QVERIFY2(back.isValid(), qPrintable(name));
        QCOMPARE(back.provider, kind);
        QCOMPARE(back.base, base);
        QCOMPARE(back.organization, org);
        QCOMPARE(back.suffix, suffix);
        QCOMPARE(back.jobId, job);
        QCOMPARE(back.checkpointStep, step);
        QCOMPARE(p.fineTunedName(back), name);
    }
    QVERIFY(ModelRegistry::isFineTuned(name));
    // No base, no name.
    parts.base.clear();
    QCOMPARE(p.fineTunedName(parts), QString());
}

void tst_ModelRegistry::garbageIsNotFineTuned_data()
{
    QTest::addColumn<QString>("id");
    QTest::newRow("empty") << "";
    QTest::newRow("spaces") << "   ";
    QTest::newRow("ft only") << "ft:";
    QTest::newRow("ft colons") << "ft::::";
    QTest::newRow("base") << "gpt-4.1-mini";
    QTest::newRow("together base") << "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference";
    QTest::newRow("slash only") << "/";
    QTest::newRow("account only") << "alice/";
    QTest::newRow("together no job") << "alice/base:suffix:";
    QTest::newRow("together two parts") << "alice/base:suffix";
    QTest::newRow("azure no base") << ".ft-123";
    QTest::newRow("colons") << ":::";
    QTest::newRow("path-like model of another server") << "hf.co/bartowski/Llama-3.2-1B-GGUF";
    QTest::newRow("path-like with tag") << "hf.co/bartowski/Llama-3.2-1B-GGUF:Q4_K_M";
}

void tst_ModelRegistry::garbageIsNotFineTuned()
{
    QFETCH(QString, id);
    QVERIFY(!ModelRegistry::isFineTuned(id));
    QCOMPARE(ModelRegistry::parseFineTuned(id).checkpointStep, 0);
}

void tst_ModelRegistry::needsDeployment()
{
    QVERIFY(!ModelRegistry::provider(ProviderKind::OpenAI).needsDeployment());
    QVERIFY(ModelRegistry::provider(ProviderKind::AzureOpenAI).needsDeployment());
    QVERIFY(ModelRegistry::provider(ProviderKind::Together).needsDeployment());
    QVERIFY(ModelRegistry::provider(ProviderKind::Fireworks).needsDeployment());
}

void tst_ModelRegistry::rangesRefuseWithASentence()
{
    const fs::ProviderModels &openAi = ModelRegistry::provider(ProviderKind::OpenAI);
    const fs::ProviderModels &together = ModelRegistry::provider(ProviderKind::Together);
    QCOMPARE(openAi.checkHyperparameter(QStringLiteral("n_epochs"), 3), QString());
    QCOMPARE(openAi.checkHyperparameter(QStringLiteral("n_epochs"), 51),
            QStringLiteral("Epochs must be 1 to 50."));
    QCOMPARE(openAi.checkHyperparameter(QStringLiteral("n_epochs"), 2.5),
            QStringLiteral("Epochs must be a whole number."));
    QCOMPARE(openAi.checkHyperparameter(QStringLiteral("learning_rate_multiplier"), 0),
            QStringLiteral("Learning rate multiplier must be more than 0."));
    QCOMPARE(openAi.checkHyperparameter(QStringLiteral("learning_rate_multiplier"), 40), QString());
    QCOMPARE(openAi.checkHyperparameter(QStringLiteral("lora_r"), 8),
            QStringLiteral("OpenAI has no setting “lora_r”."));
    QCOMPARE(together.checkHyperparameter(QStringLiteral("lora_r"), 8), QString());
    QCOMPARE(together.checkHyperparameter(QStringLiteral("lora_r"), 0),
            QStringLiteral("LoRA rank must be 1 to 64."));
    QCOMPARE(together.checkHyperparameter(QStringLiteral("lora_dropout"), 0), QString());
    QCOMPARE(together.checkHyperparameter(QStringLiteral("lora_dropout"), 1),
            QStringLiteral("LoRA dropout must be at least 0, less than 1."));
    QCOMPARE(together.checkHyperparameter(QStringLiteral("learning_rate"), 0.00001), QString());
    QCOMPARE(together.checkHyperparameter(QStringLiteral("learning_rate"), 0),
            QStringLiteral("Learning rate must be more than 0, at most 0.01."));
    QVERIFY(!together.checkHyperparameter(QStringLiteral("learning_rate"), qQNaN()).isEmpty());
    QCOMPARE(together.checkHyperparameter(QStringLiteral("learning_rate_multiplier"), 1),
            QStringLiteral("Together AI has no setting “learning_rate_multiplier”."));
}

void tst_ModelRegistry::togetherCountsAreEstimates()
{
    QVERIFY(ModelRegistry::provider(ProviderKind::OpenAI).countsTokensExactly());
    const fs::ProviderModels &together = ModelRegistry::provider(ProviderKind::Together);
    QVERIFY(!together.countsTokensExactly());
    QVERIFY(together.tokenCounting().contains(QLatin1String("o200k_base")));
    QVERIFY(together.tokenCounting().contains(QLatin1String("estimate")));
    // No published per-token price: none invented, and the reason is stated.
    for (const fs::RegisteredModel &m : together.models()) {
        QVERIFY(!m.hasTrainingPrice());
        QVERIFY(m.priceSource.contains(QLatin1String("estimate-price")));
    }
}

void tst_ModelRegistry::userPriceWinsOverRegistry()
{
    const QString model = QStringLiteral("gpt-4.1-mini-2025-04-14");
    const double registry =
            ModelRegistry::provider(ProviderKind::OpenAI).find(model)->trainingUsdPerMillion;
    QCOMPARE(fs::PriceTable().price(model), registry);
    QCOMPARE(fs::PriceTable::defaultsCapturedOn(),
            ModelRegistry::provider(ProviderKind::OpenAI).pricesCapturedOn());
    fs::AppSettings settings(m_dir.filePath(QStringLiteral("prices.ini")));
    fs::PriceTable edited;
    QVERIFY(edited.setPrice(model, 4.25));
    edited.save(&settings);
    const fs::PriceTable loaded = fs::PriceTable::load(&settings);
    QCOMPARE(loaded.price(model), 4.25);
    QCOMPARE(loaded.price(QStringLiteral("ft:gpt-4.1-mini-2025-04-14:acme::x")), 4.25);
    QVERIFY(loaded.price(model) != registry);
    // The other models keep the registry's prices.
    QCOMPARE(loaded.price(QStringLiteral("gpt-4o-mini")), 3.0);

    // A Together model has no registry price; the user's own (its name holds a '/') is kept.
    const QString qwen = QStringLiteral("Qwen/Qwen2.5-72B-Instruct");
    QCOMPARE(loaded.price(qwen), -1.0);
    fs::PriceTable withQwen = loaded;
    QVERIFY(withQwen.setPrice(qwen, 2.9));
    withQwen.save(&settings);
    settings.sync();
    fs::AppSettings reread(settings.fileName());
    const fs::PriceTable again = fs::PriceTable::load(&reread);
    QCOMPARE(again.price(qwen), 2.9);
    QCOMPARE(again.price(QStringLiteral("alice/Qwen/Qwen2.5-72B-Instruct:bot:ft-1")), 2.9);
    QCOMPARE(again.price(model), 4.25);
    QCOMPARE(again.entries().constLast().model, qwen);
}

void tst_ModelRegistry::deploymentPricesSayWhereTheyComeFrom()
{
    // Hosting prices the services' APIs do not give live in the data files with their
    // provenance; a figure no document confirms is an estimate with a page to check it on.
    const ProviderModels &azure = ModelRegistry::provider(ProviderKind::AzureOpenAI);
    const HardwareOption *standard = azure.deploymentPrice(QStringLiteral("standard"));
    QVERIFY(standard);
    QCOMPARE(standard->pricePerHour.value_or(-1), 1.70);
    QVERIFY(standard->priceIsEstimate);
    QCOMPARE(standard->priceCheckUrl.scheme(), QStringLiteral("https"));
    const HardwareOption *developer = azure.deploymentPrice(QStringLiteral("DeveloperTier"));
    QVERIFY(developer);
    QCOMPARE(developer->pricePerHour.value_or(-1), 0.0);
    QVERIFY(!developer->priceIsEstimate); // "no hosting fee" is Microsoft's own word
    QVERIFY(azure.deploymentPricesSource().contains(QLatin1String("providers-2026-12.md")));
    QVERIFY(ModelRegistry::provider(ProviderKind::OpenAI).deploymentPrices().isEmpty());

    const ProviderModels &fireworks = ModelRegistry::provider(ProviderKind::Fireworks);
    QCOMPARE(fireworks.deploymentPrices().size(), 5);
    for (const HardwareOption &option : fireworks.deploymentPrices()) {
        QVERIFY2(option.pricePerHour.value_or(0) > 0, qPrintable(option.id));
        QVERIFY2(option.priceIsEstimate, qPrintable(option.id));
        QCOMPARE(option.priceCheckUrl, QUrl(QStringLiteral("https://fireworks.ai/pricing")));
    }
    QVERIFY(fireworks.deploymentPricesSource().contains(QLatin1String("API-NOTES.md")));
}

QTEST_GUILESS_MAIN(tst_ModelRegistry)
#include "tst_modelregistry.moc"
