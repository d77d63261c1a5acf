// SPDX-License-Identifier: GPL-3.0-or-later
#include "capturedialog.h"

#include "captureprompts.h"
#include "capturerun.h"
#include "comparisonsession.h"
#include "datasetarea.h"
#include "datasetdocument.h"
#include "deployofferbar.h"
#include "filedialog.h"
#include "messagebox.h"
#include "playgroundconnections.h"
#include "targetselector.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace fs::ui {

namespace {

QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

} // namespace

CaptureDialog::CaptureDialog(
        PlaygroundConnections *connections, QNetworkAccessManager *nam, QWidget *parent)
    : QDialog(parent)
    , m_connections(connections)
    , m_run(new CaptureRun(nam, this))
{
    setObjectName(QStringLiteral("captureDialog"));
    setWindowTitle(tr("Capture Answers"));

    auto *intro = note(tr("Sends each prompt to a model and keeps its answers as a new dataset: "
                          "to keep a model's behaviour before it stops answering, or to train "
                          "another model on it. Interrupted, start again with the same file: it "
                          "continues where it stopped."),
            this);
    QFormLayout *form = buildForm();
    buildProgress();
    QDialogButtonBox *buttons = buildButtons();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_progressBar);
    layout->addWidget(m_statusLabel);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connectParts();
    setSource(Source::File);
    updatePromptCount();
    updateActions();
    resize(640, 520);
}

QFormLayout *CaptureDialog::buildForm()
{
    m_target = new TargetSelector(m_connections, this);
    m_target->setObjectName(QStringLiteral("captureTargetSelector"));
    m_deployOffer = new DeployOfferBar(m_connections, this);

    m_sourceComboBox = new QComboBox(this);
    m_sourceComboBox->setObjectName(QStringLiteral("captureSourceComboBox"));
    m_sourceComboBox->addItem(tr("The open dataset"), int(Source::Dataset));
    m_sourceComboBox->addItem(tr("A file of examples or prompts"), int(Source::File));
    m_sourceComboBox->addItem(tr("The Playground conversation"), int(Source::Conversation));
    m_sourceComboBox->addItem(tr("A list I paste"), int(Source::List));
    buildSourceStack();
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("capturePromptCountLabel"));
    m_countLabel->setWordWrap(true);
    QHBoxLayout *outputRow = buildOutputRow();
    QHBoxLayout *settingsRow = buildSettingsRow();

    auto *form = new QFormLayout;
    form->addRow(tr("Model:"), m_target);
    form->addRow(QString(), m_deployOffer);
    form->addRow(tr("Prompts from:"), m_sourceComboBox);
    form->addRow(QString(), m_sourceStack);
    form->addRow(QString(), m_countLabel);
    form->addRow(tr("Answers go to:"), outputRow);
    form->addRow(tr("Settings:"), settingsRow);
    return form;
}

void CaptureDialog::buildSourceStack()
{
    // One page per entry of the source combo box, in its order.
    m_sourceStack = new QStackedWidget(this);
    m_sourceStack->addWidget(note(tr("Each example of the dataset open in Datasets, up to its "
                                     "last answer (that answer is replaced)."),
            m_sourceStack));
    auto *filePage = new QWidget(m_sourceStack);
    m_fileLineEdit = new QLineEdit(filePage);
    m_fileLineEdit->setObjectName(QStringLiteral("captureFileLineEdit"));
    m_fileLineEdit->setPlaceholderText(
            tr("A .jsonl dataset, a saved Playground comparison, or a text file of prompts"));
    auto *browse = new QPushButton(tr("Browse…"), filePage);
    auto *fileRow = new QHBoxLayout(filePage);
    fileRow->setContentsMargins(0, 0, 0, 0);
    fileRow->addWidget(m_fileLineEdit, 1);
    fileRow->addWidget(browse);
    m_sourceStack->addWidget(filePage);
    m_sourceStack->addWidget(note(tr("Every message you sent in Side by Side, with the "
                                     "conversation before it."),
            m_sourceStack));
    m_listEdit = new QPlainTextEdit(m_sourceStack);
    m_listEdit->setObjectName(QStringLiteral("captureListEdit"));
    m_listEdit->setPlaceholderText(tr("One prompt per line.\n\nOr prompts of several lines, "
                                      "separated by an empty line."));
    m_sourceStack->addWidget(m_listEdit);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = askPath(QStringLiteral("captureSource"));
        if (!path.isEmpty())
            setSourceFile(path);
    });
}

