// SPDX-License-Identifier: GPL-3.0-or-later
#include "blindpage.h"

#include "blindcomparison.h"
#include "comparisonsession.h"
#include "datasetarea.h"
#include "datasetdocument.h"
#include "deployofferbar.h"
#include "modelpicker.h"
#include "playgroundconnections.h"
#include "practicebadge.h"
#include "sendshortcuts.h"
#include "simulation.h"
#include "targetselector.h"
#include "transcriptview.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace fs::ui {

namespace {

QString percent(double value)
{
    return QStringLiteral("%1%").arg(qRound(value * 100));
}

/// The message both models answered: the last user turn.
QString lastUserText(const Messages &conversation)
{
    QString prompt;
    for (const Message &message : conversation) {
        if (message.role() == QLatin1String("user"))
            prompt = message.text();
    }
    return prompt;
}

} // namespace

BlindPage::BlindPage(PlaygroundConnections *connections, QNetworkAccessManager *nam,
        DatasetArea *datasets, QWidget *parent)
    : ComparisonPage(connections, datasets, parent)
    , m_session(new ComparisonSession(nam, this))
    , m_blind(new BlindComparison(this))
{
    setObjectName(QStringLiteral("blindPage"));
    setFocusPolicy(Qt::StrongFocus);

    auto *intro = new QLabel(tr("Two models answer each message. You don't see which is which: "
                                "the answers are shown as A and B, in a new random order every "
                                "time. Pick the better one; the tally shows how often each model "
                                "wins."),
            this);
    intro->setWordWrap(true);
    QFormLayout *setup = buildSetup();
    QGridLayout *answers = buildAnswers();
    buildVoteBar();
    QHBoxLayout *learnRow = buildLearnRow();
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("blindStatusLabel"));
    m_statusLabel->setWordWrap(true);
    QHBoxLayout *input = buildInput();
    QLabel *tallyNote = buildTally();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(setup);
    layout->addWidget(m_deployOffer);
    layout->addLayout(answers, 1);
    layout->addWidget(m_voteBar);
    layout->addLayout(learnRow);
    layout->addWidget(m_statusLabel);
    layout->addLayout(input);
    layout->addWidget(m_tallyTable);
    layout->addWidget(tallyNote);

    addSendShortcuts(
            this, [this] { ask(); }, [this] { m_session->stopAll(); });
    connectParts();
    updateHeadings();
    updateTally();
    updateActions();
}

QFormLayout *BlindPage::buildSetup()
{
    m_firstSelector = new TargetSelector(m_connections, this);
    m_firstSelector->setObjectName(QStringLiteral("firstTargetSelector"));
    m_secondSelector = new TargetSelector(m_connections, this);
    m_secondSelector->setObjectName(QStringLiteral("secondTargetSelector"));
    m_systemPromptEdit = new QLineEdit(this);
    m_systemPromptEdit->setObjectName(QStringLiteral("blindSystemPromptLineEdit"));
    m_systemPromptEdit->setPlaceholderText(tr("Optional, the same for both"));
    createPickerNotes(this);
    auto *setup = new QFormLayout;
    setup->addRow(tr("First model:"), m_firstSelector);
    // The warning right under the pickers, taking no room while hidden.
    auto *second = new QVBoxLayout;
    second->setSpacing(2);
    second->addWidget(m_secondSelector);
    second->addWidget(m_sameModelLabel);
    setup->addRow(tr("Second model:"), second);
    setup->addRow(tr("Instructions:"), m_systemPromptEdit);
    return setup;
}

QGridLayout *BlindPage::buildAnswers()
{
    m_headingA = new QLabel(this);
    m_headingA->setObjectName(QStringLiteral("headingALabel"));
    m_headingB = new QLabel(this);
    m_headingB->setObjectName(QStringLiteral("headingBLabel"));
    m_viewA = new TranscriptView(this);
    m_viewA->setObjectName(QStringLiteral("answerAView"));
    m_viewB = new TranscriptView(this);
    m_viewB->setObjectName(QStringLiteral("answerBView"));
    m_viewA->setPlaceholderText(tr("Answer A appears here."));
    m_viewB->setPlaceholderText(tr("Answer B appears here."));
    m_practiceBadge = new PracticeBadge(this);
    auto *answers = new QGridLayout;
    answers->addWidget(m_practiceBadge, 0, 0, 1, 2);
    answers->addWidget(m_headingA, 1, 0);
    answers->addWidget(m_headingB, 1, 1);
    answers->addWidget(m_viewA, 2, 0);
    answers->addWidget(m_viewB, 2, 1);
    answers->setRowStretch(2, 1);
    return answers;
}

