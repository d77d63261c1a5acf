// SPDX-License-Identifier: GPL-3.0-or-later
#include "storagearea.h"

#include "activeconnection.h"
#include "apiclient.h"
#include "datasetarea.h"
#include "datasetdocument.h"
#include "mainwindow.h"
#include "practicebucket.h"
#include "secretstore.h"
#include "storageareaprivate.h"
#include "storageconnection.h"
#include "uploader.h"
#include "uploadqueue.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QStyle>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace fs::ui {

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

} // namespace fs::ui
