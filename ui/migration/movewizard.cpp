// SPDX-License-Identifier: GPL-3.0-or-later
#include "movewizard.h"

#include "apiclient.h"
#include "captureprompts.h"
#include "capturerun.h"
#include "connectionstore.h"
#include "datasetexport.h"
#include "deploydialog.h"
#include "deploymenthub.h"
#include "deploymentmanager.h"
#include "filedialog.h"
#include "jobformrules.h"
#include "jobhistory.h"
#include "jobtexts.h"
#include "jobtracker.h"
#include "modelregistry.h"
#include "paritycheck.h"
#include "paritypanel.h"
#include "playgroundconnections.h"
#include "providerclient.h"
#include "uploadqueue.h"
#include "uploadtask.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace fs::ui {

namespace {

using Step = MigrationState::Step;

QLabel *wrappingLabel(QWidget *parent, const QString &text = {})
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

void showProblem(QLabel *label, const QString &problem)
{
    label->setText(problem);
    label->setStyleSheet(problem.isEmpty() ? QString() : QStringLiteral("color: #b3261e;"));
    label->setVisible(!problem.isEmpty());
}

// ---- 1. Captured answers --------------------------------------------------------------------

class CaptureWizardPage : public QWizardPage
{
public:
    explicit CaptureWizardPage(MoveWizard *wizard)
        : m_wizard(wizard)
        , m_pathEdit(new QLineEdit(this))
        , m_promptsEdit(new QLineEdit(this))
        , m_captureButton(new QPushButton(tr("Capture"), this))
        , m_progress(new QProgressBar(this))
        , m_captureStatus(wrappingLabel(this))
        , m_problem(wrappingLabel(this))
        , m_run(new CaptureRun(wizard->networkAccessManager(), this))
    {
        setObjectName(QStringLiteral("capturePage"));
        setTitle(MigrationFlow::stepTitle(Step::Capture));
        auto *intro = wrappingLabel(this,
                tr("A fine-tune stops working when its base model retires. To keep what it "
                   "learned, the app trains a new model elsewhere on the old one's own answers. "
                   "Those answers are a chat file whose last answers are %1's: a capture.")
                        .arg(wizard->state().sourceModel));
        m_pathEdit->setObjectName(QStringLiteral("capturePath"));
        m_pathEdit->setPlaceholderText(tr("A capture made before (.jsonl)"));
        m_promptsEdit->setObjectName(QStringLiteral("capturePrompts"));
        m_promptsEdit->setPlaceholderText(
                tr("Prompts to ask it: a dataset or validation file (.jsonl)"));
        m_captureButton->setObjectName(QStringLiteral("captureButton"));
        m_progress->setRange(0, 1);
        m_progress->setValue(0);
        m_progress->hide();
        auto *browse = new QPushButton(tr("Choose File…"), this);
        auto *browsePrompts = new QPushButton(tr("Choose File…"), this);
        auto *other = new QPushButton(tr("Other Sources…"), this);
        other->setObjectName(QStringLiteral("captureNow"));
        other->setToolTip(tr("Prompts from the Playground or a pasted list"));
        other->setVisible(bool(wizard->captureHandler()));
        auto *newRow = new QHBoxLayout;
        newRow->addWidget(m_promptsEdit, 1);
        newRow->addWidget(browsePrompts);
        newRow->addWidget(m_captureButton);
        newRow->addWidget(other);
        auto *oldRow = new QHBoxLayout;
        oldRow->addWidget(m_pathEdit, 1);
        oldRow->addWidget(browse);
        auto *form = new QFormLayout;
        form->addRow(tr("Capture now:"), newRow);
        form->addRow(QString(), m_progress);
        form->addRow(QString(), m_captureStatus);
        form->addRow(tr("Captured answers:"), oldRow);
        auto *hint = wrappingLabel(this,
                tr("Capturing asks %1 each prompt (temperature 0) and writes the answers beside "
                   "the prompts file as they arrive: if it stops, capturing again goes on where "
                   "it stopped. A part of the answers is held back to check the new model "
                   "against. The more prompts, the better: at least %2.")
                        .arg(wizard->state().sourceModel)
                        .arg(DatasetSplit::minimumTrainingExamples() + MigrationFlow::kMinHeldOut));
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(intro);
        layout->addLayout(form);
        layout->addWidget(hint);
        layout->addWidget(m_problem);
        layout->addStretch(1);
        showProblem(m_problem, {});
        connect(browse, &QPushButton::clicked, this,
                [this] { choose(m_pathEdit, tr("Captured Answers")); });
        connect(browsePrompts, &QPushButton::clicked, this,
                [this] { choose(m_promptsEdit, tr("Prompts")); });
        connect(m_captureButton, &QPushButton::clicked, this, [this] { captureOrCancel(); });
        connect(other, &QPushButton::clicked, this,
                [this] { m_wizard->captureHandler()(m_wizard); });
        connect(wizard, &MoveWizard::captureFileChosen, m_pathEdit, &QLineEdit::setText);
        connect(m_pathEdit, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
        connect(m_run, &CaptureRun::progress, this, [this](int answered, int total, int failed) {
            m_progress->setRange(0, std::max(1, total));
            m_progress->setValue(answered);
            m_captureStatus->setText(failed > 0
                            ? tr("%1 of %2 answered, %3 failed.")
                                      .arg(answered)
                                      .arg(total)
                                      .arg(failed)
                            : tr("%1 of %2 answered.").arg(answered).arg(total));
        });
        connect(m_run, &CaptureRun::finished, this,
                [this](bool cancelled) { onCaptured(cancelled); });
        connect(m_wizard->connections(), &PlaygroundConnections::ready, this,
                [this](const QString &id) {
                    if (m_waitingForKey && id == m_wizard->state().sourceConnectionId)
                        startCapture();
                });
        connect(m_wizard->connections(), &PlaygroundConnections::failed, this,
                [this](const QString &id, const QString &message) {
                    if (m_waitingForKey && id == m_wizard->state().sourceConnectionId) {
                        m_waitingForKey = false;
                        m_captureButton->setEnabled(true);
                        showProblem(m_problem, message);
                    }
                });
    }

    void initializePage() override { m_pathEdit->setText(m_wizard->state().capturePath); }
    bool isComplete() const override
    {
        return !m_run->isRunning() && !m_pathEdit->text().trimmed().isEmpty();
    }
    bool validatePage() override
    {
        const QString problem =
                MigrationFlow::useCapture(m_wizard->mutableState(), m_pathEdit->text().trimmed());
        showProblem(m_problem, problem);
        return problem.isEmpty() && m_wizard->saveState();
    }

private:
    void choose(QLineEdit *edit, const QString &title)
    {
        const QString path = FileDialog::getOpenFileName(this, edit->objectName(), title,
                QFileInfo(edit->text()).absolutePath(),
                tr("Chat examples (*.jsonl);;All files (*)"));
        if (!path.isEmpty())
            edit->setText(path);
    }

    void captureOrCancel()
    {
        if (m_run->isRunning()) {
            m_run->cancel();
            return;
        }
        showProblem(m_problem, {});
        const QString source = m_wizard->state().sourceConnectionId;
        m_captureButton->setEnabled(false);
        m_waitingForKey = true;
        m_wizard->connections()->load(source);
        if (m_wizard->connections()->isReady(source))
            startCapture();
    }

    void startCapture()
    {
        m_waitingForKey = false;
        m_captureButton->setEnabled(true);
        const CapturePromptsLoad load = capturePromptsFromJsonl(m_promptsEdit->text().trimmed());
        if (!load.error.isEmpty()) {
            showProblem(m_problem, load.error);
            return;
        }
        const MigrationState &s = m_wizard->state();
        ModelTarget target;
        target.connection = m_wizard->connections()->connection(s.sourceConnectionId);
        target.model = s.sourceModel;
        const QFileInfo prompts(m_promptsEdit->text().trimmed());
        const QString out = prompts.dir().filePath(
                prompts.completeBaseName() + QStringLiteral(".captured.jsonl"));
        QString error;
        if (!m_run->prepare(load.prompts, target, load.source, out, &error)) {
            showProblem(m_problem, error);
            return;
        }
        m_captureButton->setText(tr("Stop"));
        m_progress->show();
        m_run->start();
        Q_EMIT completeChanged();
    }

    void onCaptured(bool cancelled)
    {
        m_captureButton->setText(tr("Capture"));
        Q_EMIT completeChanged();
        if (!m_run->error().isEmpty()) {
            showProblem(m_problem, m_run->error());
            return;
        }
        if (cancelled) {
            m_captureStatus->setText(tr("Stopped with %1 of %2 answered; capture again to go on.")
                                             .arg(m_run->answered())
                                             .arg(m_run->total()));
            return;
        }
        if (m_run->failedCount() > 0) {
            showProblem(m_problem, m_run->failureSummary());
            return;
        }
        m_captureStatus->setText(tr("All %1 answers captured.").arg(m_run->total()));
        m_pathEdit->setText(m_run->outputPath());
    }

    MoveWizard *m_wizard;
    QLineEdit *m_pathEdit;
    QLineEdit *m_promptsEdit;
    QPushButton *m_captureButton;
    QProgressBar *m_progress;
    QLabel *m_captureStatus;
    QLabel *m_problem;
    CaptureRun *m_run;
    bool m_waitingForKey = false;
};

// ---- 2. Check and split ---------------------------------------------------------------------

class SplitWizardPage : public QWizardPage
{
public:
    explicit SplitWizardPage(MoveWizard *wizard)
        : m_wizard(wizard)
        , m_share(new QSpinBox(this))
        , m_summary(wrappingLabel(this))
        , m_problem(wrappingLabel(this))
    {
        setObjectName(QStringLiteral("splitPage"));
        setTitle(MigrationFlow::stepTitle(Step::Split));
        m_share->setObjectName(QStringLiteral("heldOutShare"));
        m_share->setRange(10, 50);
        m_share->setSuffix(QStringLiteral(" %"));
        auto *form = new QFormLayout;
        form->addRow(tr("Keep back for the check:"), m_share);
        auto *explain = wrappingLabel(this,
                tr("The captured answers are checked like any training file (a service refuses "
                   "a file with errors). Then they are split: the larger part trains the new "
                   "model, the part kept back is never trained on — the new model answers those "
                   "prompts in the parity check, and its answers are compared with the old "
                   "model's."));
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_summary);
        layout->addLayout(form);
        layout->addWidget(explain);
        layout->addWidget(m_problem);
        layout->addStretch(1);
        showProblem(m_problem, {});
    }

