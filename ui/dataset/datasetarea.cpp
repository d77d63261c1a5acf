// SPDX-License-Identifier: GPL-3.0-or-later
#include "datasetarea.h"

#include "bulkdialogs.h"
#include "conversationeditor.h"
#include "datasetdocument.h"
#include "datasetexport.h"
#include "datasetrecovery.h"
#include "datasetstatistics.h"
#include "exampledelegate.h"
#include "examplesmodel.h"
#include "exportdialog.h"
#include "filedialog.h"
#include "findingspanel.h"
#include "importdialog.h"
#include "lastfolder.h"
#include "lintfixer.h"
#include "lintrunner.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "recentfiles.h"
#include "recoverydialog.h"
#include "searchfiltermodel.h"
#include "statisticspanel.h"
#include "welcomepage.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEventLoop>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>

// Outside any namespace, as Q_INIT_RESOURCE requires: the samples live in an object library.
static void initSampleResources()
{
    static bool done = false;
    if (!done) {
        done = true;
        Q_INIT_RESOURCE(fs_samples);
    }
}

namespace fs::ui {

namespace {

/// The keys of the example actions (Edit menu), also named in the buttons' tips. Ctrl+Shift+N is
/// the window's "New Fine-tuning Job…": adding an example has its own keys.
struct ExampleKeys
{
    QKeySequence add {Qt::CTRL | Qt::SHIFT | Qt::Key_E};
    QKeySequence duplicate {Qt::CTRL | Qt::Key_D};
    QKeySequence remove {Qt::CTRL | Qt::Key_Delete};
    QKeySequence up {Qt::CTRL | Qt::ALT | Qt::Key_Up};
    QKeySequence down {Qt::CTRL | Qt::ALT | Qt::Key_Down};
};

const ExampleKeys &exampleKeys()
{
    static const ExampleKeys keys;
    return keys;
}

bool isResourcePath(const QString &path)
{
    return path.startsWith(QLatin1Char(':'));
}

QString fileFilter()
{
    return DatasetArea::tr("Training files (*.jsonl *.json *.txt);;All files (*)");
}

} // namespace

DatasetArea::DatasetArea(AppSettings *settings, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_document(new DatasetDocument(this))
    , m_model(new ExamplesModel(this))
    , m_filter(new SearchFilterModel(this))
    , m_lintRunner(new LintRunner(m_document, this))
    , m_recent(new RecentFiles(settings, this))
    , m_lastFolder(std::make_unique<LastFolder>(settings, AppSettings::Folder::Datasets))
{
    initSampleResources();
    setObjectName(QStringLiteral("datasetArea"));
    setAcceptDrops(true);
    m_model->setDocument(m_document);
    m_filter->setSourceModel(m_model);

    m_pages = new QStackedWidget(this);
    m_welcomePage = new WelcomePage(m_recent, m_pages);
    m_pages->addWidget(m_welcomePage);
    m_pages->addWidget(createEditorPage());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    connect(m_welcomePage, &WelcomePage::newRequested, this, &DatasetArea::newDataset);
    connect(m_welcomePage, &WelcomePage::openRequested, this, &DatasetArea::open);
    connect(m_welcomePage, &WelcomePage::importRequested, this, [this] { importFile(); });
    connect(m_welcomePage, &WelcomePage::openFileRequested, this, &DatasetArea::openFile);
    connect(m_welcomePage, &WelcomePage::openSampleRequested, this, &DatasetArea::openFile);

    createActions();

    connect(m_document, &DatasetDocument::modifiedChanged, this, &DatasetArea::updateTitle);
    connect(m_document, &DatasetDocument::filePathChanged, this, &DatasetArea::updateTitle);
    connect(m_document, &DatasetDocument::loadProgress, this, [this](qint64 done, qint64 total) {
        if (m_busy)
            return;
        m_progressWidget->show();
        m_progressLabel->setText(tr("Opening…"));
        // Kilobytes keep big files within the progress bar's int range.
        m_progressBar->setRange(0, int(qMax<qint64>(1, total / 1024)));
        m_progressBar->setValue(int(done / 1024));
    });
    connect(m_document, &DatasetDocument::loadFinished, this, &DatasetArea::onLoadFinished);
    connect(m_lintRunner, &LintRunner::started, this, [this](int total) {
        if (m_document->isLoading() || m_busy)
            return;
        m_progressWidget->show();
        m_progressLabel->setText(tr("Checking the examples and counting tokens…"));
        m_progressBar->setRange(0, qMax(1, total));
        m_progressBar->setValue(0);
    });
    connect(m_lintRunner, &LintRunner::progress, this, [this](int done, int total) {
        if (m_document->isLoading() || m_busy)
            return;
        m_progressBar->setRange(0, qMax(1, total));
        m_progressBar->setValue(done);
    });
    connect(m_lintRunner, &LintRunner::finished, this, [this] {
        if (!m_document->isLoading() && !m_busy)
            m_progressWidget->hide();
    });
    connect(m_document->undoStack(), &QUndoStack::indexChanged, this, [this] {
        if (m_document->isSaving())
            m_editedWhileSaving = true;
        updateActions();
    });
    connect(m_document, &DatasetDocument::saveFinished, this, &DatasetArea::onSaveFinished);
    connect(m_document, &DatasetDocument::bulkFinished, this, &DatasetArea::onBulkFinished);
    // Rows added, removed or moved before the current one change its number without a
    // currentRowChanged (and a removed current row is replaced while the old numbers still
    // hold): the editor follows the row the list shows as current once the change is done
    // (queued: the proxy maps the new numbers only after its signals).
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &DatasetArea::followCurrentRow,
            Qt::QueuedConnection);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &DatasetArea::followCurrentRow,
            Qt::QueuedConnection);
    connect(m_filter, &QAbstractItemModel::rowsMoved, this, &DatasetArea::followCurrentRow,
            Qt::QueuedConnection);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &DatasetArea::followCurrentRow,
            Qt::QueuedConnection);
    connect(m_filter, &SearchFilterModel::searchStarted, this,
            [this] { m_countLabel->setText(tr("Searching…")); });
    connect(m_filter, &SearchFilterModel::searchFinished, this, &DatasetArea::onFilterChanged);
    connect(m_findingsPanel, &FindingsPanel::jumpRequested, this, &DatasetArea::jumpTo);
    connect(m_findingsPanel, &FindingsPanel::fixRequested, this, &DatasetArea::applyFix);
    // A change to every example re-lints each one and reports each: show the current example's
    // problems once the burst is over, not 100,000 times in a row.
    m_findingsTimer = new QTimer(this);
    m_findingsTimer->setSingleShot(true);
    m_findingsTimer->setInterval(0);
    connect(m_findingsTimer, &QTimer::timeout, this, [this] {
        if (currentRow() >= 0 && currentRow() < m_lintRunner->state().count())
            m_editor->setFindings(m_lintRunner->findings(currentRow()));
    });
    connect(m_lintRunner, &LintRunner::findingsChanged, m_findingsTimer,
            qOverload<>(&QTimer::start));
    connect(m_statisticsPanel, &StatisticsPanel::modelChanged, this, [this](const QString &model) {
        LintOptions options = m_lintRunner->options();
        options.model = model;
        m_lintRunner->setOptions(options);
        m_model->setTokenLimit(Linter::trainingLimit(model));
        m_statisticsPanel->setTokenLimit(Linter::trainingLimit(model));
        m_document->setTokenCounter(makeTokenCounter(Tokenizer::encodingForModel(model)));
    });
    const QString model = m_statisticsPanel->currentModel();
    LintOptions options;
    options.model = model;
    m_lintRunner->setOptions(options);
    m_model->setTokenLimit(Linter::trainingLimit(model));
    m_statisticsPanel->setTokenLimit(Linter::trainingLimit(model));
    m_document->setTokenCounter(makeTokenCounter(Tokenizer::encodingForModel(model)));

    showEditor(false);
    updateTitle();
}

