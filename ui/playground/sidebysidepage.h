// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QWidget>
#include <functional>

class QHBoxLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QToolButton;
class QNetworkAccessManager;

namespace fs {
class ComparisonSession;
}

namespace fs::ui {

class PaneWidget;
class PlaygroundConnections;

/**
 * @brief "Side by side": 2–4 panes answering the same message, one shared system prompt, the
 * conversation going on turn after turn in every pane. Sessions are saved as JSON (no keys).
 */
class SideBySidePage : public QWidget
{
    Q_OBJECT
public:
    SideBySidePage(PlaygroundConnections *connections, QNetworkAccessManager *nam,
            QWidget *parent = nullptr);

    ComparisonSession *session() const { return m_session; }
    int paneCount() const { return int(m_panes.size()); }
    PaneWidget *paneWidget(int pane) const { return m_panes.value(pane); }
    QPlainTextEdit *systemPromptEdit() const { return m_systemPromptEdit; }
    QPlainTextEdit *messageEdit() const { return m_messageEdit; }
    QPushButton *sendButton() const { return m_sendButton; }
    QPushButton *stopAllButton() const { return m_stopAllButton; }
    QLabel *statusLabel() const { return m_statusLabel; }

public Q_SLOTS:
    /// Sends the message box's text to every pane (Ctrl+Return).
    bool send();
    void stopAll();
    bool addPane();
    bool removePane(int pane);
    /// Forgets the conversation (keeps the models and the system prompt).
    void newSession();
    bool saveSession(const QString &path = {});
    bool loadSession(const QString &path = {});
    /// Puts `model` in the first pane and, when it is a fine-tune, its base model in the second.
    void showModel(const QString &model);

Q_SIGNALS:
    /// Something worth a status-bar line (saved, loaded, …).
    void message(const QString &text);

private:
    /// Instructions toggle, New, Open, Save and Add Model.
    QHBoxLayout *buildToolbar();
    /// The message box with Send to All and Stop All.
    QHBoxLayout *buildInput();
    void connectParts();
    void rebuildPanes();
    void updateActions();
    void applyDefaultModels();
    QString askPath(const QString &kind);

    PlaygroundConnections *m_connections;
    ComparisonSession *m_session;
    QList<PaneWidget *> m_panes;
    QString m_sessionPath;
    bool m_defaultsApplied = false;

    QPlainTextEdit *m_systemPromptEdit;
    QToolButton *m_systemPromptToggle;
    QSplitter *m_paneSplitter;
    QPlainTextEdit *m_messageEdit;
    QPushButton *m_sendButton;
    QPushButton *m_stopAllButton;
    QPushButton *m_addPaneButton;
    QLabel *m_statusLabel;
};

} // namespace fs::ui