void BlindPage::buildVoteBar()
{
    m_voteBar = new QWidget(this);
    m_voteBar->setObjectName(QStringLiteral("voteBar"));
    m_voteBar->setFocusPolicy(Qt::StrongFocus);
    const QString voteTexts[4] = {tr("A is better  [1]"), tr("B is better  [2]"),
            tr("About the same  [3]"), tr("Both are bad  [4]")};
    const Vote votes[4] = {Vote::A, Vote::B, Vote::Tie, Vote::BothBad};
    auto *voteLayout = new QHBoxLayout(m_voteBar);
    voteLayout->setContentsMargins(0, 0, 0, 0);
    for (int i = 0; i < 4; ++i) {
        m_voteButtons[i] = new QPushButton(voteTexts[i], m_voteBar);
        m_voteButtons[i]->setObjectName(QStringLiteral("vote%1PushButton").arg(i + 1));
        m_voteButtons[i]->setCheckable(true);
        m_voteButtons[i]->setFocusPolicy(Qt::NoFocus);
        const Vote v = votes[i];
        connect(m_voteButtons[i], &QPushButton::clicked, this, [this, v] { vote(v); });
        voteLayout->addWidget(m_voteButtons[i]);
    }
    voteLayout->addStretch(1);
    m_revealButton = new QPushButton(tr("Reveal Names"), m_voteBar);
    m_revealButton->setObjectName(QStringLiteral("revealPushButton"));
    m_revealButton->setFocusPolicy(Qt::NoFocus);
    voteLayout->addWidget(m_revealButton);
}

QHBoxLayout *BlindPage::buildLearnRow()
{
    m_learnButton = new QPushButton(tr("Add to Dataset…"), this);
    m_learnButton->setObjectName(QStringLiteral("learnPushButton"));
    m_learnButton->setToolTip(tr("Teach the model the better answer: add it to the open dataset "
                                 "as a corrected example or a preference pair"));
    m_writeButton = new QPushButton(tr("Write the Better Answer…"), this);
    m_writeButton->setObjectName(QStringLiteral("writeAnswerPushButton"));
    m_writeButton->setToolTip(tr("Both answers were bad: write the answer the model should have "
                                 "given and add it to the open dataset as a corrected example"));
    m_noDatasetWidget = new QWidget(this);
    auto *noDatasetLabel = new QLabel(tr("To keep the better answer as training data, a dataset "
                                         "must be open in Datasets."),
            m_noDatasetWidget);
    noDatasetLabel->setWordWrap(true);
    auto *createButton = new QPushButton(tr("Create a Dataset"), m_noDatasetWidget);
    createButton->setObjectName(QStringLiteral("createDatasetPushButton"));
    connect(createButton, &QPushButton::clicked, this, &BlindPage::datasetNeeded);
    auto *noDatasetLayout = new QHBoxLayout(m_noDatasetWidget);
    noDatasetLayout->setContentsMargins(0, 0, 0, 0);
    noDatasetLayout->addWidget(noDatasetLabel, 1);
    noDatasetLayout->addWidget(createButton);
    auto *learnRow = new QHBoxLayout;
    learnRow->addWidget(m_learnButton);
    learnRow->addWidget(m_writeButton);
    learnRow->addWidget(m_noDatasetWidget, 1);
    learnRow->addStretch(0);
    return learnRow;
}

QHBoxLayout *BlindPage::buildInput()
{
    m_messageEdit = new QPlainTextEdit(this);
    m_messageEdit->setObjectName(QStringLiteral("blindMessageEdit"));
    m_messageEdit->setPlaceholderText(tr("Write a message for both models. Ctrl+Return sends it."));
    m_messageEdit->setFixedHeight(m_messageEdit->fontMetrics().lineSpacing() * 3 + 12);
    m_messageEdit->setTabChangesFocus(true);
    m_askButton = new QPushButton(tr("Ask Both"), this);
    m_askButton->setObjectName(QStringLiteral("askPushButton"));
    m_askButton->setToolTip(tr("Send the message to both models (Ctrl+Return)"));
    auto *input = new QHBoxLayout;
    input->addWidget(m_messageEdit, 1);
    input->addWidget(m_askButton, 0, Qt::AlignTop);
    return input;
}