DatasetArea::~DatasetArea()
{
    // Nothing may react to the document from here on: cancelling a load emits loadFinished,
    // which would start the lint runner again and update widgets being torn down.
    disconnect(m_document, nullptr, this, nullptr);
    disconnect(m_document, nullptr, m_lintRunner, nullptr);
    disconnect(m_document->undoStack(), nullptr, this, nullptr);
    // The runner's thread reads the document: stop it before either goes away.
    m_lintRunner->cancel();
    m_document->cancelLoad();
    delete m_lintRunner;
    delete m_document;
}

QWidget *DatasetArea::createEditorPage()
{
    auto *page = new QWidget(this);
    m_searchLineEdit = new QLineEdit(page);
    m_searchLineEdit->setObjectName(QStringLiteral("searchLineEdit"));
    m_searchLineEdit->setPlaceholderText(tr("Search the examples"));
    m_searchLineEdit->setClearButtonEnabled(true);
    m_roleComboBox = new QComboBox(page);
    m_roleComboBox->setObjectName(QStringLiteral("roleFilterComboBox"));
    m_roleComboBox->setAccessibleName(tr("Only examples with a message of this role"));
    m_roleComboBox->addItem(tr("Any messages"), QString());
    m_roleComboBox->addItem(tr("With a system message"), QStringLiteral("system"));
    m_roleComboBox->addItem(tr("With a developer message"), QStringLiteral("developer"));
    m_roleComboBox->addItem(tr("With a tool result"), QStringLiteral("tool"));
    m_errorsCheckBox = new QCheckBox(tr("Only with errors"), page);
    m_errorsCheckBox->setObjectName(QStringLiteral("onlyErrorsCheckBox"));
    m_overLimitCheckBox = new QCheckBox(tr("Only too long"), page);
    m_overLimitCheckBox->setObjectName(QStringLiteral("onlyOverLimitCheckBox"));
    m_overLimitCheckBox->setToolTip(tr("Examples longer than the chosen model can learn from"));
    m_countLabel = new QLabel(page);
    m_countLabel->setObjectName(QStringLiteral("exampleCountLabel"));
    // Matching 100,000 examples takes a while: wait until typing pauses, then match in slices
    // (SearchFilterModel). Clearing the box shows everything at once.
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(250);
    connect(m_searchTimer, &QTimer::timeout, this,
            [this] { m_filter->setSearchText(m_searchLineEdit->text()); });
    connect(m_searchLineEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty()) {
            m_searchTimer->stop();
            m_filter->setSearchText(text);
        } else {
            m_searchTimer->start();
        }
    });
    connect(m_roleComboBox, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setRole(m_roleComboBox->currentData().toString());
        onFilterChanged();
    });
    connect(m_errorsCheckBox, &QCheckBox::toggled, this, [this](bool on) {
        m_filter->setOnlyWithErrors(on);
        onFilterChanged();
    });
    connect(m_overLimitCheckBox, &QCheckBox::toggled, this, [this](bool on) {
        m_filter->setOnlyOverLimit(on);
        onFilterChanged();
    });
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_searchLineEdit, 2);
    filters->addWidget(m_roleComboBox);
    filters->addWidget(m_errorsCheckBox);
    filters->addWidget(m_overLimitCheckBox);
    filters->addStretch(1);
    filters->addWidget(m_countLabel);

    m_examplesTableView = new QTableView(page);
    m_examplesTableView->setObjectName(QStringLiteral("examplesTableView"));
    m_examplesTableView->setAccessibleName(tr("Examples"));
    m_examplesTableView->setModel(m_filter);
    m_examplesTableView->setItemDelegate(new ExampleDelegate(m_examplesTableView));
    m_examplesTableView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_examplesTableView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_examplesTableView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_examplesTableView->setWordWrap(false);
    m_examplesTableView->setAlternatingRowColors(true);
    // Fixed row heights: the view never measures rows, so a million examples scroll smoothly.
    QHeaderView *vertical = m_examplesTableView->verticalHeader();
    vertical->setSectionResizeMode(QHeaderView::Fixed);
    vertical->setDefaultSectionSize(fontMetrics().height() + 10);
    vertical->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("00000")));
    QHeaderView *horizontal = m_examplesTableView->horizontalHeader();
    horizontal->setSectionResizeMode(ExamplesModel::PreviewColumn, QHeaderView::Stretch);
    // Each count column as wide as its header or its numbers, whichever is wider (Japanese
    // headers are wider); the first user message gets the rest, never less than its header.
    const int headerMargin = 2 * style()->pixelMetric(QStyle::PM_HeaderMargin) + 8;
    auto headerWidth = [this, horizontal, headerMargin](int column) {
        return horizontal->fontMetrics().horizontalAdvance(
                       m_filter->headerData(column, Qt::Horizontal).toString())
                + headerMargin;
    };
    int listWidth = headerWidth(ExamplesModel::PreviewColumn) + vertical->minimumWidth()
            + style()->pixelMetric(QStyle::PM_ScrollBarExtent)
            + 2 * m_examplesTableView->frameWidth();
    for (int column : {int(ExamplesModel::MessagesColumn), int(ExamplesModel::TokensColumn),
                 int(ExamplesModel::IssuesColumn)}) {
        const int width = std::max({headerWidth(column),
                fontMetrics().horizontalAdvance(QStringLiteral("000000")) + 16, 72});
        horizontal->setSectionResizeMode(column, QHeaderView::Fixed);
        horizontal->resizeSection(column, width);
        listWidth += width;
    }
    m_examplesTableView->setMinimumWidth(listWidth);
    connect(m_examplesTableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DatasetArea::onCurrentRowChanged);
    connect(m_examplesTableView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DatasetArea::updateActions);

    auto exampleButton = [page](const QString &text, const QString &name, const QString &tip) {
        auto *button = new QToolButton(page);
        button->setText(text);
        button->setObjectName(name);
        button->setToolTip(tip);
        return button;
    };
    // The tips name the keys of the matching Edit menu entries (one definition: exampleKeys()).
    auto keys = [](const QKeySequence &k) { return k.toString(QKeySequence::NativeText); };
    auto *addButton = exampleButton(tr("Add"), QStringLiteral("addExampleToolButton"),
            tr("Add an example after the current one (%1)").arg(keys(exampleKeys().add)));
    auto *duplicateButton =
            exampleButton(tr("Duplicate"), QStringLiteral("duplicateExampleToolButton"),
                    tr("Copy the current example (%1)").arg(keys(exampleKeys().duplicate)));
    auto *deleteButton = exampleButton(tr("Delete"), QStringLiteral("deleteExamplesToolButton"),
            tr("Delete the selected examples (%1)").arg(keys(exampleKeys().remove)));
    auto *upButton = exampleButton(tr("Up"), QStringLiteral("moveExampleUpToolButton"),
            tr("Move the example up (%1)").arg(keys(exampleKeys().up)));
    auto *downButton = exampleButton(tr("Down"), QStringLiteral("moveExampleDownToolButton"),
            tr("Move the example down (%1)").arg(keys(exampleKeys().down)));
    connect(addButton, &QToolButton::clicked, this, &DatasetArea::addExample);
    connect(duplicateButton, &QToolButton::clicked, this, &DatasetArea::duplicateExample);
    connect(deleteButton, &QToolButton::clicked, this, &DatasetArea::deleteSelectedExamples);
    connect(upButton, &QToolButton::clicked, this, [this] { moveExample(-1); });
    connect(downButton, &QToolButton::clicked, this, [this] { moveExample(1); });
    auto *exampleButtons = new QHBoxLayout;
    for (QToolButton *button : {addButton, duplicateButton, deleteButton, upButton, downButton})
        exampleButtons->addWidget(button);
    exampleButtons->addStretch(1);

    auto *listWidget = new QWidget(page);
    auto *listLayout = new QVBoxLayout(listWidget);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_examplesTableView, 1);
    listLayout->addLayout(exampleButtons);

    m_editor = new ConversationEditor(page);
    m_editor->setDocument(m_document);

    m_sideTabWidget = new QTabWidget(page);
    m_sideTabWidget->setObjectName(QStringLiteral("sideTabWidget"));
    m_findingsPanel = new FindingsPanel(m_sideTabWidget);
    m_findingsPanel->setRunner(m_lintRunner);
    m_statisticsPanel = new StatisticsPanel(m_settings, m_sideTabWidget);
    m_statisticsPanel->setDocument(m_document);
    m_sideTabWidget->addTab(m_findingsPanel, tr("Problems"));
    m_sideTabWidget->addTab(m_statisticsPanel, tr("Tokens and Cost"));

    auto *rightSplitter = new QSplitter(Qt::Vertical, page);
    rightSplitter->addWidget(m_editor);
    rightSplitter->addWidget(m_sideTabWidget);
    rightSplitter->setStretchFactor(0, 3);
    rightSplitter->setStretchFactor(1, 2);
    // The conversation is what people work on: it gets most of the height.
    rightSplitter->setSizes({520, 260});
    auto *splitter = new QSplitter(Qt::Horizontal, page);
    splitter->setObjectName(QStringLiteral("datasetSplitter"));
    splitter->addWidget(listWidget);
    splitter->addWidget(rightSplitter);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    m_progressWidget = new QWidget(page);
    m_progressBar = new QProgressBar(m_progressWidget);
    m_progressBar->setObjectName(QStringLiteral("progressBar"));
    m_progressLabel = new QLabel(m_progressWidget);
    m_cancelButton = new QPushButton(tr("Stop"), m_progressWidget);
    m_cancelButton->setObjectName(QStringLiteral("cancelPushButton"));
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (m_busy)
            return; // saving and bulk changes cannot be stopped halfway (the button is hidden)
        if (m_document->isLoading())
            m_document->cancelLoad();
        else
            m_lintRunner->cancel();
    });
    auto *progress = new QHBoxLayout(m_progressWidget);
    progress->setContentsMargins(0, 0, 0, 0);
    progress->addWidget(m_progressLabel);
    progress->addWidget(m_progressBar, 1);
    progress->addWidget(m_cancelButton);
    m_progressWidget->hide();

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_progressWidget);
    return page;
}

