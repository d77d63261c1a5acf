// SPDX-License-Identifier: GPL-3.0-or-later
#include "apiclient.h"

#include "dialect.h"
#include "multipart.h"
#include "multipartdevice.h"
#include "openaidialect.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QIODevice>
#include <QJsonArray>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimeZone>
#include <QTimer>
#include <QUrlQuery>
#include <cmath>

namespace fs {

// Request logs are for debugging: off unless QT_LOGGING_RULES="fs.api.info=true" (and .debug
// for the redacted headers).
Q_LOGGING_CATEGORY(lcApi, "fs.api", QtWarningMsg)

namespace {

/// Unread bytes Qt keeps for a reply before it stops reading from the socket.
constexpr qint64 kReadBufferBytes = qint64(1) << 20;

QByteArray headerValue(const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &name)
{
    // Last one wins, names compared case-insensitively as HTTP requires.
    QByteArray value;
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            value = header.second;
    }
    return value;
}

/// Seconds or an HTTP date (IMF-fixdate, RFC 850 or asctime) → milliseconds from now.
std::optional<double> parseRetryAfter(const QByteArray &raw)
{
    const QString text = QString::fromLatin1(raw).trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (ok)
        return seconds * 1000.0;
    QDateTime when = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!when.isValid()) {
        const QLocale c = QLocale::c();
        QString simplified = text;
        simplified.remove(QLatin1String(" GMT"));
        simplified = simplified.simplified();
        when = c.toDateTime(simplified, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
        if (!when.isValid())
            when = c.toDateTime(simplified, QStringLiteral("ddd MMM d HH:mm:ss yyyy")); // asctime
        if (!when.isValid()) {
            // RFC 850 has a two-digit year, which Qt reads as 19yy; the weekday would then not
            // match, so it is dropped before parsing.
            when = c.toDateTime(simplified.section(QLatin1String(", "), 1),
                    QStringLiteral("dd-MMM-yy HH:mm:ss"));
            if (when.isValid() && when.date().year() < 1970)
                when = when.addYears(100);
        }
        if (when.isValid())
            when.setTimeZone(QTimeZone::utc());
    }
    if (!when.isValid())
        return std::nullopt;
    return static_cast<double>(QDateTime::currentDateTimeUtc().msecsTo(when));
}

ApiError::Kind kindForNetworkError(QNetworkReply::NetworkError code)
{
    switch (code) {
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // only transferTimeout cancels behind our back
        return ApiError::Kind::Timeout;
    case QNetworkReply::SslHandshakeFailedError:
        return ApiError::Kind::Certificate;
    case QNetworkReply::ProtocolFailure:
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::InsecureRedirectError:
        return ApiError::Kind::Protocol;
    default:
        // Refused, host not found, remote closed, temporary failure, proxy trouble, …
        return ApiError::Kind::Unreachable;
    }
}

/// What an answer that should have been one JSON object is instead, as an ApiError code
/// (plainMessage() says it in words): an empty body, a web page, a list or a lone value, a
/// number JSON does not allow (NaN, Infinity), or text that is not JSON at all.
QString unexpectedBodyCode(const QByteArray &body, const QJsonParseError &parseError)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty())
        return QStringLiteral("empty_answer");
    if (trimmed.startsWith('<'))
        return QStringLiteral("html_answer");
    if (parseError.error == QJsonParseError::NoError)
        return QStringLiteral("not_an_object");
    const QByteArray at = body.mid(std::max(0, parseError.offset - 2), 12);
    if (at.contains("NaN") || at.contains("Infinity"))
        return QStringLiteral("invalid_number");
    return QStringLiteral("invalid_json");
}

} // namespace

// ---- RetryPolicy ---------------------------------------------------------------------------

bool RetryPolicy::shouldRetry(const ApiError &error,
        const QList<QPair<QByteArray, QByteArray>> &headers, int retriesSoFar) const
{
    if (retriesSoFar >= maxRetries)
        return false;
    // The server's own hint decides for an HTTP answer, except that waiting does not refill a
    // quota or a daily cap, whatever it says.
    if (error.kind == ApiError::Kind::Http && !error.isQuotaExhausted()) {
        const QByteArray hint = headerValue(headers, "x-should-retry").trimmed().toLower();
        if (hint == "true")
            return true;
        if (hint == "false")
            return false;
    }
    return error.isTransient();
}

