// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakenetworkaccessmanager.h"

#include <QBuffer>
#include <QFile>
#include <QJsonDocument>
#include <QTimer>

namespace fs::test {

// ---- CannedResponse ------------------------------------------------------------------------

CannedResponse CannedResponse::json(int status, const QByteArray &body, const HeaderList &headers)
{
    CannedResponse response;
    response.status = status;
    response.body = body;
    response.headers = headers;
    response.headers.prepend({"Content-Type", "application/json"});
    return response;
}

CannedResponse CannedResponse::jsonFile(int status, const QString &path, const HeaderList &headers)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("fixture missing: %s", qPrintable(path));
    return json(status, file.readAll(), headers);
}

CannedResponse CannedResponse::apiError(
        int status, const QString &code, const QString &message, const HeaderList &headers)
{
    QJsonObject error;
    error.insert(QLatin1String("message"), message);
    error.insert(QLatin1String("type"),
            status == 429 && code != QLatin1String("daily_rate_limit_exceeded")
                    ? QStringLiteral("requests")
                    : QStringLiteral("invalid_request_error"));
    error.insert(QLatin1String("param"), QJsonValue::Null);
    error.insert(QLatin1String("code"),
            code.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(code));
    const QByteArray body = QJsonDocument(
            QJsonObject {{QLatin1String("error"),
                    error}}).toJson(QJsonDocument::Compact);
    return json(status, body, headers);
}

CannedResponse CannedResponse::networkError(QNetworkReply::NetworkError error)
{
    CannedResponse response;
    response.status = 0;
    response.error = error;
    return response;
}

CannedResponse CannedResponse::hanging()
{
    CannedResponse response;
    response.hang = true;
    return response;
}

CannedResponse CannedResponse::stream(const QList<QByteArray> &chunks, const HeaderList &headers)
{
    CannedResponse response;
    response.status = 200;
    response.chunks = chunks;
    response.headers = headers;
    response.headers.prepend({"Content-Type", "text/event-stream"});
    return response;
}

// ---- RecordedRequest -----------------------------------------------------------------------