void DatasetArea::createActions()
{
    auto make = [this](const QString &text, const QString &name, const QKeySequence &keys,
                        auto slot, bool needsDocument = true) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcut(keys);
        connect(action, &QAction::triggered, this, slot);
        if (needsDocument)
            m_documentActions << action;
        return action;
    };
    make(
            tr("&New Dataset"), QStringLiteral("newDatasetAction"), QKeySequence::New,
            [this] { newDataset(); }, false);
    make(
            tr("&Open Dataset…"), QStringLiteral("openDatasetAction"), QKeySequence::Open,
            [this] { open(); }, false);
    make(tr("&Save"), QStringLiteral("saveAction"), QKeySequence(Qt::CTRL | Qt::Key_S),
            [this] { save(); });
    make(tr("Save &As…"), QStringLiteral("saveAsAction"),
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), [this] { saveAs(); });
    make(
            tr("&Import from a Spreadsheet…"), QStringLiteral("importAction"), QKeySequence(),
            [this] { importFile(); }, false);
    make(tr("&Export Training and Validation Files…"), QStringLiteral("exportSplitAction"),
            QKeySequence(), [this] { exportSplit(); });
    make(tr("Export the Selected &Examples…"), QStringLiteral("exportSelectionAction"),
            QKeySequence(), [this] { exportSelection(); });
    make(tr("&Close Dataset"), QStringLiteral("closeDatasetAction"),
            QKeySequence(Qt::CTRL | Qt::Key_W), [this] { closeDataset(); });

    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("undoAction"));
    undo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("redoAction"));
    redo->setShortcuts(
            {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});

    make(tr("Add an E&xample"), QStringLiteral("addExampleAction"), exampleKeys().add,
            [this] { addExample(); });
    make(tr("D&uplicate the Example"), QStringLiteral("duplicateExampleAction"),
            exampleKeys().duplicate, [this] { duplicateExample(); });
    make(tr("&Delete the Selected Examples"), QStringLiteral("deleteExamplesAction"),
            exampleKeys().remove, [this] { deleteSelectedExamples(); });
    make(tr("Move the Example U&p"), QStringLiteral("moveExampleUpAction"), exampleKeys().up,
            [this] { moveExample(-1); });
    make(tr("Move the Example Dow&n"), QStringLiteral("moveExampleDownAction"), exampleKeys().down,
            [this] { moveExample(1); });
    make(tr("Set the &System Message…"), QStringLiteral("systemPromptAction"), QKeySequence(),
            [this] { setSystemPrompt(); });
    make(tr("&Find and Replace…"), QStringLiteral("findReplaceAction"),
            QKeySequence(Qt::CTRL | Qt::Key_H), [this] { findReplace(); });
    auto *search = make(
            tr("Searc&h the Examples"), QStringLiteral("searchAction"), QKeySequence::Find, [this] {
                m_searchLineEdit->setFocus();
                m_searchLineEdit->selectAll();
            });
    Q_UNUSED(search)

    m_recentMenu = new QMenu(tr("Open &Recent"), this);
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recent, &RecentFiles::changed, this, &DatasetArea::rebuildRecentMenu);
    rebuildRecentMenu();
    updateActions();
}

