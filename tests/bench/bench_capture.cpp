// SPDX-License-Identifier: GPL-3.0-or-later
// Capturing 1,000 answers on the in-process sandbox at concurrency 8 with an injected latency:
// wall time against the ideal (1000 / 8 × one request's latency, measured in the same run with
// sequential requests, and 1000 / 8 × the injected latency), each answer written to disk as it
// arrives. Then the resume: a capture stopped half-way, its last line cut off, run again —
// how many prompts whose answer was already written are sent again (must be 0).
// Usage: bench_capture [prompts] [concurrency] [latency-ms]
#include "capturerun.h"
#include "chatrequestcounter.h"
#include "sandboxserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSet>
#include <QTemporaryDir>
#include <QTextStream>

namespace {

QList<fs::CapturePrompt> makePrompts(int count, const QString &tag)
{
    QList<fs::CapturePrompt> prompts;
    for (int i = 0; i < count; ++i) {
        prompts << fs::CapturePrompt {
                {fs::Message(QStringLiteral("system"), QStringLiteral("You are helpful.")),
                        fs::Message(QStringLiteral("user"),
                                QStringLiteral("%1 question %2: how do I reset my lamp?")
                                        .arg(tag)
                                        .arg(i))},
                i + 1};
    }
    return prompts;
}

/// Runs a capture into `out` until it ends, or until `stopAfter` answers are in (then cancels).
qint64 capture(QNetworkAccessManager *nam, const fs::ModelTarget &target,
        const QList<fs::CapturePrompt> &prompts, const QString &out, int concurrency, int stopAfter,
        fs::CaptureRun **keep = nullptr)
{
    auto *run = new fs::CaptureRun(nam);
    run->setConcurrency(concurrency);
    QString error;
    if (!run->prepare(prompts, target, QStringLiteral("bench"), out, &error)) {
        QTextStream(stderr) << error << '\n';
        delete run;
        return -1;
    }
    QEventLoop loop;
    QObject::connect(run, &fs::CaptureRun::finished, &loop, &QEventLoop::quit);
    if (stopAfter > 0) {
        QObject::connect(run, &fs::CaptureRun::progress, run, [run, stopAfter](int answered) {
            if (answered >= stopAfter)
                run->cancel();
        });
    }
    QElapsedTimer timer;
    timer.start();
    run->start();
    if (run->isRunning())
        loop.exec();
    const qint64 elapsed = timer.elapsed();
    if (keep)
        *keep = run;
    else
        delete run;
    return elapsed;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int prompts = argc > 1 ? std::atoi(argv[1]) : 1000;
    const int concurrency = argc > 2 ? std::atoi(argv[2]) : 8;
    const int latency = argc > 3 ? std::atoi(argv[3]) : 50;
    QTemporaryDir dir;

    fs::sandbox::SandboxServer server;
    QString error;
    if (!dir.isValid() || !server.start(&error)) {
        out << "sandbox: " << error << '\n';
        return 1;
    }
    fs::test::ChatRequestCounter sent(&server);
    QNetworkAccessManager nam;
    fs::ModelTarget target;
    target.connection.kind = fs::Connection::Kind::Sandbox;
    target.connection.baseUrl = server.baseUrl();
    target.model = QStringLiteral("gpt-4o-mini");
    server.injectLatency(latency);

    // One request's latency: 40 sequential ones after a warm-up, the mean.
    capture(&nam, target, makePrompts(5, QStringLiteral("warm")),
            dir.filePath(QStringLiteral("warm.jsonl")), 1, 0);
    const int probes = 40;
    const qint64 sequentialMs = capture(&nam, target, makePrompts(probes, QStringLiteral("probe")),
            dir.filePath(QStringLiteral("probe.jsonl")), 1, 0);
    const double oneMs = double(sequentialMs) / probes;

    const QString full = dir.filePath(QStringLiteral("full.jsonl"));
    fs::CaptureRun *run = nullptr;
    const qint64 wallMs = capture(
            &nam, target, makePrompts(prompts, QStringLiteral("full")), full, concurrency, 0, &run);
    const double idealMs = double(prompts) / concurrency * oneMs;
    const double nominalMs = double(prompts) / concurrency * latency;
    out << "injected latency " << latency << " ms: one request " << QString::number(oneMs, 'f', 2)
        << " ms; " << prompts << " prompts at concurrency " << concurrency << ": " << wallMs
        << " ms (ideal " << QString::number(idealMs, 'f', 0)
        << " ms from the measured request: " << QString::number(double(wallMs) / idealMs, 'f', 3)
        << "× ideal; " << QString::number(nominalMs, 'f', 0)
        << " ms from the injected latency: " << QString::number(double(wallMs) / nominalMs, 'f', 3)
        << "×); " << run->answered() << " answered, " << run->failedCount() << " failed\n";
    delete run;

    // Resume: stopped half-way, the last line cut off as a crash leaves it, then run again.
    const QString resume = dir.filePath(QStringLiteral("resume.jsonl"));
    const QList<fs::CapturePrompt> resumePrompts = makePrompts(prompts, QStringLiteral("resume"));
    capture(&nam, target, resumePrompts, resume, concurrency, prompts / 2);
    QSet<QString> written;
    for (const QJsonObject &line : fs::test::readJsonLines(resume)) {
        const QJsonArray messages = line.value(QLatin1String("messages")).toArray();
        if (messages.size() == 3)
            written << messages.at(1).toObject().value(QLatin1String("content")).toString();
    }
    {
        QFile file(resume);
        if (!file.open(QIODevice::Append))
            return 1;
        file.write(R"({"messages":[{"role":"system","content":"You are)");
    }
    sent.clear();
    const qint64 resumeMs = capture(&nam, target, resumePrompts, resume, concurrency, 0, &run);
    int resent = 0;
    for (const QString &prompt : std::as_const(written))
        resent += sent.count(prompt);
    int lines = 0;
    QFile file(resume);
    if (file.open(QIODevice::ReadOnly))
        lines = int(file.readAll().count('\n'));
    out << "resume after " << written.size() << " of " << prompts
        << " answers (and a cut-off line, " << run->repairedBytes()
        << " bytes removed): " << run->resumedFrom() << " recognised, " << sent.prompts()
        << " prompts sent in " << resumeMs << " ms, " << resent << " answered prompts sent again; "
        << lines << " lines in the end, " << run->answered() << " answered\n";
    delete run;
    return resent == 0 && lines == prompts ? 0 : 1;
}
