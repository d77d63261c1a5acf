// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakeazure.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QUrlQuery>

namespace fs::test {

namespace {

struct FakeDeployment
{
    QString name;
    QString sku;
    QString model;
    QString state;
};

struct Answer
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
};

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    default:
        return "Status";
    }
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray armError(const QString &code, const QString &message)
{
    return json({{QStringLiteral("error"),
            QJsonObject {{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}});
}

} // namespace

class FakeAzure::Worker : public QObject
{
public:
    QTcpServer server {this}; // a child, so it moves to the thread with the worker
    mutable QMutex mutex;
    QStringList requests;
    QByteArray lastPut;
    QHash<QString, FakeDeployment> deployments;
    QStringList tokens {QString::fromLatin1(FakeAzure::presetToken())};
    int pendingPolls = 2;
    int polls = 0;
    int issued = 0;

    void listen(quint16 *port)
    {
        server.listen(QHostAddress::LocalHost, 0);
        *port = server.serverPort();
        connect(&server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::readyRead, this,
                        [this, socket, buffer] { onRead(socket, buffer); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    void onRead(QTcpSocket *socket, const std::shared_ptr<QByteArray> &buffer)
    {
        buffer->append(socket->readAll());
        const qsizetype end = buffer->indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer->left(end).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        QHash<QByteArray, QByteArray> headers;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
        const qsizetype length = headers.value("content-length").toLongLong();
        if (buffer->size() < end + 4 + length)
            return;
        const QByteArray body = buffer->mid(end + 4, length);
        buffer->remove(0, end + 4 + length);
        const Answer answer =
                handle(first.value(0), QUrl(QString::fromLatin1(first.value(1))), headers, body);
        QByteArray out = "HTTP/1.1 " + QByteArray::number(answer.status) + ' '
                + reason(answer.status) + "\r\nContent-Type: " + answer.contentType
                + "\r\nContent-Length: " + QByteArray::number(answer.body.size())
                + "\r\nConnection: close\r\n\r\n" + answer.body;
        socket->write(out);
        socket->disconnectFromHost();
    }

    QJsonObject deploymentJson(const FakeDeployment &d) const
    {
        const QString text = QStringLiteral(
                R"({"id":"/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/)"
                R"(accounts/a/deployments/%1","name":"%1",)"
                R"("type":"Microsoft.CognitiveServices/accounts/deployments",)"
                R"("sku":{"name":"%2","capacity":1},)"
                R"("properties":{"provisioningState":"%3",)"
                R"("model":{"format":"OpenAI","name":"%4","version":"1"}}})")
                                     .arg(d.name, d.sku, d.state, d.model);
        return QJsonDocument::fromJson(text.toUtf8()).object();
    }

    Answer handle(const QByteArray &verb, const QUrl &url,
            const QHash<QByteArray, QByteArray> &headers, const QByteArray &body)
    {
        QMutexLocker lock(&mutex);
        const QString path = url.path();
        requests << QString::fromLatin1(verb) + QLatin1Char(' ') + path
                        + (url.hasQuery() ? QLatin1Char('?') + url.query() : QString());
        if (path.startsWith(QLatin1String("/login/")))
            return login(path, QUrlQuery(QString::fromUtf8(body)));
        if (path.startsWith(QLatin1String("/subscriptions/")))
            return management(verb, url, headers, body);
        if (path == QLatin1String("/openai/v1/models")) // the connection test
            return {200,
                    R"({"object":"list","data":[{"id":"gpt-4o-mini-2024-07-18",)"
                    R"("object":"model","created":1,"owned_by":"system"}]})"};
        if (path == QLatin1String("/openai/v1/chat/completions")) {
            if (headers.value("api-key").isEmpty())
                return {401, armError(QStringLiteral("401"), QStringLiteral("Access denied"))};
            const QString model =
                    QJsonDocument::fromJson(body).object().value(QLatin1String("model")).toString();
            // A base model answers as if the person had deployed it under its own name; a
            // fine-tune only through a deployment of it that has succeeded.
            const bool base = !model.contains(QLatin1String(".ft-"));
            if (!base
                    && (!deployments.contains(model)
                            || deployments.value(model).state != QLatin1String("Succeeded")))
                return {404,
                        armError(QStringLiteral("DeploymentNotFound"),
                                QStringLiteral(
                                        "The API deployment for this resource does not exist."))};
            if (QJsonDocument::fromJson(body).object().value(QLatin1String("stream")).toBool()) {
                const QString chunk = QStringLiteral(
                        R"({"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,)"
                        R"("model":"%1","choices":[{"index":0,"delta":{"role":"assistant",)"
                        R"("content":"Hello from %1"},"finish_reason":"stop"}]})")
                                              .arg(model);
                return {200, "data: " + chunk.toUtf8() + "\n\ndata: [DONE]\n\n",
                        "text/event-stream"};
            }
            const QString text = QStringLiteral(
                    R"({"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"%1",)"
                    R"("choices":[{"index":0,"finish_reason":"stop",)"
                    R"("message":{"role":"assistant","content":"Hello from %1"}}]})")
                                         .arg(model);
            return {200, text.toUtf8()};
        }
        return {404, armError(QStringLiteral("NotFound"), QStringLiteral("No such path."))};
    }

    Answer login(const QString &path, const QUrlQuery &form)
    {
        auto issue = [this] {
            ++issued;
            const QString access = QStringLiteral("fake-access-%1").arg(issued);
            tokens << access;
            return Answer {200,
                    json({{QStringLiteral("token_type"), QStringLiteral("Bearer")},
                            {QStringLiteral("expires_in"), 3599},
                            {QStringLiteral("access_token"), access},
                            {QStringLiteral("refresh_token"),
                                    QStringLiteral("fake-refresh-%1").arg(issued)}})};
        };
        if (path.endsWith(QLatin1String("/oauth2/v2.0/devicecode")))
            return {200,
                    json({{QStringLiteral("device_code"), QStringLiteral("fake-device-code")},
                            {QStringLiteral("user_code"), QStringLiteral("FAKE-CODE")},
                            {QStringLiteral("verification_uri"),
                                    QStringLiteral("https://microsoft.com/devicelogin")},
                            {QStringLiteral("expires_in"), 900}, {QStringLiteral("interval"), 1},
                            {QStringLiteral("message"), QStringLiteral("To sign in, …")}})};
        if (!path.endsWith(QLatin1String("/oauth2/v2.0/token")))
            return {404, {}};
        const QString grant = form.queryItemValue(QStringLiteral("grant_type"), QUrl::FullyDecoded);
        if (grant == QLatin1String("refresh_token"))
            return issue();
        if (++polls <= pendingPolls)
            return {400,
                    json({{QStringLiteral("error"), QStringLiteral("authorization_pending")}})};
        return issue();
    }

    Answer management(const QByteArray &verb, const QUrl &url,
            const QHash<QByteArray, QByteArray> &headers, const QByteArray &body)
    {
        const QByteArray auth = headers.value("authorization");
        if (!auth.startsWith("Bearer ") || !tokens.contains(QString::fromLatin1(auth.mid(7))))
            return {401,
                    armError(QStringLiteral("AuthenticationFailed"),
                            QStringLiteral("Authentication failed."))};
        if (QUrlQuery(url).queryItemValue(QStringLiteral("api-version"))
                != QLatin1String("2026-09-01"))
            return {400,
                    armError(QStringLiteral("InvalidApiVersionParameter"),
                            QStringLiteral("The api-version is missing or not supported."))};
        static const QRegularExpression item(QStringLiteral(
                "^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/"
                "Microsoft.CognitiveServices/accounts/[^/]+/deployments(?:/([^/]+))?$"));
        const QRegularExpressionMatch match = item.match(url.path());
        if (!match.hasMatch())
            return {404, armError(QStringLiteral("NotFound"), QStringLiteral("No such path."))};
        const QString name = match.captured(1);
        if (name.isEmpty() && verb == "GET") {
            QJsonArray list;
            for (const FakeDeployment &d : std::as_const(deployments))
                list.append(deploymentJson(d));
            return {200, json({{QStringLiteral("value"), list}})};
        }
        if (verb == "PUT") {
            lastPut = body;
            const QJsonObject object = QJsonDocument::fromJson(body).object();
            FakeDeployment d;
            d.name = name;
            d.sku = object.value(QLatin1String("sku"))
                            .toObject()
                            .value(QLatin1String("name"))
                            .toString();
            d.model = object.value(QLatin1String("properties"))
                              .toObject()
                              .value(QLatin1String("model"))
                              .toObject()
                              .value(QLatin1String("name"))
                              .toString();
            d.state = QStringLiteral("Creating");
            deployments.insert(name, d);
            return {201, json(deploymentJson(d))};
        }
        auto it = deployments.find(name);
        if (it == deployments.end())
            return {404,
                    armError(QStringLiteral("DeploymentNotFound"),
                            QStringLiteral("The deployment was not found."))};
        if (verb == "GET") {
            const QJsonObject answer = deploymentJson(*it);
            it->state = QStringLiteral("Succeeded"); // ready by the next look
            return {200, json(answer)};
        }
        if (verb == "DELETE") {
            deployments.erase(it);
            return {204, {}};
        }
        return {400, {}};
    }
};

