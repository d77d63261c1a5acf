// SPDX-License-Identifier: GPL-3.0-or-later
#include "storagearea.h"

#include "activeconnection.h"
#include "apiclient.h"
#include "datasetarea.h"
#include "datasetdocument.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "practicebucket.h"
#include "s3objectsource.h"
#include "secretstore.h"
#include "storageconnection.h"
#include "storageconnectiondialog.h"
#include "textinput.h"
#include "uploader.h"
#include "uploadqueue.h"

#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QStyle>
#include <QToolButton>
#include <QTreeView>
#include <QUuid>
#include <QVBoxLayout>

namespace fs::ui {

namespace {

constexpr int KeyRole = Qt::UserRole + 1;
constexpr int FolderRole = Qt::UserRole + 2;

QString formatSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QString lastSegment(const QString &path)
{
    QString trimmed = path;
    if (trimmed.endsWith(QLatin1Char('/')))
        trimmed.chop(1);
    return trimmed.mid(trimmed.lastIndexOf(QLatin1Char('/')) + 1);
}

} // namespace

StorageArea::StorageArea(MainWindow *window, DatasetArea *datasets, QWidget *parent)
    : StorageArea(Pieces {nullptr, window ? window->secretStore() : nullptr,
                          window ? window->networkAccessManager() : nullptr,
                          window ? window->activeConnection() : nullptr,
                          window ? window->connectionStore() : nullptr},
            datasets, parent)
{
}

StorageArea::StorageArea(const Pieces &pieces, DatasetArea *datasets, QWidget *parent)
    : QWidget(parent)
    , m_store(pieces.store ? pieces.store : new StorageConnectionStore(nullptr, this))
    , m_secrets(pieces.secrets ? pieces.secrets : new MemorySecretStore(this))
    , m_nam(pieces.nam ? pieces.nam : new QNetworkAccessManager(this))
    , m_active(pieces.active)
    , m_datasets(datasets)
    , m_cacheDirectory(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
              + QStringLiteral("/storage"))
{
    build();
    connect(m_store, &StorageConnectionStore::connectionsChanged, this,
            [this] { reloadConnections(currentConnectionId()); });
    // The practice bucket lives in the built-in sandbox: listed while the sandbox runs.
    if (pieces.connections)
        m_store->followSandbox(pieces.connections);
    if (m_datasets && m_datasets->document())
        connect(m_datasets->document(), &DatasetDocument::filePathChanged, this,
                &StorageArea::updateActions);
    reloadConnections();
}

StorageArea::~StorageArea()
{
    // A send still running reads through this area's bucket client: stop it first.
    if (m_sendTask && m_queue) {
        m_sendTask->disconnect(this);
        if (m_sendTask->isActive())
            m_queue->remove(m_sendTask);
    }
    m_ownQueue.reset();
}

void StorageArea::build()
{
    QWidget *emptyPage = createEmptyPage();
    QWidget *browser = createBrowser();
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(emptyPage);
    m_pages->addWidget(browser);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_pages);
}

/// Shown while there is no storage connection: what it is for, what it needs, and Add.
QWidget *StorageArea::createEmptyPage()
{
    auto *emptyPage = new QWidget(this);
    auto *text = new QLabel(tr("<h3>No storage connection yet</h3>"
                               "<p>Add a storage connection such as Cloudflare R2, Amazon S3 "
                               "or MinIO to browse a bucket, open a dataset stored there in "
                               "the editor, save your dataset to it, and send a file "
                               "straight to the fine-tuning service.</p>"
                               "<p>You need the endpoint, the bucket's name and an API "
                               "token (access key ID and secret access key).</p>"),
            emptyPage);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    text->setFixedWidth(520);
    auto *add = new QPushButton(tr("Add Storage Connection…"), emptyPage);
    connect(add, &QPushButton::clicked, this, &StorageArea::addConnection);
    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(text);
    row->addStretch();
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addStretch();
    buttonRow->addWidget(add);
    buttonRow->addStretch();
    auto *layout = new QVBoxLayout(emptyPage);
    layout->addStretch(1);
    layout->addLayout(row);
    layout->addLayout(buttonRow);
    layout->addStretch(2);
    return emptyPage;
}

