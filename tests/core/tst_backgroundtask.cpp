// SPDX-License-Identifier: GPL-3.0-or-later
#include "backgroundtask.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <memory>
#include <stdexcept>

using namespace fs;

class tst_BackgroundTask : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resultArrivesOnTheCallersThread();
    void resultArrivesOnTheThreadTheTaskLivesIn();
    void voidWorkCallsDone();
    void progressIsReported();
    void cancelStopsTheWorkAndDropsTheResult();
    void restartDeliversOnlyTheLatest();
    void exceptionBecomesFailed();
    void outOfMemoryIsSaidPlainly();
    void manyTasksAllDeliver();
    void destructorWaitsForTheWork();
    void waitForFinishedBlocksUntilTheWorkReturned();
};

void tst_BackgroundTask::resultArrivesOnTheCallersThread()
{
    BackgroundTask task;
    QThread *workThread = nullptr;
    QThread *doneThread = nullptr;
    int result = 0;
    QSignalSpy finished(&task, &BackgroundTask::finished);
    task.start(
            [&workThread](TaskControl &) {
                workThread = QThread::currentThread();
                return 6 * 7;
            },
            [&](int value) {
                doneThread = QThread::currentThread();
                result = value;
            });
    QVERIFY(task.isRunning());
    QVERIFY(finished.wait());
    QCOMPARE(result, 42);
    QCOMPARE(doneThread, QThread::currentThread());
    QVERIFY(workThread != nullptr);
    QVERIFY(workThread != QThread::currentThread());
    QVERIFY(!task.isRunning());
    QCOMPARE(finished.count(), 1);
}

void tst_BackgroundTask::resultArrivesOnTheThreadTheTaskLivesIn()
{
    // A task owned by an object in another thread delivers there, not in the GUI thread.
    QThread owner;
    auto *task = new BackgroundTask;
    task->moveToThread(&owner);
    connect(&owner, &QThread::finished, task, &QObject::deleteLater);
    owner.start();
    std::atomic<QThread *> doneThread {nullptr};
    QMetaObject::invokeMethod(task, [task, &doneThread] {
        task->start([](TaskControl &) { return QStringLiteral("ok"); },
                [&doneThread](const QString &value) {
                    if (value == QLatin1String("ok"))
                        doneThread = QThread::currentThread();
                });
    });
    QTRY_COMPARE(doneThread.load(), &owner);
    owner.quit();
    QVERIFY(owner.wait());
}

void tst_BackgroundTask::voidWorkCallsDone()
{
    BackgroundTask task;
    std::atomic_bool ran {false};
    bool done = false;
    task.start([&ran](TaskControl &) { ran = true; }, [&done] { done = true; });
    QTRY_VERIFY(done);
    QVERIFY(ran);
}

void tst_BackgroundTask::progressIsReported()
{
    BackgroundTask task;
    QSemaphore reported;
    QSemaphore release;
    QSignalSpy progress(&task, &BackgroundTask::progress);
    bool done = false;
    task.start(
            [&](TaskControl &control) {
                control.setProgress(3, 10);
                reported.release();
                release.acquire();
                control.setProgress(10, 10);
                return 10;
            },
            [&done](int) { done = true; });
    QVERIFY(reported.tryAcquire(1, 10000));
    // The work is held at 3 of 10 until the test has seen that figure.
    QTRY_VERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toLongLong(), 3);
    QCOMPARE(progress.last().at(1).toLongLong(), 10);
    QCOMPARE(task.control()->done(), 3);
    release.release();
    QTRY_VERIFY(done);
    // The final figure is reported before the result, once.
    QCOMPARE(progress.last().at(0).toLongLong(), 10);
    QCOMPARE(progress.count(), 2);
}

void tst_BackgroundTask::cancelStopsTheWorkAndDropsTheResult()
{
    BackgroundTask task;
    QSemaphore started;
    std::atomic_bool sawCancel {false};
    bool delivered = false;
    QSignalSpy finished(&task, &BackgroundTask::finished);
    task.start(
            [&](TaskControl &control) {
                started.release();
                while (!control.isCancelled())
                    QThread::yieldCurrentThread();
                sawCancel = true;
                return 1;
            },
            [&delivered](int) { delivered = true; });
    QVERIFY(started.tryAcquire(1, 10000));
    task.cancel();
    QVERIFY(!task.isRunning());
    task.waitForFinished();
    QVERIFY(sawCancel);
    // Let the run's end reach the event loop: nothing is delivered.
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents();
    QVERIFY(!delivered);
    QCOMPARE(finished.count(), 0);
}

