// SPDX-License-Identifier: GPL-3.0-or-later
#include "batchpage.h"

#include "apierror.h"
#include "batchresultsmodel.h"
#include "batchrunner.h"
#include "datasetarea.h"
#include "datasetdocument.h"
#include "deployofferbar.h"
#include "filedialog.h"
#include "messagebox.h"
#include "modelpicker.h"
#include "playgroundconnections.h"
#include "practicebadge.h"
#include "simulation.h"
#include "targetselector.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedLayout>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace fs::ui {

namespace {

/// Short column headings ("Model 2: ROUGE-L"), the full model name in the tooltip: the models'
/// ids are too long to head narrow score columns.
class ShortHeaderProxy : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        auto *source = static_cast<BatchResultsModel *>(sourceModel());
        if (orientation != Qt::Horizontal || section < BatchResultsModel::FirstModelColumn
                || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
            return QIdentityProxyModel::headerData(section, orientation, role);
        if (section == source->differenceColumn()) {
            if (role == Qt::ToolTipRole)
                return BatchPage::tr("ROUGE-L of model 2 minus model 1: above 0, model 2 came "
                                     "closer to the reference");
            return BatchPage::tr("Difference");
        }
        const int model = (section - BatchResultsModel::FirstModelColumn)
                / BatchResultsModel::kColumnsPerModel;
        const int which = (section - BatchResultsModel::FirstModelColumn)
                % BatchResultsModel::kColumnsPerModel;
        if (role == Qt::ToolTipRole) {
            const ModelTarget target = source->results().models().value(model);
            return isSimulated(target.connection)
                    ? QStringLiteral("%1\n%2").arg(target.model, PracticeBadge::simulatedText())
                    : target.model;
        }
        static const char *const names[] = {
                QT_TRANSLATE_NOOP("fs::ui::BatchPage", "answer"),
                QT_TRANSLATE_NOOP("fs::ui::BatchPage", "ROUGE-1"),
                QT_TRANSLATE_NOOP("fs::ui::BatchPage", "ROUGE-2"),
                QT_TRANSLATE_NOOP("fs::ui::BatchPage", "ROUGE-L"),
        };
        // Two lines, so narrow score columns keep a readable heading.
        return BatchPage::tr("Model %1\n%2").arg(model + 1).arg(BatchPage::tr(names[which]));
    }
};

} // namespace

BatchPage::BatchPage(PlaygroundConnections *connections, QNetworkAccessManager *nam,
        DatasetArea *datasets, QWidget *parent)
    : ComparisonPage(connections, datasets, parent)
    , m_runner(new BatchRunner(nam, this))
    , m_model(new BatchResultsModel(this))
{
    setObjectName(QStringLiteral("batchPage"));

    QGroupBox *sourceBox = buildSourceBox();
    QGroupBox *modelsBox = buildModelsBox();
    QHBoxLayout *runRow = buildRunRow();
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("batchStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_averagesLabel = new QLabel(this);
    m_averagesLabel->setObjectName(QStringLiteral("averagesLabel"));
    m_averagesLabel->setTextFormat(Qt::RichText);
    m_averagesLabel->setWordWrap(true);
    QStackedLayout *tableStack = buildResultsTable();
    QHBoxLayout *resultButtons = buildResultButtons();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(sourceBox);
    layout->addWidget(modelsBox);
    layout->addLayout(runRow);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_averagesLabel);
    layout->addWidget(m_practiceBadge);
    layout->addLayout(tableStack, 1);
    layout->addLayout(resultButtons);

    connectParts();
    addModelRow();
    addModelRow();
    // The base model and its fine-tune in the two rows once the lists are there.
    connect(m_connections, &PlaygroundConnections::ready, this, &BatchPage::applyDefaultModels);
    updateAverages();
    updateActions();
}

