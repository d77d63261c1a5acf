// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The only place that touches Qt HttpServer: its API changes in Qt 6.8, so everything else in
// the sandbox sees plain requests and an exchange object that can answer now, later, or stream.

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QUrlQuery>
#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QHttpServerResponder;
class QTcpSocket;
QT_END_NAMESPACE

namespace fs::sandbox {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

struct HttpRequest
{
    QByteArray method; ///< upper case: GET, POST, DELETE, …
    QString path; ///< percent-decoded path, no query
    QUrlQuery query;
    HttpHeaders headers;
    QByteArray body;

    /// Case-insensitive header lookup; empty when absent.
    QByteArray header(const QByteArray &name) const;
};

/**
 * @brief One request waiting for its answer.
 *
 * Owned by the adapter and deleted once answered; it may be answered after the handler
 * returned (latency, streaming). Writes after the client hung up are ignored.
 */
class HttpExchange : public QObject
{
    Q_OBJECT
public:
    HttpExchange(std::unique_ptr<QHttpServerResponder> responder, QObject *parent);
    ~HttpExchange() override;

    bool isConnected() const;
    bool isFinished() const { return m_finished; }
    int status() const { return m_status; }

    /// A complete answer with Content-Length (the body's, unless `headers` hold one).
    void respond(int status, const HttpHeaders &headers, const QByteArray &body);
    /// Starts a chunked answer; follow with writeChunk() and endStream() or abort().
    void beginStream(int status, const HttpHeaders &headers);
    void writeChunk(const QByteArray &data);
    void endStream();
    /// Cuts the connection off without finishing the answer.
    void abort();

Q_SIGNALS:
    void finished(int status);
    void disconnected();

private:
    void finish();

    std::unique_ptr<QHttpServerResponder> m_responder;
    QPointer<QTcpSocket> m_socket;
    int m_status = 0;
    bool m_streaming = false;
    bool m_finished = false;
};

class HttpServerBackend;

class HttpAdapter : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<void(const HttpRequest &, HttpExchange *)>;

    explicit HttpAdapter(QObject *parent = nullptr);
    ~HttpAdapter() override;

    void setHandler(Handler handler);
    /// Listens on 127.0.0.1 only; returns the port, 0 on failure.
    quint16 listen(quint16 port);

private:
    std::unique_ptr<HttpServerBackend> m_backend;
};

} // namespace fs::sandbox
