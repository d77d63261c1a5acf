// SPDX-License-Identifier: GPL-3.0-or-later
#include "apiclient.h"
#include "cannedjobs.h"
#include "fakenetworkaccessmanager.h"
#include "faketogether.h"
#include "jobeventmodel.h"
#include "jobformrules.h"
#include "jobhistory.h"
#include "jobtexts.h"
#include "jobtracker.h"
#include "providerclient.h"
#include "sandboxserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fs;
using namespace fs::test; // the fake network and its canned answers

class tst_JobTracker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Against canned answers
    void firstWatchBackFillsThenReadsOnlyTheNewestPage();
    void overlappingPagesKeepEachEventOnce();
    void restartWithHistoryBackFillsTheGapWithAfter();
    void statusTransitionsIncludingPausedAndUnknown();
    void errorAsEmptyObjectIsNoError();
    void quietCyclesReadTheJobOnlyAsAFallback();
    void pollNowDuringACycleIsNotLost();
    void transientErrorsBackOffFinalOnesStop();
    void severalJobsAreFollowedIndependently();
    // The watch budget (issue 13): through brief outages, but not forever
    void wrongShapesInARowStopWithASentence();
    void outagesStopLaterAndKeepTryingStartsAfresh();
    void noGoodAnswerForTooLongStops();
    // Against the sandbox
    void sandboxJobWithValidationRunsToSuccess();
    void sandboxBadFileFailsWithItsErrorEvent();
    void sandboxTrainingNotAvailableInPlainWords();
    void sandboxPauseResumeAndCancel();
    void sandboxSteadyStateCostsOneRequestPerJobPerInterval();
    // Together AI: metrics from /fine-tunes/{id}/metrics
    void togetherStatusWordsAndOnlyNewSteps();
    void togetherTerminalWordsInPlainWords_data();
    void togetherTerminalWordsInPlainWords();
    void togetherSandboxJobRunsToCompletedWithMetrics();
};

namespace {

const QString kJob = fs::test::kCannedJob;
const QString kModel = fs::test::kCannedModel;

TrackerIntervals fastIntervals()
{
    TrackerIntervals intervals;
    intervals.runningMs = 5;
    intervals.waitingMs = 5;
    intervals.maxBackoffMs = 50;
    return intervals;
}

QStringList idsOf(const QList<JobEvent> &events)
{
    QStringList ids;
    for (const JobEvent &e : events)
        ids << e.id;
    return ids;
}

QList<JobEvent> addedEvents(const QSignalSpy &spy)
{
    QList<JobEvent> all;
    for (const auto &arguments : spy)
        all += arguments.at(1).value<QList<JobEvent>>();
    return all;
}

int countPaths(const FakeNetworkAccessManager &nam, const QString &suffix)
{
    int n = 0;
    for (const auto &request : nam.requests())
        n += request.path().endsWith(suffix) ? 1 : 0;
    return n;
}

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(FS_TEST_DATA_DIR "/sandbox/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture");
    return file.readAll();
}

/// Waits for an ApiReply and returns it (owned by the caller from then on).
ApiReply *await(ApiReply *reply)
{
    reply->setAutoDelete(false);
    if (!reply->isFinished()) {
        QSignalSpy done(reply, &ApiReply::finished);
        done.wait(10000);
    }
    return reply;
}

QString uploaded(ApiClient &client, const QString &name)
{
    std::unique_ptr<ApiReply> reply(await(client.uploadFile(name, fixture(name))));
    return reply->json().value(QLatin1String("id")).toString();
}

} // namespace

// ---- canned answers ---------------------------------------------------------------------------

void tst_JobTracker::firstWatchBackFillsThenReadsOnlyTheNewestPage()
{
    FakeNetworkAccessManager nam;
    ApiClient client(&nam, cannedConnection());
    nam.route("GET", QStringLiteral("/fine_tuning/jobs/") + kJob, jobResponse("running"));
    // Cycle 1: three pages reach back to the first event.
    nam.enqueue(eventPage(250, 151, true));
    nam.enqueue(eventPage(150, 51, true));
    nam.enqueue(eventPage(50, 1, false));
    // Cycles 2 and 3: metrics only, overlapping the known events: one request each.
    nam.enqueue(eventPage(253, 154, true, QStringLiteral("metrics")));
    nam.enqueue(eventPage(253, 154, true, QStringLiteral("metrics")));
    nam.setFallback(eventPage(253, 154, true, QStringLiteral("metrics")));

    JobTracker tracker(&client);
    TrackerIntervals intervals = fastIntervals();
    intervals.runningMs = 20;
    intervals.jobRefreshEvery = 1000;
    tracker.setIntervals(intervals);
    QSignalSpy added(&tracker, &JobTracker::eventsAdded);
    tracker.watch(kJob);
    QTRY_VERIFY(tracker.cycleCount(kJob) >= 3);
    tracker.unwatch(kJob);

    const QList<JobEvent> all = addedEvents(added);
    QCOMPARE(all.size(), 253);
    QCOMPARE(all.first().id, QStringLiteral("ftevent-1"));
    QCOMPARE(all.at(249).id, QStringLiteral("ftevent-250"));
    QCOMPARE(idsOf(all.mid(250)),
            (QStringList {QStringLiteral("ftevent-251"), QStringLiteral("ftevent-252"),
                    QStringLiteral("ftevent-253")}));
    const auto requests = nam.requests();
    QVERIFY(!requests.at(0).query().contains(QLatin1String("after=")));
    QVERIFY(requests.at(0).query().contains(QLatin1String("limit=100")));
    QVERIFY(requests.at(1).query().contains(QLatin1String("after=ftevent-151")));
    QVERIFY(requests.at(2).query().contains(QLatin1String("after=ftevent-51")));
    QCOMPARE(requests.at(3).path(), QStringLiteral("/v1/fine_tuning/jobs/ftjob-abc"));
    // After the first cycle: one events request per cycle, no job reads, no back-fill.
    for (int i = 4; i < requests.size(); ++i) {
        QVERIFY2(requests.at(i).path().endsWith(QLatin1String("/events")),
                qPrintable(requests.at(i).path()));
        QVERIFY(!requests.at(i).query().contains(QLatin1String("after=")));
    }
    QCOMPARE(countPaths(nam, QStringLiteral("/ftjob-abc")), 1);
    QCOMPARE(tracker.job(kJob).status, FineTuningJob::Status::Running);
    // The metrics of the events are in the series (steps 251..253).
    QCOMPARE(tracker.metrics(kJob)->series().size(), 3);
    QCOMPARE(tracker.metrics(kJob)->series().totalSteps(), 1000);
}