int RetryPolicy::delayMs(
        const QList<QPair<QByteArray, QByteArray>> &headers, int retriesSoFar) const
{
    // As the official SDKs: the first of retry-after-ms / retry-after that parses decides.
    std::optional<double> hinted;
    bool ok = false;
    const double ms = QString::fromLatin1(headerValue(headers, "retry-after-ms")).toDouble(&ok);
    if (ok)
        hinted = ms;
    else
        hinted = parseRetryAfter(headerValue(headers, "retry-after"));
    if (hinted && *hinted > 0 && *hinted <= maxRetryAfterMs)
        return static_cast<int>(std::ceil(*hinted));

    double delay = initialDelayMs;
    for (int i = 0; i < retriesSoFar && delay < maxDelayMs; ++i)
        delay *= 2;
    delay = std::min(delay, double(maxDelayMs));
    if (jitter)
        delay *= 1.0 - 0.25 * QRandomGenerator::global()->generateDouble();
    return static_cast<int>(std::lround(delay));
}

QString redactedHeaderLine(const QByteArray &name, const QByteArray &value)
{
    const QByteArray lower = name.trimmed().toLower();
    const bool secret = lower == "authorization" || lower == "proxy-authorization"
            || lower == "cookie" || lower == "set-cookie"
            || (!lower.startsWith("x-ratelimit-")
                    && (lower.contains("key") || lower.contains("token") || lower.contains("secret")
                            || lower.contains("password") || lower.contains("auth")));
    return QString::fromLatin1(name) + QStringLiteral(": ")
            + (secret ? QStringLiteral("[redacted]") : QString::fromLatin1(value));
}

// ---- ApiReply ------------------------------------------------------------------------------

ApiReply::ApiReply(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_timeoutTimer(new QTimer(this))
    , m_retryTimer(new QTimer(this))
    , m_overallTimer(new QTimer(this))
{
    m_timeoutTimer->setSingleShot(true);
    m_retryTimer->setSingleShot(true);
    m_overallTimer->setSingleShot(true);
    connect(m_timeoutTimer, &QTimer::timeout, this, &ApiReply::onTimeout);
    connect(m_overallTimer, &QTimer::timeout, this, &ApiReply::onOverallTimeout);
    connect(m_retryTimer, &QTimer::timeout, this, &ApiReply::start);
}

ApiReply::~ApiReply()
{
    dropReply();
}

QJsonObject ApiReply::json() const
{
    return QJsonDocument::fromJson(m_body).object();
}

QByteArray ApiReply::rawHeader(const QByteArray &name) const
{
    return headerValue(m_headers, name);
}

QString ApiReply::scrubbed(const QString &text) const
{
    QString result = text;
    for (const QByteArray &name : {QByteArray("Authorization"), QByteArray("api-key")}) {
        QByteArray secret = m_request.rawHeader(name);
        if (secret.startsWith("Bearer "))
            secret = secret.mid(7);
        if (secret.size() >= 4)
            result.replace(QString::fromUtf8(secret), QStringLiteral("[redacted]"));
    }
    return result;
}

void ApiReply::dropReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    disconnect(reply, nullptr, this, nullptr);
    reply->abort();
    reply->deleteLater();
}

void ApiReply::start()
{
    if (m_finished)
        return;
    ++m_attempts;
    m_timedOut = false;
    m_httpStatus = 0;
    m_headers.clear();
    m_body.clear();

    const QNetworkRequest request = attemptRequest();
    if (refuseInsecure(request))
        return;
    QNetworkReply *reply = sendAttempt(request);
    m_reply = reply;
    watch(reply);
    m_timeoutTimer->start(m_timeoutMs);
}

QNetworkRequest ApiReply::attemptRequest()
{
    QNetworkRequest request = m_request;
    // Lets the server (and its logs) tell a retry from a new request, as the SDKs do.
    request.setRawHeader("x-stainless-retry-count", QByteArray::number(m_attempts - 1));
    // Qt's own limit is a safety net behind ours (which says which limit was reached).
    request.setTransferTimeout(m_timeoutMs + 1000);
    request.setMaximumRedirectsAllowed(m_limits.maxRedirects);
    if (m_attempts == 1)
        m_overallTimer->start(m_limits.overallTimeoutMs(limitKind()));

    qCInfo(lcApi).noquote() << "->" << QString::fromLatin1(m_verb)
                            << request.url().toDisplayString()
                            << QStringLiteral("(attempt %1)").arg(m_attempts);
    const QList<QByteArray> names = request.rawHeaderList();
    for (const QByteArray &name : names)
        qCDebug(lcApi).noquote() << "  " << redactedHeaderLine(name, request.rawHeader(name));
    return request;
}

