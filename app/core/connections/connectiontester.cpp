// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectiontester.h"

#include "dialect.h"

#include "apiclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimer>
#include <algorithm>

namespace fs {

bool ConnectionCheck::reachable() const
{
    switch (outcome) {
    case Outcome::Ok:
    case Outcome::NeedsKey:
    case Outcome::WrongKey:
    case Outcome::Forbidden:
    case Outcome::NotAnApi:
    case Outcome::HttpError:
        return true;
    case Outcome::NotChecked:
    case Outcome::Unreachable:
    case Outcome::Certificate:
    case Outcome::Timeout:
    case Outcome::InvalidAddress:
    case Outcome::SandboxNotRunning:
        break;
    }
    return false;
}

int ConnectionCheck::fineTunedCount() const
{
    return int(std::count_if(models.cbegin(), models.cend(),
            [](const ModelObject &model) { return model.isFineTuned(); }));
}

QString ConnectionCheck::shortText() const
{
    switch (outcome) {
    case Outcome::NotChecked:
        return QCoreApplication::translate("ConnectionCheck", "Not checked yet");
    case Outcome::Ok:
        return QCoreApplication::translate("ConnectionCheck", "Connected");
    case Outcome::NeedsKey:
        return QCoreApplication::translate("ConnectionCheck", "API key needed");
    case Outcome::WrongKey:
        return QCoreApplication::translate("ConnectionCheck", "Key not accepted");
    case Outcome::Forbidden:
        return QCoreApplication::translate("ConnectionCheck", "Access refused");
    case Outcome::Unreachable:
        return QCoreApplication::translate("ConnectionCheck", "Can't reach the server");
    case Outcome::Certificate:
        return QCoreApplication::translate("ConnectionCheck", "Certificate problem");
    case Outcome::Timeout:
        return QCoreApplication::translate("ConnectionCheck", "No answer");
    case Outcome::NotAnApi:
        return QCoreApplication::translate("ConnectionCheck", "Wrong address?");
    case Outcome::HttpError:
        return QCoreApplication::translate("ConnectionCheck", "Server error");
    case Outcome::InvalidAddress:
        return QCoreApplication::translate("ConnectionCheck", "Address not valid");
    case Outcome::SandboxNotRunning:
        return QCoreApplication::translate("ConnectionCheck", "Sandbox not running");
    }
    return {};
}

namespace {

/// "Connected", with how many models the server offers (on Fireworks: the account's own).
QString connectedMessage(const ConnectionCheck &check)
{
    if (check.kind == Connection::Kind::Fireworks) {
        // The account's own models: none until a fine-tune is done.
        const QString own = check.modelCount() == 0
                ? QCoreApplication::translate(
                        "ConnectionCheck", "Connected. Your account has no models of its own yet.")
                : QCoreApplication::translate(
                        "ConnectionCheck", "Connected. Your account has %1 models of its own.")
                          .arg(check.modelCount());
        return own + QLatin1Char(' ')
                + QCoreApplication::translate("ConnectionCheck",
                        "Fireworks AI’s models to fine-tune are offered when you start a "
                        "job.");
    }
    const int fineTuned = check.fineTunedCount();
    // Singular and plural spelled out: English has no plural catalogue to fill in "%n".
    QString text = check.modelCount() == 1 ? QCoreApplication::translate(
                           "ConnectionCheck", "Connected. The server offers one model.")
                                           : QCoreApplication::translate("ConnectionCheck",
                                                   "Connected. The server offers %1 models.")
                                                     .arg(check.modelCount());
    if (fineTuned == 1)
        text += QLatin1Char(' ')
                + QCoreApplication::translate(
                        "ConnectionCheck", "One of them is your own fine-tuned model.");
    else if (fineTuned > 1)
        text += QLatin1Char(' ')
                + QCoreApplication::translate(
                        "ConnectionCheck", "%1 of them are your own fine-tuned models.")
                          .arg(fineTuned);
    return text;
}

/// Something answered, but not the API this connection expects.
QString notAnApiMessage(Connection::Kind kind)
{
    if (kind == Connection::Kind::Together)
        return QCoreApplication::translate("ConnectionCheck",
                "Something answered at this address, but it is not Together AI’s API. "
                "Check the address: it is usually %1.")
                .arg(Connection::defaultTogetherBaseUrl());
    if (kind == Connection::Kind::Fireworks)
        return QCoreApplication::translate("ConnectionCheck",
                "Fireworks AI did not list models for this account. Check the account id "
                "(shown on your Fireworks account page) and the address, usually %1.")
                .arg(Connection::defaultFireworksBaseUrl());
    return QCoreApplication::translate("ConnectionCheck",
            "Something answered at this address, but it is not an OpenAI-compatible API. "
            "Check the address: it usually ends in /v1.");
}

/// `text` followed by what the server said, when it said anything.
QString withServerSaid(const QString &text, const ApiError &error)
{
    if (error.message.isEmpty())
        return text;
    return text + QLatin1Char(' ')
            + QCoreApplication::translate("ConnectionCheck", "The server said: “%1”")
                      .arg(error.message);
}

} // namespace

QString ConnectionCheck::plainMessage() const
{
    switch (outcome) {
    case Outcome::NotChecked:
        return QCoreApplication::translate(
                "ConnectionCheck", "This connection has not been checked yet.");
    case Outcome::Ok:
        return connectedMessage(*this);
    case Outcome::NeedsKey:
        return QCoreApplication::translate("ConnectionCheck",
                "The server was reached, but it needs an API key. Enter your key for this "
                "connection.");
    case Outcome::WrongKey:
        return QCoreApplication::translate("ConnectionCheck",
                "The server was reached, but it did not accept the API key. Check that the key "
                "was copied completely and has not been revoked.");
    case Outcome::Forbidden:
        return withServerSaid(QCoreApplication::translate("ConnectionCheck",
                                      "The server was reached and the key was accepted, but "
                                      "access was refused."),
                error);
    case Outcome::Unreachable:
        return QCoreApplication::translate("ConnectionCheck",
                "The server could not be reached. Check the address and your internet "
                "connection.");
    case Outcome::Certificate:
        return QCoreApplication::translate("ConnectionCheck",
                "The server could not prove that it is who it claims to be (a certificate "
                "problem), so nothing was sent to it. Check the address; on a company network, "
                "ask your IT department.");
    case Outcome::Timeout:
        return QCoreApplication::translate("ConnectionCheck",
                "The server did not answer in time. It may be busy or your connection may be "
                "slow. Try again in a moment.");
    case Outcome::NotAnApi:
        return notAnApiMessage(kind);
    case Outcome::HttpError:
        return withServerSaid(QCoreApplication::translate("ConnectionCheck",
                                      "The server reported a problem (error %1).")
                                      .arg(error.httpStatus),
                error);
    case Outcome::InvalidAddress:
        return invalidAddressMessage();
    case Outcome::SandboxNotRunning:
        return QCoreApplication::translate("ConnectionCheck",
                "The built-in sandbox is not running, so there is nothing to connect to.");
    }
    return {};
}

QString ConnectionCheck::invalidAddressMessage() const
{
    const QString entered = address.trimmed();
    if (entered.isEmpty()) {
        switch (kind) {
        case Connection::Kind::Azure:
            return QCoreApplication::translate("ConnectionCheck",
                    "Enter the resource endpoint of your Azure OpenAI resource. It is shown with "
                    "the keys on the resource’s “Keys and Endpoint” page and looks like "
                    "https://YOUR-RESOURCE.openai.azure.com.");
        case Connection::Kind::OpenAI:
            return QCoreApplication::translate(
                    "ConnectionCheck", "Enter the API address, usually %1.")
                    .arg(Connection::defaultOpenAiBaseUrl());
        case Connection::Kind::Together:
        case Connection::Kind::Fireworks:
            return QCoreApplication::translate(
                    "ConnectionCheck", "Enter the API address, usually %1.")
                    .arg(Connection::defaultBaseUrl(kind));
        case Connection::Kind::Compatible:
        case Connection::Kind::Sandbox:
            break;
        }
        return QCoreApplication::translate("ConnectionCheck",
                "Enter the address of the server’s OpenAI-compatible API. It usually ends in /v1.");
    }
    const QString start =
            QCoreApplication::translate("ConnectionCheck", "The address “%1” is not valid.")
                    .arg(entered);
    switch (kind) {
    case Connection::Kind::Azure:
        return start + QLatin1Char(' ')
                + QCoreApplication::translate("ConnectionCheck",
                        "Enter the resource endpoint from your Azure OpenAI resource’s “Keys and "
                        "Endpoint” page; it starts with https://.");
    case Connection::Kind::OpenAI:
        return start + QLatin1Char(' ')
                + QCoreApplication::translate(
                        "ConnectionCheck", "It should start with https://, usually %1.")
                          .arg(Connection::defaultOpenAiBaseUrl());
    case Connection::Kind::Together:
    case Connection::Kind::Fireworks:
        return start + QLatin1Char(' ')
                + QCoreApplication::translate(
                        "ConnectionCheck", "It should start with https://, usually %1.")
                          .arg(Connection::defaultBaseUrl(kind));
    case Connection::Kind::Compatible:
    case Connection::Kind::Sandbox:
        break;
    }
    return start + QLatin1Char(' ')
            + QCoreApplication::translate("ConnectionCheck",
                    "It should start with https:// (or http://) and usually ends in /v1.");
}

ApiReply *ConnectionTester::requestModels(ApiClient *client)
{
    // Every dialect lists models; a dialect without would be a programming error.
    const Expected<HttpCall> call = dialectFor(client->connection())->listModels();
    Q_ASSERT(call.ok());
    return client->sendCall(call.value());
}

ConnectionCheck ConnectionTester::classify(const Connection &connection, const ApiReply *reply)
{
    ConnectionCheck check = classifyError(connection, reply->error());
    if (reply->error().isError())
        return check;
    // A 2xx from something that is not the API (a web page, a proxy) must not look "OK".
    const Expected<QList<ModelObject>> models =
            dialectFor(connection)
                    ->parseModelList({reply->httpStatus(), reply->rawHeaderPairs(), reply->body()});
    if (!models.ok()) {
        check.outcome = ConnectionCheck::Outcome::NotAnApi;
        return check;
    }
    check.outcome = ConnectionCheck::Outcome::Ok;
    check.models = models.value();
    std::sort(check.models.begin(), check.models.end(),
            [](const ModelObject &a, const ModelObject &b) {
                if (a.isFineTuned() != b.isFineTuned())
                    return a.isFineTuned();
                return a.id < b.id;
            });
    return check;
}

ConnectionCheck ConnectionTester::classifyError(const Connection &connection, const ApiError &error)
{
    using Outcome = ConnectionCheck::Outcome;
    ConnectionCheck check;
    check.error = error;
    check.keyGiven = !connection.apiKey.isEmpty();
    check.kind = connection.kind;
    check.address = connection.baseUrl.toString();
    switch (error.kind) {
    case ApiError::Kind::None:
    case ApiError::Kind::Cancelled:
        check.outcome = Outcome::NotChecked;
        break;
    case ApiError::Kind::Http:
        if (error.httpStatus == 401)
            check.outcome = check.keyGiven ? Outcome::WrongKey : Outcome::NeedsKey;
        else if (error.httpStatus == 403)
            check.outcome = Outcome::Forbidden;
        else if (error.httpStatus == 404 || error.httpStatus == 405)
            check.outcome = Outcome::NotAnApi;
        else
            check.outcome = Outcome::HttpError;
        break;
    case ApiError::Kind::Timeout:
        check.outcome = Outcome::Timeout;
        break;
    case ApiError::Kind::Unreachable:
        check.outcome = Outcome::Unreachable;
        break;
    case ApiError::Kind::Certificate:
        check.outcome = Outcome::Certificate;
        break;
    case ApiError::Kind::Protocol:
        check.outcome = Outcome::NotAnApi;
        break;
    case ApiError::Kind::Stream:
        check.outcome = Outcome::HttpError;
        break;
    }
    return check;
}

ConnectionTester::ConnectionTester(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
{
    qRegisterMetaType<fs::ConnectionCheck>();
}

ConnectionTester::~ConnectionTester()
{
    ++m_generation;
    if (m_reply)
        m_reply->abort();
}

void ConnectionTester::cancel()
{
    ++m_generation;
    m_running = false;
    if (m_reply)
        m_reply->abort();
    m_reply = nullptr;
}

void ConnectionTester::finish(const ConnectionCheck &result)
{
    m_running = false;
    m_reply = nullptr;
    m_last = result;
    Q_EMIT finished(result);
}

void ConnectionTester::test(const Connection &connection)
{
    cancel();
    const int generation = ++m_generation;
    m_running = true;
    Q_EMIT started();

    const bool keyGiven = !connection.apiKey.isEmpty();
    const QUrl url = connection.apiBaseUrl();
    ConnectionCheck early;
    early.keyGiven = keyGiven;
    early.kind = connection.kind;
    early.address = connection.baseUrl.toString();
    if (connection.kind == Connection::Kind::Sandbox && url.isEmpty())
        early.outcome = ConnectionCheck::Outcome::SandboxNotRunning;
    else if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        early.outcome = ConnectionCheck::Outcome::InvalidAddress;
    else if (!dialectFor(connection)->listModels().ok())
        early.outcome = ConnectionCheck::Outcome::NotAnApi; // Fireworks without an account id
    if (early.outcome != ConnectionCheck::Outcome::NotChecked) {
        QTimer::singleShot(0, this, [this, generation, early] {
            if (generation == m_generation)
                finish(early);
        });
        return;
    }

    auto *client = new ApiClient(m_nam, connection, this);
    RetryPolicy noRetries;
    noRetries.maxRetries = 0; // a person is waiting for the answer; they can press Test again
    client->setRetryPolicy(noRetries);
    client->setTimeoutMs(m_timeoutMs);
    ApiReply *reply = requestModels(client);
    m_reply = reply;
    connect(reply, &ApiReply::finished, this, [this, client, reply, generation, connection] {
        client->deleteLater();
        if (generation != m_generation)
            return;
        finish(classify(connection, reply));
    });
}

} // namespace fs
