// SPDX-License-Identifier: GPL-3.0-or-later
// AWS Signature Version 4: every case of AWS's published test suite, plus the S3 conventions.
#include "sigv4signer.h"

#include <QDirIterator>
#include <QFile>
#include <QNetworkRequest>
#include <QTest>
#include <QUrl>

using namespace fs;

namespace {

const QString kSuiteDir =
        QStringLiteral(FS_SHARED_DIR "/data/sigv4-test-suite/aws-sig-v4-test-suite");

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

/// Parses a suite `.req`: request line, headers (a line starting with white space continues the
/// previous header: kept as a folded value with '\n'), blank line, body.
bool parseRequest(const QByteArray &raw, SigV4Request *request, QString *problem)
{
    const int bodyAt = raw.indexOf("\n\n");
    const QByteArray head = bodyAt < 0 ? raw : raw.left(bodyAt);
    const QByteArray body = bodyAt < 0 ? QByteArray() : raw.mid(bodyAt + 2);
    const QList<QByteArray> lines = head.split('\n');
    if (lines.isEmpty()) {
        *problem = QStringLiteral("empty request");
        return false;
    }
    // The path may contain spaces ("GET /example space/ HTTP/1.1").
    QByteArray first = lines.first();
    const int space = first.indexOf(' ');
    if (space < 0 || !first.endsWith(" HTTP/1.1")) {
        *problem = QStringLiteral("bad request line: ") + QString::fromUtf8(first);
        return false;
    }
    request->method = first.left(space);
    QByteArray target = first.mid(space + 1, first.size() - space - 1 - 9);
    const int questionMark = target.indexOf('?');
    request->path = questionMark < 0 ? target : target.left(questionMark);
    if (questionMark >= 0) {
        for (const QByteArray &pair : target.mid(questionMark + 1).split('&')) {
            if (pair.isEmpty())
                continue;
            const int equals = pair.indexOf('=');
            const QByteArray name = equals < 0 ? pair : pair.left(equals);
            const QByteArray value = equals < 0 ? QByteArray() : pair.mid(equals + 1);
            request->query.append({QByteArray::fromPercentEncoding(name),
                    QByteArray::fromPercentEncoding(value)});
        }
    }
    for (int i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (!line.isEmpty() && (line.at(0) == ' ' || line.at(0) == '\t')) {
            if (request->headers.isEmpty()) {
                *problem = QStringLiteral("continuation line without a header");
                return false;
            }
            request->headers.last().second += '\n' + line;
            continue;
        }
        const int colon = line.indexOf(':');
        if (colon <= 0) {
            *problem = QStringLiteral("bad header line: ") + QString::fromUtf8(line);
            return false;
        }
        request->headers.append({line.left(colon), line.mid(colon + 1)});
    }
    request->payloadHash = SigV4Signer::sha256Hex(body);
    return true;
}

SigV4Signer suiteSigner(const QList<QByteArray> &unsignedHeaders = {})
{
    SigV4Signer::Options options;
    options.region = QStringLiteral("us-east-1");
    options.service = QStringLiteral("service");
    options.s3 = false;
    options.unsignedHeaders = unsignedHeaders;
    SigV4Signer signer({QStringLiteral("AKIDEXAMPLE"),
                               QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), {}},
            options);
    signer.setClock([] { return QDateTime(QDate(2015, 8, 30), QTime(12, 36, 0), Qt::UTC); });
    return signer;
}

} // namespace

class tst_SigV4 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void suite_data();
    void suite();
    void suiteHasEveryCase();
    void uriEncoding();
    void pathConventions();
    void headerValues();
    void signingKeyChain();
    void s3DocumentationExamples();
    void networkRequest();
    void sessionToken();
};

void tst_SigV4::suite_data()
{
    QTest::addColumn<QString>("base");
    QDirIterator it(
            kSuiteDir, {QStringLiteral("*.req")}, QDir::Files, QDirIterator::Subdirectories);
    QStringList bases;
    while (it.hasNext()) {
        const QString path = it.next();
        bases << path.chopped(4);
    }
    bases.sort();
    for (const QString &base : std::as_const(bases))
        QTest::newRow(qPrintable(base.mid(kSuiteDir.size() + 1))) << base;
}