QLabel *BlindPage::buildTally()
{
    m_tallyTable = new QTableWidget(0, 4, this);
    m_tallyTable->setObjectName(QStringLiteral("tallyTableWidget"));
    m_tallyTable->setHorizontalHeaderLabels(
            {tr("Model"), tr("Against"), tr("Wins, losses, ties"), tr("Win rate (95% range)")});
    m_tallyTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tallyTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_tallyTable->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_tallyTable->horizontalHeader()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    m_tallyTable->verticalHeader()->setVisible(false);
    m_tallyTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tallyTable->setSelectionMode(QAbstractItemView::NoSelection);
    m_tallyTable->setFocusPolicy(Qt::NoFocus);
    m_tallyTable->setMaximumHeight(130);
    auto *tallyNote = new QLabel(tr("A tie counts as half a win for each; \"both bad\" is not "
                                    "counted. The range is where the true rate lies with 95% "
                                    "confidence; it narrows as you rate more messages."),
            this);
    tallyNote->setWordWrap(true);
    tallyNote->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    return tallyNote;
}

void BlindPage::connectParts()
{
    connect(m_askButton, &QPushButton::clicked, this, &BlindPage::ask);
    connect(m_revealButton, &QPushButton::clicked, this, &BlindPage::reveal);
    connect(m_learnButton, &QPushButton::clicked, this, &BlindPage::learnFromRound);
    connect(m_writeButton, &QPushButton::clicked, this, &BlindPage::writeBetterAnswer);
    connect(m_messageEdit, &QPlainTextEdit::textChanged, this, &BlindPage::updateActions);
    connect(m_firstSelector, &TargetSelector::targetChanged, this, &BlindPage::updateActions);
    connect(m_secondSelector, &TargetSelector::targetChanged, this, &BlindPage::updateActions);
    for (TargetSelector *selector : {m_firstSelector, m_secondSelector})
        connect(selector, &TargetSelector::targetChanged, m_deployOffer, &QWidget::hide);
    connect(m_deployOffer, &DeployOfferBar::deployed, this,
            [this] { m_statusLabel->setText(tr("The model runs now: press Ask again.")); });
    connect(m_session, &ComparisonSession::paneDelta, this, [this](int pane, const QString &text) {
        (pane == m_paneA ? m_viewA : m_viewB)->appendAnswer(text);
    });
    connect(m_session, &ComparisonSession::paneFinished, this, &BlindPage::onPaneFinished);
    connect(m_session, &ComparisonSession::allFinished, this, &BlindPage::onFinished);
    if (m_datasets) {
        // The open dataset may appear or go away at any time.
        connect(m_datasets.data(), &DatasetArea::titleChanged, this, &BlindPage::updateActions);
    }
    connect(m_connections, &PlaygroundConnections::ready, this,
            [this] { applyDefaultPair(m_firstSelector, m_secondSelector); });
}

void BlindPage::onPaneFinished(int pane)
{
    TranscriptView *view = pane == m_paneA ? m_viewA : m_viewB;
    const auto state = m_session->state(pane);
    if (state == ComparisonSession::PaneState::Failed)
        view->endTurn(m_session->paneError(pane).plainMessage(), true);
    else if (state == ComparisonSession::PaneState::Stopped)
        view->endTurn(tr("Stopped."));
    else
        view->endTurn();
}

void BlindPage::setSeed(quint64 seed)
{
    m_blind->setSeed(seed);
}

bool BlindPage::datasetOpen() const
{
    return m_datasets && !m_datasets->isWelcomeShown() && m_datasets->document();
}

