// SPDX-License-Identifier: GPL-3.0-or-later
#include "sidebysidepage.h"

#include "comparisonsession.h"
#include "connectionstore.h"
#include "filedialog.h"
#include "messagebox.h"
#include "modelpicker.h"
#include "panewidget.h"
#include "playgroundconnections.h"
#include "sendshortcuts.h"
#include "targetselector.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace fs::ui {

SideBySidePage::SideBySidePage(
        PlaygroundConnections *connections, QNetworkAccessManager *nam, QWidget *parent)
    : QWidget(parent)
    , m_connections(connections)
    , m_session(new ComparisonSession(nam, this))
{
    setObjectName(QStringLiteral("sideBySidePage"));

    QHBoxLayout *toolbar = buildToolbar();
    m_systemPromptEdit = new QPlainTextEdit(this);
    m_systemPromptEdit->setObjectName(QStringLiteral("systemPromptEdit"));
    m_systemPromptEdit->setPlaceholderText(
            tr("Optional: how every model should behave, e.g. \"You are a friendly support "
               "assistant of a lamp shop.\""));
    m_systemPromptEdit->setFixedHeight(m_systemPromptEdit->fontMetrics().lineSpacing() * 3 + 12);
    m_systemPromptEdit->setTabChangesFocus(true);

    m_paneSplitter = new QSplitter(Qt::Horizontal, this);
    m_paneSplitter->setObjectName(QStringLiteral("paneSplitter"));
    m_paneSplitter->setChildrenCollapsible(false);

    QHBoxLayout *input = buildInput();
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(toolbar);
    layout->addWidget(m_systemPromptEdit);
    layout->addWidget(m_paneSplitter, 1);
    layout->addWidget(m_statusLabel);
    layout->addLayout(input);

    addSendShortcuts(
            this, [this] { send(); }, [this] { stopAll(); });
    connectParts();
    rebuildPanes();
}

QHBoxLayout *SideBySidePage::buildToolbar()
{
    auto *newButton = new QPushButton(style()->standardIcon(QStyle::SP_FileIcon), tr("New"), this);
    newButton->setObjectName(QStringLiteral("newSessionPushButton"));
    newButton->setToolTip(tr("Start a new conversation with the same models"));
    auto *openButton =
            new QPushButton(style()->standardIcon(QStyle::SP_DialogOpenButton), tr("Open…"), this);
    openButton->setObjectName(QStringLiteral("openSessionPushButton"));
    openButton->setToolTip(tr("Open a saved comparison"));
    auto *saveButton =
            new QPushButton(style()->standardIcon(QStyle::SP_DialogSaveButton), tr("Save…"), this);
    saveButton->setObjectName(QStringLiteral("saveSessionPushButton"));
    saveButton->setToolTip(tr("Save the models, settings and conversation (never the API keys)"));
    m_addPaneButton = new QPushButton(tr("Add Model"), this);
    m_addPaneButton->setObjectName(QStringLiteral("addPanePushButton"));
    m_addPaneButton->setToolTip(tr("Compare up to four models at once"));
    m_systemPromptToggle = new QToolButton(this);
    m_systemPromptToggle->setObjectName(QStringLiteral("systemPromptToolButton"));
    m_systemPromptToggle->setText(tr("Instructions for every model (system prompt)"));
    m_systemPromptToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_systemPromptToggle->setArrowType(Qt::DownArrow);
    m_systemPromptToggle->setCheckable(true);
    m_systemPromptToggle->setChecked(true);
    m_systemPromptToggle->setAutoRaise(true);
    connect(newButton, &QPushButton::clicked, this, &SideBySidePage::newSession);
    connect(openButton, &QPushButton::clicked, this, [this] { loadSession(); });
    connect(saveButton, &QPushButton::clicked, this, [this] { saveSession(); });

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_systemPromptToggle);
    toolbar->addStretch(1);
    toolbar->addWidget(newButton);
    toolbar->addWidget(openButton);
    toolbar->addWidget(saveButton);
    toolbar->addSpacing(12);
    toolbar->addWidget(m_addPaneButton);
    return toolbar;
}