QAction *DatasetArea::action(const QString &objectName) const
{
    return findChild<QAction *>(objectName, Qt::FindDirectChildrenOnly);
}

void DatasetArea::attachTo(MainWindow *window)
{
    m_window = window;
    QMenu *file = window->fileMenu();
    QAction *quit = window->findChild<QAction *>(QStringLiteral("quitAction"));
    const QList<QAction *> fileActions = {action(QStringLiteral("newDatasetAction")),
            action(QStringLiteral("openDatasetAction"))};
    file->insertActions(quit, fileActions);
    file->insertMenu(quit, m_recentMenu);
    file->insertActions(
            quit, {action(QStringLiteral("saveAction")), action(QStringLiteral("saveAsAction"))});
    file->insertSeparator(quit);
    file->insertActions(quit,
            {action(QStringLiteral("importAction")), action(QStringLiteral("exportSplitAction")),
                    action(QStringLiteral("exportSelectionAction"))});
    file->insertSeparator(quit);
    file->insertAction(quit, action(QStringLiteral("closeDatasetAction")));
    file->insertSeparator(quit);

    QMenu *edit = window->editMenu();
    edit->addAction(action(QStringLiteral("undoAction")));
    edit->addAction(action(QStringLiteral("redoAction")));
    edit->addSeparator();
    for (const char *name : {"addExampleAction", "duplicateExampleAction", "deleteExamplesAction",
                 "moveExampleUpAction", "moveExampleDownAction"})
        edit->addAction(action(QLatin1String(name)));
    edit->addSeparator();
    for (const char *name : {"systemPromptAction", "findReplaceAction", "searchAction"})
        edit->addAction(action(QLatin1String(name)));
    window->installEventFilter(this);
    updateTitle();
}

