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
#include "hyperparameteredit.h"
#include "jobformrules.h"
#include "jobhistory.h"
#include "jobtexts.h"
#include "jobtracker.h"
#include "messagebox.h"
#include "modelregistry.h"
#include "paritycheck.h"
#include "paritypanel.h"
#include "playgroundconnections.h"
#include "providerclient.h"
#include "recentfiles.h"
#include "retirementcalendar.h"
#include "uploadqueue.h"
#include "uploadtask.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
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
#include <algorithm>

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
    // The context lupdate gives the page (without it tr() would be QWizardPage's, and the
    // Japanese catalogue's words for the page would never be found).
    Q_DECLARE_TR_FUNCTIONS(fs::ui::CaptureWizardPage)

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
        m_pathEdit->setPlaceholderText(
                tr("Filled in by capturing, or choose a capture made before (.jsonl)"));
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
        connect(m_promptsEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
            if (!m_run->isRunning() && !m_waitingForKey)
                m_captureButton->setEnabled(!text.trimmed().isEmpty());
        });
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

    void initializePage() override
    {
        m_pathEdit->setText(m_wizard->state().capturePath);
        // A sensible start: the dataset opened last (often the one the old model learned from).
        if (m_promptsEdit->text().isEmpty()) {
            const QStringList recent = RecentFiles().files();
            for (const QString &file : recent) {
                if (file.endsWith(QLatin1String(".jsonl")) && QFileInfo::exists(file)
                        && !file.endsWith(QLatin1String(".captured.jsonl"))) {
                    m_promptsEdit->setText(file);
                    break;
                }
            }
        }
        m_captureButton->setEnabled(!m_promptsEdit->text().trimmed().isEmpty());
    }
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
    Q_DECLARE_TR_FUNCTIONS(fs::ui::SplitWizardPage)

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
    Q_DECLARE_TR_FUNCTIONS(fs::ui::TargetWizardPage)

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
        , m_noOtherService(wrappingLabel(this))
        , m_manageButton(new QPushButton(tr("Manage Connections…"), this))
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
        m_noOtherService->setObjectName(QStringLiteral("noOtherService"));
        m_manageButton->setObjectName(QStringLiteral("manageConnections"));
        auto *addRow = new QHBoxLayout;
        addRow->addWidget(m_noOtherService, 1);
        addRow->addWidget(m_manageButton, 0, Qt::AlignTop);
        auto *form = new QFormLayout;
        form->addRow(tr("Connection:"), m_connections);
        form->addRow(QString(), addRow);
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
        connect(m_manageButton, &QPushButton::clicked, this,
                [this] { m_wizard->manageConnectionsHandler()(); });
        // A connection added meanwhile (e.g. through the button) is offered at once.
        connect(m_wizard->connections()->store(), &ConnectionStore::connectionsChanged, this,
                [this] {
                    // Still on the old model's service: a connection just added to another
                    // one is what the person came for, so it is chosen.
                    if (m_wizard->currentPage() == this)
                        fillConnections(currentKind() == m_wizard->state().sourceProvider
                                        ? QString()
                                        : m_connections->currentData().toString());
                });
    }

    void initializePage() override
    {
        const MigrationState &s = m_wizard->state();
        m_summary->setText(tr("%1 examples to train on, %2 kept back for the check. Where "
                              "should the new model be trained?")
                                   .arg(s.trainingExamples)
                                   .arg(s.heldOutExamples));
        m_clamp->setChecked(s.clampToRange);
        fillConnections(s.targetConnectionId);
    }

    bool validatePage() override
    {
        // A value that could not be carried over and was not chosen since: the mapping's
        // sentence (core refuses it); else the settings as shown, checked by core's rules.
        const bool untouchedProblem =
                std::any_of(m_rows.cbegin(), m_rows.cend(), [](const SettingRow &row) {
                    return !row.setting.problem.isEmpty() && !row.edited;
                });
        const std::optional<CreateJobRequest> settings =
                untouchedProblem ? std::nullopt : std::optional<CreateJobRequest>(editedRequest());
        const QString problem = MigrationFlow::chooseTarget(m_wizard->mutableState(),
                m_connections->currentData().toString(), currentKind(),
                m_models->currentData().toString(), m_clamp->isChecked(), settings);
        showProblem(m_problem, problem);
        return problem.isEmpty() && m_wizard->saveState();
    }