QGroupBox *BatchPage::buildSourceBox()
{
    // Where the examples come from.
    auto *sourceBox = new QGroupBox(tr("Examples"), this);
    m_fileRadio = new QRadioButton(tr("A file on this computer:"), sourceBox);
    m_fileRadio->setObjectName(QStringLiteral("fileRadioButton"));
    m_datasetRadio = new QRadioButton(tr("The dataset open in Datasets"), sourceBox);
    m_datasetRadio->setObjectName(QStringLiteral("datasetRadioButton"));
    m_fileRadio->setChecked(true);
    m_fileLineEdit = new QLineEdit(sourceBox);
    m_fileLineEdit->setObjectName(QStringLiteral("fileLineEdit"));
    m_fileLineEdit->setPlaceholderText(
            tr("A validation file (.jsonl) the models did not train on"));
    m_browseButton = new QPushButton(tr("Choose…"), sourceBox);
    m_browseButton->setObjectName(QStringLiteral("browsePushButton"));
    auto *sourceHint = new QLabel(tr("Each example's last answer is the reference that the "
                                     "models' answers are scored against."),
            sourceBox);
    sourceHint->setWordWrap(true);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_fileRadio);
    fileRow->addWidget(m_fileLineEdit, 1);
    fileRow->addWidget(m_browseButton);
    auto *sourceLayout = new QVBoxLayout(sourceBox);
    sourceLayout->addLayout(fileRow);
    sourceLayout->addWidget(m_datasetRadio);
    sourceLayout->addWidget(sourceHint);
    return sourceBox;
}

QGroupBox *BatchPage::buildModelsBox()
{
    // Which models, how many requests at once.
    auto *modelsBox = new QGroupBox(tr("Models"), this);
    m_modelsLayout = new QVBoxLayout;
    m_addModelButton = new QPushButton(tr("Add Model"), modelsBox);
    m_addModelButton->setObjectName(QStringLiteral("addModelPushButton"));
    m_concurrencySpinBox = new QSpinBox(modelsBox);
    m_concurrencySpinBox->setObjectName(QStringLiteral("concurrencySpinBox"));
    m_concurrencySpinBox->setRange(1, 32);
    m_concurrencySpinBox->setValue(4);
    m_concurrencySpinBox->setToolTip(tr("How many questions are sent at the same time. Lower it "
                                        "if the service says you are sending too fast."));
    m_stemCheckBox =
            new QCheckBox(tr("Count word forms as the same (\"answers\" = \"answer\")"), modelsBox);
    m_stemCheckBox->setObjectName(QStringLiteral("stemCheckBox"));
    auto *options = new QHBoxLayout;
    options->addWidget(m_addModelButton);
    options->addSpacing(12);
    options->addWidget(new QLabel(tr("At the same time:"), modelsBox));
    options->addWidget(m_concurrencySpinBox);
    options->addSpacing(12);
    options->addWidget(m_stemCheckBox);
    options->addStretch(1);
    createPickerNotes(modelsBox);
    auto *modelsLayout = new QVBoxLayout(modelsBox);
    modelsLayout->addLayout(m_modelsLayout);
    modelsLayout->addWidget(m_sameModelLabel);
    modelsLayout->addWidget(m_deployOffer);
    modelsLayout->addLayout(options);
    return modelsBox;
}

QHBoxLayout *BatchPage::buildRunRow()
{
    m_runButton = new QPushButton(style()->standardIcon(QStyle::SP_MediaPlay), tr("Run"), this);
    m_runButton->setObjectName(QStringLiteral("runPushButton"));
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelPushButton"));
    m_progressBar = new QProgressBar(this);
    m_progressBar->setObjectName(QStringLiteral("progressBar"));
    m_progressBar->setFormat(tr("%v of %m answers"));
    m_progressBar->setRange(0, 1);
    m_progressBar->setValue(0);
    auto *runRow = new QHBoxLayout;
    runRow->addWidget(m_runButton);
    runRow->addWidget(m_cancelButton);
    runRow->addWidget(m_progressBar, 1);
    return runRow;
}