QHBoxLayout *SideBySidePage::buildInput()
{
    m_messageEdit = new QPlainTextEdit(this);
    m_messageEdit->setObjectName(QStringLiteral("messageEdit"));
    m_messageEdit->setPlaceholderText(tr("Write a message to all models. Ctrl+Return sends it."));
    m_messageEdit->setFixedHeight(m_messageEdit->fontMetrics().lineSpacing() * 3 + 12);
    m_messageEdit->setTabChangesFocus(true);
    m_sendButton = new QPushButton(tr("Send to All"), this);
    m_sendButton->setObjectName(QStringLiteral("sendPushButton"));
    m_sendButton->setDefault(true);
    m_sendButton->setToolTip(tr("Send the message to every model (Ctrl+Return)"));
    m_stopAllButton = new QPushButton(tr("Stop All"), this);
    m_stopAllButton->setObjectName(QStringLiteral("stopAllPushButton"));
    m_stopAllButton->setToolTip(tr("Stop every answer (Esc)"));

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_sendButton);
    buttons->addWidget(m_stopAllButton);
    buttons->addStretch(1);
    auto *input = new QHBoxLayout;
    input->addWidget(m_messageEdit, 1);
    input->addLayout(buttons);
    return input;
}

void SideBySidePage::connectParts()
{
    connect(m_systemPromptToggle, &QToolButton::toggled, this, [this](bool on) {
        m_systemPromptEdit->setVisible(on);
        m_systemPromptToggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });
    connect(m_systemPromptEdit, &QPlainTextEdit::textChanged, this,
            [this] { m_session->setSystemPrompt(m_systemPromptEdit->toPlainText()); });
    connect(m_messageEdit, &QPlainTextEdit::textChanged, this, &SideBySidePage::updateActions);
    connect(m_sendButton, &QPushButton::clicked, this, &SideBySidePage::send);
    connect(m_stopAllButton, &QPushButton::clicked, this, &SideBySidePage::stopAll);
    connect(m_addPaneButton, &QPushButton::clicked, this, &SideBySidePage::addPane);
    connect(m_session, &ComparisonSession::panesChanged, this, &SideBySidePage::rebuildPanes);
    connect(m_session, &ComparisonSession::paneStarted, this, &SideBySidePage::updateActions);
    connect(m_session, &ComparisonSession::paneFinished, this, &SideBySidePage::updateActions);
    connect(m_session, &ComparisonSession::targetChanged, this, &SideBySidePage::updateActions);
    connect(m_connections, &PlaygroundConnections::ready, this, [this](const QString &id) {
        if (id == m_connections->store()->activeId())
            applyDefaultModels();
    });
}

void SideBySidePage::rebuildPanes()
{
    for (PaneWidget *pane : std::as_const(m_panes))
        pane->deleteLater();
    m_panes.clear();
    for (int i = 0; i < m_session->paneCount(); ++i) {
        auto *pane = new PaneWidget(m_session, i, m_connections, m_paneSplitter);
        pane->setRemovable(m_session->paneCount() > ComparisonSession::kMinPanes);
        connect(pane, &PaneWidget::removeRequested, this, &SideBySidePage::removePane);
        m_paneSplitter->addWidget(pane);
        m_panes << pane;
    }
    QList<int> sizes;
    for (int i = 0; i < m_panes.size(); ++i)
        sizes << 1000;
    m_paneSplitter->setSizes(sizes);
    updateActions();
}

void SideBySidePage::applyDefaultModels()
{
    if (m_defaultsApplied)
        return;
    for (int i = 0; i < m_session->paneCount(); ++i) {
        if (!m_session->target(i).model.isEmpty())
            return;
    }
    // The comparison people come for: their newest fine-tune next to the model it came from
    // (core's rule, never one model twice).
    const ComparisonDefault pick =
            m_connections->defaultComparison(m_connections->store()->activeId());
    if (pick.basis == ComparisonDefault::Basis::None)
        return;
    m_defaultsApplied = true;
    const QStringList picks {pick.first, pick.second};
    for (int i = 0; i < picks.size() && i < m_panes.size(); ++i) {
        if (!picks.at(i).isEmpty())
            m_panes.at(i)->targetSelector()->setModel(picks.at(i));
    }
}

void SideBySidePage::updateActions()
{
    const bool busy = m_session->isBusy();
    bool anyModel = false;
    for (int i = 0; i < m_session->paneCount(); ++i)
        anyModel = anyModel || !m_session->target(i).model.isEmpty();
    m_sendButton->setEnabled(
            !busy && anyModel && !m_messageEdit->toPlainText().trimmed().isEmpty());
    m_stopAllButton->setEnabled(busy);
    m_addPaneButton->setEnabled(!busy && m_session->paneCount() < ComparisonSession::kMaxPanes);
    m_systemPromptEdit->setReadOnly(busy);
    if (!anyModel)
        m_statusLabel->setText(tr("Choose a model in each pane, then write a message."));
    else if (busy)
        m_statusLabel->setText(tr("Answering… press Esc to stop."));
    else if (m_statusLabel->text() == tr("Answering… press Esc to stop.")
            || m_statusLabel->text() == tr("Choose a model in each pane, then write a message."))
        m_statusLabel->clear();
}

