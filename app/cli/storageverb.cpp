// SPDX-License-Identifier: GPL-3.0-or-later
// `finetune-studio storage --endpoint URL --bucket NAME [--region R] ls [PREFIX] | get KEY OUT |
// put FILE KEY | send KEY [--purpose fine-tune]`: S3-compatible storage (R2, S3, MinIO).
#include "clicontext.h"
#include "s3client.h"
#include "s3objectsource.h"
#include "secretstore.h"
#include "storageconnection.h"
#include "uploader.h"
#include "uploadprogress.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>
#include <QSaveFile>

#include <unistd.h>

namespace fs::cli {

namespace {

const char kUsage[] = "usage: finetune-studio storage --endpoint URL --bucket NAME [--region R] "
                      "ls [PREFIX] | get KEY OUT | put FILE KEY | send KEY [--purpose P]";

const VerbSyntax kSyntax = {
        QT_TRANSLATE_NOOP("fs::cli",
                "Lists, downloads and uploads objects in S3-compatible storage (Cloudflare R2, "
                "AWS S3, MinIO), and sends an object to the fine-tuning service. Credentials: "
                "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or --storage NAME."),
        {
                {"endpoint",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "The storage's address, e.g. "
                                "https://<account>.r2.cloudflarestorage.com (default: "
                                "AWS_ENDPOINT_URL)."),
                        "url"},
                {"bucket", QT_TRANSLATE_NOOP("fs::cli", "The bucket."), "name"},
                {"region",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "The region (default: AWS_REGION, else auto, as Cloudflare R2 "
                                "wants)."),
                        "region"},
                {"storage",
                        QT_TRANSLATE_NOOP(
                                "fs::cli", "Use a storage connection saved in the app, by name."),
                        "name"},
                {"purpose",
                        QT_TRANSLATE_NOOP(
                                "fs::cli", "send: the file's purpose (default: fine-tune)."),
                        "purpose"},
                {"unsigned-payload",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "put: upload in one pass without signing the content's "
                                "checksum.")},
        },
        "action",
        QT_TRANSLATE_NOOP("fs::cli", "ls [PREFIX] | get KEY OUT | put FILE KEY | send KEY"),
};

bool waitFor(S3Reply *reply)
{
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply, &S3Reply::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return reply->ok();
}

void printS3Error(Context &context, const S3Error &error)
{
    context.err() << Context::tr("error: %1").arg(error.plainMessage());
    const QString detail = error.technicalSummary();
    if (!detail.isEmpty() && error.kind != S3Error::Kind::Local)
        context.err() << " (" << detail << ')';
    context.err() << Qt::endl;
}

/// Progress on stderr: rewritten in place on a terminal, a line every few seconds in a log.
class ProgressPrinter
{
public:
    explicit ProgressPrinter(Context &context)
        : m_context(context)
        , m_terminal(::isatty(STDERR_FILENO) != 0)
    {
        m_sinceLine.start();
        m_clock.start();
    }
    ~ProgressPrinter() { close(); }

    void bytes(const QString &what, qint64 done, qint64 total)
    {
        const double seconds = std::max(0.001, m_clock.elapsed() / 1000.0);
        QString line = total > 0 ? Context::tr("%1: %2 of %3 (%4%)")
                                           .arg(what, formatBytes(done), formatBytes(total))
                                           .arg(done * 100 / total)
                                 : Context::tr("%1: %2").arg(what, formatBytes(done));
        line += QStringLiteral(", ") + formatRate(qint64(done / seconds));
        print(line, done == total);
    }

    void print(const QString &line, bool important = false)
    {
        if (m_terminal) {
            m_context.err() << '\r' << line.leftJustified(78) << ' ';
            m_context.err().flush();
            m_open = true;
        } else if (important || line.section(QLatin1Char(':'), 0, 0) != m_lastKind
                || m_sinceLine.elapsed() >= 3000) {
            m_context.err() << line << Qt::endl;
            m_sinceLine.restart();
        }
        m_lastKind = line.section(QLatin1Char(':'), 0, 0);
    }

