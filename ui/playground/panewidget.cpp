// SPDX-License-Identifier: GPL-3.0-or-later
#include "panewidget.h"

#include "deploydialog.h"
#include "deploymenthub.h"
#include "deploymentsui.h"
#include "modelpicker.h"
#include "parameterswidget.h"
#include "playgroundconnections.h"
#include "practicebadge.h"
#include "retirementbanner.h"
#include "retirementcalendar.h"
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
    , m_connections(connections)
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
    buildDeployBar();
    m_retirementLabel = retirementNoteLabel(QStringLiteral("retirementLabel"), this);
    QHBoxLayout *footer = buildFooter();

    auto *header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->addWidget(m_targetSelector, 1);
    header->addWidget(m_removeButton, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addLayout(header);
    layout->addWidget(m_parametersWidget);
    layout->addWidget(m_practiceBadge);
    layout->addWidget(m_retirementLabel);
    layout->addWidget(m_deployBar);
    layout->addWidget(m_transcriptView, 1);
    layout->addLayout(footer);

    loadFromSession();
    connectParts();
}

void PaneWidget::buildDeployBar()
{
    m_deployBar = new QFrame(this);
    m_deployBar->setObjectName(QStringLiteral("deployBar"));
    m_deployBar->setFrameShape(QFrame::StyledPanel);
    m_deployBar->setStyleSheet(
            QStringLiteral("#deployBar { background: #fff4e0; border: 1px solid #e0b060; }"
                           "#deployBar[running=\"true\"] { background: #eef6ee; "
                           "border: 1px solid #8fbf8f; }"));
    m_deployLabel = new QLabel(m_deployBar);
    m_deployLabel->setObjectName(QStringLiteral("deployLabel"));
    m_deployLabel->setWordWrap(true);
    m_deployButton = new QPushButton(tr("Deploy to Try It…"), m_deployBar);
    m_deployButton->setObjectName(QStringLiteral("deployPushButton"));
    auto *deployLayout = new QHBoxLayout(m_deployBar);
    deployLayout->setContentsMargins(6, 4, 6, 4);
    deployLayout->addWidget(m_deployLabel, 1);
    deployLayout->addWidget(m_deployButton, 0, Qt::AlignVCenter);
    m_deployBar->hide();
}

QHBoxLayout *PaneWidget::buildFooter()
{
    m_metricsLabel = new QLabel(this);
    m_metricsLabel->setObjectName(QStringLiteral("metricsLabel"));
    m_metricsLabel->setWordWrap(true);
    m_metricsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stopButton = new QPushButton(tr("Stop"), this);
    m_stopButton->setObjectName(QStringLiteral("stopPushButton"));
    m_stopButton->setToolTip(tr("Stop this answer (Esc stops all)"));
    m_copyButton = new QPushButton(tr("Copy Answer"), this);
    m_copyButton->setObjectName(QStringLiteral("copyPushButton"));
    auto *footer = new QHBoxLayout;
    footer->setContentsMargins(0, 0, 0, 0);
    footer->addWidget(m_metricsLabel, 1);
    footer->addWidget(m_copyButton);
    footer->addWidget(m_stopButton);
    return footer;
}

void PaneWidget::loadFromSession()
{
    // Show what the session has for this pane before listening to changes.
    m_loading = true;
    const ModelTarget target = m_session->target(m_pane);
    m_targetSelector->setTarget(target);
    ChatRequest params = target.request({});
    m_parametersWidget->setFrom(params);
    m_loading = false;
    showHistory();
    updateMetrics();
    // What the pane shows is what the session uses (the key included, when already read).
    syncTarget();
}

