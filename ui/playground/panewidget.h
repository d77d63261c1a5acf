// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "comparisonsession.h"

#include <QFrame>

class QFrame;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QToolButton;

namespace fs::ui {

class ParametersWidget;
class PlaygroundConnections;
class PracticeBadge;
class TargetSelector;
class TranscriptView;

/**
 * @brief One pane of the side-by-side view: which model (connection, model, settings), the
 * conversation as it streams, and how fast the last answer came. It shows one pane of a
 * ComparisonSession and forwards the person's choices to it.
 */
class PaneWidget : public QFrame
{
    Q_OBJECT
public:
    PaneWidget(ComparisonSession *session, int pane, PlaygroundConnections *connections,
            QWidget *parent = nullptr);

    int pane() const { return m_pane; }
    TargetSelector *targetSelector() const { return m_targetSelector; }
    ParametersWidget *parametersWidget() const { return m_parametersWidget; }
    TranscriptView *transcriptView() const { return m_transcriptView; }
    QLabel *metricsLabel() const { return m_metricsLabel; }
    QPushButton *stopButton() const { return m_stopButton; }
    QPushButton *copyButton() const { return m_copyButton; }
    QToolButton *removeButton() const { return m_removeButton; }
    /// "Practice answer — simulated…", shown while the pane's connection is the sandbox.
    PracticeBadge *practiceBadge() const { return m_practiceBadge; }
    /// Shown while the pane's model must be deployed before it answers, is coming up, or runs
    /// (then with what it cost so far, and Stop).
    QFrame *deployBar() const { return m_deployBar; }
    QLabel *deployLabel() const { return m_deployLabel; }
    QPushButton *deployButton() const { return m_deployButton; }
    /// "This model stops answering on 14 Jan 2027 — in 39 days.", shown while the pane's model
    /// retires within the calendar's warning window or already has.
    QLabel *retirementLabel() const { return m_retirementLabel; }

    /// The pane's model with its connection and settings, as the session should use it.
    ModelTarget target() const;
    /// Pushes target() into the session (before sending: a key may have arrived since).
    void syncTarget();
    /// Shows the session's turns again (after loading a session).
    void showHistory();
    void setRemovable(bool removable);

    /// Text for the metrics line (also used by tests).
    static QString metricsText(const PaneMetrics &metrics, ComparisonSession::PaneState state);

Q_SIGNALS:
    void removeRequested(int pane);

private:
    /// The bar offering to deploy a fine-tuned model that must run before it answers.
    void buildDeployBar();
    /// Metrics, Copy Answer and Stop.
    QHBoxLayout *buildFooter();
    void loadFromSession();
    void connectParts();
    void onStarted(int pane);
    void onDelta(int pane, const QString &text);
    void onFinished(int pane);
    void updateMetrics();
    void updateButtons();
    void updateDeployBar();
    void updateRetirement(const ModelTarget &target);
    void deploy();
    QString answerLabel() const;

    ComparisonSession *m_session;
    int m_pane;
    bool m_loading = false;
    TargetSelector *m_targetSelector;
    ParametersWidget *m_parametersWidget;
    TranscriptView *m_transcriptView;
    PracticeBadge *m_practiceBadge;
    PlaygroundConnections *m_connections;
    QFrame *m_deployBar;
    QLabel *m_deployLabel;
    QPushButton *m_deployButton;
    QLabel *m_retirementLabel;
    QString m_runningDeployment; ///< the id of the model's running deployment, if any
    QLabel *m_metricsLabel;
    QPushButton *m_stopButton;
    QPushButton *m_copyButton;
    QToolButton *m_removeButton;
};

} // namespace fs::ui
