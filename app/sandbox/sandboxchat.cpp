// SPDX-License-Identifier: GPL-3.0-or-later
// Models and chat completions (plain and streamed) of the sandbox.
#include "chatreplier.h"
#include "sandboxserver_p.h"

#include "modelregistry.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QPointer>

namespace fs::sandbox {

namespace {

QJsonObject usageJson(qint64 prompt, qint64 completion)
{
    return QJsonObject {{QStringLiteral("prompt_tokens"), prompt},
            {QStringLiteral("completion_tokens"), completion},
            {QStringLiteral("total_tokens"), prompt + completion},
            {QStringLiteral("prompt_tokens_details"),
                    QJsonObject {{QStringLiteral("cached_tokens"), 0},
                            {QStringLiteral("audio_tokens"), 0}}},
            {QStringLiteral("completion_tokens_details"),
                    QJsonObject {{QStringLiteral("reasoning_tokens"), 0},
                            {QStringLiteral("audio_tokens"), 0},
                            {QStringLiteral("accepted_prediction_tokens"), 0},
                            {QStringLiteral("rejected_prediction_tokens"), 0}}}};
}

QString contentText(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    QStringList parts;
    const QJsonArray array = content.toArray();
    for (const QJsonValue &part : array) {
        if (part.toObject().value(QLatin1String("type")).toString() == QLatin1String("text"))
            parts << part.toObject().value(QLatin1String("text")).toString();
    }
    return parts.join(QLatin1Char(' '));
}

/// Sends one streamed completion chunk by chunk, with a small pause between them.
class ChatStreamer : public QObject
{
public:
    ChatStreamer(HttpExchange *exchange, QList<QByteArray> events, int dropAfter, int delayMs)
        : QObject(exchange)
        , m_exchange(exchange)
        , m_events(std::move(events))
        , m_dropAfter(dropAfter)
        , m_delayMs(delayMs)
    {
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, &ChatStreamer::next);
    }

    void start() { next(); }

private:
    void next()
    {
        if (!m_exchange)
            return;
        if (m_dropAfter >= 0 && m_sent >= m_dropAfter) {
            m_exchange->abort();
            return;
        }
        if (m_sent >= m_events.size()) {
            m_exchange->endStream();
            return;
        }
        m_exchange->writeChunk(m_events.at(m_sent++));
        m_timer.start(m_delayMs);
    }

    QPointer<HttpExchange> m_exchange;
    QList<QByteArray> m_events;
    int m_dropAfter = -1;
    int m_delayMs = 0;
    qsizetype m_sent = 0;
    QTimer m_timer;
};

Reply invalidValue(const QString &message, const QString &param, const QString &code)
{
    return SandboxServerPrivate::error(
            400, message, QStringLiteral("invalid_request_error"), param, code);
}

/// Checks every message's role; `prompt`: the last user message; `promptTokens`: what the
/// messages bill.
bool readMessages(const QJsonArray &messages, QString *prompt, qint64 *promptTokens, Reply *failure)
{
    if (messages.isEmpty()) {
        *failure = invalidValue(QStringLiteral("Invalid 'messages': empty array. Expected an "
                                               "array with minimum length 1, but got an empty "
                                               "array instead."),
                QStringLiteral("messages"), QStringLiteral("empty_array"));
        return false;
    }
    static const QStringList roles = {QStringLiteral("developer"), QStringLiteral("system"),
            QStringLiteral("user"), QStringLiteral("assistant"), QStringLiteral("tool"),
            QStringLiteral("function")};
    *promptTokens = 3;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QJsonObject message = messages.at(i).toObject();
        const QString role = message.value(QLatin1String("role")).toString();
        if (!roles.contains(role)) {
            *failure = invalidValue(QStringLiteral("Invalid value: '%1'. Supported values are: "
                                                   "'developer', 'system', 'user', 'assistant', "
                                                   "'tool', and 'function'.")
                                            .arg(role),
                    QStringLiteral("messages[%1].role").arg(i), QStringLiteral("invalid_value"));
            return false;
        }
        const QString text = contentText(message.value(QLatin1String("content")));
        *promptTokens += 4 + estimateTokens(text);
        if (role == QLatin1String("user"))
            *prompt = text;
    }
    return true;
}

