// SPDX-License-Identifier: GPL-3.0-or-later
#include "apiclient.h"
#include "cannedjobs.h"
#include "fakenetworkaccessmanager.h"
#include "jobwatcher.h"

#include <QSignalSpy>
#include <QTest>

using namespace fs;
using namespace fs::test; // the fake network and its canned answers

class tst_JobWatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backFillsOlderPagesThenFollowsOnlyNewEvents();
    void transientErrorsBackOffAndRecover();
    void unknownJobStopsWatching();
};

namespace {

QStringList idsOf(const QList<QVariant> &signalArguments)
{
    QStringList ids;
    for (const JobEvent &event : signalArguments.at(0).value<QList<JobEvent>>())
        ids << event.id;
    return ids;
}

} // namespace

void tst_JobWatcher::backFillsOlderPagesThenFollowsOnlyNewEvents()
{
    FakeNetworkAccessManager nam;
    ApiClient client(&nam, cannedConnection());
    // Cycle 1: three pages reach back to the first event, then the job.
    nam.enqueue(eventPage(250, 151, true));
    nam.enqueue(eventPage(150, 51, true));
    nam.enqueue(eventPage(50, 1, false));
    nam.enqueue(jobResponse(QStringLiteral("running")));
    // Cycle 2: the newest page overlaps what is known: no further page is read.
    nam.enqueue(eventPage(252, 153, true));
    nam.enqueue(jobResponse(QStringLiteral("succeeded")));
    // Cycle 3: the last event written with the terminal status, then the end (the job is
    // not read again: its terminal status is known).
    nam.enqueue(eventPage(253, 154, true));

    JobWatcher watcher(&client, QStringLiteral("ftjob-abc"));
    watcher.setIntervals(5, 5, 50);
    QSignalSpy added(&watcher, &JobWatcher::eventsAdded);
    QSignalSpy finished(&watcher, &JobWatcher::finished);
    watcher.start();
    QTRY_COMPARE(finished.count(), 1);

    QCOMPARE(added.count(), 3);
    const QStringList first = idsOf(added.at(0));
    QCOMPARE(first.size(), 250);
    QCOMPARE(first.first(), QStringLiteral("ftevent-1"));
    QCOMPARE(first.last(), QStringLiteral("ftevent-250"));
    QCOMPARE(idsOf(added.at(1)),
            (QStringList {QStringLiteral("ftevent-251"), QStringLiteral("ftevent-252")}));
    QCOMPARE(idsOf(added.at(2)), QStringList {QStringLiteral("ftevent-253")});
    QCOMPARE(watcher.eventLog().events().size(), 253);
    QCOMPARE(finished.at(0).at(0).value<FineTuningJob>().status, FineTuningJob::Status::Succeeded);

    // Exactly the requests needed: the back-fill used `after` with the oldest id of each page.
    const auto requests = nam.requests();
    QCOMPARE(requests.size(), 7);
    QVERIFY(requests.at(0).query().contains(QLatin1String("limit=100")));
    QVERIFY(!requests.at(0).query().contains(QLatin1String("after=")));
    QVERIFY(requests.at(1).query().contains(QLatin1String("after=ftevent-151")));
    QVERIFY(requests.at(2).query().contains(QLatin1String("after=ftevent-51")));
    QCOMPARE(requests.at(3).path(), QStringLiteral("/v1/fine_tuning/jobs/ftjob-abc"));
    QVERIFY(!requests.at(4).query().contains(QLatin1String("after=")));
    QCOMPARE(requests.at(5).path(), QStringLiteral("/v1/fine_tuning/jobs/ftjob-abc"));
    QVERIFY(requests.at(6).path().endsWith(QLatin1String("/events")));
    QVERIFY(!watcher.isRunning());
}

void tst_JobWatcher::transientErrorsBackOffAndRecover()
{
    FakeNetworkAccessManager nam;
    ApiClient client(&nam, cannedConnection());
    client.setRetryPolicy(noRetries());
    nam.enqueue(CannedResponse::apiError(503, QString(), QStringLiteral("Slow Down")));
    nam.enqueue(eventPage(2, 1, false));
    nam.enqueue(jobResponse(QStringLiteral("cancelled")));
    nam.enqueue(eventPage(2, 1, false));
    nam.enqueue(jobResponse(QStringLiteral("cancelled")));

    JobWatcher watcher(&client, QStringLiteral("ftjob-abc"));
    watcher.setIntervals(5, 5, 50);
    QSignalSpy failed(&watcher, &JobWatcher::pollFailed);
    QSignalSpy added(&watcher, &JobWatcher::eventsAdded);
    QSignalSpy finished(&watcher, &JobWatcher::finished);
    watcher.start();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.at(0).at(0).value<ApiError>().httpStatus, 503);
    QCOMPARE(failed.at(0).at(1).toBool(), true);
    QCOMPARE(added.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<FineTuningJob>().status, FineTuningJob::Status::Cancelled);
}

void tst_JobWatcher::unknownJobStopsWatching()
{
    FakeNetworkAccessManager nam;
    ApiClient client(&nam, cannedConnection());
    nam.enqueue(CannedResponse::apiError(
            404, QString(), QStringLiteral("Could not find fine-tuning job")));
    JobWatcher watcher(&client, QStringLiteral("ftjob-missing"));
    watcher.setIntervals(5, 5, 50);
    QSignalSpy failed(&watcher, &JobWatcher::pollFailed);
    watcher.start();
    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(failed.at(0).at(1).toBool(), false);
    QVERIFY(!watcher.isRunning());
    QTest::qWait(50); // nothing to wait for: proves no second request
    QCOMPARE(nam.requestCount(), 1);
}

QTEST_GUILESS_MAIN(tst_JobWatcher)
#include "tst_jobwatcher.moc"