    void initializePage() override
    {
        const MigrationState &s = m_wizard->state();
        m_share->setValue(qRound(s.heldOutRatio * 100));
        m_summary->setText(tr("%1 answered examples in %2.")
                                   .arg(s.captureExamples)
                                   .arg(QFileInfo(s.capturePath).fileName()));
    }
    bool validatePage() override
    {
        MigrationState *s = m_wizard->mutableState();
        const QString problem =
                MigrationFlow::lintAndSplit(s, m_share->value() / 100.0, s->splitSeed);
        showProblem(m_problem, problem);
        return problem.isEmpty() && m_wizard->saveState();
    }

private:
    MoveWizard *m_wizard;
    QSpinBox *m_share;
    QLabel *m_summary;
    QLabel *m_problem;
};

// ---- 3. The new service ---------------------------------------------------------------------

class TargetWizardPage : public QWizardPage
{
public:
    explicit TargetWizardPage(MoveWizard *wizard)
        : m_wizard(wizard)
        , m_summary(wrappingLabel(this))
        , m_connections(new QComboBox(this))
        , m_models(new QComboBox(this))
        , m_table(new QTableWidget(0, 4, this))
        , m_clamp(new QCheckBox(tr("Use the nearest allowed value where a setting is out of "
                                   "range"),
                  this))
        , m_price(wrappingLabel(this))
        , m_problem(wrappingLabel(this))
    {
        setObjectName(QStringLiteral("targetPage"));
        setTitle(MigrationFlow::stepTitle(Step::Target));
        m_connections->setObjectName(QStringLiteral("targetConnection"));
        m_models->setObjectName(QStringLiteral("targetModel"));
        m_table->setObjectName(QStringLiteral("mappedSettings"));
        m_price->setObjectName(QStringLiteral("price"));
        m_clamp->setObjectName(QStringLiteral("clamp"));
        m_table->setHorizontalHeaderLabels(
                {tr("Setting"), tr("Before"), tr("On the new service"), tr("Why")});
        m_table->verticalHeader()->hide();
        m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        m_table->setWordWrap(true);
        m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
        m_table->setSelectionMode(QAbstractItemView::NoSelection);
        auto *form = new QFormLayout;
        form->addRow(tr("Connection:"), m_connections);
        form->addRow(tr("Base model:"), m_models);
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_summary);
        layout->addLayout(form);
        layout->addWidget(m_table, 1);
        layout->addWidget(m_clamp);
        layout->addWidget(m_price);
        layout->addWidget(m_problem);
        showProblem(m_problem, {});
        connect(m_connections, &QComboBox::currentIndexChanged, this, [this] { fillModels(); });
        connect(m_models, &QComboBox::currentIndexChanged, this, [this] { showMapping(); });
        connect(m_clamp, &QCheckBox::toggled, this, [this] { showMapping(); });
    }

