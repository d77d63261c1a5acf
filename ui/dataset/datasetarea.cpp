// SPDX-License-Identifier: GPL-3.0-or-later
#include "datasetarea.h"

#include "bulkdialogs.h"
#include "conversationeditor.h"
#include "datasetdocument.h"
#include "datasetexport.h"
#include "datasetprogressrow.h"
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

    connectDocument();
    connectPanels();
    showEditor(false);
    updateTitle();
}

void DatasetArea::connectDocument()
{
    connect(m_document, &DatasetDocument::modifiedChanged, this, &DatasetArea::updateTitle);
    connect(m_document, &DatasetDocument::filePathChanged, this, &DatasetArea::updateTitle);
    connect(m_document, &DatasetDocument::loadFinished, this, &DatasetArea::onLoadFinished);
    connect(m_document->undoStack(), &QUndoStack::indexChanged, this, &DatasetArea::updateActions);
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
}

void DatasetArea::connectPanels()
{
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
    connect(m_statisticsPanel, &StatisticsPanel::modelChanged, this, &DatasetArea::applyModel);
    applyModel(m_statisticsPanel->currentModel());
}

void DatasetArea::applyModel(const QString &model)
{
    LintOptions options = m_lintRunner->options();
    options.model = model;
    m_lintRunner->setOptions(options);
    m_model->setTokenLimit(Linter::trainingLimit(model));
    m_statisticsPanel->setTokenLimit(Linter::trainingLimit(model));
    m_document->setTokenCounter(makeTokenCounter(Tokenizer::encodingForModel(model)));
}

DatasetArea::~DatasetArea()
{
    // Nothing may react to the document from here on: cancelling a load emits loadFinished,
    // which would start the lint runner again and update widgets being torn down.
    disconnect(m_document, nullptr, this, nullptr);
    disconnect(m_document, nullptr, m_lintRunner, nullptr);
    disconnect(m_document, nullptr, m_progressRow, nullptr);
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
    QLayout *filters = createFilterBar(page);
    QWidget *list = createExamplesList(page);
    QWidget *side = createSidePanels(page);
    auto *splitter = new QSplitter(Qt::Horizontal, page);
    splitter->setObjectName(QStringLiteral("datasetSplitter"));
    splitter->addWidget(list);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    m_progressRow = new DatasetProgressRow(m_document, m_lintRunner, page);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_progressRow);
    return page;
}

QLayout *DatasetArea::createFilterBar(QWidget *page)
{
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
    return filters;
}

QWidget *DatasetArea::createExamplesList(QWidget *page)
{
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

    auto *listWidget = new QWidget(page);
    auto *listLayout = new QVBoxLayout(listWidget);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_examplesTableView, 1);
    listLayout->addLayout(createExampleButtons(page));
    return listWidget;
}

QLayout *DatasetArea::createExampleButtons(QWidget *page)
{
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

    return exampleButtons;
}

QWidget *DatasetArea::createSidePanels(QWidget *page)
{
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
    return rightSplitter;
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
        if (isSamplePath(m_document->filePath()))
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

void DatasetArea::onBulkFinished(int count)
{
    if (count < 0) {
        MessageBox::information(this, tr("Change Many Examples"),
                tr("Another change to many examples is still running. Try again when it is "
                   "done."));
        return;
    }
    m_progressRow->endBusy();
    updateFilterCount();
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

void DatasetArea::setSystemPrompt()
{
    if (!m_open)
        return;
    auto *dialog = new SystemPromptDialog(m_document, selectedRows(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (dialog->apply())
            m_progressRow->beginBusy(tr("Setting the system message…"));
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
            [this] { m_progressRow->beginBusy(tr("Replacing…")); });
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

} // namespace fs::ui
