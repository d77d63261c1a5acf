// SPDX-License-Identifier: GPL-3.0-or-later
// `finetune-studio sandbox`: the offline API server in the foreground until Ctrl-C.
#include "clicontext.h"
#include "practicebucket.h"
#include "sandboxserver.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace fs::cli {

namespace {

int g_signalSocket[2] = {-1, -1};

void handleStopSignal(int)
{
    // Only async-signal-safe work here: wake the event loop through the socket pair.
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_signalSocket[0], &byte, 1);
}

} // namespace

int runSandbox(const QStringList &arguments)
{
    Context context;
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption(
            {QStringLiteral("port"), Context::tr("Port on 127.0.0.1 (default: 0, any free port)."),
                    QStringLiteral("n"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("data-dir"),
            Context::tr("Keep files and jobs in this folder across restarts (default: memory "
                        "only)."),
            QStringLiteral("dir")});
    parser.addOption({QStringLiteral("require-key"),
            Context::tr("Answer any other API key with 401 invalid_api_key, as the real service "
                        "does."),
            QStringLiteral("key")});
    parser.addOption({QStringLiteral("time-scale"),
            Context::tr("How fast jobs run: 1 takes about a minute for a small job, 0.05 a few "
                        "seconds."),
            QStringLiteral("x"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("s3-access-key"),
            Context::tr("Access key ID of the bucket store under /s3 (default: %1).")
                    .arg(practice::accessKeyId()),
            QStringLiteral("id")});
    parser.addOption({QStringLiteral("s3-secret-key"),
            Context::tr("Secret access key of the bucket store under /s3 (default: %1).")
                    .arg(practice::secretAccessKey()),
            QStringLiteral("secret")});
    int exitCode = ExitOk;
    if (!context.parse(parser, arguments,
                Context::tr("Runs the offline sandbox: an OpenAI-compatible fine-tuning API on "
                            "127.0.0.1, until Ctrl-C."),
                &exitCode))
        return exitCode;

    bool portOk = false;
    const uint port = parser.value(QStringLiteral("port")).toUInt(&portOk);
    bool scaleOk = false;
    const double scale = parser.value(QStringLiteral("time-scale")).toDouble(&scaleOk);
    if (!portOk || port > 65535) {
        context.err() << Context::tr("error: --port takes a number from 0 to 65535.") << '\n';
        return ExitUsage;
    }
    if (!scaleOk || scale <= 0) {
        context.err() << Context::tr("error: --time-scale takes a positive number, e.g. 0.05.")
                      << '\n';
        return ExitUsage;
    }

    sandbox::SandboxOptions options;
    options.port = static_cast<quint16>(port);
    options.dataDir = parser.value(QStringLiteral("data-dir"));
    options.requiredKey = parser.value(QStringLiteral("require-key"));
    options.timeScale = scale;
    options.s3AccessKeyId = parser.value(QStringLiteral("s3-access-key"));
    options.s3SecretAccessKey = parser.value(QStringLiteral("s3-secret-key"));
    if (parser.isSet(QStringLiteral("s3-access-key"))
                    != parser.isSet(QStringLiteral("s3-secret-key"))
            || (parser.isSet(QStringLiteral("s3-access-key"))
                    && (options.s3AccessKeyId.isEmpty() || options.s3SecretAccessKey.isEmpty()))) {
        context.err() << Context::tr("error: give both --s3-access-key and --s3-secret-key, "
                                     "neither empty.")
                      << '\n';
        return ExitUsage;
    }
    sandbox::SandboxServer server(options);
    QString problem;
    if (!server.start(&problem)) {
        context.err() << Context::tr("error: the sandbox could not start: %1").arg(problem) << '\n';
        return ExitFailure;
    }

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalSocket) == 0) {
        auto *notifier = new QSocketNotifier(
                g_signalSocket[1], QSocketNotifier::Read, QCoreApplication::instance());
        QObject::connect(notifier, &QSocketNotifier::activated, QCoreApplication::instance(),
                [] { QCoreApplication::quit(); });
        std::signal(SIGINT, handleStopSignal);
        std::signal(SIGTERM, handleStopSignal);
    }

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
    const int result = QCoreApplication::exec();
    context.out() << Context::tr("Sandbox stopped.") << Qt::endl;
    return result;
}

} // namespace fs::cli
