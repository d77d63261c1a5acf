// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Driving a ProviderClient in tests: one call awaited, the support-bot sample uploaded for
// fine-tuning, a job followed until it ends, or both: a job trained on the sample.

#include "providerclient.h"

#include <QFile>
#include <QTest>
#include <memory>
#include <optional>

namespace fs::test {

/// Runs one ProviderClient call — `call(done)` — and waits up to `timeoutMs` for its answer; an
/// empty result (not ok()) when none came. The answer is kept where a late one still finds it.
template<typename T, typename Call>
ProviderResult<T> awaitProvider(Call call, int timeoutMs = 20000)
{
    auto answer = std::make_shared<std::optional<ProviderResult<T>>>();
    call([answer](const ProviderResult<T> &result) { *answer = result; });
    if (!QTest::qWaitFor([answer] { return answer->has_value(); }, timeoutMs))
        return {};
    return **answer;
}

/// resources/samples/support-bot.jsonl uploaded through `client` for fine-tuning.
inline ProviderResult<FileObject> uploadSupportBotSample(ProviderClient &client)
{
    QFile sample(QStringLiteral(FS_TEST_DATA_DIR "/../../resources/samples/support-bot.jsonl"));
    if (!sample.open(QIODevice::ReadOnly))
        return {};
    const QByteArray data = sample.readAll();
    return awaitProvider<FileObject>([&](auto done) {
        client.uploadFile(
                QStringLiteral("support-bot.jsonl"), data, QStringLiteral("fine-tune"), done);
    });
}

/// Reads `job` again until it has ended or `timeoutMs` passed; the job as last read.
inline FineTuningJob waitUntilEnded(
        ProviderClient &client, FineTuningJob job, int timeoutMs = 60000)
{
    (void)QTest::qWaitFor(
            [&] {
                const auto now = awaitProvider<FineTuningJob>(
                        [&](auto done) { client.retrieveJob(job.id, done); });
                if (now.ok())
                    job = *now.value;
                return job.isTerminal();
            },
            timeoutMs);
    return job;
}

/// Uploads the support-bot sample, starts `request` on it (the training file is set here) and
/// follows the job until it ends: the job as it ended. When the upload or the start failed, the
/// job is empty and `why` says what happened.
inline FineTuningJob trainOnSupportBotSample(
        ProviderClient &client, CreateJobRequest request, QString *why)
{
    const auto file = uploadSupportBotSample(client);
    if (!file.ok()) {
        *why = QStringLiteral("upload: ") + file.error.plainMessage();
        return {};
    }
    request.trainingFile = file.value->id;
    const auto job =
            awaitProvider<FineTuningJob>([&](auto done) { client.createJob(request, done); });
    if (!job.ok()) {
        *why = QStringLiteral("job: ") + job.error.plainMessage();
        return {};
    }
    return waitUntilEnded(client, *job.value);
}

} // namespace fs::test