QStackedLayout *BatchPage::buildResultsTable()
{
    m_tableView = new QTableView(this);
    m_tableView->setObjectName(QStringLiteral("resultsTableView"));
    auto *proxy = new ShortHeaderProxy(this);
    proxy->setSourceModel(m_model);
    m_tableView->setModel(proxy);
    m_tableView->setSortingEnabled(true);
    m_tableView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tableView->setWordWrap(false);
    m_tableView->verticalHeader()->setVisible(false);
    m_tableView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_tableView->horizontalHeader()->setStretchLastSection(false);
    m_tableView->horizontalHeader()->setSortIndicatorShown(true);
    m_emptyLabel = new QLabel(tr("Choose a validation file or the open dataset, pick two or more "
                                 "models, then press Run. Each example's answers appear here "
                                 "with their scores."),
            this);
    m_emptyLabel->setObjectName(QStringLiteral("batchEmptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_practiceBadge = new PracticeBadge(this);
    auto *tableStack = new QStackedLayout;
    tableStack->addWidget(m_emptyLabel);
    tableStack->addWidget(m_tableView);
    // The table once there is a row to show, the hint before.
    connect(m_model, &QAbstractItemModel::modelReset, this, &BatchPage::sizeColumns);
    connect(m_model, &QAbstractItemModel::modelReset, this, [tableStack, this] {
        tableStack->setCurrentWidget(
                m_model->rowCount() > 0 ? static_cast<QWidget *>(m_tableView) : m_emptyLabel);
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [tableStack, this] { tableStack->setCurrentWidget(m_tableView); });
    return tableStack;
}

QHBoxLayout *BatchPage::buildResultButtons()
{
    m_sortButton = new QPushButton(tr("Biggest Differences First"), this);
    m_sortButton->setObjectName(QStringLiteral("sortPushButton"));
    m_sortButton->setToolTip(tr("Sort by how much better the second model scored than the first"));
    m_exportButton = new QPushButton(tr("Export CSV…"), this);
    m_exportButton->setObjectName(QStringLiteral("exportPushButton"));
    m_saveButton = new QPushButton(tr("Save Results…"), this);
    m_saveButton->setObjectName(QStringLiteral("saveResultsPushButton"));
    m_saveButton->setToolTip(tr("Keep the answers so they can be scored again later without "
                                "asking the models"));
    m_openButton = new QPushButton(tr("Open Results…"), this);
    m_openButton->setObjectName(QStringLiteral("openResultsPushButton"));
    auto *resultButtons = new QHBoxLayout;
    resultButtons->addWidget(m_sortButton);
    resultButtons->addStretch(1);
    resultButtons->addWidget(m_openButton);
    resultButtons->addWidget(m_saveButton);
    resultButtons->addWidget(m_exportButton);
    return resultButtons;
}

void BatchPage::connectParts()
{
    connect(m_browseButton, &QPushButton::clicked, this, [this] {
        const QString path = askPath(QStringLiteral("batchInput"));
        if (!path.isEmpty()) {
            m_fileLineEdit->setText(path);
            m_fileRadio->setChecked(true);
        }
    });
    connect(m_fileLineEdit, &QLineEdit::textChanged, this, &BatchPage::updateActions);
    connect(m_fileRadio, &QRadioButton::toggled, this, &BatchPage::updateActions);
    connect(m_addModelButton, &QPushButton::clicked, this, &BatchPage::addModelRow);
    connect(m_runButton, &QPushButton::clicked, this, &BatchPage::run);
    connect(m_cancelButton, &QPushButton::clicked, this, &BatchPage::cancel);
    connect(m_exportButton, &QPushButton::clicked, this, [this] { exportCsv(); });
    connect(m_saveButton, &QPushButton::clicked, this, [this] { saveResults(); });
    connect(m_openButton, &QPushButton::clicked, this, [this] { openResults(); });
    connect(m_sortButton, &QPushButton::clicked, this, &BatchPage::sortByDifference);
    connect(m_stemCheckBox, &QCheckBox::toggled, this, &BatchPage::recompute);
    connect(m_runner, &BatchRunner::progress, this, &BatchPage::onProgress);
    connect(m_deployOffer, &DeployOfferBar::deployed, this,
            [this] { m_statusLabel->setText(tr("The model runs now: press Run again.")); });
    connect(m_runner, &BatchRunner::finished, this, &BatchPage::onFinished);
    connect(m_runner, &BatchRunner::paused, this, &BatchPage::onPaused);
    connect(m_runner, &BatchRunner::resumed, this,
            [this] { m_statusLabel->setText(tr("Asking the models again…")); });
    connect(m_runner, &BatchRunner::generationFinished, this, &BatchPage::updateAverages);
    if (m_datasets)
        connect(m_datasets.data(), &DatasetArea::titleChanged, this, &BatchPage::updateActions);
}

BatchPage::~BatchPage()
{
    m_runner->cancel();
}

bool BatchPage::addModelRow()
{
    if (m_runner->isRunning() || m_selectors.size() >= 8)
        return false;
    auto *selector = new TargetSelector(m_connections, this);
    selector->setObjectName(QStringLiteral("modelSelector%1").arg(m_selectors.size()));
    if (!m_selectors.isEmpty())
        selector->setTarget(m_selectors.last()->target());
    auto *remove = new QToolButton(this);
    remove->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    remove->setAutoRaise(true);
    remove->setToolTip(tr("Remove this model"));
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Model %1:").arg(m_selectors.size() + 1), this));
    row->addWidget(selector, 1);
    row->addWidget(remove);
    m_modelsLayout->addLayout(row);
    m_selectors << selector;
    m_removeButtons << remove;
    connect(remove, &QToolButton::clicked, this,
            [this, selector] { removeModelRow(int(m_selectors.indexOf(selector))); });
    connect(selector, &TargetSelector::targetChanged, this, &BatchPage::updateActions);
    connect(selector, &TargetSelector::targetChanged, m_deployOffer, &QWidget::hide);
    rebuildModelRows();
    return true;
}

bool BatchPage::removeModelRow(int index)
{
    if (m_runner->isRunning() || m_selectors.size() <= 2 || index < 0
            || index >= m_selectors.size())
        return false;
    QLayoutItem *item = m_modelsLayout->takeAt(index);
    if (auto *row = item->layout()) {
        while (QLayoutItem *child = row->takeAt(0)) {
            delete child->widget();
            delete child;
        }
    }
    delete item;
    m_selectors.removeAt(index);
    m_removeButtons.removeAt(index);
    rebuildModelRows();
    return true;
}

void BatchPage::rebuildModelRows()
{
    for (int i = 0; i < m_selectors.size(); ++i) {
        m_removeButtons.at(i)->setVisible(m_selectors.size() > 2);
        if (auto *row = m_modelsLayout->itemAt(i)->layout()) {
            if (auto *label = qobject_cast<QLabel *>(row->itemAt(0)->widget()))
                label->setText(tr("Model %1:").arg(i + 1));
        }
    }
    updateActions();
}

void BatchPage::updateActions()
{
    const bool running = m_runner->isRunning();
    const bool datasetOpen = m_datasets && !m_datasets->isWelcomeShown();
    m_datasetRadio->setEnabled(datasetOpen && !running);
    if (!datasetOpen && m_datasetRadio->isChecked())
        m_fileRadio->setChecked(true);
    int models = 0;
    for (TargetSelector *selector : std::as_const(m_selectors))
        models += selector->model().isEmpty() ? 0 : 1;
    const bool haveSource = m_datasetRadio->isChecked()
            || (m_fileRadio->isChecked() && !m_fileLineEdit->text().trimmed().isEmpty());
    m_runButton->setEnabled(!running && haveSource && models >= 2);
    m_cancelButton->setEnabled(running);
    m_addModelButton->setEnabled(!running && m_selectors.size() < 8);
    m_fileLineEdit->setEnabled(!running);
    m_browseButton->setEnabled(!running);
    m_fileRadio->setEnabled(!running);
    for (TargetSelector *selector : std::as_const(m_selectors))
        selector->setEnabled(!running);
    m_concurrencySpinBox->setEnabled(!running);
    m_stemCheckBox->setEnabled(!running);
    m_openButton->setEnabled(!running);
    m_saveButton->setEnabled(!running && m_haveResults);
    m_exportButton->setEnabled(!running && m_haveResults);
    m_sortButton->setEnabled(m_model->differenceColumn() >= 0 && m_model->rowCount() > 0);
    updateSameModelWarning();
}

void BatchPage::applyDefaultModels()
{
    if (m_selectors.size() >= 2)
        applyDefaultPair(m_selectors.at(0), m_selectors.at(1));
}

void BatchPage::updateSameModelWarning()
{
    QStringList pairs;
    bool onlyShortNames = true; // every pair is a short name and its dated version
    for (int i = 0; i < m_selectors.size(); ++i) {
        for (int j = i + 1; j < m_selectors.size(); ++j) {
            const ModelTarget a = m_selectors.at(i)->target();
            const ModelTarget b = m_selectors.at(j)->target();
            if (m_connections->isSameModel(a, b)) {
                pairs << tr("models %1 and %2").arg(i + 1).arg(j + 1);
                onlyShortNames = onlyShortNames && isAliasAndSnapshot(a.model, b.model);
            }
        }
    }
    if (!pairs.isEmpty() && onlyShortNames)
        m_sameModelLabel->setText(
                tr("The same model is chosen twice (%1): a name without a date is the "
                   "service's short name for a dated version, so their scores can only be "
                   "alike. Choose a different model.")
                        .arg(pairs.join(QStringLiteral(", "))));
    else if (!pairs.isEmpty())
        m_sameModelLabel->setText(
                tr("The same model is chosen twice (%1), so their scores can only be alike. A "
                   "checkpoint at the last step is the finished model itself. Choose a "
                   "different model, for example the base model.")
                        .arg(pairs.join(QStringLiteral(", "))));
    m_sameModelLabel->setVisible(!pairs.isEmpty());
}

void BatchPage::updatePracticeBadge()
{
    // The answers in the table come from the stored results, not from the pickers.
    QStringList simulated;
    const QList<ModelTarget> &models = m_model->results().models();
    for (int m = 0; m < models.size(); ++m) {
        if (isSimulated(models.at(m).connection))
            simulated << QString::number(m + 1);
    }
    if (simulated.isEmpty())
        m_practiceBadge->showText({});
    else if (simulated.size() == models.size())
        m_practiceBadge->showText(
                tr("Practice answers — every answer below is simulated by the built-in "
                   "sandbox"));
    else
        m_practiceBadge->showText(tr("Practice answers — the answers of model %1 are simulated "
                                     "by the built-in sandbox")
                                          .arg(simulated.join(QStringLiteral(", "))));
}

bool BatchPage::run()
{
    if (m_runner->isRunning())
        return false;
    BatchItemsLoad load;
    if (m_datasetRadio->isChecked()) {
        if (!m_datasets || m_datasets->isWelcomeShown()) {
            m_statusLabel->setText(tr("Open a dataset in Datasets first."));
            return false;
        }
        load = batchItemsFrom(*m_datasets->document());
    } else {
        const QString path = m_fileLineEdit->text().trimmed();
        if (path.isEmpty()) {
            m_statusLabel->setText(tr("Choose the file with the examples first."));
            return false;
        }
        load = loadBatchItems(path);
    }
    if (!load.error.isEmpty() || load.items.isEmpty()) {
        m_statusLabel->setText(load.error.isEmpty()
                        ? tr("These examples have no answers to compare with: each needs a last "
                             "answer from the assistant.")
                        : load.error);
        return false;
    }
    QList<ModelTarget> models;
    for (TargetSelector *selector : std::as_const(m_selectors)) {
        const ModelTarget target = selector->target();
        if (!target.model.isEmpty())
            models << target;
    }
    if (models.size() < 2) {
        m_statusLabel->setText(tr("Choose at least two models."));
        return false;
    }
    // A fine-tuned model that must be deployed is asked through its running deployment;
    // without one nothing is sent (each row would only fail).
    if (!m_deployOffer->route(&models)) {
        m_statusLabel->setText(tr("Nothing was sent: a model above must be deployed first."));
        return false;
    }
    m_runner->setConcurrency(m_concurrencySpinBox->value());
    m_runner->setStem(m_stemCheckBox->isChecked());
    m_runner->setup(load.items, models);
    m_model->setRunner(m_runner);
    m_haveResults = true;
    m_progressBar->setRange(0, qMax(1, m_runner->total()));
    m_progressBar->setValue(0);
    QString text = tr("Asking the models…");
    if (load.skipped > 0)
        text += QLatin1Char(' ')
                + tr("Skipped examples without an answer to compare with: %1.").arg(load.skipped);
    m_statusLabel->setText(text);
    m_runner->start();
    updateActions();
    updateAverages();
    return true;
}

void BatchPage::cancel()
{
    m_runner->cancel();
}

void BatchPage::onProgress(int completed, int total)
{
    m_progressBar->setRange(0, qMax(1, total));
    m_progressBar->setValue(completed);
}

void BatchPage::onPaused(int delayMs, const ApiError &error)
{
    Q_UNUSED(error)
    m_statusLabel->setText(tr("The service asked to slow down. Continuing in %1 s…")
                                   .arg(qMax(1, (delayMs + 999) / 1000)));
}

void BatchPage::onFinished(bool cancelled)
{
    // Keep a copy: the table no longer depends on the runner, and rescoring works on it.
    m_model->setResults(m_runner->results());
    const BatchResults &results = m_model->results();
    const int failed = results.failedCount();
    QString text;
    if (cancelled)
        text = tr("Cancelled. The answers that arrived are kept; Run starts again.");
    else if (failed > 0)
        text = tr("Done, but some answers could not be had (%1); they are marked in the table.")
                       .arg(failed);
    else
        text = tr("Done. Examples scored: %1.").arg(results.itemCount());
    m_statusLabel->setText(text);
    if (!cancelled)
        sortByDifference();
    updateAverages();
    updateActions();
    Q_EMIT message(text);
}

void BatchPage::updateAverages()
{
    updatePracticeBadge();
    const BatchResults &results = m_model->results();
    if (results.modelCount() == 0) {
        m_averagesLabel->clear();
        m_averagesLabel->setVisible(false);
        return;
    }
    m_averagesLabel->setVisible(true);
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\"><tr><th "
                                  "align=\"left\">%1</th><th>ROUGE-1</th><th>ROUGE-2</th>"
                                  "<th>ROUGE-L</th><th align=\"left\">%2</th></tr>")
                           .arg(tr("Average per model"), tr("Answers"));
    for (int m = 0; m < results.modelCount(); ++m) {
        int count = 0;
        const RougeScores scores = results.average(m, &count);
        QString name = tr("Model %1: %2")
                               .arg(m + 1)
                               .arg(ModelChoice::describe(results.models().at(m).model));
        if (isSimulated(results.models().at(m).connection))
            name = tr("%1 (simulated)").arg(name);
        html += QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td><td "
                               "align=\"right\">%3</td><td align=\"right\">%4</td><td>%5</td></tr>")
                        .arg(name.toHtmlEscaped())
                        .arg(count > 0 ? QString::number(scores.rouge1.fmeasure, 'f', 3)
                                       : QStringLiteral("–"))
                        .arg(count > 0 ? QString::number(scores.rouge2.fmeasure, 'f', 3)
                                       : QStringLiteral("–"))
                        .arg(count > 0 ? QString::number(scores.rougeL.fmeasure, 'f', 3)
                                       : QStringLiteral("–"))
                        .arg(count);
    }
    html += QStringLiteral("</table><small>%1</small>")
                    .arg(tr("Scores run from 0 to 1: how much of the reference answer's wording "
                            "the model's answer shares (single words, word pairs, longest "
                            "common sequence)."));
    m_averagesLabel->setText(html);
}

void BatchPage::sizeColumns()
{
    QHeaderView *header = m_tableView->horizontalHeader();
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    for (int column = 0; column < m_model->columnCount(); ++column) {
        int width = 6 * em; // scores
        if (column == BatchResultsModel::LineColumn)
            width = 4 * em;
        else if (column == m_model->differenceColumn())
            width = 8 * em;
        else if (column == BatchResultsModel::PromptColumn)
            width = 14 * em;
        else if (column == BatchResultsModel::ReferenceColumn
                || (column >= BatchResultsModel::FirstModelColumn
                        && column != m_model->differenceColumn()
                        && (column - BatchResultsModel::FirstModelColumn)
                                        % BatchResultsModel::kColumnsPerModel
                                == 0))
            width = 16 * em;
        header->resizeSection(column, width);
    }
    // The difference is what people sort by: show it next to the reference, not far right.
    const int difference = m_model->differenceColumn();
    if (difference >= 0)
        header->moveSection(
                header->visualIndex(difference), BatchResultsModel::ReferenceColumn + 1);
}

void BatchPage::sortByDifference()
{
    const int column = m_model->differenceColumn();
    if (column < 0)
        return;
    m_tableView->sortByColumn(column, Qt::DescendingOrder);
}

void BatchPage::recompute()
{
    if (m_runner->isRunning() || m_model->results().itemCount() == 0)
        return;
    BatchResults results = m_model->results();
    results.recompute(m_stemCheckBox->isChecked());
    m_model->setResults(results);
    updateAverages();
    m_statusLabel->setText(tr("Scored again from the stored answers; no model was asked."));
}

QString BatchPage::askPath(const QString &kind)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (kind == QLatin1String("batchInput"))
        return FileDialog::getOpenFileName(this, kind, tr("Choose Examples"), dir,
                tr("Training files (*.jsonl);;All files (*)"));
    if (kind == QLatin1String("exportCsv"))
        return FileDialog::getSaveFileName(this, kind, tr("Export as CSV"),
                dir + QStringLiteral("/comparison.csv"), tr("CSV files (*.csv)"));
    if (kind == QLatin1String("saveResults"))
        return FileDialog::getSaveFileName(this, kind, tr("Save Results"),
                dir + QStringLiteral("/comparison-results.jsonl"),
                tr("Comparison results (*.jsonl)"));
    return FileDialog::getOpenFileName(
            this, kind, tr("Open Results"), dir, tr("Comparison results (*.jsonl);;All files (*)"));
}

