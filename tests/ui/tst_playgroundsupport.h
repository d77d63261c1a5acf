// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the Playground GUI tests: an in-process sandbox with one fine-tuned model, the
// connection store, keys and network the area needs, and a few helpers.

#include "apiclient.h"
#include "appsettings.h"
#include "connectionstore.h"
#include "jobhistory.h"
#include "modelpicker.h"
#include "playgroundarea.h"
#include "playgroundconnections.h"
#include "sandboxserver.h"
#include "screenshot.h"
#include "secretstore.h"
#include "startsandbox.h"
#include "targetselector.h"
#include "userfolders.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>
#include <memory>

namespace fs::test {

inline const QString kBaseModel = QStringLiteral("gpt-4.1-mini-2025-04-14");
inline const QString kPrompt = QStringLiteral("How do I reset my password?");

/// With FS_SCREENSHOT_DIR set, saves a picture of `widget` as playground-NAME.png there.
inline void playgroundScreenshot(QWidget *widget, const QString &name)
{
    saveScreenshot(widget, QStringLiteral("playground-") + name);
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// Waits until a target selector has its model list.
inline bool waitReady(ui::TargetSelector *selector, int timeoutMs = 20000)
{
    return QTest::qWaitFor([selector] { return selector->isReady(); }, timeoutMs);
}

/// The checkpoint a selector offers at the highest step: the final model under another name.
inline QString finalCheckpoint(ui::TargetSelector *selector)
{
    QString best;
    qint64 bestStep = 0;
    for (const ui::ModelChoice &choice : selector->modelPicker()->choices()) {
        const qint64 step = choice.id.section(QStringLiteral(":ckpt-step-"), 1, 1).toLongLong();
        if (choice.kind == ui::ModelChoice::Kind::Checkpoint && step > bestStep) {
            best = choice.id;
            bestStep = step;
        }
    }
    return best;
}

/// The row of `model` in a picker (as a person would find it), -1 when it is not offered.
inline int rowOfModel(ui::ModelPicker *picker, const QString &model)
{
    for (int row = 0; row < picker->count(); ++row) {
        if (picker->itemData(row, Qt::ToolTipRole).toString() == model)
            return row;
    }
    return -1;
}

/// Waits for an API reply (it deletes itself after finishing) and keeps what it said.
struct ReplyOutcome
{
    bool ok = false;
    QJsonObject json;
    QByteArray body;
};

inline ReplyOutcome awaitReply(ApiReply *reply, int timeoutMs = 20000)
{
    ReplyOutcome outcome;
    bool done = false;
    QObject::connect(reply, &ApiReply::finished, reply, [&] {
        outcome.ok = reply->ok();
        outcome.json = reply->json();
        outcome.body = reply->body();
        done = true;
    });
    if (!QTest::qWaitFor([&done] { return done; }, timeoutMs))
        outcome.ok = false;
    return outcome;
}

class PlaygroundFixture
{
public:
    /// The job history and settings of the Playground live in this fixture's own folder.
    PlaygroundFixture() { useTemporaryUserFolders(home); }

    /// Starts the sandbox and trains a small job on the support-bot sample; false on failure.
    bool start(QString *why)
    {
        server = startSandbox(0.01, why);
        if (!server)
            return false;
        settings = std::make_unique<fs::AppSettings>(dir.filePath(QStringLiteral("settings.ini")));
        store = std::make_unique<ConnectionStore>(settings.get());
        store->setSandboxBaseUrl(server->baseUrl());
        secrets = std::make_unique<MemorySecretStore>();
        nam = std::make_unique<QNetworkAccessManager>();
        return train(why);
    }

    /// A Playground area on this fixture's connections, keys and network; `datasets` is where
    /// its examples go (none: the area offers to open one).
    std::unique_ptr<ui::PlaygroundArea> makeArea(ui::DatasetArea *datasets = nullptr) const
    {
        return std::make_unique<ui::PlaygroundArea>(
                store.get(), secrets.get(), nam.get(), nullptr, datasets);
    }

    /// Shows `window` at `size` as the active window, so that key presses reach it.
    static void showActive(QWidget *window, const QSize &size)
    {
        window->resize(size);
        window->show();
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window))
            qWarning("the playground window did not become active");
    }

    Connection sandboxConnection() const
    {
        Connection connection = *store->connection(ConnectionStore::sandboxId());
        connection.baseUrl = server->baseUrl();
        return connection;
    }

