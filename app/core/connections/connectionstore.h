// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connection.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>
#include <optional>

namespace fs {

class AppSettings;

/**
 * @brief The user's connections and which one is active, persisted in the settings (AppSettings).
 *
 * The built-in sandbox is always present (first, id sandboxId()) and is active when nothing
 * else was chosen. Keys are never stored here: only a flag that one exists in the SecretStore.
 * Connections returned by this class have an empty apiKey.
 *
 * Layout in the settings file: connections/order (list of ids), connections/active, and
 * connections/<id>/{name,kind,baseUrl,organization,project,hasKey}; Azure connections add
 * azureSubscription, azureResourceGroup, azureAccount, azureTenant, azureManagementUrl and
 * azureLoginUrl (never the sign-in's token).
 */
class ConnectionStore : public QObject
{
    Q_OBJECT
public:
    /// Uses `settings` (not owned) or, when null, AppSettings::standard().
    explicit ConnectionStore(AppSettings *settings = nullptr, QObject *parent = nullptr);
    ~ConnectionStore() override;

    static QString sandboxId() { return QStringLiteral("sandbox"); }

    /// All connections, the sandbox first, then in the order they were added.
    QList<Connection> connections() const;
    std::optional<Connection> connection(const QString &id) const;
    bool contains(const QString &id) const;
    int count() const { return int(m_connections.size()); }
    /// True when the user has set up at least one connection besides the sandbox.
    bool hasUserConnections() const { return m_connections.size() > 1; }

    /// Adds a connection (an id is made when empty); returns its id. The key is not kept.
    QString add(Connection connection);
    /// Replaces the connection with the same id; false when unknown or the sandbox.
    bool update(const Connection &connection);
    /// Removes a connection; the sandbox cannot be removed. If it was active, the sandbox
    /// becomes active. The caller deletes the key from the SecretStore.
    bool remove(const QString &id);

    QString activeId() const { return m_activeId; }
    Connection active() const;
    /// False when `id` is unknown.
    bool setActive(const QString &id);

    /// Whether a key was saved for this connection (a flag only; the key is in the keychain).
    bool hasKey(const QString &id) const;
    void setHasKey(const QString &id, bool hasKey);

    /// The in-process sandbox's address, known once it has started; not persisted.
    void setSandboxBaseUrl(const QUrl &url);
    QUrl sandboxBaseUrl() const;
    /// Where the same sandbox speaks Together AI's API (…/together/v1); empty when not running.
    QUrl sandboxTogetherBaseUrl() const;

    /// Reads everything again from the settings (e.g. after another process changed them).
    void reload();

Q_SIGNALS:
    void connectionAdded(const QString &id);
    void connectionUpdated(const QString &id);
    void connectionRemoved(const QString &id);
    /// Any of the above, or a reload.
    void connectionsChanged();
    void activeChanged(const QString &id);

private:
    void save(const Connection &connection);
    void saveOrder();
    void saveAzure(const Connection &connection);
    void loadAzure(Connection &connection) const;
    int indexOf(const QString &id) const;
    Connection makeSandbox() const;

    AppSettings *m_settings;
    QList<Connection> m_connections;
    QHash<QString, bool> m_hasKey;
    QString m_activeId;
    QUrl m_sandboxUrl;
};

} // namespace fs
