// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "s3client.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>
#include <memory>
#include <optional>

namespace fs {

class AppSettings;
class ConnectionStore;

/**
 * @brief A bucket in S3-compatible storage (Cloudflare R2, AWS S3, MinIO …) the user saved.
 *
 * The secret access key is never part of it: it lives in the SecretStore under secretId().
 */
struct StorageConnection
{
    QString id;
    QString name; ///< e.g. "Training data (R2)"
    QUrl endpoint; ///< e.g. https://<account>.r2.cloudflarestorage.com
    QString region = QStringLiteral("auto");
    QString bucket;
    QString accessKeyId;
    /// The preset practice bucket only: its secret, which is not a real one. Never saved, so
    /// no keychain is asked; every saved connection leaves it empty.
    QString presetSecret;

    /// True for the built-in practice bucket (not saved, not editable).
    bool isPreset() const { return !presetSecret.isEmpty(); }

    /// The SecretStore entry of the secret access key: "storage:" + id.
    static QString secretId(const QString &id) { return QStringLiteral("storage:") + id; }
    QString secretId() const { return secretId(id); }

    /// False with a plain reason (translated) when something needed is missing or wrong.
    bool isValid(QString *problem = nullptr) const;
    /// The client configuration with `secretAccessKey` added.
    S3Config toConfig(const QString &secretAccessKey) const;
    /// "bucket at host", for lists.
    QString displayLocation() const;
};

/**
 * @brief The saved storage connections, in the settings (AppSettings) group "storageConnections".
 *
 * Layout: storageConnections/order (ids), storageConnections/<id>/{name,endpoint,region,bucket,
 * accessKeyId}. No secret is ever written here.
 */
class StorageConnectionStore : public QObject
{
    Q_OBJECT
public:
    /// Uses `settings` (not owned) or, when null, AppSettings::standard().
    explicit StorageConnectionStore(AppSettings *settings = nullptr, QObject *parent = nullptr);
    ~StorageConnectionStore() override;

    /// The saved connections, then the practice bucket while its endpoint is set.
    QList<StorageConnection> connections() const;
    int count() const { return int(connections().size()); }
    std::optional<StorageConnection> connection(const QString &id) const;
    /// By id, or by name ignoring case.
    std::optional<StorageConnection> find(const QString &idOrName) const;

    /// Adds (an id is made when empty) and returns the id.
    QString add(StorageConnection connection);
    /// Replaces the one with the same id; false when unknown or the practice bucket.
    bool update(const StorageConnection &connection);
    /// Removes it; the caller deletes the secret from the SecretStore. The practice bucket
    /// cannot be removed.
    bool remove(const QString &id);
    void reload();

    /// The built-in sandbox's bucket store (practice::endpointFor()); empty: no practice
    /// bucket. Held for this run only, never written to the settings.
    void setPracticeEndpoint(const QUrl &endpoint);
    QUrl practiceEndpoint() const { return m_practiceEndpoint; }
    /// Keeps the practice endpoint on the built-in sandbox of `connections` (not owned): the
    /// practice bucket is there while the sandbox runs, at whatever port it took.
    void followSandbox(const ConnectionStore *connections);

Q_SIGNALS:
    void connectionsChanged();

private:
    void save(const StorageConnection &connection);
    void saveOrder();

    AppSettings *m_settings;
    QList<StorageConnection> m_connections; ///< the saved ones
    QUrl m_practiceEndpoint;
};

} // namespace fs