bool ApiReply::refuseInsecure(const QNetworkRequest &request)
{
    const QUrl url = request.url();
    const bool carriesKey =
            request.hasRawHeader("Authorization") || request.hasRawHeader("api-key");
    if (!carriesKey || url.scheme() != QLatin1String("http") || isLoopbackHost(url.host()))
        return false;
    // The key would cross the network readable by anyone on the way: refuse.
    ApiError error;
    error.kind = ApiError::Kind::Certificate;
    error.code = QStringLiteral("insecure_connection");
    error.message =
            QStringLiteral("refusing to send an API key over plain http to %1").arg(url.host());
    QMetaObject::invokeMethod(
            this, [this, error] { finish(error); }, Qt::QueuedConnection);
    return true;
}

QNetworkReply *ApiReply::sendAttempt(const QNetworkRequest &request)
{
    if (m_device) {
        if (!m_device->isSequential())
            m_device->seek(0);
        return m_nam->sendCustomRequest(request, m_verb, m_device.data());
    }
    if (m_verb == "GET" && m_payload.isEmpty())
        return m_nam->get(request);
    if (m_verb == "DELETE" && m_payload.isEmpty())
        return m_nam->deleteResource(request);
    if (m_verb == "POST")
        return m_nam->post(request, m_payload);
    return m_nam->sendCustomRequest(request, m_verb, m_payload);
}

void ApiReply::checkAnnouncedSize(QNetworkReply *reply)
{
    if (reply != m_reply || m_finished)
        return;
    // Again now that the transfer runs: set only before, Qt 6.4 may not pass it on to the
    // connection, which then reads a flood as fast as it comes (measured: 176 MB queued).
    reply->setReadBufferSize(kReadBufferBytes + 1);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const bool stream = limitKind() == ApiLimits::Kind::Stream && status < 300;
    const qint64 limit =
            stream ? m_limits.maxStreamBytes : m_limits.maxBodyBytes(ApiLimits::Kind::Json);
    const qint64 announced = limitKind() == ApiLimits::Kind::Download && status < 300
            ? m_limits.maxDownloadBytes
            : limit;
    const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && length.toLongLong() > announced)
        failNow(limitError(ApiError::Kind::Protocol,
                stream ? QStringLiteral("stream_too_large") : QStringLiteral("answer_too_large"),
                announced, QStringLiteral("announced %1 bytes").arg(length.toLongLong())));
}

void ApiReply::watch(QNetworkReply *reply)
{
    // Qt stops reading from the socket while this much is unread: a flood waits for us.
    reply->setReadBufferSize(kReadBufferBytes);
    connect(reply, &QNetworkReply::metaDataChanged, this,
            [this, reply] { checkAnnouncedSize(reply); });

    // The time limit counts silence, not total duration: a long upload that keeps moving or a
    // stream that keeps sending is not cut off.
    connect(reply, &QNetworkReply::readyRead, this, [this] {
        m_timeoutTimer->start(m_timeoutMs);
        handleReadyRead();
    });
    connect(reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64 total) {
        m_timeoutTimer->start(m_timeoutMs);
        // The overall limit counts from the last byte sent: a long upload is not cut off.
        if (total > 0)
            m_overallTimer->start(m_limits.overallTimeoutMs(limitKind()));
        Q_EMIT uploadProgress(sent, total);
    });
    connect(reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64 total) {
        m_timeoutTimer->start(m_timeoutMs);
        Q_EMIT downloadProgress(received, total);
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onReplyFinished(reply); });
}

void ApiReply::handleReadyRead()
{
    if (m_reply)
        appendBody(m_reply->readAll());
}

ApiError ApiReply::limitError(
        ApiError::Kind kind, const QString &code, qint64 limit, const QString &detail) const
{
    ApiError error;
    error.kind = kind;
    error.code = code;
    error.limit = limit;
    error.httpStatus = m_httpStatus;
    error.requestId = requestId();
    error.message = detail;
    return error;
}

