// SPDX-License-Identifier: GPL-3.0-or-later
#include "keepbehaviourdialog.h"

#include "filedialog.h"
#include "modelpicker.h"
#include "retirementwarnings.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace fs::ui {

namespace {

/// A paragraph of plain text that wraps.
QLabel *paragraph(const QString &name, const QString &text, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setText(text);
    return label;
}

} // namespace

KeepBehaviourDialog::KeepBehaviourDialog(const QString &modelId, const QString &connectionName,
        const QString &retirementSentence, QWidget *parent)
    : QDialog(parent)
    , m_model(modelId)
    , m_connection(connectionName)
    , m_program(QCoreApplication::applicationFilePath())
    , m_prompts(new QLineEdit(this))
    , m_answers(new QLineEdit(this))
    , m_command(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
    , m_copy(new QPushButton(tr("Copy Command"), this))
    , m_start(new QPushButton(tr("Start Capturing"), this))
{
    setObjectName(QStringLiteral("keepBehaviourDialog"));
    setWindowTitle(tr("Keep This Model’s Behaviour"));

    const QString name = ModelChoice::describe(modelId);
    auto *intro = paragraph(QStringLiteral("keepBehaviourIntro"),
            retirementSentence.isEmpty()
                    ? tr("“%1” (connection “%2”): a service cannot hand back a fine-tuned "
                         "model, and often the training file is gone. What you can keep is how "
                         "it answers.")
                              .arg(name, connectionName)
                    : tr("“%1” (connection “%2”) %3. A service cannot hand back a fine-tuned "
                         "model, and often the training file is gone. What you can keep, while "
                         "it still answers, is how it answers.")
                              .arg(name, connectionName, retirementSentence),
            this);
    auto *steps = paragraph(QStringLiteral("keepBehaviourSteps"),
            tr("1. Capture its answers: send it the prompts it usually gets (your training or "
               "validation file) and keep each answer as a new example. The answers are saved "
               "as they arrive; if the capture stops, start it again and it goes on where it "
               "stopped.\n"
               "2. Train a new model on those examples, on this or another service.\n"
               "3. Compare the new model with the old one's answers in the Playground (Score "
               "on Examples, Blind Rating) before the old one stops answering."),
            this);
    QFormLayout *form = buildFilesForm();
    QDialogButtonBox *buttons = buildCommandParts();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(steps);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Command line:"), this));
    layout->addWidget(m_command);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_prompts, &QLineEdit::textChanged, this, &KeepBehaviourDialog::suggestAnswersFile);
    connect(m_answers, &QLineEdit::textEdited, this, [this] {
        m_answersChosen = true;
        update();
    });
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(commandLine()); });
    connect(m_start, &QPushButton::clicked, this, &KeepBehaviourDialog::start);
    update();
    resize(640, sizeHint().height());
}

QFormLayout *KeepBehaviourDialog::buildFilesForm()
{
    m_prompts->setObjectName(QStringLiteral("promptsFileEdit"));
    m_prompts->setPlaceholderText(tr("A dataset or validation file (.jsonl)"));
    auto *choose = new QPushButton(tr("Choose…"), this);
    choose->setObjectName(QStringLiteral("choosePromptsButton"));
    connect(choose, &QPushButton::clicked, this, &KeepBehaviourDialog::choosePrompts);
    auto *promptsRow = new QHBoxLayout;
    promptsRow->addWidget(m_prompts, 1);
    promptsRow->addWidget(choose);
    m_answers->setObjectName(QStringLiteral("answersFileEdit"));
    auto *form = new QFormLayout;
    form->addRow(tr("Prompts from:"), promptsRow);
    form->addRow(tr("Save answers to:"), m_answers);
    return form;
}

