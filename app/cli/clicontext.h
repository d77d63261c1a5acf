// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apiclient.h"
#include "connection.h"
#include "providerclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QTextStream>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace fs {
struct ModelTarget;
}

namespace fs::cli {

/// Exit codes shared by every verb.
enum ExitCode {
    ExitOk = 0,
    ExitFailure = 1, ///< the service refused or the job failed
    ExitUsage = 2, ///< wrong arguments
    ExitCancelled = 3, ///< a watched job was cancelled
};

/// One option of a verb, as a row of the verb's table; its words are translated when it is added.
struct OptionRow
{
    const char *name; ///< "model"; "epochs|n-epochs" for a name with another spelling
    const char *description; ///< QT_TRANSLATE_NOOP("fs::cli", …)
    const char *valueName = nullptr; ///< the value's name in --help; none for a switch
    const char *defaultValue = nullptr;
    QString (*fill)() = nullptr; ///< what stands for %1 in the description, when it has one
};

/// What a verb's command line holds besides the common options: for Context::parse().
struct VerbSyntax
{
    const char *description = nullptr; ///< the first line of --help (QT_TRANSLATE_NOOP)
    QList<OptionRow> options = {}; ///< the verb's own options, in --help's order
    const char *argument = nullptr; ///< the name of the positional argument, if it takes one
    const char *argumentHelp = nullptr; ///< its line in --help (QT_TRANSLATE_NOOP)
    bool common = true; ///< false: only --help, not --provider, --base-url, --connection, --json
};

/// An action of a verb with actions (`files upload FILE`): its name and how many words follow it.
struct VerbAction
{
    const char *name;
    int minWords;
    int maxWords;
};

/**
 * @brief What every verb needs: the parsed options, the output streams and an API client on the
 * connection chosen by --provider / --base-url / --connection / OPENAI_BASE_URL /
 * OPENAI_API_KEY (TOGETHER_API_KEY for --provider together; AZURE_OPENAI_API_KEY and
 * AZURE_OPENAI_ENDPOINT for --provider azure).
 */
class Context
{
    Q_DECLARE_TR_FUNCTIONS(fs::cli)

public:
    Context();
    ~Context();

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    /// Reads the verb's command line as `syntax` describes it, after the common options
    /// (--provider, --base-url, --connection, --json, --help). False when the run ends here:
    /// --help was printed, or a usage problem (an unknown option, an unknown --provider);
    /// exitCode() says which.
    bool parse(const QStringList &arguments, const VerbSyntax &syntax);
    /// The exit code when parse() returned false.
    int exitCode() const { return m_exitCode; }
    /// The parsed command line (after parse()).
    const QCommandLineParser &parser() const { return m_parser; }
    /// The positional arguments (after parse()).
    QStringList words() const { return m_parser.positionalArguments(); }
    /// The action the positional arguments name when they fit one of `actions`; else prints
    /// `usage` to stderr and returns an empty string.
    QString action(const QList<VerbAction> &actions, const QString &usage);

    bool json() const { return m_json; }
    /// --interval in seconds; false with the reason printed when it is not a positive number.
    bool interval(double *seconds);
    /// --concurrency (1 to 64); false with the reason printed when it is not such a number.
    bool concurrency(int *requests);

    /// Resolves the connection; false with a printed reason when there is none.
    bool connect();
    ApiClient &client() { return *m_client; }
    /// The connection's service through its dialect (domain types); valid after connect().
    ProviderClient &provider() { return *m_provider; }
    /// The model registry's view of the connection's service (after connect()).
    ProviderKind providerKind() const { return m_client->connection().providerKind(); }

    /// Runs one ProviderClient operation to completion: `start` receives the done callback.
    /// Prints the error and returns nullopt when it failed. The answer's JSON, as the service
    /// sent it, is lastBody() afterwards (for --json).
    template<typename T>
    std::optional<T> call(const std::function<ApiReply *(ProviderClient::Done<T>)> &start)
    {
        std::optional<ProviderResult<T>> result;
        QEventLoop loop;
        ApiReply *reply = nullptr;
        // `done` runs after `start` returned, inside the reply's finished signal (still alive).
        reply = start([this, &result, &loop, &reply](const ProviderResult<T> &r) {
            m_lastBody = reply && r.ok() ? reply->json() : QJsonObject();
            result = r;
            loop.quit();
        });
        if (!result)
            loop.exec();
        if (!result->ok()) {
            m_lastError = result->error;
            printError(result->error);
            return std::nullopt;
        }
        return result->value;
    }
    /// The service's JSON object of the last successful call().
    const QJsonObject &lastBody() const { return m_lastBody; }
    /// The exit code for the last failed call(): ExitUsage when the dialect refused the request
    /// as one the service cannot take, else ExitFailure.
    int failureCode() const;

