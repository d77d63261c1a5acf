// SPDX-License-Identifier: GPL-3.0-or-later
// Upload benchmark: a generated JSONL file of --size MB sent to `finetune-studio sandbox
// --data-dir TMP` (a separate process) through the Uploads API, first by the Uploader, then the
// same 64 MB parts by curl (-F data=@part, the same number in parallel). Prints both
// throughputs, the ratio, and this process's peak memory (VmHWM) after the Uploader's run.
//
//   bench_upload [--size MB] [--part-size MB] [--parallel N] [--runs N] [--dir DIR] [--app PATH]
#include "apiclient.h"
#include "uploader.h"
#include "uploadsource.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace fs;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

qint64 statusField(const QString &file, const char *field)
{
    QFile status(file);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

bool generate(const QString &path, qint64 bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QByteArray chunk;
    qint64 written = 0;
    for (qint64 i = 0; written < bytes; ++i) {
        chunk += QByteArray(R"({"messages":[{"role":"user","content":"Question number )")
                + QByteArray::number(i)
                + R"( about the weather in a city far away?"},{"role":"assistant","content":")"
                + "Answer " + QByteArray::number(i * 7919 % 100003)
                + R"(: sunny with a light breeze, like most days there."}]})" + '\n';
        if (chunk.size() >= 1 << 20 || written + chunk.size() >= bytes) {
            const QByteArray piece = chunk.left(bytes - written);
            if (file.write(piece) != piece.size())
                return false;
            written += piece.size();
            chunk.clear();
        }
    }
    return true;
}

