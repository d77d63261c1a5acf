// SPDX-License-Identifier: GPL-3.0-or-later
// Context: what every verb shares — its command line, its output and its connection.
#include "clicontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>
#include <QUrl>

namespace fs::cli {

namespace {

QCommandLineOption optionFromRow(const OptionRow &row)
{
    QString description = Context::tr(row.description);
    if (row.fill)
        description = description.arg(row.fill());
    QCommandLineOption option(QString::fromLatin1(row.name).split(QLatin1Char('|')), description);
    if (row.valueName)
        option.setValueName(QString::fromLatin1(row.valueName));
    if (row.defaultValue)
        option.setDefaultValue(QString::fromLatin1(row.defaultValue));
    return option;
}

void addCommonOptions(QCommandLineParser &parser)
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

bool isWebAddress(const QUrl &url)
{
    return url.isValid()
            && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
}

/// The address the environment names for the service of `kind` (none for Together, Fireworks).
QString baseUrlFromEnvironment(const QProcessEnvironment &env, Connection::Kind kind)
{
    if (kind == Connection::Kind::Azure)
        return env.value(QStringLiteral("AZURE_OPENAI_ENDPOINT"));
    if (kind == Connection::Kind::Together || kind == Connection::Kind::Fireworks)
        return {};
    return env.value(QStringLiteral("OPENAI_BASE_URL"));
}

} // namespace

Context::Context()
    : m_out(stdout)
    , m_err(stderr)
{
}

Context::~Context() = default;

bool Context::parse(const QStringList &arguments, const VerbSyntax &syntax)
{
    if (syntax.common)
        addCommonOptions(m_parser);
    else
        m_parser.addHelpOption();
    for (const OptionRow &row : syntax.options)
        m_parser.addOption(optionFromRow(row));
    if (syntax.argument)
        m_parser.addPositionalArgument(
                QString::fromLatin1(syntax.argument), Context::tr(syntax.argumentHelp));
    m_parser.setApplicationDescription(Context::tr(syntax.description));
    m_exitCode = ExitUsage;
    if (!m_parser.parse(arguments)) {
        m_err << Context::tr("error: %1").arg(m_parser.errorText()) << '\n';
        return false;
    }
    if (m_parser.isSet(QStringLiteral("help"))) {
        m_out << m_parser.helpText();
        m_exitCode = ExitOk;
        return false;
    }
    const QStringList names = m_parser.optionNames();
    m_json = names.contains(QStringLiteral("json")) && m_parser.isSet(QStringLiteral("json"));
    m_kindGiven = names.contains(QStringLiteral("provider"))
            && m_parser.isSet(QStringLiteral("provider"));
    if (m_kindGiven && !providerFromOption(m_parser.value(QStringLiteral("provider")), &m_kind)) {
        m_err << Context::tr("error: there is no provider named '%1'. Use --provider openai, "
                             "--provider together, --provider azure or --provider fireworks.")
                         .arg(m_parser.value(QStringLiteral("provider")))
              << '\n';
        return false;
    }
    m_exitCode = ExitOk;
    return true;
}

QString Context::action(const QList<VerbAction> &actions, const QString &usage)
{
    const QStringList words = m_parser.positionalArguments();
    const qsizetype following = words.size() - 1;
    for (const VerbAction &action : actions) {
        if (words.value(0) == QLatin1String(action.name) && following >= action.minWords
                && following <= action.maxWords)
            return words.constFirst();
    }
    m_err << usage << '\n';
    return {};
}

bool Context::connect()
{
    Connection connection;
    connection.name = QStringLiteral("command line");
    const bool found = m_parser.isSet(QStringLiteral("connection"))
            ? useSavedConnection(&connection)
            : connectionFromOptions(&connection);
    if (!found)
        return false;
    if (connection.kind == Connection::Kind::Azure)
        applyAzureDetails(&connection);
    // A key bound for a plain http:// address off this machine is refused by the client itself.
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<ApiClient>(m_nam.get(), connection);
    m_provider = std::make_unique<ProviderClient>(m_client.get());
    return true;
}

bool Context::useSavedConnection(Connection *connection)
{
    QString problem;
    if (!loadSavedConnection(m_parser.value(QStringLiteral("connection")), connection, &problem)) {
        m_err << Context::tr("error: %1").arg(problem) << '\n';
        return false;
    }
    const QString mismatch =
            m_kindGiven ? savedConnectionProviderProblem(*connection, m_kind) : QString();
    if (!mismatch.isEmpty()) {
        m_err << Context::tr("error: %1").arg(mismatch) << '\n';
        return false;
    }
    return true;
}

bool Context::connectionFromOptions(Connection *connection)
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (m_kind == Connection::Kind::Fireworks && !readFireworksAccount(connection))
        return false;
    QString baseUrl = m_parser.value(QStringLiteral("base-url"));
    if (baseUrl.isEmpty())
        baseUrl = baseUrlFromEnvironment(env, m_kind);
    const QString key = env.value(Connection::apiKeyEnvironmentVariable(m_kind));
    if (!reportMissingConnection(baseUrl, key))
        return false;
    if (baseUrl.isEmpty())
        baseUrl = Connection::defaultBaseUrl(m_kind);
    const QUrl url = QUrl::fromUserInput(baseUrl);
    if (!isWebAddress(url)) {
        m_err << Context::tr("error: '%1' is not a web address (http:// or https://).").arg(baseUrl)
              << '\n';
        return false;
    }
    connection->baseUrl = url;
    connection->apiKey = key;
    if (m_kind == Connection::Kind::Together || m_kind == Connection::Kind::Azure
            || m_kind == Connection::Kind::Fireworks) {
        connection->kind = m_kind;
        return true;
    }
    connection->kind = url.host() == QLatin1String("api.openai.com") ? Connection::Kind::OpenAI
                                                                     : Connection::Kind::Compatible;
    connection->organization = env.value(QStringLiteral("OPENAI_ORG_ID"));
    connection->project = env.value(QStringLiteral("OPENAI_PROJECT_ID"));
    return true;
}