void tst_JobTracker::overlappingPagesKeepEachEventOnce()
{
    FakeNetworkAccessManager nam;
    ApiClient client(&nam, cannedConnection());
    nam.route("GET", QStringLiteral("/fine_tuning/jobs/") + kJob, jobResponse("succeeded"));
    // Event 8 arrived between page 1 and page 2, so 6 shows up on both pages; event 3 is
    // repeated inside one page.
    nam.enqueue(eventPage(8, 6, true));
    nam.enqueue(eventPage(6, 1, false, QStringLiteral("message"), {3}));
    // The final cycle repeats what is known.
    nam.setFallback(eventPage(8, 1, false));

    JobTracker tracker(&client);
    tracker.setIntervals(fastIntervals());
    tracker.setFetchResultsAtEnd(false);
    QSignalSpy added(&tracker, &JobTracker::eventsAdded);
    QSignalSpy finished(&tracker, &JobTracker::finished);
    tracker.watch(kJob);
    QTRY_COMPARE(finished.count(), 1);
    const QList<JobEvent> all = addedEvents(added);
    QCOMPARE(all.size(), 8);
    QCOMPARE(idsOf(all), idsOf(tracker.eventLog(kJob)->events()));
    for (int i = 0; i < 8; ++i)
        QCOMPARE(all.at(i).id, QStringLiteral("ftevent-%1").arg(i + 1));
    QVERIFY(!tracker.isWatching(kJob));
    QVERIFY(tracker.isKnown(kJob));
}

void tst_JobTracker::restartWithHistoryBackFillsTheGapWithAfter()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    {
        // The first session saw events 1..50 and the job running.
        FakeNetworkAccessManager nam;
        ApiClient client(&nam, cannedConnection());
        nam.route("GET", QStringLiteral("/fine_tuning/jobs/") + kJob, jobResponse("running"));
        nam.setFallback(eventPage(50, 1, false, QStringLiteral("metrics")));
        JobHistory history(QStringLiteral("conn"));
        QVERIFY(history.open(path));
        JobTracker tracker(&client);
        tracker.setHistory(&history);
        tracker.setIntervals(fastIntervals());
        tracker.watch(kJob);
        QTRY_VERIFY(tracker.cycleCount(kJob) >= 1);
        tracker.unwatch(kJob);
        QCOMPARE(history.eventCount(kJob), 50);
        QCOMPARE(history.metrics(kJob).size(), 50);
    }
    // The app was away while events 51..250 were written.
    FakeNetworkAccessManager nam;
    ApiClient client(&nam, cannedConnection());
    nam.route("GET", QStringLiteral("/fine_tuning/jobs/") + kJob, jobResponse("running"));
    nam.enqueue(eventPage(250, 151, true, QStringLiteral("metrics")));
    nam.enqueue(eventPage(150, 51, true, QStringLiteral("metrics")));
    nam.enqueue(eventPage(50, 1, false, QStringLiteral("metrics")));
    nam.setFallback(eventPage(250, 151, true, QStringLiteral("metrics")));
    JobHistory history(QStringLiteral("conn"));
    QVERIFY(history.open(path));
    JobTracker tracker(&client);
    tracker.setHistory(&history);
    tracker.setIntervals(fastIntervals());
    QSignalSpy added(&tracker, &JobTracker::eventsAdded);
    tracker.watch(kJob);
    // What the history held is there before any answer.
    QCOMPARE(tracker.eventLog(kJob)->events().size(), 50);
    QCOMPARE(tracker.metrics(kJob)->series().size(), 50);
    QCOMPARE(tracker.job(kJob).status, FineTuningJob::Status::Running);
    QTRY_VERIFY(tracker.cycleCount(kJob) >= 1);
    tracker.unwatch(kJob);

    const QList<JobEvent> all = addedEvents(added);
    QCOMPARE(all.size(), 200); // 51..250, none of the known ones again
    QCOMPARE(all.first().id, QStringLiteral("ftevent-51"));
    QCOMPARE(all.last().id, QStringLiteral("ftevent-250"));
    const auto requests = nam.requests();
    QVERIFY(requests.at(1).query().contains(QLatin1String("after=ftevent-151")));
    QVERIFY(requests.at(2).query().contains(QLatin1String("after=ftevent-51")));
    QCOMPARE(tracker.eventLog(kJob)->events().size(), 250);
    QCOMPARE(tracker.metrics(kJob)->series().size(), 250);
    QCOMPARE(history.eventCount(kJob), 250);
    QCOMPARE(history.metrics(kJob).size(), 250);
}

void tst_JobTracker::statusTransitionsIncludingPausedAndUnknown()
{
    FakeNetworkAccessManager nam;
    ApiClient client(&nam, cannedConnection());
    // Each cycle brings a message event, so each cycle reads the job.
    const QStringList statuses {QStringLiteral("validating_files"), QStringLiteral("running"),
            QStringLiteral("paused"), QStringLiteral("frobnicating"), QStringLiteral("running"),
            QStringLiteral("succeeded")};
    for (int i = 0; i < statuses.size(); ++i) {
        nam.enqueue(eventPage(i + 1, 1, false));
        nam.enqueue(jobResponse(statuses.at(i)));
    }
    nam.setFallback(eventPage(statuses.size(), 1, false));
    JobTracker tracker(&client);
    tracker.setIntervals(fastIntervals());
    tracker.setFetchResultsAtEnd(false);
    QSignalSpy changed(&tracker, &JobTracker::statusChanged);
    QSignalSpy finished(&tracker, &JobTracker::finished);
    QSignalSpy failed(&tracker, &JobTracker::pollFailed);
    tracker.watch(kJob);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(failed.count(), 0);
    QList<FineTuningJob::Status> seen;
    for (const auto &arguments : changed)
        seen << arguments.at(2).value<FineTuningJob::Status>();
    QCOMPARE(seen,
            (QList<FineTuningJob::Status> {FineTuningJob::Status::ValidatingFiles,
                    FineTuningJob::Status::Running, FineTuningJob::Status::Paused,
                    FineTuningJob::Status::Unknown, FineTuningJob::Status::Running,
                    FineTuningJob::Status::Succeeded}));
    QCOMPARE(changed.at(2).at(1).value<FineTuningJob::Status>(), FineTuningJob::Status::Running);
    // The unknown status kept its text and did not end the watch.
    QCOMPARE(finished.at(0).at(0).value<FineTuningJob>().status, FineTuningJob::Status::Succeeded);
}

void tst_JobTracker::errorAsEmptyObjectIsNoError()
{
    for (const QJsonValue &error : {QJsonValue(QJsonObject()),
                 QJsonValue(QJsonObject {{QStringLiteral("code"), QJsonValue::Null},
                         {QStringLiteral("message"), QJsonValue::Null},
                         {QStringLiteral("param"), QJsonValue::Null}}),
                 QJsonValue(QJsonValue::Null)}) {
        FakeNetworkAccessManager nam;
        ApiClient client(&nam, cannedConnection());
        nam.route("GET", QStringLiteral("/fine_tuning/jobs/") + kJob,
                jobResponse(QStringLiteral("cancelled"), error));
        nam.setFallback(eventPage(2, 1, false));
        JobTracker tracker(&client);
        tracker.setIntervals(fastIntervals());
        QSignalSpy finished(&tracker, &JobTracker::finished);
        tracker.watch(kJob);
        QTRY_COMPARE(finished.count(), 1);
        const FineTuningJob job = finished.at(0).at(0).value<FineTuningJob>();
        QCOMPARE(job.status, FineTuningJob::Status::Cancelled);
        QVERIFY(!job.error);
    }
}

