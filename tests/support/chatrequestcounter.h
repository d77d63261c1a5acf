// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// For tests and benchmarks that must prove which prompts were sent (and how often): counts the
// chat completions an in-process sandbox receives, per prompt. Link fs_sandbox to use it.

#include "sandboxserver.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

namespace fs::test {

/**
 * @brief Counts, while it lives, the chat completions `server` receives per prompt — the text of
 * the request's last message. A request counts when it arrives, before any injected latency.
 */
class ChatRequestCounter
{
public:
    explicit ChatRequestCounter(sandbox::SandboxServer *server)
    {
        m_connection = QObject::connect(server, &sandbox::SandboxServer::requestReceived,
                [this](const QString &, const QString &path, const QByteArray &body) {
                    if (!path.endsWith(QLatin1String("/chat/completions")))
                        return;
                    const QJsonArray messages = QJsonDocument::fromJson(body)
                                                        .object()
                                                        .value(QLatin1String("messages"))
                                                        .toArray();
                    ++m_counts
                            [messages.last().toObject().value(QLatin1String("content")).toString()];
                });
    }
    ~ChatRequestCounter() { QObject::disconnect(m_connection); }
    Q_DISABLE_COPY(ChatRequestCounter)

    int count(const QString &prompt) const { return m_counts.value(prompt); }
    bool contains(const QString &prompt) const { return m_counts.contains(prompt); }
    int prompts() const { return int(m_counts.size()); } ///< distinct prompts sent
    bool isEmpty() const { return m_counts.isEmpty(); }
    QStringList sent() const { return m_counts.keys(); }
    void clear() { m_counts.clear(); }

private:
    QMetaObject::Connection m_connection;
    QHash<QString, int> m_counts;
};

/// The JSON objects of a JSONL file, one per non-empty line (none when it cannot be read).
inline QList<QJsonObject> readJsonLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QJsonObject> objects;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (!line.trimmed().isEmpty())
            objects << QJsonDocument::fromJson(line).object();
    }
    return objects;
}

} // namespace fs::test
