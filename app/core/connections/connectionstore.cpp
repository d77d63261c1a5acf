// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionstore.h"

#include "appsettings.h"

#include <QCoreApplication>
#include <QUuid>

namespace fs {

namespace {

const QLatin1String kGroup("connections");
const QLatin1String kOrder("connections/order");
const QLatin1String kActive("connections/active");

QString keyFor(const QString &id, QLatin1String field)
{
    return kGroup + QLatin1Char('/') + id + QLatin1Char('/') + field;
}

} // namespace

ConnectionStore::ConnectionStore(AppSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings ? settings : &AppSettings::standard())
{
    reload();
}

ConnectionStore::~ConnectionStore() = default;

Connection ConnectionStore::makeSandbox() const
{
    Connection sandbox;
    sandbox.id = sandboxId();
    sandbox.name = QCoreApplication::translate("ConnectionStore", "Sandbox");
    sandbox.kind = Connection::Kind::Sandbox;
    sandbox.baseUrl = m_sandboxUrl;
    return sandbox;
}

void ConnectionStore::reload()
{
    m_connections.clear();
    m_hasKey.clear();
    m_connections.append(makeSandbox());

    const QStringList order = m_settings->value(kOrder).toStringList();
    for (const QString &id : order) {
        if (id.isEmpty() || id == sandboxId() || indexOf(id) >= 0)
            continue;
        const QString name = m_settings->value(keyFor(id, QLatin1String("name"))).toString();
        bool kindOk = false;
        const auto kind = Connection::kindFromString(
                m_settings->value(keyFor(id, QLatin1String("kind"))).toString(), &kindOk);
        if (!kindOk || kind == Connection::Kind::Sandbox)
            continue; // written by a newer version or damaged: skip rather than guess
        Connection connection;
        connection.id = id;
        connection.name = name;
        connection.kind = kind;
        connection.baseUrl =
                QUrl(m_settings->value(keyFor(id, QLatin1String("baseUrl"))).toString());
        connection.organization =
                m_settings->value(keyFor(id, QLatin1String("organization"))).toString();
        connection.project = m_settings->value(keyFor(id, QLatin1String("project"))).toString();
        if (kind == Connection::Kind::Azure)
            loadAzure(connection);
        connection.account = m_settings->value(keyFor(id, QLatin1String("account"))).toString();
        m_connections.append(connection);
        m_hasKey.insert(id, m_settings->value(keyFor(id, QLatin1String("hasKey"))).toBool());
    }

    const QString active = m_settings->value(kActive).toString();
    m_activeId = indexOf(active) >= 0 ? active : sandboxId();
    Q_EMIT connectionsChanged();
}

int ConnectionStore::indexOf(const QString &id) const
{
    for (int i = 0; i < m_connections.size(); ++i) {
        if (m_connections.at(i).id == id)
            return i;
    }
    return -1;
}

QList<Connection> ConnectionStore::connections() const
{
    return m_connections;
}

std::optional<Connection> ConnectionStore::connection(const QString &id) const
{
    const int index = indexOf(id);
    if (index < 0)
        return std::nullopt;
    return m_connections.at(index);
}

bool ConnectionStore::contains(const QString &id) const
{
    return indexOf(id) >= 0;
}

void ConnectionStore::save(const Connection &connection)
{
    const QString &id = connection.id;
    m_settings->setValue(keyFor(id, QLatin1String("name")), connection.name);
    m_settings->setValue(
            keyFor(id, QLatin1String("kind")), Connection::kindToString(connection.kind));
    m_settings->setValue(
            keyFor(id, QLatin1String("baseUrl")), connection.baseUrl.toString(QUrl::FullyEncoded));
    m_settings->setValue(keyFor(id, QLatin1String("organization")), connection.organization);
    m_settings->setValue(keyFor(id, QLatin1String("project")), connection.project);
    m_settings->setValue(keyFor(id, QLatin1String("account")), connection.account);
    m_settings->setValue(keyFor(id, QLatin1String("hasKey")), m_hasKey.value(id));
    if (connection.kind == Connection::Kind::Azure)
        saveAzure(connection);
}

void ConnectionStore::saveAzure(const Connection &connection)
{
    // Not secret: where the resource lives. The sign-in's token is in the keychain only.
    const AzureManagement &azure = connection.azure;
    const QString &id = connection.id;
    m_settings->setValue(keyFor(id, QLatin1String("azureSubscription")), azure.subscription);
    m_settings->setValue(keyFor(id, QLatin1String("azureResourceGroup")), azure.resourceGroup);
    m_settings->setValue(keyFor(id, QLatin1String("azureAccount")), azure.account);
    m_settings->setValue(keyFor(id, QLatin1String("azureTenant")), azure.tenant);
    m_settings->setValue(keyFor(id, QLatin1String("azureManagementUrl")),
            azure.managementUrl.toString(QUrl::FullyEncoded));
    m_settings->setValue(keyFor(id, QLatin1String("azureLoginUrl")),
            azure.loginUrl.toString(QUrl::FullyEncoded));
}

void ConnectionStore::loadAzure(Connection &connection) const
{
    AzureManagement &azure = connection.azure;
    const QString &id = connection.id;
    azure.subscription =
            m_settings->value(keyFor(id, QLatin1String("azureSubscription"))).toString();
    azure.resourceGroup =
            m_settings->value(keyFor(id, QLatin1String("azureResourceGroup"))).toString();
    azure.account = m_settings->value(keyFor(id, QLatin1String("azureAccount"))).toString();
    azure.tenant = m_settings->value(keyFor(id, QLatin1String("azureTenant"))).toString();
    azure.managementUrl =
            QUrl(m_settings->value(keyFor(id, QLatin1String("azureManagementUrl"))).toString());
    azure.loginUrl = QUrl(m_settings->value(keyFor(id, QLatin1String("azureLoginUrl"))).toString());
}

void ConnectionStore::saveOrder()
{
    QStringList order;
    for (const Connection &connection : std::as_const(m_connections)) {
        if (connection.id != sandboxId())
            order << connection.id;
    }
    m_settings->setValue(kOrder, order);
}

QString ConnectionStore::add(Connection connection)
{
    if (connection.id.isEmpty() || connection.id == sandboxId() || indexOf(connection.id) >= 0)
        connection.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (connection.kind == Connection::Kind::Sandbox)
        connection.kind = Connection::Kind::Compatible; // there is only one built-in sandbox
    connection.apiKey.clear();
    connection.azure.accessToken.clear();
    m_connections.append(connection);
    m_hasKey.insert(connection.id, false);
    save(connection);
    saveOrder();
    m_settings->sync();
    Q_EMIT connectionAdded(connection.id);
    Q_EMIT connectionsChanged();
    return connection.id;
}

bool ConnectionStore::update(const Connection &connection)
{
    const int index = indexOf(connection.id);
    if (index < 0 || connection.id == sandboxId() || connection.kind == Connection::Kind::Sandbox)
        return false;
    Connection stored = connection;
    stored.apiKey.clear();
    stored.azure.accessToken.clear();
    m_connections[index] = stored;
    save(stored);
    m_settings->sync();
    Q_EMIT connectionUpdated(stored.id);
    Q_EMIT connectionsChanged();
    return true;
}

bool ConnectionStore::remove(const QString &id)
{
    const int index = indexOf(id);
    if (index < 0 || id == sandboxId())
        return false;
    m_connections.removeAt(index);
    m_hasKey.remove(id);
    m_settings->remove(kGroup + QLatin1Char('/') + id);
    saveOrder();
    const bool wasActive = m_activeId == id;
    if (wasActive) {
        m_activeId = sandboxId();
        m_settings->remove(kActive);
    }
    m_settings->sync();
    Q_EMIT connectionRemoved(id);
    Q_EMIT connectionsChanged();
    if (wasActive)
        Q_EMIT activeChanged(m_activeId);
    return true;
}

Connection ConnectionStore::active() const
{
    const int index = indexOf(m_activeId);
    return index >= 0 ? m_connections.at(index) : m_connections.constFirst();
}

bool ConnectionStore::setActive(const QString &id)
{
    if (indexOf(id) < 0)
        return false;
    if (id == m_activeId)
        return true;
    m_activeId = id;
    m_settings->setValue(kActive, id);
    m_settings->sync();
    Q_EMIT activeChanged(id);
    return true;
}

bool ConnectionStore::hasKey(const QString &id) const
{
    return m_hasKey.value(id, false);
}

void ConnectionStore::setHasKey(const QString &id, bool hasKey)
{
    if (indexOf(id) < 0 || id == sandboxId() || m_hasKey.value(id) == hasKey)
        return;
    m_hasKey.insert(id, hasKey);
    m_settings->setValue(keyFor(id, QLatin1String("hasKey")), hasKey);
    m_settings->sync();
    Q_EMIT connectionUpdated(id);
    Q_EMIT connectionsChanged();
}

void ConnectionStore::setSandboxBaseUrl(const QUrl &url)
{
    if (m_sandboxUrl == url)
        return;
    m_sandboxUrl = url;
    m_connections[0].baseUrl = url;
    Q_EMIT connectionUpdated(sandboxId());
    Q_EMIT connectionsChanged();
}

QUrl ConnectionStore::sandboxBaseUrl() const
{
    return m_sandboxUrl;
}

QUrl ConnectionStore::sandboxTogetherBaseUrl() const
{
    if (m_sandboxUrl.isEmpty())
        return {};
    QUrl together = m_sandboxUrl;
    together.setPath(QStringLiteral("/together/v1"));
    return together;
}

} // namespace fs