void tst_JobTracker::quietCyclesReadTheJobOnlyAsAFallback()
{
    FakeNetworkAccessManager nam;
    ApiClient client(&nam, cannedConnection());
    nam.route("GET", QStringLiteral("/fine_tuning/jobs/") + kJob, jobResponse("running"));
    nam.setFallback(eventPage(10, 1, false, QStringLiteral("metrics")));
    JobTracker tracker(&client);
    TrackerIntervals intervals = fastIntervals();
    intervals.jobRefreshEvery = 4;
    tracker.setIntervals(intervals);
    tracker.watch(kJob);
    QTRY_VERIFY(tracker.cycleCount(kJob) >= 13);
    tracker.unwatch(kJob);
    const int cycles = tracker.cycleCount(kJob);
    const int jobReads = countPaths(nam, QStringLiteral("/ftjob-abc"));
    const int eventReads = countPaths(nam, QStringLiteral("/events"));
    // The first cycle reads the job, then every 4th quiet cycle.
    QVERIFY2(jobReads >= 1 + (cycles - 1) / 4 - 1 && jobReads <= 1 + (cycles - 1) / 4 + 1,
            qPrintable(QStringLiteral("%1 job reads in %2 cycles").arg(jobReads).arg(cycles)));
    QVERIFY(eventReads >= cycles);
    QCOMPARE(tracker.requestCount(kJob), nam.requestCount());
}

void tst_JobTracker::pollNowDuringACycleIsNotLost()
{
    FakeNetworkAccessManager nam;
    ApiClient client(&nam, cannedConnection());
    nam.route("GET", QStringLiteral("/fine_tuning/jobs/") + kJob, jobResponse("running"));
    nam.setFallback(eventPage(10, 1, false, QStringLiteral("metrics")));
    JobTracker tracker(&client);
    TrackerIntervals intervals = fastIntervals();
    intervals.runningMs = intervals.waitingMs = 600000; // only pollNow() moves it on
    tracker.setIntervals(intervals);
    tracker.watch(kJob);
    QTRY_COMPARE(tracker.cycleCount(kJob), 1);
    const int jobReads = countPaths(nam, QStringLiteral("/ftjob-abc"));
    // A pause starts a cycle that reads the job; a resume while it runs must not be lost: its
    // answer may predate the resume.
    tracker.pollNow(kJob);
    tracker.pollNow(kJob);
    QTRY_COMPARE(countPaths(nam, QStringLiteral("/ftjob-abc")), jobReads + 2);
    QTRY_COMPARE(tracker.cycleCount(kJob), 3);
    QTest::qWait(50); // nothing to wait for: proves no third read follows
    QCOMPARE(countPaths(nam, QStringLiteral("/ftjob-abc")), jobReads + 2);
}

void tst_JobTracker::transientErrorsBackOffFinalOnesStop()
{
    FakeNetworkAccessManager nam;
    ApiClient client(&nam, cannedConnection());
    client.setRetryPolicy(noRetries());
    nam.enqueue(CannedResponse::apiError(503, QString(), QStringLiteral("Slow Down")));
    nam.enqueue(eventPage(2, 1, false));
    nam.enqueue(jobResponse(QStringLiteral("running")));
    nam.enqueue(CannedResponse::apiError(404, QString(), QStringLiteral("No such job")));
    JobTracker tracker(&client);
    tracker.setIntervals(fastIntervals());
    QSignalSpy failed(&tracker, &JobTracker::pollFailed);
    tracker.watch(kJob);
    QTRY_COMPARE(failed.count(), 2);
    QCOMPARE(failed.at(0).at(1).value<ApiError>().httpStatus, 503);
    QCOMPARE(failed.at(0).at(2).toBool(), true);
    QCOMPARE(failed.at(1).at(1).value<ApiError>().httpStatus, 404);
    QCOMPARE(failed.at(1).at(2).toBool(), false);
    QVERIFY(!tracker.isWatching(kJob));
    QTest::qWait(60); // nothing to wait for: proves no request follows the final error
    QCOMPARE(nam.requestCount(), 4);
    QCOMPARE(tracker.eventLog(kJob)->events().size(), 2);
}

void tst_JobTracker::severalJobsAreFollowedIndependently()
{
    FakeNetworkAccessManager nam;
    ApiClient client(&nam, cannedConnection());
    nam.route("GET", QStringLiteral("/fine_tuning/jobs/ftjob-a"),
            jobResponse(QStringLiteral("succeeded"), QJsonValue::Null, QStringLiteral("ftjob-a")));
    nam.route("GET", QStringLiteral("/fine_tuning/jobs/ftjob-b"),
            jobResponse(QStringLiteral("running"), QJsonValue::Null, QStringLiteral("ftjob-b")));
    nam.route("GET", QStringLiteral("/fine_tuning/jobs/ftjob-a/events"), eventPage(3, 1, false));
    nam.route("GET", QStringLiteral("/fine_tuning/jobs/ftjob-b/events"),
            eventPage(5, 1, false, QStringLiteral("metrics")));
    JobTracker tracker(&client);
    tracker.setIntervals(fastIntervals());
    tracker.setFetchResultsAtEnd(false);
    QSignalSpy finished(&tracker, &JobTracker::finished);
    tracker.watch(QStringLiteral("ftjob-a"));
    tracker.watch(QStringLiteral("ftjob-b"));
    QCOMPARE(tracker.watchedJobs(),
            (QStringList {QStringLiteral("ftjob-a"), QStringLiteral("ftjob-b")}));
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<FineTuningJob>().id, QStringLiteral("ftjob-a"));
    QVERIFY(tracker.isWatching(QStringLiteral("ftjob-b")));
    QCOMPARE(tracker.eventLog(QStringLiteral("ftjob-a"))->events().size(), 3);
    QCOMPARE(tracker.metrics(QStringLiteral("ftjob-b"))->series().size(), 5);
    QVERIFY(tracker.metrics(QStringLiteral("ftjob-a"))->series().isEmpty());
    tracker.forget(QStringLiteral("ftjob-b"));
    QVERIFY(!tracker.isKnown(QStringLiteral("ftjob-b")));
    QVERIFY(tracker.watchedJobs().isEmpty());
}

// ---- the watch budget -------------------------------------------------------------------------

namespace {

ApiClient *budgetClient(FakeNetworkAccessManager *nam, int failures, int wrong, int quietMs)
{
    auto *client = new ApiClient(nam, cannedConnection(), nam);
    client->setRetryPolicy(noRetries());
    ApiLimits limits = client->limits();
    limits.watchFailures = failures;
    limits.watchWrongAnswers = wrong;
    limits.watchQuietMs = quietMs;
    client->setLimits(limits);
    return client;
}

} // namespace