private:
    /// Every connection, the one chosen before (or the first of the wished-for service)
    /// selected; says how to add another service when there is only the old one's.
    void fillConnections(const QString &chosen)
    {
        const MigrationState &s = m_wizard->state();
        const QSignalBlocker blocker(m_connections);
        m_connections->clear();
        int preferred = -1;
        bool otherService = false;
        const QList<Connection> all = m_wizard->connections()->store()->connections();
        for (const Connection &connection : all) {
            const ProviderKind kind = connection.providerKind();
            m_connections->addItem(QStringLiteral("%1 (%2)").arg(connection.name,
                                           ModelRegistry::provider(kind).displayName()),
                    connection.id);
            otherService = otherService || kind != s.sourceProvider;
            if (connection.id == chosen || (preferred < 0 && kind == s.targetProvider))
                preferred = m_connections->count() - 1;
        }
        m_connections->setCurrentIndex(std::max(0, preferred));
        const QString practice =
                m_wizard->connections()->store()->sandboxTogetherBaseUrl().toDisplayString();
        m_noOtherService->setText(
                tr("Every connection here is %1, like the old model's. To move to another "
                   "service, add a connection to it first.")
                        .arg(ModelRegistry::provider(s.sourceProvider).displayName())
                + (practice.isEmpty() ? QString()
                                      : QLatin1Char(' ')
                                        + tr("To practise without an account, add a connection of "
                                             "the kind Together AI with the address %1 (the "
                                             "built-in "
                                             "sandbox; no key needed).")
                                                  .arg(practice)));
        m_noOtherService->setVisible(!otherService);
        m_manageButton->setVisible(!otherService && bool(m_wizard->manageConnectionsHandler()));
        fillModels();
    }

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
        const ProviderKind kind = currentKind();
        const ProviderModels &models = ModelRegistry::provider(kind);
        const RetirementCalendar &calendar = RetirementCalendar::current();
        const QDate today = RetirementCalendar::today();
        int lasting = -1; // the first model that is not retiring soon: moving there keeps it
        for (const RegisteredModel &model : models.models()) {
            if (model.legacy || !model.supportsMethod(QStringLiteral("supervised")))
                continue;
            // A base that retires soon, or whose new fine-tuning ends soon, is marked with the
            // calendar's sentence: a move there would not last.
            const RetirementInfo info = calendar.lookup(kind, model.id);
            QString notice = calendar.notice(kind, model.id, today);
            if (notice.isEmpty() && info.newFineTuningEnds.isValid()
                    && today.daysTo(info.newFineTuningEnds)
                            <= RetirementCalendar::kDefaultWarningDays)
                notice = info.newFineTuningSentence(today);
            m_models->addItem(
                    notice.isEmpty() ? model.id : tr("%1 — %2").arg(model.id, notice), model.id);
            if (notice.isEmpty() && lasting < 0)
                lasting = m_models->count() - 1;
        }
        const int previous = m_models->findData(m_wizard->state().targetModel);
        m_models->setCurrentIndex(previous >= 0 ? previous : std::max(0, lasting));
        showMapping();
    }

    struct SettingRow
    {
        MappedSetting setting;
        HyperparameterEdit *edit = nullptr; ///< null: nothing to choose (left out)
        bool edited = false; ///< the person chose the value on this page
    };

    void showMapping()
    {
        const ProviderKind kind = currentKind();
        const QString model = m_models->currentData().toString();
        const MigrationState &s = m_wizard->state();
        m_mapping = MigrationFlow::mapping(s, kind, m_clamp->isChecked());
        // Back on the page (or resumed) with the same target: the values chosen then.
        const bool chosenBefore = s.step > Step::Target && s.targetProvider == kind
                && s.targetModel == model && s.clampToRange == m_clamp->isChecked();
        const CreateJobRequest &values = chosenBefore ? s.targetSettings : m_mapping.request;
        const QList<HyperparameterRule> rules = JobFormRules::rules(kind);
        m_rows.clear();
        m_table->clearContents();
        m_table->setRowCount(int(m_mapping.settings.size()));
        for (int r = 0; r < m_mapping.settings.size(); ++r) {
            SettingRow row;
            row.setting = m_mapping.settings.at(r);
            // Chosen before: a value that differs from the mapped one was the person's.
            row.edited = chosenBefore
                    && (!row.setting.problem.isEmpty()
                            || JobFormRules::value(values, row.setting.name).toJson()
                                    != JobFormRules::value(m_mapping.request, row.setting.name)
                                               .toJson());
            const auto rule = std::find_if(
                    rules.cbegin(), rules.cend(), [&row](const HyperparameterRule &candidate) {
                        // A row of a setting carries its rule's label ("Training type" and a
                        // service without known settings have no rule).
                        return candidate.name == row.setting.name
                                && candidate.label == row.setting.label;
                    });
            if (!row.setting.leftOut && rule != rules.cend()) {
                row.edit = new HyperparameterEdit(*rule, m_table);
                row.edit->setValue(JobFormRules::value(values, rule->name),
                        JobFormRules::automaticValue(*rule, values));
                connect(row.edit, &HyperparameterEdit::edited, this, [this, r] { onEdited(r); });
                m_table->setCellWidget(r, 2, row.edit);
            }
            m_rows.append(row);
            showRow(r);
        }
        m_table->resizeColumnsToContents();
        m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
        // Once the last column has its stretched width, the rows fit their wrapped text.
        QTimer::singleShot(0, m_table, &QTableWidget::resizeRowsToContents);
        m_clamp->setVisible(!m_mapping.isAcceptable() || m_clamp->isChecked());
        showPrice();
        showProblem(m_problem, {});
    }

    /// One row's words: what it was, what it becomes (the editor, or words) and why.
    void showRow(int r)
    {
        const SettingRow &row = m_rows.at(r);
        const MappedSetting &setting = row.setting;
        const bool problem = !setting.problem.isEmpty() && !row.edited;
        QString why = problem ? setting.problem : setting.explanation;
        if (row.edit) {
            if (row.edited)
                why = tr("You chose this value.");
            why += QLatin1Char('\n') + HyperparameterEdit::allowedText(row.edit->rule());
        }
        const QStringList cells = {
                setting.label, setting.fromText, row.edit ? QString() : setting.toText, why};
        // What the setting does, in the New-job form's words, where the pointer rests.
        const QString note = row.edit ? HyperparameterEdit::note(row.edit->rule()) : QString();
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setToolTip(c == 0 && !note.isEmpty() ? note : cells.at(c));
            if (problem)
                item->setForeground(QColor(0xb3, 0x26, 0x1e));
            m_table->setItem(r, c, item);
        }
    }

    void onEdited(int r)
    {
        m_rows[r].edited = true;
        showRow(r);
        QTimer::singleShot(0, m_table, &QTableWidget::resizeRowsToContents);
        // An automatic LoRA alpha follows the rank, as on the New-job form.
        const CreateJobRequest request = editedRequest();
        for (const SettingRow &row : std::as_const(m_rows)) {
            if (row.edit && row.edit->value().isAuto)
                row.edit->setValue(
                        row.edit->value(), JobFormRules::automaticValue(row.edit->rule(), request));
        }
        showPrice();
        showProblem(m_problem, {});
    }

    /// The new job's settings as shown on the page.
    CreateJobRequest editedRequest() const
    {
        CreateJobRequest request = m_mapping.request;
        for (const SettingRow &row : m_rows) {
            if (row.edit)
                JobFormRules::setValue(&request, row.edit->rule().name, row.edit->value());
        }
        return request;
    }

    void showPrice()
    {
        // The price for the settings as they would be sent.
        MigrationState preview = m_wizard->state();
        preview.targetProvider = currentKind();
        preview.targetModel = m_models->currentData().toString();
        preview.targetSettings = editedRequest();
        const PriceTable prices = PriceTable::load(m_wizard->settings());
        m_price->setText(MigrationFlow::priceText(preview, prices));
    }

    MoveWizard *m_wizard;
    QLabel *m_summary;
    QComboBox *m_connections;
    QComboBox *m_models;
    QTableWidget *m_table;
    QCheckBox *m_clamp;
    QLabel *m_price;
    QLabel *m_problem;
    QLabel *m_noOtherService;
    QPushButton *m_manageButton;
    HyperparameterMapping m_mapping;
    QList<SettingRow> m_rows;
};

