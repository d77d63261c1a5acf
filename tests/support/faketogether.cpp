// SPDX-License-Identifier: GPL-3.0-or-later
#include "faketogether.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

#include <algorithm>

namespace fs::test {

namespace {

CannedResponse json(const QJsonObject &object)
{
    return CannedResponse::json(200, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject eventJson(const QString &time, const QString &type, const QString &message)
{
    return QJsonObject {{QStringLiteral("object"), QStringLiteral("fine-tune-event")},
            {QStringLiteral("created_at"), time}, {QStringLiteral("level"), QStringLiteral("info")},
            {QStringLiteral("message"), message}, {QStringLiteral("type"), type},
            {QStringLiteral("hash"), type}};
}

} // namespace

FakeTogether::FakeTogether(const QString &id, QObject *parent)
    : FakeNetworkAccessManager(parent)
    , jobId(id)
{
}

Connection FakeTogether::connection()
{
    Connection connection;
    connection.kind = Connection::Kind::Together;
    connection.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9/v1"));
    connection.apiKey = QStringLiteral("tgp-test");
    return connection;
}

QByteArray FakeTogether::metricsPage(int from, int *lastStep, int *entries) const
{
    QJsonArray list;
    int last = 0;
    int count = 0;
    for (int step = std::max(1, from); step <= stepsDone; ++step) {
        list.append(QJsonObject {{QStringLiteral("train/loss"), trainLoss(step)},
                {QStringLiteral("train/learning_rate"),
                        1e-5 * (1.0 - double(step) / std::max(1, totalSteps))},
                {QStringLiteral("train/epoch"), double(step) / std::max(1, stepsPerEpoch)},
                {QStringLiteral("train/global_step"), step},
                {QStringLiteral("train/total_steps"), totalSteps}});
        ++count;
        if (evalEvery > 0 && step % evalEvery == 0) {
            list.append(QJsonObject {{QStringLiteral("eval/loss"), evalLoss(step)},
                    {QStringLiteral("eval/global_step"), step}});
            ++count;
        }
        last = step;
    }
    if (lastStep)
        *lastStep = last;
    if (entries)
        *entries = count;
    return QJsonDocument(QJsonObject {{QStringLiteral("metrics"), list}})
            .toJson(QJsonDocument::Compact);
}

QNetworkReply *FakeTogether::createRequest(
        Operation operation, const QNetworkRequest &request, QIODevice *data)
{
    enqueue(answer(request.url()));
    return FakeNetworkAccessManager::createRequest(operation, request, data);
}

CannedResponse FakeTogether::answer(const QUrl &url)
{
    const QString path = url.path();
    const QString job = QStringLiteral("/fine-tunes/") + jobId;
    if (path.endsWith(job + QStringLiteral("/metrics"))) {
        const int from = QUrlQuery(url).queryItemValue(QStringLiteral("global_step_from")).toInt();
        metricsFrom << from;
        int last = 0;
        int entries = 0;
        const QByteArray body = metricsPage(from, &last, &entries);
        metricsLast << last;
        entriesServed += entries;
        metricsBytes += body.size();
        return CannedResponse::json(200, body);
    }
    if (path.endsWith(job + QStringLiteral("/events"))) {
        QJsonArray events {eventJson(QStringLiteral("2026-12-07T01:00:00Z"),
                QStringLiteral("job_pending"), QStringLiteral("Fine tune request created"))};
        if (status != QLatin1String("pending"))
            events.append(eventJson(QStringLiteral("2026-12-07T01:00:00Z"), // the same second
                    QStringLiteral("job_") + status, QStringLiteral("Job status: ") + status));
        return json(QJsonObject {{QStringLiteral("data"), events}});
    }
    if (path.endsWith(job + QStringLiteral("/checkpoints")))
        return json(QJsonObject {{QStringLiteral("data"),
                QJsonArray {QJsonObject {{QStringLiteral("step"), totalSteps},
                        {QStringLiteral("path"), QString(QStringLiteral("user/model-") + jobId)},
                        {QStringLiteral("checkpoint_type"), QStringLiteral("Final")},
                        {QStringLiteral("created_at"), QStringLiteral("2026-12-07T01:05:00Z")}}}}});
    if (path.endsWith(job))
        return json(QJsonObject {{QStringLiteral("id"), jobId}, {QStringLiteral("status"), status},
                {QStringLiteral("created_at"), QStringLiteral("2026-12-07T01:00:00Z")},
                {QStringLiteral("updated_at"), QStringLiteral("2026-12-07T01:05:00Z")},
                {QStringLiteral("model"),
                        QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference")},
                {QStringLiteral("model_output_name"),
                        QString(QStringLiteral("user/model-") + jobId)},
                {QStringLiteral("training_file"), QStringLiteral("file-1")},
                {QStringLiteral("steps_completed"), stepsDone},
                {QStringLiteral("total_steps"), totalSteps},
                {QStringLiteral("epochs_completed"), stepsDone / std::max(1, stepsPerEpoch)},
                {QStringLiteral("progress"),
                        QJsonObject {{QStringLiteral("estimate_available"),
                                             status == QLatin1String("running")},
                                {QStringLiteral("seconds_remaining"),
                                        (totalSteps - stepsDone) * 2}}},
                {QStringLiteral("training_type"),
                        QJsonObject {{QStringLiteral("type"), QStringLiteral("Lora")},
                                {QStringLiteral("lora_r"), 8}}}});
    ++otherRequests;
    return CannedResponse::json(404, R"({"error":{"message":"not found"}})");
}

} // namespace fs::test