void tst_JobTracker::wrongShapesInARowStopWithASentence()
{
    FakeNetworkAccessManager nam;
    ApiClient *client = budgetClient(&nam, 10, 3, 600000);
    const CannedResponse html =
            CannedResponse::json(200, "<!DOCTYPE html><html><body>Sign in</body></html>");
    // Two web pages, a good cycle, then web pages: only three in a row end the watch.
    nam.enqueue(html);
    nam.enqueue(html);
    nam.enqueue(eventPage(2, 1, false));
    nam.enqueue(jobResponse(QStringLiteral("running")));
    nam.setFallback(html);
    JobTracker tracker(client);
    tracker.setIntervals(fastIntervals());
    QSignalSpy failed(&tracker, &JobTracker::pollFailed);
    QSignalSpy gaveUp(&tracker, &JobTracker::gaveUp);
    tracker.watch(kJob);
    QTRY_COMPARE(gaveUp.count(), 1);
    QVERIFY(!tracker.isWatching(kJob));
    QCOMPARE(failed.count(), 4); // each said "trying again"
    for (const auto &arguments : std::as_const(failed))
        QVERIFY(arguments.at(2).toBool());
    QCOMPARE(tracker.job(kJob).status, FineTuningJob::Status::Running);
    const QString sentence = gaveUp.at(0).at(2).toString();
    QVERIFY2(sentence.contains(QLatin1String("sent a web page instead of data")),
            qPrintable(sentence));
    QVERIFY2(sentence.endsWith(QLatin1String("Stopped watching after 3 failed checks in a row.")),
            qPrintable(sentence));
    QCOMPARE(gaveUp.at(0).at(1).value<ApiError>().code, QStringLiteral("html_answer"));
    QCOMPARE(tracker.gaveUpSentence(kJob), sentence);
    const int requests = nam.requestCount();
    QTest::qWait(60); // nothing to wait for: proves no request follows giving up
    QCOMPARE(nam.requestCount(), requests); // stopped for good

    // A job whose status is null is a wrong shape too, not a silent "unknown" forever.
    FakeNetworkAccessManager nam2;
    ApiClient *client2 = budgetClient(&nam2, 10, 2, 600000);
    nam2.route("GET", QStringLiteral("/fine_tuning/jobs/") + kJob,
            CannedResponse::json(200, R"({"id":"ftjob-abc","status":null})"));
    nam2.setFallback(eventPage(2, 1, false));
    JobTracker tracker2(client2);
    tracker2.setIntervals(fastIntervals());
    QSignalSpy gaveUp2(&tracker2, &JobTracker::gaveUp);
    tracker2.watch(kJob);
    QTRY_COMPARE(gaveUp2.count(), 1);
    QVERIFY2(gaveUp2.at(0).at(2).toString().contains(
                     QStringLiteral("“status” is missing or not text")),
            qPrintable(gaveUp2.at(0).at(2).toString()));
}

void tst_JobTracker::outagesStopLaterAndKeepTryingStartsAfresh()
{
    FakeNetworkAccessManager nam;
    ApiClient *client = budgetClient(&nam, 4, 2, 600000);
    nam.setFallback(CannedResponse::apiError(503, QString(), QStringLiteral("Slow Down")));
    JobTracker tracker(client);
    tracker.setIntervals(fastIntervals());
    QSignalSpy failed(&tracker, &JobTracker::pollFailed);
    QSignalSpy gaveUp(&tracker, &JobTracker::gaveUp);
    QSignalSpy updated(&tracker, &JobTracker::jobUpdated);
    tracker.watch(kJob);
    // Waiting may cure a 503: four checks (not two) before it stops.
    QTRY_COMPARE(gaveUp.count(), 1);
    QCOMPARE(failed.count(), 3);
    QVERIFY2(gaveUp.at(0).at(2).toString().contains(
                     QLatin1String("having problems right now. Try again in a few minutes. "
                                   "Stopped watching after 4 failed checks in a row.")),
            qPrintable(gaveUp.at(0).at(2).toString()));
    QVERIFY(!tracker.isWatching(kJob));

    // The service is back; "Keep trying" starts a fresh watch of every job that gave up.
    nam.route("GET", QStringLiteral("/fine_tuning/jobs/") + kJob, jobResponse("running"));
    nam.setFallback(eventPage(3, 1, false));
    tracker.keepTrying();
    QVERIFY(tracker.isWatching(kJob));
    QVERIFY(tracker.gaveUpSentence(kJob).isEmpty());
    QTRY_VERIFY(updated.count() >= 1);
    QTRY_VERIFY(tracker.cycleCount(kJob) >= 3);
    QCOMPARE(gaveUp.count(), 1);
    QCOMPARE(tracker.eventLog(kJob)->events().size(), 3);
}

void tst_JobTracker::noGoodAnswerForTooLongStops()
{
    FakeNetworkAccessManager nam;
    // However many failures the budget allows, 300 ms without a good answer is too long here.
    ApiClient *client = budgetClient(&nam, 1000000, 1000000, 300);
    nam.setFallback(CannedResponse::apiError(
            429, QStringLiteral("rate_limit_exceeded"), QStringLiteral("Rate limit reached")));
    JobTracker tracker(client);
    tracker.setIntervals(fastIntervals());
    QSignalSpy gaveUp(&tracker, &JobTracker::gaveUp);
    QElapsedTimer clock;
    clock.start();
    tracker.watch(kJob);
    QTRY_COMPARE(gaveUp.count(), 1);
    QVERIFY(clock.elapsed() >= 300);
    QVERIFY2(gaveUp.at(0).at(2).toString().endsWith(
                     QLatin1String("Stopped watching: no good answer for 1 second.")),
            qPrintable(gaveUp.at(0).at(2).toString()));
    QVERIFY(gaveUp.at(0).at(2).toString().startsWith(QLatin1String("Too many requests")));
}

// ---- the sandbox ------------------------------------------------------------------------------

