// SPDX-License-Identifier: GPL-3.0-or-later
#include "paritypanel.h"

#include "batchrunner.h"
#include "paritycheck.h"

#include <QDesktopServices>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace fs::ui {

ParityPanel::ParityPanel(QNetworkAccessManager *nam, QWidget *parent)
    : QWidget(parent)
    , m_check(new ParityCheck(nam, this))
    , m_runButton(new QPushButton(tr("Run the Check"), this))
    , m_reportButton(new QPushButton(tr("Write the Report"), this))
    , m_openButton(new QPushButton(tr("Open the Report"), this))
    , m_progress(new QProgressBar(this))
    , m_statusLabel(new QLabel(this))
    , m_blindBox(new QWidget(this))
    , m_roundLabel(new QLabel(m_blindBox))
    , m_promptLabel(new QLabel(m_blindBox))
    , m_answerA(new QPlainTextEdit(m_blindBox))
    , m_answerB(new QPlainTextEdit(m_blindBox))
    , m_verdictLabel(new QLabel(this))
{
    m_statusLabel->setWordWrap(true);
    m_verdictLabel->setWordWrap(true);
    m_verdictLabel->setTextFormat(Qt::RichText);
    m_promptLabel->setWordWrap(true);
    m_promptLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_answerA->setReadOnly(true);
    m_answerB->setReadOnly(true);

    auto *blind = new QGridLayout(m_blindBox);
    blind->setContentsMargins(0, 0, 0, 0);
    blind->addWidget(m_roundLabel, 0, 0, 1, 2);
    blind->addWidget(m_promptLabel, 1, 0, 1, 2);
    blind->addWidget(new QLabel(tr("Answer A"), m_blindBox), 2, 0);
    blind->addWidget(new QLabel(tr("Answer B"), m_blindBox), 2, 1);
    blind->addWidget(m_answerA, 3, 0);
    blind->addWidget(m_answerB, 3, 1);
    auto *votes = new QHBoxLayout;
    const QStringList voteTexts = {tr("A Is Better (1)"), tr("B Is Better (2)"),
            tr("Equally Good (3)"), tr("Both Are Bad (4)")};
    for (int v = 0; v < voteTexts.size(); ++v) {
        auto *button = new QPushButton(voteTexts.at(v), m_blindBox);
        button->setShortcut(QKeySequence(Qt::Key_1 + v));
        connect(button, &QPushButton::clicked, this, [this, v] { vote(v); });
        votes->addWidget(button);
        m_voteButtons.append(button);
    }
    blind->addLayout(votes, 4, 0, 1, 2);
    m_blindBox->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_runButton);
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_reportButton);
    buttons->addWidget(m_openButton);
    m_reportButton->setEnabled(false);
    m_openButton->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_blindBox, 100);
    layout->addWidget(m_verdictLabel);
    layout->addStretch(1); // takes the room while the blind round is hidden

    connect(m_runButton, &QPushButton::clicked, this, &ParityPanel::run);
    connect(m_reportButton, &QPushButton::clicked, this, &ParityPanel::writeReport);
    connect(m_openButton, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_reportPath)); });
    connect(m_check, &ParityCheck::progress, this, [this](int done, int total) {
        m_progress->setRange(0, std::max(1, total));
        m_progress->setValue(done);
    });
    connect(m_check, &ParityCheck::phaseChanged, this, [this](ParityCheck::Phase phase) {
        if (phase == ParityCheck::Phase::AskingOld)
            m_statusLabel->setText(tr("Asking %1…").arg(m_check->oldModelName()));
        else if (phase == ParityCheck::Phase::AskingNew)
            m_statusLabel->setText(tr("Asking %1…").arg(m_check->newModelName()));
    });
    connect(m_check, &ParityCheck::finished, this, &ParityPanel::onFinished);
    connect(m_check, &ParityCheck::failed, m_statusLabel, &QLabel::setText);
}

ParityPanel::~ParityPanel() = default;

QPushButton *ParityPanel::voteButton(int vote) const
{
    return m_voteButtons.value(vote);
}

