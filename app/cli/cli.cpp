// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"

#include "clicontext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>
#include <QUrl>

#include <cstdio>

namespace fs::cli {

namespace {

struct Verb
{
    const char *name;
    int (*run)(const QStringList &);
    const char *summary;
};

const Verb kVerbs[] = {
        {"sandbox", runSandbox, QT_TRANSLATE_NOOP("fs::cli", "run the offline sandbox API server")},
        {"files", runFiles, QT_TRANSLATE_NOOP("fs::cli", "list, upload or delete files")},
        {"jobs", runJobs,
                QT_TRANSLATE_NOOP("fs::cli", "list, create, watch or cancel fine-tuning jobs")},
        {"models", runModels, QT_TRANSLATE_NOOP("fs::cli", "list the models of the connection")},
        {"chat", runChat, QT_TRANSLATE_NOOP("fs::cli", "ask a model and stream its answer")},
        {"validate", runValidate,
                QT_TRANSLATE_NOOP("fs::cli", "check a training file, count tokens and cost")},
        {"storage", runStorage,
                QT_TRANSLATE_NOOP("fs::cli", "list, get, put or send objects in S3/R2 storage")},
        {"compare", runCompare,
                QT_TRANSLATE_NOOP("fs::cli", "score models on a validation file with ROUGE")},
        {"capture", runCapture,
                QT_TRANSLATE_NOOP("fs::cli", "keep a model's answers to prompts as a dataset")},
        {"deployments", runDeployments,
                QT_TRANSLATE_NOOP("fs::cli",
                        "list, start or stop deployments of fine-tuned models (Together AI)")},
};

void printGeneralHelp(QTextStream &out)
{
    out << Context::tr("Usage: finetune-studio [VERB] [OPTIONS]") << "\n\n"
        << Context::tr("Without a verb the desktop app starts. Verbs:") << "\n";
    for (const Verb &verb : kVerbs)
        out << "  " << QString::fromLatin1(verb.name).leftJustified(12) << Context::tr(verb.summary)
            << '\n';
    out << '\n'
        << Context::tr(
                   "The connection comes from --base-url URL or OPENAI_BASE_URL, with the key in "
                   "OPENAI_API_KEY, or from a saved connection: --connection NAME.")
        << '\n'
        << Context::tr("For Together AI pass --provider together: the key comes from "
                       "TOGETHER_API_KEY, the address from --base-url (default "
                       "https://api.together.xyz/v1).")
        << '\n'
        << Context::tr("Run 'finetune-studio VERB --help' for a verb's options.") << '\n'
        << Context::tr("To open training files in the app: finetune-studio FILE…") << '\n';
}

} // namespace

bool isCommandLine(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return false;
    const QString first = arguments.at(1);
    if (first == QLatin1String("--help") || first == QLatin1String("-h")
            || first == QLatin1String("--version") || first == QLatin1String("help"))
        return true;
    for (const Verb &verb : kVerbs) {
        if (first == QLatin1String(verb.name))
            return true;
    }
    return false;
}

Launch classify(const QStringList &arguments)
{
    Launch launch;
    if (isCommandLine(arguments)) {
        launch.kind = Launch::Kind::Command;
        return launch;
    }
    // Qt's own options that take a value (QGuiApplication, QApplication, the xcb platform).
    static const QStringList withValue = {QStringLiteral("platform"),
            QStringLiteral("platformpluginpath"), QStringLiteral("platformtheme"),
            QStringLiteral("plugin"), QStringLiteral("qwindowgeometry"),
            QStringLiteral("qwindowicon"), QStringLiteral("qwindowtitle"),
            QStringLiteral("session"), QStringLiteral("style"), QStringLiteral("stylesheet"),
            QStringLiteral("display"), QStringLiteral("geometry"), QStringLiteral("name"),
            QStringLiteral("title"), QStringLiteral("visual"), QStringLiteral("qdevicepixelratio")};
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString argument = arguments.at(i);
        if (argument.startsWith(QLatin1Char('-')) && argument.size() > 1) {
            QString name = argument.mid(argument.startsWith(QLatin1String("--")) ? 2 : 1);
            if (!name.contains(QLatin1Char('=')) && withValue.contains(name))
                ++i; // its value
            continue;
        }
        const QUrl url(argument);
        const QString path = url.isLocalFile() ? url.toLocalFile() : argument;
        if (!QFileInfo(path).isFile()) {
            launch.kind = Launch::Kind::Unknown;
            launch.unknown = argument;
            launch.files.clear();
            return launch;
        }
        launch.files << QFileInfo(path).absoluteFilePath();
    }
    return launch;
}