bool ApiReply::appendBody(const QByteArray &bytes)
{
    if (m_finished)
        return false;
    // A stream's body is only kept when it is an error (its events go to the parser).
    const ApiLimits::Kind kind =
            limitKind() == ApiLimits::Kind::Stream ? ApiLimits::Kind::Json : limitKind();
    const qint64 limit = m_limits.maxBodyBytes(kind);
    if (m_body.size() + bytes.size() > limit) {
        failNow(limitError(ApiError::Kind::Protocol, QStringLiteral("answer_too_large"), limit,
                QStringLiteral("more than %1 bytes").arg(limit)));
        return false;
    }
    m_body.append(bytes);
    return true;
}

void ApiReply::onOverallTimeout()
{
    if (m_finished)
        return;
    const int limit = m_limits.overallTimeoutMs(limitKind());
    failNow(limitError(ApiError::Kind::Timeout, QStringLiteral("overall_timeout"), limit,
            QStringLiteral("not finished within %1 ms").arg(limit)));
}

void ApiReply::onTimeout()
{
    if (!m_reply || m_finished)
        return;
    m_timedOut = true;
    dropReply();
    ApiError error = limitError(ApiError::Kind::Timeout, QStringLiteral("idle_timeout"),
            m_timeoutMs, QStringLiteral("nothing received within %1 ms").arg(m_timeoutMs));
    qCInfo(lcApi).noquote() << "<-" << QString::fromLatin1(m_verb)
                            << m_request.url().toDisplayString() << error.technicalSummary();
    retryOrFinish(error);
}

ApiError ApiReply::checkSuccess()
{
    ApiError error;
    if (m_reply && !appendBody(m_reply->readAll()))
        return m_error;
    if (m_expectJson) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(m_body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            error.kind = ApiError::Kind::Protocol;
            error.code = unexpectedBodyCode(m_body, parseError);
            error.httpStatus = m_httpStatus;
            error.requestId = requestId();
            error.message = QStringLiteral("expected a JSON object, got: %1")
                                    .arg(QString::fromUtf8(m_body.left(120)).simplified());
        }
    }
    return error;
}

void ApiReply::onReplyFinished(QNetworkReply *reply)
{
    if (reply != m_reply || m_finished)
        return;
    m_timeoutTimer->stop();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    m_httpStatus = status.isValid() ? status.toInt() : 0;
    m_headers = reply->rawHeaderPairs();

    ApiError error;
    if (m_httpStatus >= 300 || reply->error() != QNetworkReply::NoError) {
        if (!appendBody(reply->readAll()))
            return; // finished with answer_too_large
    }
    if (m_httpStatus >= 400) {
        error = ApiError::fromBody(m_httpStatus, m_body, requestId());
    } else if (reply->error() == QNetworkReply::TooManyRedirectsError) {
        error = limitError(ApiError::Kind::Protocol, QStringLiteral("redirect_loop"),
                m_limits.maxRedirects, reply->errorString());
    } else if (reply->error() == QNetworkReply::OperationCanceledError) {
        // Qt's transfer timeout (behind ours) cancelled it.
        error = limitError(ApiError::Kind::Timeout, QStringLiteral("idle_timeout"), m_timeoutMs,
                reply->errorString());
    } else if (reply->error() != QNetworkReply::NoError) {
        error.kind = kindForNetworkError(reply->error());
        error.httpStatus = m_httpStatus;
        error.requestId = requestId();
        error.message = reply->errorString();
    } else if (m_httpStatus >= 300 && m_httpStatus < 400 && m_redirectIsAnswer) {
        // the answer is in the headers (Location, …)
    } else if (m_httpStatus >= 300 && m_httpStatus < 400) {
        // A redirect to another origin is not followed, so the key is not handed to it.
        error.kind = ApiError::Kind::Protocol;
        error.httpStatus = m_httpStatus;
        error.requestId = requestId();
        error.message = QStringLiteral("redirect to %1 not followed")
                                .arg(QString::fromLatin1(reply->rawHeader("Location")));
    } else {
        error = checkSuccess();
    }

    qCInfo(lcApi).noquote() << "<-" << m_httpStatus << QString::fromLatin1(m_verb)
                            << m_request.url().toDisplayString();
    for (const auto &header : std::as_const(m_headers))
        qCDebug(lcApi).noquote() << "  " << redactedHeaderLine(header.first, header.second);
    if (error.isError())
        qCInfo(lcApi).noquote() << "  " << scrubbed(error.technicalSummary());

    if (m_finished) // a stream may have failed while reading its tail
        return;
    m_reply = nullptr;
    disconnect(reply, nullptr, this, nullptr);
    reply->deleteLater();
    retryOrFinish(error);
}