    void close()
    {
        if (m_open)
            m_context.err() << Qt::endl;
        m_open = false;
    }

private:
    Context &m_context;
    bool m_terminal;
    bool m_open = false;
    QString m_lastKind;
    QElapsedTimer m_sinceLine;
    QElapsedTimer m_clock;
};

/// A storage connection saved in the app, with its secret from the keychain; false with the
/// reason printed.
bool loadSavedStorage(Context &context, const QString &name, S3Config *config)
{
    StorageConnectionStore store;
    const std::optional<StorageConnection> found = store.find(name);
    if (!found) {
        QStringList names;
        for (const StorageConnection &c : store.connections())
            names << c.name;
        context.err() << Context::tr("error: there is no saved storage connection named "
                                     "'%1'. Saved storage connections: %2.")
                                 .arg(name,
                                         names.isEmpty() ? Context::tr("none")
                                                         : names.join(QStringLiteral(", ")))
                      << '\n';
        return false;
    }
    KeychainSecretStore secrets;
    QEventLoop loop;
    SecretResult result;
    secrets.readKey(found->secretId(), &loop, [&loop, &result](const SecretResult &r) {
        result = r;
        loop.quit();
    });
    loop.exec();
    if (!result.ok()) {
        context.err() << Context::tr("error: the secret access key of '%1' could not be "
                                     "read from the keychain: %2")
                                 .arg(found->name, result.message)
                      << '\n';
        return false;
    }
    *config = found->toConfig(result.secret);
    return true;
}

/// The storage from --storage NAME (with its secret from the keychain) or from the options and
/// AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.
bool resolveStorage(Context &context, S3Config *config)
{
    const QCommandLineParser &parser = context.parser();
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (parser.isSet(QStringLiteral("storage"))) {
        if (!loadSavedStorage(context, parser.value(QStringLiteral("storage")), config))
            return false;
    } else {
        config->credentials.accessKeyId = env.value(QStringLiteral("AWS_ACCESS_KEY_ID"));
        config->credentials.secretAccessKey = env.value(QStringLiteral("AWS_SECRET_ACCESS_KEY"));
        config->credentials.sessionToken = env.value(QStringLiteral("AWS_SESSION_TOKEN"));
        config->region = env.value(QStringLiteral("AWS_REGION"), QStringLiteral("auto"));
        const QString endpoint = env.value(QStringLiteral("AWS_ENDPOINT_URL"));
        if (!endpoint.isEmpty())
            config->endpoint = QUrl(endpoint);
    }
    // Options given on the command line win over the saved connection and the environment.
    if (parser.isSet(QStringLiteral("endpoint")))
        config->endpoint = QUrl::fromUserInput(parser.value(QStringLiteral("endpoint")));
    if (parser.isSet(QStringLiteral("bucket")))
        config->bucket = parser.value(QStringLiteral("bucket"));
    if (parser.isSet(QStringLiteral("region")))
        config->region = parser.value(QStringLiteral("region"));

    if (!config->endpoint.isValid() || config->endpoint.host().isEmpty()
            || (config->endpoint.scheme() != QLatin1String("http")
                    && config->endpoint.scheme() != QLatin1String("https"))) {
        context.err() << Context::tr("error: give the storage's address with --endpoint URL, "
                                     "e.g. https://<account>.r2.cloudflarestorage.com, or a "
                                     "saved storage connection with --storage NAME.")
                      << '\n';
        return false;
    }
    if (config->bucket.isEmpty()) {
        context.err() << Context::tr("error: give the bucket with --bucket NAME.") << '\n';
        return false;
    }
    if (!config->credentials.isComplete()) {
        context.err() << Context::tr("error: no storage credentials. Set AWS_ACCESS_KEY_ID and "
                                     "AWS_SECRET_ACCESS_KEY, or use a saved storage connection "
                                     "with --storage NAME.")
                      << '\n';
        return false;
    }
    if (config->endpoint.scheme() == QLatin1String("http")
            && !isLoopbackHost(config->endpoint.host()))
        context.err() << Context::tr("warning: %1 is not encrypted (http://); the data travels "
                                     "in the clear.")
                                 .arg(config->endpoint.host())
                      << '\n';
    return true;
}

