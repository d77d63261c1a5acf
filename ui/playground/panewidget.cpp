// SPDX-License-Identifier: GPL-3.0-or-later
#include "panewidget.h"

#include "modelpicker.h"
#include "parameterswidget.h"
#include "practicebadge.h"
#include "simulation.h"
#include "targetselector.h"
#include "transcriptview.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace fs::ui {

PaneWidget::PaneWidget(
        ComparisonSession *session, int pane, PlaygroundConnections *connections, QWidget *parent)
    : QFrame(parent)
    , m_session(session)
    , m_pane(pane)
{
    setObjectName(QStringLiteral("pane%1").arg(pane));
    setFrameShape(QFrame::StyledPanel);

    m_targetSelector = new TargetSelector(connections, this);
    m_removeButton = new QToolButton(this);
    m_removeButton->setObjectName(QStringLiteral("removePaneToolButton"));
    m_removeButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_removeButton->setAutoRaise(true);
    m_removeButton->setToolTip(tr("Remove this pane"));
    m_parametersWidget = new ParametersWidget(this);
    m_transcriptView = new TranscriptView(this);
    m_transcriptView->setObjectName(QStringLiteral("transcriptView"));
    m_transcriptView->setPlaceholderText(
            tr("The answers of this model appear here, word by word, as they arrive."));
    m_practiceBadge = new PracticeBadge(this);
    m_metricsLabel = new QLabel(this);
    m_metricsLabel->setObjectName(QStringLiteral("metricsLabel"));
    m_metricsLabel->setWordWrap(true);
    m_metricsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stopButton = new QPushButton(tr("Stop"), this);
    m_stopButton->setObjectName(QStringLiteral("stopPushButton"));
    m_stopButton->setToolTip(tr("Stop this answer (Esc stops all)"));
    m_copyButton = new QPushButton(tr("Copy Answer"), this);
    m_copyButton->setObjectName(QStringLiteral("copyPushButton"));

    auto *header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->addWidget(m_targetSelector, 1);
    header->addWidget(m_removeButton, 0, Qt::AlignTop);
    auto *footer = new QHBoxLayout;
    footer->setContentsMargins(0, 0, 0, 0);
    footer->addWidget(m_metricsLabel, 1);
    footer->addWidget(m_copyButton);
    footer->addWidget(m_stopButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addLayout(header);
    layout->addWidget(m_parametersWidget);
    layout->addWidget(m_practiceBadge);
    layout->addWidget(m_transcriptView, 1);
    layout->addLayout(footer);

    // Show what the session has for this pane before listening to changes.
    m_loading = true;
    const ModelTarget target = m_session->target(pane);
    m_targetSelector->setTarget(target);
    ChatRequest params = target.request({});
    m_parametersWidget->setFrom(params);
    m_loading = false;
    showHistory();
    updateMetrics();
    // What the pane shows is what the session uses (the key included, when already read).
    syncTarget();

    connect(m_removeButton, &QToolButton::clicked, this,
            [this] { Q_EMIT removeRequested(m_pane); });
    connect(m_stopButton, &QPushButton::clicked, this, [this] { m_session->stop(m_pane); });
    connect(m_copyButton, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_session->currentAnswer(m_pane)); });
    connect(m_targetSelector, &TargetSelector::targetChanged, this, [this] {
        if (!m_loading)
            syncTarget();
    });
    connect(m_parametersWidget, &ParametersWidget::changed, this, [this] {
        if (!m_loading)
            syncTarget();
    });
    connect(m_session, &ComparisonSession::paneStarted, this, &PaneWidget::onStarted);
    connect(m_session, &ComparisonSession::paneDelta, this, &PaneWidget::onDelta);
    connect(m_session, &ComparisonSession::paneFinished, this, &PaneWidget::onFinished);
    connect(m_session, &ComparisonSession::paneMetricsChanged, this, [this](int pane) {
        if (pane == m_pane)
            updateMetrics();
    });
}

ModelTarget PaneWidget::target() const
{
    ModelTarget target = m_targetSelector->target();
    target.temperature = m_parametersWidget->temperature();
    target.topP = m_parametersWidget->topP();
    target.maxCompletionTokens = m_parametersWidget->maxCompletionTokens();
    target.seed = m_parametersWidget->seed();
    return target;
}