int reportUnknown(const QString &word)
{
    QTextStream err(stderr);
    err << Context::tr("finetune-studio: unknown command '%1' (and no file of that name).")
                    .arg(word)
        << "\n\n";
    printGeneralHelp(err);
    return ExitUsage;
}

int reportNoWindow()
{
    QTextStream err(stderr);
    err << Context::tr("finetune-studio: this build has no desktop window (it was built without "
                       "the user interface); use one of its commands.")
        << "\n\n";
    printGeneralHelp(err);
    return ExitUsage;
}

int run(const QStringList &arguments)
{
    QTextStream out(stdout);
    const QString first = arguments.value(1);
    if (first == QLatin1String("--version")) {
        out << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion()
            << '\n';
        return ExitOk;
    }
    for (const Verb &verb : kVerbs) {
        if (first == QLatin1String(verb.name))
            return verb.run(arguments.mid(1));
    }
    printGeneralHelp(out);
    return first == QLatin1String("--help") || first == QLatin1String("-h")
                    || first == QLatin1String("help")
            ? ExitOk
            : ExitUsage;
}

// ---- Context --------------------------------------------------------------------------------

Context::Context()
    : m_out(stdout)
    , m_err(stderr)
{
}

Context::~Context() = default;

void Context::addCommonOptions(QCommandLineParser &parser)
{
    parser.addHelpOption();
    parser.addOption({QStringLiteral("provider"),
            Context::tr("The service: openai (also OpenAI-compatible servers), together "
                        "(Together AI, key in TOGETHER_API_KEY) or azure (Azure OpenAI, key in "
                        "AZURE_OPENAI_API_KEY, endpoint in AZURE_OPENAI_ENDPOINT). Default: "
                        "openai, or the kind of the saved connection."),
            QStringLiteral("name")});
    parser.addOption({QStringLiteral("base-url"),
            Context::tr("The API's base URL, e.g. http://127.0.0.1:8080/v1 (default: "
                        "OPENAI_BASE_URL, else https://api.openai.com/v1; with --provider "
                        "together: https://api.together.xyz/v1)."),
            QStringLiteral("url")});
    parser.addOption({QStringLiteral("connection"),
            Context::tr("Use a connection saved in the app, by name."), QStringLiteral("name")});
    parser.addOption(
            {QStringLiteral("json"), Context::tr("Print the service's JSON, for scripts.")});
}

bool Context::parse(QCommandLineParser &parser, const QStringList &arguments, const QString &usage,
        int *exitCode)
{
    parser.setApplicationDescription(usage);
    if (!parser.parse(arguments)) {
        m_err << Context::tr("error: %1").arg(parser.errorText()) << '\n';
        *exitCode = ExitUsage;
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText();
        *exitCode = ExitOk;
        return false;
    }
    m_json = parser.optionNames().contains(QStringLiteral("json"))
            && parser.isSet(QStringLiteral("json"));
    m_kindGiven = parser.optionNames().contains(QStringLiteral("provider"))
            && parser.isSet(QStringLiteral("provider"));
    if (m_kindGiven && !providerFromOption(parser.value(QStringLiteral("provider")), &m_kind)) {
        m_err << Context::tr("error: there is no provider named '%1'. Use --provider openai, "
                             "--provider together, --provider azure or --provider fireworks.")
                         .arg(parser.value(QStringLiteral("provider")))
              << '\n';
        *exitCode = ExitUsage;
        return false;
    }
    return true;
}