bool DatasetArea::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Close) {
        if (!maybeSave()) {
            event->ignore();
            return true;
        }
        // Closed on purpose: the unsaved work is not a crash to recover from.
        if (!m_document->recoveryFilePath().isEmpty())
            DatasetRecovery::discard(m_document->recoveryFilePath());
    }
    return QWidget::eventFilter(watched, event);
}

void DatasetArea::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() && event->mimeData()->urls().value(0).isLocalFile())
        event->acceptProposedAction();
}

void DatasetArea::dropEvent(QDropEvent *event)
{
    const QString path = event->mimeData()->urls().value(0).toLocalFile();
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("csv") || suffix == QLatin1String("tsv")
            || suffix == QLatin1String("tab"))
        importFile(path);
    else
        openFile(path);
}

bool DatasetArea::isWelcomeShown() const
{
    return m_pages->currentWidget() == m_welcomePage;
}

void DatasetArea::setRecoveryDirectory(const QString &dir)
{
    m_recoveryDir = dir;
    m_document->setRecoveryDirectory(dir);
}

void DatasetArea::showEditor(bool editor)
{
    m_open = editor;
    m_pages->setCurrentIndex(editor ? 1 : 0);
    updateActions();
    updateTitle();
}

void DatasetArea::updateTitle()
{
    QString title;
    if (m_open) {
        title = m_document->displayName();
        if (isResourcePath(m_document->filePath()))
            title = tr("%1 (sample)").arg(title);
    }
    if (m_window) {
        m_window->setDocumentTitle(title);
        m_window->setWindowModified(m_open && m_document->isModified());
    }
    Q_EMIT titleChanged(title);
}

void DatasetArea::updateActions()
{
    for (QAction *a : std::as_const(m_documentActions))
        a->setEnabled(m_open);
    if (!m_open)
        return;
    const bool hasRow = currentRow() >= 0;
    action(QStringLiteral("duplicateExampleAction"))->setEnabled(hasRow);
    // hasSelection(), not selectedRows(): this runs at every edit, and a selection can hold
    // 100,000 rows.
    const bool hasSelection = m_examplesTableView->selectionModel()->hasSelection();
    action(QStringLiteral("deleteExamplesAction"))->setEnabled(hasSelection);
    action(QStringLiteral("moveExampleUpAction"))->setEnabled(hasRow && currentRow() > 0);
    action(QStringLiteral("moveExampleDownAction"))
            ->setEnabled(hasRow && currentRow() + 1 < m_document->count());
    action(QStringLiteral("exportSelectionAction"))->setEnabled(hasSelection);
}

void DatasetArea::onFilterChanged()
{
    updateFilterCount();
    if (!m_examplesTableView->isVisible())
        return;
    // Lay the list out for its new length now: scrolled further down than the shorter list
    // reaches, the row header would otherwise paint every one of its (maybe 100,000) sections.
    m_examplesTableView->doItemsLayout();
    const QModelIndex current = m_examplesTableView->currentIndex();
    if (current.isValid())
        m_examplesTableView->scrollTo(current);
    else
        m_examplesTableView->scrollToTop();
}

void DatasetArea::updateFilterCount()
{
    const int all = m_document->count();
    const int shown = m_filter->rowCount();
    m_countLabel->setText(shown == all
                    ? tr("Examples: %1").arg(QLocale().toString(all))
                    : tr("Showing %1 of %2 examples")
                              .arg(QLocale().toString(shown), QLocale().toString(all)));
}

void DatasetArea::rebuildRecentMenu()
{
    m_recentMenu->clear();
    for (const QString &path : m_recent->files()) {
        QAction *a = m_recentMenu->addAction(QFileInfo(path).fileName());
        a->setToolTip(path);
        connect(a, &QAction::triggered, this, [this, path] { openFile(path); });
    }
    m_recentMenu->setEnabled(!m_recent->files().isEmpty());
}

int DatasetArea::currentRow() const
{
    const QModelIndex current = m_examplesTableView->currentIndex();
    return current.isValid() ? m_filter->mapToSource(current).row() : -1;
}

QList<int> DatasetArea::selectedRows() const
{
    QList<int> rows = m_filter->sourceRows(m_examplesTableView->selectionModel()->selectedRows());
    std::sort(rows.begin(), rows.end());
    return rows;
}