void tst_JobTracker::sandboxJobWithValidationRunsToSuccess()
{
    sandbox::SandboxOptions options;
    options.timeScale = 0.01;
    sandbox::SandboxServer server(options);
    QVERIFY(server.start());
    QNetworkAccessManager nam;
    Connection connection;
    connection.kind = Connection::Kind::Sandbox;
    connection.baseUrl = server.baseUrl();
    ApiClient client(&nam, connection);
    const QString training = uploaded(client, QStringLiteral("train_good.jsonl"));
    const QString validation = uploaded(client, QStringLiteral("valid_good.jsonl"));
    QVERIFY(training.startsWith(QLatin1String("file-")));
    CreateJobRequest request;
    request.model = kModel;
    request.trainingFile = training;
    request.validationFile = validation;
    std::unique_ptr<ApiReply> created(await(client.createJob(request)));
    QVERIFY2(created->ok(), qPrintable(created->error().technicalSummary()));
    const QString jobId = created->json().value(QLatin1String("id")).toString();

    QTemporaryDir dir;
    JobHistory history(QStringLiteral("sandbox"));
    QVERIFY(history.open(dir.filePath(QStringLiteral("h.sqlite"))));
    JobTracker tracker(&client);
    tracker.setHistory(&history);
    TrackerIntervals intervals;
    intervals.runningMs = 30;
    intervals.waitingMs = 30;
    tracker.setIntervals(intervals);
    QSignalSpy added(&tracker, &JobTracker::eventsAdded);
    QSignalSpy finished(&tracker, &JobTracker::finished);
    QSignalSpy checkpoints(&tracker, &JobTracker::checkpointsUpdated);
    // Every metrics step the events carried, with what they carried, as they arrived.
    QMap<int, QJsonObject> fromEvents;
    bool seriesHadEventSteps = true;
    connect(&tracker, &JobTracker::eventsAdded, this,
            [&](const QString &id, const QList<JobEvent> &events) {
                for (const JobEvent &e : events) {
                    if (e.type == QLatin1String("metrics"))
                        fromEvents.insert(e.data.value(QLatin1String("step")).toInt(), e.data);
                }
                const MetricsSeries &series = tracker.metrics(id)->series();
                for (auto it = fromEvents.cbegin(); it != fromEvents.cend(); ++it)
                    seriesHadEventSteps = seriesHadEventSteps && series.indexOfStep(it.key()) >= 0;
            });
    tracker.watch(jobId);
    QVERIFY(finished.wait(30000) || finished.count() == 1);
    QCOMPARE(finished.count(), 1);
    const FineTuningJob job = finished.at(0).at(0).value<FineTuningJob>();
    QCOMPARE(job.status, FineTuningJob::Status::Succeeded);
    QVERIFY(job.fineTunedModel.startsWith(QLatin1String("ft:")));
    QVERIFY(seriesHadEventSteps);

    const JobMetrics *metrics = tracker.metrics(jobId);
    const MetricsSeries &series = metrics->series();
    const int total = series.totalSteps();
    QVERIFY(total > 0);
    QVERIFY(fromEvents.size() >= 2);
    QVERIFY(fromEvents.size() < total); // events carry only some steps
    bool sawFullValid = false;
    for (auto it = fromEvents.cbegin(); it != fromEvents.cend(); ++it) {
        const int index = series.indexOfStep(it.key());
        QVERIFY(index >= 0);
        const MetricPoint p = series.pointAt(index);
        QCOMPARE(p.value(Metric::TrainLoss), it->value(QLatin1String("train_loss")).toDouble());
        QCOMPARE(p.has(Metric::ValidLoss), it->contains(QLatin1String("valid_loss")));
        if (it->contains(QLatin1String("full_valid_loss"))) {
            sawFullValid = true;
            QCOMPARE(p.value(Metric::FullValidLoss),
                    it->value(QLatin1String("full_valid_loss")).toDouble());
        }
        QCOMPARE(it->value(QLatin1String("total_steps")).toInt(), total);
    }
    QVERIFY(sawFullValid);
    // Then the result CSV completed every step, once each.
    QVERIFY(metrics->isComplete());
    QCOMPARE(series.size(), total);
    QCOMPARE(series.steps().first(), 1);
    QCOMPARE(series.steps().last(), total);
    QCOMPARE(series.count(Metric::TrainLoss), total);
    QVERIFY(series.count(Metric::ValidLoss) >= fromEvents.size());
    QCOMPARE(series.progress(), 1.0);
    // Checkpoints (the last epochs) and their markers.
    QCOMPARE(checkpoints.count(), 1);
    const QList<Checkpoint> saved = tracker.checkpoints(jobId);
    QVERIFY(!saved.isEmpty());
    QCOMPARE(series.checkpointSteps().size(), saved.size());
    QCOMPARE(series.checkpointSteps().last(), total);
    QVERIFY(saved.last().fineTunedModelCheckpoint.contains(QLatin1String(":ckpt-step-")));
    // Everything is in the history too.
    QCOMPARE(history.metrics(jobId).size(), total);
    QVERIFY(history.metricsComplete(jobId));
    QCOMPARE(history.checkpoints(jobId).size(), saved.size());
    QCOMPARE(history.eventCount(jobId), int(tracker.eventLog(jobId)->events().size()));
    QCOMPARE(history.job(jobId)->status, FineTuningJob::Status::Succeeded);
    QVERIFY(history.fineTunedModels().contains(job.fineTunedModel));
    const QStringList ids = idsOf(tracker.eventLog(jobId)->events());
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
}

void tst_JobTracker::sandboxBadFileFailsWithItsErrorEvent()
{
    sandbox::SandboxOptions options;
    options.timeScale = 0.01;
    sandbox::SandboxServer server(options);
    QVERIFY(server.start());
    QNetworkAccessManager nam;
    Connection connection;
    connection.baseUrl = server.baseUrl();
    ApiClient client(&nam, connection);
    CreateJobRequest request;
    request.model = kModel;
    request.trainingFile = uploaded(client, QStringLiteral("train_five.jsonl"));
    std::unique_ptr<ApiReply> created(await(client.createJob(request)));
    QVERIFY(created->ok());
    const QString jobId = created->json().value(QLatin1String("id")).toString();

    JobTracker tracker(&client);
    TrackerIntervals intervals;
    intervals.runningMs = 20;
    intervals.waitingMs = 20;
    tracker.setIntervals(intervals);
    QSignalSpy finished(&tracker, &JobTracker::finished);
    tracker.watch(jobId);
    QVERIFY(finished.wait(20000));
    const FineTuningJob job = finished.at(0).at(0).value<FineTuningJob>();
    QCOMPARE(job.status, FineTuningJob::Status::Failed);
    QVERIFY(job.error);
    QCOMPARE(job.error->code, QStringLiteral("invalid_n_examples"));
    QVERIFY(tracker.checkpoints(jobId).isEmpty());

    // The monitor's event log shows the error event's message and its code in plain words.
    JobEventModel model;
    model.setEvents(tracker.eventLog(jobId)->events());
    int errorRow = -1;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data(JobEventModel::LevelRole).toString() == QLatin1String("error"))
            errorRow = row;
    }
    QVERIFY(errorRow >= 0);
    const QModelIndex message = model.index(errorRow, JobEventModel::MessageColumn);
    QCOMPARE(message.data(JobEventModel::ErrorCodeRole).toString(),
            QStringLiteral("invalid_n_examples"));
    QVERIFY2(message.data().toString().contains(QLatin1String("too few examples")),
            qPrintable(message.data().toString()));
    QVERIFY(message.data().toString().contains(QLatin1String("at least 10 examples")));
    QVERIFY(message.data(JobEventModel::PlainErrorRole).toString().contains(job.error->message));
}

void tst_JobTracker::sandboxTrainingNotAvailableInPlainWords()
{
    sandbox::SandboxServer server;
    QVERIFY(server.start());
    server.setTrainingNotAvailable(true);
    QNetworkAccessManager nam;
    Connection connection;
    connection.baseUrl = server.baseUrl();
    ApiClient client(&nam, connection);
    CreateJobRequest request;
    request.model = kModel;
    request.trainingFile = uploaded(client, QStringLiteral("train_good.jsonl"));
    std::unique_ptr<ApiReply> created(await(client.createJob(request)));
    QVERIFY(!created->ok());
    QCOMPARE(created->error().httpStatus, 403);
    const QString text = JobFormRules::refusalMessage(created->error());
    QVERIFY2(
            text.contains(QLatin1String("no longer start new fine-tuning jobs")), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("another connection")));
    QVERIFY(!text.contains(QLatin1String("403")));
    QVERIFY(!JobFormRules::refusalIsTemporary(created->error()));
}

