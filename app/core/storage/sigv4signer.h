// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <functional>

class QNetworkRequest;
class QUrl;

namespace fs {

/// An access key pair; the session token only for temporary credentials.
struct SigV4Credentials
{
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken;

    bool isComplete() const { return !accessKeyId.isEmpty() && !secretAccessKey.isEmpty(); }
};

using SigV4Headers = QList<QPair<QByteArray, QByteArray>>;

/// One request to sign, in the form it takes on the wire.
struct SigV4Request
{
    QByteArray method = QByteArrayLiteral("GET");
    /// The path as sent (percent-encoded where needed), e.g. "/bucket/some%20key".
    QByteArray path = QByteArrayLiteral("/");
    /// Query parameters, decoded (names and values as they mean, not as encoded).
    SigV4Headers query;
    /// Headers in the order they are sent; a name may repeat. Must include Host.
    SigV4Headers headers;
    /// Hex sha256 of the body, or "UNSIGNED-PAYLOAD"; empty: the hash of an empty body.
    QByteArray payloadHash;
};

/// Everything the signature is made of, for tests and for sending.
struct SigV4Signature
{
    QByteArray canonicalRequest;
    QByteArray stringToSign;
    QByteArray signature; ///< hex
    QByteArray authorization; ///< the Authorization header's value
    QByteArray amzDate; ///< e.g. 20150830T123600Z
    QByteArray signedHeaders; ///< e.g. host;x-amz-date
    /// Headers to add to the request before sending (X-Amz-Date, x-amz-content-sha256 for S3,
    /// X-Amz-Security-Token, Authorization).
    SigV4Headers headersToAdd;
};

/**
 * @brief AWS Signature Version 4 (header-based), as S3, R2 and MinIO expect it.
 *
 * Two path conventions exist: AWS services in general normalise the path (".", "..", "//")
 * and encode each segment once more (an already-encoded path ends up double-encoded); S3
 * does neither — the canonical URI is the path exactly as sent. The clock is injectable so
 * signatures can be reproduced.
 */
class SigV4Signer
{
public:
    struct Options
    {
        QString region = QStringLiteral("us-east-1");
        QString service = QStringLiteral("s3");
        /// True for S3 (and R2, MinIO): no path normalisation, no second encoding, and the
        /// x-amz-content-sha256 header is added and signed.
        bool s3 = true;
        /// Lower-case header names left out of the signature (besides the always-unsigned ones
        /// such as authorization and user-agent).
        QList<QByteArray> unsignedHeaders;
    };
    using Clock = std::function<QDateTime()>;

    SigV4Signer(const SigV4Credentials &credentials, const Options &options);

    void setClock(Clock clock) { m_clock = std::move(clock); }
    QDateTime now() const;

    const Options &options() const { return m_options; }
    const SigV4Credentials &credentials() const { return m_credentials; }

    /// Signs `request` at now(); any X-Amz-Date in it is replaced by the clock's time.
    SigV4Signature sign(const SigV4Request &request) const;

    /// Signs a QNetworkRequest for `method` with `payloadHash` (empty: empty body) and sets the
    /// headers on it. The Host header is derived from the URL as Qt will send it.
    SigV4Signature signNetworkRequest(QNetworkRequest *request, const QByteArray &method,
            const QByteArray &payloadHash = {}) const;

    // The building blocks, public for tests.
    static QByteArray uriEncode(const QByteArray &bytes, bool keepSlash);
    /// Removes "." and ".." segments and empty segments ("//"), keeping a trailing slash.
    static QByteArray normalizePath(const QByteArray &path);
    QByteArray canonicalUri(const QByteArray &path) const;
    static QByteArray canonicalQuery(const SigV4Headers &query);
    /// Canonical headers block (each line ending in \n) and the signed-headers list.
    QPair<QByteArray, QByteArray> canonicalHeaders(const SigV4Headers &headers) const;
    static QByteArray canonicalHeaderValue(const QByteArray &value);
    static QByteArray signingKey(const QByteArray &secret, const QByteArray &date,
            const QByteArray &region, const QByteArray &service);
    static QByteArray sha256Hex(const QByteArray &data);
    static QByteArray emptyPayloadHash();
    static QByteArray unsignedPayload() { return QByteArrayLiteral("UNSIGNED-PAYLOAD"); }
    /// "host" or "host:port" as an HTTP client sends it for `url`.
    static QByteArray hostHeader(const QUrl &url);

private:
    SigV4Credentials m_credentials;
    Options m_options;
    Clock m_clock;
};

} // namespace fs