/// The bucket browser: connection, folder, the objects, what to do with one, transfers.
QWidget *StorageArea::createBrowser()
{
    auto *browser = new QWidget(this);
    QHBoxLayout *top = createConnectionRow(browser);
    QHBoxLayout *nav = createNavigationRow(browser);
    createObjectView(browser);
    QHBoxLayout *actions = createActionRow(browser);
    createTransferPanel(browser);

    auto *layout = new QVBoxLayout(browser);
    layout->addLayout(top);
    layout->addWidget(m_practiceNote);
    layout->addLayout(nav);
    layout->addWidget(m_viewStack, 1);
    layout->addLayout(actions);
    layout->addWidget(m_transferPanel);
    layout->addWidget(m_status);
    return browser;
}

/// The storage connection to browse, with Add, Edit, Remove and Test.
QHBoxLayout *StorageArea::createConnectionRow(QWidget *browser)
{
    m_connections = new QComboBox(browser);
    m_connections->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *addButton = new QPushButton(tr("Add…"), browser);
    m_editButton = new QPushButton(tr("Edit…"), browser);
    m_removeButton = new QPushButton(tr("Remove…"), browser);
    m_testButton = new QPushButton(tr("Test"), browser);
    connect(addButton, &QPushButton::clicked, this, &StorageArea::addConnection);
    connect(m_editButton, &QPushButton::clicked, this, &StorageArea::editConnection);
    connect(m_removeButton, &QPushButton::clicked, this, &StorageArea::removeConnection);
    connect(m_testButton, &QPushButton::clicked, this, &StorageArea::testConnection);
    connect(m_connections, &QComboBox::activated, this,
            [this](int index) { selectConnection(m_connections->itemData(index).toString()); });
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Storage:"), browser));
    top->addWidget(m_connections, 1);
    top->addWidget(addButton);
    top->addWidget(m_editButton);
    top->addWidget(m_removeButton);
    top->addWidget(m_testButton);
    return top;
}

/// Up, the folder as links, Refresh (and the practice bucket's note).
QHBoxLayout *StorageArea::createNavigationRow(QWidget *browser)
{
    m_upButton = new QPushButton(
            style()->standardIcon(QStyle::SP_FileDialogToParent), QString(), browser);
    m_upButton->setToolTip(tr("Up one folder"));
    m_refreshButton = new QPushButton(
            style()->standardIcon(QStyle::SP_BrowserReload), tr("Refresh"), browser);
    m_breadcrumb = new QLabel(browser);
    m_breadcrumb->setTextFormat(Qt::RichText);
    m_breadcrumb->setTextInteractionFlags(
            Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_breadcrumb, &QLabel::linkActivated, this, [this](const QString &link) {
        navigateTo(link.mid(QStringLiteral("prefix:").size()));
    });
    connect(m_upButton, &QPushButton::clicked, this, &StorageArea::goUp);
    connect(m_refreshButton, &QPushButton::clicked, this, &StorageArea::refresh);
    m_practiceNote = new QLabel(
            tr("This practice bucket is part of the built-in sandbox on this computer: it costs "
               "nothing and nothing leaves the computer. Select a sample and choose \"Send for "
               "Training\", or open it in the dataset editor."),
            browser);
    m_practiceNote->setWordWrap(true);
    m_practiceNote->hide();
    auto *nav = new QHBoxLayout;
    nav->addWidget(m_upButton);
    nav->addWidget(m_breadcrumb, 1);
    nav->addWidget(m_refreshButton);
    return nav;
}

