// SPDX-License-Identifier: GPL-3.0-or-later
// The Storage area's storage connections: choosing one, reaching its bucket (with the secret from
// the keychain), adding, editing, removing and testing them. The rest of StorageArea is in
// storagearea.cpp.
#include "storagearea.h"

#include "messagebox.h"
#include "secretstore.h"
#include "storageconnection.h"
#include "storageconnectiondialog.h"

#include <QComboBox>
#include <QLabel>
#include <QStackedWidget>
#include <QUuid>

namespace fs::ui {

void StorageArea::reloadConnections(const QString &selectId)
{
    const QList<StorageConnection> all = m_store->connections();
    m_connections->clear();
    for (const StorageConnection &c : all)
        m_connections->addItem(QStringLiteral("%1 — %2").arg(c.name, c.displayLocation()), c.id);
    m_pages->setCurrentIndex(all.isEmpty() ? 0 : 1);
    if (all.isEmpty()) {
        m_client.reset();
        m_clientConnectionId.clear();
        return;
    }
    int index = m_connections->findData(selectId);
    if (index < 0)
        index = 0;
    m_connections->setCurrentIndex(index);
    selectConnection(m_connections->itemData(index).toString());
}

void StorageArea::selectConnection(const QString &id)
{
    const int index = m_connections->findData(id);
    if (index < 0)
        return;
    m_connections->setCurrentIndex(index);
    if (id != m_clientConnectionId) {
        m_client.reset();
        m_clientConnectionId.clear();
        m_prefix.clear();
        m_listing = {};
    }
    refresh();
}

void StorageArea::withClient(std::function<void(S3Client *)> then)
{
    const QString id = currentConnectionId();
    if (m_client && m_clientConnectionId == id) {
        then(m_client.get());
        return;
    }
    const std::optional<StorageConnection> connection = m_store->connection(id);
    if (!connection)
        return;
    if (connection->isPreset()) {
        // The practice bucket's secret is not a real one: no keychain to ask.
        m_client =
                std::make_unique<S3Client>(m_nam, connection->toConfig(connection->presetSecret));
        m_clientConnectionId = id;
        then(m_client.get());
        return;
    }
    m_secrets->readKey(connection->secretId(), this,
            [this, id, connection = *connection, then](const SecretResult &result) {
                if (currentConnectionId() != id)
                    return;
                if (!result.ok()) {
                    showStatus(result.status == SecretResult::Status::NotFound
                                    ? tr("The secret access key of \"%1\" is not saved. Choose "
                                         "Edit… and enter it again.")
                                              .arg(connection.name)
                                    : tr("The secret access key could not be read from the "
                                         "keychain: %1")
                                              .arg(result.message),
                            true);
                    m_empty->setText(tr("The bucket cannot be shown without the secret access "
                                        "key."));
                    showEmpty(true);
                    return;
                }
                m_client = std::make_unique<S3Client>(m_nam, connection.toConfig(result.secret));
                m_clientConnectionId = id;
                showStatus({});
                then(m_client.get());
            });
}

// ---- connections ------------------------------------------------------------------------------

void StorageArea::addConnection()
{
    StorageConnectionDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    StorageConnection added = dialog.connection();
    added.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    // The secret first: adding the connection makes the area read it at once.
    m_secrets->writeKey(
            added.secretId(), dialog.secret(), this, [this, added](const SecretResult &result) {
                if (!result.ok()) {
                    MessageBox::warning(this, tr("Storage Connection"),
                            tr("The secret access key could not be saved, so the connection "
                               "was not added."),
                            result.message);
                    return;
                }
                m_store->add(added);
                reloadConnections(added.id);
                if (result.sessionOnly)
                    showStatus(result.message);
            });
}

void StorageArea::editConnection()
{
    const std::optional<StorageConnection> current = m_store->connection(currentConnectionId());
    if (!current)
        return;
    StorageConnectionDialog dialog(this);
    dialog.setConnection(*current, true);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const StorageConnection edited = dialog.connection();
    const QString secret = dialog.secret();
    m_client.reset();
    m_clientConnectionId.clear();
    m_store->update(edited);
    if (!secret.isEmpty()) {
        m_secrets->writeKey(edited.secretId(), secret, this, [this](const SecretResult &result) {
            if (!result.ok())
                MessageBox::warning(this, tr("Storage Connection"),
                        tr("The secret access key could not be saved."), result.message);
            refresh();
        });
    }
}

void StorageArea::removeConnection()
{
    const std::optional<StorageConnection> current = m_store->connection(currentConnectionId());
    if (!current)
        return;
    if (MessageBox::question(this, tr("Remove Storage Connection"),
                tr("Remove the storage connection \"%1\"?").arg(current->name),
                QMessageBox::Yes | QMessageBox::No, QMessageBox::No,
                tr("The bucket and its contents stay as they are; only this app forgets the "
                   "connection and its secret."))
            != QMessageBox::Yes)
        return;
    m_secrets->deleteKey(current->secretId(), this, [](const SecretResult &) {});
    m_client.reset();
    m_clientConnectionId.clear();
    m_store->remove(current->id);
}

void StorageArea::testConnection()
{
    withClient([this](S3Client *client) {
        S3Reply *reply = client->listPage(QString(), QStringLiteral("/"), QString(), 1);
        connect(reply, &S3Reply::finished, this, [this, reply] {
            reply->deleteLater();
            const bool ok = reply->ok();
            const QString message = ok ? tr("The bucket answers: the connection works.")
                                       : reply->error().plainMessage();
            Q_EMIT connectionTested(ok, message);
            if (ok)
                MessageBox::information(this, tr("Storage Connection"), message);
            else
                MessageBox::warning(this, tr("Storage Connection"),
                        tr("The connection does not work yet."), message);
        });
    });
}

} // namespace fs::ui
