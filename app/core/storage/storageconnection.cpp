// SPDX-License-Identifier: GPL-3.0-or-later
#include "storageconnection.h"

#include "appsettings.h"
#include "connectionstore.h"
#include "practicebucket.h"

#include <QCoreApplication>
#include <QUuid>

namespace fs {

namespace {

const QString kGroup = QStringLiteral("storageConnections");
const QString kOrderKey = kGroup + QStringLiteral("/order");

QString keyFor(const QString &id, const QString &field = {})
{
    return kGroup + QLatin1Char('/') + id
            + (field.isEmpty() ? QString() : QLatin1Char('/') + field);
}

QString tr(const char *text)
{
    return QCoreApplication::translate("fs::StorageConnection", text);
}

} // namespace

bool StorageConnection::isValid(QString *problem) const
{
    QString reason;
    if (name.trimmed().isEmpty())
        reason = tr("Give the storage connection a name.");
    else if (!endpoint.isValid() || endpoint.host().isEmpty()
            || (endpoint.scheme() != QLatin1String("https")
                    && endpoint.scheme() != QLatin1String("http")))
        reason = tr("The endpoint must be a web address such as "
                    "https://<account>.r2.cloudflarestorage.com.");
    else if (bucket.trimmed().isEmpty())
        reason = tr("Enter the name of the bucket.");
    else if (bucket.contains(QLatin1Char('/')))
        reason = tr("A bucket name cannot contain \"/\". Enter only the bucket's name; folders "
                    "are browsed in the bucket.");
    else if (accessKeyId.trimmed().isEmpty())
        reason = tr("Enter the access key ID.");
    if (problem)
        *problem = reason;
    return reason.isEmpty();
}

S3Config StorageConnection::toConfig(const QString &secretAccessKey) const
{
    S3Config config;
    config.endpoint = endpoint;
    config.region = region.trimmed().isEmpty() ? QStringLiteral("auto") : region.trimmed();
    config.bucket = bucket.trimmed();
    config.credentials.accessKeyId = accessKeyId.trimmed();
    config.credentials.secretAccessKey = secretAccessKey;
    return config;
}

QString StorageConnection::displayLocation() const
{
    if (isPreset())
        return tr("in the built-in sandbox");
    return tr("%1 at %2").arg(bucket.trimmed(), endpoint.host());
}

StorageConnectionStore::StorageConnectionStore(AppSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings ? settings : &AppSettings::standard())
{
    reload();
}

StorageConnectionStore::~StorageConnectionStore() = default;

void StorageConnectionStore::reload()
{
    m_connections.clear();
    AppSettings &s = *m_settings;
    s.sync();
    const QStringList order = s.value(kOrderKey).toStringList();
    for (const QString &id : order) {
        StorageConnection c;
        c.id = id;
        c.name = s.value(keyFor(id, QStringLiteral("name"))).toString();
        c.endpoint = QUrl(s.value(keyFor(id, QStringLiteral("endpoint"))).toString());
        c.region = s.value(keyFor(id, QStringLiteral("region")), QStringLiteral("auto")).toString();
        c.bucket = s.value(keyFor(id, QStringLiteral("bucket"))).toString();
        c.accessKeyId = s.value(keyFor(id, QStringLiteral("accessKeyId"))).toString();
        if (!c.name.isEmpty() && id != practice::connectionId())
            m_connections.append(c);
    }
    Q_EMIT connectionsChanged();
}

QList<StorageConnection> StorageConnectionStore::connections() const
{
    QList<StorageConnection> all = m_connections;
    if (!m_practiceEndpoint.isEmpty())
        all.append(practice::connection(m_practiceEndpoint));
    return all;
}

void StorageConnectionStore::setPracticeEndpoint(const QUrl &endpoint)
{
    if (m_practiceEndpoint == endpoint)
        return;
    m_practiceEndpoint = endpoint;
    Q_EMIT connectionsChanged();
}

void StorageConnectionStore::followSandbox(const ConnectionStore *connections)
{
    if (!connections)
        return;
    auto follow = [this, connections] {
        setPracticeEndpoint(practice::endpointFor(connections->sandboxBaseUrl()));
    };
    connect(connections, &ConnectionStore::connectionUpdated, this, [follow](const QString &id) {
        if (id == ConnectionStore::sandboxId())
            follow();
    });
    follow();
}

std::optional<StorageConnection> StorageConnectionStore::connection(const QString &id) const
{
    if (id == practice::connectionId() && !m_practiceEndpoint.isEmpty())
        return practice::connection(m_practiceEndpoint);
    for (const StorageConnection &c : m_connections) {
        if (c.id == id)
            return c;
    }
    return std::nullopt;
}

std::optional<StorageConnection> StorageConnectionStore::find(const QString &idOrName) const
{
    if (auto byId = connection(idOrName))
        return byId;
    const QList<StorageConnection> all = connections();
    for (const StorageConnection &c : all) {
        if (c.name.compare(idOrName, Qt::CaseInsensitive) == 0)
            return c;
    }
    return std::nullopt;
}

QString StorageConnectionStore::add(StorageConnection connection)
{
    connection.presetSecret.clear();
    if (connection.id.isEmpty() || connection.id == practice::connectionId()
            || this->connection(connection.id))
        connection.id = QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
    m_connections.append(connection);
    save(connection);
    saveOrder();
    Q_EMIT connectionsChanged();
    return connection.id;
}

bool StorageConnectionStore::update(const StorageConnection &connection)
{
    if (connection.id == practice::connectionId())
        return false;
    for (StorageConnection &c : m_connections) {
        if (c.id == connection.id) {
            c = connection;
            save(connection);
            Q_EMIT connectionsChanged();
            return true;
        }
    }
    return false;
}

bool StorageConnectionStore::remove(const QString &id)
{
    for (int i = 0; i < m_connections.size(); ++i) {
        if (m_connections.at(i).id == id) {
            m_connections.removeAt(i);
            m_settings->remove(keyFor(id));
            saveOrder();
            Q_EMIT connectionsChanged();
            return true;
        }
    }
    return false;
}

void StorageConnectionStore::save(const StorageConnection &c)
{
    AppSettings &s = *m_settings;
    s.setValue(keyFor(c.id, QStringLiteral("name")), c.name);
    s.setValue(keyFor(c.id, QStringLiteral("endpoint")), c.endpoint.toString());
    s.setValue(keyFor(c.id, QStringLiteral("region")), c.region);
    s.setValue(keyFor(c.id, QStringLiteral("bucket")), c.bucket);
    s.setValue(keyFor(c.id, QStringLiteral("accessKeyId")), c.accessKeyId);
    s.sync();
}

void StorageConnectionStore::saveOrder()
{
    QStringList order;
    for (const StorageConnection &c : std::as_const(m_connections))
        order << c.id;
    m_settings->setValue(kOrderKey, order);
    m_settings->sync();
}

} // namespace fs