/// The folder's contents, or in their place a message (empty folder, loading, a problem).
void StorageArea::createObjectView(QWidget *browser)
{
    m_model = new QStandardItemModel(0, 3, this);
    m_model->setHorizontalHeaderLabels({tr("Name"), tr("Size"), tr("Modified")});
    m_view = new QTreeView(browser);
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(false);
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const QModelIndex first = index.siblingAtColumn(0);
        if (first.data(FolderRole).toBool())
            navigateTo(first.data(KeyRole).toString());
        else
            openSelected();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &StorageArea::updateActions);
    m_viewStack = new QStackedWidget(browser);
    m_empty = new QLabel(m_viewStack);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setMargin(24);
    m_empty->setAutoFillBackground(true);
    m_empty->setBackgroundRole(QPalette::Base);
    m_viewStack->addWidget(m_view);
    m_viewStack->addWidget(m_empty);
}

/// Open, Save, Send for Training and Delete for the selected object.
QHBoxLayout *StorageArea::createActionRow(QWidget *browser)
{
    m_openButton = new QPushButton(tr("Open in Dataset Editor"), browser);
    m_saveButton = new QPushButton(tr("Save Dataset to Bucket…"), browser);
    m_sendButton = new QToolButton(browser);
    m_sendButton->setText(tr("Send for Training"));
    m_sendButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_sendButton->setPopupMode(QToolButton::MenuButtonPopup);
    auto *sendMenu = new QMenu(m_sendButton);
    sendMenu->addAction(tr("Send as Training File"), this, [this] { sendSelected(false); });
    sendMenu->addAction(tr("Send as Validation File"), this, [this] { sendSelected(true); });
    m_sendButton->setMenu(sendMenu);
    m_deleteButton = new QPushButton(tr("Delete…"), browser);
    connect(m_openButton, &QPushButton::clicked, this, &StorageArea::openSelected);
    connect(m_saveButton, &QPushButton::clicked, this, &StorageArea::saveDatasetToBucket);
    connect(m_sendButton, &QToolButton::clicked, this, [this] { sendSelected(false); });
    connect(m_deleteButton, &QPushButton::clicked, this, &StorageArea::deleteSelected);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_openButton);
    actions->addWidget(m_saveButton);
    actions->addWidget(m_sendButton);
    actions->addStretch();
    actions->addWidget(m_deleteButton);
    return actions;
}

/// A transfer's progress with Cancel, and the status line under it.
void StorageArea::createTransferPanel(QWidget *browser)
{
    m_transferPanel = new QWidget(browser);
    m_transferLabel = new QLabel(m_transferPanel);
    m_progress = new QProgressBar(m_transferPanel);
    m_progress->setRange(0, 1000);
    m_cancelButton = new QPushButton(tr("Cancel"), m_transferPanel);
    connect(m_cancelButton, &QPushButton::clicked, this, &StorageArea::cancelTransfer);
    auto *transfer = new QHBoxLayout(m_transferPanel);
    transfer->setContentsMargins(0, 0, 0, 0);
    transfer->addWidget(m_transferLabel, 2);
    transfer->addWidget(m_progress, 2);
    transfer->addWidget(m_cancelButton);
    m_transferPanel->hide();
    m_status = new QLabel(browser);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
}

void StorageArea::setFineTuningConnection(const Connection &connection)
{
    m_fineTuningOverride = connection;
}

Connection StorageArea::fineTuningConnection() const
{
    return m_active ? m_active->connection() : m_fineTuningOverride;
}

QString StorageArea::currentConnectionId() const
{
    return m_connections->currentData().toString();
}

bool StorageArea::isTransferring() const
{
    return m_transfer || m_sending;
}

QString StorageArea::statusText() const
{
    return m_status->text();
}

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