QDialogButtonBox *KeepBehaviourDialog::buildCommandParts()
{
    m_command->setObjectName(QStringLiteral("captureCommandView"));
    m_command->setReadOnly(true);
    m_command->setMaximumHeight(m_command->fontMetrics().lineSpacing() * 4);
    m_command->setToolTip(tr("The same capture from a terminal"));
    m_status->setObjectName(QStringLiteral("captureStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_copy->setObjectName(QStringLiteral("copyCommandButton"));
    m_start->setObjectName(QStringLiteral("startCaptureButton"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_copy, QDialogButtonBox::ActionRole);
    buttons->addButton(m_start, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    return buttons;
}

void KeepBehaviourDialog::suggestAnswersFile(const QString &prompts)
{
    // "<prompts>-captured.jsonl" next to the prompts, until the person names the file.
    if (!m_answersChosen) {
        const QFileInfo info(prompts.trimmed());
        const QSignalBlocker blocker(m_answers);
        m_answers->setText(prompts.trimmed().isEmpty()
                        ? QString()
                        : info.dir().filePath(
                                info.completeBaseName() + QStringLiteral("-captured.jsonl")));
    }
    update();
}

KeepBehaviourDialog::~KeepBehaviourDialog()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        // Answers are written as they arrive: stopping here loses nothing already answered.
        m_process->disconnect(this);
        m_process->terminate();
        m_process->waitForFinished(3000);
    }
}

void KeepBehaviourDialog::setProgram(const QString &program)
{
    m_program = program;
    update();
}

void KeepBehaviourDialog::setPromptsFile(const QString &path)
{
    m_prompts->setText(path);
}

QString KeepBehaviourDialog::answersFile() const
{
    return m_answers->text().trimmed();
}

QStringList KeepBehaviourDialog::arguments() const
{
    return RetirementWarnings::captureArguments(
            m_connection, m_model, m_prompts->text().trimmed(), answersFile());
}

QString KeepBehaviourDialog::commandLine() const
{
    const QString prompts = m_prompts->text().trimmed();
    const QString answers = answersFile();
    return RetirementWarnings::captureCommandLine(QStringLiteral("finetune-studio"),
            RetirementWarnings::captureArguments(m_connection, m_model,
                    prompts.isEmpty() ? tr("PROMPTS.jsonl") : prompts,
                    answers.isEmpty() ? tr("ANSWERS.jsonl") : answers));
}

void KeepBehaviourDialog::choosePrompts()
{
    const QString path = FileDialog::getOpenFileName(this, QStringLiteral("prompts"),
            tr("Prompts to Capture Answers For"), QFileInfo(m_prompts->text()).absolutePath(),
            tr("Chat datasets (*.jsonl)"));
    if (!path.isEmpty())
        setPromptsFile(path);
}

void KeepBehaviourDialog::update()
{
    m_command->setPlainText(commandLine());
    const bool running = m_process && m_process->state() != QProcess::NotRunning;
    const QString prompts = m_prompts->text().trimmed();
    const bool isFile = QFileInfo(prompts).isFile();
    m_start->setText(running ? tr("Stop") : tr("Start Capturing"));
    m_start->setEnabled(running || (isFile && !answersFile().isEmpty()));
    m_prompts->setEnabled(!running);
    m_answers->setEnabled(!running);
    if (!m_process) // nothing run yet: say what is missing
        m_status->setText(prompts.isEmpty() || isFile ? QString()
                                                      : tr("There is no file at %1.").arg(prompts));
}

void KeepBehaviourDialog::start()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        return;
    }
    delete m_process;
    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    connect(m_process, &QProcess::readyRead, this, &KeepBehaviourDialog::readOutput);
    connect(m_process, &QProcess::finished, this, &KeepBehaviourDialog::finished);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            m_status->setText(
                    tr("The capture could not be started: %1").arg(m_process->errorString()));
            update();
        }
    });
    m_lastLine.clear();
    m_status->setText(tr("Capturing the answers of “%1”…").arg(ModelChoice::describe(m_model)));
    m_process->start(m_program, arguments());
    update();
}

void KeepBehaviourDialog::readOutput()
{
    const QStringList lines =
            QString::fromLocal8Bit(m_process->readAll())
                    .split(QRegularExpression(QStringLiteral("[\r\n]+")), Qt::SkipEmptyParts);
    if (lines.isEmpty())
        return;
    m_lastLine = lines.last().trimmed();
    m_status->setText(m_lastLine);
    m_status->setVisible(true);
}

void KeepBehaviourDialog::finished(int exitCode, QProcess::ExitStatus status)
{
    if (status == QProcess::NormalExit && exitCode == 0) {
        m_status->setText(tr("Done: the answers are saved in %1. Open it in the Datasets area "
                             "to read them, then train a new model on it.")
                                  .arg(answersFile()));
        Q_EMIT captured(answersFile());
    } else if (status == QProcess::CrashExit) {
        m_status->setText(tr("The capture was stopped. The answers so far are kept in %1; "
                             "start again to go on where it stopped.")
                                  .arg(answersFile()));
    } else {
        m_status->setText(m_lastLine.isEmpty()
                        ? tr("The capture stopped with an error. Start again to go on where it "
                             "stopped.")
                        : tr("The capture stopped: %1 Start again to go on where it stopped.")
                                  .arg(m_lastLine));
    }
    update();
}

} // namespace fs::ui