    void initializePage() override
    {
        const MigrationState &s = m_wizard->state();
        m_summary->setText(tr("%1 examples to train on, %2 kept back for the check. Where "
                              "should the new model be trained?")
                                   .arg(s.trainingExamples)
                                   .arg(s.heldOutExamples));
        const QSignalBlocker blocker(m_connections);
        m_connections->clear();
        int preferred = -1;
        const QList<Connection> all = m_wizard->connections()->store()->connections();
        for (const Connection &connection : all) {
            const ProviderKind kind = connection.providerKind();
            m_connections->addItem(QStringLiteral("%1 (%2)").arg(connection.name,
                                           ModelRegistry::provider(kind).displayName()),
                    connection.id);
            const bool chosenBefore = connection.id == s.targetConnectionId;
            if (chosenBefore || (preferred < 0 && kind == s.targetProvider))
                preferred = m_connections->count() - 1;
        }
        m_connections->setCurrentIndex(std::max(0, preferred));
        m_clamp->setChecked(s.clampToRange);
        fillModels();
    }

    bool validatePage() override
    {
        const QString problem = MigrationFlow::chooseTarget(m_wizard->mutableState(),
                m_connections->currentData().toString(), currentKind(),
                m_models->currentData().toString(), m_clamp->isChecked());
        showProblem(m_problem, problem);
        return problem.isEmpty() && m_wizard->saveState();
    }

private:
    ProviderKind currentKind() const
    {
        const std::optional<Connection> connection = m_wizard->connections()->store()->connection(
                m_connections->currentData().toString());
        return connection ? connection->providerKind() : ProviderKind::OpenAI;
    }

