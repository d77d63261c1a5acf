// SPDX-License-Identifier: GPL-3.0-or-later
#include "newjobdialog.h"

#include "apiclient.h"
#include "datasetarea.h"
#include "datasetstatistics.h"
#include "hyperparameteredit.h"
#include "providerclient.h"
#include "tokenizer.h"
#include "uploadqueue.h"
#include "wheelguard.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace fs::ui {

namespace {

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

} // namespace fs::ui
