// SPDX-License-Identifier: GPL-3.0-or-later
#include "filesarea.h"

#include "activeconnection.h"
#include "apiclient.h"
#include "appsettings.h"
#include "datasetarea.h"
#include "datasetdocument.h"
#include "filedetailspanel.h"
#include "filelistmodel.h"
#include "mainwindow.h"
#include "providerclient.h"
#include "uploadqueue.h"
#include "uploadrow.h"

#include <QAction>
#include <QBrush>
#include <QCheckBox>
#include <QColor>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace fs::ui {

namespace {

/// The purposes a person may upload for (the service's list), fine-tuning data first.
const QStringList &uploadPurposes()
{
    static const QStringList purposes = {QStringLiteral("fine-tune"), QStringLiteral("batch"),
            QStringLiteral("evals"), QStringLiteral("user_data"), QStringLiteral("assistants"),
            QStringLiteral("vision")};
    return purposes;
}

/// Purposes to filter the list by: the ones above and the ones the service creates itself.
const QStringList &listPurposes()
{
    static const QStringList purposes = {QStringLiteral("fine-tune"),
            QStringLiteral("fine-tune-results"), QStringLiteral("batch"),
            QStringLiteral("batch_output"), QStringLiteral("evals"), QStringLiteral("user_data"),
            QStringLiteral("assistants"), QStringLiteral("assistants_output"),
            QStringLiteral("vision")};
    return purposes;
}

QString useText(DataUse use)
{
    return use == DataUse::Validation ? FilesArea::tr("Validation data")
                                      : FilesArea::tr("Training data");
}

/// Sorts by the model's raw values and colours the status words (problems red).
class FilesProxyModel : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::ForegroundRole && index.column() == FileListModel::StatusColumn) {
            const QString status = index.data(FileListModel::StatusRole).toString();
            if (status == QLatin1String("error"))
                return QBrush(QColor(0xa0, 0x10, 0x10));
            if (status == QLatin1String("processed"))
                return QBrush(QColor(0x11, 0x66, 0x11));
        }
        return QSortFilterProxyModel::data(index, role);
    }
};

} // namespace

FilesArea::FilesArea(ActiveConnection *active, QNetworkAccessManager *nam, DatasetArea *datasets,
        QWidget *parent)
    : QWidget(parent)
    , m_active(active)
    , m_nam(nam)
    , m_datasets(datasets)
    , m_model(new FileListModel(this))
    , m_proxy(new FilesProxyModel(this))
    , m_queue(new UploadQueue(nam, this))
{
    setUp();
}

FilesArea::FilesArea(MainWindow *window, DatasetArea *datasets, QWidget *parent)
    : FilesArea(window->activeConnection(), window->networkAccessManager(), datasets, parent)
{
}

FilesArea::~FilesArea()
{
    // Tasks first: their uploaders talk to the network manager, which must still exist.
    delete m_queue;
}

void FilesArea::setUp()
{
    setObjectName(QStringLiteral("filesArea"));
    setAcceptDrops(true);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(FileListModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    createActions();
    createToolBar();
    QWidget *choices = createUploadChoices();
    createResumeBanner();
    createFileList();
    createUploadsPanel();
    QWidget *status = createStatusLine();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_toolBar);
    layout->addWidget(choices);
    layout->addWidget(m_banner);
    layout->addWidget(m_splitter, 3);
    layout->addWidget(m_uploadsPanel, 2);
    layout->addWidget(status);

    connectFileList();
    if (m_datasets) {
        connect(m_datasets, &DatasetArea::titleChanged, this, &FilesArea::updateActions);
    }
    if (m_active) {
        connect(m_active, &ActiveConnection::connectionChanged, this, &FilesArea::rebuildClient);
        connect(m_active, &ActiveConnection::stateChanged, this,
                &FilesArea::onConnectionStateChanged);
    }
    loadUploadChoices();
    rebuildClient();
}