bool SideBySidePage::send()
{
    const QString text = m_messageEdit->toPlainText().trimmed();
    if (text.isEmpty() || m_session->isBusy())
        return false;
    for (PaneWidget *pane : std::as_const(m_panes))
        pane->syncTarget();
    if (!m_session->send(text)) {
        m_statusLabel->setText(tr("Choose a model in at least one pane first."));
        return false;
    }
    m_messageEdit->clear();
    updateActions();
    return true;
}

void SideBySidePage::stopAll()
{
    m_session->stopAll();
}

bool SideBySidePage::addPane()
{
    if (m_session->isBusy())
        return false;
    // A new pane starts with the model of the last one, so only one choice needs changing.
    ModelTarget target;
    if (!m_panes.isEmpty())
        target = m_panes.last()->target();
    return m_session->addPane(target) >= 0;
}

bool SideBySidePage::removePane(int pane)
{
    return m_session->removePane(pane);
}

void SideBySidePage::newSession()
{
    m_session->stopAll();
    m_session->clearConversation();
    for (PaneWidget *pane : std::as_const(m_panes))
        pane->showHistory();
    m_sessionPath.clear();
    updateActions();
}

QString SideBySidePage::askPath(const QString &kind)
{
    const QString dir = m_sessionPath.isEmpty()
            ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
            : QFileInfo(m_sessionPath).absolutePath();
    const QString filter = tr("Playground sessions (*.json)");
    if (kind == QLatin1String("saveSession"))
        return FileDialog::getSaveFileName(this, kind, tr("Save Comparison"),
                dir + QStringLiteral("/comparison.json"), filter);
    return FileDialog::getOpenFileName(this, kind, tr("Open Comparison"), dir, filter);
}

bool SideBySidePage::saveSession(const QString &path)
{
    QString target = path.isEmpty() ? askPath(QStringLiteral("saveSession")) : path;
    if (target.isEmpty())
        return false;
    for (PaneWidget *pane : std::as_const(m_panes))
        pane->syncTarget();
    QString error;
    if (!m_session->save(target, &error)) {
        MessageBox::warning(
                this, tr("Save Comparison"), tr("The comparison could not be saved."), error);
        return false;
    }
    m_sessionPath = target;
    Q_EMIT message(tr("Saved to %1.").arg(QFileInfo(target).fileName()));
    return true;
}

bool SideBySidePage::loadSession(const QString &path)
{
    QString source = path.isEmpty() ? askPath(QStringLiteral("openSession")) : path;
    if (source.isEmpty())
        return false;
    m_session->stopAll();
    QString error;
    if (!m_session->load(source, &error)) {
        MessageBox::warning(
                this, tr("Open Comparison"), tr("This file is not a saved comparison."), error);
        return false;
    }
    m_sessionPath = source;
    m_defaultsApplied = true;
    {
        const QSignalBlocker blocker(m_systemPromptEdit);
        m_systemPromptEdit->setPlainText(m_session->systemPrompt());
    }
    // The file has no keys: rebuilding the panes reads them again for each connection; the
    // pane pushes its target (with the key) back into the session when the models arrive.
    rebuildPanes();
    Q_EMIT message(tr("Opened %1.").arg(QFileInfo(source).fileName()));
    return true;
}

void SideBySidePage::showModel(const QString &model)
{
    if (model.isEmpty())
        return;
    m_session->stopAll();
    m_defaultsApplied = true;
    const QString activeId = m_connections->store()->activeId();
    const QString base = m_connections->lineage(activeId).baseModelOf(model);
    // Left to right: before and after fine-tuning.
    QStringList picks;
    if (!base.isEmpty() && base != model)
        picks << base;
    picks << model;
    for (int i = 0; i < picks.size() && i < m_panes.size(); ++i) {
        m_panes.at(i)->targetSelector()->setConnectionId(activeId);
        m_panes.at(i)->targetSelector()->setModel(picks.at(i));
    }
    for (PaneWidget *pane : std::as_const(m_panes))
        pane->syncTarget();
    m_messageEdit->setFocus();
}

} // namespace fs::ui