bool Context::connect(const QCommandLineParser &parser)
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    Connection connection;
    connection.name = QStringLiteral("command line");

    if (parser.isSet(QStringLiteral("connection"))) {
        QString problem;
        if (!loadSavedConnection(
                    parser.value(QStringLiteral("connection")), &connection, &problem)) {
            m_err << Context::tr("error: %1").arg(problem) << '\n';
            return false;
        }
        if (m_kindGiven) {
            const QString mismatch = savedConnectionProviderProblem(connection, m_kind);
            if (!mismatch.isEmpty()) {
                m_err << Context::tr("error: %1").arg(mismatch) << '\n';
                return false;
            }
        }
    } else {
        const bool together = m_kind == Connection::Kind::Together;
        const bool azure = m_kind == Connection::Kind::Azure;
        const bool fireworks = m_kind == Connection::Kind::Fireworks;
        QString baseUrl = parser.value(QStringLiteral("base-url"));
        if (fireworks) {
            // FIREWORKS_API_KEY and FIREWORKS_ACCOUNT_ID, as Fireworks' own SDK reads them.
            connection.account = env.value(QStringLiteral("FIREWORKS_ACCOUNT_ID")).trimmed();
            if (connection.account.isEmpty()) {
                m_err << Context::tr(
                        "error: Fireworks AI needs your account id. Set FIREWORKS_ACCOUNT_ID "
                        "(and FIREWORKS_API_KEY), or pass --connection NAME. To try things "
                        "offline, run 'finetune-studio sandbox', pass the address it prints "
                        "ending in /fireworks as --base-url, and any account id.")
                      << '\n';
                return false;
            }
        }
        if (baseUrl.isEmpty() && azure)
            baseUrl = env.value(QStringLiteral("AZURE_OPENAI_ENDPOINT"));
        else if (baseUrl.isEmpty() && !together && !fireworks)
            baseUrl = env.value(QStringLiteral("OPENAI_BASE_URL"));
        const QString key = env.value(Connection::apiKeyEnvironmentVariable(m_kind));
        if (azure && baseUrl.isEmpty()) {
            m_err << Context::tr("error: no Azure OpenAI endpoint given. Set AZURE_OPENAI_ENDPOINT "
                                 "(https://NAME.openai.azure.com) and AZURE_OPENAI_API_KEY, or "
                                 "pass --base-url URL. To try things offline, run "
                                 "'finetune-studio sandbox' and pass the address it prints, "
                                 "without /v1, as --base-url.")
                  << '\n';
            return false;
        }
        if (baseUrl.isEmpty() && key.isEmpty()) {
            if (together)
                m_err << Context::tr(
                        "error: no connection given. Set TOGETHER_API_KEY, pass --base-url URL, "
                        "or --connection NAME. To try things offline, run 'finetune-studio "
                        "sandbox' and pass the address it prints, ending in /together/v1, as "
                        "--base-url.")
                      << '\n';
            else
                m_err << Context::tr(
                        "error: no connection given. Set OPENAI_API_KEY (and OPENAI_BASE_URL for "
                        "another server), pass --base-url URL, or --connection NAME. To try "
                        "things offline, run 'finetune-studio sandbox' and pass the address it "
                        "prints as --base-url.")
                      << '\n';
            return false;
        }
        if (baseUrl.isEmpty())
            baseUrl = Connection::defaultBaseUrl(m_kind);
        const QUrl url = QUrl::fromUserInput(baseUrl);
        if (!url.isValid()
                || (url.scheme() != QLatin1String("http")
                        && url.scheme() != QLatin1String("https"))) {
            m_err << Context::tr("error: '%1' is not a web address (http:// or https://).")
                             .arg(baseUrl)
                  << '\n';
            return false;
        }
        connection.baseUrl = url;
        connection.apiKey = key;
        if (together || azure || fireworks) {
            connection.kind = m_kind;
        } else {
            connection.kind = url.host() == QLatin1String("api.openai.com")
                    ? Connection::Kind::OpenAI
                    : Connection::Kind::Compatible;
            connection.organization = env.value(QStringLiteral("OPENAI_ORG_ID"));
            connection.project = env.value(QStringLiteral("OPENAI_PROJECT_ID"));
        }
    }
    if (connection.kind == Connection::Kind::Azure && !applyAzureDetails(parser, &connection))
        return false;
    // A key bound for a plain http:// address off this machine is refused by the client itself.
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<ApiClient>(m_nam.get(), connection);
    m_provider = std::make_unique<ProviderClient>(m_client.get());
    return true;
}

