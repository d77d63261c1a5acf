// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpadapter.h"

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTcpServer>
#include <QTcpSocket>

namespace fs::sandbox {

QByteArray HttpRequest::header(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

// ---- HttpExchange ---------------------------------------------------------------------------

HttpExchange::HttpExchange(std::unique_ptr<QHttpServerResponder> responder, QObject *parent)
    : QObject(parent)
    , m_responder(std::move(responder))
    , m_socket(m_responder->socket())
{
    if (m_socket) {
        connect(m_socket.data(), &QTcpSocket::disconnected, this, [this] {
            Q_EMIT disconnected();
            if (!m_finished) {
                m_finished = true;
                deleteLater();
            }
        });
    }
}

HttpExchange::~HttpExchange() = default;

bool HttpExchange::isConnected() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void HttpExchange::respond(int status, const HttpHeaders &headers, const QByteArray &body)
{
    if (m_finished)
        return;
    m_status = status;
    if (isConnected()) {
        m_responder->writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(status));
        bool hasLength = false; // a HEAD answer names the length of a body it does not send
        for (const auto &header : headers) {
            m_responder->writeHeader(header.first, header.second);
            hasLength =
                    hasLength || header.first.compare("Content-Length", Qt::CaseInsensitive) == 0;
        }
        if (!hasLength)
            m_responder->writeHeader(
                    QByteArrayLiteral("Content-Length"), QByteArray::number(body.size()));
        // writeBody() also ends the header block, so an empty body still gets it.
        m_responder->writeBody(body);
    }
    finish();
}

void HttpExchange::beginStream(int status, const HttpHeaders &headers)
{
    if (m_finished || m_streaming)
        return;
    m_status = status;
    m_streaming = true;
    if (!isConnected())
        return;
    m_responder->writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(status));
    for (const auto &header : headers)
        m_responder->writeHeader(header.first, header.second);
    m_responder->writeHeader(QByteArrayLiteral("Transfer-Encoding"), QByteArrayLiteral("chunked"));
    m_responder->writeBody(QByteArray());
    m_socket->flush();
}

void HttpExchange::writeChunk(const QByteArray &data)
{
    if (m_finished || !m_streaming || data.isEmpty() || !isConnected())
        return;
    m_responder->writeBody(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
    m_socket->flush();
}

void HttpExchange::endStream()
{
    if (m_finished || !m_streaming)
        return;
    if (isConnected()) {
        m_responder->writeBody(QByteArrayLiteral("0\r\n\r\n"));
        m_socket->flush();
    }
    finish();
}

void HttpExchange::abort()
{
    if (m_finished)
        return;
    if (m_socket)
        m_socket->abort();
    finish();
}

void HttpExchange::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(m_status);
    deleteLater();
}

// ---- backend --------------------------------------------------------------------------------

namespace {

/**
 * Qt HttpServer 6.4 never answers "Expect: 100-continue", so clients that send it (AWS's SDKs
 * for bodies of a few MB and more) wait seconds before sending the body. This server looks at
 * each connection's bytes before the HTTP server reads them and says "continue" to a request
 * head that asks for it and whose body has not started yet.
 */
class ContinueTcpServer : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(handle)) {
            delete socket;
            return;
        }
        // Connected before the HTTP server's own slot, so it sees the bytes first.
        connect(socket, &QTcpSocket::readyRead, socket, [socket] { answerContinue(socket); });
        addPendingConnection(socket);
    }

private:
    static void answerContinue(QTcpSocket *socket)
    {
        const QByteArray bytes = socket->peek(64 * 1024);
        const qsizetype headEnd = bytes.indexOf("\r\n\r\n");
        if (headEnd < 0 || headEnd + 4 != bytes.size())
            return; // no complete head yet, or its body is already coming
        const QList<QByteArray> lines = bytes.left(headEnd).split('\n');
        if (lines.isEmpty() || !lines.first().trimmed().endsWith("HTTP/1.1"))
            return;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed().toLower();
            if (line.startsWith("expect:") && line.mid(7).trimmed() == "100-continue") {
                socket->write("HTTP/1.1 100 Continue\r\n\r\n");
                return;
            }
        }
    }
};

} // namespace

class HttpServerBackend : public QAbstractHttpServer
{
public:
    explicit HttpServerBackend(HttpAdapter *owner)
        : QAbstractHttpServer(nullptr)
        , m_owner(owner)
    {
    }

    HttpAdapter::Handler handler;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        HttpRequest plain;
        switch (request.method()) {
        case QHttpServerRequest::Method::Get:
            plain.method = QByteArrayLiteral("GET");
            break;
        case QHttpServerRequest::Method::Post:
            plain.method = QByteArrayLiteral("POST");
            break;
        case QHttpServerRequest::Method::Delete:
            plain.method = QByteArrayLiteral("DELETE");
            break;
        case QHttpServerRequest::Method::Put:
            plain.method = QByteArrayLiteral("PUT");
            break;
        case QHttpServerRequest::Method::Patch:
            plain.method = QByteArrayLiteral("PATCH");
            break;
        case QHttpServerRequest::Method::Head:
            plain.method = QByteArrayLiteral("HEAD");
            break;
        case QHttpServerRequest::Method::Options:
            plain.method = QByteArrayLiteral("OPTIONS");
            break;
        default:
            plain.method = QByteArrayLiteral("UNKNOWN");
            break;
        }
        plain.path = request.url().path(QUrl::FullyDecoded);
        plain.query = request.query();
        plain.headers = request.headers();
        plain.body = request.body();
        auto responder = std::make_unique<QHttpServerResponder>(makeResponder(request, socket));
        auto *exchange = new HttpExchange(std::move(responder), m_owner);
        if (handler)
            handler(plain, exchange);
        else
            exchange->respond(500, {}, QByteArray());
        return true;
    }

    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
    }

private:
    HttpAdapter *m_owner;
};

HttpAdapter::HttpAdapter(QObject *parent)
    : QObject(parent)
    , m_backend(std::make_unique<HttpServerBackend>(this))
{
}

HttpAdapter::~HttpAdapter() = default;

void HttpAdapter::setHandler(Handler handler)
{
    m_backend->handler = std::move(handler);
}

quint16 HttpAdapter::listen(quint16 port)
{
    auto *server = new ContinueTcpServer(m_backend.get());
    if (!server->listen(QHostAddress::LocalHost, port)) {
        delete server;
        return 0;
    }
    m_backend->bind(server);
    return server->serverPort();
}

} // namespace fs::sandbox