void PaneWidget::connectParts()
{
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
    connect(m_deployButton, &QPushButton::clicked, this, &PaneWidget::deploy);
    connect(m_connections, &PlaygroundConnections::deploymentsChanged, this, [this] {
        // A deployment that started (or stopped) changes where the pane's chats go.
        if (!m_loading && m_pane < m_session->paneCount()
                && m_session->target(m_pane).servedAs != this->target().servedAs)
            syncTarget();
        updateDeployBar();
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
    DeploymentHub *hub = m_connections->deployments();
    if (hub && DeploymentManager::needsDeployment(target.connection, target.model)) {
        if (DeploymentManager *manager = hub->manager(target.connection))
            target.servedAs = manager->servedName(target.model);
    }
    return target;
}

void PaneWidget::syncTarget()
{
    const ModelTarget target = this->target();
    if (m_pane < m_session->paneCount())
        m_session->setTarget(m_pane, target);
    m_practiceBadge->setSimulated(isSimulated(target.connection));
    updateRetirement(target);
    updateButtons();
    updateDeployBar();
}

void PaneWidget::updateRetirement(const ModelTarget &target)
{
    ModelPicker *picker = m_targetSelector->modelPicker();
    picker->setRetirementService(target.connection.providerKind());
    const QString notice = picker->retirementNotice(target.model);
    m_retirementLabel->setText(notice.isEmpty() ? QString() : tr("This model %1.").arg(notice));
    m_retirementLabel->setToolTip(notice.isEmpty()
                    ? QString()
                    : RetirementCalendar::current()
                              .lookup(target.connection.providerKind(), target.model)
                              .source);
    m_retirementLabel->setVisible(!notice.isEmpty());
}

void PaneWidget::updateDeployBar()
{
    const ModelTarget target = m_targetSelector->target();
    DeploymentHub *hub = m_connections->deployments();
    DeploymentManager *manager =
            hub && DeploymentManager::needsDeployment(target.connection, target.model)
            ? hub->manager(target.connection)
            : nullptr;
    m_runningDeployment.clear();
    if (!manager) {
        m_deployBar->hide();
        return;
    }
    if (const auto running = manager->runningFor(target.model)) {
        // Billing while it runs: always in sight, with a way to stop it.
        m_runningDeployment = running->deployment.id;
        const QDateTime now = manager->now();
        const auto cost = running->costSoFar(now);
        QString text =
                tr("Deployed: running for %1")
                        .arg(DeploymentManager::formatDuration(running->runningSeconds(now)));
        if (cost)
            text += QStringLiteral(", ")
                    + tr("%1 so far").arg(DeploymentManager::formatMoney(*cost));
        if (running->deployment.pricePerHour)
            text += QStringLiteral(" ")
                    + tr("($%1/hour)").arg(*running->deployment.pricePerHour, 0, 'f', 2);
        m_deployLabel->setText(text + QLatin1Char('.'));
        m_deployButton->setText(tr("Stop Deployment"));
        m_deployBar->setProperty("running", true);
        m_deployBar->style()->polish(m_deployBar); // the calmer colours of "running"
        m_deployBar->show();
        return;
    }
    m_deployBar->setProperty("running", false);
    m_deployBar->style()->polish(m_deployBar);
    const auto latest = manager->latestFor(target.model);
    if (latest && latest->isComingUp()) {
        m_deployLabel->setText(
                tr("Deploying: %1, waited %2. This pane answers once it runs.")
                        .arg(DeploymentManager::describeState(latest->deployment.state),
                                DeploymentManager::formatDuration(
                                        latest->waitedSeconds(manager->now()))));
        m_deployButton->setText(tr("Show Progress…"));
    } else if (latest && !latest->problem.isEmpty()) {
        m_deployLabel->setText(latest->problem);
        m_deployButton->setText(tr("Deploy to Try It…"));
    } else {
        m_deployLabel->setText(tr("This fine-tuned model must be deployed before it answers: "
                                  "it runs on hardware of its own, billed by the minute while "
                                  "it runs."));
        m_deployButton->setText(tr("Deploy to Try It…"));
    }
    m_deployButton->setEnabled(true);
    m_deployBar->show();
}

void PaneWidget::deploy()
{
    const ModelTarget target = m_targetSelector->target();
    DeploymentHub *hub = m_connections->deployments();
    DeploymentManager *manager = hub ? hub->manager(target.connection) : nullptr;
    if (!manager || target.model.isEmpty())
        return;
    if (!m_runningDeployment.isEmpty()) {
        manager->stop(m_runningDeployment);
        m_deployButton->setEnabled(false);
        m_deployLabel->setText(tr("Stopping…"));
        return;
    }
    // Through the window's deployments (Azure signs in first) when there are any.
    DeployDialog *dialog = offerDeploy(this, manager, target.connection, target.model);
    if (!dialog)
        return;
    connect(dialog, &DeployDialog::deploymentReady, this, [this] {
        syncTarget();
        updateDeployBar();
    });
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
    // A chat through a deployment: it is in use (the idle auto-stop counts from here).
    const ModelTarget target = m_session->target(m_pane);
    if (!target.servedAs.isEmpty() && m_connections->deployments()) {
        if (DeploymentManager *manager = m_connections->deployments()->manager(target.connection))
            manager->reportUse(target.model);
    }
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
    case ComparisonSession::PaneState::Failed: {
        const ModelTarget target = m_session->target(m_pane);
        const ApiError error = m_session->paneError(m_pane);
        // The service's 404 for a fine-tune that is not deployed, said plainly.
        const bool notDeployed = error.httpStatus == 404 && target.servedAs.isEmpty()
                && DeploymentManager::needsDeployment(target.connection, target.model);
        m_transcriptView->endTurn(notDeployed
                        ? DeploymentManager::mustDeployFirstMessage(target.model)
                        : error.plainMessage(),
                true);
        if (notDeployed)
            updateDeployBar();
        break;
    }
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