QJsonObject httpJson(QNetworkAccessManager &nam, const QString &url, const QByteArray &body)
{
    QNetworkRequest request {QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = nam.post(request, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QJsonObject object = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return object;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("size"), QStringLiteral("File size in MB."),
            QStringLiteral("MB"), QStringLiteral("1024")});
    parser.addOption({QStringLiteral("part-size"), QStringLiteral("Part size in MB."),
            QStringLiteral("MB"), QStringLiteral("64")});
    parser.addOption({QStringLiteral("parallel"), QStringLiteral("Parts in flight."),
            QStringLiteral("n"), QStringLiteral("3")});
    parser.addOption({QStringLiteral("app"), QStringLiteral("The finetune-studio binary."),
            QStringLiteral("path"), QStringLiteral(FS_APP_BINARY)});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Runs of each; the best counts."),
            QStringLiteral("n"), QStringLiteral("2")});
    parser.addOption({QStringLiteral("dir"), QStringLiteral("Where to put the temporary files."),
            QStringLiteral("dir"), QDir::tempPath()});
    parser.process(app);
    const qint64 size = parser.value(QStringLiteral("size")).toLongLong() * 1024 * 1024;
    const qint64 partSize = parser.value(QStringLiteral("part-size")).toLongLong() * 1024 * 1024;
    const int parallel = parser.value(QStringLiteral("parallel")).toInt();

    QTemporaryDir dir(parser.value(QStringLiteral("dir")) + QStringLiteral("/bench_upload-XXXXXX"));
    const QString path = dir.filePath(QStringLiteral("bench.jsonl"));
    out() << "generating " << size / (1024 * 1024) << " MB in " << dir.path() << Qt::endl;
    if (!generate(path, size)) {
        out() << "cannot write " << path << Qt::endl;
        return 1;
    }

    QProcess sandbox;
    sandbox.setProgram(parser.value(QStringLiteral("app")));
    sandbox.setArguments({QStringLiteral("sandbox"), QStringLiteral("--port"), QStringLiteral("0"),
            QStringLiteral("--time-scale"), QStringLiteral("0.02"), QStringLiteral("--data-dir"),
            dir.filePath(QStringLiteral("sandbox"))});
    sandbox.start();
    QString baseUrl;
    const QRegularExpression pattern(QStringLiteral("(http://127\\.0\\.0\\.1:\\d+/v1)"));
    QString seen;
    for (int i = 0; i < 100 && baseUrl.isEmpty(); ++i) {
        sandbox.waitForReadyRead(200);
        seen += QString::fromUtf8(sandbox.readAllStandardOutput());
        baseUrl = pattern.match(seen).captured(1);
    }
    if (baseUrl.isEmpty()) {
        out() << "the sandbox did not start: " << seen << Qt::endl;
        return 1;
    }
    const QString sandboxStatus = QStringLiteral("/proc/%1/status").arg(sandbox.processId());

    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    QNetworkAccessManager nam;
    const double mb = double(size) / (1024.0 * 1024.0);
    const int partCount = int((size + partSize - 1) / partSize);

    struct Timing
    {
        qint64 totalMs = -1;
        qint64 partsMs = -1;
    };

    // ---- the Uploader: a fresh upload of the whole file each run
    auto runUploader = [&](int run) -> Timing {
        Connection connection;
        connection.kind = Connection::Kind::Sandbox;
        connection.baseUrl = QUrl(baseUrl);
        ApiClient client(&nam, connection);
        LocalFileSource source(path);
        UploadOptions options;
        options.method = UploadOptions::Method::UploadsApi;
        options.partSize = partSize;
        options.parallelParts = parallel;
        options.waitForProcessing = false;
        options.journalDirectory = dir.filePath(QStringLiteral("journal%1").arg(run));
        Uploader uploader(&client, &source, options);
        QElapsedTimer clock;
        Timing timing;
        QObject::connect(
                &uploader, &Uploader::progressChanged, &uploader, [&](const UploadProgress &p) {
                    if (p.phase == UploadProgress::Phase::Completing && timing.partsMs < 0)
                        timing.partsMs = clock.elapsed();
                });
        QEventLoop loop;
        QObject::connect(&uploader, &Uploader::finished, &loop, &QEventLoop::quit);
        clock.start();
        uploader.start();
        loop.exec();
        if (uploader.state() != Uploader::State::Succeeded) {
            out() << "upload failed: " << uploader.errorMessage() << Qt::endl;
            return {};
        }
        timing.totalMs = clock.elapsed();
        return timing;
    };

    // ---- curl: the same parts as files, the same number in flight
    QStringList partFiles;
    auto runCurl = [&]() -> Timing {
        if (partFiles.isEmpty()) {
            QFile in(path);
            in.open(QIODevice::ReadOnly);
            for (int i = 0; i < partCount; ++i) {
                const QString name = dir.filePath(QStringLiteral("part%1").arg(i));
                QFile part(name);
                part.open(QIODevice::WriteOnly);
                // Small pieces: this process's peak memory is the Uploader's figure.
                for (qint64 left = std::min(partSize, size - qint64(i) * partSize); left > 0;) {
                    const QByteArray piece = in.read(std::min<qint64>(left, 1 << 20));
                    part.write(piece);
                    left -= piece.size();
                }
                partFiles << name;
            }
        }
        QElapsedTimer clock;
        clock.start();
        const QJsonObject upload = httpJson(nam, baseUrl + QStringLiteral("/uploads"),
                QJsonDocument(
                        QJsonObject {{QStringLiteral("filename"), QStringLiteral("curl.jsonl")},
                                {QStringLiteral("purpose"), QStringLiteral("fine-tune")},
                                {QStringLiteral("bytes"), size},
                                {QStringLiteral("mime_type"), QStringLiteral("text/jsonl")}})
                        .toJson());
        const QString uploadId = upload.value(QLatin1String("id")).toString();
        QStringList partIds(partCount);
        int next = 0;
        int running = 0;
        bool failed = false;
        QEventLoop loop;
        std::function<void()> launch = [&]() {
            while (running < parallel && next < partCount) {
                const int index = next++;
                auto *curl = new QProcess;
                ++running;
                QObject::connect(curl, &QProcess::finished, curl, [&, curl, index](int code) {
                    const QJsonObject part =
                            QJsonDocument::fromJson(curl->readAllStandardOutput()).object();
                    partIds[index] = part.value(QLatin1String("id")).toString();
                    if (code != 0 || partIds[index].isEmpty())
                        failed = true;
                    curl->deleteLater();
                    --running;
                    launch();
                    if (running == 0 && next >= partCount)
                        loop.quit();
                });
                curl->start(QStringLiteral("curl"),
                        {QStringLiteral("-s"), QStringLiteral("-F"),
                                QStringLiteral("data=@%1;filename=part").arg(partFiles.at(index)),
                                baseUrl + QStringLiteral("/uploads/%1/parts").arg(uploadId)});
            }
        };
        launch();
        loop.exec();
        Timing timing;
        timing.partsMs = clock.elapsed();
        const QJsonObject completed =
                httpJson(nam, baseUrl + QStringLiteral("/uploads/%1/complete").arg(uploadId),
                        QJsonDocument(QJsonObject {{QStringLiteral("part_ids"),
                                              QJsonArray::fromStringList(partIds)}})
                                .toJson());
        timing.totalMs = clock.elapsed();
        if (failed
                || completed.value(QLatin1String("status")).toString()
                        != QLatin1String("completed")) {
            out() << "curl upload failed" << Qt::endl;
            return {};
        }
        return timing;
    };

    auto line = [&](const char *who, const Timing &t) {
        out() << QStringLiteral("%1 %2 MB in %3 s (parts %4 s + complete %5 s) = %6 MB/s")
                         .arg(QString::fromLatin1(who).leftJustified(9))
                         .arg(mb, 0, 'f', 0)
                         .arg(t.totalMs / 1000.0, 0, 'f', 2)
                         .arg(t.partsMs / 1000.0, 0, 'f', 2)
                         .arg((t.totalMs - t.partsMs) / 1000.0, 0, 'f', 2)
                         .arg(mb / (t.totalMs / 1000.0), 0, 'f', 1)
              << Qt::endl;
    };
    Timing bestUploader;
    Timing bestCurl;
    qint64 peakKb = -1;
    for (int run = 0; run < runs; ++run) {
        // Alternating who goes first, so a busy moment of the machine does not favour one.
        for (int turn = 0; turn < 2; ++turn) {
            if ((turn == 0) == (run % 2 == 0)) {
                const Timing t = runUploader(run);
                if (t.totalMs < 0)
                    return 1;
                if (peakKb < 0)
                    peakKb = statusField(QStringLiteral("/proc/self/status"), "VmHWM:");
                line("uploader:", t);
                if (bestUploader.totalMs < 0 || t.totalMs < bestUploader.totalMs)
                    bestUploader = t;
            } else {
                const Timing t = runCurl();
                if (t.totalMs < 0)
                    return 1;
                line("curl:", t);
                if (bestCurl.totalMs < 0 || t.totalMs < bestCurl.totalMs)
                    bestCurl = t;
            }
        }
    }
    out() << QStringLiteral("best of %1: %2 parts of %3 MB, %4 in flight (Uploader: %4 parts in "
                            "parallel; curl: %4 curl -F processes at a time)")
                     .arg(runs)
                     .arg(partCount)
                     .arg(partSize / (1024 * 1024))
                     .arg(parallel)
          << Qt::endl;
    line("uploader:", bestUploader);
    line("curl:", bestCurl);
    out() << QStringLiteral("ratio uploader/curl: %1% (whole upload), %2% (parts only)")
                     .arg(100.0 * bestCurl.totalMs / bestUploader.totalMs, 0, 'f', 0)
                     .arg(100.0 * bestCurl.partsMs / bestUploader.partsMs, 0, 'f', 0)
          << Qt::endl;
    out() << QStringLiteral("uploader peak memory (VmHWM of this process after its first upload): "
                            "%1 MB")
                     .arg(peakKb / 1024.0, 0, 'f', 1)
          << Qt::endl;
    out() << QStringLiteral("sandbox peak memory (VmHWM): %1 MB")
                     .arg(statusField(sandboxStatus, "VmHWM:") / 1024.0, 0, 'f', 1)
          << Qt::endl;
    sandbox.terminate();
    sandbox.waitForFinished(10000);
    return 0;
}
