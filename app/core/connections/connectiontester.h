// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"
#include "apitypes.h"
#include "connection.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace fs {

class ApiClient;
class ApiReply;

/// The result of testing a connection with a models call, classified for people.
struct ConnectionCheck
{
    enum class Outcome {
        NotChecked, ///< nothing tried yet
        Ok, ///< reachable, the key was accepted, models listed
        NeedsKey, ///< 401 and no key was given
        WrongKey, ///< 401 with a key: the key was not accepted
        Forbidden, ///< 403: the key works but may not do this (region, permissions)
        Unreachable, ///< DNS failure, connection refused, no route, dropped
        Certificate, ///< TLS/certificate problem
        Timeout, ///< no answer within the time limit
        NotAnApi, ///< 404 or an answer that is not the OpenAI API: probably a wrong address
        HttpError, ///< any other HTTP error status
        InvalidAddress, ///< the address is not a usable http(s) URL
        SandboxNotRunning, ///< the built-in sandbox has no address (it failed to start)
    };

    Outcome outcome = Outcome::NotChecked;
    QList<ModelObject> models; ///< sorted: fine-tuned first, then by id
    ApiError error; ///< the underlying error, for details and logs
    bool keyGiven = false;
    /// The kind of connection tested and its address as entered (for InvalidAddress: the
    /// message names what was entered, or asks for it when nothing was).
    Connection::Kind kind = Connection::Kind::Compatible;
    QString address;

    bool ok() const { return outcome == Outcome::Ok; }
    /// The server answered (even if it refused): it is reachable.
    bool reachable() const;
    int modelCount() const { return int(models.size()); }
    int fineTunedCount() const;

    /// A few words for a status bar: "Connected", "Key not accepted", "Can't reach server", …
    QString shortText() const;
    /// One or two sentences for people, e.g. "Connected. The server offers 12 models." or
    /// "The API key was not accepted. …"
    QString plainMessage() const;

private:
    QString invalidAddressMessage() const;
};

/**
 * @brief Tests a connection with a models call and classifies the outcome (ConnectionCheck).
 *
 * Used by the status bar, the connection overview and the connections dialog's Test button.
 * A new test() cancels one still running.
 */
class ConnectionTester : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionTester(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~ConnectionTester() override;

    /// Time limit of one test; the default is 15 s, without retries, so a person is not left
    /// waiting.
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    int timeoutMs() const { return m_timeoutMs; }

    /// Starts testing `connection` (with its apiKey filled in). Emits finished() later, never
    /// from inside this call.
    void test(const Connection &connection);
    void cancel();
    bool isRunning() const { return m_running; }
    ConnectionCheck lastResult() const { return m_last; }

    /// Asks `client`'s connection for its models in the dialect the connection speaks
    /// (OpenAI's {data: […]}, Together's bare array).
    static ApiReply *requestModels(ApiClient *client);
    /// Classifies a finished requestModels() call: an answer that is not the service's list of
    /// models (a web page, a proxy) is NotAnApi, never "connected".
    static ConnectionCheck classify(const Connection &connection, const ApiReply *reply);
    /// What a failed call says about the connection (NotChecked for no error); the models of a
    /// successful one are the caller's to fill in.
    static ConnectionCheck classifyError(const Connection &connection, const ApiError &error);

Q_SIGNALS:
    void started();
    void finished(const fs::ConnectionCheck &result);

private:
    void finish(const ConnectionCheck &result);

    QNetworkAccessManager *m_nam;
    QPointer<ApiReply> m_reply;
    int m_timeoutMs = 15000;
    int m_generation = 0;
    bool m_running = false;
    ConnectionCheck m_last;
};

} // namespace fs

Q_DECLARE_METATYPE(fs::ConnectionCheck)
