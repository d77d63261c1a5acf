// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Canned answers of OpenAI's fine-tuning API for tests that watch a job through
// FakeNetworkAccessManager: events, newest-first pages of them and the job itself.

#include "apiclient.h"
#include "connection.h"
#include "fakenetworkaccessmanager.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QUrl>

namespace fs::test {

inline const QString kCannedJob = QStringLiteral("ftjob-abc");
inline const QString kCannedModel = QStringLiteral("gpt-4.1-mini-2025-04-14");

/// Event `number` ("ftevent-N"); a "metrics" one carries step N of 1000 with a falling loss.
inline QJsonObject eventJson(int number, const QString &type = QStringLiteral("message"))
{
    QJsonObject data;
    if (type == QLatin1String("metrics"))
        data = QJsonObject {{QStringLiteral("step"), number}, {QStringLiteral("total_steps"), 1000},
                {QStringLiteral("train_loss"), 2.0 / number}};
    return QJsonObject {{QStringLiteral("id"), QStringLiteral("ftevent-%1").arg(number)},
            {QStringLiteral("object"), QStringLiteral("fine_tuning.job.event")},
            {QStringLiteral("created_at"), 1700000000 + number},
            {QStringLiteral("level"), QStringLiteral("info")},
            {QStringLiteral("message"), QStringLiteral("event %1").arg(number)},
            {QStringLiteral("type"), type},
            {QStringLiteral("data"), data.isEmpty() ? QJsonValue(QJsonValue::Null) : data}};
}

/// A newest-first page of events `from` down to `to`; the numbers in `extra` come twice.
inline CannedResponse eventPage(int from, int to, bool hasMore,
        const QString &type = QStringLiteral("message"), const QList<int> &extra = {})
{
    QJsonArray data;
    for (int n = from; n >= to; --n) {
        data.append(eventJson(n, type));
        if (extra.contains(n))
            data.append(eventJson(n, type)); // the same event twice
    }
    const QJsonObject page {{QStringLiteral("object"), QStringLiteral("list")},
            {QStringLiteral("data"), data}, {QStringLiteral("has_more"), hasMore}};
    return CannedResponse::json(200, QJsonDocument(page).toJson(QJsonDocument::Compact));
}

/// The job `id` with `status` (and `error`).
inline CannedResponse jobResponse(const QString &status, const QJsonValue &error = QJsonValue::Null,
        const QString &id = kCannedJob)
{
    const QJsonObject job {{QStringLiteral("id"), id},
            {QStringLiteral("object"), QStringLiteral("fine_tuning.job")},
            {QStringLiteral("created_at"), 1700000000}, {QStringLiteral("model"), kCannedModel},
            {QStringLiteral("status"), status}, {QStringLiteral("training_file"), "file-1"},
            {QStringLiteral("finished_at"), QJsonValue::Null}, {QStringLiteral("error"), error},
            {QStringLiteral("result_files"), QJsonArray()}};
    return CannedResponse::json(200, QJsonDocument(job).toJson(QJsonDocument::Compact));
}

/// For a client whose every canned error must reach what is tested, as it is: no retries.
inline RetryPolicy noRetries()
{
    RetryPolicy policy;
    policy.maxRetries = 0;
    return policy;
}

/// An OpenAI-compatible connection nobody listens on (the fake network answers instead).
inline Connection cannedConnection()
{
    Connection connection;
    connection.kind = Connection::Kind::Compatible;
    connection.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9/v1"));
    return connection;
}

} // namespace fs::test
