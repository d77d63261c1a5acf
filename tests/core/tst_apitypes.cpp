// SPDX-License-Identifier: GPL-3.0-or-later
#include "apitypes.h"
#include "requiretool.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace fs;

namespace {

QJsonDocument fixtureDocument(const QString &name)
{
    QFile file(QStringLiteral(FS_TEST_DATA_DIR "/api/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad fixture %s: %s", qPrintable(name), qPrintable(error.errorString()));
    return document;
}

QJsonObject fixture(const QString &name)
{
    return fixtureDocument(name).object();
}

int indentOf(const QString &line)
{
    int n = 0;
    while (n < line.size() && line.at(n) == QLatin1Char(' '))
        ++n;
    return n;
}

// The text of the first `key: |` / `key: >` block after the line `anchor` in the OpenAPI spec,
// repaired where the spec's own examples are not valid JSON (trailing / missing commas).
QString specBlock(const QStringList &lines, const QString &anchor, const QString &key)
{
    const int start = int(lines.indexOf(anchor));
    if (start < 0)
        return {};
    const QRegularExpression keyLine(QStringLiteral("^\\s+") + key + QStringLiteral(": [|>]-?$"));
    for (int i = start + 1; i < lines.size(); ++i) {
        if (!keyLine.match(lines.at(i)).hasMatch())
            continue;
        const int indent = indentOf(lines.at(i));
        QStringList block;
        for (int j = i + 1; j < lines.size(); ++j) {
            const QString &line = lines.at(j);
            if (!line.trimmed().isEmpty() && indentOf(line) <= indent)
                break;
            block.append(line);
        }
        QString text = block.join(QLatin1Char('\n'));
        text.replace(QRegularExpression(QStringLiteral(",(\\s*[}\\]])")), QStringLiteral("\\1"));
        text.replace(QRegularExpression(
                             QStringLiteral("(\"|\\d|true|false|null|[}\\]])(\\s*\\n\\s*\")")),
                QStringLiteral("\\1,\\2"));
        return text;
    }
    return {};
}

} // namespace

class tst_ApiTypes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixturesMatchSpecExamples_data();
    void fixturesMatchSpecExamples();
    void chatChunksMatchSpecExample();

    void fileFromSpec();
    void fileUnknownPurposeAndNullExpiry();
    void uploadFromSpec();
    void uploadPartFromSpec();
    void jobFromSpec();
    void jobPausedFromSpec();
    void jobErrorNoError_data();
    void jobErrorNoError();
    void jobFailedWithError();
    void jobHyperparametersNullFallsBackToMethod();
    void jobUnknownStatusAndUnknownKeys();
    void jobStatusStrings();
    void eventFromSpec();
    void eventPageFromSpec();
    void eventPageEdgeCases();
    void checkpointPageFromSpec();
    void modelFromSpec();
    void modelPage();
    void filePage();
    void chatCompletionFromSpec();
    void wrongTypesDoNotCrash();

    void hyperparameterJson();
    void createJobOmitsUnsetFields();
    void createJobSendsMethodWithHyperparameters();
    void createJobDpoIncludesBeta();
    void createUploadJson();
    void chatRequestJson();
};

void tst_ApiTypes::fixturesMatchSpecExamples_data()
{
    QTest::addColumn<QString>("fixtureName");
    QTest::addColumn<QString>("anchor");
    QTest::addColumn<QString>("key");
    QTest::newRow("File") << "file.json"
                          << "    OpenAIFile:"
                          << "example";
    QTest::newRow("Upload") << "upload.json"
                            << "    Upload:"
                            << "example";
    QTest::newRow("UploadPart") << "upload_part.json"
                                << "    UploadPart:"
                                << "example";
    QTest::newRow("FineTuningJob") << "fine_tuning_job.json"
                                   << "    FineTuningJob:"
                                   << "example";
    QTest::newRow("Event") << "job_event.json"
                           << "    FineTuningJobEvent:"
                           << "example";
    QTest::newRow("Checkpoint") << "checkpoint.json"
                                << "    FineTuningJobCheckpoint:"
                                << "example";
    QTest::newRow("Model") << "model.json"
                           << "    Model:"
                           << "example";
    QTest::newRow("ChatCompletion") << "chat_completion.json"
                                    << "    CreateChatCompletionResponse:"
                                    << "example";
    QTest::newRow("events list") << "job_events_list.json"
                                 << "  /fine_tuning/jobs/{fine_tuning_job_id}/events:"
                                 << "response";
    QTest::newRow("checkpoints list") << "checkpoints_list.json"
                                      << "  /fine_tuning/jobs/{fine_tuning_job_id}/checkpoints:"
                                      << "response";
    QTest::newRow("pause") << "fine_tuning_job_paused.json"
                           << "  /fine_tuning/jobs/{fine_tuning_job_id}/pause:"
                           << "response";
}

