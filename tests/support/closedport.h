// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A port on 127.0.0.1 where nothing listens: connecting to it is refused at once.

#include <QHostAddress>
#include <QTcpServer>

namespace fs::test {

/// A port that was free a moment ago and is closed again (1 when none could be had).
inline quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 1;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace fs::test