/// stream_options only with stream; n from 1 to 128.
bool checkChatOptions(const QJsonObject &body, Reply *failure)
{
    if (!body.value(QLatin1String("stream")).toBool()
            && body.value(QLatin1String("stream_options")).isObject()) {
        *failure = invalidValue(QStringLiteral("The 'stream_options' parameter is only allowed "
                                               "when 'stream' is enabled."),
                QStringLiteral("stream_options"), QStringLiteral("invalid_value"));
        return false;
    }
    const int n = body.value(QLatin1String("n")).toInt(1);
    if (n < 1 || n > 128) {
        *failure = invalidValue(QStringLiteral("Invalid 'n': expected an integer from 1 to 128."),
                QStringLiteral("n"), QStringLiteral("integer_out_of_range"));
        return false;
    }
    return true;
}

/// One chat answer, before it is shaped into a completion or a stream of chunks.
struct ChatAnswer
{
    QString id;
    qint64 created = 0;
    QString model;
    QString prompt;
    QString reply;
    QStringList fragments; ///< the reply word by word, as streamed
    QString finishReason = QStringLiteral("stop");
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    int n = 1;
};

const QString kFingerprint = QStringLiteral("fp_sandbox");

/// max_completion_tokens (or the older max_tokens) cuts the answer off: finish_reason length.
void cutToMaxTokens(const QJsonObject &body, ChatAnswer *answer)
{
    QJsonValue maxValue = body.value(QLatin1String("max_completion_tokens"));
    if (!maxValue.isDouble())
        maxValue = body.value(QLatin1String("max_tokens"));
    answer->fragments = ChatReplier::fragments(answer->reply);
    if (!maxValue.isDouble())
        return;
    const qint64 maxTokens = qMax<qint64>(1, qint64(maxValue.toDouble()));
    QStringList kept;
    qint64 used = 0;
    for (const QString &fragment : std::as_const(answer->fragments)) {
        const qint64 cost = estimateTokens(fragment.trimmed());
        if (used + cost > maxTokens) {
            answer->finishReason = QStringLiteral("length");
            break;
        }
        used += cost;
        kept << fragment;
    }
    answer->fragments = kept;
    answer->reply = kept.join(QString());
}

/// The whole answer as one chat.completion with `n` identical choices.
QJsonObject completionJson(const ChatAnswer &a)
{
    QJsonArray choices;
    for (int i = 0; i < a.n; ++i)
        choices.append(QJsonObject {{QStringLiteral("index"), i},
                {QStringLiteral("message"),
                        QJsonObject {{QStringLiteral("role"), QStringLiteral("assistant")},
                                {QStringLiteral("content"), a.reply},
                                {QStringLiteral("refusal"), QJsonValue::Null},
                                {QStringLiteral("annotations"), QJsonArray()}}},
                {QStringLiteral("logprobs"), QJsonValue::Null},
                {QStringLiteral("finish_reason"), a.finishReason}});
    return QJsonObject {{QStringLiteral("id"), a.id},
            {QStringLiteral("object"), QStringLiteral("chat.completion")},
            {QStringLiteral("created"), a.created}, {QStringLiteral("model"), a.model},
            {QStringLiteral("choices"), choices},
            {QStringLiteral("usage"), usageJson(a.promptTokens, a.completionTokens * a.n)},
            {QStringLiteral("system_fingerprint"), kFingerprint}};
}