void ApiReply::retryOrFinish(const ApiError &error)
{
    if (!error.isError()) {
        finish(error);
        return;
    }
    const int retriesSoFar = m_attempts - 1;
    if (mayRetry() && m_retryPolicy.shouldRetry(error, m_headers, retriesSoFar)) {
        const int delay = m_retryPolicy.delayMs(m_headers, retriesSoFar);
        m_error = error;
        qCInfo(lcApi).noquote() << "   retrying in" << delay << "ms";
        Q_EMIT retrying(m_attempts + 1, delay, error);
        if (!m_finished) // the signal's receiver may have aborted
            m_retryTimer->start(delay);
        return;
    }
    finish(error);
}

void ApiReply::failNow(const ApiError &error)
{
    if (m_finished)
        return;
    qCInfo(lcApi).noquote() << "  " << scrubbed(error.technicalSummary());
    dropReply();
    finish(error);
}

void ApiReply::abort()
{
    if (m_finished)
        return;
    m_aborted = true;
    dropReply();
    ApiError error;
    error.kind = ApiError::Kind::Cancelled;
    error.message = QStringLiteral("cancelled");
    finish(error);
}

void ApiReply::finish(const ApiError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    m_timeoutTimer->stop();
    m_retryTimer->stop();
    m_overallTimer->stop();
    dropReply();
    Q_EMIT finished();
    if (m_autoDelete)
        deleteLater();
}

// ---- ChatStream ----------------------------------------------------------------------------

void ChatStream::start()
{
    m_parser.reset();
    m_parser.setLimits(m_limits.maxSseLineBytes, m_limits.maxSseEventBytes);
    m_streamBytes = 0;
    m_sawDone = false;
    m_request.setRawHeader("Accept", "text/event-stream");
    ApiReply::start();
}

void ChatStream::handleReadyRead()
{
    if (!m_reply || m_finished)
        return;
    // An HTTP error's body is a JSON error, not events: leave it for the finished handler.
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 300) {
        ApiReply::handleReadyRead();
        return;
    }
    // In pieces, so a limit stops the reading where it is passed, with everything before it
    // handed over.
    while (m_reply && !m_finished && m_reply->bytesAvailable() > 0) {
        const ApiError error = feed(m_reply->read(256 * 1024));
        if (error.isError()) {
            failNow(error);
            return;
        }
    }
}

ApiError ChatStream::feed(const QByteArray &bytes)
{
    m_streamBytes += bytes.size();
    if (m_streamBytes > m_limits.maxStreamBytes)
        return limitError(ApiError::Kind::Protocol, QStringLiteral("stream_too_large"),
                m_limits.maxStreamBytes,
                QStringLiteral("more than %1 bytes streamed").arg(m_limits.maxStreamBytes));
    const ApiError error = processEvents(m_parser.feed(bytes));
    if (error.isError())
        return error;
    switch (m_parser.overflow()) {
    case SseParser::Overflow::None:
        break;
    case SseParser::Overflow::Line:
        return limitError(ApiError::Kind::Protocol, QStringLiteral("stream_line_too_long"),
                m_limits.maxSseLineBytes,
                QStringLiteral("a line longer than %1 bytes").arg(m_limits.maxSseLineBytes));
    case SseParser::Overflow::Event:
        return limitError(ApiError::Kind::Protocol, QStringLiteral("stream_event_too_large"),
                m_limits.maxSseEventBytes,
                QStringLiteral("an event larger than %1 bytes").arg(m_limits.maxSseEventBytes));
    }
    return {};
}

ApiError ChatStream::checkSuccess()
{
    ApiError error;
    if (m_reply)
        error = feed(m_reply->readAll());
    if (!error.isError())
        error = processEvents(m_parser.finish());
    if (!error.isError() && !m_sawDone) {
        error.kind = ApiError::Kind::Protocol;
        error.httpStatus = m_httpStatus;
        error.requestId = requestId();
        error.message = QStringLiteral("the stream ended before [DONE]");
    }
    return error;
}