void tst_ApiTypes::fixturesMatchSpecExamples()
{
    QFETCH(QString, fixtureName);
    QFETCH(QString, anchor);
    QFETCH(QString, key);
    QFile spec(QStringLiteral(FS_SHARED_DIR "/reference/openai-openapi.yaml"));
    FS_REQUIRE_TOOL(spec.open(QIODevice::ReadOnly),
            QStringLiteral("the OpenAPI spec is not available here: ") + spec.fileName());
    const QStringList lines = QString::fromUtf8(spec.readAll()).split(QLatin1Char('\n'));
    const QString block = specBlock(lines, anchor, key);
    QVERIFY2(!block.isEmpty(), qPrintable(anchor));
    QJsonParseError error;
    const QJsonDocument fromSpec = QJsonDocument::fromJson(block.toUtf8(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(fromSpec, fixtureDocument(fixtureName));
}

void tst_ApiTypes::chatChunksMatchSpecExample()
{
    QFile spec(QStringLiteral(FS_SHARED_DIR "/reference/openai-openapi.yaml"));
    FS_REQUIRE_TOOL(spec.open(QIODevice::ReadOnly),
            QStringLiteral("the OpenAPI spec is not available here: ") + spec.fileName());
    const QStringList lines = QString::fromUtf8(spec.readAll()).split(QLatin1Char('\n'));
    const QString block = specBlock(lines,
            QStringLiteral("    CreateChatCompletionStreamResponse:"), QStringLiteral("example"));
    QJsonArray chunks;
    const QStringList blockLines = block.split(QLatin1Char('\n'));
    for (const QString &line : blockLines) {
        if (line.trimmed().startsWith(QLatin1Char('{')))
            chunks.append(QJsonDocument::fromJson(line.trimmed().toUtf8()).object());
    }
    QCOMPARE(chunks.size(), 3);
    QCOMPARE(QJsonDocument(chunks), fixtureDocument(QStringLiteral("chat_completion_chunks.json")));
}

void tst_ApiTypes::fileFromSpec()
{
    const FileObject file = FileObject::fromJson(fixture(QStringLiteral("file.json")));
    QCOMPARE(file.id, QStringLiteral("file-abc123"));
    QCOMPARE(file.bytes, 120000);
    QCOMPARE(file.createdAt, 1677610602);
    QVERIFY(file.expiresAt.has_value());
    QCOMPARE(*file.expiresAt, 1680202602);
    QCOMPARE(file.filename, QStringLiteral("salesOverview.pdf"));
    QCOMPARE(file.purpose, QStringLiteral("assistants"));
    QVERIFY(file.status.isEmpty()); // the example omits the deprecated field
    QCOMPARE(file.raw.value(QLatin1String("object")).toString(), QStringLiteral("file"));
}

void tst_ApiTypes::fileUnknownPurposeAndNullExpiry()
{
    const FileObject file =
            FileObject::fromJson(fixture(QStringLiteral("file_unknown_purpose.json")));
    QCOMPARE(file.purpose, QStringLiteral("evals"));
    QVERIFY(!file.expiresAt.has_value());
    QVERIFY(file.statusDetails.isEmpty());
    QCOMPARE(file.status, QStringLiteral("processed"));
    QVERIFY(file.raw.value(QLatin1String("a_key_from_the_future")).toBool());
}

void tst_ApiTypes::uploadFromSpec()
{
    const UploadObject upload = UploadObject::fromJson(fixture(QStringLiteral("upload.json")));
    QCOMPARE(upload.id, QStringLiteral("upload_abc123"));
    QCOMPARE(upload.bytes, Q_INT64_C(2147483648)); // beyond 32 bits
    QCOMPARE(upload.status, QStringLiteral("completed"));
    QCOMPARE(upload.expiresAt, 1719127296);
    QVERIFY(upload.file.has_value());
    QCOMPARE(upload.file->id, QStringLiteral("file-xyz321"));
    QCOMPARE(upload.file->bytes, Q_INT64_C(2147483648));
    QCOMPARE(upload.file->purpose, QStringLiteral("fine-tune"));

    QJsonObject pending = fixture(QStringLiteral("upload.json"));
    pending.insert(QLatin1String("status"), QStringLiteral("pending"));
    pending.insert(QLatin1String("file"), QJsonValue::Null);
    QVERIFY(!UploadObject::fromJson(pending).file.has_value());
}

void tst_ApiTypes::uploadPartFromSpec()
{
    const UploadPart part = UploadPart::fromJson(fixture(QStringLiteral("upload_part.json")));
    QCOMPARE(part.id, QStringLiteral("part_def456"));
    QCOMPARE(part.uploadId, QStringLiteral("upload_abc123"));
    QCOMPARE(part.createdAt, 1719186911);
}

void tst_ApiTypes::jobFromSpec()
{
    const FineTuningJob job =
            FineTuningJob::fromJson(fixture(QStringLiteral("fine_tuning_job.json")));
    QCOMPARE(job.id, QStringLiteral("ftjob-abc123"));
    QCOMPARE(job.model, QStringLiteral("davinci-002"));
    QCOMPARE(job.status, FineTuningJob::Status::Succeeded);
    QVERIFY(job.isTerminal());
    QCOMPARE(job.finishedAt.value_or(-1), 1692661190);
    QCOMPARE(job.fineTunedModel, QStringLiteral("ft:davinci-002:my-org:custom_suffix:7q8mpxmy"));
    QCOMPARE(job.resultFiles, QStringList {QStringLiteral("file-abc123")});
    QVERIFY(job.validationFile.isEmpty());
    QCOMPARE(job.trainedTokens.value_or(-1), 5768);
    QCOMPARE(job.methodType, QStringLiteral("supervised"));
    QVERIFY(!job.hyperparameters.nEpochs.isAuto);
    QCOMPARE(job.hyperparameters.nEpochs.value, 4.0);
    QCOMPARE(job.hyperparameters.batchSize.value, 1.0);
    QCOMPARE(job.hyperparameters.learningRateMultiplier.value, 1.0);
    QVERIFY(job.hyperparameters.beta.isAuto);
    QVERIFY(!job.error.has_value());
    QCOMPARE(job.seed.value_or(-1), 0);
    QVERIFY(!job.estimatedFinish.has_value()); // 0 means "not given"
    QCOMPARE(job.metadata.value(QStringLiteral("key")), QStringLiteral("value"));
}

void tst_ApiTypes::jobPausedFromSpec()
{
    // The pause example omits error, hyperparameters, trained_tokens, finished_at and seed.
    const FineTuningJob job =
            FineTuningJob::fromJson(fixture(QStringLiteral("fine_tuning_job_paused.json")));
    QCOMPARE(job.status, FineTuningJob::Status::Paused);
    QCOMPARE(job.statusText, QStringLiteral("paused"));
    QVERIFY(!job.isTerminal());
    QVERIFY(!job.finishedAt.has_value());
    QVERIFY(!job.trainedTokens.has_value());
    QVERIFY(!job.seed.has_value());
    QVERIFY(job.fineTunedModel.isEmpty());
    QVERIFY(job.resultFiles.isEmpty());
    QCOMPARE(job.validationFile, QStringLiteral("file-abc123"));
    QVERIFY(job.hyperparameters.nEpochs.isAuto);
}

void tst_ApiTypes::jobErrorNoError_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("status");
    QTest::newRow("error {}") << "job_error_empty_object.json"
                              << int(FineTuningJob::Status::Running);
    QTest::newRow("error all null")
            << "job_error_all_null.json" << int(FineTuningJob::Status::Queued);
    QTest::newRow("error null") << "job_error_null.json"
                                << int(FineTuningJob::Status::ValidatingFiles);
}

void tst_ApiTypes::jobErrorNoError()
{
    QFETCH(QString, name);
    QFETCH(int, status);
    const FineTuningJob job = FineTuningJob::fromJson(fixture(name));
    QVERIFY(!job.error.has_value());
    QCOMPARE(int(job.status), status);
    QVERIFY(!job.isTerminal());
    QVERIFY(!job.finishedAt.has_value());
    QVERIFY(!job.trainedTokens.has_value());
    QVERIFY(job.fineTunedModel.isEmpty());
}

void tst_ApiTypes::jobFailedWithError()
{
    const FineTuningJob job = FineTuningJob::fromJson(fixture(QStringLiteral("job_failed.json")));
    QCOMPARE(job.status, FineTuningJob::Status::Failed);
    QVERIFY(job.isTerminal());
    QVERIFY(job.error.has_value());
    QCOMPARE(job.error->code, QStringLiteral("invalid_n_examples"));
    QCOMPARE(job.error->param, QStringLiteral("training_file"));
    QVERIFY(job.error->message.contains(QLatin1String("at least 10")));
    QVERIFY(job.hyperparameters.nEpochs.isAuto); // null hyperparameters, no method
}

void tst_ApiTypes::jobHyperparametersNullFallsBackToMethod()
{
    const FineTuningJob job =
            FineTuningJob::fromJson(fixture(QStringLiteral("job_dpo_hyperparameters_null.json")));
    QCOMPARE(job.methodType, QStringLiteral("dpo"));
    QVERIFY(!job.hyperparameters.beta.isAuto);
    QCOMPARE(job.hyperparameters.beta.value, 0.1);
    QCOMPARE(job.hyperparameters.batchSize.value, 4.0);
    QCOMPARE(job.hyperparameters.nEpochs.value, 2.0);
    QVERIFY(job.hyperparameters.learningRateMultiplier.isAuto);
    QCOMPARE(job.estimatedFinish.value_or(-1), 1721768400);

    // method wins over the deprecated top-level field when both are present
    QJsonObject both = fixture(QStringLiteral("job_dpo_hyperparameters_null.json"));
    both.insert(QLatin1String("hyperparameters"), QJsonObject {{QLatin1String("n_epochs"), 9}});
    QCOMPARE(FineTuningJob::fromJson(both).hyperparameters.nEpochs.value, 2.0);
}

void tst_ApiTypes::jobUnknownStatusAndUnknownKeys()
{
    const FineTuningJob job =
            FineTuningJob::fromJson(fixture(QStringLiteral("job_status_unknown.json")));
    QCOMPARE(job.status, FineTuningJob::Status::Unknown);
    QCOMPARE(job.statusText, QStringLiteral("some_future_status"));
    QVERIFY(!job.isTerminal()); // keep polling what we do not understand
    QVERIFY(!job.estimatedFinish.has_value());
    QVERIFY(job.metadata.isEmpty());
    QCOMPARE(job.suffix, QStringLiteral("support-bot"));
    QCOMPARE(job.raw.value(QLatin1String("usage_metrics"))
                     .toObject()
                     .value(QLatin1String("billed_tokens"))
                     .toInt(),
            1234);
    QVERIFY(job.raw.contains(QLatin1String("a_key_from_the_future")));
    QVERIFY(job.raw.contains(QLatin1String("shared_with_openai")));
}

void tst_ApiTypes::jobStatusStrings()
{
    using S = FineTuningJob::Status;
    for (S status : {S::ValidatingFiles, S::Queued, S::Running, S::Paused, S::Succeeded, S::Failed,
                 S::Cancelled})
        QCOMPARE(FineTuningJob::statusFromString(FineTuningJob::statusToString(status)), status);
    QCOMPARE(FineTuningJob::statusFromString(QStringLiteral("paused")), S::Paused);
    QCOMPARE(FineTuningJob::statusFromString(QString()), S::Unknown);
    QCOMPARE(FineTuningJob::statusFromString(QStringLiteral("Running")), S::Unknown);
}

void tst_ApiTypes::eventFromSpec()
{
    const JobEvent event = JobEvent::fromJson(fixture(QStringLiteral("job_event.json")));
    QCOMPARE(event.id, QStringLiteral("ftevent-abc123"));
    QCOMPARE(event.createdAt, 1677610602);
    QCOMPARE(event.level, QStringLiteral("info"));
    QCOMPARE(event.message, QStringLiteral("Created fine-tuning job"));
    QCOMPARE(event.type, QStringLiteral("message"));
    QVERIFY(event.data.isEmpty());
}

void tst_ApiTypes::eventPageFromSpec()
{
    const Page<JobEvent> page = parseEventPage(fixture(QStringLiteral("job_events_list.json")));
    QCOMPARE(page.data.size(), 2);
    QVERIFY(page.hasMore);
    // newest first; no last_id in the events list, so the last item's id is the cursor
    QCOMPARE(page.data.at(0).message, QStringLiteral("Fine tuning job successfully completed"));
    QVERIFY(page.data.at(0).data.isEmpty()); // "data": null
    QCOMPARE(page.lastId, QStringLiteral("ft-event-tyiGuB72evQncpH87xe505Sv"));
    QCOMPARE(page.firstId, QStringLiteral("ft-event-ddTJfwuMVpfLXseO0Am0Gqjm"));
}

void tst_ApiTypes::eventPageEdgeCases()
{
    const Page<JobEvent> page = parseEventPage(fixture(QStringLiteral("job_events_error.json")));
    QCOMPARE(page.data.size(), 4);
    QVERIFY(!page.hasMore);
    QCOMPARE(page.data.at(0).level, QStringLiteral("error"));
    QCOMPARE(page.data.at(0).data.value(QLatin1String("error_code")).toString(),
            QStringLiteral("invalid_n_examples"));
    QCOMPARE(page.data.at(1).type, QStringLiteral("metrics"));
    QCOMPARE(page.data.at(1).data.value(QLatin1String("train_loss")).toDouble(), 1.2);
    QCOMPARE(page.data.at(2).type, QStringLiteral("moderation_checks"));
    QCOMPARE(page.data.at(2).level, QStringLiteral("warn"));
    QVERIFY(page.data.at(3).type.isEmpty());
    QVERIFY(page.data.at(3).data.isEmpty());
    QCOMPARE(page.lastId, QStringLiteral("ftevent-0"));
}

void tst_ApiTypes::checkpointPageFromSpec()
{
    const Page<Checkpoint> page =
            parseCheckpointPage(fixture(QStringLiteral("checkpoints_list.json")));
    QCOMPARE(page.data.size(), 2);
    QVERIFY(page.hasMore);
    QCOMPARE(page.firstId, QStringLiteral("ftckpt_zc4Q7MP6XxulcVzj4MZdwsAB"));
    QCOMPARE(page.lastId, QStringLiteral("ftckpt_enQCFmOTGj3syEpYVhBRLTSy"));
    QCOMPARE(page.data.at(0).stepNumber, 2000);
    QCOMPARE(page.data.at(0).jobId, QStringLiteral("ftjob-abc123"));
    QCOMPARE(page.data.at(0).metrics.value(QStringLiteral("full_valid_loss")), 0.134);
    QVERIFY(!page.data.at(0).metrics.contains(QStringLiteral("train_loss")));
    QVERIFY(page.data.at(1).fineTunedModelCheckpoint.endsWith(QLatin1String(":ckpt-step-1000")));

    const Checkpoint single = Checkpoint::fromJson(fixture(QStringLiteral("checkpoint.json")));
    QCOMPARE(single.stepNumber, 88);
    QCOMPARE(single.metrics.size(), 7);
    QCOMPARE(single.metrics.value(QStringLiteral("valid_loss")), 10.112);
}

void tst_ApiTypes::modelFromSpec()
{
    const ModelObject model = ModelObject::fromJson(fixture(QStringLiteral("model.json")));
    QCOMPARE(model.id, QStringLiteral("VAR_chat_model_id"));
    QCOMPARE(model.created, 1686935002);
    QCOMPARE(model.ownedBy, QStringLiteral("openai"));
    QCOMPARE(model.shutdownDate, QStringLiteral("2026-10-23"));
    QVERIFY(!model.isFineTuned());
}

void tst_ApiTypes::modelPage()
{
    const Page<ModelObject> page = parseModelPage(fixture(QStringLiteral("models_list.json")));
    QCOMPARE(page.data.size(), 3);
    QVERIFY(!page.hasMore); // the models list has no has_more at all
    QVERIFY(page.data.at(1).isFineTuned());
    QVERIFY(page.data.at(1).shutdownDate.isEmpty());
    QCOMPARE(page.data.at(2).shutdownDate, QStringLiteral("2026-10-23"));
}

void tst_ApiTypes::filePage()
{
    const Page<FileObject> page = parseFilePage(fixture(QStringLiteral("files_list.json")));
    QCOMPARE(page.data.size(), 2);
    QVERIFY(page.hasMore);
    QCOMPARE(page.lastId, QStringLiteral("file-a"));
    QCOMPARE(page.data.at(1).purpose, QStringLiteral("fine-tune-results"));
}

void tst_ApiTypes::chatCompletionFromSpec()
{
    const ChatCompletion completion =
            ChatCompletion::fromJson(fixture(QStringLiteral("chat_completion.json")));
    QCOMPARE(completion.id, QStringLiteral("chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG"));
    QCOMPARE(completion.model, QStringLiteral("gpt-4o-2024-08-06"));
    QVERIFY(completion.content.startsWith(QLatin1String("The image shows a wooden boardwalk")));
    QCOMPARE(completion.finishReason, QStringLiteral("stop"));
    QVERIFY(completion.usage.has_value());
    QCOMPARE(completion.usage->promptTokens, 1117);
    QCOMPARE(completion.usage->completionTokens, 46);
    QCOMPARE(completion.usage->totalTokens, 1163);

    // content null (a refusal or tool call) and no choices at all
    QJsonObject odd = fixture(QStringLiteral("chat_completion.json"));
    odd.insert(QLatin1String("usage"), QJsonValue::Null);
    odd.insert(QLatin1String("choices"), QJsonArray());
    const ChatCompletion empty = ChatCompletion::fromJson(odd);
    QVERIFY(empty.content.isEmpty());
    QVERIFY(!empty.usage.has_value());
}

void tst_ApiTypes::wrongTypesDoNotCrash()
{
    const QJsonObject nonsense {{QLatin1String("id"), 5},
            {QLatin1String("bytes"), QStringLiteral("12")},
            {QLatin1String("created_at"), QJsonArray()},
            {QLatin1String("error"), QStringLiteral("boom")}, {QLatin1String("hyperparameters"), 3},
            {QLatin1String("method"), QStringLiteral("supervised")},
            {QLatin1String("result_files"), QJsonValue::Null},
            {QLatin1String("metadata"), QJsonArray()}, {QLatin1String("status"), 7}};
    const FineTuningJob job = FineTuningJob::fromJson(nonsense);
    QVERIFY(job.id.isEmpty());
    QCOMPARE(job.status, FineTuningJob::Status::Unknown);
    QVERIFY(!job.error.has_value());
    QCOMPARE(job.methodType, QStringLiteral("supervised"));
    QCOMPARE(FileObject::fromJson(nonsense).bytes, 12); // numeric strings are tolerated
    QCOMPARE(parseJobPage(QJsonObject {{QLatin1String("data"), QStringLiteral("x")}}).data.size(),
            0);
}

void tst_ApiTypes::hyperparameterJson()
{
    QCOMPARE(Hyperparameter::fromJson(QStringLiteral("auto")).isAuto, true);
    QCOMPARE(Hyperparameter::fromJson(QJsonValue::Null).isAuto, true);
    QCOMPARE(Hyperparameter::fromJson(QJsonValue()).isAuto, true);
    const Hyperparameter three = Hyperparameter::fromJson(3);
    QVERIFY(!three.isAuto);
    QCOMPARE(three.value, 3.0);
    QCOMPARE(Hyperparameter().toJson(), QJsonValue(QStringLiteral("auto")));
    Hyperparameter epochs;
    epochs.isAuto = false;
    epochs.value = 4;
    QCOMPARE(QJsonDocument(QJsonArray {epochs.toJson()}).toJson(QJsonDocument::Compact),
            QByteArray("[4]")); // an integer, as the spec requires for n_epochs
    epochs.value = 0.5;
    QCOMPARE(epochs.toJson().toDouble(), 0.5);
}

void tst_ApiTypes::createJobOmitsUnsetFields()
{
    CreateJobRequest request;
    request.model = QStringLiteral("gpt-4.1-mini-2025-04-14");
    request.trainingFile = QStringLiteral("file-train");
    const QJsonObject json = request.toJson();
    QCOMPARE(json.keys(),
            (QStringList {QStringLiteral("method"), QStringLiteral("model"),
                    QStringLiteral("training_file")}));
    QCOMPARE(json.value(QLatin1String("method")).toObject(),
            (QJsonObject {{QLatin1String("type"), QStringLiteral("supervised")}}));
    const QByteArray text = QJsonDocument(json).toJson(QJsonDocument::Compact);
    QVERIFY2(!text.contains("null"), text.constData());
    QVERIFY(!text.contains("\"hyperparameters\""));
}

void tst_ApiTypes::createJobSendsMethodWithHyperparameters()
{
    CreateJobRequest request;
    request.model = QStringLiteral("gpt-4.1-mini-2025-04-14");
    request.trainingFile = QStringLiteral("file-train");
    request.validationFile = QStringLiteral("file-valid");
    request.suffix = QStringLiteral("support");
    request.seed = 42;
    request.hyperparameters.nEpochs.isAuto = false;
    request.hyperparameters.nEpochs.value = 3;
    request.hyperparameters.learningRateMultiplier.isAuto = false;
    request.hyperparameters.learningRateMultiplier.value = 1.8;
    request.hyperparameters.beta.isAuto = false; // not a supervised parameter: must not be sent
    request.hyperparameters.beta.value = 0.2;
    request.metadata.insert(QStringLiteral("project"), QStringLiteral("demo"));
    const QByteArray text = QJsonDocument(request.toJson()).toJson(QJsonDocument::Compact);
    QCOMPARE(text,
            QByteArray(
                    R"({"metadata":{"project":"demo"},"method":{"supervised":{"hyperparameters":)"
                    R"({"learning_rate_multiplier":1.8,"n_epochs":3}},"type":"supervised"},)"
                    R"("model":"gpt-4.1-mini-2025-04-14","seed":42,"suffix":"support",)"
                    R"("training_file":"file-train","validation_file":"file-valid"})"));
}

void tst_ApiTypes::createJobDpoIncludesBeta()
{
    CreateJobRequest request;
    request.model = QStringLiteral("gpt-4.1-mini-2025-04-14");
    request.trainingFile = QStringLiteral("file-pref");
    request.methodType = QStringLiteral("dpo");
    request.hyperparameters.beta.isAuto = false;
    request.hyperparameters.beta.value = 0.1;
    const QJsonObject method = request.toJson().value(QLatin1String("method")).toObject();
    QCOMPARE(method.value(QLatin1String("type")).toString(), QStringLiteral("dpo"));
    QCOMPARE(method.value(QLatin1String("dpo"))
                     .toObject()
                     .value(QLatin1String("hyperparameters"))
                     .toObject(),
            (QJsonObject {{QLatin1String("beta"), 0.1}}));
    QVERIFY(!method.contains(QLatin1String("supervised")));
}

void tst_ApiTypes::createUploadJson()
{
    CreateUploadRequest request;
    request.filename = QStringLiteral("train.jsonl");
    request.bytes = Q_INT64_C(5000000000);
    QCOMPARE(QJsonDocument(request.toJson()).toJson(QJsonDocument::Compact),
            QByteArray(R"({"bytes":5000000000,"filename":"train.jsonl","mime_type":"text/jsonl",)"
                       R"("purpose":"fine-tune"})"));
}

void tst_ApiTypes::chatRequestJson()
{
    ChatRequest request;
    request.model = QStringLiteral("ft:gpt-4.1-nano-2025-04-14:org::abc");
    request.messages = {{QStringLiteral("system"), QStringLiteral("Be brief.")},
            {QStringLiteral("user"), QStringLiteral("Hi")}};
    request.temperature = 0.2;
    request.maxCompletionTokens = 100;
    const QJsonObject plain = request.toJson(false);
    QVERIFY(!plain.contains(QLatin1String("stream")));
    QVERIFY(!plain.contains(QLatin1String("stream_options")));
    QVERIFY(!plain.contains(QLatin1String("top_p")));
    QVERIFY(!plain.contains(QLatin1String("seed")));
    QCOMPARE(plain.value(QLatin1String("max_completion_tokens")).toInt(), 100);
    QCOMPARE(plain.value(QLatin1String("messages")).toArray().size(), 2);
    QCOMPARE(plain.value(QLatin1String("messages")).toArray().at(1).toObject(),
            (QJsonObject {{QLatin1String("role"), QStringLiteral("user")},
                    {QLatin1String("content"), QStringLiteral("Hi")}}));
    const QJsonObject streamed = request.toJson(true);
    QCOMPARE(streamed.value(QLatin1String("stream")), QJsonValue(true));
    QCOMPARE(streamed.value(QLatin1String("stream_options")).toObject(),
            (QJsonObject {{QLatin1String("include_usage"), true}}));
}

QTEST_GUILESS_MAIN(tst_ApiTypes)
#include "tst_apitypes.moc"