    /// Uploads the sample, runs a job to the end and remembers its model and a checkpoint.
    bool train(QString *why) { return trainJob(QStringLiteral("lumen"), &fineTuned, &jobId, why); }

    /// Uploads the sample and runs a job with `suffix` to the end: its model and job id.
    bool trainJob(const QString &suffix, QString *model, QString *trainedJobId, QString *why)
    {
        ApiClient client(nam.get(), sandboxConnection());
        const QByteArray data = readFile(
                QStringLiteral(FS_TEST_DATA_DIR "/../../resources/samples/support-bot.jsonl"));
        if (data.isEmpty()) {
            *why = QStringLiteral("sample missing");
            return false;
        }
        const ReplyOutcome upload =
                awaitReply(client.uploadFile(QStringLiteral("support-bot.jsonl"), data));
        if (!upload.ok) {
            *why = QStringLiteral("upload failed");
            return false;
        }
        const QString fileId = upload.json.value(QLatin1String("id")).toString();
        CreateJobRequest request;
        request.model = kBaseModel;
        request.trainingFile = fileId;
        request.suffix = suffix;
        const ReplyOutcome create = awaitReply(client.createJob(request));
        if (!create.ok) {
            *why = QStringLiteral("job creation failed: ") + QString::fromUtf8(create.body);
            return false;
        }
        const QString jobId = create.json.value(QLatin1String("id")).toString();
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 60000) {
            const ReplyOutcome job = awaitReply(client.retrieveJob(jobId));
            if (!job.ok)
                break;
            const QJsonObject object = job.json;
            const QString status = object.value(QLatin1String("status")).toString();
            if (status == QLatin1String("succeeded")) {
                *model = object.value(QLatin1String("fine_tuned_model")).toString();
                *trainedJobId = jobId;
                return !model->isEmpty();
            }
            if (status == QLatin1String("failed") || status == QLatin1String("cancelled")) {
                *why = QStringLiteral("job ended: ") + status;
                return false;
            }
            QTest::qWait(30); // paces the polling (the condition is above)
        }
        *why = QStringLiteral("job did not finish");
        return false;
    }

    /// Keeps the trained job and its checkpoints in the job history, as the Jobs area does
    /// (the service lists no checkpoints; the Playground offers them from the history).
    /// forgetJobs() removes the history again.
    bool rememberJob(QString *why)
    {
        forgetJobs(); // nothing left from an earlier run
        ApiClient client(nam.get(), sandboxConnection());
        const ReplyOutcome job = awaitReply(client.retrieveJob(jobId));
        const ReplyOutcome checkpoints = awaitReply(client.listCheckpoints(jobId));
        if (!job.ok || !checkpoints.ok) {
            *why = QStringLiteral("job or checkpoints not found");
            return false;
        }
        JobHistory history(ConnectionStore::sandboxId());
        if (!history.open() || !history.saveJob(FineTuningJob::fromJson(job.json))
                || !history.saveCheckpoints(jobId, parseCheckpointPage(checkpoints.json).data)) {
            *why = history.lastError();
            return false;
        }
        return true;
    }
    static void forgetJobs() { QFile::remove(JobHistory::defaultPath()); }

    /// A second connection (OpenAI-compatible, to the same sandbox) with a key in the store.
    QString addKeyedConnection(const QString &key)
    {
        Connection connection;
        connection.name = QStringLiteral("Keyed sandbox");
        connection.kind = Connection::Kind::Compatible;
        connection.baseUrl = server->baseUrl();
        const QString id = store->add(connection);
        bool written = false;
        secrets->writeKey(
                id, key, store.get(), [&written](const SecretResult &) { written = true; });
        if (!QTest::qWaitFor([&written] { return written; }, 5000))
            return {};
        store->setHasKey(id, true);
        return id;
    }

    QTemporaryDir home; ///< the user folders (job history, settings) of this test
    QTemporaryDir dir;
    std::unique_ptr<sandbox::SandboxServer> server;
    std::unique_ptr<fs::AppSettings> settings;
    std::unique_ptr<ConnectionStore> store;
    std::unique_ptr<MemorySecretStore> secrets;
    std::unique_ptr<QNetworkAccessManager> nam;
    QString fineTuned;
    QString jobId;
};

} // namespace fs::test