void tst_BackgroundTask::restartDeliversOnlyTheLatest()
{
    BackgroundTask task;
    QSemaphore release;
    QList<int> delivered;
    QSignalSpy finished(&task, &BackgroundTask::finished);
    for (int i = 0; i < 5; ++i) {
        task.start(
                [i, &release](TaskControl &control) {
                    // Every run but the last is held until it was replaced.
                    if (i < 4)
                        release.acquire();
                    return control.isCancelled() ? -i : i;
                },
                [&delivered](int value) { delivered.append(value); });
    }
    release.release(4);
    QVERIFY(finished.wait());
    task.waitForFinished();
    QCoreApplication::processEvents();
    QCOMPARE(delivered, QList<int>({4}));
    QCOMPARE(finished.count(), 1);
}

void tst_BackgroundTask::exceptionBecomesFailed()
{
    BackgroundTask task;
    QSignalSpy failed(&task, &BackgroundTask::failed);
    QSignalSpy finished(&task, &BackgroundTask::finished);
    bool delivered = false;
    task.start([](TaskControl &) -> int { throw std::runtime_error("the disk went away"); },
            [&delivered](int) { delivered = true; });
    QVERIFY(finished.wait());
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.first().first().toString(), QStringLiteral("the disk went away"));
    QVERIFY(!delivered);
    QVERIFY(!task.isRunning());
}

void tst_BackgroundTask::outOfMemoryIsSaidPlainly()
{
    BackgroundTask task;
    QSignalSpy failed(&task, &BackgroundTask::failed);
    task.start([](TaskControl &) { throw std::bad_alloc(); }, [] {});
    QVERIFY(failed.wait());
    QCOMPARE(failed.first().first().toString(),
            QStringLiteral("There is not enough memory for this."));
}

void tst_BackgroundTask::manyTasksAllDeliver()
{
    // Far more tasks than pool threads: each delivers its own result exactly once.
    constexpr int kTasks = 200;
    std::vector<std::unique_ptr<BackgroundTask>> tasks;
    QList<int> results(kTasks, -1);
    int delivered = 0;
    for (int t = 0; t < kTasks; ++t) {
        tasks.push_back(std::make_unique<BackgroundTask>());
        tasks.back()->start(
                [t](TaskControl &) {
                    qint64 sum = 0;
                    for (int i = 0; i <= t * 100; ++i)
                        sum += i;
                    return int(sum % 100003);
                },
                [t, &results, &delivered](int value) {
                    QCOMPARE(results.at(t), -1);
                    results[t] = value;
                    ++delivered;
                });
    }
    QTRY_COMPARE(delivered, kTasks);
    for (int t = 0; t < kTasks; ++t) {
        const qint64 n = qint64(t) * 100;
        QCOMPARE(results.at(t), int((n * (n + 1) / 2) % 100003));
    }
}

void tst_BackgroundTask::destructorWaitsForTheWork()
{
    auto finishedWork = std::make_shared<std::atomic_bool>(false);
    QSemaphore started;
    {
        BackgroundTask task;
        task.start(
                [finishedWork, &started](TaskControl &control) {
                    started.release();
                    while (!control.isCancelled())
                        QThread::yieldCurrentThread();
                    *finishedWork = true;
                },
                [] {});
        QVERIFY(started.tryAcquire(1, 10000));
    }
    QVERIFY(finishedWork->load());
}

void tst_BackgroundTask::waitForFinishedBlocksUntilTheWorkReturned()
{
    BackgroundTask task;
    std::atomic_int value {0};
    int delivered = 0;
    // Each run ends on its own; waiting covers the replaced run as well as the latest.
    task.start(
            [&value](TaskControl &) {
                value += 1;
                return 1;
            },
            [&delivered](int v) { delivered = v; });
    task.start(
            [&value](TaskControl &) {
                value += 10;
                return 2;
            },
            [&delivered](int v) { delivered = v; });
    task.waitForFinished();
    QCOMPARE(value.load(), 11);
    QTRY_COMPARE(delivered, 2);
}

QTEST_GUILESS_MAIN(tst_BackgroundTask)
#include "tst_backgroundtask.moc"