bool BlindPage::ask()
{
    const QString text = m_messageEdit->toPlainText().trimmed();
    ModelTarget first = m_firstSelector->target();
    ModelTarget second = m_secondSelector->target();
    if (text.isEmpty() || m_session->isBusy() || first.model.isEmpty() || second.model.isEmpty())
        return false;
    // A fine-tuned model that must be deployed is asked through its running deployment;
    // without one nothing is sent.
    if (!m_deployOffer->route(&first) || !m_deployOffer->route(&second)) {
        m_statusLabel->setText(tr("Nothing was sent: a model above must be deployed first."));
        return false;
    }
    m_session->setTarget(0, first);
    m_session->setTarget(1, second);
    m_session->setSystemPrompt(m_systemPromptEdit->text());
    // Each message is a round of its own: no earlier turns, so both see the same question.
    m_session->clearConversation();
    const QList<ChatMessage> sent = [&] {
        QList<ChatMessage> messages;
        if (!m_systemPromptEdit->text().trimmed().isEmpty())
            messages << ChatMessage {QStringLiteral("system"), m_systemPromptEdit->text()};
        messages << ChatMessage {QStringLiteral("user"), text};
        return messages;
    }();
    Messages conversation;
    for (const ChatMessage &message : sent)
        conversation << Message(message.role, message.content);
    m_answersComplete = false;
    m_round = m_blind->beginRound(first.model, second.model, conversation);
    m_paneA = m_blind->paneOnSide(m_round, BlindComparison::Side::A);
    m_viewA->clearTurns();
    m_viewB->clearTurns();
    m_viewA->beginTurn(text, tr("Answer"));
    m_viewB->beginTurn(text, tr("Answer"));
    if (!m_session->send(text)) {
        m_statusLabel->setText(tr("The message could not be sent."));
        return false;
    }
    m_messageEdit->clear();
    m_statusLabel->setText(tr("Both models are answering… (Esc stops)"));
    updateHeadings();
    updateActions();
    return true;
}

void BlindPage::onFinished()
{
    if (m_round < 0)
        return;
    m_blind->setPaneAnswer(m_round, 0, m_session->currentAnswer(0));
    m_blind->setPaneAnswer(m_round, 1, m_session->currentAnswer(1));
    // A missing answer is nothing to compare (and nothing to learn from): no vote this round.
    m_answersComplete = true;
    for (int pane = 0; pane < 2; ++pane) {
        if (m_session->state(pane) == ComparisonSession::PaneState::Failed
                || m_session->currentAnswer(pane).trimmed().isEmpty())
            m_answersComplete = false;
    }
    if (!m_answersComplete) {
        m_statusLabel->setText(tr("One of the models gave no answer, so there is nothing to "
                                  "compare. Try the message again."));
        updateActions();
        return;
    }
    m_statusLabel->setText(
            tr("Which answer is better? Press 1 for A, 2 for B, 3 if they are about the same, "
               "4 if both are bad."));
    updateActions();
    m_voteBar->setFocus();
}

bool BlindPage::vote(Vote vote)
{
    if (m_round < 0 || m_session->isBusy() || !m_answersComplete)
        return false;
    if (!m_blind->vote(m_round, vote))
        return false;
    switch (vote) {
    case Vote::A:
        m_statusLabel->setText(tr("Noted: A is better."));
        break;
    case Vote::B:
        m_statusLabel->setText(tr("Noted: B is better."));
        break;
    case Vote::Tie:
        m_statusLabel->setText(tr("Noted: about the same."));
        break;
    case Vote::BothBad:
        m_statusLabel->setText(tr("Noted: both are bad."));
        break;
    }
    if (m_blind->hasLoser(m_round))
        m_statusLabel->setText(m_statusLabel->text() + QLatin1Char(' ')
                + tr("Add the better answer to your dataset to teach the model, or write the "
                     "next message."));
    else if (m_blind->bothBad(m_round))
        m_statusLabel->setText(m_statusLabel->text() + QLatin1Char(' ')
                + tr("Write the better answer to teach the model, or write the next "
                     "message."));
    updateTally();
    updateActions();
    return true;
}

void BlindPage::reveal()
{
    if (m_round < 0)
        return;
    m_blind->reveal(m_round);
    updateHeadings();
    updateActions();
}

void BlindPage::updateHeadings()
{
    const BlindComparison::Round round = m_blind->round(m_round);
    QString a = tr("Answer A");
    QString b = tr("Answer B");
    if (m_round >= 0 && round.revealed) {
        a = tr("Answer A — %1").arg(ModelChoice::describe(round.modelA));
        b = tr("Answer B — %1").arg(ModelChoice::describe(round.modelB));
    }
    m_headingA->setText(QStringLiteral("<b>%1</b>").arg(a.toHtmlEscaped()));
    m_headingB->setText(QStringLiteral("<b>%1</b>").arg(b.toHtmlEscaped()));
}