FakeAzure::FakeAzure() = default;

FakeAzure::~FakeAzure()
{
    if (m_thread) {
        QMetaObject::invokeMethod(
                m_worker,
                [w = m_worker] {
                    w->server.close();
                    delete w;
                },
                Qt::BlockingQueuedConnection);
        m_thread->quit();
        m_thread->wait();
        delete m_thread;
    }
}

bool FakeAzure::start()
{
    m_thread = new QThread;
    m_thread->start();
    m_worker = new Worker;
    m_worker->moveToThread(m_thread);
    quint16 port = 0;
    QMetaObject::invokeMethod(
            m_worker, [this, &port] { m_worker->listen(&port); }, Qt::BlockingQueuedConnection);
    m_port = port;
    return m_port != 0;
}

QUrl FakeAzure::root() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

void FakeAzure::setPendingPolls(int polls)
{
    QMutexLocker lock(&m_worker->mutex);
    m_worker->pendingPolls = polls;
    m_worker->polls = 0;
}

QStringList FakeAzure::requests() const
{
    QMutexLocker lock(&m_worker->mutex);
    return m_worker->requests;
}

QByteArray FakeAzure::lastPutBody() const
{
    QMutexLocker lock(&m_worker->mutex);
    return m_worker->lastPut;
}

QStringList FakeAzure::deploymentNames() const
{
    QMutexLocker lock(&m_worker->mutex);
    return m_worker->deployments.keys();
}

int FakeAzure::tokensIssued() const
{
    QMutexLocker lock(&m_worker->mutex);
    return m_worker->issued;
}

} // namespace fs::test