ApiError ChatStream::processEvents(const QList<SseEvent> &events)
{
    for (const SseEvent &event : events) {
        const QByteArray data = event.data.trimmed();
        if (data == "[DONE]") {
            m_sawDone = true;
            continue;
        }
        if (data.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            ApiError error;
            error.kind = ApiError::Kind::Protocol;
            error.httpStatus = m_httpStatus;
            error.requestId = requestId();
            error.message = QStringLiteral("stream event is not a JSON object: %1")
                                    .arg(QString::fromUtf8(data.left(120)));
            return error;
        }
        const QJsonObject chunk = document.object();
        const QJsonValue errorValue = chunk.value(QLatin1String("error"));
        if ((!errorValue.isUndefined() && !errorValue.isNull()) || event.event == "error") {
            ApiError error = ApiError::fromBody(m_httpStatus, data, requestId());
            error.kind = ApiError::Kind::Stream;
            return error;
        }
        m_receivedAny = true;
        const QJsonArray choices = chunk.value(QLatin1String("choices")).toArray();
        for (const QJsonValue &value : choices) {
            const QJsonObject choice = value.toObject();
            if (choice.value(QLatin1String("index")).toInt(0) != 0)
                continue; // the app asks for one choice; others would interleave
            const QJsonValue content =
                    choice.value(QLatin1String("delta")).toObject().value(QLatin1String("content"));
            if (content.isString() && !content.toString().isEmpty()) {
                if (m_keepContent)
                    m_content += content.toString();
                Q_EMIT delta(content.toString());
            }
            const QJsonValue reason = choice.value(QLatin1String("finish_reason"));
            if (reason.isString())
                m_finishReason = reason.toString();
        }
        const QJsonValue usage = chunk.value(QLatin1String("usage"));
        if (usage.isObject()) {
            m_usage = Usage::fromJson(usage.toObject());
            Q_EMIT usageReceived(*m_usage);
        }
    }
    return {};
}

// ---- ApiClient -----------------------------------------------------------------------------

