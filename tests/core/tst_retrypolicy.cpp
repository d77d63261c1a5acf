// SPDX-License-Identifier: GPL-3.0-or-later
#include "apiclient.h"

#include <QDateTime>
#include <QLocale>
#include <QSet>
#include <QTest>
#include <QTimeZone>

using namespace fs;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

ApiError httpError(int status, const QString &code = {})
{
    ApiError error;
    error.kind = ApiError::Kind::Http;
    error.httpStatus = status;
    error.code = code;
    return error;
}

ApiError kindError(ApiError::Kind kind)
{
    ApiError error;
    error.kind = kind;
    return error;
}

RetryPolicy exact()
{
    RetryPolicy policy;
    policy.jitter = false;
    return policy;
}

QByteArray httpDate(const QDateTime &when)
{
    return QLocale::c()
            .toString(when.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
            .toLatin1();
}

} // namespace

class tst_RetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statuses_data();
    void statuses();
    void transportKinds_data();
    void transportKinds();
    void shouldRetryHeader();
    void quotaAndDailyCapNeverRetried_data();
    void quotaAndDailyCapNeverRetried();
    void atMostMaxRetries();
    void backoffSequenceAndCap();
    void jitterWithinBounds();
    void retryAfterMs();
    void retryAfterSeconds();
    void retryAfterHttpDate();
    void retryAfterOutOfRange_data();
    void retryAfterOutOfRange();
    void retryAfterMsWinsOverRetryAfter();
    void headerNamesCaseInsensitive();
};

void tst_RetryPolicy::statuses_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("retry");
    for (int status : {408, 409, 429, 500, 502, 503, 504, 520, 599})
        QTest::addRow("%d", status) << status << true;
    for (int status : {400, 401, 403, 404, 405, 413, 415, 422})
        QTest::addRow("%d", status) << status << false;
}

void tst_RetryPolicy::statuses()
{
    QFETCH(int, status);
    QFETCH(bool, retry);
    const RetryPolicy policy;
    QCOMPARE(policy.shouldRetry(httpError(status), {}, 0), retry);
    QCOMPARE(policy.shouldRetry(httpError(status), {}, 1), retry);
    QCOMPARE(policy.shouldRetry(httpError(status), {}, 2), false);
}

void tst_RetryPolicy::transportKinds_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("retry");
    QTest::newRow("timeout") << int(ApiError::Kind::Timeout) << true;
    QTest::newRow("unreachable") << int(ApiError::Kind::Unreachable) << true;
    QTest::newRow("cancelled") << int(ApiError::Kind::Cancelled) << false;
    QTest::newRow("certificate") << int(ApiError::Kind::Certificate) << false;
    QTest::newRow("protocol") << int(ApiError::Kind::Protocol) << false;
    QTest::newRow("stream") << int(ApiError::Kind::Stream) << false;
    QTest::newRow("none") << int(ApiError::Kind::None) << false;
}

void tst_RetryPolicy::transportKinds()
{
    QFETCH(int, kind);
    QFETCH(bool, retry);
    const RetryPolicy policy;
    QCOMPARE(policy.shouldRetry(kindError(ApiError::Kind(kind)), {}, 0), retry);
    // x-should-retry cannot revive a cancelled call
    QCOMPARE(policy.shouldRetry(kindError(ApiError::Kind(kind)), {{"x-should-retry", "true"}}, 0),
            retry);
}

void tst_RetryPolicy::shouldRetryHeader()
{
    const RetryPolicy policy;
    QVERIFY(policy.shouldRetry(httpError(400), {{"x-should-retry", "true"}}, 0));
    QVERIFY(policy.shouldRetry(httpError(404), {{"X-Should-Retry", "TRUE"}}, 1));
    QVERIFY(!policy.shouldRetry(httpError(503), {{"x-should-retry", "false"}}, 0));
    QVERIFY(!policy.shouldRetry(httpError(429), {{"x-should-retry", "false"}}, 0));
    QVERIFY(policy.shouldRetry(httpError(503), {{"x-should-retry", "maybe"}}, 0)); // ignored
    QVERIFY(!policy.shouldRetry(httpError(400), {{"x-should-retry", "true"}}, 2)); // still capped
}

void tst_RetryPolicy::quotaAndDailyCapNeverRetried_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("insufficient_quota") << "insufficient_quota";
    QTest::newRow("daily_rate_limit_exceeded") << "daily_rate_limit_exceeded";
}

void tst_RetryPolicy::quotaAndDailyCapNeverRetried()
{
    QFETCH(QString, code);
    const RetryPolicy policy;
    QVERIFY(!policy.shouldRetry(httpError(429, code), {}, 0));
    QVERIFY(!policy.shouldRetry(httpError(429, code), {{"retry-after", "1"}}, 0));
    QVERIFY(!policy.shouldRetry(httpError(429, code), {{"x-should-retry", "true"}}, 0));
    QVERIFY(!policy.shouldRetry(httpError(500, code), {}, 0));
    QVERIFY(policy.shouldRetry(httpError(429, QStringLiteral("rate_limit_exceeded")), {}, 0));
}

void tst_RetryPolicy::atMostMaxRetries()
{
    RetryPolicy policy;
    QVERIFY(policy.shouldRetry(httpError(500), {}, 0));
    QVERIFY(policy.shouldRetry(httpError(500), {}, 1));
    QVERIFY(!policy.shouldRetry(httpError(500), {}, 2));
    QVERIFY(!policy.shouldRetry(httpError(500), {}, 3));
    policy.maxRetries = 0;
    QVERIFY(!policy.shouldRetry(httpError(500), {}, 0));
    QVERIFY(!policy.shouldRetry(kindError(ApiError::Kind::Timeout), {}, 0));
}