QString ParityPanel::configure(const QString &promptsPath, const QString &oldName,
        const std::optional<ModelTarget> &old, const ModelTarget &newModel)
{
    const QString problem = m_check->setPromptsFile(promptsPath);
    if (!problem.isEmpty())
        return problem;
    m_check->setOldModelName(oldName);
    if (old)
        m_check->setOldModel(*old);
    m_check->setNewModel(newModel);
    m_check->restoreResults();
    const int prompts = m_check->results().itemCount();
    const int answered = m_check->results().doneCount();
    m_statusLabel->setText(answered > 0 && answered < prompts
                    ? tr("%1 of %2 held-out prompts were answered before; the check goes on "
                         "with the rest.")
                              .arg(answered)
                              .arg(prompts)
                    : old ? tr("%1 prompts will be sent to %2 and to %3, and each answer of %3 "
                               "compared with the answer of %2.")
                                    .arg(prompts)
                                    .arg(m_check->oldModelName(), newModel.label())
                          : tr("%1 held-out prompts will be sent to %2, and each answer "
                               "compared with %3's.")
                                    .arg(prompts)
                                    .arg(newModel.label(), m_check->oldModelName()));
    return {};
}

void ParityPanel::run()
{
    m_runButton->setEnabled(false);
    m_reportButton->setEnabled(false);
    m_check->start();
}

void ParityPanel::onFinished(bool cancelled)
{
    m_runButton->setEnabled(true);
    const BatchResults &results = m_check->results();
    if (cancelled) {
        m_statusLabel->setText(tr("Stopped. %1 of %2 answers are kept; run the check again to "
                                  "go on.")
                                       .arg(results.doneCount())
                                       .arg(results.itemCount()));
        return;
    }
    m_runButton->setText(tr("Run Again"));
    m_reportButton->setEnabled(true);
    const ParitySummary summary = m_check->summary();
    m_statusLabel->setText(
            tr("%1 answers in, ROUGE-L %2 on average (1 is word for word the same as the old "
               "answer). Now rate some answers without knowing which model wrote them "
               "(optional), then write the report.")
                    .arg(summary.answered)
                    .arg(parityScoreText(summary.mean.rougeL.fmeasure)));
    m_check->prepareBlindRounds();
    m_round = 0;
    while (m_round < m_check->blind()->roundCount() && m_check->blind()->round(m_round).vote)
        ++m_round;
    showRound();
}

void ParityPanel::showRound()
{
    BlindComparison *blind = m_check->blind();
    const bool open = m_round < blind->roundCount();
    m_blindBox->setVisible(open);
    if (!open) {
        if (blind->roundCount() > 0)
            m_statusLabel->setText(tr("Blind round done: %1 answers rated. Write the report "
                                      "to see the verdict.")
                                           .arg(blind->roundCount()));
        return;
    }
    const BlindComparison::Round round = blind->round(m_round);
    m_roundLabel->setText(tr("<b>Blind round %1 of %2</b>: which answer is better?")
                                  .arg(m_round + 1)
                                  .arg(blind->roundCount()));
    m_promptLabel->setText(tr("Prompt: %1").arg(lastUserText(round.conversation)));
    m_answerA->setPlainText(round.answerA);
    m_answerB->setPlainText(round.answerB);
}

void ParityPanel::vote(int vote)
{
    if (!m_check->blind()->vote(m_round, Vote(vote)))
        return;
    m_check->saveVotes();
    ++m_round;
    showRound();
}

void ParityPanel::writeReport()
{
    const QString problem = m_check->saveReport();
    if (!problem.isEmpty()) {
        m_verdictLabel->setText(problem.toHtmlEscaped());
        return;
    }
    m_reportPath = m_check->reportPath();
    m_statusLabel->clear();
    const ParitySummary summary = m_check->summary();
    m_verdictLabel->setText(
            tr("<b>%1</b><br>%2<br>The report is saved as %3.")
                    .arg(summary.verdictTitle.toHtmlEscaped(), summary.verdictText.toHtmlEscaped(),
                            QFileInfo(m_reportPath).fileName().toHtmlEscaped()));
    m_openButton->show();
    Q_EMIT reportSaved(m_reportPath, int(summary.verdict));
}

} // namespace fs::ui