    void fillModels()
    {
        const QSignalBlocker blocker(m_models);
        m_models->clear();
        const ProviderModels &models = ModelRegistry::provider(currentKind());
        for (const RegisteredModel &model : models.models()) {
            if (model.legacy || !model.supportsMethod(QStringLiteral("supervised")))
                continue;
            m_models->addItem(model.id, model.id);
        }
        const int previous = m_models->findData(m_wizard->state().targetModel);
        m_models->setCurrentIndex(std::max(0, previous));
        showMapping();
    }

    void showMapping()
    {
        const HyperparameterMapping mapping =
                MigrationFlow::mapping(m_wizard->state(), currentKind(), m_clamp->isChecked());
        m_table->setRowCount(int(mapping.settings.size()));
        for (int r = 0; r < mapping.settings.size(); ++r) {
            const MappedSetting &setting = mapping.settings.at(r);
            const QStringList cells = {setting.label, setting.fromText, setting.toText,
                    setting.problem.isEmpty() ? setting.explanation : setting.problem};
            for (int c = 0; c < cells.size(); ++c) {
                auto *item = new QTableWidgetItem(cells.at(c));
                item->setToolTip(cells.at(c));
                if (!setting.problem.isEmpty())
                    item->setForeground(QColor(0xb3, 0x26, 0x1e));
                m_table->setItem(r, c, item);
            }
        }
        m_table->resizeColumnsToContents();
        m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
        // Once the last column has its stretched width, the rows fit their wrapped text.
        QTimer::singleShot(0, m_table, &QTableWidget::resizeRowsToContents);
        m_clamp->setVisible(!mapping.isAcceptable() || m_clamp->isChecked());
        // The price for the settings as they would be sent.
        MigrationState preview = m_wizard->state();
        preview.targetProvider = currentKind();
        preview.targetModel = m_models->currentData().toString();
        preview.targetSettings = mapping.request;
        const PriceTable prices = PriceTable::load(m_wizard->settings());
        m_price->setText(MigrationFlow::priceText(preview, prices));
        showProblem(m_problem, {});
    }

