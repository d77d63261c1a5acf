// SPDX-License-Identifier: GPL-3.0-or-later
// How long a streamed token takes from the socket to the screen in a Playground pane.
//
// The sandbox runs in its own thread (as a server would run elsewhere) and a fine-tuned model
// there answers with a long text (~1,500 words). For every content delta of the streamed
// answer we take the time its bytes were announced by the socket (QNetworkReply::readyRead,
// hooked before the API client's own handler) and the time the pane's text viewport finished
// the next paint after the fragment was appended. Prints count, median, p95 and max; the aim
// is under 20 ms. Two runs: a realistic pace (a word every 15 ms) and a flood (1 ms).
//
// Usage: bench_stream [--words N]   (sets QT_QPA_PLATFORM=offscreen when unset; BENCH_DEBUG=1
// prints every paint's duration and how long after the append it started)

#include "apiclient.h"
#include "appsettings.h"
#include "comparisonsession.h"
#include "connectionstore.h"
#include "panewidget.h"
#include "playgroundarea.h"
#include "sandboxserver.h"
#include "secretstore.h"
#include "sidebysidepage.h"
#include "targetselector.h"
#include "transcriptview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <cstdio>

using namespace fs;

namespace {

QElapsedTimer g_clock;
qint64 g_lastSocketNs = 0; ///< when the stream's socket last announced bytes
QWidget *g_viewport = nullptr;
QList<qint64> g_pending; ///< socket times of fragments appended but not yet painted
QList<double> g_latenciesMs;
QList<double> g_appendToPaintMs; ///< the widget's share: fragment appended → painted
qint64 g_firstPendingAppendNs = -1;

/// Notes the end of every paint of the pane's viewport (after the widget painted).
class BenchApplication : public QApplication
{
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        const bool isPaint = event->type() == QEvent::Paint && receiver == g_viewport;
        const qint64 before = g_clock.nsecsElapsed();
        const bool result = QApplication::notify(receiver, event);
        if (isPaint && qEnvironmentVariableIsSet("BENCH_DEBUG"))
            std::fprintf(stderr, "paint %.2f ms, started %.2f ms after the append\n",
                    (g_clock.nsecsElapsed() - before) / 1e6,
                    g_firstPendingAppendNs < 0 ? -1.0 : (before - g_firstPendingAppendNs) / 1e6);
        if (isPaint && !g_pending.isEmpty()) {
            const qint64 now = g_clock.nsecsElapsed();
            for (qint64 arrived : std::as_const(g_pending))
                g_latenciesMs << (now - arrived) / 1e6;
            g_appendToPaintMs << (now - g_firstPendingAppendNs) / 1e6;
            g_pending.clear();
            g_firstPendingAppendNs = -1;
        }
        return result;
    }
};

/// Hooks readyRead of every reply before the API client connects its own handler.
class TimingNetworkAccessManager : public QNetworkAccessManager
{
public:
    using QNetworkAccessManager::QNetworkAccessManager;

protected:
    QNetworkReply *createRequest(
            Operation op, const QNetworkRequest &request, QIODevice *data) override
    {
        QNetworkReply *reply = QNetworkAccessManager::createRequest(op, request, data);
        connect(reply, &QNetworkReply::readyRead, this,
                [] { g_lastSocketNs = g_clock.nsecsElapsed(); });
        return reply;
    }
};

QString longAnswer(int words, int seed)
{
    static const char *const vocabulary[] = {"lamp", "light", "warm", "bright", "switch", "colour",
            "evening", "room", "soft", "glow", "timer", "app", "bulb", "energy", "quiet", "reading",
            "the", "a", "and", "with", "for", "your", "every", "gently"};
    QStringList out;
    quint32 state = quint32(seed) * 2654435761u + 1u;
    for (int i = 0; i < words; ++i) {
        state = state * 1664525u + 1013904223u;
        out << QString::fromLatin1(vocabulary[(state >> 16) % 24]);
        if (i % 12 == 11)
            out.last() += QLatin1Char('.');
    }
    return out.join(QLatin1Char(' '));
}