/// The answer as server-sent events: the role, each fragment, the finish reason, the usage
/// (when asked for) and [DONE].
QList<QByteArray> streamEvents(
        const ChatAnswer &a, bool includeUsage, const SandboxServerPrivate::ChatShaper &shape)
{
    auto chunk = [&](const QJsonArray &choices, const QJsonValue &usage) -> QByteArray {
        QJsonObject object {{QStringLiteral("id"), a.id},
                {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
                {QStringLiteral("created"), a.created}, {QStringLiteral("model"), a.model},
                {QStringLiteral("system_fingerprint"), kFingerprint},
                {QStringLiteral("choices"), choices}};
        if (includeUsage)
            object.insert(QStringLiteral("usage"), usage);
        if (shape)
            object = shape(object);
        return "data: " + QJsonDocument(object).toJson(QJsonDocument::Compact) + "\n\n";
    };
    auto choice = [](const QJsonObject &delta, const QJsonValue &finish) {
        return QJsonArray {QJsonObject {{QStringLiteral("index"), 0},
                {QStringLiteral("delta"), delta}, {QStringLiteral("logprobs"), QJsonValue::Null},
                {QStringLiteral("finish_reason"), finish}}};
    };
    QList<QByteArray> events;
    events << chunk(choice(QJsonObject {{QStringLiteral("role"), QStringLiteral("assistant")},
                                   {QStringLiteral("content"), QString()},
                                   {QStringLiteral("refusal"), QJsonValue::Null}},
                            QJsonValue::Null),
            QJsonValue::Null);
    for (const QString &fragment : std::as_const(a.fragments))
        events << chunk(
                choice(QJsonObject {{QStringLiteral("content"), fragment}}, QJsonValue::Null),
                QJsonValue::Null);
    events << chunk(choice(QJsonObject(), a.finishReason), QJsonValue::Null);
    if (includeUsage)
        events << chunk(QJsonArray(), usageJson(a.promptTokens, a.completionTokens));
    events << QByteArrayLiteral("data: [DONE]\n\n");
    return events;
}

} // namespace

void SandboxServerPrivate::addBaseModels()
{
    // The model registry's current OpenAI models that train with supervised fine-tuning: each
    // snapshot, then each alias.
    QStringList names;
    QStringList aliases;
    for (const RegisteredModel &m : ModelRegistry::provider(ProviderKind::OpenAI).models()) {
        if (m.legacy || !m.supportsMethod(QStringLiteral("supervised")))
            continue;
        names << m.id;
        aliases << m.aliases;
    }
    qint64 created = 1721172717; // fixed: base models predate the sandbox
    for (const QString &name : names + aliases) {
        models.insert(name, {name, created, QStringLiteral("system"), QString(), true});
        created += 86400;
    }
}

QJsonObject SandboxServerPrivate::modelJson(const ModelRecord &model) const
{
    return QJsonObject {{QStringLiteral("id"), model.id},
            {QStringLiteral("object"), QStringLiteral("model")},
            {QStringLiteral("created"), model.created},
            {QStringLiteral("owned_by"), model.ownedBy}};
}

Reply SandboxServerPrivate::modelNotFound(const QString &id)
{
    return error(404,
            QStringLiteral("The model `%1` does not exist or you do not have access to it.")
                    .arg(id),
            QStringLiteral("invalid_request_error"), QStringLiteral("model"),
            QStringLiteral("model_not_found"));
}

Reply SandboxServerPrivate::listModels()
{
    QJsonArray data;
    for (const ModelRecord &model : std::as_const(models)) {
        if (model.listed)
            data.append(modelJson(model));
    }
    return json(QJsonObject {
            {QStringLiteral("object"), QStringLiteral("list")}, {QStringLiteral("data"), data}});
}

Reply SandboxServerPrivate::retrieveModel(const QString &id)
{
    const auto it = models.constFind(id);
    if (it == models.constEnd())
        return modelNotFound(id);
    return json(modelJson(*it));
}