void tst_SigV4::suite()
{
    QFETCH(QString, base);
    const QByteArray raw = readAll(base + QStringLiteral(".req"));
    QVERIFY2(!raw.isEmpty(), qPrintable(base));
    SigV4Request request;
    QString problem;
    QVERIFY2(parseRequest(raw, &request, &problem), qPrintable(problem));

    const QByteArray creq = readAll(base + QStringLiteral(".creq"));
    const QByteArray sts = readAll(base + QStringLiteral(".sts"));
    const QByteArray sreq = readAll(base + QStringLiteral(".sreq"));
    const SigV4Signature signature = suiteSigner().sign(request);
    QCOMPARE(QString::fromUtf8(signature.canonicalRequest), QString::fromUtf8(creq));

    // The suite contradicts itself in two cases (sha256 of their .creq is not the hash in
    // their .sts): their .creq signs Content-Length, but their .sts (and so .authz) were made
    // from a canonical request without it — the signed request (.sreq) carries no
    // Content-Length. No signer can match both; we check the .creq for the .req as given and
    // the .sts/.authz for the request they were made from: Content-Length left unsigned, and
    // in post-x-www-form-urlencoded-parameters the Content-Type of the suite's earlier
    // version ("charset=utf8"; with "utf-8" no canonical request hashes to its .sts).
    // Any other case where the files disagree fails here.
    SigV4Signature forSignature = signature;
    if (SigV4Signer::sha256Hex(creq) != sts.split('\n').last()) {
        const QString name = base.mid(base.lastIndexOf(QLatin1Char('/')) + 1);
        QVERIFY2(name == QLatin1String("post-x-www-form-urlencoded")
                        || name == QLatin1String("post-x-www-form-urlencoded-parameters"),
                qPrintable(QStringLiteral("unexpected inconsistency in the suite: ") + name));
        QVERIFY(!sreq.toLower().contains("content-length"));
        SigV4Request asSigned = request;
        for (auto &header : asSigned.headers) {
            if (name.endsWith(QLatin1String("-parameters"))
                    && header.first.toLower() == "content-type")
                header.second.replace("charset=utf-8", "charset=utf8");
        }
        forSignature = suiteSigner({QByteArrayLiteral("content-length")}).sign(asSigned);
    }
    QCOMPARE(QString::fromUtf8(forSignature.stringToSign), QString::fromUtf8(sts));
    const QByteArray authz = readAll(base + QStringLiteral(".authz"));
    if (!base.endsWith(QLatin1String("-parameters"))) {
        QCOMPARE(QString::fromUtf8(forSignature.authorization), QString::fromUtf8(authz));
    } else {
        // post-x-www-form-urlencoded-parameters: its .authz lists content-length among the
        // SignedHeaders although its signature (like its .sreq) is for the request without
        // it. The signature must match; the whole header is compared with the .sreq below.
        QVERIFY(authz.endsWith(QByteArray(", Signature=" + forSignature.signature)));
    }
    // The signed request (.sreq) carries the same Authorization header.
    QVERIFY(sreq.contains(QByteArray("Authorization: " + forSignature.authorization)));
}

void tst_SigV4::suiteHasEveryCase()
{
    // A moved or emptied suite must not pass silently with no rows.
    int requests = 0;
    int creqs = 0;
    QDirIterator it(kSuiteDir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        requests += path.endsWith(QLatin1String(".req"));
        creqs += path.endsWith(QLatin1String(".creq"));
    }
    QCOMPARE(requests, 31);
    QCOMPARE(creqs, requests);
}

void tst_SigV4::uriEncoding()
{
    QCOMPARE(SigV4Signer::uriEncode("a b/c~d", false), QByteArray("a%20b%2Fc~d"));
    QCOMPARE(SigV4Signer::uriEncode("a b/c~d", true), QByteArray("a%20b/c~d"));
    QCOMPARE(SigV4Signer::uriEncode("100%+*!'()", false), QByteArray("100%25%2B%2A%21%27%28%29"));
    QCOMPARE(SigV4Signer::uriEncode("\xc3\xa9", false), QByteArray("%C3%A9"));
    // Query: sorted by encoded name, then value; a missing value is "name=".
    QCOMPARE(SigV4Signer::canonicalQuery({{"prefix", "data/"}, {"list-type", "2"},
                     {"delimiter", "/"}, {"continuation-token", "a+b="}}),
            QByteArray("continuation-token=a%2Bb%3D&delimiter=%2F&list-type=2&prefix=data%2F"));
    QCOMPARE(SigV4Signer::canonicalQuery({{"uploads", ""}}), QByteArray("uploads="));
}

void tst_SigV4::pathConventions()
{
    SigV4Signer generic = suiteSigner();
    SigV4Signer::Options s3Options;
    s3Options.region = QStringLiteral("auto");
    SigV4Signer s3({QStringLiteral("a"), QStringLiteral("b"), {}}, s3Options);

    // Generic services: normalised, and an encoded path is encoded again.
    QCOMPARE(generic.canonicalUri("/a//b/./c/../d%20e"), QByteArray("/a/b/d%2520e"));
    QCOMPARE(generic.canonicalUri(""), QByteArray("/"));
    // S3: the path exactly as sent; "//" and "." belong to the object key.
    QCOMPARE(s3.canonicalUri("/bucket/my-object//example//photo.user"),
            QByteArray("/bucket/my-object//example//photo.user"));
    QCOMPARE(s3.canonicalUri("/bucket/./a%20b"), QByteArray("/bucket/./a%20b"));
    QCOMPARE(s3.canonicalUri(""), QByteArray("/"));
    QCOMPARE(SigV4Signer::normalizePath("/a/b/../../.."), QByteArray("/"));
    QCOMPARE(SigV4Signer::normalizePath("/a/"), QByteArray("/a/"));
}

