// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

namespace fs::test {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

/// What a FakeNetworkAccessManager answers to one request.
struct CannedResponse
{
    int status = 200; ///< 0: no HTTP answer at all (use `error`)
    HeaderList headers;
    QByteArray body;
    /// Transport error (refused, host not found, …). With status 200 and `chunks`, it is
    /// raised after the chunks: a stream that breaks.
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    bool hang = false; ///< never answers; finishes only when aborted
    QList<QByteArray> chunks; ///< body delivered piece by piece (server-sent events)
    int delayMs = 0; ///< before the headers arrive
    int chunkIntervalMs = 1;

    static CannedResponse json(int status, const QByteArray &body, const HeaderList &headers = {});
    static CannedResponse jsonFile(int status, const QString &path, const HeaderList &headers = {});
    /// {"error":{"message","type","param":null,"code"}} with the given status.
    static CannedResponse apiError(int status, const QString &code, const QString &message,
            const HeaderList &headers = {});
    static CannedResponse networkError(QNetworkReply::NetworkError error);
    static CannedResponse hanging();
    static CannedResponse stream(const QList<QByteArray> &chunks, const HeaderList &headers = {});
};

/// A request as the fake received it.
struct RecordedRequest
{
    QByteArray verb;
    QUrl url;
    HeaderList headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const; ///< case-insensitive; empty when absent
    bool hasHeader(const QByteArray &name) const;
    QString path() const { return url.path(QUrl::FullyEncoded); }
    QString query() const { return url.query(QUrl::FullyEncoded); }
    QJsonObject json() const;
};

/// A QNetworkReply that plays a CannedResponse.
class FakeReply : public QNetworkReply
{
    Q_OBJECT
public:
    FakeReply(const QNetworkRequest &request, QNetworkAccessManager::Operation operation,
            const CannedResponse &response, QObject *parent);

    void abort() override;
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;
    bool wasAborted() const { return m_aborted; }

Q_SIGNALS:
    void aborted();

protected:
    qint64 readData(char *data, qint64 maxSize) override;

private:
    void deliverHeaders();
    void deliverNextChunk();
    void complete();

    CannedResponse m_response;
    QByteArray m_buffer;
    int m_nextChunk = 0;
    bool m_aborted = false;
    bool m_done = false;
};

/**
 * @brief A QNetworkAccessManager that never touches the network: it records every request and
 * answers from canned responses (routes first, then a queue, then a fallback).
 */
class FakeNetworkAccessManager : public QNetworkAccessManager
{
    Q_OBJECT
public:
    explicit FakeNetworkAccessManager(QObject *parent = nullptr);

    /// Answers the next request that no route matches.
    void enqueue(const CannedResponse &response);
    /// Answers every `verb` request whose path ends with `pathSuffix` (empty verb: any).
    void route(const QByteArray &verb, const QString &pathSuffix, const CannedResponse &response);
    /// Used when no route matches and the queue is empty (default: 404 with an error body).
    void setFallback(const CannedResponse &response) { m_fallback = response; }

    QList<RecordedRequest> requests() const { return m_requests; }
    RecordedRequest lastRequest() const { return m_requests.value(m_requests.size() - 1); }
    int requestCount() const { return int(m_requests.size()); }
    QList<QPointer<FakeReply>> replies() const { return m_replies; }
    /// How many replies were aborted before they finished (timeouts, cancels).
    int abortedCount() const { return m_abortedCount; }
    void clear();

Q_SIGNALS:
    void requestReceived(int index);

protected:
    QNetworkReply *createRequest(
            Operation operation, const QNetworkRequest &request, QIODevice *outgoingData) override;

private:
    struct Route
    {
        QByteArray verb;
        QString pathSuffix;
        CannedResponse response;
    };
    QList<Route> m_routes;
    QList<CannedResponse> m_queue;
    CannedResponse m_fallback;
    QList<RecordedRequest> m_requests;
    QList<QPointer<FakeReply>> m_replies;
    int m_abortedCount = 0;
};

} // namespace fs::test