void PaneWidget::syncTarget()
{
    const ModelTarget target = this->target();
    if (m_pane < m_session->paneCount())
        m_session->setTarget(m_pane, target);
    m_practiceBadge->setSimulated(isSimulated(target.connection));
    updateButtons();
}

QString PaneWidget::answerLabel() const
{
    const QString model = m_session->target(m_pane).model;
    return model.isEmpty() ? tr("Answer") : ModelChoice::describe(model);
}

void PaneWidget::showHistory()
{
    m_transcriptView->clearTurns();
    const QList<ChatMessage> history = m_session->history(m_pane);
    const QString label = answerLabel();
    for (qsizetype i = 0; i < history.size(); ++i) {
        if (history.at(i).role != QLatin1String("user"))
            continue;
        QString answer;
        if (i + 1 < history.size() && history.at(i + 1).role == QLatin1String("assistant"))
            answer = history.at(i + 1).content;
        m_transcriptView->addFinishedTurn(history.at(i).content, label, answer);
    }
}

void PaneWidget::setRemovable(bool removable)
{
    m_removeButton->setVisible(removable);
}

void PaneWidget::onStarted(int pane)
{
    if (pane != m_pane)
        return;
    const QList<ChatMessage> history = m_session->history(m_pane);
    QString userText;
    for (qsizetype i = history.size() - 1; i >= 0; --i) {
        if (history.at(i).role == QLatin1String("user")) {
            userText = history.at(i).content;
            break;
        }
    }
    m_transcriptView->beginTurn(userText, answerLabel());
    updateMetrics();
    updateButtons();
}

void PaneWidget::onDelta(int pane, const QString &text)
{
    if (pane == m_pane)
        m_transcriptView->appendAnswer(text);
}

void PaneWidget::onFinished(int pane)
{
    if (pane != m_pane)
        return;
    switch (m_session->state(m_pane)) {
    case ComparisonSession::PaneState::Stopped:
        m_transcriptView->endTurn(tr("Stopped."));
        break;
    case ComparisonSession::PaneState::Failed:
        m_transcriptView->endTurn(m_session->paneError(m_pane).plainMessage(), true);
        break;
    default:
        m_transcriptView->endTurn();
        break;
    }
    updateMetrics();
    updateButtons();
}

QString PaneWidget::metricsText(const PaneMetrics &metrics, ComparisonSession::PaneState state)
{
    if (state == ComparisonSession::PaneState::Waiting)
        return tr("Waiting for the first word…");
    QStringList parts;
    if (metrics.timeToFirstTokenMs >= 0)
        parts << tr("first word after %1 s").arg(metrics.timeToFirstTokenMs / 1000.0, 0, 'f', 2);
    if (metrics.totalMs >= 0)
        parts << tr("done in %1 s").arg(metrics.totalMs / 1000.0, 0, 'f', 2);
    if (metrics.tokensPerSecond > 0)
        parts << tr("%1 tokens/s").arg(metrics.tokensPerSecond, 0, 'f', 1);
    if (metrics.usage)
        parts << tr("%1 tokens in, %2 out")
                         .arg(metrics.usage->promptTokens)
                         .arg(metrics.usage->completionTokens);
    if (parts.isEmpty())
        return {};
    QString text = parts.join(QStringLiteral(" · "));
    text[0] = text.at(0).toUpper();
    return text;
}

void PaneWidget::updateMetrics()
{
    if (m_pane >= m_session->paneCount())
        return;
    m_metricsLabel->setText(metricsText(m_session->metrics(m_pane), m_session->state(m_pane)));
}

void PaneWidget::updateButtons()
{
    if (m_pane >= m_session->paneCount())
        return;
    const auto state = m_session->state(m_pane);
    const bool busy = state == ComparisonSession::PaneState::Waiting
            || state == ComparisonSession::PaneState::Streaming;
    m_stopButton->setEnabled(busy);
    m_copyButton->setEnabled(!m_session->currentAnswer(m_pane).isEmpty() || busy);
    m_parametersWidget->setEnabled(!busy);
    m_targetSelector->setEnabled(!busy);
}

} // namespace fs::ui