/// Waits for a reply (which deletes itself after finishing) and keeps what it said.
struct Answer
{
    bool ok = false;
    QJsonObject json;
    QByteArray body;
};

Answer await(ApiReply *reply, int ms = 20000)
{
    Answer answer;
    bool done = false;
    QObject::connect(reply, &ApiReply::finished, reply, [&] {
        answer.ok = reply->ok();
        answer.json = reply->json();
        answer.body = reply->body();
        done = true;
    });
    if (!QTest::qWaitFor([&done] { return done; }, ms))
        answer.ok = false;
    return answer;
}

struct Stats
{
    int count = 0;
    double median = 0;
    double p95 = 0;
    double max = 0;
};

Stats summarise(QList<double> values)
{
    Stats stats;
    std::sort(values.begin(), values.end());
    stats.count = int(values.size());
    if (values.isEmpty())
        return stats;
    stats.median = values.at(values.size() / 2);
    stats.p95 = values.at(qMin(values.size() - 1, qsizetype(values.size() * 0.95)));
    stats.max = values.last();
    return stats;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    BenchApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    g_clock.start();
    int words = 1500;
    const QStringList args = app.arguments();
    const int at = int(args.indexOf(QStringLiteral("--words")));
    if (at > 0 && at + 1 < args.size())
        words = args.at(at + 1).toInt();

    // The sandbox in a thread of its own.
    QThread serverThread;
    auto *serverContext = new QObject;
    serverContext->moveToThread(&serverThread);
    QObject::connect(&serverThread, &QThread::finished, serverContext, &QObject::deleteLater);
    serverThread.start();
    sandbox::SandboxServer *server = nullptr;
    QUrl baseUrl;
    QMetaObject::invokeMethod(
            serverContext,
            [&] {
                sandbox::SandboxOptions options;
                options.timeScale = 0.01;
                server = new sandbox::SandboxServer(options);
                QString why;
                if (server->start(&why))
                    baseUrl = server->baseUrl();
                else
                    std::fprintf(stderr, "sandbox: %s\n", qPrintable(why));
            },
            Qt::BlockingQueuedConnection);
    if (baseUrl.isEmpty())
        return 2;
    auto setTimeScale = [&](double scale) {
        QMetaObject::invokeMethod(
                server, [&] { server->setTimeScale(scale); }, Qt::BlockingQueuedConnection);
    };

    auto failed = [](int code) {
        std::fprintf(stderr, "bench_stream: setup step %d failed\n", code);
        return code;
    };
    const int rc = [&]() -> int {
        QTemporaryDir dir;
        fs::AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        ConnectionStore store(&settings);
        store.setSandboxBaseUrl(baseUrl);
        MemorySecretStore secrets;
        TimingNetworkAccessManager nam;

        // Train a model whose answers are long: ten examples of `words` words each.
        Connection connection = *store.connection(ConnectionStore::sandboxId());
        connection.baseUrl = baseUrl;
        ApiClient client(&nam, connection);
        QByteArray training;
        for (int i = 0; i < 10; ++i) {
            const QJsonArray messages {
                    QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                            {QStringLiteral("content"),
                                    QStringLiteral("Tell me long lamp story number %1").arg(i)}},
                    QJsonObject {{QStringLiteral("role"), QStringLiteral("assistant")},
                            {QStringLiteral("content"), longAnswer(words, i)}}};
            training += QJsonDocument(QJsonObject {{QStringLiteral("messages"), messages}})
                                .toJson(QJsonDocument::Compact)
                    + '\n';
        }
        const Answer upload = await(client.uploadFile(QStringLiteral("long.jsonl"), training));
        if (!upload.ok)
            return failed(3);
        CreateJobRequest request;
        request.model = QStringLiteral("gpt-4.1-mini-2025-04-14");
        request.trainingFile = upload.json.value(QLatin1String("id")).toString();
        request.suffix = QStringLiteral("long");
        const Answer create = await(client.createJob(request));
        if (!create.ok) {
            std::fprintf(stderr, "%s\n", create.body.constData());
            return failed(4);
        }
        const QString jobId = create.json.value(QLatin1String("id")).toString();
        QString model;
        for (int i = 0; i < 3000 && model.isEmpty(); ++i) {
            const Answer job = await(client.retrieveJob(jobId));
            if (!job.ok)
                return failed(5);
            model = job.json.value(QLatin1String("fine_tuned_model")).toString();
            if (job.json.value(QLatin1String("status")).toString() == QLatin1String("failed"))
                return failed(6);
            QTest::qWait(20); // paces the polling (the condition is the loop's)
        }
        std::printf("fine-tuned model: %s\n", qPrintable(model));

        ui::PlaygroundArea area(&store, &secrets, &nam, nullptr, nullptr);
        area.resize(1200, 800);
        area.show();
        ui::SideBySidePage *page = area.sideBySidePage();
        if (!QTest::qWaitFor(
                    [page] { return page->paneWidget(1)->targetSelector()->isReady(); }, 20000))
            return failed(7);
        area.showModel(model);
        g_viewport = page->paneWidget(1)->transcriptView()->viewport();
        QObject::connect(page->session(), &ComparisonSession::paneDelta, &app,
                [](int pane, const QString &) {
                    if (pane != 1)
                        return;
                    g_pending << g_lastSocketNs;
                    if (g_firstPendingAppendNs < 0)
                        g_firstPendingAppendNs = g_clock.nsecsElapsed();
                });

        bool allOk = true;
        const struct
        {
            const char *name;
            double timeScale;
        } runs[] = {{"a word every 15 ms (realistic)", 0.5}, {"a word every 1 ms (flood)", 0.01}};
        for (const auto &run : runs) {
            setTimeScale(run.timeScale);
            page->newSession();
            g_latenciesMs.clear();
            g_appendToPaintMs.clear();
            g_pending.clear();
            page->messageEdit()->setPlainText(QStringLiteral("Tell me long lamp story number 3"));
            QElapsedTimer wall;
            wall.start();
            if (!page->send())
                return failed(8);
            // A real event loop: QTest::qWaitFor would sleep 10 ms between rounds and add that
            // to every measurement.
            QEventLoop loop;
            QObject::connect(
                    page->session(), &ComparisonSession::allFinished, &loop, &QEventLoop::quit);
            QTimer::singleShot(120000, &loop, &QEventLoop::quit);
            if (page->session()->isBusy())
                loop.exec();
            if (page->session()->isBusy())
                return failed(9);
            QTimer::singleShot(50, &loop, &QEventLoop::quit); // the last paint
            loop.exec();
            const Stats stats = summarise(g_latenciesMs);
            const bool ok = stats.count > 0 && stats.p95 < 20.0;
            allOk = allOk && ok;
            std::printf("%s: %d fragments in %.2f s, %lld characters shown; socket → painted: "
                        "median %.2f ms, p95 %.2f ms, max %.2f ms — %s\n",
                    run.name, stats.count, wall.elapsed() / 1000.0,
                    qint64(page->session()->currentAnswer(1).size()), stats.median, stats.p95,
                    stats.max, ok ? "within 20 ms" : "OVER 20 ms");
            const Stats widget = summarise(g_appendToPaintMs);
            std::printf("  of which appended → painted: median %.2f ms, p95 %.2f ms (%d paints)\n",
                    widget.median, widget.p95, widget.count);
            std::fflush(stdout);
        }

        return allOk ? 0 : 1;
    }();
    QMetaObject::invokeMethod(
            server, [&] { delete server; }, Qt::BlockingQueuedConnection);
    serverThread.quit();
    serverThread.wait();
    return rc;
}