    MoveWizard *m_wizard;
    QLabel *m_summary;
    QComboBox *m_connections;
    QComboBox *m_models;
    QTableWidget *m_table;
    QCheckBox *m_clamp;
    QLabel *m_price;
    QLabel *m_problem;
};

// ---- 4. Upload and train --------------------------------------------------------------------

class TrainWizardPage : public QWizardPage
{
public:
    explicit TrainWizardPage(MoveWizard *wizard)
        : m_wizard(wizard)
        , m_summary(wrappingLabel(this))
        , m_uploadButton(new QPushButton(this))
        , m_startButton(new QPushButton(tr("Start Training"), this))
        , m_status(wrappingLabel(this))
        , m_price(wrappingLabel(this))
        , m_problem(wrappingLabel(this))
    {
        setObjectName(QStringLiteral("trainPage"));
        setTitle(MigrationFlow::stepTitle(Step::Train));
        m_uploadButton->setObjectName(QStringLiteral("uploadButton"));
        m_startButton->setObjectName(QStringLiteral("startButton"));
        m_status->setObjectName(QStringLiteral("trainStatus"));
        auto *buttons = new QHBoxLayout;
        buttons->addWidget(m_uploadButton);
        buttons->addWidget(m_startButton);
        buttons->addStretch(1);
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_summary);
        layout->addLayout(buttons);
        layout->addWidget(m_price);
        layout->addWidget(m_status);
        layout->addWidget(m_problem);
        layout->addStretch(1);
        showProblem(m_problem, {});
        connect(m_uploadButton, &QPushButton::clicked, this, [this] { upload(); });
        connect(m_startButton, &QPushButton::clicked, this, [this] { startJob(); });
        connect(m_wizard->connections(), &PlaygroundConnections::ready, this,
                [this](const QString &id) {
                    if (id == m_wizard->state().targetConnectionId)
                        onConnectionReady();
                });
        connect(m_wizard->connections(), &PlaygroundConnections::failed, this,
                [this](const QString &id, const QString &message) {
                    if (id == m_wizard->state().targetConnectionId)
                        showProblem(m_problem, message);
                });
    }

    void initializePage() override
    {
        const MigrationState &s = m_wizard->state();
        const JobFormShape shape = JobFormRules::shape(s.targetProvider);
        m_summary->setText(tr("The %1 training examples go to %2, and %3 is fine-tuned on them "
                              "with the settings of the last page.")
                                   .arg(s.trainingExamples)
                                   .arg(shape.serviceName, s.targetModel));
        m_uploadButton->setText(
                shape.servicePricesJob ? tr("Upload and Show the Price") : tr("Upload"));
        m_uploadButton->setEnabled(false);
        m_startButton->setEnabled(false);
        m_price->setText(MigrationFlow::priceText(s, PriceTable::load(m_wizard->settings())));
        m_status->setText(tr("Reading the connection…"));
        m_wizard->connections()->load(s.targetConnectionId);
        if (m_wizard->connections()->isReady(s.targetConnectionId))
            onConnectionReady();
    }

    bool isComplete() const override { return m_wizard->state().step > Step::Train; }
    int nextId() const override
    {
        return m_wizard->state().needsDeployment ? MoveWizard::DeployPage : MoveWizard::ParityPage;
    }