void Context::addAzureOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("subscription"),
            Context::tr("Azure: the subscription id of the Azure OpenAI resource (portal: the "
                        "resource's Overview page)."),
            QStringLiteral("id")});
    parser.addOption({QStringLiteral("resource-group"),
            Context::tr("Azure: the resource group of the Azure OpenAI resource."),
            QStringLiteral("name")});
    parser.addOption({QStringLiteral("account"),
            Context::tr("Azure: the Azure OpenAI resource's name (NAME in "
                        "https://NAME.openai.azure.com)."),
            QStringLiteral("name")});
    parser.addOption({QStringLiteral("tenant"),
            Context::tr("Azure: the directory (tenant) to sign in to (default: any work or "
                        "school account)."),
            QStringLiteral("id")});
}

bool Context::applyAzureDetails(const QCommandLineParser &parser, Connection *connection)
{
    // Options given win over a saved connection's details.
    const QStringList given = parser.optionNames();
    AzureManagement &azure = connection->azure;
    if (given.contains(QStringLiteral("subscription")))
        azure.subscription = parser.value(QStringLiteral("subscription"));
    if (given.contains(QStringLiteral("resource-group")))
        azure.resourceGroup = parser.value(QStringLiteral("resource-group"));
    if (given.contains(QStringLiteral("account")))
        azure.account = parser.value(QStringLiteral("account"));
    if (given.contains(QStringLiteral("tenant")))
        azure.tenant = parser.value(QStringLiteral("tenant"));
    const QString token =
            QProcessEnvironment::systemEnvironment().value(QStringLiteral("AZURE_ACCESS_TOKEN"));
    if (!token.isEmpty()) {
        azure.accessToken = token;
    } else if (!connection->id.isEmpty() && azure.isComplete()) {
        QString problem;
        azure.accessToken = readAzureSignIn(*connection, &problem);
        m_azureSignInProblem = problem;
    }
    return true;
}

bool Context::interval(const QCommandLineParser &parser, double *seconds)
{
    bool ok = false;
    *seconds = parser.value(QStringLiteral("interval")).toDouble(&ok);
    if (ok && *seconds > 0)
        return true;
    m_err << Context::tr("error: --interval takes a positive number of seconds.") << '\n';
    return false;
}

int Context::failureCode() const
{
    const DialectError refused {DialectError::Kind::InvalidRequest, QString()};
    return m_lastError.kind == ApiError::Kind::Protocol && m_lastError.code == refused.code()
            ? ExitUsage
            : ExitFailure;
}

bool Context::wait(ApiReply *reply)
{
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply, &ApiReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (reply->ok())
        return true;
    printError(reply->error());
    return false;
}

int Context::report(ApiReply *reply, const std::function<int(const QJsonObject &)> &human)
{
    if (!wait(reply))
        return ExitFailure;
    if (m_json) {
        printJson(reply->json());
        return ExitOk;
    }
    return human(reply->json());
}

void Context::printError(const ApiError &error)
{
    const QString plain = error.plainMessage();
    m_err << Context::tr("error: %1").arg(plain);
    // A dialect's own sentence (the service has no such thing) needs no technical repetition.
    const bool dialectSentence = error.kind == ApiError::Kind::Protocol && error.httpStatus == 0
            && plain == error.message;
    const QString detail = dialectSentence ? QString() : error.technicalSummary();
    if (!detail.isEmpty())
        m_err << " (" << detail << ')';
    m_err << Qt::endl;
}

void Context::printJson(const QJsonValue &value)
{
    const QJsonDocument document =
            value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    m_out << QString::fromUtf8(document.toJson(QJsonDocument::Indented));
    m_out.flush();
}

QString formatTime(qint64 unixSeconds)
{
    if (unixSeconds <= 0)
        return QStringLiteral("-");
    return QDateTime::fromSecsSinceEpoch(unixSeconds)
            .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString formatBytes(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

} // namespace fs::cli