void tst_JobTracker::sandboxPauseResumeAndCancel()
{
    sandbox::SandboxOptions options;
    options.timeScale = 0.05; // a step every ~22 ms: long enough to pause in the middle
    sandbox::SandboxServer server(options);
    QVERIFY(server.start());
    QNetworkAccessManager nam;
    Connection connection;
    connection.baseUrl = server.baseUrl();
    ApiClient client(&nam, connection);
    CreateJobRequest request;
    request.model = kModel;
    request.trainingFile = uploaded(client, QStringLiteral("train_good.jsonl"));
    std::unique_ptr<ApiReply> created(await(client.createJob(request)));
    const QString jobId = created->json().value(QLatin1String("id")).toString();

    JobTracker tracker(&client);
    TrackerIntervals intervals;
    intervals.runningMs = 25;
    intervals.waitingMs = 25;
    tracker.setIntervals(intervals);
    QList<FineTuningJob::Status> seen;
    connect(&tracker, &JobTracker::statusChanged, this,
            [&seen](const QString &, FineTuningJob::Status, FineTuningJob::Status to) {
                seen << to;
            });
    QSignalSpy finished(&tracker, &JobTracker::finished);
    tracker.watch(jobId);
    QTRY_VERIFY_WITH_TIMEOUT(tracker.metrics(jobId)->series().size() >= 1, 20000);
    // The first steps are merged before the job is re-read (steps while not known as running
    // trigger that read), so the status catches up one reply later.
    QTRY_COMPARE_WITH_TIMEOUT(tracker.job(jobId).status, FineTuningJob::Status::Running, 5000);

    std::unique_ptr<ApiReply> paused(await(client.pauseJob(jobId)));
    QVERIFY2(paused->ok(), qPrintable(paused->error().technicalSummary()));
    tracker.pollNow(jobId);
    QTRY_COMPARE_WITH_TIMEOUT(tracker.job(jobId).status, FineTuningJob::Status::Paused, 5000);
    const int stepAtPause = tracker.metrics(jobId)->series().lastStep();
    QTest::qWait(300); // nothing to wait for: proves no steps arrive while paused
    QVERIFY(tracker.isWatching(jobId)); // paused is not the end
    QVERIFY(tracker.metrics(jobId)->series().lastStep() <= stepAtPause + 1);

    std::unique_ptr<ApiReply> resumed(await(client.resumeJob(jobId)));
    QVERIFY(resumed->ok());
    QTRY_VERIFY_WITH_TIMEOUT(tracker.metrics(jobId)->series().lastStep() > stepAtPause + 1, 10000);
    QTRY_COMPARE(tracker.job(jobId).status, FineTuningJob::Status::Running);

    std::unique_ptr<ApiReply> cancelled(await(client.cancelJob(jobId)));
    QVERIFY(cancelled->ok());
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.at(0).at(0).value<FineTuningJob>().status, FineTuningJob::Status::Cancelled);
    QVERIFY(seen.contains(FineTuningJob::Status::Paused));
    const int pausedAt = int(seen.indexOf(FineTuningJob::Status::Paused));
    QVERIFY(seen.indexOf(FineTuningJob::Status::Running, pausedAt) > pausedAt);
    QCOMPARE(seen.last(), FineTuningJob::Status::Cancelled);
    QVERIFY(tracker.eventLog(jobId)->events().last().message.contains(QLatin1String("cancelled")));
}

void tst_JobTracker::sandboxSteadyStateCostsOneRequestPerJobPerInterval()
{
    sandbox::SandboxOptions options;
    options.timeScale = 0.1; // ~45 ms a step: both jobs run for several seconds
    sandbox::SandboxServer server(options);
    QVERIFY(server.start());
    QNetworkAccessManager nam;
    Connection connection;
    connection.baseUrl = server.baseUrl();
    ApiClient client(&nam, connection);
    const QString training = uploaded(client, QStringLiteral("train_good.jsonl"));
    QStringList jobs;
    for (int i = 0; i < 2; ++i) {
        CreateJobRequest request;
        request.model = kModel;
        request.trainingFile = training;
        std::unique_ptr<ApiReply> created(await(client.createJob(request)));
        jobs << created->json().value(QLatin1String("id")).toString();
    }
    QHash<QString, int> served;
    connect(&server, &sandbox::SandboxServer::requestServed, this,
            [&served, &jobs](const QString &, const QString &path, int) {
                for (const QString &id : std::as_const(jobs)) {
                    if (path.contains(id))
                        ++served[id];
                }
            });
    JobTracker tracker(&client);
    TrackerIntervals intervals;
    intervals.runningMs = 100;
    intervals.waitingMs = 100;
    intervals.jobRefreshEvery = 10;
    tracker.setIntervals(intervals);
    for (const QString &id : std::as_const(jobs))
        tracker.watch(id);
    for (const QString &id : std::as_const(jobs))
        QTRY_COMPARE_WITH_TIMEOUT(tracker.job(id).status, FineTuningJob::Status::Running, 10000);
    // Past the change to running (which re-reads the job and its events): two more cycles of
    // each job; then a window of steady running of at least ten cycles of each.
    QHash<QString, int> cyclesBefore;
    for (const QString &id : std::as_const(jobs))
        cyclesBefore[id] = tracker.cycleCount(id);
    for (const QString &id : std::as_const(jobs))
        QTRY_VERIFY_WITH_TIMEOUT(tracker.cycleCount(id) >= cyclesBefore.value(id) + 2, 10000);
    QHash<QString, int> servedBefore = served;
    for (const QString &id : std::as_const(jobs))
        cyclesBefore[id] = tracker.cycleCount(id);
    for (const QString &id : std::as_const(jobs))
        QTRY_VERIFY_WITH_TIMEOUT(tracker.cycleCount(id) >= cyclesBefore.value(id) + 10, 20000);
    for (const QString &id : std::as_const(jobs)) {
        QCOMPARE(tracker.job(id).status, FineTuningJob::Status::Running);
        const int requests = served.value(id) - servedBefore.value(id);
        const int cycles = tracker.cycleCount(id) - cyclesBefore.value(id);
        qInfo("%s: %d requests in %d cycles", qPrintable(id), requests, cycles);
        QVERIFY2(cycles >= 8, qPrintable(QString::number(cycles)));
        // One events read per cycle, plus the job at most every 10th cycle.
        QVERIFY2(requests <= cycles + cycles / 10 + 1,
                qPrintable(QStringLiteral("%1 requests in %2 cycles").arg(requests).arg(cycles)));
        QVERIFY(requests >= cycles);
    }
    tracker.unwatchAll();
    QVERIFY(tracker.watchedJobs().isEmpty());
}

// ---- Together AI ------------------------------------------------------------------------------

