// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "abtally.h"
#include "comparisonpage.h"
#include "example.h"
#include "trainingexampledialog.h"

#include <QPointer>
#include <functional>
#include <optional>

class QFormLayout;
class QGridLayout;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace fs {
class BlindComparison;
class ComparisonSession;
} // namespace fs

namespace fs::ui {

class TranscriptView;

/**
 * @brief "Blind A/B": two models answer each message as "A" and "B" (sides shuffled per
 * message); the person picks the better one with keys 1–4; a tally per pair of models shows the
 * win rate with its 95% range. A lost comparison becomes training data in the open dataset.
 */
class BlindPage : public ComparisonPage
{
    Q_OBJECT
public:
    BlindPage(PlaygroundConnections *connections, QNetworkAccessManager *nam, DatasetArea *datasets,
            QWidget *parent = nullptr);

    BlindComparison *comparison() const { return m_blind; }
    ComparisonSession *session() const { return m_session; }
    TargetSelector *firstSelector() const { return m_firstSelector; }
    TargetSelector *secondSelector() const { return m_secondSelector; }
    QPlainTextEdit *messageEdit() const { return m_messageEdit; }
    QPushButton *askButton() const { return m_askButton; }
    TranscriptView *sideView(int side) const { return side == 0 ? m_viewA : m_viewB; }
    QLabel *sideHeading(int side) const { return side == 0 ? m_headingA : m_headingB; }
    QPushButton *voteButton(int which) const { return m_voteButtons[which]; }
    QPushButton *revealButton() const { return m_revealButton; }
    QPushButton *learnButton() const { return m_learnButton; }
    /// "Write the Better Answer…", offered after "Both are bad".
    QPushButton *writeButton() const { return m_writeButton; }
    QTableWidget *tallyTable() const { return m_tallyTable; }
    QLabel *statusLabel() const { return m_statusLabel; }
    /// The round on screen (-1 before the first message).
    int currentRound() const { return m_round; }
    /// The dialog of the last "Add to Dataset…" or "Write the Better Answer…" while it is open
    /// (tests).
    TrainingExampleDialog *trainingDialog() const { return m_dialog; }

    /// Test hook: a fixed seed for the side shuffle.
    void setSeed(quint64 seed);

public Q_SLOTS:
    /// Sends the message to both models as a new round (Ctrl+Return).
    bool ask();
    /// Records the vote of the current round (keys 1 2 3 4).
    bool vote(fs::Vote vote);
    void reveal();
    /// Opens the dialog that turns the current round into a training example.
    void learnFromRound();
    /// Appends the current round to the open dataset; false (and a plain message) when it
    /// cannot. The empty `editedAnswer` keeps the winner's answer.
    bool addToDataset(fs::ui::TrainingExampleDialog::Kind kind, const QString &editedAnswer = {});
    /// After "Both are bad": opens the dialog in which the person writes the better answer.
    void writeBetterAnswer();
    /// Appends the current "both bad" round with `answer` as a corrected example (undoable);
    /// false (and a plain message) when it cannot.
    bool addWrittenAnswer(const QString &answer);

Q_SIGNALS:
    /// No dataset is open and the person asked to create one.
    void datasetNeeded();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QFormLayout *buildSetup();
    QGridLayout *buildAnswers();
    void buildVoteBar();
    /// "Add to Dataset…", "Write the Better Answer…" and the offer to create a dataset.
    QHBoxLayout *buildLearnRow();
    QHBoxLayout *buildInput();
    /// The tally table; returns the note under it.
    QLabel *buildTally();
    void connectParts();
    void onPaneFinished(int pane);
    void onFinished();
    void updateHeadings();
    void updateActions();
    void updateTally();
    void updateWarnings();
    bool datasetOpen() const;
    /// Appends `example` (a preference pair or a corrected example) to the open dataset and
    /// says so; false when none is open.
    bool appendExample(const std::optional<Example> &example, bool preference);
    /// Opens the training-example dialog `make` builds (when a dataset is open).
    void openDialog(const std::function<TrainingExampleDialog *()> &make);

    ComparisonSession *m_session;
    BlindComparison *m_blind;
    int m_round = -1;
    int m_paneA = 0; ///< the session pane shown as A in the current round
    bool m_answersComplete = false; ///< both answers of the current round arrived

    TargetSelector *m_firstSelector;
    TargetSelector *m_secondSelector;
    QLineEdit *m_systemPromptEdit;
    QPlainTextEdit *m_messageEdit;
    QPushButton *m_askButton;
    QLabel *m_headingA;
    QLabel *m_headingB;
    TranscriptView *m_viewA;
    TranscriptView *m_viewB;
    QWidget *m_voteBar;
    QPushButton *m_voteButtons[4];
    QPushButton *m_revealButton;
    QPushButton *m_learnButton;
    QPushButton *m_writeButton;
    QWidget *m_noDatasetWidget;
    QLabel *m_statusLabel;
    QTableWidget *m_tallyTable;
    QPointer<TrainingExampleDialog> m_dialog;
};

} // namespace fs::ui