QByteArray RecordedRequest::header(const QByteArray &name) const
{
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

bool RecordedRequest::hasHeader(const QByteArray &name) const
{
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QJsonObject RecordedRequest::json() const
{
    return QJsonDocument::fromJson(body).object();
}

// ---- FakeReply -----------------------------------------------------------------------------

namespace {

// What QNetworkAccessManager reports alongside an HTTP error status.
QNetworkReply::NetworkError errorForStatus(int status)
{
    switch (status) {
    case 401:
        return QNetworkReply::AuthenticationRequiredError;
    case 403:
        return QNetworkReply::ContentAccessDenied;
    case 404:
        return QNetworkReply::ContentNotFoundError;
    case 405:
        return QNetworkReply::ContentOperationNotPermittedError;
    case 409:
        return QNetworkReply::ContentConflictError;
    case 500:
        return QNetworkReply::InternalServerError;
    case 501:
        return QNetworkReply::OperationNotImplementedError;
    case 503:
        return QNetworkReply::ServiceUnavailableError;
    default:
        break;
    }
    if (status >= 500)
        return QNetworkReply::UnknownServerError;
    if (status >= 400)
        return QNetworkReply::UnknownContentError;
    return QNetworkReply::NoError;
}

} // namespace

FakeReply::FakeReply(const QNetworkRequest &request, QNetworkAccessManager::Operation operation,
        const CannedResponse &response, QObject *parent)
    : QNetworkReply(parent)
    , m_response(response)
{
    setRequest(request);
    setUrl(request.url());
    setOperation(operation);
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    if (m_response.hang)
        return;
    // Like a real reply: nothing happens before control returns to the event loop.
    QTimer::singleShot(m_response.delayMs, this, &FakeReply::deliverHeaders);
}

void FakeReply::deliverHeaders()
{
    if (m_done)
        return;
    if (m_response.status == 0) {
        setError(m_response.error,
                QStringLiteral("fake network error %1").arg(int(m_response.error)));
        Q_EMIT errorOccurred(m_response.error);
        complete();
        return;
    }
    setAttribute(QNetworkRequest::HttpStatusCodeAttribute, m_response.status);
    setAttribute(QNetworkRequest::HttpReasonPhraseAttribute, QByteArray("Fake"));
    for (const auto &header : std::as_const(m_response.headers))
        setRawHeader(header.first, header.second);
    Q_EMIT metaDataChanged();
    if (!m_response.chunks.isEmpty()) {
        deliverNextChunk();
        return;
    }
    m_buffer = m_response.body;
    if (!m_buffer.isEmpty()) {
        Q_EMIT readyRead();
        Q_EMIT downloadProgress(m_buffer.size(), m_buffer.size());
    }
    const QNetworkReply::NetworkError statusError = errorForStatus(m_response.status);
    const QNetworkReply::NetworkError error =
            m_response.error != QNetworkReply::NoError ? m_response.error : statusError;
    if (error != QNetworkReply::NoError) {
        setError(error, QStringLiteral("fake error for HTTP %1").arg(m_response.status));
        Q_EMIT errorOccurred(error);
    }
    complete();
}

void FakeReply::deliverNextChunk()
{
    if (m_done)
        return;
    if (m_nextChunk < m_response.chunks.size()) {
        m_buffer += m_response.chunks.at(m_nextChunk++);
        Q_EMIT readyRead();
        QTimer::singleShot(m_response.chunkIntervalMs, this, &FakeReply::deliverNextChunk);
        return;
    }
    if (m_response.hang)
        return;
    if (m_response.error != QNetworkReply::NoError) {
        setError(m_response.error, QStringLiteral("fake stream break"));
        Q_EMIT errorOccurred(m_response.error);
    }
    complete();
}

void FakeReply::complete()
{
    if (m_done)
        return;
    m_done = true;
    setFinished(true);
    Q_EMIT finished();
}

void FakeReply::abort()
{
    if (m_done)
        return;
    m_aborted = true;
    Q_EMIT aborted();
    // As QNetworkReplyHttpImpl: error and finished are emitted synchronously.
    setError(QNetworkReply::OperationCanceledError, QStringLiteral("Operation canceled"));
    Q_EMIT errorOccurred(QNetworkReply::OperationCanceledError);
    complete();
}

qint64 FakeReply::bytesAvailable() const
{
    return m_buffer.size() + QNetworkReply::bytesAvailable();
}

qint64 FakeReply::readData(char *data, qint64 maxSize)
{
    const qint64 count = qMin(maxSize, qint64(m_buffer.size()));
    if (count == 0)
        return m_done ? -1 : 0;
    memcpy(data, m_buffer.constData(), size_t(count));
    m_buffer.remove(0, count);
    return count;
}

// ---- FakeNetworkAccessManager --------------------------------------------------------------

FakeNetworkAccessManager::FakeNetworkAccessManager(QObject *parent)
    : QNetworkAccessManager(parent)
{
    m_fallback = CannedResponse::apiError(404, QStringLiteral("no_canned_response"),
            QStringLiteral("The fake has no answer for this request."));
}

void FakeNetworkAccessManager::enqueue(const CannedResponse &response)
{
    m_queue.append(response);
}

void FakeNetworkAccessManager::route(
        const QByteArray &verb, const QString &pathSuffix, const CannedResponse &response)
{
    m_routes.append({verb, pathSuffix, response});
}

void FakeNetworkAccessManager::clear()
{
    m_routes.clear();
    m_queue.clear();
    m_requests.clear();
    m_replies.clear();
    m_abortedCount = 0;
}

QNetworkReply *FakeNetworkAccessManager::createRequest(
        Operation operation, const QNetworkRequest &request, QIODevice *outgoingData)
{
    RecordedRequest recorded;
    switch (operation) {
    case GetOperation:
        recorded.verb = "GET";
        break;
    case HeadOperation:
        recorded.verb = "HEAD";
        break;
    case PostOperation:
        recorded.verb = "POST";
        break;
    case PutOperation:
        recorded.verb = "PUT";
        break;
    case DeleteOperation:
        recorded.verb = "DELETE";
        break;
    case CustomOperation:
        recorded.verb = request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
        break;
    case UnknownOperation:
        break;
    }
    recorded.url = request.url();
    const QList<QByteArray> names = request.rawHeaderList();
    for (const QByteArray &name : names)
        recorded.headers.append({name, request.rawHeader(name)});
    if (outgoingData)
        recorded.body = outgoingData->readAll();
    m_requests.append(recorded);

    CannedResponse response = m_fallback;
    bool routed = false;
    for (const Route &candidate : std::as_const(m_routes)) {
        if ((candidate.verb.isEmpty() || candidate.verb == recorded.verb)
                && recorded.path().endsWith(candidate.pathSuffix)) {
            response = candidate.response;
            routed = true;
            break;
        }
    }
    if (!routed && !m_queue.isEmpty())
        response = m_queue.takeFirst();

    auto *reply = new FakeReply(request, operation, response, this);
    connect(reply, &FakeReply::aborted, this, [this] { ++m_abortedCount; });
    m_replies.append(reply);
    Q_EMIT requestReceived(int(m_requests.size()) - 1);
    return reply;
}

} // namespace fs::test
