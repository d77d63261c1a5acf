// SPDX-License-Identifier: GPL-3.0-or-later
#include "newjobdialog.h"

#include "apiclient.h"
#include "costestimate.h"
#include "datasetarea.h"
#include "datasetdocument.h"
#include "datasetstatistics.h"
#include "example.h"
#include "hyperparameteredit.h"
#include "providerclient.h"
#include "retirementcalendar.h"
#include "tokenizer.h"
#include "uploadqueue.h"
#include "wheelguard.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QScrollArea>
#include <QSpinBox>
#include <QStyle>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace fs::ui {

namespace {

/// Files above this size are not downloaded just to count their tokens.
constexpr qint64 kMaxCountedFileBytes = 64LL * 1024 * 1024;
/// How long the form must rest before the service is asked for a new price estimate.
constexpr int kEstimatePauseMs = 600;

QLabel *noteLabel(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
    return label;
}

QString fileLabel(const fs::FileObject &file)
{
    QString text = file.filename.isEmpty() ? file.id
                                           : QStringLiteral("%1 (%2)").arg(file.filename, file.id);
    if (file.status == QLatin1String("uploaded"))
        text += NewJobDialog::tr(" — still being checked by the service");
    else if (file.status == QLatin1String("error"))
        text += NewJobDialog::tr(" — the service could not read it");
    return text;
}

} // namespace

NewJobDialog::NewJobDialog(fs::ApiClient *client, DatasetArea *datasets,
        const QList<fs::ModelObject> &connectionModels, const fs::PriceTable &prices,
        QWidget *parent, const QString &lastUsedModel)
    : QDialog(parent)
    , m_client(client)
    , m_datasets(datasets)
    , m_prices(prices)
    , m_lastUsedModel(lastUsedModel)
{
    setObjectName(QStringLiteral("newJobDialog"));
    setWindowTitle(tr("New fine-tuning job"));
    // The connection's service decides the settings and speaks through its dialect.
    if (m_client)
        m_provider = new fs::ProviderClient(m_client, this);
    m_shape = fs::JobFormRules::shape(
            m_client ? m_client->connection().providerKind() : fs::ProviderKind::OpenAI);
    createEstimators();
    createRefusalLabel();

    m_form = createForm();
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_form);
    guardWheelInside(m_form); // the wheel scrolls the form, it does not change a setting
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    createCostAndProblemLabels();
    QHBoxLayout *progressRow = createProgressRow();
    createButtons();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_refusalLabel);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_problemsLabel);
    layout->addWidget(m_costLabel);
    layout->addLayout(progressRow);
    layout->addWidget(m_buttons);

    fillModels(connectionModels);
    fillFiles({});
    onMethodChanged();
    loadServiceModels();
    resizeToFit(parent);
    reloadFiles();
}

/// The price estimate's pause timer and the token counter for files on the service.
void NewJobDialog::createEstimators()
{
    m_estimateTimer = new QTimer(this);
    m_estimateTimer->setSingleShot(true);
    m_estimateTimer->setInterval(kEstimatePauseMs);
    connect(m_estimateTimer, &QTimer::timeout, this, &NewJobDialog::requestEstimate);
    m_tokenCount = new fs::TokenCountJob(this);
    connect(m_tokenCount, &fs::TokenCountJob::fileCounted, this,
            &NewJobDialog::onFileTokensCounted);
}

/// Why the service refused the job, above the form (hidden until it does).
void NewJobDialog::createRefusalLabel()
{
    m_refusalLabel = new QLabel(this);
    m_refusalLabel->setObjectName(QStringLiteral("refusalLabel"));
    m_refusalLabel->setWordWrap(true);
    m_refusalLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_refusalLabel->setStyleSheet(QStringLiteral(
            "QLabel { background: #fde7e9; color: #5c0b11; border: 1px solid #e8a0a8;"
            " border-radius: 4px; padding: 8px; }"));
    m_refusalLabel->hide();
}

/// The estimated cost and the form's problems, under the form.
void NewJobDialog::createCostAndProblemLabels()
{
    m_costLabel = new QLabel(this);
    m_costLabel->setObjectName(QStringLiteral("costLabel"));
    m_costLabel->setWordWrap(true);
    m_costLabel->setStyleSheet(QStringLiteral(
            "QLabel { background: palette(alternate-base); border: 1px solid palette(mid);"
            " border-radius: 4px; padding: 8px; }"));
    m_problemsLabel = new QLabel(this);
    m_problemsLabel->setObjectName(QStringLiteral("problemsLabel"));
    m_problemsLabel->setWordWrap(true);
    m_problemsLabel->setStyleSheet(QStringLiteral("QLabel { color: #a4262c; }"));
    m_problemsLabel->hide();
}

/// The open dataset's upload progress (hidden until it uploads).
QHBoxLayout *NewJobDialog::createProgressRow()
{
    m_progressBar = new QProgressBar(this);
    m_progressBar->setObjectName(QStringLiteral("uploadProgressBar"));
    m_progressLabel = new QLabel(this);
    m_progressLabel->setObjectName(QStringLiteral("progressLabel"));
    m_progressBar->hide();
    m_progressLabel->hide();
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progressLabel, 1);
    progressRow->addWidget(m_progressBar, 1);
    return progressRow;
}