bool Context::readFireworksAccount(Connection *connection)
{
    // FIREWORKS_API_KEY and FIREWORKS_ACCOUNT_ID, as Fireworks' own SDK reads them.
    connection->account = QProcessEnvironment::systemEnvironment()
                                  .value(QStringLiteral("FIREWORKS_ACCOUNT_ID"))
                                  .trimmed();
    if (!connection->account.isEmpty())
        return true;
    m_err << Context::tr("error: Fireworks AI needs your account id. Set FIREWORKS_ACCOUNT_ID "
                         "(and FIREWORKS_API_KEY), or pass --connection NAME. To try things "
                         "offline, run 'finetune-studio sandbox', pass the address it prints "
                         "ending in /fireworks as --base-url, and any account id.")
          << '\n';
    return false;
}

/// False, with what to set printed, when neither an address nor a key was given.
bool Context::reportMissingConnection(const QString &baseUrl, const QString &key)
{
    if (m_kind == Connection::Kind::Azure && baseUrl.isEmpty()) {
        m_err << Context::tr("error: no Azure OpenAI endpoint given. Set AZURE_OPENAI_ENDPOINT "
                             "(https://NAME.openai.azure.com) and AZURE_OPENAI_API_KEY, or "
                             "pass --base-url URL. To try things offline, run "
                             "'finetune-studio sandbox' and pass the address it prints, "
                             "without /v1, as --base-url.")
              << '\n';
        return false;
    }
    if (!baseUrl.isEmpty() || !key.isEmpty())
        return true;
    if (m_kind == Connection::Kind::Together)
        m_err << Context::tr("error: no connection given. Set TOGETHER_API_KEY, pass --base-url "
                             "URL, or --connection NAME. To try things offline, run "
                             "'finetune-studio sandbox' and pass the address it prints, ending "
                             "in /together/v1, as --base-url.")
              << '\n';
    else
        m_err << Context::tr("error: no connection given. Set OPENAI_API_KEY (and OPENAI_BASE_URL "
                             "for another server), pass --base-url URL, or --connection NAME. To "
                             "try things offline, run 'finetune-studio sandbox' and pass the "
                             "address it prints as --base-url.")
              << '\n';
    return false;
}

void Context::applyAzureDetails(Connection *connection)
{
    // Options given win over a saved connection's details.
    const QStringList given = m_parser.optionNames();
    AzureManagement &azure = connection->azure;
    if (given.contains(QStringLiteral("subscription")))
        azure.subscription = m_parser.value(QStringLiteral("subscription"));
    if (given.contains(QStringLiteral("resource-group")))
        azure.resourceGroup = m_parser.value(QStringLiteral("resource-group"));
    if (given.contains(QStringLiteral("account")))
        azure.account = m_parser.value(QStringLiteral("account"));
    if (given.contains(QStringLiteral("tenant")))
        azure.tenant = m_parser.value(QStringLiteral("tenant"));
    const QString token =
            QProcessEnvironment::systemEnvironment().value(QStringLiteral("AZURE_ACCESS_TOKEN"));
    if (!token.isEmpty()) {
        azure.accessToken = token;
    } else if (!connection->id.isEmpty() && azure.isComplete()) {
        QString problem;
        azure.accessToken = readAzureSignIn(*connection, &problem);
        m_azureSignInProblem = problem;
    }
}

bool Context::interval(double *seconds)
{
    bool ok = false;
    *seconds = m_parser.value(QStringLiteral("interval")).toDouble(&ok);
    if (ok && *seconds > 0)
        return true;
    m_err << Context::tr("error: --interval takes a positive number of seconds.") << '\n';
    return false;
}

bool Context::concurrency(int *requests)
{
    bool ok = false;
    *requests = m_parser.value(QStringLiteral("concurrency")).toInt(&ok);
    if (ok && *requests >= 1 && *requests <= 64)
        return true;
    m_err << Context::tr("error: --concurrency takes a number from 1 to 64.") << '\n';
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

void Context::clearProgressLine(int width)
{
    m_err << '\r' << QString(width, QLatin1Char(' ')) << '\r';
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

QString waitingLine(const QString &why, int delayMs)
{
    return Context::tr("%1 Waiting %2 s before going on.").arg(why).arg((delayMs + 999) / 1000);
}

} // namespace fs::cli