QHBoxLayout *CaptureDialog::buildOutputRow()
{
    m_outputLineEdit = new QLineEdit(this);
    m_outputLineEdit->setObjectName(QStringLiteral("captureOutputLineEdit"));
    auto *browseOutput = new QPushButton(tr("Choose…"), this);
    auto *outputRow = new QHBoxLayout;
    outputRow->addWidget(m_outputLineEdit, 1);
    outputRow->addWidget(browseOutput);
    connect(browseOutput, &QPushButton::clicked, this, [this] {
        const QString path = askPath(QStringLiteral("captureOutput"));
        if (!path.isEmpty())
            setOutputPath(path);
    });
    return outputRow;
}

QHBoxLayout *CaptureDialog::buildSettingsRow()
{
    m_temperatureSpinBox = new QDoubleSpinBox(this);
    m_temperatureSpinBox->setObjectName(QStringLiteral("captureTemperatureSpinBox"));
    m_temperatureSpinBox->setRange(0, 2);
    m_temperatureSpinBox->setSingleStep(0.1);
    m_temperatureSpinBox->setDecimals(1);
    m_temperatureSpinBox->setValue(0);
    m_temperatureSpinBox->setToolTip(
            tr("0 keeps the model's most likely answer: the same prompt gives the same answer."));
    m_seedSpinBox = new QSpinBox(this);
    m_seedSpinBox->setObjectName(QStringLiteral("captureSeedSpinBox"));
    m_seedSpinBox->setRange(-1, std::numeric_limits<int>::max());
    m_seedSpinBox->setValue(-1);
    m_seedSpinBox->setSpecialValueText(tr("None"));
    m_seedSpinBox->setToolTip(tr("Services that support it repeat an answer for the same seed."));
    m_concurrencySpinBox = new QSpinBox(this);
    m_concurrencySpinBox->setObjectName(QStringLiteral("captureConcurrencySpinBox"));
    m_concurrencySpinBox->setRange(1, 32);
    m_concurrencySpinBox->setValue(4);
    m_concurrencySpinBox->setToolTip(tr("How many prompts are asked at the same time. When the "
                                        "service says too many, the capture waits and goes on."));
    auto *settingsRow = new QHBoxLayout;
    settingsRow->addWidget(new QLabel(tr("Temperature:"), this));
    settingsRow->addWidget(m_temperatureSpinBox);
    settingsRow->addSpacing(12);
    settingsRow->addWidget(new QLabel(tr("Seed:"), this));
    settingsRow->addWidget(m_seedSpinBox);
    settingsRow->addSpacing(12);
    settingsRow->addWidget(new QLabel(tr("Requests at once:"), this));
    settingsRow->addWidget(m_concurrencySpinBox);
    settingsRow->addStretch(1);
    return settingsRow;
}

void CaptureDialog::buildProgress()
{
    m_progressBar = new QProgressBar(this);
    m_progressBar->setObjectName(QStringLiteral("captureProgressBar"));
    m_progressBar->setRange(0, 1);
    m_progressBar->setValue(0);
    m_progressBar->setFormat(tr("%v of %m"));
    m_progressBar->hide(); // until something is sent
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("captureStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
}

QDialogButtonBox *CaptureDialog::buildButtons()
{
    auto *buttons = new QDialogButtonBox(this);
    m_startButton = buttons->addButton(tr("Start"), QDialogButtonBox::ActionRole);
    m_startButton->setObjectName(QStringLiteral("captureStartPushButton"));
    m_startButton->setDefault(true);
    m_stopButton = buttons->addButton(tr("Stop"), QDialogButtonBox::ActionRole);
    m_stopButton->setObjectName(QStringLiteral("captureStopPushButton"));
    m_openButton = buttons->addButton(tr("Open in the Editor"), QDialogButtonBox::ActionRole);
    m_openButton->setObjectName(QStringLiteral("captureOpenPushButton"));
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);
    return buttons;
}