Reply SandboxServerPrivate::deleteModel(const QString &id)
{
    const auto it = models.find(id);
    if (it == models.end())
        return modelNotFound(id);
    if (it->jobId.isEmpty())
        return error(403,
                QStringLiteral("You have insufficient permissions to delete the model "
                               "'%1': only fine-tuned models can be deleted.")
                        .arg(id),
                QStringLiteral("invalid_request_error"), QStringLiteral("model"),
                QStringLiteral("insufficient_permissions"));
    models.erase(it);
    scheduleSave();
    return json(QJsonObject {{QStringLiteral("id"), id},
            {QStringLiteral("object"), QStringLiteral("model")},
            {QStringLiteral("deleted"), true}});
}

bool SandboxServerPrivate::resolveOpenAiChat(
        const QString &model, const QString &prompt, QString *reply, Reply *failure) const
{
    const auto modelIt = models.constFind(model);
    if (modelIt == models.constEnd()) {
        *failure = modelNotFound(model);
        return false;
    }
    if (modelIt->jobId.isEmpty()) {
        *reply = ChatReplier::baseReply(model, prompt);
    } else {
        const auto job = jobs.constFind(modelIt->jobId);
        *reply = ChatReplier::fineTunedReply(
                model, prompt, job == jobs.constEnd() ? QList<TrainingPair>() : job->pairs);
    }
    return true;
}

Reply SandboxServerPrivate::chatCompletion(const HttpRequest &request, HttpExchange *exchange,
        const QByteArray &requestId, const ChatResolver &resolve, const ChatShaper &shape)
{
    QJsonObject body;
    Reply failure;
    if (!parseJsonBody(request, &body, &failure))
        return failure;
    if (!body.value(QLatin1String("model")).isString())
        return missingParameter(QStringLiteral("model"));
    const QJsonValue messagesValue = body.value(QLatin1String("messages"));
    if (!messagesValue.isArray())
        return missingParameter(QStringLiteral("messages"));
    ChatAnswer answer;
    if (!readMessages(messagesValue.toArray(), &answer.prompt, &answer.promptTokens, &failure)
            || !checkChatOptions(body, &failure))
        return failure;
    answer.model = body.value(QLatin1String("model")).toString();
    const bool resolved = resolve
            ? resolve(answer.model, answer.prompt, &answer.reply, &failure)
            : resolveOpenAiChat(answer.model, answer.prompt, &answer.reply, &failure);
    if (!resolved)
        return failure;
    cutToMaxTokens(body, &answer);
    answer.completionTokens = estimateTokens(answer.reply);
    answer.id = newId(QStringLiteral("chatcmpl-"), 29);
    answer.created = now();
    answer.n = body.value(QLatin1String("n")).toInt(1);
    if (!body.value(QLatin1String("stream")).toBool()) {
        const QJsonObject completion = completionJson(answer);
        return json(shape ? shape(completion) : completion);
    }
    const bool includeUsage = body.value(QLatin1String("stream_options"))
                                      .toObject()
                                      .value(QLatin1String("include_usage"))
                                      .toBool();
    const QList<QByteArray> events = streamEvents(answer, includeUsage, shape);

    HttpHeaders headers {
            {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/event-stream")},
            {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache")},
            {QByteArrayLiteral("x-request-id"), requestId},
            {QByteArrayLiteral("openai-processing-ms"), QByteArrayLiteral("1")},
            {QByteArrayLiteral("openai-version"), QByteArrayLiteral("2020-10-01")},
            {QByteArrayLiteral("openai-organization"), QByteArrayLiteral("sandbox")}};
    exchange->beginStream(200, headers);
    const int dropAfter = streamDropAfter;
    streamDropAfter = -1; // a drop applies to the next stream only
    // Words arrive one by one, faster when the sandbox runs faster.
    const int delayMs = qBound(1, int(30.0 * options.timeScale), 30);
    auto *streamer = new ChatStreamer(exchange, events, dropAfter, delayMs);
    streamer->start();
    Reply handled;
    handled.handled = true;
    return handled;
}

} // namespace fs::sandbox