void DatasetArea::selectRow(int row)
{
    QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
    if (!index.isValid() && row >= 0 && row < m_document->count()) {
        // The example is hidden by a filter: show everything so the jump lands somewhere visible.
        m_searchLineEdit->clear();
        m_roleComboBox->setCurrentIndex(0);
        m_errorsCheckBox->setChecked(false);
        m_overLimitCheckBox->setChecked(false);
        index = m_filter->mapFromSource(m_model->index(row, 0));
    }
    if (!index.isValid())
        return;
    m_examplesTableView->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_examplesTableView->scrollTo(index);
    followCurrentRow(); // the same index after a removal: no currentRowChanged
}

void DatasetArea::followCurrentRow()
{
    if (m_editor->row() != currentRow())
        onCurrentRowChanged();
}

void DatasetArea::onCurrentRowChanged()
{
    const int row = currentRow();
    m_editor->setRow(row);
    if (row >= 0 && row < m_lintRunner->state().count())
        m_editor->setFindings(m_lintRunner->findings(row));
    updateActions();
}

QString DatasetArea::fileDialogFolder() const
{
    return m_lastFolder->folder();
}

QString DatasetArea::askPath(const QString &kind)
{
    // Every dataset dialog starts where the person last opened or saved a file.
    const QString path = runFileDialog(kind);
    m_lastFolder->remember(path);
    return path;
}

QString DatasetArea::runFileDialog(const QString &kind)
{
    const QString dir = m_lastFolder->folder();
    if (kind == QLatin1String("open"))
        return FileDialog::getOpenFileName(this, kind, tr("Open Dataset"), dir, fileFilter());
    if (kind == QLatin1String("import"))
        return FileDialog::getOpenFileName(this, kind, tr("Import Examples"), dir,
                tr("Spreadsheets and data files (*.csv *.tsv *.tab *.json *.jsonl);;All files "
                   "(*)"));
    if (kind == QLatin1String("export"))
        return FileDialog::getSaveFileName(
                this, kind, tr("Export the Selected Examples"), dir, fileFilter());
    const QString start = isResourcePath(m_document->filePath()) || m_document->filePath().isEmpty()
            ? m_lastFolder->startPath(m_document->displayName())
            : m_document->filePath();
    return FileDialog::getSaveFileName(this, kind, tr("Save Dataset"), start, fileFilter());
}

void DatasetArea::newDataset()
{
    if (!maybeSave())
        return;
    m_document->clear();
    showEditor(true);
    addExample();
}

void DatasetArea::open()
{
    const QString path = askPath(QStringLiteral("open"));
    if (!path.isEmpty())
        openFile(path);
}

bool DatasetArea::openFile(const QString &path)
{
    if (!maybeSave())
        return false;
    if (!QFileInfo::exists(path)) {
        MessageBox::warning(this, tr("Open Dataset"),
                tr("The file “%1” could not be found.").arg(QFileInfo(path).fileName()),
                tr("It may have been moved or deleted."));
        m_recent->remove(path);
        return false;
    }
    // Work left unsaved by a crash is offered before the file opens without it.
    if (const auto file = DatasetRecovery::findFor(path, m_recoveryDir)) {
        showRecoveryOffer(*file, [this, path](bool) { loadFile(path); });
        return true;
    }
    loadFile(path);
    return true;
}

int DatasetArea::openFiles(const QStringList &paths)
{
    QStringList existing;
    QStringList missing;
    for (const QString &path : paths)
        (QFileInfo(path).isFile() ? existing : missing).append(path);
    if (!missing.isEmpty()) {
        QStringList names;
        for (const QString &path : std::as_const(missing))
            names << QFileInfo(path).fileName();
        MessageBox::warning(this, tr("Open Dataset"),
                tr("These files could not be found: %1.").arg(names.join(QStringLiteral(", "))),
                tr("They may have been moved or deleted."));
    }
    if (existing.isEmpty())
        return 0;
    // One dataset at a time: the others wait in Open Recent (the first ends up on top).
    for (qsizetype i = existing.size() - 1; i > 0; --i)
        m_recent->add(existing.at(i));
    if (openFile(QFileInfo(existing.first()).absoluteFilePath()) && existing.size() > 1) {
        QStringList others;
        for (qsizetype i = 1; i < existing.size(); ++i)
            others << QStringLiteral("“%1”").arg(QFileInfo(existing.at(i)).fileName());
        MessageBox::information(this, tr("Open Dataset"),
                tr("Finetune Studio edits one dataset at a time. It opened “%1”.")
                        .arg(QFileInfo(existing.first()).fileName()),
                tr("The other files are waiting under File ▸ Open Recent: %1.")
                        .arg(others.join(QStringLiteral(", "))));
    }
    return int(existing.size());
}

void DatasetArea::loadFile(const QString &path)
{
    // A search of the previous file would be matched against every row as it arrives.
    m_searchLineEdit->clear();
    showEditor(true);
    m_progressWidget->show();
    m_progressLabel->setText(tr("Opening…"));
    m_progressBar->setRange(0, 0);
    m_document->openAsync(path);
    if (!isResourcePath(path))
        m_recent->add(path);
    updateTitle();
}

void DatasetArea::onLoadFinished()
{
    m_progressWidget->setVisible(m_lintRunner->isRunning());
    updateFilterCount();
    updateTitle();
    if (currentRow() < 0 && m_document->count() > 0)
        selectRow(0);
    const QList<JsonlIssue> issues = m_document->loadIssues();
    Q_UNUSED(issues) // the linter lists them with the other problems
}

