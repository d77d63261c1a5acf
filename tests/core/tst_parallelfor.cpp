// SPDX-License-Identifier: GPL-3.0-or-later
#include "backgroundtask.h"
#include "parallelfor.h"

#include <QMutex>
#include <QSet>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <stdexcept>

using namespace fs;

class tst_ParallelFor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyIndexOnce_data();
    void everyIndexOnce();
    void usesMoreThanOneThread();
    void serialBelowStaysOnTheCallingThread();
    void cancelStopsClaimingChunks();
    void progressCountsEveryIndex();
    void exceptionIsRethrownToTheCaller();
    void insidePoolWorkDoesNotDeadlock();
};

void tst_ParallelFor::everyIndexOnce_data()
{
    QTest::addColumn<qsizetype>("n");
    QTest::addColumn<qsizetype>("chunk");
    QTest::newRow("empty") << qsizetype(0) << qsizetype(64);
    QTest::newRow("one") << qsizetype(1) << qsizetype(64);
    QTest::newRow("uneven") << qsizetype(1001) << qsizetype(7);
    QTest::newRow("many") << qsizetype(100000) << qsizetype(128);
}

void tst_ParallelFor::everyIndexOnce()
{
    QFETCH(qsizetype, n);
    QFETCH(qsizetype, chunk);
    std::vector<std::atomic_int> seen(static_cast<size_t>(n));
    ParallelOptions options;
    options.chunk = chunk;
    parallelFor(
            n, [&seen](qsizetype i) { seen[size_t(i)].fetch_add(1); }, options);
    for (qsizetype i = 0; i < n; ++i)
        QCOMPARE(seen[size_t(i)].load(), 1);
}

void tst_ParallelFor::usesMoreThanOneThread()
{
    QThreadPool pool;
    pool.setMaxThreadCount(3);
    QMutex lock;
    QSet<QThread *> threads;
    ParallelOptions options;
    options.chunk = 1;
    options.pool = &pool;
    // Each chunk waits until a second thread joined, so one thread cannot do them all.
    std::atomic_int distinct {0};
    parallelFor(
            64,
            [&](qsizetype) {
                {
                    const QMutexLocker locker(&lock);
                    threads.insert(QThread::currentThread());
                    distinct = int(threads.size());
                }
                while (distinct.load() < 2)
                    QThread::yieldCurrentThread();
            },
            options);
    QVERIFY(threads.size() >= 2);
    QVERIFY(threads.contains(QThread::currentThread())); // the caller helps
}

void tst_ParallelFor::serialBelowStaysOnTheCallingThread()
{
    ParallelOptions options;
    options.chunk = 1;
    options.serialBelow = 512;
    QSet<QThread *> threads;
    parallelFor(
            100, [&threads](qsizetype) { threads.insert(QThread::currentThread()); }, options);
    QCOMPARE(threads, QSet<QThread *>({QThread::currentThread()}));
}

void tst_ParallelFor::cancelStopsClaimingChunks()
{
    std::atomic_bool cancelled {false};
    std::atomic_int ran {0};
    ParallelOptions options;
    options.chunk = 10;
    options.cancelled = &cancelled;
    parallelFor(
            100000,
            [&](qsizetype) {
                if (ran.fetch_add(1) == 25)
                    cancelled = true;
            },
            options);
    // At most the chunks already claimed when the flag turned (one per thread) finish.
    QVERIFY(ran.load() < 100000);
    QVERIFY(ran.load() <= 30 + 10 * QThreadPool::globalInstance()->maxThreadCount());
}

void tst_ParallelFor::progressCountsEveryIndex()
{
    std::atomic<qsizetype> highest {0};
    std::atomic_int calls {0};
    ParallelOptions options;
    options.chunk = 100;
    options.progress = [&](qsizetype done) {
        calls.fetch_add(1);
        qsizetype seen = highest.load();
        while (done > seen && !highest.compare_exchange_weak(seen, done)) { }
    };
    parallelFor(
            1050, [](qsizetype) {}, options);
    QCOMPARE(highest.load(), qsizetype(1050));
    QCOMPARE(calls.load(), 11); // one per chunk
}

void tst_ParallelFor::exceptionIsRethrownToTheCaller()
{
    ParallelOptions options;
    options.chunk = 1;
    bool caught = false;
    try {
        parallelFor(
                1000,
                [](qsizetype i) {
                    if (i == 500)
                        throw std::runtime_error("bad line");
                },
                options);
    } catch (const std::runtime_error &e) {
        caught = QByteArray(e.what()) == "bad line";
    }
    QVERIFY(caught);
}

void tst_ParallelFor::insidePoolWorkDoesNotDeadlock()
{
    // Background work on the global pool that itself runs a parallel loop: every pool thread may
    // be busy, so the loop must not wait for one.
    std::vector<std::unique_ptr<BackgroundTask>> tasks;
    int done = 0;
    const int n = QThreadPool::globalInstance()->maxThreadCount() + 2;
    for (int t = 0; t < n; ++t) {
        tasks.push_back(std::make_unique<BackgroundTask>());
        tasks.back()->start(
                [](TaskControl &) {
                    std::atomic<qint64> sum {0};
                    parallelFor(10000, [&sum](qsizetype i) { sum += i; });
                    return sum.load();
                },
                [&done](qint64 sum) {
                    if (sum == qint64(10000) * 9999 / 2)
                        ++done;
                });
    }
    QTRY_COMPARE(done, n);
}

QTEST_GUILESS_MAIN(tst_ParallelFor)
#include "tst_parallelfor.moc"