void tst_SigV4::headerValues()
{
    QCOMPARE(SigV4Signer::canonicalHeaderValue("  a   b\t\tc  "), QByteArray("a b c"));
    QCOMPARE(SigV4Signer::canonicalHeaderValue("v1\n  v2  \n\tv3"), QByteArray("v1,v2,v3"));
    SigV4Signer signer = suiteSigner();
    const auto [block, names] = signer.canonicalHeaders(
            {{"Host", "h"}, {"User-Agent", "qt"}, {"X-B", "2"}, {"x-a", "1"}, {"X-B", "3"}});
    QCOMPARE(block, QByteArray("host:h\nx-a:1\nx-b:2,3\n"));
    QCOMPARE(names, QByteArray("host;x-a;x-b")); // user-agent is never signed
}

void tst_SigV4::signingKeyChain()
{
    // The derived-key example from AWS's documentation ("Examples of how to derive a signing key").
    const QByteArray key = SigV4Signer::signingKey(
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215", "us-east-1", "iam");
    QCOMPARE(key.toHex(),
            QByteArray("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d"));
}

void tst_SigV4::s3DocumentationExamples()
{
    // The examples of AWS's S3 documentation ("Signature calculation: Authorization header").
    SigV4Signer::Options options;
    options.region = QStringLiteral("us-east-1");
    SigV4Signer signer({QStringLiteral("AKIAIOSFODNN7EXAMPLE"),
                               QStringLiteral("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), {}},
            options);
    signer.setClock([] { return QDateTime(QDate(2013, 5, 24), QTime(0, 0), Qt::UTC); });

    SigV4Request get;
    get.path = "/test.txt";
    get.headers = {{"Host", "examplebucket.s3.amazonaws.com"}, {"Range", "bytes=0-9"}};
    SigV4Signature signature = signer.sign(get);
    QCOMPARE(signature.signature,
            QByteArray("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"));
    QCOMPARE(signature.signedHeaders, QByteArray("host;range;x-amz-content-sha256;x-amz-date"));

    SigV4Request list;
    list.path = "/";
    list.query = {{"max-keys", "2"}, {"prefix", "J"}};
    list.headers = {{"Host", "examplebucket.s3.amazonaws.com"}};
    signature = signer.sign(list);
    QCOMPARE(signature.signature,
            QByteArray("34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7"));
}

void tst_SigV4::networkRequest()
{
    SigV4Signer::Options options;
    options.region = QStringLiteral("auto");
    SigV4Signer signer({QStringLiteral("AKID"), QStringLiteral("SECRET"), {}}, options);
    signer.setClock([] { return QDateTime(QDate(2026, 11, 21), QTime(19, 0, 5), Qt::UTC); });
    QNetworkRequest request(QUrl(QStringLiteral(
            "http://127.0.0.1:4568/bucket/data/a%20b.jsonl?list-type=2&prefix=data%2F")));
    request.setRawHeader("Range", "bytes=0-99");
    const SigV4Signature signature = signer.signNetworkRequest(&request, "GET");
    QVERIFY(signature.canonicalRequest.startsWith(
            "GET\n/bucket/data/a%20b.jsonl\nlist-type=2&prefix=data%2F\n"
            "host:127.0.0.1:4568\nrange:bytes=0-99\nx-amz-content-sha256:"));
    QCOMPARE(request.rawHeader("X-Amz-Date"), QByteArray("20261121T190005Z"));
    QCOMPARE(request.rawHeader("x-amz-content-sha256"), SigV4Signer::emptyPayloadHash());
    QVERIFY(request.rawHeader("Authorization")
                    .startsWith("AWS4-HMAC-SHA256 Credential=AKID/20261121/auto/s3/aws4_request, "
                                "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                                "Signature="));
    // The default port is not part of Host.
    QCOMPARE(SigV4Signer::hostHeader(QUrl(QStringLiteral("https://x.r2.example:443/b"))),
            QByteArray("x.r2.example"));

    // A different secret gives a different signature; the same inputs the same one.
    SigV4Signer other({QStringLiteral("AKID"), QStringLiteral("SECRET2"), {}}, options);
    other.setClock([] { return QDateTime(QDate(2026, 11, 21), QTime(19, 0, 5), Qt::UTC); });
    QNetworkRequest again(request.url());
    again.setRawHeader("Range", "bytes=0-99");
    QVERIFY(other.signNetworkRequest(&again, "GET").signature != signature.signature);
    QNetworkRequest same(request.url());
    same.setRawHeader("Range", "bytes=0-99");
    QCOMPARE(signer.signNetworkRequest(&same, "GET").signature, signature.signature);
}

void tst_SigV4::sessionToken()
{
    SigV4Signer::Options options;
    SigV4Signer signer(
            {QStringLiteral("AKID"), QStringLiteral("S"), QStringLiteral("TOKEN")}, options);
    SigV4Request request;
    request.headers = {{"Host", "h"}};
    const SigV4Signature signature = signer.sign(request);
    QVERIFY(signature.signedHeaders.contains("x-amz-security-token"));
    QVERIFY(signature.canonicalRequest.contains("x-amz-security-token:TOKEN\n"));
}

QTEST_GUILESS_MAIN(tst_SigV4)
#include "tst_sigv4.moc"
