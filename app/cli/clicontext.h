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

namespace fs::cli {

/// Exit codes shared by every verb.
enum ExitCode {
    ExitOk = 0,
    ExitFailure = 1, ///< the service refused or the job failed
    ExitUsage = 2, ///< wrong arguments
    ExitCancelled = 3, ///< a watched job was cancelled
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

    /// Adds --provider, --base-url, --connection, --json and --help to a verb's parser.
    static void addCommonOptions(QCommandLineParser &parser);
    /// Parses; on a usage problem (an unknown option, an unknown --provider) prints it and
    /// returns false with *exitCode set.
    bool parse(QCommandLineParser &parser, const QStringList &arguments, const QString &usage,
            int *exitCode);

    bool json() const { return m_json; }
    /// --interval in seconds; false with the reason printed when it is not a positive number.
    bool interval(const QCommandLineParser &parser, double *seconds);

    /// Resolves the connection; false with a printed reason when there is none.
    bool connect(const QCommandLineParser &parser);
    /// Adds --subscription, --resource-group, --account and --tenant (Azure's management
    /// details, for deployments).
    static void addAzureOptions(QCommandLineParser &parser);
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
    /// Prints "error: <plain message>" to stderr (and the technical detail after it).
    void printError(const ApiError &error);
    void printJson(const QJsonValue &value);

    /// Why a saved Azure connection has no sign-in token (empty when it has one or none was
    /// looked for).
    QString azureSignInProblem() const { return m_azureSignInProblem; }

private:
    bool applyAzureDetails(const QCommandLineParser &parser, Connection *connection);

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

/// "2026-11-21 17:40:02" in local time.
QString formatTime(qint64 unixSeconds);
/// "12.3 MB", for people.
QString formatBytes(qint64 bytes);

int runSandbox(const QStringList &arguments);
int runFiles(const QStringList &arguments);
int runJobs(const QStringList &arguments);
int runModels(const QStringList &arguments);
int runChat(const QStringList &arguments);
int runValidate(const QStringList &arguments);
int runStorage(const QStringList &arguments);
int runCompare(const QStringList &arguments);
int runCapture(const QStringList &arguments);
int runDeployments(const QStringList &arguments);

} // namespace fs::cli