/// Start training, Cancel and Estimate Again.
void NewJobDialog::createButtons()
{
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_startButton = m_buttons->button(QDialogButtonBox::Ok);
    m_startButton->setObjectName(QStringLiteral("startPushButton"));
    m_startButton->setText(tr("Start training"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelPushButton"));
    // Asks the service for the price again after it could not answer.
    m_estimateAgainButton =
            m_buttons->addButton(tr("Estimate Again"), QDialogButtonBox::ActionRole);
    m_estimateAgainButton->setObjectName(QStringLiteral("estimateAgainPushButton"));
    m_estimateAgainButton->setAutoDefault(false);
    m_estimateAgainButton->hide();
    connect(m_estimateAgainButton, &QPushButton::clicked, this, &NewJobDialog::requestEstimate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewJobDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &NewJobDialog::reject);
}

void NewJobDialog::resizeToFit(QWidget *parent)
{
    // Roomy where there is room; on a small screen (1024×600) never taller or wider than the
    // screen's free area nor than the window it belongs to: the form scrolls, the buttons below
    // it stay in sight.
    QSize size(780, 780);
    if (const QScreen *screen = parent ? parent->screen() : this->screen())
        size = size.boundedTo(screen->availableGeometry().size());
    if (parent)
        size = size.boundedTo(parent->window()->size());
    resize(size);
}

NewJobDialog::~NewJobDialog()
{
    // No answer reaches a dialog on its way out.
    delete m_provider;
    m_provider = nullptr;
    if (m_estimateReply)
        m_estimateReply->abort();
    if (m_modelsReply)
        m_modelsReply->abort();
    if (m_limitsReply)
        m_limitsReply->abort();
    if (m_reply)
        m_reply->abort();
    if (m_filesReply)
        m_filesReply->abort();
    if (m_countReply)
        m_countReply->abort();
}

QWidget *NewJobDialog::createForm()
{
    auto *form = new QWidget(this);
    auto *layout = new QVBoxLayout(form);
    layout->addWidget(createWhatBox(form));
    layout->addWidget(createSettingsBox(form));
    layout->addWidget(createExtraBox(form));
    layout->addStretch(1);
    return form;
}

/// "What to train": the base model, the files, the method and (where offered) LoRA or full.
QGroupBox *NewJobDialog::createWhatBox(QWidget *form)
{
    auto *whatBox = new QGroupBox(tr("What to train"), form);
    auto *what = new QFormLayout(whatBox);
    m_modelComboBox = new QComboBox(whatBox);
    m_modelComboBox->setObjectName(QStringLiteral("modelComboBox"));
    m_modelNoteLabel = noteLabel(whatBox, QStringLiteral("modelNoteLabel"));
    connect(m_modelComboBox, &QComboBox::currentIndexChanged, this, &NewJobDialog::onModelChanged);
    what->addRow(tr("Base model:"), m_modelComboBox);
    what->addRow(QString(), m_modelNoteLabel);
    addFileRows(what, whatBox);
    addMethodRows(what, whatBox);
    return whatBox;
}

/// The training and validation files, with a Reload for the service's list.
void NewJobDialog::addFileRows(QFormLayout *what, QGroupBox *whatBox)
{
    m_trainingComboBox = new QComboBox(whatBox);
    m_trainingComboBox->setObjectName(QStringLiteral("trainingComboBox"));
    m_validationComboBox = new QComboBox(whatBox);
    m_validationComboBox->setObjectName(QStringLiteral("validationComboBox"));
    m_filesNoteLabel = noteLabel(whatBox, QStringLiteral("filesNoteLabel"));
    auto *reloadButton = new QPushButton(tr("Reload"), whatBox);
    reloadButton->setObjectName(QStringLiteral("reloadFilesPushButton"));
    reloadButton->setToolTip(tr("Read the list of files on the service again"));
    connect(reloadButton, &QPushButton::clicked, this, &NewJobDialog::reloadFiles);
    auto *trainingRow = new QHBoxLayout;
    trainingRow->addWidget(m_trainingComboBox, 1);
    trainingRow->addWidget(reloadButton);
    what->addRow(tr("Training examples:"), trainingRow);
    what->addRow(tr("Validation examples:"), m_validationComboBox);
    what->addRow(QString(), m_filesNoteLabel);
    connect(m_trainingComboBox, &QComboBox::currentIndexChanged, this, [this] {
        updateCost();
        updateProblems();
    });
    connect(m_validationComboBox, &QComboBox::currentIndexChanged, this,
            &NewJobDialog::onSettingChanged);
}

/// Supervised or DPO, and LoRA or full training where the service lets a person choose.
void NewJobDialog::addMethodRows(QFormLayout *what, QGroupBox *whatBox)
{
    m_supervisedRadioButton =
            new QRadioButton(tr("Learn from example answers (supervised)"), whatBox);
    m_supervisedRadioButton->setObjectName(QStringLiteral("supervisedRadioButton"));
    m_dpoRadioButton =
            new QRadioButton(tr("Learn from preferred vs. rejected answers (DPO)"), whatBox);
    m_dpoRadioButton->setObjectName(QStringLiteral("dpoRadioButton"));
    m_supervisedRadioButton->setChecked(true);
    auto *methods = new QButtonGroup(this);
    methods->addButton(m_supervisedRadioButton);
    methods->addButton(m_dpoRadioButton);
    connect(m_dpoRadioButton, &QRadioButton::toggled, this, &NewJobDialog::onMethodChanged);
    auto *methodBox = new QVBoxLayout;
    methodBox->addWidget(m_supervisedRadioButton);
    methodBox->addWidget(m_dpoRadioButton);
    what->addRow(tr("Method:"), methodBox);

    // LoRA or full training, where the service lets a person choose.
    m_loraRadioButton = new QRadioButton(
            tr("LoRA: trains a small add-on to the model (faster and cheaper)"), whatBox);
    m_loraRadioButton->setObjectName(QStringLiteral("loraRadioButton"));
    m_fullRadioButton =
            new QRadioButton(tr("Full: trains the whole model (slower, costs more)"), whatBox);
    m_fullRadioButton->setObjectName(QStringLiteral("fullRadioButton"));
    auto *types = new QButtonGroup(this);
    types->addButton(m_loraRadioButton);
    types->addButton(m_fullRadioButton);
    (m_shape.defaultTrainingType == fs::TrainingSettings::Type::Full ? m_fullRadioButton
                                                                     : m_loraRadioButton)
            ->setChecked(true);
    connect(m_loraRadioButton, &QRadioButton::toggled, this, &NewJobDialog::onMethodChanged);
    auto *typeBox = new QVBoxLayout;
    typeBox->addWidget(m_loraRadioButton);
    typeBox->addWidget(m_fullRadioButton);
    what->addRow(tr("Training:"), typeBox);
    what->setRowVisible(typeBox, m_shape.chooseTrainingType);
}

/// "Training settings": one row per hyperparameter of the provider's rules.
QGroupBox *NewJobDialog::createSettingsBox(QWidget *form)
{
    auto *settingsBox = new QGroupBox(tr("Training settings"), form);
    auto *settings = new QGridLayout(settingsBox);
    const QList<fs::HyperparameterRule> rules = fs::JobFormRules::rules(m_shape.provider);
    int row = 0;
    for (const fs::HyperparameterRule &rule : rules) {
        const HyperRow h = createHyperRow(rule, settingsBox);
        settings->addWidget(h.label, row, 0);
        settings->addWidget(h.autoCheckBox, row, 1);
        settings->addWidget(h.spinBox, row, 2);
        settings->addWidget(h.explanation, row + 1, 1, 1, 2);
        row += 2;
        m_hyper << h;
    }
    settings->setColumnStretch(2, 1);
    return settingsBox;
}

/// One hyperparameter's label, "Automatic" box, number and explanation, wired to the form.
NewJobDialog::HyperRow NewJobDialog::createHyperRow(
        const fs::HyperparameterRule &rule, QWidget *settingsBox)
{
    HyperRow h;
    h.baseRule = rule;
    h.rule = rule;
    h.label = new QLabel(rule.label + QLatin1Char(':'), settingsBox);
    h.autoCheckBox = new QCheckBox(tr("Automatic"), settingsBox);
    h.autoCheckBox->setObjectName(rule.key + QStringLiteral("AutoCheckBox"));
    h.autoCheckBox->setChecked(true);
    h.autoCheckBox->setToolTip(tr("Let the service choose a value that suits your data"));
    h.spinBox = new QDoubleSpinBox(settingsBox);
    h.spinBox->setObjectName(rule.key + QStringLiteral("SpinBox"));
    h.explanation = noteLabel(settingsBox, rule.key + QStringLiteral("NoteLabel"));
    showRule(h);
    const double minimum = h.spinBox->minimum();
    // A sensible number to start from when "Automatic" is unticked.
    switch (rule.name) {
    case fs::HyperparameterRule::Name::Epochs:
        h.spinBox->setValue(3);
        break;
    case fs::HyperparameterRule::Name::BatchSize:
        h.spinBox->setValue(1);
        break;
    case fs::HyperparameterRule::Name::LearningRateMultiplier:
        h.spinBox->setValue(1.0);
        break;
    case fs::HyperparameterRule::Name::Beta:
        h.spinBox->setValue(0.1);
        break;
    default:
        h.spinBox->setValue(minimum);
        break;
    }
    // Where the service publishes its default, the number starts there.
    if (rule.defaultValue)
        h.spinBox->setValue(*rule.defaultValue);
    if (!rule.automaticText.isEmpty())
        h.autoCheckBox->setText(rule.automaticText);
    // A setting without "Automatic" is always a number.
    h.autoCheckBox->setChecked(rule.autoAllowed);
    h.autoCheckBox->setVisible(rule.autoAllowed);
    h.spinBox->setEnabled(!rule.autoAllowed);
    h.spinBox->setAccessibleName(rule.label);
    QCheckBox *autoBox = h.autoCheckBox;
    QDoubleSpinBox *spin = h.spinBox;
    connect(autoBox, &QCheckBox::toggled, this, [this, spin](bool automatic) {
        spin->setEnabled(!automatic);
        onSettingChanged();
    });
    connect(spin, &QDoubleSpinBox::valueChanged, this, &NewJobDialog::onSettingChanged);
    return h;
}

/// "Name and extras": the name suffix, a fixed seed and (where offered) metadata.
QGroupBox *NewJobDialog::createExtraBox(QWidget *form)
{
    auto *extraBox = new QGroupBox(tr("Name and extras (optional)"), form);
    auto *extra = new QFormLayout(extraBox);
    m_suffixLineEdit = new QLineEdit(extraBox);
    m_suffixLineEdit->setObjectName(QStringLiteral("suffixLineEdit"));
    m_suffixLineEdit->setMaxLength(m_shape.maxSuffixLength);
    m_suffixLineEdit->setPlaceholderText(tr("e.g. support-bot"));
    m_suffixNoteLabel = noteLabel(extraBox, QStringLiteral("suffixNoteLabel"));
    m_suffixNoteLabel->setText(tr("Added to the new model's name so you can recognise it "
                                  "(letters, digits, - and _; at most %1 characters).")
                                       .arg(m_shape.maxSuffixLength));
    connect(m_suffixLineEdit, &QLineEdit::textChanged, this, &NewJobDialog::updateProblems);
    extra->addRow(tr("Name suffix:"), m_suffixLineEdit);
    extra->addRow(QString(), m_suffixNoteLabel);

    m_seedCheckBox = new QCheckBox(tr("Fixed seed"), extraBox);
    m_seedCheckBox->setObjectName(QStringLiteral("seedCheckBox"));
    m_seedCheckBox->setToolTip(tr("With the same seed and settings, training gives (nearly) "
                                  "the same result again."));
    m_seedSpinBox = new QSpinBox(extraBox);
    m_seedSpinBox->setObjectName(QStringLiteral("seedSpinBox"));
    m_seedSpinBox->setRange(0, int(fs::JobFormRules::kMaxSeed));
    m_seedSpinBox->setValue(42);
    m_seedSpinBox->setEnabled(false);
    connect(m_seedCheckBox, &QCheckBox::toggled, m_seedSpinBox, &QSpinBox::setEnabled);
    auto *seedRow = new QHBoxLayout;
    seedRow->addWidget(m_seedCheckBox);
    seedRow->addWidget(m_seedSpinBox, 1);
    extra->addRow(tr("Seed:"), seedRow);

    QHBoxLayout *metaRow = createMetadataRow(extraBox);
    extra->addRow(tr("Metadata:"), metaRow);
    extra->setRowVisible(metaRow, m_shape.metadata);
    return extraBox;
}

/// The metadata table with its Add and Remove buttons.
QHBoxLayout *NewJobDialog::createMetadataRow(QGroupBox *extraBox)
{
    m_metadataTable = new QTableWidget(0, 2, extraBox);
    m_metadataTable->setObjectName(QStringLiteral("metadataTableWidget"));
    m_metadataTable->setHorizontalHeaderLabels({tr("Key"), tr("Value")});
    m_metadataTable->horizontalHeader()->setStretchLastSection(true);
    m_metadataTable->verticalHeader()->hide();
    m_metadataTable->setMaximumHeight(110);
    connect(m_metadataTable, &QTableWidget::itemChanged, this, &NewJobDialog::updateProblems);
    auto *addMeta = new QPushButton(tr("Add"), extraBox);
    addMeta->setObjectName(QStringLiteral("addMetadataPushButton"));
    auto *removeMeta = new QPushButton(tr("Remove"), extraBox);
    removeMeta->setObjectName(QStringLiteral("removeMetadataPushButton"));
    connect(addMeta, &QPushButton::clicked, this, [this] {
        const int r = m_metadataTable->rowCount();
        m_metadataTable->insertRow(r);
        m_metadataTable->setItem(r, 0, new QTableWidgetItem);
        m_metadataTable->setItem(r, 1, new QTableWidgetItem);
        m_metadataTable->editItem(m_metadataTable->item(r, 0));
    });
    connect(removeMeta, &QPushButton::clicked, this, [this] {
        const int r = m_metadataTable->currentRow();
        if (r >= 0)
            m_metadataTable->removeRow(r);
        updateProblems();
    });
    auto *metaButtons = new QVBoxLayout;
    metaButtons->addWidget(addMeta);
    metaButtons->addWidget(removeMeta);
    metaButtons->addStretch(1);
    auto *metaRow = new QHBoxLayout;
    metaRow->addWidget(m_metadataTable, 1);
    metaRow->addLayout(metaButtons);
    return metaRow;
}

void NewJobDialog::fillModels(const QList<fs::ModelObject> &connectionModels, bool includeUnknown)
{
    const QString previous = currentModel().id;
    m_models = fs::BaseModelCatalogue::merged(
            connectionModels, m_prices, includeUnknown, m_shape.provider);
    const QSignalBlocker blocker(m_modelComboBox);
    m_modelComboBox->clear();
    for (const fs::BaseModelInfo &info : std::as_const(m_models)) {
        // The price in the list; the whole note (price and example limit) below it.
        m_modelComboBox->addItem(tr("%1  —  %2").arg(info.id, info.priceText), info.id);
        m_modelComboBox->setItemData(m_modelComboBox->count() - 1, info.note, Qt::ToolTipRole);
        // A model that retires soon: a warning sign, and when in its tooltip.
        if (const QString retiring = retirementText(info.id); !retiring.isEmpty()) {
            const int row = m_modelComboBox->count() - 1;
            m_modelComboBox->setItemIcon(row, style()->standardIcon(QStyle::SP_MessageBoxWarning));
            m_modelComboBox->setItemData(
                    row, QString(info.note + QLatin1Char('\n') + retiring), Qt::ToolTipRole);
        }
    }
    // The model used last time, else the cheapest that suits (decided in core).
    m_modelComboBox->setCurrentIndex(fs::BaseModelCatalogue::defaultIndex(
            m_models, previous.isEmpty() ? m_lastUsedModel : previous, currentMethod()));
    onModelChanged();
}

void NewJobDialog::loadServiceModels()
{
    // A service that lists exactly the models it can fine-tune (Together AI) adds those the
    // registry does not know yet.
    if (!m_provider || !m_shape.serviceListsBaseModels)
        return;
    m_modelsReply = m_provider->listBaseModels(
            [this](const fs::ProviderResult<QList<fs::ModelObject>> &result) {
                if (result.ok())
                    fillModels(*result.value, true);
            });
}

void NewJobDialog::showRule(HyperRow &h)
{
    HyperparameterEdit::applyRule(h.spinBox, h.rule); // the wizard's mapped settings too
    h.explanation->setText(HyperparameterEdit::note(h.rule));
}

void NewJobDialog::applyRules()
{
    const QString method = currentMethod();
    for (HyperRow &h : m_hyper) {
        h.rule =
                m_limits ? fs::JobFormRules::withLimits(h.baseRule, *m_limits, method) : h.baseRule;
        showRule(h);
    }
    // LoRA or full training as the model allows.
    const bool full = !m_limits || m_limits->supportsFullTraining;
    const bool lora = !m_limits || m_limits->supportsLora;
    m_fullRadioButton->setEnabled(full);
    m_loraRadioButton->setEnabled(lora);
    if (!full && m_fullRadioButton->isChecked())
        m_loraRadioButton->setChecked(true);
    else if (!lora && m_loraRadioButton->isChecked())
        m_fullRadioButton->setChecked(true);
}

void NewJobDialog::loadModelLimits()
{
    const QString model = currentModel().id;
    if (model == m_limitsModel)
        return; // asked already
    m_limitsModel = model;
    if (m_limitsReply)
        m_limitsReply->abort();
    const bool had = m_limits.has_value();
    m_limits.reset();
    if (had)
        applyRules();
    if (!m_provider || !m_shape.serviceStatesModelLimits || model.isEmpty())
        return;
    m_limitsReply = m_provider->modelLimits(
            model, [this, model](const fs::ProviderResult<fs::ModelLimits> &result) {
                // Without an answer the registry's ranges stay: the service checks again.
                if (!result.ok() || model != currentModel().id)
                    return;
                m_limits = *result.value;
                applyRules();
                onSettingChanged();
            });
}

void NewJobDialog::fillFiles(const QList<fs::FileObject> &files)
{
    m_files = files;
    const QString training = m_trainingComboBox->currentData().toString();
    const QString validation = m_validationComboBox->currentData().toString();
    const QSignalBlocker b1(m_trainingComboBox);
    const QSignalBlocker b2(m_validationComboBox);
    m_trainingComboBox->clear();
    m_validationComboBox->clear();
    m_validationComboBox->addItem(tr("None"), QString());

    const fs::DatasetDocument *document = m_datasets ? m_datasets->document() : nullptr;
    if (document && document->count() > 0) {
        m_trainingComboBox->addItem(
                tr("The open dataset: %1 (%n example(s), uploaded when you start)", nullptr,
                        document->count())
                        .arg(document->displayName()),
                openDatasetId());
    }
    for (const fs::FileObject &file : files) {
        m_trainingComboBox->addItem(fileLabel(file), file.id);
        m_validationComboBox->addItem(fileLabel(file), file.id);
    }
    if (m_trainingComboBox->count() == 0)
        m_trainingComboBox->addItem(tr("No training files yet"), QString());
    const int t = m_trainingComboBox->findData(training);
    m_trainingComboBox->setCurrentIndex(t >= 0 ? t : 0);
    const int v = m_validationComboBox->findData(validation);
    m_validationComboBox->setCurrentIndex(v >= 0 ? v : 0);

    if (!m_filesLoaded)
        m_filesNoteLabel->setText(tr("Reading the files on the service…"));
    else if (files.isEmpty() && !(document && document->count() > 0))
        m_filesNoteLabel->setText(tr("There are no training files on the service yet. Open a "
                                     "dataset in Datasets, or upload a file in Files."));
    else
        m_filesNoteLabel->setText(tr("Files on the service made for fine-tuning (newest first). "
                                     "Validation examples are optional: they show whether the "
                                     "model also does well on examples it did not learn from."));
    updateCost();
    updateProblems();
}

void NewJobDialog::reloadFiles()
{
    if (!m_provider)
        return;
    if (m_filesReply)
        m_filesReply->abort();
    fs::FileListQuery query;
    query.purpose = QStringLiteral("fine-tune");
    query.order = QStringLiteral("desc");
    query.limit = 10000;
    m_filesReply = m_provider->listFiles(
            query, [this](const fs::ProviderResult<fs::Page<fs::FileObject>> &result) {
                m_filesLoaded = true;
                if (result.ok()) {
                    fillFiles(fs::JobFormRules::trainingFiles(result.value->data));
                } else if (result.error.kind != fs::ApiError::Kind::Cancelled) {
                    fillFiles({});
                    m_filesNoteLabel->setText(tr("The files on the service could not be read: %1")
                                                      .arg(result.error.plainMessage()));
                }
                Q_EMIT filesReady();
            });
}

fs::BaseModelInfo NewJobDialog::currentModel() const
{
    const int index = m_modelComboBox->currentIndex();
    if (index >= 0 && index < m_models.size())
        return m_models.at(index);
    return {};
}

QString NewJobDialog::currentMethod() const
{
    return m_dpoRadioButton->isChecked() ? QStringLiteral("dpo") : QStringLiteral("supervised");
}

QString NewJobDialog::retirementText(const QString &model) const
{
    const fs::RetirementCalendar &calendar = fs::RetirementCalendar::current();
    const QDate today = fs::RetirementCalendar::today();
    if (model.isEmpty() || calendar.notice(m_shape.provider, model, today).isEmpty())
        return {};
    const fs::RetirementInfo info = calendar.lookup(m_shape.provider, model);
    //: %1 e.g. "new fine-tuning stops on 6 Jan 2027 — in 30 days", %2 e.g. "stops answering on
    //: 14 Jan 2027 — in 38 days" (a model trained now stops answering then too)
    return tr("Retiring: %1; this model %2, and its fine-tunes with it.")
            .arg(info.newFineTuningSentence(today), info.sentence(today));
}

void NewJobDialog::onModelChanged()
{
    const fs::BaseModelInfo info = currentModel();
    const QString retiring = retirementText(info.id);
    m_modelNoteLabel->setText(
            retiring.isEmpty() ? info.note : info.note + QLatin1Char('\n') + retiring);
    m_dpoRadioButton->setEnabled(info.id.isEmpty() || info.dpo);
    m_dpoRadioButton->setToolTip(
            info.dpo ? QString() : tr("This model cannot learn from preferred answers."));
    m_supervisedRadioButton->setEnabled(info.id.isEmpty() || info.supervised);
    if (!info.id.isEmpty() && !info.dpo && m_dpoRadioButton->isChecked())
        m_supervisedRadioButton->setChecked(true);
    loadModelLimits();
    updateCost();
    updateProblems();
}

fs::TrainingSettings::Type NewJobDialog::currentTrainingType() const
{
    if (!m_shape.chooseTrainingType) // nothing to choose: the service's only way (Fireworks: LoRA)
        return m_shape.defaultTrainingType;
    return m_fullRadioButton->isChecked() ? fs::TrainingSettings::Type::Full
                                          : fs::TrainingSettings::Type::Lora;
}

void NewJobDialog::onSettingChanged()
{
    // A greyed automatic setting shows the number it stands for (LoRA alpha follows the rank).
    const fs::CreateJobRequest r = request();
    for (const HyperRow &h : std::as_const(m_hyper)) {
        if (!h.rule.autoAllowed || !h.autoCheckBox->isChecked())
            continue;
        if (const auto value = fs::JobFormRules::automaticValue(h.rule, r)) {
            const QSignalBlocker blocker(h.spinBox);
            h.spinBox->setValue(*value);
        }
    }
    updateCost();
    updateProblems();
}

void NewJobDialog::onMethodChanged()
{
    if (m_limits)
        applyRules(); // DPO has its own largest batch
    const QString method = currentMethod();
    const fs::TrainingSettings::Type type = currentTrainingType();
    for (HyperRow &h : m_hyper) {
        const bool visible = h.rule.appliesTo(method, type);
        h.label->setVisible(visible);
        h.autoCheckBox->setVisible(visible && h.rule.autoAllowed);
        h.spinBox->setVisible(visible);
        h.explanation->setVisible(visible);
    }
    updateCost();
    updateProblems();
}

bool NewJobDialog::selectModel(const QString &model)
{
    const int index = m_modelComboBox->findData(model);
    if (index < 0)
        return false;
    m_modelComboBox->setCurrentIndex(index);
    return true;
}

bool NewJobDialog::selectTrainingFile(const QString &fileId)
{
    const int index = m_trainingComboBox->findData(fileId);
    if (index < 0)
        return false;
    m_trainingComboBox->setCurrentIndex(index);
    return true;
}

bool NewJobDialog::selectValidationFile(const QString &fileId)
{
    const int index = m_validationComboBox->findData(fileId);
    if (index < 0)
        return false;
    m_validationComboBox->setCurrentIndex(index);
    return true;
}

fs::CreateJobRequest NewJobDialog::request() const
{
    fs::CreateJobRequest request;
    request.model = currentModel().id;
    const QString training = m_trainingComboBox->currentData().toString();
    request.trainingFile = training == openDatasetId() ? m_uploadedFileId : training;
    request.validationFile = m_validationComboBox->currentData().toString();
    request.suffix = m_suffixLineEdit->text().trimmed();
    if (m_seedCheckBox->isChecked())
        request.seed = m_seedSpinBox->value();
    request.methodType = currentMethod();
    request.settings.type = currentTrainingType();
    for (const HyperRow &h : m_hyper) {
        if (!h.rule.appliesTo(request.methodType, request.settings.type))
            continue;
        fs::Hyperparameter value;
        value.isAuto = h.rule.autoAllowed && h.autoCheckBox->isChecked();
        value.value = h.spinBox->value();
        fs::JobFormRules::setValue(&request, h.rule.name, value);
    }
    for (int row = 0; m_shape.metadata && row < m_metadataTable->rowCount(); ++row) {
        const QTableWidgetItem *key = m_metadataTable->item(row, 0);
        const QTableWidgetItem *value = m_metadataTable->item(row, 1);
        const QString k = key ? key->text().trimmed() : QString();
        if (!k.isEmpty())
            request.metadata.insert(k, value ? value->text() : QString());
    }
    return request;
}

QList<fs::FormProblem> NewJobDialog::problems() const
{
    fs::CreateJobRequest r = request();
    // The open dataset gets its file id on the way; it is not a problem before.
    if (m_trainingComboBox->currentData().toString() == openDatasetId() && r.trainingFile.isEmpty())
        r.trainingFile = QStringLiteral("file-pending-upload");
    QList<fs::FormProblem> problems =
            fs::JobFormRules::validate(r, m_shape.provider, m_limits ? &*m_limits : nullptr);
    if (!r.validationFile.isEmpty() && r.validationFile == r.trainingFile) {
        problems << fs::FormProblem {QStringLiteral("validation_file"),
                tr("The validation examples should be a different file from the training "
                   "examples, or none.")};
    }
    return problems;
}

void NewJobDialog::updateProblems()
{
    // Shown live once a first attempt was made or as soon as something is out of range; a
    // fresh form does not start with red text.
    const QList<fs::FormProblem> list = problems();
    QStringList lines;
    for (const fs::FormProblem &problem : list) {
        if (problem.field == QLatin1String("training_file") && !m_filesLoaded)
            continue;
        lines << QStringLiteral("• ") + problem.message;
    }
    m_problemsLabel->setText(lines.join(QLatin1Char('\n')));
    m_problemsLabel->setVisible(!lines.isEmpty());
    if (m_shape.servicePricesJob) {
        const bool uploadFirst = m_trainingComboBox->currentData().toString() == openDatasetId()
                && m_uploadedFileId.isEmpty();
        m_startButton->setText(
                uploadFirst ? tr("Upload and show the price") : tr("Start training"));
    }
    m_startButton->setEnabled(canStart());
}

bool NewJobDialog::canStart() const
{
    if (m_busy)
        return false;
    if (!m_shape.servicePricesJob)
        return true;
    // The open dataset is uploaded first; its price is shown before training can start.
    if (m_trainingComboBox->currentData().toString() == openDatasetId()
            && m_uploadedFileId.isEmpty())
        return true;
    return m_estimate && m_estimate->allowed && !m_estimateKey.isEmpty()
            && m_estimateKey == estimateKey();
}

std::optional<fs::PriceEstimate> NewJobDialog::priceEstimate() const
{
    if (m_estimate && m_estimateKey == estimateKey())
        return m_estimate;
    return std::nullopt;
}

QWidget *NewJobDialog::widgetForField(const QString &field) const
{
    if (field == QLatin1String("model"))
        return m_modelComboBox;
    if (field == QLatin1String("training_file"))
        return m_trainingComboBox;
    if (field == QLatin1String("validation_file"))
        return m_validationComboBox;
    if (field == QLatin1String("suffix"))
        return m_suffixLineEdit;
    if (field == QLatin1String("seed"))
        return m_seedSpinBox;
    if (field == QLatin1String("metadata"))
        return m_metadataTable;
    if (field == QLatin1String("training_type"))
        return m_loraRadioButton;
    for (const HyperRow &h : m_hyper) {
        if (h.rule.key == field)
            return h.spinBox;
    }
    return nullptr;
}

void NewJobDialog::updateCost()
{
    if (!m_costLabel)
        return;
    if (m_shape.servicePricesJob) {
        updateServiceEstimate();
        return;
    }
    const fs::CreateJobRequest r = request();
    const int epochs = r.hyperparameters.nEpochs.isAuto ? 0 : int(r.hyperparameters.nEpochs.value);
    const QString training = m_trainingComboBox->currentData().toString();
    const TrainingTokens counted = trainingTokens(training);

    // The number of examples is known before their tokens are (the open dataset): the epochs
    // "Automatic" stands for can show at once.
    qint64 examples = counted.known ? counted.tokens.size() : -1;
    if (training == openDatasetId() && m_datasets && m_datasets->document())
        examples = m_datasets->document()->count();
    showAutomaticEpochs(examples);

    m_costLabel->setText(costText(training, counted, epochs));
}

NewJobDialog::TrainingTokens NewJobDialog::trainingTokens(const QString &training)
{
    QList<qint32> tokens;
    bool known = false;
    QString unknownReason;
    if (training == openDatasetId()) {
        const fs::DatasetDocument *document = m_datasets ? m_datasets->document() : nullptr;
        if (document) {
            tokens.reserve(document->count());
            int uncounted = 0;
            for (int row = 0; row < document->count(); ++row) {
                const qint32 t = document->summary(row).tokens;
                tokens << t;
                uncounted += t < 0 ? 1 : 0;
            }
            known = uncounted == 0;
            if (!known)
                unknownReason = tr("The open dataset's tokens are still being counted.");
        }
    } else if (!training.isEmpty()) {
        if (m_fileTokens.contains(training)) {
            tokens = m_fileTokens.value(training);
            known = true;
        } else if (m_countingFileId == training) {
            unknownReason = tr("Counting the tokens of %1…").arg(training);
        } else if (!m_countProblem.isEmpty()) {
            unknownReason = m_countProblem;
        } else {
            countFileTokens(training);
            unknownReason = tr("Counting the tokens of %1…").arg(training);
        }
    }
    return {tokens, known, unknownReason};
}

QString NewJobDialog::costText(
        const QString &training, const TrainingTokens &counted, int epochs) const
{
    const fs::BaseModelInfo model = currentModel();
    const QLocale locale;
    QString text;
    if (model.id.isEmpty()) {
        text = tr("Choose a base model to see the estimated cost.");
    } else if (training.isEmpty()) {
        text = tr("Choose the training examples to see the estimated cost.");
    } else if (!counted.known) {
        text = tr("Estimated cost: not known yet. %1").arg(counted.unknownReason);
    } else {
        const fs::CostEstimate estimate = fs::CostEstimate::compute(
                counted.tokens, model.id, model.trainingUsdPerMillion, epochs);
        const QString billed =
                tr("%1 examples × %2 epochs: %3 tokens billed")
                        .arg(locale.toString(estimate.examples), locale.toString(estimate.epochs),
                                locale.toString(estimate.billedTokens));
        if (estimate.hasCost()) {
            text = tr("<b>Estimated cost: %1</b> (%2 at %3 per million tokens). The service "
                      "bills what it actually trains; this is an estimate.")
                           .arg(fs::formatCostUsd(estimate.costUsd, locale), billed,
                                   fs::formatCostUsd(estimate.usdPerMillion, locale));
        } else {
            text = tr("<b>Estimated cost: unknown</b>: the price of %1 is not in the price "
                      "table (%2).")
                           .arg(model.id, billed);
        }
        if (epochs == 0)
            text += QLatin1Char(' ')
                    + tr("With automatic epochs the service may choose differently.");
    }
    return text;
}

QByteArray NewJobDialog::estimateKey() const
{
    if (!m_provider)
        return {};
    const fs::CreateJobRequest r = request();
    if (r.trainingFile.isEmpty() || r.model.isEmpty())
        return {};
    const fs::Expected<fs::HttpCall> call = m_provider->dialect().estimatePrice(r);
    return call.ok() ? call.value().path.toUtf8() + '\n' + call.value().body : QByteArray();
}

void NewJobDialog::updateServiceEstimate()
{
    const QByteArray key = estimateKey();
    const bool asked = !m_estimateKey.isEmpty() && key == m_estimateKey;
    m_estimateAgainButton->setVisible(asked && !m_estimateProblem.isEmpty() && !m_busy);
    if (asked && m_estimate) {
        m_costLabel->setText(fs::JobFormRules::priceEstimateText(*m_estimate, m_shape.serviceName));
        return;
    }
    if (asked && !m_estimateProblem.isEmpty()) {
        m_costLabel->setText(m_estimateProblem.toHtmlEscaped());
        return;
    }
    if (asked && m_estimateReply) {
        m_costLabel->setText(tr("Asking %1 for the price…").arg(m_shape.serviceName));
        return;
    }
    // The form changed since the last estimate: it no longer applies.
    m_estimate.reset();
    m_estimateProblem.clear();
    m_estimateKey.clear();
    if (m_estimateReply)
        m_estimateReply->abort();
    m_estimateTimer->stop();

    const fs::CreateJobRequest r = request();
    const QString training = m_trainingComboBox->currentData().toString();
    if (r.model.isEmpty()) {
        m_costLabel->setText(tr("Choose a base model to see the price."));
    } else if (training == openDatasetId() && m_uploadedFileId.isEmpty()) {
        m_costLabel->setText(tr("%1 states the price once the open dataset is uploaded: "
                                "“Upload and show the price” sends it, then shows the price; "
                                "training starts only when you press Start.")
                                     .arg(m_shape.serviceName));
    } else if (r.trainingFile.isEmpty()) {
        m_costLabel->setText(tr("Choose the training examples to see the price."));
    } else if (!problems().isEmpty() || key.isEmpty()) {
        m_costLabel->setText(tr("Correct the settings above to see the price."));
    } else {
        m_costLabel->setText(tr("Asking %1 for the price…").arg(m_shape.serviceName));
        m_estimateTimer->start(); // once the form rests
    }
}

void NewJobDialog::requestEstimate()
{
    if (!m_provider)
        return;
    const QByteArray key = estimateKey();
    if (key.isEmpty())
        return;
    if (m_estimateReply)
        m_estimateReply->abort();
    m_estimate.reset();
    m_estimateProblem.clear();
    m_estimateKey = key;
    m_estimateAgainButton->hide();
    m_costLabel->setText(tr("Asking %1 for the price…").arg(m_shape.serviceName));
    m_estimateReply = m_provider->estimatePrice(
            request(), [this, key](const fs::ProviderResult<fs::PriceEstimate> &result) {
                if (key != m_estimateKey)
                    return; // an answer for a form that has changed since
                if (!result.ok() && result.error.kind == fs::ApiError::Kind::Cancelled)
                    return;
                m_estimateReply = nullptr;
                if (result.ok())
                    m_estimate = *result.value;
                else
                    m_estimateProblem = fs::JobFormRules::priceEstimateFailure(
                            result.error, m_shape.serviceName);
                updateServiceEstimate();
                updateProblems();
                Q_EMIT priceEstimateShown();
            });
    updateProblems();
}

void NewJobDialog::showAutomaticEpochs(qint64 examples)
{
    for (const HyperRow &h : std::as_const(m_hyper)) {
        if (h.rule.name != fs::HyperparameterRule::Name::Epochs)
            continue;
        if (examples <= 0) {
            h.autoCheckBox->setText(tr("Automatic"));
            continue;
        }
        // The rule the estimate uses (EpochRule, in core): the greyed number is the one counted.
        const int epochs = fs::EpochRule::defaultEpochs(examples);
        h.autoCheckBox->setText(tr("Automatic (%1 for this dataset)").arg(epochs));
        if (h.autoCheckBox->isChecked()) {
            const QSignalBlocker blocker(h.spinBox);
            h.spinBox->setValue(epochs);
        }
    }
}

void NewJobDialog::countFileTokens(const QString &fileId)
{
    if (!m_provider || m_countingFileId == fileId)
        return;
    qint64 bytes = 0;
    for (const fs::FileObject &file : std::as_const(m_files)) {
        if (file.id == fileId)
            bytes = file.bytes;
    }
    if (bytes > kMaxCountedFileBytes) {
        m_countProblem = tr("The file is too large to count here; the cost shows on the "
                            "service's invoice.");
        return;
    }
    if (m_countReply)
        m_countReply->abort();
    m_countingFileId = fileId;
    m_countProblem.clear();
    const fs::Tokenizer::Encoding encoding = fs::Tokenizer::encodingForModel(currentModel().id);
    m_countReply = m_provider->fileContent(
            fileId, [this, fileId, encoding](const fs::ProviderResult<QByteArray> &result) {
                if (!result.ok()) {
                    if (m_countingFileId == fileId)
                        m_countingFileId.clear();
                    if (result.error.kind != fs::ApiError::Kind::Cancelled) {
                        m_countProblem = tr("The file could not be read to count its tokens: %1")
                                                 .arg(result.error.plainMessage());
                        updateCost();
                    }
                    return;
                }
                // Counting a large file takes a moment: in the background, the form responsive.
                // The same count as the sandbox bills (trained_tokens).
                m_tokenCount->startFile(fileId, *result.value, encoding);
            });
}

void NewJobDialog::onFileTokensCounted(const QString &fileId, const QList<qint32> &tokens)
{
    m_fileTokens.insert(fileId, tokens);
    if (m_countingFileId == fileId)
        m_countingFileId.clear();
    updateCost();
}

QString NewJobDialog::costText() const
{
    return m_costLabel->text();
}

QString NewJobDialog::refusalText() const
{
    return m_refusalLabel->isHidden() ? QString() : m_refusalLabel->text();
}

void NewJobDialog::setBusy(bool busy, const QString &text)
{
    m_busy = busy;
    m_form->setEnabled(!busy);
    m_startButton->setEnabled(!busy && canStart());
    m_buttons->button(QDialogButtonBox::Cancel)->setText(busy ? tr("Stop") : tr("Cancel"));
    m_progressLabel->setText(text);
    m_progressLabel->setVisible(busy);
    m_progressBar->setVisible(busy);
    if (busy) {
        m_progressBar->setRange(0, 0);
        m_refusalLabel->hide();
    }
}

void NewJobDialog::showRefusal(const QString &message, const QString &field)
{
    setBusy(false);
    m_refusalLabel->setText(message);
    m_refusalLabel->show();
    if (QWidget *widget = widgetForField(field))
        widget->setFocus();
    Q_EMIT failed(message);
}

void NewJobDialog::accept()
{
    start();
}

void NewJobDialog::reject()
{
    if (m_busy) {
        if (m_task && m_task->isActive())
            m_task->cancel();
        if (m_reply)
            m_reply->abort();
        setBusy(false);
        return;
    }
    QDialog::reject();
}

void NewJobDialog::start()
{
    if (m_busy || !m_provider || !canStart())
        return;
    m_refusalLabel->hide();
    updateProblems();
    const QList<fs::FormProblem> list = problems();
    if (!list.isEmpty()) {
        if (QWidget *widget = widgetForField(list.first().field))
            widget->setFocus();
        return;
    }
    if (m_trainingComboBox->currentData().toString() == openDatasetId())
        uploadDataset();
    else
        createJob(m_trainingComboBox->currentData().toString());
}

void NewJobDialog::setUploadQueue(fs::UploadQueue *queue)
{
    m_queue = queue;
}

void NewJobDialog::uploadDataset()
{
    const fs::DatasetDocument *document = m_datasets ? m_datasets->document() : nullptr;
    if (!document) {
        showRefusal(tr("The dataset was closed. Choose a file on the service instead."),
                QStringLiteral("training_file"));
        return;
    }
    const QByteArray bytes = document->toBytes();
    const QByteArray hash = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    if (hash == m_uploadedHash && !m_uploadedFileId.isEmpty()) {
        createJob(m_uploadedFileId); // already sent, unchanged since
        return;
    }
    QString name = document->filePath().isEmpty() ? QStringLiteral("dataset.jsonl")
                                                  : document->displayName();
    if (!name.endsWith(QLatin1String(".jsonl"), Qt::CaseInsensitive))
        name += QStringLiteral(".jsonl");
    if (!m_queue)
        m_queue = new fs::UploadQueue(new QNetworkAccessManager(this), this);
    fs::UploadSettings settings;
    settings.options = m_uploadOptions;
    settings.preflight = false; // the open dataset: its problems are shown in Datasets
    // The task goes to the dialog's service; the queue's next tasks still go where they did.
    const fs::Connection previous = m_queue->connection();
    m_queue->setConnection(m_client->connection());
    fs::UploadTask *task = m_queue->addData(name, bytes, settings);
    m_queue->setConnection(previous);
    m_task = task;
    setBusy(true, tr("Uploading %1…").arg(name));
    connect(task, &fs::UploadTask::progressChanged, this,
            [this, name](const fs::UploadProgress &progress) {
                const QLocale locale;
                switch (progress.phase) {
                case fs::UploadProgress::Phase::Preparing:
                case fs::UploadProgress::Phase::Completing:
                    m_progressBar->setRange(0, 0);
                    break;
                case fs::UploadProgress::Phase::Sending:
                    m_progressBar->setRange(0, 1000);
                    m_progressBar->setValue(progress.totalBytes > 0
                                    ? int(1000 * progress.sentBytes / progress.totalBytes)
                                    : 0);
                    m_progressLabel->setText(
                            tr("Uploading %1: %2 of %3")
                                    .arg(name, locale.formattedDataSize(progress.sentBytes),
                                            locale.formattedDataSize(progress.totalBytes)));
                    break;
                case fs::UploadProgress::Phase::Processing:
                    m_progressBar->setRange(0, 0);
                    m_progressLabel->setText(tr("The service is checking %1…").arg(name));
                    break;
                case fs::UploadProgress::Phase::Finished:
                    break;
                }
            });
    connect(task, &fs::UploadTask::finished, this, [this, task, hash] {
        switch (task->stage()) {
        case fs::UploadTask::Stage::Done:
            m_uploadedHash = hash;
            m_uploadedFileId = task->file().id;
            if (m_shape.servicePricesJob) {
                // The price of the uploaded file is shown before training can start.
                setBusy(false);
                onSettingChanged();
                break;
            }
            createJob(m_uploadedFileId);
            break;
        case fs::UploadTask::Stage::Cancelled:
            setBusy(false);
            break;
        default:
            showRefusal(tr("The open dataset could not be uploaded: %1").arg(task->errorMessage()),
                    QStringLiteral("training_file"));
            break;
        }
    });
}

void NewJobDialog::createJob(const QString &trainingFileId)
{
    fs::CreateJobRequest r = request();
    r.trainingFile = trainingFileId;
    setBusy(true, tr("Asking the service to start training…"));
    m_reply = m_provider->createJob(r, [this](const fs::ProviderResult<fs::FineTuningJob> &result) {
        if (result.ok()) {
            setBusy(false);
            Q_EMIT jobCreated(*result.value);
            QDialog::accept();
            return;
        }
        if (result.error.kind == fs::ApiError::Kind::Cancelled) {
            setBusy(false);
            return;
        }
        showRefusal(fs::JobFormRules::refusalMessage(result.error),
                fs::JobFormRules::refusalField(result.error));
    });
}

} // namespace fs::ui
