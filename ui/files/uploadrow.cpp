// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadrow.h"

#include "filelistmodel.h"
#include "uploadtask.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace fs::ui {

UploadRow::UploadRow(UploadTask *task, QWidget *parent)
    : QFrame(parent)
    , m_task(task)
    , m_nameLabel(new QLabel(this))
    , m_stageLabel(new QLabel(this))
    , m_progressBar(new QProgressBar(this))
    , m_detailLabel(new QLabel(this))
    , m_warningLabel(new QLabel(this))
    , m_findingsToggle(new QToolButton(this))
    , m_findingsList(new QListWidget(this))
    , m_uploadAnywayButton(new QPushButton(tr("Upload Anyway"), this))
    , m_skipCheckButton(new QPushButton(tr("Send Without Checking"), this))
    , m_resumeButton(new QPushButton(tr("Resume"), this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
    , m_dismissButton(new QPushButton(tr("Close"), this))
{
    setObjectName(QStringLiteral("uploadRow"));
    setFrameShape(QFrame::StyledPanel);
    m_nameLabel->setObjectName(QStringLiteral("nameLabel"));
    m_stageLabel->setObjectName(QStringLiteral("stageLabel"));
    m_progressBar->setObjectName(QStringLiteral("uploadProgressBar"));
    m_detailLabel->setObjectName(QStringLiteral("detailLabel"));
    m_warningLabel->setObjectName(QStringLiteral("warningLabel"));
    m_findingsToggle->setObjectName(QStringLiteral("findingsToolButton"));
    m_findingsList->setObjectName(QStringLiteral("findingsListWidget"));
    m_uploadAnywayButton->setObjectName(QStringLiteral("uploadAnywayPushButton"));
    m_skipCheckButton->setObjectName(QStringLiteral("skipCheckPushButton"));
    m_skipCheckButton->setToolTip(
            tr("Don't wait for the check to finish. Problems in the file show up only when the "
               "service checks it."));
    m_resumeButton->setObjectName(QStringLiteral("resumePushButton"));
    m_cancelButton->setObjectName(QStringLiteral("cancelPushButton"));
    m_dismissButton->setObjectName(QStringLiteral("dismissPushButton"));

    m_nameLabel->setText(
            QStringLiteral("<b>%1</b> (%2)")
                    .arg(task->filename().toHtmlEscaped(), FileListModel::sizeText(task->size())));
    m_nameLabel->setTextFormat(Qt::RichText);
    m_stageLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_progressBar->setTextVisible(false);
    m_progressBar->setMaximumHeight(12);
    m_warningLabel->setWordWrap(true);
    m_warningLabel->setStyleSheet(QStringLiteral("color: #a01010;"));
    m_detailLabel->setWordWrap(true);
    m_findingsToggle->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_findingsToggle->setCheckable(true);
    m_findingsToggle->setAutoRaise(true);
    m_findingsList->setIconSize(QSize(16, 16));
    m_findingsList->setWordWrap(true);
    m_uploadAnywayButton->setToolTip(
            tr("Send the file although the check found errors. The service will most likely "
               "refuse it when a job starts."));
    m_resumeButton->setToolTip(tr("Send the rest: the parts already sent are not sent again."));
    m_dismissButton->setToolTip(tr("Remove this line from the list."));

    auto *top = new QHBoxLayout;
    top->addWidget(m_nameLabel, 1);
    top->addWidget(m_stageLabel);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_findingsToggle);
    buttons->addStretch(1);
    buttons->addWidget(m_uploadAnywayButton);
    buttons->addWidget(m_skipCheckButton);
    buttons->addWidget(m_resumeButton);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_dismissButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_progressBar);
    layout->addWidget(m_detailLabel);
    layout->addWidget(m_warningLabel);
    layout->addWidget(m_findingsList);
    layout->addLayout(buttons);

    connect(m_findingsToggle, &QToolButton::toggled, this, [this](bool on) {
        m_findingsList->setVisible(on);
        refreshRow();
    });
    connect(m_uploadAnywayButton, &QPushButton::clicked, task, &UploadTask::uploadAnyway);
    connect(m_skipCheckButton, &QPushButton::clicked, task, &UploadTask::skipCheck);
    connect(m_resumeButton, &QPushButton::clicked, task, &UploadTask::resume);
    connect(m_cancelButton, &QPushButton::clicked, task, &UploadTask::cancel);
    connect(m_dismissButton, &QPushButton::clicked, this, &UploadRow::dismissed);
    connect(task, &UploadTask::stageChanged, this, &UploadRow::refreshRow);
    connect(task, &UploadTask::checkProgress, this, &UploadRow::updateProgress);
    connect(task, &UploadTask::progressChanged, this, &UploadRow::refreshRow);
    m_findingsList->hide();
    refreshRow();
}