private:
    void onConnectionReady()
    {
        if (m_client)
            return;
        const MigrationState &s = m_wizard->state();
        m_connection = m_wizard->connections()->connection(s.targetConnectionId);
        m_api = new ApiClient(m_wizard->networkAccessManager(), m_connection, this);
        m_client = new ProviderClient(m_api, this);
        m_history = std::make_unique<JobHistory>(m_connection.id);
        m_history->setDialectId(m_client->dialect().id());
        m_history->open();
        m_tracker = new JobTracker(m_api, this);
        m_tracker->setHistory(m_history->isOpen() ? m_history.get() : nullptr);
        connect(m_tracker, &JobTracker::jobUpdated, this, [this](const FineTuningJob &job) {
            if (job.id != m_wizard->state().jobId)
                return;
            QString text = tr("Training: %1.").arg(JobTexts::statusText(job));
            if (job.totalSteps && job.stepsCompleted)
                text += QLatin1Char(' ')
                        + tr("Step %1 of %2.").arg(*job.stepsCompleted).arg(*job.totalSteps);
            m_status->setText(text);
            onJob(job);
        });
        connect(m_tracker, &JobTracker::finished, this,
                [this](const FineTuningJob &job) { onJob(job); });
        m_queue = new UploadQueue(m_wizard->networkAccessManager(), this);
        m_queue->setConnection(m_connection);
        connect(m_queue, &UploadQueue::uploaded, this,
                [this](UploadTask *, const FileObject &file) { onUploaded(file.id); });
        connect(m_queue, &UploadQueue::taskStageChanged, this, [this](UploadTask *task) {
            if (task->stage() == UploadTask::Stage::Failed
                    || task->stage() == UploadTask::Stage::Cancelled) {
                showProblem(m_problem, task->errorMessage());
                m_uploadButton->setEnabled(true);
            } else if (task->stage() == UploadTask::Stage::NeedsConfirmation) {
                showProblem(m_problem, tr("The check found problems in the training part."));
                m_uploadButton->setEnabled(true);
            } else if (task->stage() != UploadTask::Stage::Done) {
                m_status->setText(task->stageText()); // done: onUploaded() says so
            }
        });
        const MigrationState &state = m_wizard->state();
        if (!state.jobId.isEmpty()) {
            m_status->setText(tr("Following job %1…").arg(state.jobId));
            m_tracker->watch(state.jobId);
        } else if (!state.trainingFileId.isEmpty()) {
            onUploaded(state.trainingFileId);
        } else {
            m_status->setText(
                    tr("Ready to upload %1.").arg(QFileInfo(state.trainingPath).fileName()));
            m_uploadButton->setEnabled(true);
        }
    }

    void upload()
    {
        showProblem(m_problem, {});
        m_uploadButton->setEnabled(false);
        UploadSettings settings;
        m_queue->addFile(m_wizard->state().trainingPath, settings);
    }

    void onUploaded(const QString &fileId)
    {
        MigrationState *s = m_wizard->mutableState();
        s->trainingFileId = fileId;
        m_wizard->saveState();
        m_uploadButton->setEnabled(false);
        const JobFormShape shape = JobFormRules::shape(s->targetProvider);
        m_status->setText(tr("Uploaded as %1.").arg(fileId));
        if (!shape.servicePricesJob) {
            m_startButton->setEnabled(true);
            return;
        }
        m_price->setText(tr("Asking %1 for the price…").arg(shape.serviceName));
        m_client->estimatePrice(MigrationFlow::jobRequest(*s),
                [this, shape](const ProviderResult<PriceEstimate> &result) {
                    m_price->setText(result.ok() ? JobFormRules::priceEstimateText(
                                             *result.value, shape.serviceName)
                                                 : JobFormRules::priceEstimateFailure(
                                                         result.error, shape.serviceName));
                    m_startButton->setEnabled(!result.ok() || result.value->allowed);
                });
    }

    void startJob()
    {
        m_startButton->setEnabled(false);
        showProblem(m_problem, {});
        m_client->createJob(MigrationFlow::jobRequest(m_wizard->state()),
                [this](const ProviderResult<FineTuningJob> &result) {
                    if (!result.ok()) {
                        showProblem(m_problem, JobFormRules::refusalMessage(result.error));
                        m_startButton->setEnabled(true);
                        return;
                    }
                    MigrationFlow::trainingStarted(m_wizard->mutableState(),
                            m_wizard->state().trainingFileId, result.value->id);
                    m_wizard->saveState();
                    if (m_history && m_history->isOpen())
                        m_history->saveJob(*result.value);
                    m_status->setText(tr("Job %1 started.").arg(result.value->id));
                    m_tracker->watch(result.value->id);
                });
    }

    void onJob(const FineTuningJob &job)
    {
        if (!job.isTerminal())
            return;
        const QString problem = MigrationFlow::trainingUpdate(m_wizard->mutableState(), job);
        m_wizard->saveState();
        showProblem(m_problem, problem);
        if (problem.isEmpty() && job.status == FineTuningJob::Status::Succeeded)
            m_status->setText(tr("Trained: %1.").arg(job.fineTunedModel));
        else
            m_startButton->setEnabled(true);
        Q_EMIT completeChanged();
    }

    MoveWizard *m_wizard;
    QLabel *m_summary;
    QPushButton *m_uploadButton;
    QPushButton *m_startButton;
    QLabel *m_status;
    QLabel *m_price;
    QLabel *m_problem;
    Connection m_connection;
    ApiClient *m_api = nullptr;
    ProviderClient *m_client = nullptr;
    JobTracker *m_tracker = nullptr;
    UploadQueue *m_queue = nullptr;
    std::unique_ptr<JobHistory> m_history;
};