void tst_RetryPolicy::backoffSequenceAndCap()
{
    const RetryPolicy policy = exact();
    QList<int> delays;
    for (int n = 0; n < 8; ++n)
        delays.append(policy.delayMs({}, n));
    QCOMPARE(delays, (QList<int> {500, 1000, 2000, 4000, 8000, 8000, 8000, 8000}));
    QCOMPARE(policy.delayMs({}, 1000), 8000); // no overflow for absurd counts
}

void tst_RetryPolicy::jitterWithinBounds()
{
    RetryPolicy policy; // jitter on by default
    QVERIFY(policy.jitter);
    for (int n = 0; n < 6; ++n) {
        const int base = exact().delayMs({}, n);
        QSet<int> seen;
        for (int i = 0; i < 200; ++i) {
            const int delay = policy.delayMs({}, n);
            QVERIFY2(delay >= base * 3 / 4 && delay <= base,
                    qPrintable(QStringLiteral("%1 outside [%2, %3]")
                                       .arg(delay)
                                       .arg(base * 3 / 4)
                                       .arg(base)));
            seen.insert(delay);
        }
        QVERIFY2(seen.size() > 10, "jitter does not vary");
    }
}

void tst_RetryPolicy::retryAfterMs()
{
    const RetryPolicy policy; // hints are used as they are, without jitter
    QCOMPARE(policy.delayMs({{"retry-after-ms", "250"}}, 0), 250);
    QCOMPARE(policy.delayMs({{"retry-after-ms", "1500.5"}}, 1), 1501);
    QCOMPARE(policy.delayMs({{"retry-after-ms", "120000"}}, 0), 120000);
}

void tst_RetryPolicy::retryAfterSeconds()
{
    const RetryPolicy policy;
    QCOMPARE(policy.delayMs({{"retry-after", "3"}}, 0), 3000);
    QCOMPARE(policy.delayMs({{"Retry-After", "0.5"}}, 1), 500);
    QCOMPARE(policy.delayMs({{"retry-after", "120"}}, 0), 120000);
}

void tst_RetryPolicy::retryAfterHttpDate()
{
    const RetryPolicy policy;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const int delay = policy.delayMs({{"retry-after", httpDate(now.addSecs(10))}}, 0);
    QVERIFY2(delay > 8000 && delay <= 10000, qPrintable(QString::number(delay)));

    // RFC 850 and asctime forms are still allowed by HTTP
    const QDateTime later = now.addSecs(20);
    const QByteArray rfc850 =
            QLocale::c()
                    .toString(later, QStringLiteral("dddd, dd-MMM-yy HH:mm:ss 'GMT'"))
                    .toLatin1();
    const int d850 = policy.delayMs({{"retry-after", rfc850}}, 0);
    QVERIFY2(d850 > 18000 && d850 <= 20000, rfc850.constData());
    const QByteArray asctime =
            QLocale::c().toString(later, QStringLiteral("ddd MMM d HH:mm:ss yyyy")).toLatin1();
    const int dAsc = policy.delayMs({{"retry-after", asctime}}, 0);
    QVERIFY2(dAsc > 18000 && dAsc <= 20000, asctime.constData());

    // a date in the past is out of range: back to the normal backoff
    QCOMPARE(exact().delayMs({{"retry-after", httpDate(now.addSecs(-30))}}, 1), 1000);
}

void tst_RetryPolicy::retryAfterOutOfRange_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("ms zero") << QByteArray("retry-after-ms") << QByteArray("0");
    QTest::newRow("ms negative") << QByteArray("retry-after-ms") << QByteArray("-5");
    QTest::newRow("ms above 120 s") << QByteArray("retry-after-ms") << QByteArray("120001");
    QTest::newRow("s zero") << QByteArray("retry-after") << QByteArray("0");
    QTest::newRow("s above 120") << QByteArray("retry-after") << QByteArray("121");
    QTest::newRow("s huge") << QByteArray("retry-after") << QByteArray("86400");
    QTest::newRow("garbage") << QByteArray("retry-after") << QByteArray("soon");
    QTest::newRow("empty") << QByteArray("retry-after") << QByteArray("");
    QTest::newRow("date far") << QByteArray("retry-after")
                              << httpDate(QDateTime::currentDateTimeUtc().addSecs(3600));
}

void tst_RetryPolicy::retryAfterOutOfRange()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    const RetryPolicy policy = exact();
    QCOMPARE(policy.delayMs({{name, value}}, 0), 500);
    QCOMPARE(policy.delayMs({{name, value}}, 3), 4000);
}

void tst_RetryPolicy::retryAfterMsWinsOverRetryAfter()
{
    const RetryPolicy policy = exact();
    QCOMPARE(policy.delayMs({{"retry-after", "7"}, {"retry-after-ms", "300"}}, 0), 300);
    // an unparsable retry-after-ms falls back to retry-after
    QCOMPARE(policy.delayMs({{"retry-after-ms", "x"}, {"retry-after", "2"}}, 0), 2000);
}

void tst_RetryPolicy::headerNamesCaseInsensitive()
{
    const RetryPolicy policy = exact();
    QCOMPARE(policy.delayMs({{"RETRY-AFTER-MS", "42"}}, 0), 42);
    RetryPolicy custom = exact();
    custom.maxRetryAfterMs = 1000;
    QCOMPARE(custom.delayMs({{"retry-after", "2"}}, 0), 500); // beyond this policy's limit
}

QTEST_GUILESS_MAIN(tst_RetryPolicy)
#include "tst_retrypolicy.moc"
