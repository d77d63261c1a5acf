// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparisonsession.h"

#include "apiclient.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace fs {

namespace {
constexpr int kSessionVersion = 1;
} // namespace

ComparisonSession::ComparisonSession(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
{
    for (int i = 0; i < kMinPanes; ++i)
        addPane();
}

ComparisonSession::~ComparisonSession()
{
    for (Pane *pane : std::as_const(m_panes))
        deletePane(pane);
}

void ComparisonSession::deletePane(Pane *pane)
{
    if (pane->stream) {
        // Its late signals must not reach a deleted pane.
        disconnect(pane->stream, nullptr, this, nullptr);
        pane->stream->abort();
    }
    delete pane->client;
    delete pane;
}

int ComparisonSession::indexOf(const Pane *pane) const
{
    for (int i = 0; i < m_panes.size(); ++i) {
        if (m_panes.at(i) == pane)
            return i;
    }
    return -1;
}

int ComparisonSession::addPane(const ModelTarget &target)
{
    if (m_panes.size() >= kMaxPanes)
        return -1;
    auto *pane = new Pane;
    pane->target = target;
    pane->client = new ApiClient(m_nam, target.connection, this);
    // A pane added mid-conversation starts empty: it answers from the next message on.
    m_panes.append(pane);
    Q_EMIT panesChanged();
    return int(m_panes.size()) - 1;
}

bool ComparisonSession::removePane(int index)
{
    if (index < 0 || index >= m_panes.size() || m_panes.size() <= kMinPanes)
        return false;
    deletePane(m_panes.takeAt(index));
    Q_EMIT panesChanged();
    if (!isBusy())
        Q_EMIT allFinished();
    return true;
}

ModelTarget ComparisonSession::target(int pane) const
{
    return pane >= 0 && pane < m_panes.size() ? m_panes.at(pane)->target : ModelTarget();
}

void ComparisonSession::setTarget(int index, const ModelTarget &target)
{
    if (index < 0 || index >= m_panes.size())
        return;
    Pane *pane = m_panes.at(index);
    pane->target = target;
    // A stream in flight keeps its own request; the new connection applies to the next turn.
    pane->client->setConnection(target.connection);
    Q_EMIT targetChanged(index);
}

void ComparisonSession::setSystemPrompt(const QString &text)
{
    m_systemPrompt = text;
}

bool ComparisonSession::send(const QString &userMessage)
{
    if (userMessage.trimmed().isEmpty() || isBusy())
        return false;
    QList<int> panes;
    for (int i = 0; i < m_panes.size(); ++i) {
        if (!m_panes.at(i)->target.model.isEmpty())
            panes << i;
    }
    if (panes.isEmpty())
        return false;
    for (const int i : std::as_const(panes)) {
        m_panes.at(i)->history.append(ChatMessage {QStringLiteral("user"), userMessage});
        Q_EMIT historyChanged(i);
    }
    for (const int i : std::as_const(panes))
        startPane(i);
    return true;
}

bool ComparisonSession::regenerate(int index)
{
    if (index < 0 || index >= m_panes.size() || isBusy())
        return false;
    Pane *pane = m_panes.at(index);
    if (pane->target.model.isEmpty())
        return false;
    if (!pane->history.isEmpty() && pane->history.last().role == QLatin1String("assistant"))
        pane->history.removeLast();
    if (pane->history.isEmpty() || pane->history.last().role != QLatin1String("user"))
        return false;
    Q_EMIT historyChanged(index);
    startPane(index);
    return true;
}

void ComparisonSession::startPane(int index)
{
    Pane *pane = m_panes.at(index);
    const ChatRequest request = pane->target.request(requestMessages(index));
    pane->answer.clear();
    pane->metrics = PaneMetrics();
    pane->error = ApiError();
    pane->deltas = 0;
    pane->stopping = false;
    pane->state = PaneState::Waiting;
    const quint64 generation = ++pane->generation;
    pane->timer.start();
    ChatStream *stream = pane->client->streamChatCompletion(request);
    pane->stream = stream;
    connect(stream, &ChatStream::delta, this, [this, pane, generation](const QString &text) {
        const int i = indexOf(pane);
        if (i < 0 || pane->generation != generation)
            return;
        if (pane->state == PaneState::Waiting) {
            pane->state = PaneState::Streaming;
            pane->metrics.timeToFirstTokenMs = pane->timer.elapsed();
            Q_EMIT paneMetricsChanged(i);
        }
        pane->answer += text;
        ++pane->deltas;
        Q_EMIT paneDelta(i, text);
    });
    connect(stream, &ChatStream::usageReceived, this, [pane, generation](const Usage &usage) {
        if (pane->generation == generation)
            pane->metrics.usage = usage;
    });
    connect(stream, &ApiReply::finished, this,
            [this, pane, generation] { finishPane(indexOf(pane), generation); });
    Q_EMIT paneStarted(index);
    Q_EMIT paneMetricsChanged(index);
}

void ComparisonSession::finishPane(int index, quint64 generation)
{
    if (index < 0)
        return;
    Pane *pane = m_panes.at(index);
    if (pane->generation != generation || !pane->stream)
        return;
    ChatStream *stream = pane->stream;
    pane->stream = nullptr;
    const ApiError error = stream->error();
    if (!pane->metrics.usage && stream->finalUsage())
        pane->metrics.usage = stream->finalUsage();
    pane->metrics.totalMs = pane->timer.elapsed();
    if (pane->metrics.timeToFirstTokenMs >= 0) {
        const double seconds =
                double(pane->metrics.totalMs - pane->metrics.timeToFirstTokenMs) / 1000.0;
        const qint64 tokens =
                pane->metrics.usage ? pane->metrics.usage->completionTokens : pane->deltas;
        // A one-chunk answer has no duration after its first token: count from the send.
        const double basis = seconds > 0 ? seconds : double(pane->metrics.totalMs) / 1000.0;
        pane->metrics.tokensPerSecond = basis > 0 ? double(tokens) / basis : 0;
    }

    if (!error.isError()) {
        pane->state = PaneState::Idle;
        pane->history.append(ChatMessage {QStringLiteral("assistant"), pane->answer});
    } else if (pane->stopping && error.kind == ApiError::Kind::Cancelled) {
        pane->state = PaneState::Stopped;
        if (!pane->answer.isEmpty())
            pane->history.append(ChatMessage {QStringLiteral("assistant"), pane->answer});
    } else {
        pane->state = PaneState::Failed;
        pane->error = error;
    }
    pane->stopping = false;
    Q_EMIT historyChanged(index);
    Q_EMIT paneMetricsChanged(index);
    Q_EMIT paneFinished(index);
    if (!isBusy())
        Q_EMIT allFinished();
}

void ComparisonSession::stop(int index)
{
    if (index < 0 || index >= m_panes.size())
        return;
    Pane *pane = m_panes.at(index);
    if (!pane->stream)
        return;
    pane->stopping = true;
    pane->stream->abort();
}

void ComparisonSession::stopAll()
{
    for (int i = 0; i < m_panes.size(); ++i)
        stop(i);
}

bool ComparisonSession::isBusy() const
{
    for (const Pane *pane : m_panes) {
        if (pane->state == PaneState::Waiting || pane->state == PaneState::Streaming)
            return true;
    }
    return false;
}

void ComparisonSession::clearConversation()
{
    stopAll();
    for (int i = 0; i < m_panes.size(); ++i) {
        Pane *pane = m_panes.at(i);
        pane->history.clear();
        pane->answer.clear();
        pane->metrics = PaneMetrics();
        pane->error = ApiError();
        pane->state = PaneState::Idle;
        Q_EMIT historyChanged(i);
        Q_EMIT paneMetricsChanged(i);
    }
}

QList<ChatMessage> ComparisonSession::history(int index) const
{
    if (index < 0 || index >= m_panes.size())
        return {};
    const Pane *pane = m_panes.at(index);
    QList<ChatMessage> messages = pane->history;
    if (pane->state == PaneState::Streaming)
        messages.append(ChatMessage {QStringLiteral("assistant"), pane->answer});
    return messages;
}

QList<ChatMessage> ComparisonSession::requestMessages(int index) const
{
    QList<ChatMessage> messages;
    if (!m_systemPrompt.trimmed().isEmpty())
        messages.append(ChatMessage {QStringLiteral("system"), m_systemPrompt});
    if (index >= 0 && index < m_panes.size())
        messages += m_panes.at(index)->history;
    return messages;
}

ComparisonSession::PaneState ComparisonSession::state(int index) const
{
    return index >= 0 && index < m_panes.size() ? m_panes.at(index)->state : PaneState::Idle;
}

QString ComparisonSession::currentAnswer(int index) const
{
    return index >= 0 && index < m_panes.size() ? m_panes.at(index)->answer : QString();
}

PaneMetrics ComparisonSession::metrics(int index) const
{
    return index >= 0 && index < m_panes.size() ? m_panes.at(index)->metrics : PaneMetrics();
}

ApiError ComparisonSession::paneError(int index) const
{
    return index >= 0 && index < m_panes.size() ? m_panes.at(index)->error : ApiError();
}

QJsonObject ComparisonSession::toJson() const
{
    QJsonArray panes;
    for (const Pane *pane : m_panes) {
        QJsonArray history;
        for (const ChatMessage &message : pane->history) {
            history.append(QJsonObject {{QStringLiteral("role"), message.role},
                    {QStringLiteral("content"), message.content}});
        }
        panes.append(QJsonObject {
                {QStringLiteral("target"), pane->target.toJson()},
                {QStringLiteral("history"), history},
        });
    }
    return QJsonObject {
            {QStringLiteral("type"), QStringLiteral("finetune-studio.comparison-session")},
            {QStringLiteral("version"), kSessionVersion},
            {QStringLiteral("system_prompt"), m_systemPrompt},
            {QStringLiteral("panes"), panes},
    };
}

bool ComparisonSession::fromJson(const QJsonObject &object, QString *error)
{
    const QJsonArray panes = object.value(QLatin1String("panes")).toArray();
    if (object.value(QLatin1String("type")).toString()
                    != QLatin1String("finetune-studio.comparison-session")
            || panes.isEmpty()) {
        if (error)
            *error = tr("This file is not a saved comparison.");
        return false;
    }
    if (object.value(QLatin1String("version")).toInt() > kSessionVersion) {
        if (error)
            *error = tr("This comparison was saved by a newer version of Finetune Studio.");
        return false;
    }
    for (Pane *pane : std::as_const(m_panes))
        deletePane(pane);
    m_panes.clear();
    m_systemPrompt = object.value(QLatin1String("system_prompt")).toString();
    for (const QJsonValue &value : panes) {
        if (m_panes.size() >= kMaxPanes)
            break;
        const QJsonObject paneObject = value.toObject();
        auto *pane = new Pane;
        pane->target = ModelTarget::fromJson(paneObject.value(QLatin1String("target")).toObject());
        pane->client = new ApiClient(m_nam, pane->target.connection, this);
        const QJsonArray history = paneObject.value(QLatin1String("history")).toArray();
        for (const QJsonValue &message : history) {
            const QJsonObject m = message.toObject();
            const QString role = m.value(QLatin1String("role")).toString();
            if (role == QLatin1String("user") || role == QLatin1String("assistant"))
                pane->history.append(
                        ChatMessage {role, m.value(QLatin1String("content")).toString()});
        }
        m_panes.append(pane);
    }
    while (m_panes.size() < kMinPanes) {
        auto *pane = new Pane;
        pane->client = new ApiClient(m_nam, pane->target.connection, this);
        m_panes.append(pane);
    }
    Q_EMIT panesChanged();
    for (int i = 0; i < m_panes.size(); ++i)
        Q_EMIT historyChanged(i);
    return true;
}

bool ComparisonSession::save(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
            || file.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented)) < 0
            || !file.commit()) {
        if (error)
            *error =
                    tr("The comparison could not be saved to %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool ComparisonSession::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("%1 could not be opened: %2").arg(path, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        if (error)
            *error = tr("This file is not a saved comparison.");
        return false;
    }
    return fromJson(document.object(), error);
}

} // namespace fs