ApiClient::ApiClient(QNetworkAccessManager *nam, const Connection &connection, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_connection(connection)
{
}

QNetworkRequest ApiClient::makeRequest(
        const QString &path, const QList<QPair<QString, QString>> &query) const
{
    QUrl url = m_connection.apiBaseUrl();
    QString basePath = url.path(QUrl::FullyEncoded);
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + path, QUrl::TolerantMode);
    if (!query.isEmpty()) {
        QUrlQuery urlQuery;
        for (const auto &item : query)
            urlQuery.addQueryItem(
                    item.first, QString::fromLatin1(QUrl::toPercentEncoding(item.second)));
        url.setQuery(urlQuery);
    }
    QNetworkRequest request(url);
    request.setRawHeader("User-Agent", QByteArrayLiteral("FinetuneStudio/" FS_VERSION));
    request.setRawHeader("Accept", "application/json");
    request.setAttribute(
            QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    m_connection.applyAuth(request);
    return request;
}

QNetworkRequest ApiClient::makeJsonRequest(const QString &path) const
{
    QNetworkRequest request = makeRequest(path);
    request.setRawHeader("Content-Type", "application/json");
    return request;
}

template<typename Reply>
Reply *ApiClient::send(const QByteArray &verb, const QNetworkRequest &request,
        const QByteArray &payload, bool expectJson, bool redirectIsAnswer)
{
    auto *reply = new Reply(m_nam, this);
    prepare(reply, verb, request, expectJson);
    reply->m_payload = payload;
    reply->m_redirectIsAnswer = redirectIsAnswer;
    reply->start();
    return reply;
}

void ApiClient::prepare(ApiReply *reply, const QByteArray &verb, const QNetworkRequest &request,
        bool expectJson) const
{
    reply->m_verb = verb;
    reply->m_request = request;
    reply->m_retryPolicy = m_retryPolicy;
    reply->m_limits = m_limits;
    reply->m_timeoutMs = m_limits.idleTimeoutMs;
    reply->m_expectJson = expectJson;
}

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

ApiReply *ApiClient::uploadFile(
        const QString &filename, const QByteArray &content, const QString &purpose)
{
    Multipart multipart;
    multipart.addField(QStringLiteral("purpose"), purpose);
    multipart.addFile(
            QStringLiteral("file"), filename, content, Multipart::mimeTypeForFileName(filename));
    QNetworkRequest request = makeRequest(QStringLiteral("/files"));
    request.setRawHeader("Content-Type", multipart.contentType());
    return send("POST", request, multipart.body());
}

ApiReply *ApiClient::sendDevice(
        const QByteArray &verb, QNetworkRequest request, QIODevice *device, bool expectJson)
{
    auto *reply = new ApiReply(m_nam, this);
    device->setParent(reply);
    request.setHeader(QNetworkRequest::ContentLengthHeader, device->size());
    prepare(reply, verb, request, expectJson);
    reply->m_device = device;
    reply->start();
    return reply;
}

ApiReply *ApiClient::uploadFile(
        const QString &filename, QIODevice *device, qint64 size, const QString &purpose)
{
    QByteArray head;
    QByteArray tail;
    QByteArray contentType;
    MultipartDevice::frame({{QStringLiteral("purpose"), purpose}}, QStringLiteral("file"), filename,
            Multipart::mimeTypeForFileName(filename), &head, &tail, &contentType);
    auto *body = new MultipartDevice;
    body->appendBytes(head);
    body->appendDevice(device, 0, size);
    body->appendBytes(tail);
    body->open(QIODevice::ReadOnly);
    device->setParent(body);
    QNetworkRequest request = makeRequest(QStringLiteral("/files"));
    request.setRawHeader("Content-Type", contentType);
    return sendDevice("POST", request, body);
}

ApiReply *ApiClient::listFiles(const FileListQuery &query)
{
    // The typed calls are OpenAI's dialect; this one is built by it already.
    return sendCall(OpenAiDialect().listFiles(query).value());
}

ApiReply *ApiClient::retrieveFile(const QString &fileId)
{
    return send("GET", makeRequest(QStringLiteral("/files/") + encodedPathSegment(fileId)));
}

ApiReply *ApiClient::deleteFile(const QString &fileId)
{
    return send("DELETE", makeRequest(QStringLiteral("/files/") + encodedPathSegment(fileId)));
}

ApiReply *ApiClient::fileContent(const QString &fileId)
{
    QNetworkRequest request = makeRequest(
            QStringLiteral("/files/") + encodedPathSegment(fileId) + QStringLiteral("/content"));
    request.setRawHeader("Accept", "*/*");
    return send("GET", request, {}, false);
}

ApiReply *ApiClient::createUpload(const CreateUploadRequest &request)
{
    return send("POST", makeJsonRequest(QStringLiteral("/uploads")), compact(request.toJson()));
}

ApiReply *ApiClient::addUploadPart(const QString &uploadId, const QByteArray &data)
{
    Multipart multipart;
    multipart.addFile(QStringLiteral("data"), QStringLiteral("part"), data);
    QNetworkRequest request = makeRequest(
            QStringLiteral("/uploads/") + encodedPathSegment(uploadId) + QStringLiteral("/parts"));
    request.setRawHeader("Content-Type", multipart.contentType());
    return send("POST", request, multipart.body());
}

ApiReply *ApiClient::addUploadPartStreamed(const QString &uploadId, const QByteArray &data)
{
    QByteArray head;
    QByteArray tail;
    QByteArray contentType;
    MultipartDevice::frame({}, QStringLiteral("data"), QStringLiteral("part"),
            "application/octet-stream", &head, &tail, &contentType);
    auto *body = new MultipartDevice;
    body->appendBytes(head);
    body->appendBytes(data);
    body->appendBytes(tail);
    body->open(QIODevice::ReadOnly);
    QNetworkRequest request = makeRequest(
            QStringLiteral("/uploads/") + encodedPathSegment(uploadId) + QStringLiteral("/parts"));
    request.setRawHeader("Content-Type", contentType);
    return sendDevice("POST", request, body);
}

ApiReply *ApiClient::completeUpload(
        const QString &uploadId, const QStringList &partIds, const QString &md5Hex)
{
    QJsonObject body;
    body.insert(QLatin1String("part_ids"), QJsonArray::fromStringList(partIds));
    if (!md5Hex.isEmpty())
        body.insert(QLatin1String("md5"), md5Hex);
    return send("POST",
            makeJsonRequest(QStringLiteral("/uploads/") + encodedPathSegment(uploadId)
                    + QStringLiteral("/complete")),
            compact(body));
}

ApiReply *ApiClient::cancelUpload(const QString &uploadId)
{
    return send("POST",
            makeRequest(QStringLiteral("/uploads/") + encodedPathSegment(uploadId)
                    + QStringLiteral("/cancel")));
}

ApiReply *ApiClient::createJob(const CreateJobRequest &request)
{
    return send("POST", makeJsonRequest(QStringLiteral("/fine_tuning/jobs")),
            compact(request.toJson()));
}

ApiReply *ApiClient::listJobs(const QString &after, int limit)
{
    return send("GET", makeRequest(QStringLiteral("/fine_tuning/jobs"), pagingQuery(after, limit)));
}

ApiReply *ApiClient::retrieveJob(const QString &jobId)
{
    return send(
            "GET", makeRequest(QStringLiteral("/fine_tuning/jobs/") + encodedPathSegment(jobId)));
}

ApiReply *ApiClient::cancelJob(const QString &jobId)
{
    return send("POST",
            makeRequest(QStringLiteral("/fine_tuning/jobs/") + encodedPathSegment(jobId)
                    + QStringLiteral("/cancel")));
}

ApiReply *ApiClient::pauseJob(const QString &jobId)
{
    return send("POST",
            makeRequest(QStringLiteral("/fine_tuning/jobs/") + encodedPathSegment(jobId)
                    + QStringLiteral("/pause")));
}

ApiReply *ApiClient::resumeJob(const QString &jobId)
{
    return send("POST",
            makeRequest(QStringLiteral("/fine_tuning/jobs/") + encodedPathSegment(jobId)
                    + QStringLiteral("/resume")));
}

ApiReply *ApiClient::listJobEvents(const QString &jobId, const QString &after, int limit)
{
    return send("GET",
            makeRequest(QStringLiteral("/fine_tuning/jobs/") + encodedPathSegment(jobId)
                            + QStringLiteral("/events"),
                    pagingQuery(after, limit)));
}

ApiReply *ApiClient::listCheckpoints(const QString &jobId, const QString &after, int limit)
{
    return send("GET",
            makeRequest(QStringLiteral("/fine_tuning/jobs/") + encodedPathSegment(jobId)
                            + QStringLiteral("/checkpoints"),
                    pagingQuery(after, limit)));
}

ApiReply *ApiClient::listModels()
{
    return send("GET", makeRequest(QStringLiteral("/models")));
}

ApiReply *ApiClient::retrieveModel(const QString &modelId)
{
    return send("GET", makeRequest(QStringLiteral("/models/") + encodedPathSegment(modelId)));
}

ApiReply *ApiClient::deleteModel(const QString &modelId)
{
    return send("DELETE", makeRequest(QStringLiteral("/models/") + encodedPathSegment(modelId)));
}

ApiReply *ApiClient::createChatCompletion(const ChatRequest &request)
{
    return send("POST", makeJsonRequest(QStringLiteral("/chat/completions")),
            compact(request.toJson(false)));
}

ChatStream *ApiClient::streamChatCompletion(const ChatRequest &request)
{
    return send<ChatStream>("POST", makeJsonRequest(QStringLiteral("/chat/completions")),
            compact(request.toJson(true)));
}

QNetworkRequest ApiClient::makeCallRequest(const HttpCall &call) const
{
    QNetworkRequest request;
    if (!call.absoluteUrl.isEmpty()) {
        // Outside the service (a presigned storage URL): no key, and no redirects followed.
        request.setUrl(call.absoluteUrl);
        request.setRawHeader("User-Agent", QByteArrayLiteral("FinetuneStudio/" FS_VERSION));
        request.setAttribute(
                QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    } else {
        request = makeRequest(call.path, call.query);
    }
    if (!call.contentType.isEmpty())
        request.setRawHeader("Content-Type", call.contentType);
    for (const auto &header : call.headers)
        request.setRawHeader(header.first, header.second);
    if (call.redirectIsAnswer)
        request.setAttribute(
                QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    return request;
}

ApiReply *ApiClient::sendCall(const HttpCall &call)
{
    return send(
            call.verb, makeCallRequest(call), call.body, call.expectJson, call.redirectIsAnswer);
}

ApiReply *ApiClient::sendCall(const HttpCall &call, QIODevice *body)
{
    return sendDevice(call.verb, makeCallRequest(call), body, call.expectJson);
}

ChatStream *ApiClient::streamCall(const HttpCall &call)
{
    return send<ChatStream>(call.verb, makeCallRequest(call), call.body);
}

} // namespace fs