void BlindPage::updateActions()
{
    const bool busy = m_session->isBusy();
    m_askButton->setEnabled(!busy && !m_messageEdit->toPlainText().trimmed().isEmpty()
            && !m_firstSelector->model().isEmpty() && !m_secondSelector->model().isEmpty());
    const bool canVote = m_round >= 0 && !busy && m_answersComplete;
    const auto round = m_blind->round(m_round);
    const Vote votes[4] = {Vote::A, Vote::B, Vote::Tie, Vote::BothBad};
    for (int i = 0; i < 4; ++i) {
        m_voteButtons[i]->setEnabled(canVote);
        m_voteButtons[i]->setChecked(canVote && round.vote && *round.vote == votes[i]);
    }
    m_revealButton->setEnabled(m_round >= 0 && !round.revealed);
    const bool hasLoser = m_round >= 0 && !busy && m_blind->hasLoser(m_round);
    const bool bothBad = m_round >= 0 && !busy && m_blind->bothBad(m_round);
    m_learnButton->setVisible(hasLoser);
    m_learnButton->setEnabled(hasLoser && datasetOpen());
    m_writeButton->setVisible(bothBad);
    m_writeButton->setEnabled(bothBad && datasetOpen());
    m_noDatasetWidget->setVisible((hasLoser || bothBad) && !datasetOpen());
    m_firstSelector->setEnabled(!busy);
    m_secondSelector->setEnabled(!busy);
    updateWarnings();
}

void BlindPage::updateWarnings()
{
    const ModelTarget first = m_firstSelector->target();
    const ModelTarget second = m_secondSelector->target();
    const bool same = m_connections->isSameModel(first, second);
    const bool firstShorter = first.model.size() < second.model.size();
    if (same && isAliasAndSnapshot(first.model, second.model))
        m_sameModelLabel->setText(
                tr("Both sides are the same model: %1 is the service's short name for %2, so "
                   "there is nothing to compare. Choose a different model on one side.")
                        .arg(firstShorter ? first.model : second.model,
                                firstShorter ? second.model : first.model));
    else if (same && first.model != second.model)
        m_sameModelLabel->setText(
                tr("Both sides are the same model: %1 and %2 are one model (the checkpoint "
                   "at the last step is the finished model). Choose a different model on one "
                   "side, for example the base model.")
                        .arg(ModelChoice::describe(first.model),
                                ModelChoice::describe(second.model)));
    else if (same)
        m_sameModelLabel->setText(tr("Both sides are the same model, so there is nothing to "
                                     "compare. Choose a different model on one side, for "
                                     "example the base model."));
    m_sameModelLabel->setVisible(same);

    // The answers on screen come from the session's targets; before a round, from the pickers.
    const bool inRound = m_round >= 0;
    const bool simulated0 = isSimulated((inRound ? m_session->target(0) : first).connection);
    const bool simulated1 = isSimulated((inRound ? m_session->target(1) : second).connection);
    if (simulated0 && simulated1)
        m_practiceBadge->showText(
                tr("Practice answers — both are simulated by the built-in sandbox"));
    else if (simulated0 || simulated1)
        m_practiceBadge->showText(inRound && m_blind->round(m_round).revealed
                        ? tr("Practice answer on side %1 — simulated by the built-in sandbox")
                                  .arg((simulated0 == (m_paneA == 0)) ? QStringLiteral("A")
                                                                      : QStringLiteral("B"))
                        : tr("One of the two answers is simulated by the built-in sandbox "
                             "(Reveal Names shows which)"));
    else
        m_practiceBadge->showText({});
}

void BlindPage::updateTally()
{
    const QList<PairTally> pairs = m_blind->tally().pairs();
    m_tallyTable->setRowCount(0);
    if (pairs.isEmpty()) {
        m_tallyTable->setRowCount(1);
        auto *item = new QTableWidgetItem(tr("No votes yet."));
        item->setForeground(palette().color(QPalette::PlaceholderText));
        m_tallyTable->setItem(0, 0, item);
        return;
    }
    for (const PairTally &pair : pairs) {
        for (const QString &model : {pair.modelA, pair.modelB}) {
            const QString other = model == pair.modelA ? pair.modelB : pair.modelA;
            const int row = m_tallyTable->rowCount();
            m_tallyTable->insertRow(row);
            auto *name = new QTableWidgetItem(ModelChoice::describe(model));
            name->setToolTip(model);
            m_tallyTable->setItem(row, 0, name);
            auto *against = new QTableWidgetItem(ModelChoice::describe(other));
            against->setToolTip(other);
            m_tallyTable->setItem(row, 1, against);
            m_tallyTable->setItem(row, 2, new QTableWidgetItem(pair.summary(model)));
            QString rate = tr("no decisive votes yet");
            if (pair.rated() > 0) {
                const WilsonInterval interval = pair.winRate(model);
                rate = tr("%1 (%2 – %3)")
                               .arg(percent(interval.estimate), percent(interval.lower),
                                       percent(interval.upper));
            }
            m_tallyTable->setItem(row, 3, new QTableWidgetItem(rate));
        }
    }
}

