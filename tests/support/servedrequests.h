// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// For tests that must prove which requests an in-process sandbox answered, and how: records
// each one's method, path and status. Link fs_sandbox to use it.

#include "sandboxserver.h"

#include <QList>
#include <QString>

namespace fs::test {

/// Records, while it lives, every request `server` answered.
class ServedRequests
{
public:
    struct Request
    {
        QString method;
        QString path;
        int status = 0;
    };

    explicit ServedRequests(sandbox::SandboxServer *server)
    {
        m_connection = QObject::connect(server, &sandbox::SandboxServer::requestServed,
                [this](const QString &method, const QString &path, int status) {
                    m_requests.append({method, path, status});
                });
    }
    ~ServedRequests() { QObject::disconnect(m_connection); }
    Q_DISABLE_COPY(ServedRequests)

    /// How many had `pathPart` in their path (and answered `status`; 0: any).
    int count(const QString &pathPart, int status = 0) const
    {
        int n = 0;
        for (const Request &request : m_requests)
            n += request.path.contains(pathPart) && (status == 0 || request.status == status);
        return n;
    }
    /// How many match `text` somewhere in "METHOD path status" (e.g. "POST /v1/files").
    int countMatching(const QString &text) const
    {
        int n = 0;
        for (const Request &request : m_requests)
            n += QStringLiteral("%1 %2 %3")
                         .arg(request.method, request.path)
                         .arg(request.status)
                         .contains(text);
        return n;
    }
    const QList<Request> &all() const { return m_requests; }
    bool isEmpty() const { return m_requests.isEmpty(); }
    qsizetype size() const { return m_requests.size(); }
    void clear() { m_requests.clear(); }

private:
    QMetaObject::Connection m_connection;
    QList<Request> m_requests;
};

} // namespace fs::test