// ---- 5. Deploy ------------------------------------------------------------------------------

class DeployWizardPage : public QWizardPage
{
public:
    explicit DeployWizardPage(MoveWizard *wizard)
        : m_wizard(wizard)
        , m_summary(wrappingLabel(this))
        , m_deployButton(new QPushButton(tr("Deploy…"), this))
        , m_problem(wrappingLabel(this))
    {
        setObjectName(QStringLiteral("deployPage"));
        setTitle(MigrationFlow::stepTitle(Step::Deploy));
        m_deployButton->setObjectName(QStringLiteral("deployButton"));
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_summary);
        layout->addWidget(m_deployButton, 0, Qt::AlignLeft);
        layout->addWidget(m_problem);
        layout->addStretch(1);
        showProblem(m_problem, {});
        connect(m_deployButton, &QPushButton::clicked, this, [this] { deploy(); });
    }

    void initializePage() override
    {
        const MigrationState &s = m_wizard->state();
        m_summary->setText(tr("On %1 a fine-tuned model answers only while it runs on hardware "
                              "of its own, billed per minute. Deploy %2 for the check; the app "
                              "stops it when it is idle, and View → Deployments… lists it.")
                                   .arg(ModelRegistry::provider(s.targetProvider).displayName(),
                                           s.fineTunedModel));
        m_wizard->connections()->load(s.targetConnectionId);
    }
    bool isComplete() const override { return m_wizard->state().step > Step::Deploy; }

private:
    void deploy()
    {
        DeploymentHub *hub = m_wizard->deployments();
        const MigrationState &s = m_wizard->state();
        const Connection connection = m_wizard->connections()->connection(s.targetConnectionId);
        if (!hub || connection.id.isEmpty()) {
            showProblem(m_problem, tr("The connection is not ready yet; try again in a moment."));
            return;
        }
        DeploymentManager *manager = hub->manager(connection);
        if (const std::optional<TrackedDeployment> running =
                        manager->runningFor(s.fineTunedModel)) {
            done(manager, running->deployment.id);
            return;
        }
        auto *dialog = new DeployDialog(manager, s.fineTunedModel, this);
        dialog->setObjectName(QStringLiteral("moveDeployDialog"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &DeployDialog::deploymentReady, this,
                [this, manager, dialog] { done(manager, dialog->deploymentId()); });
        dialog->open();
    }

    void done(DeploymentManager *manager, const QString &id)
    {
        MigrationState *s = m_wizard->mutableState();
        const QString problem =
                MigrationFlow::deployed(s, id, manager->servedName(s->fineTunedModel));
        m_wizard->saveState();
        showProblem(m_problem, problem);
        if (problem.isEmpty())
            m_summary->setText(tr("%1 runs and answers.").arg(s->fineTunedModel));
        Q_EMIT completeChanged();
    }

    MoveWizard *m_wizard;
    QLabel *m_summary;
    QPushButton *m_deployButton;
    QLabel *m_problem;
};

// ---- 6. Parity check ------------------------------------------------------------------------

