// SPDX-License-Identifier: GPL-3.0-or-later
#include "instancechannel.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace fs {

InstanceChannel::InstanceChannel(const QString &name, QObject *parent)
    : QObject(parent)
    , m_name(name)
    , m_server(new QLocalServer(this))
{
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &InstanceChannel::onNewConnection);
}

InstanceChannel::~InstanceChannel() = default;

QString InstanceChannel::defaultName()
{
    return nameFor(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
}

QString InstanceChannel::nameFor(const QString &dataDir)
{
#ifdef Q_OS_UNIX
    const QString user = QString::number(::getuid());
#else
    const QString user = qEnvironmentVariable("USERNAME");
#endif
    const QByteArray profile = QCryptographicHash::hash(
            QDir(dataDir).absolutePath().toUtf8(), QCryptographicHash::Sha1)
                                       .toHex()
                                       .left(10);
    return QStringLiteral("finetune-studio-%1-%2").arg(user, QString::fromLatin1(profile));
}

bool InstanceChannel::sendToRunning(const QString &name, const QStringList &files, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    QLocalSocket socket;
    socket.connectToServer(name);
    if (!socket.waitForConnected(int(deadline.remainingTime())))
        return false;
    const QJsonObject message {{QStringLiteral("open"), QJsonArray::fromStringList(files)}};
    socket.write(QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n');
    if (!socket.waitForBytesWritten(int(deadline.remainingTime())))
        return false;
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(int(deadline.remainingTime())))
            return false;
    }
    return socket.readLine().trimmed() == "ok";
}

bool InstanceChannel::listen(QString *problem)
{
    // Listening would take the name over from a running app (the socket file is replaced), so
    // look first; what answers no connection is a socket left behind by a crash.
    QLocalSocket probe;
    probe.connectToServer(m_name);
    if (probe.waitForConnected(1000)) {
        if (problem)
            *problem = tr("Finetune Studio is already running.");
        return false;
    }
    QLocalServer::removeServer(m_name);
    if (m_server->listen(m_name))
        return true;
    if (problem)
        *problem = m_server->errorString();
    return false;
}

void InstanceChannel::onNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine())
                return;
            const QJsonObject message = QJsonDocument::fromJson(socket->readLine()).object();
            QStringList files;
            for (const QJsonValue &value : message.value(QLatin1String("open")).toArray())
                files << value.toString();
            socket->write("ok\n");
            socket->flush();
            Q_EMIT filesReceived(files);
        });
    }
}

} // namespace fs