QString UploadRow::detailText() const
{
    return m_task ? m_task->detailText() : QString();
}

void UploadRow::updateProgress()
{
    if (!m_task)
        return;
    switch (m_task->stage()) {
    case UploadTask::Stage::Checking:
        m_progressBar->setRange(0, 1000);
        m_progressBar->setValue(
                m_task->size() > 0 ? int(1000 * m_task->checkedBytes() / m_task->size()) : 0);
        break;
    case UploadTask::Stage::Uploading: {
        const UploadProgress progress = m_task->progress();
        if (progress.phase == UploadProgress::Phase::Preparing
                || progress.phase == UploadProgress::Phase::Completing
                || progress.phase == UploadProgress::Phase::Processing) {
            m_progressBar->setRange(0, 0); // busy: no length to show
        } else {
            m_progressBar->setRange(0, 1000);
            m_progressBar->setValue(progress.totalBytes > 0
                            ? int(1000 * progress.sentBytes / progress.totalBytes)
                            : 0);
        }
        break;
    }
    case UploadTask::Stage::Done:
        m_progressBar->setRange(0, 1);
        m_progressBar->setValue(1);
        break;
    default:
        m_progressBar->setRange(0, 1000);
        break;
    }
    m_detailLabel->setText(detailText());
    m_detailLabel->setVisible(!m_detailLabel->text().isEmpty());
}

void UploadRow::fillFindings()
{
    if (m_findingsFilled || !m_task)
        return;
    const LintFindings findings = m_task->findings();
    if (findings.isEmpty())
        return;
    m_findingsFilled = true;
    for (const LintFinding &finding : findings) {
        auto *item = new QListWidgetItem(UploadTask::findingText(finding), m_findingsList);
        item->setIcon(style()->standardIcon(
                finding.isError() ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning));
    }
    // As tall as a few findings, not a big empty box for one.
    const int rows = int(qMin<qsizetype>(findings.size(), 5));
    m_findingsList->setFixedHeight(rows * qMax(m_findingsList->sizeHintForRow(0), 16)
            + 2 * m_findingsList->frameWidth() + 4);
}

void UploadRow::refreshRow()
{
    if (!m_task)
        return;
    const UploadTask::Stage stage = m_task->stage();
    m_stageLabel->setText(m_task->stageText());
    fillFindings();

    const int errors = m_task->errorCount();
    const int warnings = m_task->warningCount();
    const QString warning = m_task->warningText();
    m_warningLabel->setText(warning);
    m_warningLabel->setVisible(!warning.isEmpty());

    const bool hasFindings = errors + warnings > 0;
    m_findingsToggle->setVisible(hasFindings);
    if (hasFindings) {
        QStringList counts;
        if (errors > 0)
            counts << tr("%Ln error(s)", nullptr, errors);
        if (warnings > 0)
            counts << tr("%Ln warning(s)", nullptr, warnings);
        m_findingsToggle->setText((m_findingsToggle->isChecked() ? tr("Hide %1") : tr("Show %1"))
                                          .arg(counts.join(tr(" and "))));
        // Errors are shown at once: they are why nothing was sent.
        if (stage == UploadTask::Stage::NeedsConfirmation && !m_findingsToggle->isChecked())
            m_findingsToggle->setChecked(true);
    }
    m_findingsList->setVisible(hasFindings && m_findingsToggle->isChecked());

    m_uploadAnywayButton->setVisible(stage == UploadTask::Stage::NeedsConfirmation);
    m_skipCheckButton->setVisible(stage == UploadTask::Stage::Checking);
    m_resumeButton->setVisible(stage == UploadTask::Stage::Failed && !m_task->isProcessingError());
    m_resumeButton->setText(m_task->isResumable() ? tr("Resume") : tr("Try Again"));
    m_cancelButton->setVisible(m_task->isActive() || m_task->isResumable());
    m_cancelButton->setText(
            stage == UploadTask::Stage::NeedsConfirmation ? tr("Don't Upload") : tr("Cancel"));
    m_dismissButton->setVisible(!m_task->isActive() && !m_task->isResumable());
    m_progressBar->setVisible(stage == UploadTask::Stage::Checking
            || stage == UploadTask::Stage::Uploading || stage == UploadTask::Stage::Done
            || stage == UploadTask::Stage::Waiting);

    QString colour;
    if (stage == UploadTask::Stage::Failed)
        colour = QStringLiteral("#a01010");
    else if (stage == UploadTask::Stage::Done)
        colour = QStringLiteral("#116611");
    m_stageLabel->setStyleSheet(
            colour.isEmpty() ? QString() : QStringLiteral("color: %1;").arg(colour));
    updateProgress();
}

} // namespace fs::ui