// ---- 4. Upload and train --------------------------------------------------------------------

class TrainWizardPage : public QWizardPage
{
    Q_DECLARE_TR_FUNCTIONS(fs::ui::TrainWizardPage)

public:
    explicit TrainWizardPage(MoveWizard *wizard)
        : m_wizard(wizard)
        , m_summary(wrappingLabel(this))
        , m_uploadButton(new QPushButton(this))
        , m_startButton(new QPushButton(tr("Start Training"), this))
        , m_cancelButton(new QPushButton(tr("Cancel Training"), this))
        , m_progress(new QProgressBar(this))
        , m_status(wrappingLabel(this))
        , m_price(wrappingLabel(this))
        , m_leaveNote(wrappingLabel(this))
        , m_problem(wrappingLabel(this))
    {
        setObjectName(QStringLiteral("trainPage"));
        setTitle(MigrationFlow::stepTitle(Step::Train));
        m_uploadButton->setObjectName(QStringLiteral("uploadButton"));
        m_startButton->setObjectName(QStringLiteral("startButton"));
        m_cancelButton->setObjectName(QStringLiteral("cancelTrainingButton"));
        m_progress->setObjectName(QStringLiteral("trainProgress"));
        m_status->setObjectName(QStringLiteral("trainStatus"));
        m_leaveNote->setObjectName(QStringLiteral("leaveNote"));
        m_cancelButton->hide();
        m_progress->hide();
        m_leaveNote->setText(
                tr("Training runs on the service and goes on while this window is closed or "
                   "the app is not running. Close it if you like: Tools → Move to Another "
                   "Service… (or the retirement banner) opens this step again."));
        m_leaveNote->hide();
        auto *buttons = new QHBoxLayout;
        buttons->addWidget(m_uploadButton);
        buttons->addWidget(m_startButton);
        buttons->addWidget(m_cancelButton);
        buttons->addStretch(1);
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_summary);
        layout->addLayout(buttons);
        layout->addWidget(m_price);
        layout->addWidget(m_progress);
        layout->addWidget(m_status);
        layout->addWidget(m_leaveNote);
        layout->addWidget(m_problem);
        layout->addStretch(1);
        showProblem(m_problem, {});
        connect(m_uploadButton, &QPushButton::clicked, this, [this] { upload(); });
        connect(m_startButton, &QPushButton::clicked, this, [this] { startJob(); });
        connect(m_cancelButton, &QPushButton::clicked, this, [this] { cancelJob(); });
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
            if (job.totalSteps && job.stepsCompleted) {
                text += QLatin1Char(' ')
                        + tr("Step %1 of %2.").arg(*job.stepsCompleted).arg(*job.totalSteps);
                m_progress->setRange(0, std::max(1, int(*job.totalSteps)));
                m_progress->setValue(int(*job.stepsCompleted));
            }
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
            showTraining(state.step == Step::Train);
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
                    showTraining(true);
                });
    }

    /// While a job trains: its progress, Cancel Training and that the window may be closed.
    void showTraining(bool training)
    {
        if (training && m_progress->isHidden()) {
            m_progress->setRange(0, 0); // busy until the first step is known
            m_progress->show();
        }
        if (!training)
            m_progress->hide();
        m_cancelButton->setVisible(training);
        m_cancelButton->setEnabled(training);
        m_leaveNote->setVisible(training);
    }

    void cancelJob()
    {
        const QString jobId = m_wizard->state().jobId;
        if (!m_client || jobId.isEmpty())
            return;
        const QString question =
                tr("Cancel the training of job %1? What it has trained so far is lost, and "
                   "you can start it again from this page.")
                        .arg(jobId);
        if (MessageBox::question(this, tr("Cancel Training"), question) != QMessageBox::Yes)
            return;
        m_cancelButton->setEnabled(false);
        m_client->cancelJob(jobId, [this](const ProviderResult<FineTuningJob> &result) {
            if (!result.ok()) {
                showProblem(m_problem, result.error.plainMessage());
                m_cancelButton->setEnabled(true);
                return;
            }
            onJob(*result.value);
        });
    }

    void onJob(const FineTuningJob &job)
    {
        if (!job.isTerminal())
            return;
        const QString problem = MigrationFlow::trainingUpdate(m_wizard->mutableState(), job);
        m_wizard->saveState();
        showProblem(m_problem, problem);
        showTraining(false);
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
    QPushButton *m_cancelButton;
    QProgressBar *m_progress;
    QLabel *m_status;
    QLabel *m_price;
    QLabel *m_leaveNote;
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
    Q_DECLARE_TR_FUNCTIONS(fs::ui::DeployWizardPage)

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
        m_deployButton->setHidden(problem.isEmpty()); // done: deploying again is not a step
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
    Q_DECLARE_TR_FUNCTIONS(fs::ui::ParityWizardPage)

public:
    explicit ParityWizardPage(MoveWizard *wizard)
        : m_wizard(wizard)
        , m_summary(wrappingLabel(this))
        , m_panel(new ParityPanel(wizard->networkAccessManager(), this))
        , m_billing(wrappingLabel(this))
        , m_stopButton(new QPushButton(tr("Stop the Deployment"), this))
        , m_problem(wrappingLabel(this))
    {
        setObjectName(QStringLiteral("parityPage"));
        setTitle(MigrationFlow::stepTitle(Step::Parity));
        m_panel->setObjectName(QStringLiteral("parityPanel"));
        m_billing->setObjectName(QStringLiteral("billingNote"));
        m_stopButton->setObjectName(QStringLiteral("stopDeploymentButton"));
        auto *billingRow = new QHBoxLayout;
        billingRow->addWidget(m_billing, 1);
        billingRow->addWidget(m_stopButton, 0, Qt::AlignTop);
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_summary);
        layout->addWidget(m_panel, 1);
        layout->addLayout(billingRow);
        layout->addWidget(m_problem);
        showProblem(m_problem, {});
        m_billing->hide();
        m_stopButton->hide();
        connect(m_stopButton, &QPushButton::clicked, this, [this] { stopDeployment(); });
        connect(m_panel, &ParityPanel::reportSaved, this, [this](const QString &path, int verdict) {
            showProblem(m_problem,
                    MigrationFlow::parityChecked(m_wizard->mutableState(), path, verdict));
            m_wizard->saveState();
            showBilling();
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
        // The panel says which prompts go where; the page adds only that the old answers are
        // the captured ones (not asked again).
        m_summary->setText(tr("The old model is not asked again: its captured answers are "
                              "compared with the new model's."));
        m_panel->runButton()->setEnabled(false);
        showBilling();
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

    /// The deployment made for the check, while it runs (null: none, or it stopped).
    DeploymentManager *runningManager() const
    {
        const MigrationState &s = m_wizard->state();
        if (!m_wizard->deployments() || s.deploymentId.isEmpty())
            return nullptr;
        const Connection connection = m_wizard->connections()->connection(s.targetConnectionId);
        if (connection.id.isEmpty())
            return nullptr;
        DeploymentManager *manager = m_wizard->deployments()->manager(connection);
        const std::optional<TrackedDeployment> tracked = manager->deployment(s.deploymentId);
        return tracked && tracked->isBilling() ? manager : nullptr;
    }

    /// Once the report is written: the new model still runs (and bills) on its hardware.
    void showBilling()
    {
        DeploymentManager *manager = runningManager();
        if (manager && !m_watching) {
            m_watching = true;
            connect(manager, &DeploymentManager::changed, this, [this] { showBilling(); });
        }
        const bool billing = manager != nullptr && m_wizard->state().step == Step::Done;
        m_billing->setVisible(billing);
        m_stopButton->setVisible(billing);
        if (!billing)
            return;
        m_billing->setText(
                tr("%1 still runs on %2's hardware for trying it, billed by the minute (View → "
                   "Deployments… lists it; it stops by itself when idle). Stop it when you are "
                   "done; you can deploy it again at any time.")
                        .arg(m_wizard->state().fineTunedModel,
                                ModelRegistry::provider(m_wizard->state().targetProvider)
                                        .displayName()));
    }

    void stopDeployment()
    {
        if (DeploymentManager *manager = runningManager()) {
            m_stopButton->setEnabled(false);
            manager->stop(m_wizard->state().deploymentId);
        }
    }

    MoveWizard *m_wizard;
    QLabel *m_summary;
    ParityPanel *m_panel;
    QLabel *m_billing;
    QPushButton *m_stopButton;
    QLabel *m_problem;
    bool m_watching = false;
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

void MoveWizard::setManageConnectionsHandler(std::function<void()> handler)
{
    m_manageConnectionsHandler = std::move(handler);
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