bool DatasetArea::writeTo(const QString &path)
{
    if (m_document->isLoading()) {
        MessageBox::information(this, tr("Save Dataset"),
                tr("The dataset is still opening. Save it once it is fully open."));
        return false;
    }
    if (m_document->isSaving()) {
        // Saved again once the running save is done: it may not hold the latest edits.
        m_queuedSave = path;
        return true;
    }
    m_editedWhileSaving = false;
    m_lastSaveOk = false;
    beginBusy(tr("Saving…"));
    // The document writes a copy of its lines in a worker thread; editing may go on meanwhile.
    m_document->saveAsync(path);
    return true;
}

void DatasetArea::onSaveFinished(const DatasetError &error)
{
    endBusy();
    m_lastSaveOk = !error.isError();
    if (error.isError()) {
        m_queuedSave.clear();
        MessageBox::warning(this, tr("Save Dataset"), error.message,
                tr("Your examples are still here; try saving them somewhere else."));
        Q_EMIT saveFinished(false);
        return;
    }
    // The document compares undo positions; an edit undone and replaced by another while saving
    // lands on the same position with other content, so any edit meanwhile keeps the marker.
    if (m_editedWhileSaving && m_document->undoStack()->isClean())
        m_document->undoStack()->resetClean();
    m_recent->add(m_document->filePath());
    updateTitle();
    Q_EMIT saveFinished(true);
    if (!m_queuedSave.isEmpty()) {
        const QString next = std::exchange(m_queuedSave, QString());
        if (m_document->isModified())
            writeTo(next);
    }
}

void DatasetArea::onBulkFinished(int count)
{
    if (count < 0) {
        MessageBox::information(this, tr("Change Many Examples"),
                tr("Another change to many examples is still running. Try again when it is "
                   "done."));
        return;
    }
    endBusy();
    updateFilterCount();
}

void DatasetArea::beginBusy(const QString &text)
{
    m_busy = true;
    m_progressLabel->setText(text);
    m_progressBar->setRange(0, 0);
    m_cancelButton->hide();
    m_progressWidget->show();
}

void DatasetArea::endBusy()
{
    if (m_document->isSaving() || m_document->isBulkRunning())
        return;
    m_busy = false;
    m_cancelButton->show();
    if (m_document->isLoading()) {
        m_progressLabel->setText(tr("Opening…"));
    } else if (m_lintRunner->isRunning()) {
        m_progressLabel->setText(tr("Checking the examples and counting tokens…"));
        m_progressBar->setRange(0, 1);
        m_progressBar->setValue(0); // the runner's next progress report fills it in
    } else {
        m_progressWidget->hide();
    }
}

void DatasetArea::waitForBackgroundWork()
{
    if (!m_document->isSaving() && !m_document->isBulkRunning())
        return;
    QEventLoop loop;
    auto quitWhenDone = [this, &loop] {
        if (!m_document->isSaving() && !m_document->isBulkRunning())
            loop.quit();
    };
    // Queued: the document's own handlers finish before we look again.
    connect(m_document, &DatasetDocument::saveFinished, &loop, quitWhenDone, Qt::QueuedConnection);
    connect(m_document, &DatasetDocument::bulkFinished, &loop, quitWhenDone, Qt::QueuedConnection);
    loop.exec(QEventLoop::ExcludeUserInputEvents);
}

ExamplesFilterModel *DatasetArea::filterModel() const
{
    return m_filter;
}

bool DatasetArea::isSaving() const
{
    return m_document->isSaving();
}

bool DatasetArea::isBulkRunning() const
{
    return m_document->isBulkRunning();
}

bool DatasetArea::save()
{
    if (!m_open)
        return false;
    if (m_document->filePath().isEmpty() || isResourcePath(m_document->filePath()))
        return saveAs();
    return writeTo(m_document->filePath());
}

bool DatasetArea::saveAs()
{
    if (!m_open)
        return false;
    QString path = askPath(QStringLiteral("save"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".jsonl");
    return writeTo(path);
}

bool DatasetArea::maybeSave()
{
    // Opening, clearing or closing under a running save or bulk change would hand its result
    // to the wrong contents.
    waitForBackgroundWork();
    if (!m_open || !m_document->isModified())
        return true;
    const auto answer = MessageBox::question(this, tr("Unsaved Changes"),
            tr("Do you want to save the changes to “%1”?").arg(m_document->displayName()),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save,
            tr("If you don't save, your changes will be lost."));
    if (answer == QMessageBox::Save) {
        if (!save())
            return false;
        waitForBackgroundWork();
        return m_lastSaveOk && !m_document->isModified();
    }
    if (answer == QMessageBox::Discard) {
        if (!m_document->recoveryFilePath().isEmpty())
            DatasetRecovery::discard(m_document->recoveryFilePath());
        return true;
    }
    return false;
}

void DatasetArea::closeDataset()
{
    if (!maybeSave())
        return;
    m_document->clear();
    showEditor(false);
}

void DatasetArea::importFile(const QString &givenPath)
{
    const QString path = givenPath.isEmpty() ? askPath(QStringLiteral("import")) : givenPath;
    if (path.isEmpty())
        return;
    auto *dialog = new ImportDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    DatasetError error;
    if (!dialog->load(path, &error)) {
        delete dialog;
        MessageBox::warning(this, tr("Import Examples"), error.message);
        return;
    }
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const ImportResult result = dialog->result();
        if (result.examples.isEmpty())
            return;
        if (!m_open) {
            m_document->clear();
            showEditor(true);
        }
        // Into a new dataset nobody has written in yet, they take the blank example's place.
        const int first = m_document->importExamples(result.examples, tr("Import Examples"));
        updateFilterCount();
        selectRow(first);
    });
    dialog->setWindowModality(Qt::WindowModal);
    dialog->show();
}

