// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpadapter.h"

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
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
    return m_backend->listen(QHostAddress::LocalHost, port);
}

} // namespace fs::sandbox