void tst_JobTracker::togetherStatusWordsAndOnlyNewSteps()
{
    FakeTogether nam;
    ApiClient client(&nam, FakeTogether::connection());
    JobTracker tracker(&client);
    QVERIFY(tracker.metricsFromEndpoint());
    tracker.setIntervals(fastIntervals());
    QSignalSpy statuses(&tracker, &JobTracker::statusChanged);
    QSignalSpy added(&tracker, &JobTracker::metricsAdded);
    QSignalSpy finished(&tracker, &JobTracker::finished);
    const QString id = QStringLiteral("ft-1");
    tracker.watch(id);
    QTRY_COMPARE(tracker.job(id).statusText, QStringLiteral("pending"));
    QCOMPARE(tracker.job(id).status, FineTuningJob::Status::Queued);
    QCOMPARE(JobTexts::statusText(tracker.job(id)),
            JobTexts::statusText(FineTuningJob::Status::Queued));
    QTRY_VERIFY(tracker.eventLog(id)->events().size() == 1);
    QVERIFY(nam.metricsFrom.isEmpty()); // no steps yet, none asked for

    nam.status = QStringLiteral("queued");
    QTRY_COMPARE(tracker.job(id).statusText, QStringLiteral("queued"));
    QCOMPARE(tracker.job(id).status, FineTuningJob::Status::Queued);

    nam.status = QStringLiteral("running");
    nam.stepsDone = 3;
    QTRY_COMPARE(tracker.metrics(id)->series().size(), 3);
    QCOMPARE(tracker.job(id).status, FineTuningJob::Status::Running);
    QCOMPARE(tracker.metrics(id)->series().totalSteps(), 10);
    // Together says how long is left: the same "about … left" as OpenAI's finish time.
    QVERIFY(!JobTexts::timeLeftText(tracker.job(id), QDateTime::currentSecsSinceEpoch()).isEmpty());
    nam.stepsDone = 7;
    QTRY_COMPARE(tracker.metrics(id)->series().size(), 7);
    {
        // Step 5 came as two entries (training, then evaluation): one point with both.
        const MetricsSeries &series = tracker.metrics(id)->series();
        QCOMPARE(series.steps(), QVector<int>({1, 2, 3, 4, 5, 6, 7}));
        const MetricPoint five = series.pointAt(series.indexOfStep(5));
        QCOMPARE(five.value(Metric::TrainLoss), 2.0 / 5);
        QCOMPARE(five.value(Metric::FullValidLoss), 3.0 / 5);
        QCOMPARE(series.count(Metric::FullValidLoss), 1);
    }
    // No new step: the metrics are not asked for again, one request (the job) per cycle.
    const int metricsBefore = int(nam.metricsFrom.size());
    const int cycles = tracker.cycleCount(id);
    const int requests = tracker.requestCount(id);
    QTRY_VERIFY(tracker.cycleCount(id) >= cycles + 5);
    const int quietCycles = tracker.cycleCount(id) - cycles;
    QCOMPARE(int(nam.metricsFrom.size()), metricsBefore);
    // The event list only every jobRefreshEvery (10) cycles.
    QVERIFY2(tracker.requestCount(id) - requests <= quietCycles + quietCycles / 10 + 1,
            qPrintable(QStringLiteral("%1 requests in %2 cycles")
                               .arg(tracker.requestCount(id) - requests)
                               .arg(quietCycles)));

    nam.status = QStringLiteral("uploading");
    nam.stepsDone = 10;
    QTRY_COMPARE(tracker.metrics(id)->series().size(), 10);
    QCOMPARE(tracker.job(id).status, FineTuningJob::Status::Running);
    nam.status = QStringLiteral("compressing");
    QTRY_COMPARE(tracker.job(id).statusText, QStringLiteral("compressing"));
    QCOMPARE(tracker.job(id).status, FineTuningJob::Status::Running);
    QCOMPARE(JobTexts::statusText(tracker.job(id)),
            JobTexts::statusText(FineTuningJob::Status::Running));
    nam.status = QStringLiteral("completed");
    QVERIFY(finished.wait(5000) || finished.count() == 1);
    const FineTuningJob job = finished.at(0).at(0).value<FineTuningJob>();
    QCOMPARE(job.status, FineTuningJob::Status::Succeeded);
    QCOMPARE(job.fineTunedModel, QStringLiteral("user/model-ft-1"));

    // Each metrics request started at the last step already known (inclusive): only new steps.
    QVERIFY(nam.metricsFrom.size() >= 3);
    for (qsizetype i = 1; i < nam.metricsFrom.size(); ++i)
        QCOMPARE(nam.metricsFrom.at(i), nam.metricsLast.at(i - 1));
    // Served: every step once, plus the one known step repeated per request.
    QVERIFY2(nam.entriesServed <= 10 + 2 + int(nam.metricsFrom.size()) * 2,
            qPrintable(QString::number(nam.entriesServed)));
    // Each step was announced once, in order.
    QList<int> announced;
    for (const auto &arguments : added) {
        for (const MetricPoint &p : arguments.at(1).value<QList<MetricPoint>>())
            announced << p.step;
    }
    QCOMPARE(announced, QList<int>({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
    QCOMPARE(tracker.metrics(id)->series().size(), 10);
    QVERIFY(tracker.metrics(id)->isComplete());
    QCOMPARE(tracker.metrics(id)->series().count(Metric::FullValidLoss), 2);
    // Checkpoints through the dialect; no result CSV is asked for.
    QCOMPARE(tracker.checkpoints(id).size(), 1);
    QCOMPARE(tracker.checkpoints(id).first().stepNumber, 10);
    QCOMPARE(tracker.metrics(id)->series().checkpointSteps(), QList<int>({10}));
    QCOMPARE(nam.otherRequests, 0);
    QVERIFY(tracker.bytesReceived(id) > 0);
    // The statuses went by in plain words: queued, running, succeeded.
    QList<FineTuningJob::Status> seen;
    for (const auto &arguments : statuses)
        seen << arguments.at(2).value<FineTuningJob::Status>();
    QCOMPARE(seen.first(), FineTuningJob::Status::Queued);
    QVERIFY(seen.contains(FineTuningJob::Status::Running));
    QCOMPARE(seen.last(), FineTuningJob::Status::Succeeded);
}

void tst_JobTracker::togetherTerminalWordsInPlainWords_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<FineTuningJob::Status>("status");
    QTest::newRow("cancelled") << "cancelled" << FineTuningJob::Status::Cancelled;
    QTest::newRow("error") << "error" << FineTuningJob::Status::Failed;
    QTest::newRow("user_error") << "user_error" << FineTuningJob::Status::Failed;
}

void tst_JobTracker::togetherTerminalWordsInPlainWords()
{
    QFETCH(QString, word);
    QFETCH(FineTuningJob::Status, status);
    FakeTogether nam;
    nam.status = word;
    nam.stepsDone = 4;
    ApiClient client(&nam, FakeTogether::connection());
    JobTracker tracker(&client);
    tracker.setIntervals(fastIntervals());
    QSignalSpy finished(&tracker, &JobTracker::finished);
    tracker.watch(QStringLiteral("ft-1"));
    QVERIFY(finished.wait(5000) || finished.count() == 1);
    const FineTuningJob job = finished.at(0).at(0).value<FineTuningJob>();
    QCOMPARE(job.status, status);
    QCOMPARE(JobTexts::statusText(job), JobTexts::statusText(status));
    // The steps trained before the end are on the chart.
    QCOMPARE(tracker.metrics(QStringLiteral("ft-1"))->series().size(), 4);
    // Together lists its events oldest first, here two in the same second: their order is kept.
    const QList<JobEvent> events = tracker.eventLog(QStringLiteral("ft-1"))->events();
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).type, QStringLiteral("job_pending"));
    QCOMPARE(events.at(1).type, QStringLiteral("job_") + word);
    QCOMPARE(nam.otherRequests, 0);
}

