// SPDX-License-Identifier: GPL-3.0-or-later
#include "sigv4signer.h"

#include <QCryptographicHash>
#include <QMap>
#include <QMessageAuthenticationCode>
#include <QNetworkRequest>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

namespace fs {

namespace {

const char kAlgorithm[] = "AWS4-HMAC-SHA256";

// The same list AWS's own signers leave out: proxies and HTTP stacks change these on the way.
bool isAlwaysUnsigned(const QByteArray &lowerName)
{
    static const QList<QByteArray> names = {"authorization", "cache-control", "connection",
            "expect", "from", "keep-alive", "max-forwards", "pragma", "referer", "te", "trailer",
            "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id"};
    return names.contains(lowerName);
}

QByteArray hmac(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
            || c == '.' || c == '_' || c == '~';
}

QByteArray collapseSpaces(const QByteArray &value)
{
    QByteArray out;
    out.reserve(value.size());
    bool inSpace = false;
    for (char c : value) {
        const bool space = c == ' ' || c == '\t';
        if (space) {
            if (!inSpace)
                out.append(' ');
            inSpace = true;
        } else {
            out.append(c);
            inSpace = false;
        }
    }
    return out.trimmed();
}

} // namespace

SigV4Signer::SigV4Signer(const SigV4Credentials &credentials, const Options &options)
    : m_credentials(credentials)
    , m_options(options)
{
}

QDateTime SigV4Signer::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

QByteArray SigV4Signer::uriEncode(const QByteArray &bytes, bool keepSlash)
{
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(bytes.size() * 3);
    for (char c : bytes) {
        if (isUnreserved(c) || (keepSlash && c == '/')) {
            out.append(c);
        } else {
            const auto u = static_cast<unsigned char>(c);
            out.append('%');
            out.append(hex[u >> 4]);
            out.append(hex[u & 0x0f]);
        }
    }
    return out;
}

QByteArray SigV4Signer::normalizePath(const QByteArray &path)
{
    QList<QByteArray> kept;
    const QList<QByteArray> segments = path.split('/');
    for (const QByteArray &segment : segments) {
        if (segment.isEmpty() || segment == ".")
            continue;
        if (segment == "..") {
            if (!kept.isEmpty())
                kept.removeLast();
            continue;
        }
        kept.append(segment);
    }
    QByteArray out = '/' + kept.join('/');
    if (!kept.isEmpty() && path.endsWith('/'))
        out.append('/');
    return out;
}

QByteArray SigV4Signer::canonicalUri(const QByteArray &path) const
{
    if (m_options.s3)
        return path.isEmpty() ? QByteArrayLiteral("/") : path;
    // Encoding the path as sent once more: '%' becomes "%25", i.e. double encoding.
    return uriEncode(normalizePath(path), true);
}

QByteArray SigV4Signer::canonicalQuery(const SigV4Headers &query)
{
    QList<QPair<QByteArray, QByteArray>> encoded;
    encoded.reserve(query.size());
    for (const auto &item : query)
        encoded.append({uriEncode(item.first, false), uriEncode(item.second, false)});
    std::sort(encoded.begin(), encoded.end());
    QByteArray out;
    for (const auto &item : std::as_const(encoded)) {
        if (!out.isEmpty())
            out.append('&');
        out.append(item.first).append('=').append(item.second);
    }
    return out;
}

QByteArray SigV4Signer::canonicalHeaderValue(const QByteArray &value)
{
    if (!value.contains('\n'))
        return collapseSpaces(value);
    // A folded (multi-line) value: each line is one value, like a repeated header.
    QList<QByteArray> parts;
    for (const QByteArray &line : value.split('\n')) {
        const QByteArray part = collapseSpaces(line.trimmed());
        if (!part.isEmpty())
            parts.append(part);
    }
    return parts.join(',');
}

QPair<QByteArray, QByteArray> SigV4Signer::canonicalHeaders(const SigV4Headers &headers) const
{
    QMap<QByteArray, QList<QByteArray>> byName; // sorted by name, values in sending order
    for (const auto &header : headers) {
        const QByteArray name = header.first.trimmed().toLower();
        if (isAlwaysUnsigned(name) || m_options.unsignedHeaders.contains(name))
            continue;
        byName[name].append(canonicalHeaderValue(header.second));
    }
    QByteArray block;
    QByteArray signedNames;
    for (auto it = byName.cbegin(); it != byName.cend(); ++it) {
        block.append(it.key()).append(':').append(it.value().join(',')).append('\n');
        if (!signedNames.isEmpty())
            signedNames.append(';');
        signedNames.append(it.key());
    }
    return {block, signedNames};
}

QByteArray SigV4Signer::signingKey(const QByteArray &secret, const QByteArray &date,
        const QByteArray &region, const QByteArray &service)
{
    const QByteArray dateKey = hmac("AWS4" + secret, date);
    const QByteArray regionKey = hmac(dateKey, region);
    const QByteArray serviceKey = hmac(regionKey, service);
    return hmac(serviceKey, QByteArrayLiteral("aws4_request"));
}

QByteArray SigV4Signer::sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray SigV4Signer::emptyPayloadHash()
{
    return QByteArrayLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

QByteArray SigV4Signer::hostHeader(const QUrl &url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    if (url.port() != -1 && url.port() != defaultPort)
        host += ':' + QByteArray::number(url.port());
    return host;
}

SigV4Signature SigV4Signer::sign(const SigV4Request &request) const
{
    SigV4Signature result;
    const QDateTime time = now().toUTC();
    result.amzDate = time.toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
    const QByteArray dateStamp = result.amzDate.left(8);
    const QByteArray payloadHash =
            request.payloadHash.isEmpty() ? emptyPayloadHash() : request.payloadHash;

    SigV4Headers headers;
    for (const auto &header : request.headers) {
        const QByteArray name = header.first.toLower();
        if (name == "x-amz-date" || name == "authorization"
                || (m_options.s3 && name == "x-amz-content-sha256"))
            continue;
        headers.append(header);
    }
    result.headersToAdd.append({QByteArrayLiteral("X-Amz-Date"), result.amzDate});
    if (m_options.s3)
        result.headersToAdd.append({QByteArrayLiteral("x-amz-content-sha256"), payloadHash});
    const bool hasToken = std::any_of(headers.cbegin(), headers.cend(),
            [](const auto &h) { return h.first.toLower() == "x-amz-security-token"; });
    if (!m_credentials.sessionToken.isEmpty() && !hasToken)
        result.headersToAdd.append(
                {QByteArrayLiteral("X-Amz-Security-Token"), m_credentials.sessionToken.toUtf8()});
    headers.append(result.headersToAdd);

    const auto [headerBlock, signedHeaders] = canonicalHeaders(headers);
    result.signedHeaders = signedHeaders;
    result.canonicalRequest = request.method + '\n' + canonicalUri(request.path) + '\n'
            + canonicalQuery(request.query) + '\n' + headerBlock + '\n' + signedHeaders + '\n'
            + payloadHash;

    const QByteArray scope = dateStamp + '/' + m_options.region.toUtf8() + '/'
            + m_options.service.toUtf8() + "/aws4_request";
    result.stringToSign = QByteArray(kAlgorithm) + '\n' + result.amzDate + '\n' + scope + '\n'
            + sha256Hex(result.canonicalRequest);

    const QByteArray key = signingKey(m_credentials.secretAccessKey.toUtf8(), dateStamp,
            m_options.region.toUtf8(), m_options.service.toUtf8());
    result.signature = hmac(key, result.stringToSign).toHex();
    result.authorization = QByteArray(kAlgorithm)
            + " Credential=" + m_credentials.accessKeyId.toUtf8() + '/' + scope
            + ", SignedHeaders=" + signedHeaders + ", Signature=" + result.signature;
    result.headersToAdd.append({QByteArrayLiteral("Authorization"), result.authorization});
    return result;
}

SigV4Signature SigV4Signer::signNetworkRequest(
        QNetworkRequest *request, const QByteArray &method, const QByteArray &payloadHash) const
{
    const QUrl url = request->url();
    SigV4Request toSign;
    toSign.method = method;
    toSign.path = url.path(QUrl::FullyEncoded).toLatin1();
    if (toSign.path.isEmpty())
        toSign.path = "/";
    const QUrlQuery query(url);
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &item : items)
        toSign.query.append({item.first.toUtf8(), item.second.toUtf8()});
    toSign.headers.append({QByteArrayLiteral("Host"), hostHeader(url)});
    const QList<QByteArray> names = request->rawHeaderList();
    for (const QByteArray &name : names)
        toSign.headers.append({name, request->rawHeader(name)});
    toSign.payloadHash = payloadHash;

    const SigV4Signature signature = sign(toSign);
    for (const auto &header : signature.headersToAdd)
        request->setRawHeader(header.first, header.second);
    return signature;
}

} // namespace fs