void StorageArea::refresh()
{
    if (m_listReply)
        m_listReply->abort();
    m_empty->setText(tr("Loading…"));
    showEmpty(true);
    updateBreadcrumb();
    withClient([this](S3Client *client) {
        S3Reply *reply = client->list(m_prefix);
        m_listReply = reply;
        connect(reply, &S3Reply::finished, this, [this, reply] {
            reply->deleteLater();
            if (m_listReply == reply)
                m_listReply = nullptr;
            if (reply->error().kind == S3Error::Kind::Cancelled)
                return;
            if (!reply->ok()) {
                m_listing = {};
                m_model->removeRows(0, m_model->rowCount());
                m_empty->setText(reply->error().plainMessage() + QStringLiteral("\n")
                        + tr("Check the connection with Edit…, then choose Refresh."));
                showEmpty(true);
                updateActions();
                Q_EMIT listingFinished(false);
                return;
            }
            m_listing = reply->listing();
            showListing();
            Q_EMIT listingFinished(true);
        });
    });
}

void StorageArea::showListing()
{
    m_model->removeRows(0, m_model->rowCount());
    const QIcon folderIcon = style()->standardIcon(QStyle::SP_DirIcon);
    const QIcon fileIcon = style()->standardIcon(QStyle::SP_FileIcon);
    for (const QString &folder : std::as_const(m_listing.commonPrefixes)) {
        auto *name = new QStandardItem(folderIcon, lastSegment(folder) + QLatin1Char('/'));
        name->setData(folder, KeyRole);
        name->setData(true, FolderRole);
        m_model->appendRow({name, new QStandardItem, new QStandardItem});
    }
    for (const S3Object &object : std::as_const(m_listing.objects)) {
        if (object.key == m_prefix)
            continue; // the folder's own marker object
        auto *name = new QStandardItem(fileIcon, object.key.mid(m_prefix.size()));
        name->setData(object.key, KeyRole);
        name->setData(false, FolderRole);
        name->setToolTip(object.key);
        auto *size = new QStandardItem(formatSize(object.size));
        size->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto *modified = new QStandardItem(
                QLocale().toString(object.lastModified.toLocalTime(), QLocale::ShortFormat));
        m_model->appendRow({name, size, modified});
    }
    const bool empty = m_model->rowCount() == 0;
    m_empty->setText(m_prefix.isEmpty()
                    ? tr("This bucket is empty. Open a dataset in the Datasets area and choose "
                         "\"Save Dataset to Bucket…\" to put it here.")
                    : tr("This folder is empty."));
    showEmpty(empty);
    updateActions();
}

void StorageArea::showEmpty(bool empty)
{
    m_viewStack->setCurrentWidget(empty ? static_cast<QWidget *>(m_empty) : m_view);
}

bool StorageArea::isShowingMessage() const
{
    return m_viewStack->currentWidget() == m_empty;
}

void StorageArea::updateBreadcrumb()
{
    const std::optional<StorageConnection> connection = m_store->connection(currentConnectionId());
    const QString bucket = connection ? connection->bucket : QString();
    QString html = QStringLiteral("<a href=\"prefix:\">%1</a>").arg(bucket.toHtmlEscaped());
    QString walked;
    const QStringList parts = m_prefix.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        walked += part + QLatin1Char('/');
        html += QStringLiteral(" / <a href=\"prefix:%1\">%2</a>")
                        .arg(walked.toHtmlEscaped(), part.toHtmlEscaped());
    }
    m_breadcrumb->setText(html);
    m_upButton->setEnabled(!m_prefix.isEmpty());
}

void StorageArea::navigateTo(const QString &prefix)
{
    m_prefix = prefix;
    if (!m_prefix.isEmpty() && !m_prefix.endsWith(QLatin1Char('/')))
        m_prefix += QLatin1Char('/');
    refresh();
}

void StorageArea::goUp()
{
    if (m_prefix.isEmpty())
        return;
    QString up = m_prefix;
    up.chop(1);
    const int slash = up.lastIndexOf(QLatin1Char('/'));
    navigateTo(slash < 0 ? QString() : up.left(slash + 1));
}