void CaptureDialog::connectParts()
{
    connect(m_sourceComboBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        // Only the page shown takes room (a one-line note, or the list to paste into).
        for (int page = 0; page < m_sourceStack->count(); ++page)
            m_sourceStack->widget(page)->setSizePolicy(
                    page == index ? QSizePolicy::Preferred : QSizePolicy::Ignored,
                    page == index ? QSizePolicy::Preferred : QSizePolicy::Ignored);
        m_sourceStack->setCurrentIndex(index);
        m_sourceStack->adjustSize();
        updatePromptCount();
        suggestOutput();
    });
    connect(m_fileLineEdit, &QLineEdit::editingFinished, this, [this] {
        updatePromptCount();
        suggestOutput();
    });
    connect(m_listEdit, &QPlainTextEdit::textChanged, this, &CaptureDialog::updatePromptCount);
    connect(m_outputLineEdit, &QLineEdit::textEdited, this, [this] { m_outputEdited = true; });
    connect(m_target, &TargetSelector::targetChanged, this, [this] {
        m_deployOffer->hide();
        suggestOutput();
        updateActions();
    });
    connect(m_startButton, &QPushButton::clicked, this, &CaptureDialog::start);
    connect(m_stopButton, &QPushButton::clicked, this, &CaptureDialog::stop);
    connect(m_openButton, &QPushButton::clicked, this,
            [this] { Q_EMIT datasetCaptured(m_run->outputPath()); });
    connect(m_closeButton, &QPushButton::clicked, this, &CaptureDialog::reject);
    connect(m_run, &CaptureRun::progress, this, &CaptureDialog::onProgress);
    connect(m_run, &CaptureRun::finished, this, &CaptureDialog::onFinished);
    connect(m_run, &CaptureRun::paused, this, [this](int delayMs) {
        m_statusLabel->setText(tr("The service asked to slow down. Continuing in %1 s…")
                                       .arg(std::max(1, (delayMs + 999) / 1000)));
    });
    connect(m_run, &CaptureRun::resumed, this,
            [this] { onProgress(m_run->answered(), m_run->total(), m_run->failedCount()); });
}

CaptureDialog::~CaptureDialog()
{
    m_run->cancel();
}

