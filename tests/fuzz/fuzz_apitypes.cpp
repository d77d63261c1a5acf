// SPDX-License-Identifier: GPL-3.0-or-later
// fuzz_apitypes: every JSON answer of the services read into typed objects — OpenAI's wire
// shapes (apitypes.h, domain.h's fromJson), the error body, and each provider dialect's parse
// functions (openaidialect, togetherdialect, and any dialect dialectForId() knows).

#include "apierror.h"
#include "apitypes.h"
#include "dialect.h"
#include "fuzzsupport.h"
#include "togetherdialect.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace fs;

namespace {

template<typename T>
void check(const Expected<T> &result)
{
    // Errors come by value with a sentence, never a blank object.
    if (!result.ok()) {
        FS_FUZZ_CHECK(!result.error().message.isEmpty());
        FS_FUZZ_CHECK(!result.error().code().isEmpty());
    }
}

void typedObjects(const QJsonObject &object)
{
    parseFilePage(object);
    parseJobPage(object);
    parseEventPage(object);
    parseCheckpointPage(object);
    parseModelPage(object);
    MetricPoint::fromJson(object);
    FileObject::fromJson(object);
    DeletedObject::fromJson(object);
    UploadObject::fromJson(object);
    UploadPart::fromJson(object);
    Hyperparameters::fromJson(object);
    FineTuningJob::fromJson(object);
    JobEvent::fromJson(object);
    Checkpoint::fromJson(object);
    ModelObject::fromJson(object);
    Usage::fromJson(object);
    ChatCompletion::fromJson(object);
    // Nested objects as the answers carry them (a job's hyperparameters, an event's data).
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        Hyperparameter::fromJson(it.value());
        TogetherDialect::timeFromJson(it.value());
        if (it.value().isString()) {
            FineTuningJob::statusFromString(it.value().toString());
            TogetherDialect::jobStatus(it.value().toString());
            TogetherDialect::deploymentState(it.value().toString());
        }
        if (it.value().isObject()) {
            const QJsonObject inner = it.value().toObject();
            MetricPoint::fromJson(inner);
            Hyperparameters::fromJson(inner);
            FineTuningJob::fromJson(inner);
            ChatCompletion::fromJson(inner);
        }
    }
}

void dialectParsers(const Dialect &dialect, const HttpAnswer &answer, int fromStep)
{
    check(dialect.parseFileList(answer));
    check(dialect.parseFile(answer));
    check(dialect.parsePresignedUpload(answer));
    check(dialect.parseDeleted(answer));
    check(dialect.parseJob(answer));
    check(dialect.parseJobList(answer));
    check(dialect.parseEvents(answer));
    check(dialect.parseCheckpoints(answer, QStringLiteral("ftjob-abc123")));
    check(dialect.parseMetrics(answer, fromStep));
    check(dialect.parsePriceEstimate(answer));
    check(dialect.parseModelList(answer));
    check(dialect.parseModels(answer));
    check(dialect.parseModelLimits(answer));
    check(dialect.parseHardware(answer));
    check(dialect.parseDeployment(answer));
    check(dialect.parseDeployments(answer));
    check(dialect.parseChat(answer));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = fuzz::bytesOf(data, size);

    const QJsonDocument document = QJsonDocument::fromJson(bytes);
    if (document.isObject()) {
        typedObjects(document.object());
    } else if (document.isArray()) {
        for (const QJsonValue &value : document.array()) {
            if (value.isObject())
                typedObjects(value.toObject());
        }
    }

    for (const int status : {400, 401, 404, 429, 500}) {
        const ApiError error = ApiError::fromBody(status, bytes, QStringLiteral("req_123"));
        FS_FUZZ_CHECK(error.isError());
        FS_FUZZ_CHECK(!error.plainMessage().isEmpty());
        FS_FUZZ_CHECK(!error.technicalSummary().isEmpty());
        error.isTransient();
        error.isQuotaExhausted();
    }

    // The dialects read the whole answer: status, headers (a presigned upload's Location and
    // file id come from the first two lines of the input) and body.
    HttpAnswer answer;
    answer.body = bytes;
    const QList<QByteArray> lines = bytes.left(400).split('\n');
    answer.headers = {{"Location", lines.value(0)}, {"X-Together-File-Id", lines.value(1)},
            {"Content-Type", "application/json"}};
    const int fromStep = int(qHash(bytes) % 50);
    QStringList seen;
    // Ids of dialects to come map to OpenAI until they exist; each dialect runs once.
    for (const QString &id : {QStringLiteral("openai"), QStringLiteral("together"),
                 QStringLiteral("azure"), QStringLiteral("fireworks")}) {
        const std::unique_ptr<Dialect> dialect = dialectForId(id);
        if (seen.contains(dialect->id()))
            continue;
        seen.append(dialect->id());
        for (const int status : {200, 302}) {
            answer.status = status;
            dialectParsers(*dialect, answer, fromStep);
        }
    }
    return 0;
}