class ParityWizardPage : public QWizardPage
{
public:
    explicit ParityWizardPage(MoveWizard *wizard)
        : m_wizard(wizard)
        , m_summary(wrappingLabel(this))
        , m_panel(new ParityPanel(wizard->networkAccessManager(), this))
        , m_problem(wrappingLabel(this))
    {
        setObjectName(QStringLiteral("parityPage"));
        setTitle(MigrationFlow::stepTitle(Step::Parity));
        m_panel->setObjectName(QStringLiteral("parityPanel"));
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_summary);
        layout->addWidget(m_panel, 1);
        layout->addWidget(m_problem);
        showProblem(m_problem, {});
        connect(m_panel, &ParityPanel::reportSaved, this, [this](const QString &path, int verdict) {
            showProblem(m_problem,
                    MigrationFlow::parityChecked(m_wizard->mutableState(), path, verdict));
            m_wizard->saveState();
            Q_EMIT completeChanged();
        });
        connect(m_wizard->connections(), &PlaygroundConnections::ready, this,
                [this](const QString &id) {
                    if (id == m_wizard->state().targetConnectionId)
                        configure();
                });
    }

    void initializePage() override
    {
        const MigrationState &s = m_wizard->state();
        m_summary->setText(tr("The %1 prompts kept back go to %2, and each answer is compared "
                              "with %3's captured answer.")
                                   .arg(s.heldOutExamples)
                                   .arg(s.fineTunedModel, s.sourceModel));
        m_panel->runButton()->setEnabled(false);
        m_wizard->connections()->load(s.targetConnectionId);
        if (m_wizard->connections()->isReady(s.targetConnectionId))
            configure();
    }
    bool isComplete() const override { return m_wizard->state().step == Step::Done; }
    ParityPanel *panel() const { return m_panel; }

private:
    void configure()
    {
        const MigrationState &s = m_wizard->state();
        ModelTarget target;
        target.connection = m_wizard->connections()->connection(s.targetConnectionId);
        target.model = s.fineTunedModel;
        target.temperature = 0; // as the capture: the most likely answer
        if (m_wizard->deployments()) {
            const QString notReady = m_wizard->deployments()->route(&target);
            if (!notReady.isEmpty()) {
                showProblem(m_problem, notReady);
                return;
            }
        }
        const QString problem = m_panel->configure(s.heldOutPath, s.sourceModel, {}, target);
        showProblem(m_problem, problem);
        m_panel->runButton()->setEnabled(problem.isEmpty());
    }

    MoveWizard *m_wizard;
    QLabel *m_summary;
    ParityPanel *m_panel;
    QLabel *m_problem;
};

} // namespace

MoveWizard::MoveWizard(const MigrationState &state, PlaygroundConnections *connections,
        DeploymentHub *hub, QWidget *parent)
    : QWizard(parent)
    , m_state(state)
    , m_connections(connections)
    , m_hub(hub)
{
    setObjectName(QStringLiteral("moveWizard"));
    setWindowTitle(tr("Move %1 to Another Service").arg(state.sourceModel));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setPage(CapturePage, new CaptureWizardPage(this));
    setPage(SplitPage, new SplitWizardPage(this));
    setPage(TargetPage, new TargetWizardPage(this));
    setPage(TrainPage, new TrainWizardPage(this));
    setPage(DeployPage, new DeployWizardPage(this));
    setPage(ParityPage, new ParityWizardPage(this));
    setStartId(pageFor(state));
    setButtonText(QWizard::FinishButton, tr("Done"));
    setButtonText(QWizard::CancelButton, tr("Close"));
}

MoveWizard::~MoveWizard() = default;

QNetworkAccessManager *MoveWizard::networkAccessManager() const
{
    return m_connections->networkAccessManager();
}

void MoveWizard::setStorePath(const QString &path)
{
    m_storePath = path;
}

void MoveWizard::setCaptureHandler(std::function<void(MoveWizard *)> handler)
{
    m_captureHandler = std::move(handler);
    if (QPushButton *button = findChild<QPushButton *>(QStringLiteral("captureNow")))
        button->setVisible(bool(m_captureHandler));
}

void MoveWizard::useCaptureFile(const QString &path)
{
    Q_EMIT captureFileChosen(path);
}

bool MoveWizard::saveState()
{
    if (!m_storeOpen)
        m_storeOpen = m_store.open(m_storePath);
    // The flow goes on without the store (it cannot be resumed then): say so once in the log.
    if (!m_storeOpen || !m_store.save(m_state))
        qWarning("%s", qPrintable(m_store.lastError()));
    return true;
}

int MoveWizard::pageFor(const MigrationState &state)
{
    switch (MigrationFlow::resumeStep(state)) {
    case Step::Capture:
        return CapturePage;
    case Step::Split:
        return SplitPage;
    case Step::Target:
        return TargetPage;
    case Step::Train:
        return TrainPage;
    case Step::Deploy:
        return DeployPage;
    case Step::Parity:
    case Step::Done:
        break;
    }
    return ParityPage;
}

} // namespace fs::ui