CaptureDialog *CaptureDialog::open(QWidget *parent, PlaygroundConnections *connections,
        const QString &modelId, const QString &connectionId)
{
    auto *dialog = new CaptureDialog(connections, connections->networkAccessManager(), parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!modelId.isEmpty())
        dialog->setModel(modelId, connectionId);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

void CaptureDialog::setModel(const QString &modelId, const QString &connectionId)
{
    if (!connectionId.isEmpty())
        m_target->setConnectionId(connectionId);
    m_target->setModel(modelId);
    suggestOutput();
}

void CaptureDialog::setDatasetArea(DatasetArea *datasets)
{
    m_datasets = datasets;
    if (datasets && !datasets->isWelcomeShown() && datasets->document()->count() > 0)
        setSource(Source::Dataset);
    updatePromptCount();
}

void CaptureDialog::setSession(const ComparisonSession *session)
{
    m_session = session;
    updatePromptCount();
}

void CaptureDialog::setSource(Source source)
{
    m_sourceComboBox->setCurrentIndex(m_sourceComboBox->findData(int(source)));
}

CaptureDialog::Source CaptureDialog::source() const
{
    return Source(m_sourceComboBox->currentData().toInt());
}

void CaptureDialog::setSourceFile(const QString &path)
{
    m_fileLineEdit->setText(path);
    setSource(Source::File);
    updatePromptCount();
    suggestOutput();
}

void CaptureDialog::setPastedPrompts(const QString &text)
{
    m_listEdit->setPlainText(text);
    setSource(Source::List);
}

void CaptureDialog::setOutputPath(const QString &path)
{
    m_outputLineEdit->setText(path);
    m_outputEdited = true;
}

QString CaptureDialog::outputPath() const
{
    return m_outputLineEdit->text().trimmed();
}

CapturePromptsLoad CaptureDialog::loadPrompts() const
{
    CapturePromptsLoad load;
    switch (source()) {
    case Source::Dataset:
        if (!m_datasets || m_datasets->isWelcomeShown())
            load.error = tr("Open a dataset in Datasets first.");
        else
            load = capturePromptsFrom(*m_datasets->document());
        break;
    case Source::File:
        if (m_fileLineEdit->text().trimmed().isEmpty())
            load.error = tr("Choose the file with the prompts.");
        else
            load = loadCapturePrompts(m_fileLineEdit->text().trimmed(), m_target->model());
        break;
    case Source::Conversation:
        if (!m_session)
            load.error = tr("There is no Playground conversation.");
        else
            load = capturePromptsFromSession(*m_session, m_target->model());
        if (load.prompts.isEmpty())
            load.error = tr("Send a message in Side by Side first: its messages are the "
                            "prompts.");
        break;
    case Source::List:
        load = capturePromptsFromList(m_listEdit->toPlainText());
        break;
    }
    return load;
}

void CaptureDialog::updatePromptCount()
{
    if (m_run->isRunning())
        return;
    const CapturePromptsLoad load = loadPrompts();
    QString text;
    if (!load.error.isEmpty()) {
        text = load.error;
    } else {
        text = tr("%n prompt(s) will be sent.", nullptr, int(load.prompts.size()));
        if (load.skipped > 0)
            text += QLatin1Char(' ')
                    + (load.skipped == 1
                                    ? tr("1 example without a message from the user is left out.")
                                    : tr("%1 examples without a message from the user are left "
                                         "out.")
                                              .arg(load.skipped));
    }
    m_countLabel->setText(text);
    updateActions();
}

void CaptureDialog::suggestOutput()
{
    if (m_outputEdited || m_run->isRunning())
        return;
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString base = QStringLiteral("prompts");
    QString sourcePath;
    if (source() == Source::File)
        sourcePath = m_fileLineEdit->text().trimmed();
    else if (source() == Source::Dataset && m_datasets)
        sourcePath = m_datasets->document()->filePath();
    else if (source() == Source::Conversation)
        base = QStringLiteral("playground");
    if (!sourcePath.isEmpty()) {
        folder = QFileInfo(sourcePath).absolutePath();
        base = QFileInfo(sourcePath).completeBaseName();
    }
    QString model = m_target->model();
    model.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("-"));
    const QString name = model.isEmpty() ? QStringLiteral("%1-answers.jsonl").arg(base)
                                         : QStringLiteral("%1-answers-%2.jsonl").arg(base, model);
    m_outputLineEdit->setText(QDir(folder).filePath(name));
}

void CaptureDialog::updateActions()
{
    const bool running = m_run->isRunning();
    m_startButton->setEnabled(!running && !m_target->model().isEmpty());
    m_stopButton->setEnabled(running);
    m_openButton->setVisible(!running && m_run->answered() > 0);
    for (QWidget *widget :
            {static_cast<QWidget *>(m_target), static_cast<QWidget *>(m_sourceComboBox),
                    static_cast<QWidget *>(m_sourceStack), static_cast<QWidget *>(m_outputLineEdit),
                    static_cast<QWidget *>(m_temperatureSpinBox),
                    static_cast<QWidget *>(m_seedSpinBox),
                    static_cast<QWidget *>(m_concurrencySpinBox)})
        widget->setEnabled(!running);
}