    /// Runs the event loop until the reply finishes; prints a one-line error and returns false
    /// when it failed.
    bool wait(ApiReply *reply);
    /// Waits for the reply, then prints the service's JSON (--json) or lets `human` print it for
    /// people. `human` returns the exit code.
    int report(ApiReply *reply, const std::function<int(const QJsonObject &)> &human);
    /// Wipes a progress line rewritten in place (`width` characters) on a terminal.
    void clearProgressLine(int width);
    /// Prints "error: <plain message>" to stderr (and the technical detail after it).
    void printError(const ApiError &error);
    void printJson(const QJsonValue &value);

    /// Why a saved Azure connection has no sign-in token (empty when it has one or none was
    /// looked for).
    QString azureSignInProblem() const { return m_azureSignInProblem; }

private:
    bool useSavedConnection(Connection *connection);
    bool connectionFromOptions(Connection *connection);
    bool readFireworksAccount(Connection *connection);
    bool reportMissingConnection(const QString &baseUrl, const QString &key);
    void applyAzureDetails(Connection *connection);

    QCommandLineParser m_parser;
    int m_exitCode = ExitOk;

    QTextStream m_out;
    QTextStream m_err;
    bool m_json = false;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<ProviderClient> m_provider;
    QString m_azureSignInProblem; ///< why a saved Azure connection has no sign-in token
    ApiError m_lastError;
    QJsonObject m_lastBody;
    Connection::Kind m_kind = Connection::Kind::OpenAI; ///< from --provider
    bool m_kindGiven = false;
};

/// Finds a connection saved by the app and reads its key from the keychain.
bool loadSavedConnection(const QString &name, Connection *connection, QString *problem);
/// The connection kind --provider names ("openai", "together"); false for any other word.
bool providerFromOption(const QString &value, Connection::Kind *kind);
/// The access token of the app's Microsoft sign-in for a saved Azure connection (renewed when
/// it expires soon), else empty with `problem` set.
QString readAzureSignIn(const Connection &connection, QString *problem);
/// Empty when a saved connection speaks what --provider asked for, else the sentence why not.
QString savedConnectionProviderProblem(const Connection &saved, Connection::Kind asked);

/// For a chat with `*model`: a fine-tuned model that must be deployed is reached through its
/// running deployment (`*model` becomes the deployment's name). False, with the reason printed
/// (deploy it first, and how), when none runs.
bool reachModel(Context &context, QString *model);
/// reachModel() for a target: `servedAs` names the deployment when the model answers through one.
bool reachTarget(Context &context, ModelTarget *target);
/// "Rate limited. Waiting 3 s before going on." — a batch's pause, for people.
QString waitingLine(const QString &why, int delayMs);

/// Starts `job` (a BatchRunner, a CaptureRun) and runs the event loop until it emits `finished`.
template<typename Job, typename Signal>
void runToEnd(Job &job, Signal finished)
{
    QEventLoop loop;
    QObject::connect(&job, finished, &loop, &QEventLoop::quit);
    job.start();
    if (job.isRunning())
        loop.exec();
}

/// "2026-11-21 17:40:02" in local time.
QString formatTime(qint64 unixSeconds);
/// "12.3 MB", for people.
QString formatBytes(qint64 bytes);

/// A verb: what its command line holds, and what it does once that is parsed (cli.cpp runs it).
struct Verb
{
    const VerbSyntax &syntax;
    int (*run)(Context &context);
};

extern const Verb sandboxVerb;
extern const Verb filesVerb;
extern const Verb jobsVerb;
extern const Verb modelsVerb;
extern const Verb chatVerb;
extern const Verb validateVerb;
extern const Verb storageVerb;
extern const Verb compareVerb;
extern const Verb captureVerb;
extern const Verb deploymentsVerb;

} // namespace fs::cli
