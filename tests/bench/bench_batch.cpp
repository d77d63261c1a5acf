// SPDX-License-Identifier: GPL-3.0-or-later
// A batch of 1,000 prompts on the in-process sandbox at concurrency 8: wall time against the
// ideal, 1000 / 8 × one request's latency measured in the same run (sequential requests first).
// Run once with the sandbox's own speed and once with an injected latency that stands in for a
// real service's answer time.
// Usage: bench_batch [prompts] [concurrency] [latency-ms ...]
// With FS_SANDBOX_URL=http://127.0.0.1:PORT (a `finetune-studio sandbox` started by hand) the
// server runs in its own process instead of sharing this one's thread.
#include "batchrunner.h"
#include "sandboxserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTextStream>
#include <algorithm>

namespace {

QList<fs::BatchItem> makeItems(int count)
{
    QList<fs::BatchItem> items;
    for (int i = 0; i < count; ++i) {
        fs::BatchItem item;
        item.prompt = {fs::Message(QStringLiteral("system"), QStringLiteral("You are helpful.")),
                fs::Message(QStringLiteral("user"),
                        QStringLiteral("Question number %1: how do I reset my lamp?").arg(i))};
        item.reference = QStringLiteral("Hold the button for ten seconds until it blinks twice.");
        item.sourceLine = i + 1;
        items << item;
    }
    return items;
}

qint64 runBatch(QNetworkAccessManager *nam, const fs::ModelTarget &target,
        const QList<fs::BatchItem> &items, int concurrency, int *done)
{
    fs::BatchRunner runner(nam);
    runner.setConcurrency(concurrency);
    runner.setup(items, {target});
    QEventLoop loop;
    QObject::connect(&runner, &fs::BatchRunner::finished, &loop, &QEventLoop::quit);
    QElapsedTimer timer;
    timer.start();
    runner.start();
    if (runner.isRunning())
        loop.exec();
    *done = runner.results().doneCount() - runner.results().failedCount();
    return timer.elapsed();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int prompts = argc > 1 ? std::atoi(argv[1]) : 1000;
    const int concurrency = argc > 2 ? std::atoi(argv[2]) : 8;
    QList<int> latencies;
    for (int a = 3; a < argc; ++a)
        latencies << std::atoi(argv[a]);
    if (latencies.isEmpty())
        latencies = {0, 50};

    fs::sandbox::SandboxServer server;
    QNetworkAccessManager nam;
    fs::ModelTarget target;
    target.connection.kind = fs::Connection::Kind::Sandbox;
    target.model = QStringLiteral("gpt-4o-mini");
    const QString external = qEnvironmentVariable("FS_SANDBOX_URL");
    if (external.isEmpty()) {
        QString error;
        if (!server.start(&error)) {
            out << "sandbox: " << error << '\n';
            return 1;
        }
        target.connection.baseUrl = server.baseUrl();
    } else {
        target.connection.baseUrl = QUrl(external + QStringLiteral("/v1"));
    }
    out << (external.isEmpty() ? "in-process sandbox\n" : "sandbox in its own process\n");
    const auto injectLatency = [&](int latency) {
        if (external.isEmpty()) {
            server.injectLatency(latency);
            return;
        }
        QNetworkRequest request(QUrl(external + QStringLiteral("/_sandbox/faults")));
        request.setHeader(
                QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = nam.post(request,
                QJsonDocument(QJsonObject {{QStringLiteral("latency_ms"), latency}}).toJson());
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
    };

    for (const int latency : latencies) {
        injectLatency(latency);
        int done = 0;
        // One request's latency: 40 sequential requests (after a warm-up), the mean.
        runBatch(&nam, target, makeItems(5), 1, &done);
        const int probes = 40;
        const qint64 sequentialMs = runBatch(&nam, target, makeItems(probes), 1, &done);
        const double oneMs = double(sequentialMs) / probes;
        const qint64 wallMs = runBatch(&nam, target, makeItems(prompts), concurrency, &done);
        const double idealMs = double(prompts) / concurrency * oneMs;
        out << "injected latency " << latency << " ms: one request "
            << QString::number(oneMs, 'f', 2) << " ms; " << prompts << " prompts at concurrency "
            << concurrency << ": " << wallMs << " ms (ideal " << QString::number(idealMs, 'f', 0)
            << " ms, " << QString::number(double(wallMs) / idealMs, 'f', 2) << "× ideal); " << done
            << " answered\n";
    }
    return 0;
}
