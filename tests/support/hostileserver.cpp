// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostileserver.h"

#include <QFile>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

namespace fs::test {

namespace {

constexpr qint64 kBlock = 64 * 1024;
constexpr qint64 kQueued = 256 * 1024; ///< written ahead of the reader at most

QByteArray defaultWrongShape()
{
    // A list whose items are nulls, numbers and objects with wrong types.
    return R"({"object":"list","data":[null,42,{"id":null,"object":7,"owned_by":["x"]},)"
           R"({"id":{"a":1},"status":null,"created_at":"yesterday"}],"has_more":"maybe"})";
}

QByteArray block(HostileServer::Behaviour behaviour)
{
    QByteArray out;
    out.reserve(kBlock);
    switch (behaviour) {
    case HostileServer::Behaviour::FloodStream: {
        const QByteArray event = R"(data: {"choices":[{"index":0,"delta":{"content":")"
                + QByteArray(1000, 'f') + "\"}}]}\n\n";
        while (out.size() + event.size() <= kBlock)
            out.append(event);
        break;
    }
    case HostileServer::Behaviour::EndlessLine:
        out.fill('l', kBlock);
        break;
    default:
        out.fill(' ', kBlock); // endless JSON whitespace: never complete, never invalid
        break;
    }
    return out;
}

} // namespace

class HostileServer::Worker : public QObject
{
public:
    Worker(Behaviour behaviour, int intervalMs, const QByteArray &body, std::atomic_int *requests)
        : m_behaviour(behaviour)
        , m_intervalMs(intervalMs)
        , m_body(body)
        , m_requests(requests)
        , m_block(block(behaviour))
    {
    }

    quint16 listen()
    {
        m_server = new QTcpServer(this);
        if (!m_server->listen(QHostAddress::LocalHost, 0))
            return 0;
        connect(m_server, &QTcpServer::newConnection, this, &Worker::accept);
        return m_server->serverPort();
    }

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            socket->setParent(this);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onRead(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    }

    void onRead(QTcpSocket *socket)
    {
        QByteArray &seen = m_pending[socket];
        seen.append(socket->readAll());
        if (seen.size() > (1 << 20))
            seen = seen.right(4);
        if (!seen.contains("\r\n\r\n") || socket->property("answered").toBool())
            return;
        socket->setProperty("answered", true);
        const QByteArray path = seen.mid(seen.indexOf(' ') + 1).split(' ').value(0);
        seen.clear();
        ++*m_requests;
        answer(socket, path);
    }

    void answer(QTcpSocket *socket, const QByteArray &path)
    {
        const QByteArray json = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";
        const QByteArray events = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                                  "Cache-Control: no-cache\r\nConnection: close\r\n\r\n";
        switch (m_behaviour) {
        case Behaviour::Silence:
            return;
        case Behaviour::Trickle:
            socket->write(json + "Connection: close\r\n\r\n{");
            every(socket, " ");
            return;
        case Behaviour::KeepAliveStream:
            socket->write(events);
            every(socket, ": ping\n\n");
            return;
        case Behaviour::EndlessBody:
            socket->write(json + "Connection: close\r\n\r\n");
            flood(socket);
            return;
        case Behaviour::HugeAnnounced:
            socket->write(json + "Content-Length: 10000000000\r\n\r\n");
            flood(socket);
            return;
        case Behaviour::FloodStream:
        case Behaviour::EndlessLine:
            socket->write(events);
            flood(socket);
            return;
        case Behaviour::WrongShape:
            closeAfter(socket,
                    json + "Content-Length: " + QByteArray::number(m_body.size())
                            + "\r\nConnection: close\r\n\r\n" + m_body);
            return;
        case Behaviour::RedirectLoop:
            closeAfter(socket,
                    "HTTP/1.1 302 Found\r\nLocation: " + path
                            + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            return;
        case Behaviour::TooManyRequests: {
            const QByteArray body = R"({"error":{"message":"Rate limit reached","type":"requests",)"
                                    R"("param":null,"code":"rate_limit_exceeded"}})";
            closeAfter(socket,
                    "HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\n"
                    "retry-after: 0\r\nContent-Length: "
                            + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n"
                            + body);
            return;
        }
        }
    }

    void closeAfter(QTcpSocket *socket, const QByteArray &bytes)
    {
        socket->write(bytes);
        socket->disconnectFromHost();
    }

    void every(QTcpSocket *socket, const QByteArray &bytes)
    {
        auto *timer = new QTimer(socket);
        connect(timer, &QTimer::timeout, socket, [socket, bytes] { socket->write(bytes); });
        timer->start(m_intervalMs);
    }

    void flood(QTcpSocket *socket)
    {
        if (m_floodBlocksPer10Ms > 0) { // paced: so many blocks every 10 ms
            auto *timer = new QTimer(socket);
            connect(timer, &QTimer::timeout, socket, [this, socket] {
                for (int i = 0; i < m_floodBlocksPer10Ms
                        && socket->state() == QAbstractSocket::ConnectedState
                        && socket->bytesToWrite() < kQueued;
                        ++i)
                    socket->write(m_block);
            });
            timer->start(10);
            return;
        }
        auto topUp = [this, socket] {
            while (socket->state() == QAbstractSocket::ConnectedState
                    && socket->bytesToWrite() < kQueued)
                socket->write(m_block);
        };
        connect(socket, &QTcpSocket::bytesWritten, socket, topUp);
        topUp();
    }

    Behaviour m_behaviour;
    int m_intervalMs;
    QByteArray m_body;
    std::atomic_int *m_requests;
    QByteArray m_block;

public:
    int m_floodBlocksPer10Ms = 0;

private:
    QTcpServer *m_server = nullptr;
    QHash<QTcpSocket *, QByteArray> m_pending;
};

HostileServer::HostileServer(Behaviour behaviour, int intervalMs)
    : m_behaviour(behaviour)
    , m_intervalMs(intervalMs)
{
}

HostileServer::~HostileServer()
{
    if (!m_thread)
        return;
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(
            worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

bool HostileServer::start()
{
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("HostileServer"));
    m_worker = new Worker(
            m_behaviour, m_intervalMs, m_bodySet ? m_body : defaultWrongShape(), &m_requests);
    m_worker->m_floodBlocksPer10Ms = int(m_floodBytesPerSecond / 100 / kBlock);
    m_worker->moveToThread(m_thread);
    m_thread->start();
    Worker *worker = m_worker;
    quint16 port = 0;
    QMetaObject::invokeMethod(
            worker, [worker, &port] { port = worker->listen(); }, Qt::BlockingQueuedConnection);
    m_port = port;
    return m_port != 0;
}

QUrl HostileServer::root() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

QUrl HostileServer::baseUrl() const
{
    return QUrl(root().toString() + QStringLiteral("/v1"));
}

namespace {

qint64 statusField(const char *name)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(name) + ':';
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return -1;
}

} // namespace

qint64 peakMemoryBytes()
{
    return statusField("VmHWM");
}

qint64 residentMemoryBytes()
{
    return statusField("VmRSS");
}

void resetPeakMemory()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

} // namespace fs::test