bool StorageArea::selectKey(const QString &key)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->item(row, 0)->data(KeyRole).toString() == key) {
            m_view->setCurrentIndex(m_model->index(row, 0));
            return true;
        }
    }
    return false;
}

S3Object StorageArea::selectedObject(bool *isFolder) const
{
    const QModelIndex index = m_view->currentIndex().siblingAtColumn(0);
    if (isFolder)
        *isFolder = index.isValid() && index.data(FolderRole).toBool();
    if (!index.isValid() || index.data(FolderRole).toBool())
        return {};
    const QString key = index.data(KeyRole).toString();
    for (const S3Object &object : m_listing.objects) {
        if (object.key == key)
            return object;
    }
    return {};
}

void StorageArea::updateActions()
{
    const bool haveConnection = !currentConnectionId().isEmpty();
    const bool preset = currentConnectionId() == practice::connectionId();
    const bool object = !selectedObject().key.isEmpty();
    const bool busy = isTransferring();
    m_editButton->setEnabled(haveConnection && !preset);
    m_removeButton->setEnabled(haveConnection && !preset);
    const QString builtIn = preset
            ? tr("The practice bucket is built in: it cannot be changed or removed.")
            : QString();
    m_editButton->setToolTip(builtIn);
    m_removeButton->setToolTip(builtIn);
    m_practiceNote->setVisible(preset);
    m_testButton->setEnabled(haveConnection);
    m_openButton->setEnabled(object && !busy);
    m_sendButton->setEnabled(object && !busy);
    m_deleteButton->setEnabled(object && !busy);
    m_saveButton->setEnabled(haveConnection && !busy && m_datasets && m_datasets->document());
    m_saveButton->setToolTip(
            m_datasets ? QString() : tr("Open a dataset in the Datasets area first."));
}

void StorageArea::showStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? QStringLiteral("color: #b00020;") : QString());
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

// ---- transfers --------------------------------------------------------------------------------

void StorageArea::beginTransfer(const QString &text, S3Reply *reply)
{
    m_transfer = reply;
    m_transferLabel->setText(text);
    m_progress->setValue(0);
    m_progress->setMaximum(1000);
    m_transferPanel->show();
    showStatus({});
    updateActions();
    if (!reply)
        return;
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    connect(reply, &S3Reply::progress, this, [this, text, clock](qint64 done, qint64 total) {
        if (total > 0)
            m_progress->setValue(int(done * 1000 / total));
        const double seconds = std::max(0.001, clock->elapsed() / 1000.0);
        m_transferLabel->setText(
                tr("%1 %2 of %3 · %4/s")
                        .arg(text, formatSize(done), formatSize(std::max<qint64>(total, done)),
                                formatSize(qint64(done / seconds))));
    });
}

void StorageArea::endTransfer(bool ok, const QString &message)
{
    m_transfer = nullptr;
    m_transferPanel->hide();
    showStatus(message, !ok);
    updateActions();
    Q_EMIT transferFinished(ok, message);
}

void StorageArea::cancelTransfer()
{
    if (m_transfer)
        m_transfer->abort();
    if (m_sendTask && m_sending)
        m_sendTask->cancel();
}

