// SPDX-License-Identifier: GPL-3.0-or-later
// `finetune-studio sandbox`: the offline API server in the foreground until Ctrl-C.
#include "clicontext.h"
#include "practicebucket.h"
#include "sandboxserver.h"
#include "stopsignals.h"

#include <QCoreApplication>

namespace fs::cli {

namespace {

const VerbSyntax kSyntax = {
        QT_TRANSLATE_NOOP("fs::cli",
                "Runs the offline sandbox: an OpenAI-compatible fine-tuning API on 127.0.0.1, "
                "until Ctrl-C."),
        {
                {"port",
                        QT_TRANSLATE_NOOP(
                                "fs::cli", "Port on 127.0.0.1 (default: 0, any free port)."),
                        "n", "0"},
                {"data-dir",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "Keep files and jobs in this folder across restarts (default: "
                                "memory only)."),
                        "dir"},
                {"require-key",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "Answer any other API key with 401 invalid_api_key, as the real "
                                "service does."),
                        "key"},
                {"time-scale",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "How fast jobs run: 1 takes about a minute for a small job, 0.05 "
                                "a few seconds."),
                        "x", "1"},
                {"s3-access-key",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "Access key ID of the bucket store under /s3 (default: %1)."),
                        "id", nullptr, practice::accessKeyId},
                {"s3-secret-key",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "Secret access key of the bucket store under /s3 (default: %1)."),
                        "secret", nullptr, practice::secretAccessKey},
        },
        nullptr,
        nullptr,
        false,
};

/// The server's options from the command line; false with the problem printed (a usage error).
bool readOptions(Context &context, sandbox::SandboxOptions *options)
{
    const QCommandLineParser &parser = context.parser();
    bool portOk = false;
    const uint port = parser.value(QStringLiteral("port")).toUInt(&portOk);
    bool scaleOk = false;
    const double scale = parser.value(QStringLiteral("time-scale")).toDouble(&scaleOk);
    if (!portOk || port > 65535) {
        context.err() << Context::tr("error: --port takes a number from 0 to 65535.") << '\n';
        return false;
    }
    if (!scaleOk || scale <= 0) {
        context.err() << Context::tr("error: --time-scale takes a positive number, e.g. 0.05.")
                      << '\n';
        return false;
    }
    options->port = static_cast<quint16>(port);
    options->dataDir = parser.value(QStringLiteral("data-dir"));
    options->requiredKey = parser.value(QStringLiteral("require-key"));
    options->timeScale = scale;
    options->s3AccessKeyId = parser.value(QStringLiteral("s3-access-key"));
    options->s3SecretAccessKey = parser.value(QStringLiteral("s3-secret-key"));
    const bool keyGiven = parser.isSet(QStringLiteral("s3-access-key"));
    if (keyGiven != parser.isSet(QStringLiteral("s3-secret-key"))
            || (keyGiven
                    && (options->s3AccessKeyId.isEmpty()
                            || options->s3SecretAccessKey.isEmpty()))) {
        context.err() << Context::tr("error: give both --s3-access-key and --s3-secret-key, "
                                     "neither empty.")
                      << '\n';
        return false;
    }
    return true;
}

/// Where the running sandbox answers, and how to point a client at it.
void printAddresses(Context &context, const sandbox::SandboxServer &server,
        const sandbox::SandboxOptions &options)
{
    QUrl together = server.baseUrl();
    together.setPath(QStringLiteral("/together/v1"));
    context.out() << Context::tr("Sandbox listening on %1").arg(server.baseUrl().toString()) << '\n'
                  << Context::tr("Point any OpenAI client at it: OPENAI_BASE_URL=%1")
                             .arg(server.baseUrl().toString())
                  << '\n'
                  << Context::tr("Together AI speaks on %1: pass --provider together --base-url %1")
                             .arg(together.toString())
                  << '\n'
                  << Context::tr("Bucket store (S3-compatible, path-style, region %1) on %2: "
                                 "bucket \"%3\", access key ID %4")
                             .arg(practice::region(), server.s3Endpoint().toString(),
                                     practice::bucket(),
                                     options.s3AccessKeyId.isEmpty() ? practice::accessKeyId()
                                                                     : options.s3AccessKeyId)
                  << '\n'
                  << Context::tr("Press Ctrl-C to stop.") << Qt::endl;
}

int runVerb(Context &context)
{
    sandbox::SandboxOptions options;
    if (!readOptions(context, &options))
        return ExitUsage;
    sandbox::SandboxServer server(options);
    QString problem;
    if (!server.start(&problem)) {
        context.err() << Context::tr("error: the sandbox could not start: %1").arg(problem) << '\n';
        return ExitFailure;
    }
    const StopSignals stop([] { QCoreApplication::quit(); });
    printAddresses(context, server, options);
    const int result = QCoreApplication::exec();
    context.out() << Context::tr("Sandbox stopped.") << Qt::endl;
    return result;
}

} // namespace

const Verb sandboxVerb = {kSyntax, runVerb};

} // namespace fs::cli
