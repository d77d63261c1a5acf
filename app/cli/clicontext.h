// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apiclient.h"
#include "connection.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <functional>
#include <memory>

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
 * connection chosen by --base-url / --connection / OPENAI_BASE_URL / OPENAI_API_KEY.
 */
class Context
{
    Q_DECLARE_TR_FUNCTIONS(fs::cli)

public:
    Context();
    ~Context();

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    /// Adds --base-url, --connection, --json and --help to a verb's parser.
    static void addCommonOptions(QCommandLineParser &parser);
    /// Parses; on a usage problem prints it and returns false with *exitCode set.
    bool parse(QCommandLineParser &parser, const QStringList &arguments, const QString &usage,
            int *exitCode);

    bool json() const { return m_json; }

    /// Resolves the connection; false with a printed reason when there is none.
    bool connect(const QCommandLineParser &parser);
    ApiClient &client() { return *m_client; }

    /// Runs the event loop until the reply finishes; prints a one-line error and returns false
    /// when it failed.
    bool wait(ApiReply *reply);
    /// Waits for the reply, then prints the service's JSON (--json) or lets `human` print it for
    /// people. `human` returns the exit code.
    int report(ApiReply *reply, const std::function<int(const QJsonObject &)> &human);
    /// Prints "error: <plain message>" to stderr (and the technical detail after it).
    void printError(const ApiError &error);
    void printJson(const QJsonValue &value);

private:
    QTextStream m_out;
    QTextStream m_err;
    bool m_json = false;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ApiClient> m_client;
};

/// Finds a connection saved by the app and reads its key from the keychain.
bool loadSavedConnection(const QString &name, Connection *connection, QString *problem);

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

} // namespace fs::cli