void DatasetArea::exportSplit()
{
    if (!m_open)
        return;
    auto *dialog = new ExportSplitDialog(m_document, m_lastFolder->folder(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const DatasetError error = dialog->exportNow();
        if (error.isError())
            MessageBox::warning(this, tr("Export"), error.message);
        else
            m_lastFolder->remember(dialog->trainingPath());
    });
    dialog->setWindowModality(Qt::WindowModal);
    dialog->show();
}

void DatasetArea::exportSelection()
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty())
        return;
    QString path = askPath(QStringLiteral("export"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".jsonl");
    const DatasetError error = DatasetExporter::exportRows(*m_document, rows, path);
    if (error.isError())
        MessageBox::warning(this, tr("Export"), error.message);
}

void DatasetArea::setSystemPrompt()
{
    if (!m_open)
        return;
    auto *dialog = new SystemPromptDialog(m_document, selectedRows(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (dialog->apply())
            beginBusy(tr("Setting the system message…"));
        else if (m_document->isBulkRunning())
            onBulkFinished(-1); // refused: tell why
    });
    dialog->setWindowModality(Qt::WindowModal);
    dialog->show();
}

void DatasetArea::findReplace()
{
    if (!m_open)
        return;
    auto *dialog = new FindReplaceDialog(m_document, selectedRows(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &FindReplaceDialog::replaceStarted, this,
            [this] { beginBusy(tr("Replacing…")); });
    dialog->setWindowModality(Qt::WindowModal);
    dialog->show();
}

void DatasetArea::addExample()
{
    if (!m_open)
        return;
    const int row = currentRow() >= 0 ? currentRow() + 1 : m_document->count();
    // A new example starts as a question and its answer, with the dataset's instructions.
    const QString system = m_document->count() > 0
            ? m_document->example(qMax(0, row - 1)).firstText(QStringLiteral("system"))
            : QString();
    m_document->insertExample(row, DatasetDocument::starterExample(system));
    updateFilterCount();
    selectRow(row);
    m_editor->focusMessage(system.isEmpty() ? 0 : 1);
}

void DatasetArea::duplicateExample()
{
    const int row = currentRow();
    if (row < 0)
        return;
    const int copy = m_document->duplicateExample(row);
    updateFilterCount();
    selectRow(copy);
}

void DatasetArea::deleteSelectedExamples()
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty())
        return;
    const int next = rows.first();
    m_document->removeExamples(rows);
    updateFilterCount();
    if (m_document->count() > 0)
        selectRow(qMin(next, m_document->count() - 1));
}

void DatasetArea::moveExample(int delta)
{
    const int row = currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_document->count())
        return;
    m_document->moveExample(row, to);
    selectRow(to);
}

void DatasetArea::jumpTo(int row, int messageIndex)
{
    if (row < 0 || row >= m_document->count())
        return;
    selectRow(row);
    const int inputMessages = m_document->example(row).messageCount();
    // Preference examples number their answers after the prompt's messages.
    m_editor->focusMessage(qMin(messageIndex, inputMessages - 1));
}

void DatasetArea::applyFix(const LintFinding &finding)
{
    if (!LintFixer::apply(m_document, finding))
        MessageBox::information(
                this, tr("Fix"), tr("This problem has already been fixed or has changed since."));
}

void DatasetArea::offerRecovery()
{
    // Not over unsaved work of the open dataset (its own file offers its recovery on opening).
    if (m_recoveryDialog || (m_open && m_document->isModified()))
        return;
    const QList<RecoveryFile> files = DatasetRecovery::find(m_recoveryDir);
    if (files.isEmpty())
        return;
    // After Discard the next one (newest first); Not Now leaves the rest for the next start.
    showRecoveryOffer(files.first(), [this](bool discarded) {
        if (discarded)
            offerRecovery();
    });
}

RecoveryDialog *DatasetArea::recoveryDialog() const
{
    return m_recoveryDialog;
}

void DatasetArea::showRecoveryOffer(
        const RecoveryFile &file, std::function<void(bool discarded)> then)
{
    if (m_recoveryDialog) // one offer at a time; the earlier one waits for the next start
        m_recoveryDialog->reject();
    auto *dialog = new RecoveryDialog(file, DatasetRecovery::compare(file), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    m_recoveryDialog = dialog;
    connect(dialog, &RecoveryDialog::decided, this,
            [this, file, then](RecoveryDialog::Choice choice) {
                if (choice == RecoveryDialog::Choice::Recover) {
                    recover(file);
                    return;
                }
                if (choice == RecoveryDialog::Choice::Discard)
                    DatasetRecovery::discard(file);
                // Run after the dialog has gone, so a next offer can take its place.
                QTimer::singleShot(0, this,
                        [then, choice] { then(choice == RecoveryDialog::Choice::Discard); });
            });
    dialog->show();
}

void DatasetArea::recover(const RecoveryFile &file)
{
    m_searchLineEdit->clear();
    const DatasetError error = m_document->recover(file);
    if (error.isError()) {
        MessageBox::warning(this, tr("Recover Unsaved Work"), error.message);
        return;
    }
    if (!file.originalPath.isEmpty() && !isResourcePath(file.originalPath)
            && QFileInfo::exists(file.originalPath))
        m_recent->add(file.originalPath);
    showEditor(true);
    updateFilterCount();
    if (m_document->count() > 0)
        selectRow(0);
}

} // namespace fs::ui