bool CaptureDialog::start()
{
    if (m_run->isRunning())
        return false;
    const CapturePromptsLoad load = loadPrompts();
    if (!load.error.isEmpty()) {
        m_statusLabel->setText(load.error);
        return false;
    }
    ModelTarget target = m_target->target();
    if (target.model.isEmpty()) {
        m_statusLabel->setText(tr("Choose the model whose answers to keep."));
        return false;
    }
    if (outputPath().isEmpty()) {
        m_statusLabel->setText(tr("Choose the file the answers go to."));
        return false;
    }
    if (source() == Source::File
            && QFileInfo(outputPath()).absoluteFilePath()
                    == QFileInfo(m_fileLineEdit->text().trimmed()).absoluteFilePath()) {
        m_statusLabel->setText(tr("The answers cannot go into the file the prompts come from. "
                                  "Choose another file for them."));
        return false;
    }
    // A fine-tuned model that must be deployed is asked through its running deployment.
    if (!m_deployOffer->route(&target)) {
        m_statusLabel->setText(tr("Nothing was sent: this model must be deployed first."));
        return false;
    }
    target.temperature = m_temperatureSpinBox->value();
    if (m_seedSpinBox->value() >= 0)
        target.seed = m_seedSpinBox->value();
    QString error;
    if (!m_run->prepare(load.prompts, target, load.source, outputPath(), &error)) {
        m_statusLabel->setText(error);
        return false;
    }
    m_run->setConcurrency(m_concurrencySpinBox->value());
    m_progressBar->setRange(0, std::max(1, m_run->total()));
    m_progressBar->setValue(m_run->answered());
    m_progressBar->show();
    m_run->start();
    if (m_run->isRunning()) { // else onFinished() has said how it ended
        QString text = m_run->resumedFrom() > 0
                ? tr("Continuing: %1 of %2 answers were already in the file.")
                          .arg(m_run->resumedFrom())
                          .arg(m_run->total())
                : tr("Asking %1…").arg(target.model);
        if (m_run->repairedBytes() > 0)
            text += QLatin1Char(' ')
                    + tr("The last answer in the file was cut off when the capture stopped; it "
                         "is asked again.");
        m_statusLabel->setText(text);
    }
    updateActions();
    return true;
}

void CaptureDialog::stop()
{
    m_run->cancel();
}

void CaptureDialog::onProgress(int answered, int total, int failed)
{
    m_progressBar->setRange(0, std::max(1, total));
    m_progressBar->setValue(answered);
    if (!m_run->isPaused())
        m_statusLabel->setText(failed > 0
                        ? tr("%1 of %2 answers captured, %3 failed.")
                                  .arg(answered)
                                  .arg(total)
                                  .arg(failed)
                        : tr("%1 of %2 answers captured.").arg(answered).arg(total));
}

void CaptureDialog::onFinished(bool cancelled)
{
    const QString name = QFileInfo(m_run->outputPath()).fileName();
    if (!m_run->error().isEmpty()) {
        m_statusLabel->setText(m_run->error());
    } else if (cancelled) {
        m_statusLabel->setText(tr("Stopped. The %1 answers so far are kept in %2; Start "
                                  "continues with the rest.")
                                       .arg(m_run->answered())
                                       .arg(name));
    } else if (m_run->failedCount() > 0) {
        m_statusLabel->setText(tr("%1 of %2 answers are in %3. %4 could not be obtained: %5 "
                                  "Start again to ask for the missing ones.")
                                       .arg(m_run->answered())
                                       .arg(m_run->total())
                                       .arg(name)
                                       .arg(m_run->failedCount())
                                       .arg(m_run->failureSummary()));
    } else {
        m_statusLabel->setText(tr("All %1 answers are in %2.").arg(m_run->total()).arg(name));
    }
    updateActions();
    if (!cancelled && m_run->error().isEmpty() && m_run->remaining() == 0)
        Q_EMIT datasetCaptured(m_run->outputPath());
}

// Escape, Close and the window's close button all come here.
void CaptureDialog::reject()
{
    if (m_run->isRunning()
            && MessageBox::question(this, tr("Capture Answers"), tr("Stop capturing?"),
                       QMessageBox::Yes | QMessageBox::No, QMessageBox::No,
                       tr("The answers so far are kept. Start the capture again with the same "
                          "file to continue."))
                    != QMessageBox::Yes)
        return;
    m_run->cancel();
    QDialog::reject();
}

QString CaptureDialog::askPath(const QString &kind)
{
    if (kind == QLatin1String("captureSource"))
        return FileDialog::getOpenFileName(this, kind, tr("Choose Prompts"),
                QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
                tr("Datasets and prompt lists (*.jsonl *.json *.txt);;All files (*)"));
    return FileDialog::getSaveFileName(this, kind, tr("Save the Answers As"), outputPath(),
            tr("Chat datasets (*.jsonl)"), QFileDialog::DontConfirmOverwrite);
}

} // namespace fs::ui