void StorageArea::openSelected()
{
    const S3Object object = selectedObject();
    if (object.key.isEmpty() || isTransferring() || !m_client)
        return;
    const QString path =
            QDir(m_cacheDirectory).filePath(m_clientConnectionId + QLatin1Char('/') + object.key);
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto *file = new QSaveFile(path, this);
    if (!file->open(QIODevice::WriteOnly)) {
        const QString problem = file->errorString();
        delete file;
        endTransfer(false, tr("The download could not be written to %1: %2").arg(path, problem));
        return;
    }
    S3Reply *reply = m_client->getObject(object.key, file);
    beginTransfer(tr("Downloading \"%1\":").arg(lastSegment(object.key)), reply);
    connect(reply, &S3Reply::finished, this, [this, reply, file, path, object] {
        reply->deleteLater();
        if (!reply->ok()) {
            file->cancelWriting();
            delete file;
            endTransfer(false,
                    reply->error().kind == S3Error::Kind::Cancelled
                            ? tr("The download was cancelled.")
                            : tr("\"%1\" could not be downloaded: %2")
                                      .arg(object.key, reply->error().plainMessage()));
            return;
        }
        const bool committed = file->commit();
        const QString problem = file->errorString();
        delete file;
        if (!committed) {
            endTransfer(
                    false, tr("The download could not be written to %1: %2").arg(path, problem));
            return;
        }
        endTransfer(true, tr("Downloaded \"%1\"; it opens in the dataset editor.").arg(object.key));
        Q_EMIT openDatasetRequested(path);
    });
}

void StorageArea::saveDatasetToBucket()
{
    if (!m_datasets || !m_datasets->document())
        return;
    QString name = QFileInfo(m_datasets->document()->filePath()).fileName();
    if (name.isEmpty())
        name = QStringLiteral("dataset.jsonl");
    const std::optional<QString> key = TextInput::ask(this,
            {tr("Save Dataset to Bucket"), tr("Name in the bucket (use \"/\" for folders):"),
                    m_prefix + name});
    if (key && !key->trimmed().isEmpty())
        saveDatasetAs(key->trimmed());
}