/// Toolbar: the actions, then what the list shows.
void FilesArea::createToolBar()
{
    m_toolBar = new QToolBar(this);
    m_toolBar->setObjectName(QStringLiteral("filesToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (const char *name : {"uploadDatasetAction", "uploadFileAction"})
        m_toolBar->addAction(action(QLatin1String(name)));
    m_toolBar->addSeparator();
    for (const char *name : {"refreshAction", "saveContentAction", "deleteAction", "detailsAction"})
        m_toolBar->addAction(action(QLatin1String(name)));
    auto *spacer = new QWidget(m_toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBar->addWidget(spacer);
    m_toolBar->addWidget(new QLabel(tr("Show:"), m_toolBar));
    m_filterComboBox = new QComboBox(m_toolBar);
    m_filterComboBox->setObjectName(QStringLiteral("filterComboBox"));
    m_filterComboBox->addItem(tr("All files"), QString());
    for (const QString &purpose : listPurposes())
        m_filterComboBox->addItem(FileListModel::purposeText(purpose), purpose);
    m_filterComboBox->setToolTip(tr("Show only the files of one purpose"));
    m_toolBar->addWidget(m_filterComboBox);
}

/// The choices the next upload is made with, in one line under the toolbar.
QWidget *FilesArea::createUploadChoices()
{
    auto *choices = new QWidget(this);
    auto *choicesLayout = new QHBoxLayout(choices);
    choicesLayout->setContentsMargins(6, 0, 6, 0);
    choicesLayout->addWidget(new QLabel(tr("New uploads:"), choices));
    m_purposeComboBox = new QComboBox(choices);
    m_purposeComboBox->setObjectName(QStringLiteral("purposeComboBox"));
    for (const QString &purpose : uploadPurposes())
        m_purposeComboBox->addItem(FileListModel::purposeText(purpose), purpose);
    m_purposeComboBox->setToolTip(tr("What the service should use the file for. Fine-tuning "
                                     "data is checked before it is sent."));
    choicesLayout->addWidget(m_purposeComboBox);
    choicesLayout->addWidget(new QLabel(tr("as"), choices));
    m_useComboBox = new QComboBox(choices);
    m_useComboBox->setObjectName(QStringLiteral("useComboBox"));
    m_useComboBox->addItem(useText(DataUse::Training), int(DataUse::Training));
    m_useComboBox->addItem(useText(DataUse::Validation), int(DataUse::Validation));
    m_useComboBox->setToolTip(tr("Remembered for the Jobs area: training data teaches the "
                                 "model, validation data measures how well it learned."));
    choicesLayout->addWidget(m_useComboBox);
    m_resumableCheckBox = new QCheckBox(tr("Always use resumable upload"), choices);
    m_resumableCheckBox->setObjectName(QStringLiteral("resumableCheckBox"));
    choicesLayout->addWidget(m_resumableCheckBox);
    choicesLayout->addStretch(1);
    connect(m_purposeComboBox, &QComboBox::currentIndexChanged, this, [this] {
        m_useComboBox->setEnabled(
                m_purposeComboBox->currentData().toString() == QLatin1String("fine-tune"));
        saveUploadChoices();
    });
    connect(m_useComboBox, &QComboBox::currentIndexChanged, this, &FilesArea::saveUploadChoices);
    connect(m_resumableCheckBox, &QCheckBox::toggled, this, &FilesArea::saveUploadChoices);
    return choices;
}

/// Banner: uploads an earlier run left unfinished (never a dialog at start).
void FilesArea::createResumeBanner()
{
    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("resumeBanner"));
    m_banner->setStyleSheet(QStringLiteral("#resumeBanner { background: #fff6d5; border: 1px solid "
                                           "#e0c060; border-radius: 4px; }"));
    auto *bannerLayout = new QHBoxLayout(m_banner);
    m_bannerLabel = new QLabel(m_banner);
    m_bannerLabel->setObjectName(QStringLiteral("bannerLabel"));
    m_bannerLabel->setWordWrap(true);
    auto *resumeButton = new QPushButton(tr("Resume"), m_banner);
    resumeButton->setObjectName(QStringLiteral("bannerResumePushButton"));
    auto *discardButton = new QPushButton(tr("Discard"), m_banner);
    discardButton->setObjectName(QStringLiteral("bannerDiscardPushButton"));
    discardButton->setToolTip(tr("Forget these uploads; the parts already sent are dropped."));
    bannerLayout->addWidget(m_bannerLabel, 1);
    bannerLayout->addWidget(resumeButton);
    bannerLayout->addWidget(discardButton);
    connect(resumeButton, &QPushButton::clicked, this, &FilesArea::resumeOffered);
    connect(discardButton, &QPushButton::clicked, this, &FilesArea::discardOffered);
    m_banner->hide();
}

/// The list, or a sentence when there is nothing to list, beside the details panel.
void FilesArea::createFileList()
{
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("filesTableView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(FileListModel::CreatedColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(
            FileListModel::FilenameColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (const char *name : {"saveContentAction", "deleteAction"})
        m_view->addAction(action(QLatin1String(name)));
    for (int column :
            {FileListModel::PurposeColumn, FileListModel::SizeColumn, FileListModel::CreatedColumn,
                    FileListModel::StatusColumn, FileListModel::ExpiresColumn})
        m_view->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    QWidget *emptyPage = createEmptyPage();
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_view);
    m_pages->addWidget(emptyPage);

    m_details = new FileDetailsPanel(this);
    m_splitter = new QSplitter(this);
    m_splitter->addWidget(m_pages);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
}

/// The sentence shown instead of an empty list, with the one button that helps.
QWidget *FilesArea::createEmptyPage()
{
    auto *emptyPage = new QWidget(this);
    auto *emptyLayout = new QVBoxLayout(emptyPage);
    m_emptyLabel = new QLabel(emptyPage);
    m_emptyLabel->setObjectName(QStringLiteral("emptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyButton = new QPushButton(emptyPage);
    m_emptyButton->setObjectName(QStringLiteral("emptyPushButton"));
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(m_emptyLabel);
    emptyLayout->addWidget(m_emptyButton, 0, Qt::AlignHCenter);
    emptyLayout->addStretch(1);
    connect(m_emptyButton, &QPushButton::clicked, this, [this] {
        if (!m_model->errorMessage().isEmpty())
            refresh();
        else
            chooseFiles();
    });
    return emptyPage;
}

/// The uploads: one row each, under the list.
void FilesArea::createUploadsPanel()
{
    m_uploadsPanel = new QWidget(this);
    m_uploadsPanel->setObjectName(QStringLiteral("uploadsPanel"));
    auto *uploadsOuter = new QVBoxLayout(m_uploadsPanel);
    uploadsOuter->setContentsMargins(0, 0, 0, 0);
    auto *uploadsHeader = new QHBoxLayout;
    auto *uploadsTitle = new QLabel(tr("<b>Uploads</b>"), m_uploadsPanel);
    auto *clearButton = new QPushButton(tr("Clear Finished"), m_uploadsPanel);
    clearButton->setObjectName(QStringLiteral("clearFinishedPushButton"));
    uploadsHeader->addWidget(uploadsTitle);
    uploadsHeader->addStretch(1);
    uploadsHeader->addWidget(clearButton);
    uploadsOuter->addLayout(uploadsHeader);
    m_uploadsScroll = new QScrollArea(m_uploadsPanel);
    m_uploadsScroll->setWidgetResizable(true);
    m_uploadsScroll->setFrameShape(QFrame::NoFrame);
    auto *uploadsContent = new QWidget(m_uploadsScroll);
    m_uploadsLayout = new QVBoxLayout(uploadsContent);
    m_uploadsLayout->setContentsMargins(0, 0, 0, 0);
    m_uploadsLayout->addStretch(1);
    m_uploadsScroll->setWidget(uploadsContent);
    uploadsOuter->addWidget(m_uploadsScroll);
    connect(clearButton, &QPushButton::clicked, m_queue, &UploadQueue::removeFinished);
    connect(m_queue, &UploadQueue::taskAdded, this, &FilesArea::showTask);
    connect(m_queue, &UploadQueue::taskRemoved, this, [this](UploadTask *task) {
        // Later: the row's own Close button may be what asked.
        if (UploadRow *row = rowFor(task)) {
            row->hide();
            row->setParent(nullptr);
            row->deleteLater();
        }
        updateUploadsPanel();
    });
    connect(m_queue, &UploadQueue::taskStageChanged, this, [this] { updateUploadsPanel(); });
    connect(m_queue, &UploadQueue::fileAppeared, this,
            [this](UploadTask *, const FileObject &file) { m_model->upsertFile(file); });
    connect(m_queue, &UploadQueue::uploaded, this, &FilesArea::onUploaded);
    m_uploadsPanel->hide();
}

/// The area's status line (downloads, refresh problems) with a Cancel for downloads.
QWidget *FilesArea::createStatusLine()
{
    auto *status = new QWidget(this);
    auto *statusLayout = new QHBoxLayout(status);
    statusLayout->setContentsMargins(6, 0, 6, 0);
    m_statusLabel = new QLabel(status);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusCancelButton = new QPushButton(tr("Cancel"), status);
    m_statusCancelButton->setObjectName(QStringLiteral("statusCancelPushButton"));
    m_statusCancelButton->hide();
    statusLayout->addWidget(m_statusLabel, 1);
    statusLayout->addWidget(m_statusCancelButton);
    connect(m_statusCancelButton, &QPushButton::clicked, this, [this] {
        if (m_download)
            m_download->abort();
    });
    return status;
}

/// What the list, its filter and its selection tell the rest of the area.
void FilesArea::connectFileList()
{
    connect(m_filterComboBox, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setPurposeFilter(m_filterComboBox->currentData().toString()); });
    connect(m_model, &FileListModel::loadingChanged, this, &FilesArea::updatePage);
    connect(m_model, &FileListModel::loadProgress, this, [this](int count) {
        setStatus(tr("Loading the list of files… %n so far", nullptr, count));
    });
    connect(m_model, &FileListModel::loadFinished, this, [this](bool ok) {
        if (ok)
            setStatus(m_model->rowCount() == 0 ? QString()
                                               : tr("%Ln file(s)", nullptr, m_model->rowCount()));
        else if (m_model->rowCount() > 0)
            setStatus(tr("The list could not be refreshed: %1").arg(m_model->errorMessage()));
        else
            setStatus({});
        updatePage();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &FilesArea::updatePage);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &FilesArea::updatePage);
    connect(m_model, &QAbstractItemModel::modelReset, this, &FilesArea::updatePage);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &FilesArea::updateDetails);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateDetails();
        updateActions();
    });
    connect(m_view, &QTableView::doubleClicked, this,
            [this] { action(QStringLiteral("detailsAction"))->setChecked(true); });
}