void BlindPage::learnFromRound()
{
    if (m_round < 0 || !m_blind->hasLoser(m_round))
        return;
    const BlindComparison::Round round = m_blind->round(m_round);
    const bool aWon = round.vote && *round.vote == Vote::A;
    openDialog([&] {
        return new TrainingExampleDialog(lastUserText(round.conversation),
                aWon ? round.answerA : round.answerB, aWon ? round.answerB : round.answerA, this);
    });
}

void BlindPage::writeBetterAnswer()
{
    if (m_round < 0 || !m_blind->bothBad(m_round))
        return;
    const BlindComparison::Round round = m_blind->round(m_round);
    openDialog([&] {
        return TrainingExampleDialog::forWrittenAnswer(
                lastUserText(round.conversation), round.answerA, round.answerB, this);
    });
}

void BlindPage::openDialog(const std::function<TrainingExampleDialog *()> &make)
{
    if (!datasetOpen()) {
        m_statusLabel->setText(tr("Open or create a dataset in Datasets first."));
        return;
    }
    if (m_dialog)
        m_dialog->deleteLater();
    m_dialog = make();
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog.data(), &QDialog::accepted, this, [this, dialog = m_dialog] {
        if (!dialog)
            return;
        if (dialog->isWrittenAnswer())
            addWrittenAnswer(dialog->preferredAnswer());
        else
            addToDataset(dialog->kind(), dialog->preferredAnswer());
    });
    m_dialog->open();
}

bool BlindPage::addToDataset(TrainingExampleDialog::Kind kind, const QString &editedAnswer)
{
    if (m_round < 0 || !m_blind->hasLoser(m_round))
        return false;
    const bool preference = kind == TrainingExampleDialog::Kind::Preference;
    return appendExample(preference ? m_blind->dpoExample(m_round, editedAnswer)
                                    : m_blind->correctedExample(m_round, editedAnswer),
            preference);
}

bool BlindPage::addWrittenAnswer(const QString &answer)
{
    if (m_round < 0 || !m_blind->bothBad(m_round))
        return false;
    return appendExample(m_blind->writtenExample(m_round, answer), false);
}

bool BlindPage::appendExample(const std::optional<Example> &example, bool preference)
{
    if (!datasetOpen()) {
        m_statusLabel->setText(tr("Open or create a dataset in Datasets first."));
        return false;
    }
    if (!example)
        return false;
    DatasetDocument *document = m_datasets->document();
    // Through the document's undo stack, like every edit of a dataset.
    const int row = document->appendExample(*example);
    const QString text = preference
            ? tr("Added a preference pair as example %1 of %2 (Undo in Datasets takes it back).")
                      .arg(row + 1)
                      .arg(document->displayName())
            : tr("Added a corrected example as example %1 of %2 (Undo in Datasets takes it "
                 "back).")
                      .arg(row + 1)
                      .arg(document->displayName());
    m_statusLabel->setText(text);
    Q_EMIT message(text);
    return true;
}

void BlindPage::keyPressEvent(QKeyEvent *event)
{
    // Digits reach this page only when no text field took them (the message box keeps them).
    if (event->modifiers() == Qt::NoModifier || event->modifiers() == Qt::KeypadModifier) {
        const Vote votes[4] = {Vote::A, Vote::B, Vote::Tie, Vote::BothBad};
        const int key = event->key();
        if (key >= Qt::Key_1 && key <= Qt::Key_4) {
            if (vote(votes[key - Qt::Key_1])) {
                event->accept();
                return;
            }
        }
    }
    QWidget::keyPressEvent(event);
}

} // namespace fs::ui