void StorageArea::saveDatasetAs(const QString &key)
{
    if (!m_datasets || !m_datasets->document() || key.isEmpty() || isTransferring())
        return;
    const bool exists = std::any_of(m_listing.objects.cbegin(), m_listing.objects.cend(),
            [&key](const S3Object &o) { return o.key == key; });
    if (exists
            && MessageBox::question(this, tr("Save Dataset to Bucket"),
                       tr("\"%1\" is already in the bucket. Replace it?").arg(key),
                       QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
                    != QMessageBox::Yes)
        return;
    const QByteArray bytes = m_datasets->document()->toBytes();
    withClient([this, key, bytes](S3Client *client) {
        S3Reply *reply = client->putData(key, bytes, QStringLiteral("application/jsonl"));
        beginTransfer(tr("Uploading \"%1\":").arg(lastSegment(key)), reply);
        connect(reply, &S3Reply::finished, this, [this, reply, key, bytes] {
            reply->deleteLater();
            if (!reply->ok()) {
                endTransfer(false,
                        reply->error().kind == S3Error::Kind::Cancelled
                                ? tr("The upload was cancelled; the bucket is unchanged.")
                                : tr("The dataset could not be saved to the bucket: %1")
                                          .arg(reply->error().plainMessage()));
                return;
            }
            endTransfer(true,
                    tr("Saved the dataset to the bucket as \"%1\" (%2).")
                            .arg(key, formatSize(bytes.size())));
            refresh();
        });
    });
}

void StorageArea::sendSelected(bool validation)
{
    const S3Object object = selectedObject();
    if (object.key.isEmpty() || isTransferring() || !m_client)
        return;
    const Connection connection = fineTuningConnection();
    if (!connection.baseUrl.isValid() || connection.baseUrl.isEmpty()) {
        MessageBox::warning(this, tr("Send for Training"),
                tr("There is no fine-tuning connection to send to."),
                tr("Choose a connection in the Connection menu first."));
        return;
    }
    if (m_sendTask)
        m_sendTask->disconnect(this);
    // Through the app's upload queue: its own API client per task, one upload at a time.
    UploadQueue *queue = uploadQueue();
    queue->setConnection(connection);
    UploadSettings settings;
    settings.use = validation ? DataUse::Validation : DataUse::Training;
    UploadTask *task = queue->addSource(new S3ObjectSource(m_client.get(), object), settings);
    m_sendTask = task;
    const QString what = validation ? tr("validation file") : tr("training file");
    beginTransfer(tr("Sending \"%1\" as %2…").arg(lastSegment(object.key), what), nullptr);
    connect(task, &UploadTask::progressChanged, this, &StorageArea::onSendProgress);
    connect(task, &UploadTask::stageChanged, this, &StorageArea::onSendProgress);
    connect(task, &UploadTask::finished, this, [this, task, object, validation] {
        m_sending = false;
        if (task->stage() == UploadTask::Stage::Cancelled) {
            endTransfer(false, tr("Sending \"%1\" was cancelled.").arg(object.key));
            return;
        }
        if (task->stage() != UploadTask::Stage::Done) {
            endTransfer(false,
                    tr("\"%1\" could not be sent: %2").arg(object.key, task->errorMessage()));
            return;
        }
        m_sentFile = task->file();
        QString status;
        if (m_sentFile.status == QLatin1String("processed"))
            status = tr("ready for training");
        else if (m_sentFile.status == QLatin1String("error"))
            status = tr("the service could not use it: %1").arg(m_sentFile.statusDetails);
        else
            status = tr("the service is still checking it");
        endTransfer(m_sentFile.status != QLatin1String("error"),
                tr("Sent \"%1\" as %2 %3: %4.")
                        .arg(object.key, validation ? tr("validation file") : tr("training file"),
                                m_sentFile.id, status));
        Q_EMIT fileSent(m_sentFile.id, validation);
    });
    m_sending = true;
    updateActions();
}

void StorageArea::setUploadQueue(UploadQueue *queue)
{
    m_queue = queue;
}

UploadQueue *StorageArea::uploadQueue()
{
    if (!m_queue) {
        if (!m_ownQueue)
            m_ownQueue = std::make_unique<UploadQueue>(m_nam);
        m_queue = m_ownQueue.get();
    }
    return m_queue;
}

void StorageArea::onSendProgress()
{
    if (!m_sendTask)
        return;
    // The queue's words, as in the Files area.
    const UploadTask *task = m_sendTask;
    const UploadProgress p = task->progress();
    const bool busy = task->stage() == UploadTask::Stage::Waiting
            || (task->stage() == UploadTask::Stage::Uploading
                    && p.phase != UploadProgress::Phase::Sending
                    && p.phase != UploadProgress::Phase::Finished);
    m_progress->setMaximum(busy ? 0 : 1000); // busy: no known end
    if (!busy && p.totalBytes > 0)
        m_progress->setValue(int(p.sentBytes * 1000 / p.totalBytes));
    const QString detail = task->detailText();
    m_transferLabel->setText(detail.isEmpty() || task->stage() != UploadTask::Stage::Uploading
                    ? task->stageText()
                    : tr("%1 %2").arg(task->stageText(), detail));
}

void StorageArea::deleteSelected()
{
    const S3Object object = selectedObject();
    if (object.key.isEmpty() || isTransferring() || !m_client)
        return;
    if (MessageBox::question(this, tr("Delete from Bucket"),
                tr("Delete \"%1\" from the bucket?").arg(object.key),
                QMessageBox::Yes | QMessageBox::No, QMessageBox::No,
                tr("This cannot be undone. Files already sent to the fine-tuning service stay "
                   "there."))
            != QMessageBox::Yes)
        return;
    S3Reply *reply = m_client->deleteObject(object.key);
    beginTransfer(tr("Deleting \"%1\"…").arg(lastSegment(object.key)), reply);
    connect(reply, &S3Reply::finished, this, [this, reply, object] {
        reply->deleteLater();
        if (!reply->ok()) {
            endTransfer(false,
                    tr("\"%1\" could not be deleted: %2")
                            .arg(object.key, reply->error().plainMessage()));
            return;
        }
        endTransfer(true, tr("Deleted \"%1\" from the bucket.").arg(object.key));
        refresh();
    });
}

} // namespace fs::ui