void tst_JobTracker::togetherSandboxJobRunsToCompletedWithMetrics()
{
    sandbox::SandboxOptions options;
    options.timeScale = 0.01;
    sandbox::SandboxServer server(options);
    QVERIFY(server.start());
    QNetworkAccessManager nam;
    Connection connection;
    connection.kind = Connection::Kind::Together;
    connection.baseUrl =
            QUrl(server.baseUrl()
                            .toString(QUrl::StripTrailingSlash)
                            .replace(QLatin1String("/v1"), QLatin1String("/together/v1")));
    connection.apiKey = QStringLiteral("tgp-sandbox");
    ApiClient client(&nam, connection);
    ProviderClient provider(&client);
    auto upload = [&](const QString &name) {
        QString id;
        bool done = false;
        provider.uploadFile(name, fixture(name), QStringLiteral("fine-tune"),
                [&](const ProviderResult<FileObject> &r) {
                    id = r.ok() ? r.value->id : QString();
                    done = true;
                });
        [[maybe_unused]] const bool arrived = QTest::qWaitFor([&done] { return done; }, 10000);
        return id;
    };
    const QString training = upload(QStringLiteral("train_good.jsonl"));
    const QString validation = upload(QStringLiteral("valid_good.jsonl"));
    QVERIFY(!training.isEmpty() && !validation.isEmpty());
    CreateJobRequest request;
    request.model = QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference");
    request.trainingFile = training;
    request.validationFile = validation;
    request.settings.type = TrainingSettings::Type::Lora;
    request.settings.loraRank = 8;
    request.settings.nEvals = 3;
    QString jobId;
    bool created = false;
    provider.createJob(request, [&](const ProviderResult<FineTuningJob> &r) {
        QVERIFY2(r.ok(), qPrintable(r.error.plainMessage()));
        jobId = r.value->id;
        created = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(created, 10000);
    QVERIFY(!jobId.isEmpty());
    QStringList paths;
    connect(&server, &sandbox::SandboxServer::requestServed, this,
            [&paths](const QString &, const QString &path, int) { paths << path; });

    QTemporaryDir dir;
    JobHistory history(QStringLiteral("together-sandbox"));
    history.setDialectId(QStringLiteral("together"));
    QVERIFY(history.open(dir.filePath(QStringLiteral("h.sqlite"))));
    JobTracker tracker(&client);
    tracker.setHistory(&history);
    TrackerIntervals intervals;
    intervals.runningMs = 30;
    intervals.waitingMs = 30;
    tracker.setIntervals(intervals);
    QSignalSpy finished(&tracker, &JobTracker::finished);
    QSignalSpy statuses(&tracker, &JobTracker::statusChanged);
    QMap<int, int> announcedSteps; // step → times announced
    connect(&tracker, &JobTracker::metricsAdded, this,
            [&](const QString &, const QList<MetricPoint> &points) {
                for (const MetricPoint &p : points)
                    ++announcedSteps[p.step];
            });
    tracker.watch(jobId);
    QVERIFY(finished.wait(30000) || finished.count() == 1);
    const FineTuningJob job = finished.at(0).at(0).value<FineTuningJob>();
    QCOMPARE(job.status, FineTuningJob::Status::Succeeded);
    QCOMPARE(job.statusText, QStringLiteral("completed"));
    QVERIFY(!job.fineTunedModel.isEmpty());
    // Whether a poll lands in the short running phase depends on how busy the machine is (the
    // status words are mapped in tst_togetherdialect): only known statuses, ending in Succeeded.
    QList<FineTuningJob::Status> seen;
    for (const auto &arguments : statuses)
        seen << arguments.at(2).value<FineTuningJob::Status>();
    QVERIFY(!seen.isEmpty());
    QCOMPARE(seen.last(), FineTuningJob::Status::Succeeded);
    for (FineTuningJob::Status status : std::as_const(seen))
        QVERIFY(status == FineTuningJob::Status::Queued || status == FineTuningJob::Status::Running
                || status == FineTuningJob::Status::Succeeded);

    const MetricsSeries &series = tracker.metrics(jobId)->series();
    const int total = series.totalSteps();
    QVERIFY(total > 0);
    QCOMPARE(int(*job.totalSteps), total);
    QCOMPARE(series.size(), total);
    QCOMPARE(series.steps().first(), 1);
    QCOMPARE(series.steps().last(), total);
    QCOMPARE(series.count(Metric::TrainLoss), total);
    QCOMPARE(series.count(Metric::FullValidLoss), 3); // eval/loss, n_evals times
    QVERIFY(tracker.metrics(jobId)->isComplete());
    QCOMPARE(announcedSteps.size(), total);
    for (auto it = announcedSteps.cbegin(); it != announcedSteps.cend(); ++it)
        QVERIFY2(it.value() <= 2, qPrintable(QString::number(it.key()))); // + a late evaluation
    // Checkpoints through the dialect, the final one on the last step.
    QVERIFY(!tracker.checkpoints(jobId).isEmpty());
    QCOMPARE(series.checkpointSteps().last(), total);
    // Together has no result file: nothing but its own fine-tunes paths were asked.
    for (const QString &path : std::as_const(paths))
        QVERIFY2(path.contains(QLatin1String("/fine-tunes/")), qPrintable(path));
    QVERIFY(tracker.eventLog(jobId)->events().size() >= 3);

    // The history reads the Together job back with its dialect.
    const std::optional<FineTuningJob> stored = history.job(jobId);
    QVERIFY(stored);
    QCOMPARE(stored->status, FineTuningJob::Status::Succeeded);
    QCOMPARE(stored->statusText, QStringLiteral("completed"));
    QCOMPARE(stored->settings.type, TrainingSettings::Type::Lora);
    QCOMPARE(stored->fineTunedModel, job.fineTunedModel);
    QCOMPARE(history.metrics(jobId).size(), total);
    QVERIFY(history.metricsComplete(jobId));
    QVERIFY(history.fineTunedModels().contains(job.fineTunedModel));
    // A second tracker starts from the history and asks only for the steps from the last one.
    JobTracker again(&client);
    again.setHistory(&history);
    again.setIntervals(intervals);
    QSignalSpy finishedAgain(&again, &JobTracker::finished);
    QCOMPARE(again.metrics(jobId), nullptr);
    again.watch(jobId);
    QCOMPARE(again.metrics(jobId)->series().size(), total);
    QVERIFY(finishedAgain.wait(10000) || finishedAgain.count() == 1);
    QCOMPARE(again.metrics(jobId)->series().size(), total);
}

QTEST_GUILESS_MAIN(tst_JobTracker)
#include "tst_jobtracker.moc"
