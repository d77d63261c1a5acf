// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"
#include "apitypes.h"
#include "modeltarget.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <optional>

class QNetworkAccessManager;

namespace fs {

class ApiClient;
class ChatStream;

/// How a pane's last answer went (and how fast).
struct PaneMetrics
{
    qint64 timeToFirstTokenMs = -1; ///< from sending to the first content delta; -1 before
    qint64 totalMs = -1; ///< from sending to the end of the stream; -1 while running
    /// Completion tokens per second after the first token (usage's count when the server sent
    /// usage, else the number of deltas); 0 until finished.
    double tokensPerSecond = 0;
    std::optional<Usage> usage;
};

/**
 * @brief The core of the side-by-side playground: 2–4 panes, each a ModelTarget with its own
 * conversation, one shared system prompt; send() asks every pane at once with streamed chat
 * completions. The UI only displays: it listens to the pane signals.
 *
 * History: each pane keeps its user/assistant turns (the system prompt is prepended on every
 * send, so editing it applies to the next turn). A stopped answer keeps what arrived as the
 * assistant turn; a failed one keeps the user turn without an answer.
 */
class ComparisonSession : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMinPanes = 2;
    static constexpr int kMaxPanes = 4;

    enum class PaneState {
        Idle, ///< nothing sent yet / answer complete
        Waiting, ///< sent, no token yet
        Streaming,
        Stopped, ///< stopped by the user
        Failed, ///< see paneError()
    };
    Q_ENUM(PaneState)

    /// Starts with kMinPanes empty panes. `nam` must outlive the session.
    explicit ComparisonSession(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~ComparisonSession() override;

    int paneCount() const { return int(m_panes.size()); }
    /// Adds a pane (up to kMaxPanes; -1 when full). Its history starts empty.
    int addPane(const ModelTarget &target = {});
    /// Removes a pane (not below kMinPanes; stops it first). False when not allowed.
    bool removePane(int pane);
    ModelTarget target(int pane) const;
    void setTarget(int pane, const ModelTarget &target);

    QString systemPrompt() const { return m_systemPrompt; }
    void setSystemPrompt(const QString &text);

    /// Sends `userMessage` to every pane with a model. False (nothing sent) when the text is
    /// empty, a pane is still answering, or no pane has a model.
    bool send(const QString &userMessage);
    /// Asks one pane again for its last answer (drops it and re-streams). False when busy.
    bool regenerate(int pane);
    void stop(int pane);
    void stopAll();
    bool isBusy() const; ///< any pane waiting or streaming
    /// Forgets every pane's conversation (not the targets or the system prompt).
    void clearConversation();

    /// The user/assistant turns of a pane (no system prompt), the one in progress included.
    QList<ChatMessage> history(int pane) const;
    /// The messages as sent for the next/current turn: system prompt (if any) + history.
    QList<ChatMessage> requestMessages(int pane) const;
    PaneState state(int pane) const;
    QString currentAnswer(int pane) const; ///< the answer of the last turn so far
    PaneMetrics metrics(int pane) const;
    ApiError paneError(int pane) const;

    /// The whole session as JSON: system prompt, panes (targets without keys, histories).
    QJsonObject toJson() const;
    /// Replaces the session; false with a plain-words *error when the JSON is not a session.
    /// Keys are empty afterwards (set them with setTarget()).
    bool fromJson(const QJsonObject &object, QString *error = nullptr);
    bool save(const QString &path, QString *error = nullptr) const;
    bool load(const QString &path, QString *error = nullptr);

Q_SIGNALS:
    void panesChanged(); ///< panes added/removed/replaced (load)
    void targetChanged(int pane);
    void historyChanged(int pane); ///< a turn was added/removed (not on every delta)
    void paneStarted(int pane);
    void paneDelta(int pane, const QString &text);
    void paneFinished(int pane); ///< complete, stopped or failed: see state()
    void paneMetricsChanged(int pane);
    void allFinished();

private:
    struct Pane
    {
        ModelTarget target;
        QList<ChatMessage> history;
        PaneState state = PaneState::Idle;
        QString answer;
        PaneMetrics metrics;
        ApiError error;
        QPointer<ChatStream> stream;
        ApiClient *client = nullptr;
        QElapsedTimer timer;
        int deltas = 0;
        bool stopping = false; ///< stop() was called: the abort is the user's wish
        quint64 generation = 0; ///< guards against signals of a stream that was replaced
    };
    void startPane(int pane);
    void finishPane(int pane, quint64 generation);
    void deletePane(Pane *pane);
    int indexOf(const Pane *pane) const;

    QNetworkAccessManager *m_nam;
    QString m_systemPrompt;
    QList<Pane *> m_panes;
};

} // namespace fs