QJsonObject objectJson(const S3Object &object)
{
    return QJsonObject {{QStringLiteral("key"), object.key}, {QStringLiteral("size"), object.size},
            {QStringLiteral("last_modified"), object.lastModified.toString(Qt::ISODate)},
            {QStringLiteral("etag"), object.etag}};
}

int list(Context &context, S3Client &client, const QString &prefix)
{
    S3Reply *reply = client.list(prefix);
    if (!waitFor(reply)) {
        printS3Error(context, reply->error());
        return ExitFailure;
    }
    const S3Listing listing = reply->listing();
    if (context.json()) {
        QJsonArray objects;
        for (const S3Object &object : listing.objects)
            objects.append(objectJson(object));
        context.printJson(QJsonObject {{QStringLiteral("prefix"), prefix},
                {QStringLiteral("folders"), QJsonArray::fromStringList(listing.commonPrefixes)},
                {QStringLiteral("objects"), objects}});
        return ExitOk;
    }
    if (listing.objects.isEmpty() && listing.commonPrefixes.isEmpty()) {
        context.out() << (prefix.isEmpty() ? Context::tr("The bucket is empty.")
                                           : Context::tr("Nothing under %1.").arg(prefix))
                      << '\n';
        return ExitOk;
    }
    for (const QString &folder : listing.commonPrefixes)
        context.out() << QStringLiteral("DIR").rightJustified(10) << "  "
                      << QString().leftJustified(19) << "  " << folder << '\n';
    for (const S3Object &object : listing.objects)
        context.out() << formatBytes(object.size).rightJustified(10) << "  "
                      << object.lastModified.toLocalTime().toString(
                                 QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                      << "  " << object.key << '\n';
    return ExitOk;
}

int get(Context &context, S3Client &client, const QString &key, const QString &out)
{
    // Written next to the target and renamed at the end: no half file under the real name.
    QSaveFile file(out);
    if (!file.open(QIODevice::WriteOnly)) {
        context.err() << Context::tr("error: cannot write %1: %2").arg(out, file.errorString())
                      << '\n';
        return ExitFailure;
    }
    ProgressPrinter progress(context);
    S3Reply *reply = client.getObject(key, &file);
    QObject::connect(reply, &S3Reply::progress, reply, [&](qint64 done, qint64 total) {
        progress.bytes(Context::tr("Downloading"), done, total);
    });
    const bool ok = waitFor(reply);
    progress.close();
    if (!ok) {
        file.cancelWriting();
        printS3Error(context, reply->error());
        return ExitFailure;
    }
    if (!file.commit()) {
        context.err() << Context::tr("error: cannot write %1: %2").arg(out, file.errorString())
                      << '\n';
        return ExitFailure;
    }
    if (context.json()) {
        S3Object object = reply->object();
        object.size = QFileInfo(out).size();
        context.printJson(objectJson(object));
        return ExitOk;
    }
    context.out() << Context::tr("Downloaded %1 (%2) to %3")
                             .arg(key, formatBytes(QFileInfo(out).size()), out)
                  << '\n';
    return ExitOk;
}

int put(Context &context, S3Client &client, const QString &path, const QString &key,
        bool unsignedPayload)
{
    ProgressPrinter progress(context);
    const QString contentType = path.endsWith(QLatin1String(".jsonl"), Qt::CaseInsensitive)
            ? QStringLiteral("application/jsonl")
            : QStringLiteral("application/octet-stream");
    S3Reply *reply = client.putFile(key, path,
            unsignedPayload ? S3Client::PayloadSigning::Unsigned : S3Client::PayloadSigning::Signed,
            contentType);
    QObject::connect(reply, &S3Reply::hashingProgress, reply, [&](qint64 done, qint64 total) {
        progress.bytes(Context::tr("Checking"), done, total);
    });
    QObject::connect(reply, &S3Reply::progress, reply, [&](qint64 done, qint64 total) {
        progress.bytes(Context::tr("Uploading"), done, total);
    });
    const bool ok = waitFor(reply);
    progress.close();
    if (!ok) {
        printS3Error(context, reply->error());
        return ExitFailure;
    }
    if (context.json()) {
        context.printJson(objectJson(reply->object()));
        return ExitOk;
    }
    context.out() << Context::tr("Uploaded %1 (%2) as %3 in bucket %4")
                             .arg(path, formatBytes(QFileInfo(path).size()), key,
                                     client.config().bucket)
                  << '\n';
    return ExitOk;
}

QString sendLine(const UploadProgress &p)
{
    using Phase = UploadProgress::Phase;
    switch (p.phase) {
    case Phase::Preparing:
        return Context::tr("Preparing: the upload is being set up");
    case Phase::Sending:
        return sendingLine(p, false);
    case Phase::Completing:
        return Context::tr("Completing: all %1 sent, the parts are put together")
                .arg(formatBytes(p.totalBytes));
    case Phase::Processing:
        return Context::tr("Processing: the service is checking the file");
    case Phase::Finished:
        return Context::tr("Finished: %1 sent").arg(formatBytes(p.totalBytes));
    }
    return {};
}

int send(Context &context, S3Client &client, const QString &key, const QString &purpose)
{
    S3Reply *head = client.headObject(key);
    if (!waitFor(head)) {
        printS3Error(context, head->error());
        return ExitFailure;
    }
    S3ObjectSource source(&client, head->object());
    UploadOptions options;
    options.purpose = purpose;
    Uploader uploader(&context.client(), &source, options);
    ProgressPrinter progress(context);
    QObject::connect(
            &uploader, &Uploader::progressChanged, &uploader, [&](const UploadProgress &p) {
                progress.print(sendLine(p), p.phase == UploadProgress::Phase::Finished);
            });
    QEventLoop loop;
    QObject::connect(&uploader, &Uploader::finished, &loop, &QEventLoop::quit);
    uploader.start();
    if (uploader.state() == Uploader::State::Running)
        loop.exec();
    progress.close();
    if (uploader.state() != Uploader::State::Succeeded) {
        context.err() << Context::tr("error: %1").arg(uploader.errorMessage());
        if (uploader.apiError().isError())
            context.err() << " (" << uploader.apiError().technicalSummary() << ')';
        context.err() << Qt::endl;
        if (uploader.isResumable())
            context.err() << Context::tr("Run the same command again to continue where it "
                                         "stopped.")
                          << '\n';
        return ExitFailure;
    }
    const FileObject file = uploader.file();
    if (context.json()) {
        context.printJson(
                file.raw.isEmpty() ? QJsonObject {{QStringLiteral("id"), file.id}} : file.raw);
        return ExitOk;
    }
    context.out() << Context::tr("Sent %1 (%2) as %3, status: %4")
                             .arg(key, formatBytes(file.bytes), file.id, file.status)
                  << '\n';
    return ExitOk;
}

int runVerb(Context &context)
{
    const QString action = context.action(
            {{"ls", 0, 1}, {"get", 2, 2}, {"put", 2, 2}, {"send", 1, 1}}, Context::tr(kUsage));
    if (action.isEmpty())
        return ExitUsage;
    S3Config config;
    if (!resolveStorage(context, &config))
        return ExitUsage;
    QNetworkAccessManager nam;
    S3Client client(&nam, config);
    const QStringList words = context.words();
    if (action == QLatin1String("ls"))
        return list(context, client, words.value(1));
    if (action == QLatin1String("get"))
        return get(context, client, words.at(1), words.at(2));
    if (action == QLatin1String("put")) {
        if (!QFileInfo(words.at(1)).isFile()) {
            context.err() << Context::tr("error: %1 is not a file.").arg(words.at(1)) << '\n';
            return ExitFailure;
        }
        return put(context, client, words.at(1), words.at(2),
                context.parser().isSet(QStringLiteral("unsigned-payload")));
    }
    // send: to the fine-tuning connection of --base-url / --connection.
    if (!context.connect())
        return ExitUsage;
    QString purpose = context.parser().value(QStringLiteral("purpose"));
    if (purpose.isEmpty())
        purpose = QStringLiteral("fine-tune");
    return send(context, client, words.at(1), purpose);
}

} // namespace

const Verb storageVerb = {kSyntax, runVerb};

} // namespace fs::cli