bool BatchPage::exportCsv(const QString &path)
{
    const QString target = path.isEmpty() ? askPath(QStringLiteral("exportCsv")) : path;
    if (target.isEmpty())
        return false;
    QString error;
    if (!m_model->results().exportCsv(target, &error)) {
        MessageBox::warning(
                this, tr("Export as CSV"), tr("The table could not be exported."), error);
        return false;
    }
    Q_EMIT message(tr("Exported to %1.").arg(QFileInfo(target).fileName()));
    m_statusLabel->setText(tr("Exported to %1.").arg(QFileInfo(target).fileName()));
    return true;
}

bool BatchPage::saveResults(const QString &path)
{
    const QString target = path.isEmpty() ? askPath(QStringLiteral("saveResults")) : path;
    if (target.isEmpty())
        return false;
    QString error;
    if (!m_model->results().save(target, &error)) {
        MessageBox::warning(this, tr("Save Results"), tr("The results could not be saved."), error);
        return false;
    }
    m_statusLabel->setText(tr("Saved to %1.").arg(QFileInfo(target).fileName()));
    return true;
}

bool BatchPage::openResults(const QString &path)
{
    if (m_runner->isRunning())
        return false;
    const QString source = path.isEmpty() ? askPath(QStringLiteral("openResults")) : path;
    if (source.isEmpty())
        return false;
    QString error;
    std::optional<BatchResults> results = BatchResults::load(source, &error);
    if (!results) {
        MessageBox::warning(this, tr("Open Results"),
                tr("This file does not hold saved comparison results."), error);
        return false;
    }
    if (results->stems() != m_stemCheckBox->isChecked())
        results->recompute(m_stemCheckBox->isChecked());
    m_model->setResults(*results);
    m_haveResults = true;
    updateAverages();
    updateActions();
    m_statusLabel->setText(tr("Opened %1 (examples: %2), scored from the stored answers.")
                                   .arg(QFileInfo(source).fileName())
                                   .arg(results->itemCount()));
    return true;
}

} // namespace fs::ui
