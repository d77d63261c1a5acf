// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the Jobs GUI tests: an in-process sandbox per test function with fresh settings,
// keys, network, an active connection to it and an API client for setting up files.

#include "activeconnection.h"
#include "apiclient.h"
#include "appsettings.h"
#include "connectionstore.h"
#include "jobnotifier.h"
#include "jobsarea.h"
#include "jobtracker.h"
#include "providerclient.h"
#include "sandboxserver.h"
#include "secretstore.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace fs::test {

/// Base of the test classes (after QObject): call startSandbox() in init() and stopSandbox() in
/// cleanup().
class JobsFixture
{
protected:
    static QString sample(const QString &name)
    {
        return QStringLiteral(FS_TEST_DATA_DIR "/../../resources/samples/") + name;
    }

    static QByteArray readAll(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    /// The Jobs area on the active connection with its history in the test's folder, polling
    /// fast, without tray notices, shown at `size`.
    std::unique_ptr<ui::JobsArea> makeJobsArea(const QSize &size = QSize(1024, 600))
    {
        auto area = std::make_unique<ui::JobsArea>(m_active.get(), m_nam.get(), nullptr,
                m_dir->filePath(QStringLiteral("history.sqlite")));
        area->setTrackerIntervals(fastIntervals());
        area->notifier()->setSystemTrayAllowed(false);
        area->resize(size);
        area->show();
        return area;
    }

    /// Creates the job through `provider` (any dialect); its id, or empty when it failed.
    static QString createJob(ProviderClient *provider, const CreateJobRequest &request)
    {
        QString jobId;
        bool done = false;
        provider->createJob(request, [&](const ProviderResult<FineTuningJob> &r) {
            if (r.ok())
                jobId = r.value->id;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 10000))
            return {};
        return jobId;
    }

    /// Polling fast enough for a sandbox at time scale 0.02.
    static TrackerIntervals fastIntervals()
    {
        TrackerIntervals fast;
        fast.runningMs = 100;
        fast.waitingMs = 100;
        fast.maxBackoffMs = 400;
        return fast;
    }

    /// Starts the sandbox (time scale 0.02) and waits up to 10 s until the active connection is
    /// up; false with the reason in *problem.
    bool startSandbox(QString *problem)
    {
        m_dir = std::make_unique<QTemporaryDir>();
        sandbox::SandboxOptions options;
        options.timeScale = 0.02;
        m_sandbox = std::make_unique<sandbox::SandboxServer>(options);
        if (!m_sandbox->start(problem))
            return false;
        m_settings = std::make_unique<fs::AppSettings>(m_dir->filePath(QStringLiteral("s.ini")));
        m_store = std::make_unique<ConnectionStore>(m_settings.get());
        m_store->setSandboxBaseUrl(m_sandbox->baseUrl());
        m_secrets = std::make_unique<MemorySecretStore>();
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_active = std::make_unique<ActiveConnection>(m_store.get(), m_secrets.get(), m_nam.get());
        if (!QTest::qWaitFor(
                    [this] { return m_active->state() == ActiveConnection::State::Connected; },
                    10000)) {
            *problem = QStringLiteral("the connection to the sandbox did not come up");
            return false;
        }
        m_client = std::make_unique<ApiClient>(m_nam.get(), m_active->connection());
        return true;
    }

    /// In the order that lets each part go before what it uses.
    void stopSandbox()
    {
        m_client.reset();
        m_active.reset();
        m_nam.reset();
        m_store.reset();
        m_settings.reset();
        m_sandbox.reset();
        m_dir.reset();
    }

    /// Uploads a sample through the API (as the Files area would) and waits until processed;
    /// the file id, empty when that failed.
    QString upload(const QString &name)
    {
        ApiReply *reply = m_client->uploadFile(name, readAll(sample(name)));
        QSignalSpy done(reply, &ApiReply::finished);
        if (!done.wait(10000) || !reply->ok())
            return {};
        const QString id = FileObject::fromJson(reply->json()).id;
        for (int i = 0; i < 100; ++i) {
            ApiReply *check = m_client->retrieveFile(id);
            QSignalSpy checked(check, &ApiReply::finished);
            checked.wait(5000);
            if (FileObject::fromJson(check->json()).status == QLatin1String("processed"))
                return id;
            QTest::qWait(20); // paces the polling (the condition is above)
        }
        return {};
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<fs::AppSettings> m_settings;
    std::unique_ptr<sandbox::SandboxServer> m_sandbox;
    std::unique_ptr<ConnectionStore> m_store;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ActiveConnection> m_active;
    std::unique_ptr<ApiClient> m_client;
};

} // namespace fs::test