void FilesArea::createActions()
{
    const auto make = [this](const char *name, const QString &text, const QKeySequence &key,
                              const QString &tip) {
        auto *action = new QAction(text, this);
        action->setObjectName(QLatin1String(name));
        if (!key.isEmpty())
            action->setShortcut(key);
        // Only while the area has focus: the Datasets area has its own Delete.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(key.isEmpty()
                        ? tip
                        : tr("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        addAction(action);
        m_actions << action;
        return action;
    };
    connect(make("uploadDatasetAction", tr("Upload Open Dataset"), {},
                    tr("Send the dataset open in the Datasets area")),
            &QAction::triggered, this, &FilesArea::uploadOpenDataset);
    connect(make("uploadFileAction", tr("Upload File…"), QKeySequence(Qt::CTRL | Qt::Key_U),
                    tr("Send files from this computer")),
            &QAction::triggered, this, &FilesArea::chooseFiles);
    connect(make("refreshAction", tr("Refresh"), QKeySequence(Qt::Key_F5),
                    tr("Load the list of files again")),
            &QAction::triggered, this, &FilesArea::refresh);
    connect(make("saveContentAction", tr("Save Content…"), {},
                    tr("Download the selected file to this computer")),
            &QAction::triggered, this, &FilesArea::saveSelectedContent);
    connect(make("deleteAction", tr("Delete"), QKeySequence(QKeySequence::Delete),
                    tr("Delete the selected files on the service")),
            &QAction::triggered, this, &FilesArea::deleteSelected);
    QAction *details = make("detailsAction", tr("Details"), QKeySequence(Qt::CTRL | Qt::Key_I),
            tr("Show every detail of the selected file"));
    details->setCheckable(true);
    details->setChecked(true);
    connect(details, &QAction::toggled, this, [this](bool on) { m_details->setVisible(on); });
}

QAction *FilesArea::action(const QString &objectName) const
{
    for (QAction *action : m_actions) {
        if (action->objectName() == objectName)
            return action;
    }
    return nullptr;
}

QList<UploadTask *> FilesArea::uploads() const
{
    return m_queue->tasks();
}

UploadRow *FilesArea::rowFor(UploadTask *task) const
{
    const QList<UploadRow *> rows = m_uploadsPanel->findChildren<UploadRow *>();
    for (UploadRow *row : rows) {
        if (row->task() == task)
            return row;
    }
    return nullptr;
}

QString FilesArea::emptyText() const
{
    return m_pages->currentIndex() == 1 ? m_emptyLabel->text() : QString();
}

QString FilesArea::statusText() const
{
    return m_statusLabel->text();
}

void FilesArea::setSettings(AppSettings *settings)
{
    m_settings = settings;
    loadUploadChoices();
}

AppSettings &FilesArea::settings() const
{
    return m_settings ? *m_settings : AppSettings::standard();
}

// ---- connection and list ---------------------------------------------------------------------

void FilesArea::rebuildClient()
{
    ApiClient *old = m_client;
    m_client = nullptr;
    if (m_active && m_nam)
        m_client = new ApiClient(m_nam, m_active->connection(), this);
    m_model->setClient(m_client);
    delete m_provider;
    m_provider = m_client ? new ProviderClient(m_client, this) : nullptr;
    delete old;
    updateResumableChoice();
    m_details->setFile({});
    // While the key is being read the connection has no address yet: the state change that
    // follows loads the list (onConnectionStateChanged).
    if (m_client && m_active->state() != ActiveConnection::State::ReadingKey)
        refresh();
    checkPendingUploads();
    updateActions();
    updatePage();
}

void FilesArea::updateResumableChoice()
{
    const ProviderKind kind =
            m_client ? m_client->connection().providerKind() : ProviderKind::OpenAI;
    const bool openAiParts = kind != ProviderKind::Together && kind != ProviderKind::Fireworks;
    m_resumableCheckBox->setEnabled(openAiParts);
    if (openAiParts)
        m_resumableCheckBox->setToolTip(
                tr("Send every file in parts that survive a dropped connection. Files over "
                   "512 MB are always sent this way."));
    else if (kind == ProviderKind::Fireworks)
        m_resumableCheckBox->setToolTip(
                tr("Resumable uploads in parts are an OpenAI feature. Fireworks AI keeps each "
                   "file as a dataset sent in one piece: large files go straight to its "
                   "storage."));
    else
        m_resumableCheckBox->setToolTip(
                tr("Resumable uploads in parts are an OpenAI feature. Together AI takes "
                   "each file in one piece: large files go straight to its storage."));
}

void FilesArea::onConnectionStateChanged()
{
    // The key arrives from the keychain after connectionChanged(): load again with it.
    if (!m_active || !m_client)
        return;
    const Connection now = m_active->connection();
    const Connection &used = m_client->connection();
    if (now.apiKey != used.apiKey || now.apiBaseUrl() != used.apiBaseUrl()) {
        m_client->setConnection(now);
        refresh();
    } else if (m_active->state() != ActiveConnection::State::ReadingKey && !m_model->isLoaded()
            && !m_model->isLoading()) {
        refresh(); // the first load, held back while the key was being read
    }
}

void FilesArea::refresh()
{
    if (!m_client) {
        updatePage();
        return;
    }
    m_model->refresh();
    updatePage();
}

void FilesArea::updatePage()
{
    QString text;
    QString button;
    if (m_model->rowCount() == 0) {
        if (!m_client) {
            text = tr("No connection is active. Choose one in the Connection menu.");
        } else if (m_model->isLoading()) {
            text = tr("Loading the list of files…");
        } else if (!m_model->errorMessage().isEmpty()) {
            text = tr("The list of files could not be loaded.\n%1").arg(m_model->errorMessage());
            button = tr("Try Again");
        } else if (!m_model->purposeFilter().isEmpty()) {
            text = tr("No files of the kind “%1” on this connection.")
                           .arg(FileListModel::purposeText(m_model->purposeFilter()));
        } else if (m_model->isLoaded()) {
            if (m_queue->hasActive()) {
                text = tr("No files on this connection yet.\nYour upload appears here as soon as "
                          "it has arrived.");
            } else {
                text = tr("No files on this connection yet.\nDrop a dataset (JSONL file) here, "
                          "or choose Upload File… to send one.");
                button = tr("Upload File…");
            }
        }
    }
    m_emptyLabel->setText(text);
    m_emptyButton->setText(button);
    m_emptyButton->setVisible(!button.isEmpty());
    m_pages->setCurrentIndex(text.isEmpty() ? 0 : 1);
    updateActions();
}

QList<FileObject> FilesArea::selectedFiles() const
{
    QList<FileObject> files;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        files << m_model->file(m_proxy->mapToSource(index).row());
    return files;
}

void FilesArea::updateDetails()
{
    const QList<FileObject> files = selectedFiles();
    if (files.size() != 1) {
        m_details->setFile({});
        return;
    }
    const std::optional<DataUse> use = useOf(files.first().id);
    m_details->setFile(files.first(), use ? useText(*use) : QString());
}

void FilesArea::updateActions()
{
    const int selected = int(m_view->selectionModel()->selectedRows().size());
    action(QStringLiteral("refreshAction"))->setEnabled(m_client);
    action(QStringLiteral("uploadFileAction"))->setEnabled(m_client);
    action(QStringLiteral("deleteAction"))->setEnabled(m_client && selected > 0);
    action(QStringLiteral("saveContentAction"))
            ->setEnabled(m_client && selected == 1 && !m_download);
    const bool datasetOpen = m_datasets && !m_datasets->isWelcomeShown();
    QAction *uploadDataset = action(QStringLiteral("uploadDatasetAction"));
    uploadDataset->setEnabled(m_client && datasetOpen);
    uploadDataset->setToolTip(datasetOpen ? tr("Send “%1”, the dataset open in the Datasets area")
                                                    .arg(m_datasets->document()->displayName())
                                          : tr("Open a dataset in the Datasets area first"));
}

std::optional<DataUse> FilesArea::useOf(const QString &fileId) const
{
    const QString use = settings().fileUse(fileId);
    if (use.isEmpty())
        return std::nullopt;
    return use == QLatin1String("validation") ? DataUse::Validation : DataUse::Training;
}

void FilesArea::rememberUse(const QString &fileId, DataUse use)
{
    settings().setFileUse(fileId,
            use == DataUse::Validation ? QStringLiteral("validation") : QStringLiteral("training"));
}

void FilesArea::setStatus(const QString &text, bool cancellable)
{
    m_statusLabel->setText(text);
    m_statusCancelButton->setVisible(cancellable);
}

// ---- keys ------------------------------------------------------------------------------------

bool FilesArea::event(QEvent *event)
{
    // While the focus is here, this area's keys win over any window-wide use of the same keys
    // (which would otherwise be ambiguous, and then neither would work).
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (actionForKey(key)) {
            event->accept();
            return true;
        }
    }
    return QWidget::event(event);
}

void FilesArea::keyPressEvent(QKeyEvent *event)
{
    if (QAction *action = actionForKey(event)) {
        if (action->isEnabled())
            action->trigger();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

QAction *FilesArea::actionForKey(const QKeyEvent *event) const
{
    const QKeySequence pressed(event->keyCombination());
    for (QAction *action : m_actions) {
        if (!action->shortcut().isEmpty()
                && action->shortcut().matches(pressed) == QKeySequence::ExactMatch)
            return action;
    }
    return nullptr;
}

} // namespace fs::ui
