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
    void followsTheApiErrorRule_data();
    void followsTheApiErrorRule();
    void shouldRetryHeader();
    void headerNeverRevivesAQuotaOrACancel();
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

// Which outcomes are worth another attempt is ApiError::isTransient() (tested at its edges in
// tst_apierror); the policy adds the server's x-should-retry hint and the count.
void tst_RetryPolicy::followsTheApiErrorRule_data()
{
    QTest::addColumn<ApiError>("error");
    for (int status : {400, 402, 404, 408, 429, 500, 503})
        QTest::addRow("%d", status) << httpError(status);
    QTest::newRow("429 insufficient_quota") << httpError(429, QStringLiteral("insufficient_quota"));
    QTest::newRow("timeout") << kindError(ApiError::Kind::Timeout);
    QTest::newRow("cancelled") << kindError(ApiError::Kind::Cancelled);
    QTest::newRow("protocol") << kindError(ApiError::Kind::Protocol);
}

void tst_RetryPolicy::followsTheApiErrorRule()
{
    QFETCH(ApiError, error);
    const RetryPolicy policy;
    QCOMPARE(policy.shouldRetry(error, {}, 0), error.isTransient());
    QCOMPARE(policy.shouldRetry(error, {}, 1), error.isTransient());
    QCOMPARE(policy.shouldRetry(error, {}, 2), false); // two retries at most
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

void tst_RetryPolicy::headerNeverRevivesAQuotaOrACancel()
{
    // Waiting does not refill a quota or a day's cap, and a cancelled call stays cancelled,
    // whatever the server hints.
    const RetryPolicy policy;
    const Headers yes = {{"x-should-retry", "true"}, {"retry-after", "1"}};
    QVERIFY(!policy.shouldRetry(httpError(429, QStringLiteral("insufficient_quota")), yes, 0));
    QVERIFY(!policy.shouldRetry(
            httpError(429, QStringLiteral("daily_rate_limit_exceeded")), yes, 0));
    QVERIFY(!policy.shouldRetry(httpError(402), yes, 0));
    QVERIFY(!policy.shouldRetry(kindError(ApiError::Kind::Cancelled), yes, 0));
    QVERIFY(policy.shouldRetry(httpError(429, QStringLiteral("rate_limit_exceeded")), yes, 0));
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
    // The delay is the date minus the clock when it is read: between the date minus the clock
    // after the call and the date minus the clock before it, however slow the machine is.
    const auto delayFor = [&policy](const QDateTime &when, const QByteArray &value) {
        const QDateTime whole = when.addMSecs(-when.time().msec()); // dates have whole seconds
        const qint64 before = QDateTime::currentDateTimeUtc().msecsTo(whole);
        const int delay = policy.delayMs({{"retry-after", value}}, 0);
        const qint64 after = QDateTime::currentDateTimeUtc().msecsTo(whole);
        return delay >= after && delay <= before
                ? QString()
                : QStringLiteral("%1 gave %2 ms, not within [%3, %4]")
                          .arg(QString::fromLatin1(value))
                          .arg(delay)
                          .arg(after)
                          .arg(before);
    };
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime soon = now.addSecs(60);
    QString problem = delayFor(soon, httpDate(soon));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    // RFC 850 and asctime forms are still allowed by HTTP
    const QDateTime later = now.addSecs(90);
    const QByteArray rfc850 =
            QLocale::c()
                    .toString(later, QStringLiteral("dddd, dd-MMM-yy HH:mm:ss 'GMT'"))
                    .toLatin1();
    problem = delayFor(later, rfc850);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QByteArray asctime =
            QLocale::c().toString(later, QStringLiteral("ddd MMM d HH:mm:ss yyyy")).toLatin1();
    problem = delayFor(later, asctime);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

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
