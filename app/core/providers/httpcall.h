// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace fs {

/**
 * @brief One HTTP request as a dialect describes it, before any network is involved.
 *
 * ApiClient::sendCall() turns it into a request on the connection (base URL, auth, retries,
 * timeouts, key redaction), so a dialect never touches the network and its calls can be compared
 * field by field in tests.
 */
struct HttpCall
{
    QByteArray verb = "GET";
    QString path; ///< relative to the connection's base URL, starting with "/" (segments encoded)
    QList<QPair<QString, QString>> query; ///< values are encoded by the client
    QByteArray body;
    QByteArray contentType; ///< e.g. "application/json" or a multipart type with its boundary
    QList<QPair<QByteArray, QByteArray>> headers; ///< extra headers (never auth)
    /// Set for a call to a URL outside the service (a presigned upload URL): it is sent there
    /// as is and without the connection's key.
    QUrl absoluteUrl;
    bool expectJson = true; ///< a 2xx answer that is not a JSON object is an error
    /// A 3xx answer is the result (not followed, not an error): Together's presigned upload
    /// answers 302 with the URL to put the bytes to.
    bool redirectIsAnswer = false;

    bool operator==(const HttpCall &other) const
    {
        return verb == other.verb && path == other.path && query == other.query
                && body == other.body && contentType == other.contentType
                && headers == other.headers && absoluteUrl == other.absoluteUrl
                && expectJson == other.expectJson && redirectIsAnswer == other.redirectIsAnswer;
    }
};

/// The answer to an HttpCall as a dialect parses it: status, headers and body of a success.
struct HttpAnswer
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const; ///< case-insensitive, last one wins
};

} // namespace fs
