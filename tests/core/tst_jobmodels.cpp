// SPDX-License-Identifier: GPL-3.0-or-later
#include "apiclient.h"
#include "checkpointmodel.h"
#include "fakenetworkaccessmanager.h"
#include "jobclock.h"
#include "jobeventmodel.h"
#include "jobhistory.h"
#include "joblistmodel.h"
#include "jobtexts.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <limits>
#include <optional>

using namespace fs;
using fs::test::CannedResponse;
using fs::test::FakeNetworkAccessManager;

class tst_JobModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jobListMergesAndSorts();
    void jobListColumnsAndRoles();
    void durationFollowsTheClock();
    void jobListRefreshPagesAndKeepsHistory();
    void jobListRefreshFailure();
    void eventModelBatchesAndBackFill();
    void eventFilterByLevelTextAndMetrics();
    void errorEventsInPlainWords();
    void hundredThousandEventsStayFluid();
    void checkpointModelAndBest();
    void bestCheckpointNamesItsMeasure_data();
    void bestCheckpointNamesItsMeasure();
    void statusTextsAndActions();
};

namespace {

QJsonObject jobJson(const QString &id, qint64 createdAt, const QString &status)
{
    QJsonObject job {{QStringLiteral("id"), id},
            {QStringLiteral("object"), QStringLiteral("fine_tuning.job")},
            {QStringLiteral("created_at"), createdAt},
            {QStringLiteral("model"), QStringLiteral("gpt-4.1-mini-2025-04-14")},
            {QStringLiteral("status"), status}, {QStringLiteral("error"), QJsonValue::Null},
            {QStringLiteral("fine_tuned_model"), QJsonValue::Null},
            {QStringLiteral("finished_at"), QJsonValue::Null}};
    if (status == QLatin1String("succeeded")) {
        job.insert(QStringLiteral("finished_at"), createdAt + 125);
        job.insert(QStringLiteral("trained_tokens"), 123456);
        job.insert(QStringLiteral("fine_tuned_model"),
                QString(QStringLiteral("ft:gpt-4.1-mini:o::") + id));
    }
    if (status == QLatin1String("failed"))
        job.insert(QStringLiteral("error"),
                QJsonObject {{QStringLiteral("code"), QStringLiteral("invalid_n_examples")},
                        {QStringLiteral("message"), QStringLiteral("Too few.")},
                        {QStringLiteral("param"), QStringLiteral("training_file")}});
    return job;
}

FineTuningJob job(const QString &id, qint64 createdAt, const QString &status)
{
    return FineTuningJob::fromJson(jobJson(id, createdAt, status));
}

CannedResponse jobPage(const QList<QJsonObject> &jobs, bool hasMore)
{
    QJsonArray data;
    for (const QJsonObject &j : jobs)
        data.append(j);
    return CannedResponse::json(200,
            QJsonDocument(
                    QJsonObject {{QStringLiteral("object"), QStringLiteral("list")},
                            {QStringLiteral("data"), data}, {QStringLiteral("has_more"), hasMore}})
                    .toJson(QJsonDocument::Compact));
}

JobEvent makeEvent(const QString &id, qint64 createdAt,
        const QString &level = QStringLiteral("info"),
        const QString &type = QStringLiteral("message"), const QString &message = {})
{
    JobEvent e;
    e.id = id;
    e.createdAt = createdAt;
    e.level = level;
    e.type = type;
    e.message = message.isEmpty() ? QStringLiteral("event ") + id : message;
    return e;
}

Connection fakeConnection()
{
    Connection connection;
    connection.kind = Connection::Kind::Compatible;
    connection.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9/v1"));
    return connection;
}

} // namespace

void tst_JobModels::jobListMergesAndSorts()
{
    JobListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.mergeJobs({job(QStringLiteral("b"), 200, QStringLiteral("running")),
            job(QStringLiteral("a"), 100, QStringLiteral("succeeded"))});
    model.mergeJobs({job(QStringLiteral("c"), 300, QStringLiteral("queued")),
            job(QStringLiteral("b"), 200, QStringLiteral("succeeded"))});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.jobAt(0).id, QStringLiteral("c"));
    QCOMPARE(model.jobAt(1).id, QStringLiteral("b"));
    QCOMPARE(model.jobAt(1).status, FineTuningJob::Status::Succeeded); // upserted
    QCOMPARE(model.rowOf(QStringLiteral("a")), 2);
    QCOMPARE(model.rowOf(QStringLiteral("zzz")), -1);
    model.updateJob(job(QStringLiteral("c"), 300, QStringLiteral("paused")));
    QCOMPARE(
            model.index(0, JobListModel::StatusColumn).data().toString(), QStringLiteral("Paused"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void tst_JobModels::durationFollowsTheClock()
{
    // The list and the monitor follow one JobClock: on each tick the unfinished jobs' Duration
    // cells change (one signal per run of rows), finished ones do not.
    JobListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.mergeJobs({job(QStringLiteral("live1"), 1000, QStringLiteral("running")),
            job(QStringLiteral("live2"), 900, QStringLiteral("queued")),
            job(QStringLiteral("done"), 500, QStringLiteral("succeeded"))});
    JobClock clock;
    connect(&clock, &JobClock::ticked, &model, &JobListModel::setNow);
    QSignalSpy ticked(&clock, &JobClock::ticked);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    clock.setNowForTesting(1000 + 65);
    QCOMPARE(ticked.count(), 1);
    QCOMPARE(ticked.first().first().toLongLong(), 1065);
    QCOMPARE(clock.now(), 1065);
    QCOMPARE(changed.count(), 1);
    const int live1 = model.rowOf(QStringLiteral("live1"));
    const int live2 = model.rowOf(QStringLiteral("live2"));
    const int done = model.rowOf(QStringLiteral("done"));
    const auto topLeft = changed.first().at(0).value<QModelIndex>();
    const auto bottomRight = changed.first().at(1).value<QModelIndex>();
    QCOMPARE(topLeft.column(), int(JobListModel::DurationColumn));
    QCOMPARE(bottomRight.column(), int(JobListModel::DurationColumn));
    QCOMPARE(topLeft.row(), std::min(live1, live2));
    QCOMPARE(bottomRight.row(), std::max(live1, live2));
    QVERIFY(done > bottomRight.row() || done < topLeft.row());
    const FineTuningJob running = model.jobAt(live1);
    QCOMPARE(model.index(live1, JobListModel::DurationColumn).data().toString(),
            JobTexts::durationText(running, clock.now()));
    QCOMPARE(model.index(live1, JobListModel::DurationColumn).data().toString(),
            QStringLiteral("1 min 5 s"));
    QCOMPARE(model.index(live1, JobListModel::DurationColumn)
                     .data(JobListModel::SortRole)
                     .toLongLong(),
            65);
    QCOMPARE(JobTexts::durationSeconds(running, 1065), std::optional<qint64>(65));
    QCOMPARE(JobTexts::durationSeconds(running, 999), std::nullopt); // before it was created
    FineTuningJob unknown;
    QCOMPARE(JobTexts::durationSeconds(unknown, 1065), std::nullopt);
    QCOMPARE(JobTexts::durationText(unknown, 1065), QStringLiteral("-"));
}

void tst_JobModels::jobListColumnsAndRoles()
{
    JobListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setNowForTesting(1000 + 3725);
    model.mergeJobs({job(QStringLiteral("done"), 500, QStringLiteral("succeeded")),
            job(QStringLiteral("live"), 1000, QStringLiteral("running")),
            job(QStringLiteral("odd"), 400, QStringLiteral("frobnicating")),
            job(QStringLiteral("bad"), 300, QStringLiteral("failed"))});
    const int done = model.rowOf(QStringLiteral("done"));
    const int live = model.rowOf(QStringLiteral("live"));
    const int odd = model.rowOf(QStringLiteral("odd"));
    const int bad = model.rowOf(QStringLiteral("bad"));
    QCOMPARE(model.index(done, JobListModel::StatusColumn).data().toString(),
            QStringLiteral("Succeeded"));
    QCOMPARE(model.index(done, JobListModel::DurationColumn).data().toString(),
            QStringLiteral("2 min 5 s"));
    QCOMPARE(model.index(live, JobListModel::DurationColumn).data().toString(),
            QStringLiteral("1 h 2 min"));
    QCOMPARE(model.index(done, JobListModel::TrainedTokensColumn)
                     .data(JobListModel::SortRole)
                     .toLongLong(),
            123456);
    QCOMPARE(model.index(live, JobListModel::TrainedTokensColumn).data().toString(),
            QStringLiteral("-"));
    QCOMPARE(model.index(live, JobListModel::FineTunedModelColumn).data().toString(),
            QStringLiteral("-"));
    QVERIFY(model.index(done, JobListModel::FineTunedModelColumn)
                    .data()
                    .toString()
                    .startsWith(QLatin1String("ft:")));
    QCOMPARE(model.index(live, 0).data(JobListModel::StatusColorRole).value<QColor>(),
            JobTexts::statusColor(FineTuningJob::Status::Running));
    QVERIFY(model.index(live, 0).data(JobListModel::StatusColorRole).value<QColor>()
            != model.index(bad, 0).data(JobListModel::StatusColorRole).value<QColor>());
    // An unknown status shows its own text, never crashes.
    QCOMPARE(model.index(odd, 0).data(JobListModel::StatusTextRole).toString(),
            QStringLiteral("frobnicating"));
    QCOMPARE(model.index(bad, 0).data(JobListModel::JobIdRole).toString(), QStringLiteral("bad"));
    QVERIFY(model.index(bad, 0)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("too few examples")));
    QCOMPARE(model.headerData(JobListModel::BaseModelColumn, Qt::Horizontal).toString(),
            QStringLiteral("Base model"));
    QCOMPARE(model.index(live, 0).data(JobListModel::JobRole).value<FineTuningJob>().id,
            QStringLiteral("live"));
}

void tst_JobModels::jobListRefreshPagesAndKeepsHistory()
{
    QTemporaryDir dir;
    JobHistory history(QStringLiteral("conn"));
    QVERIFY(history.open(dir.filePath(QStringLiteral("h.sqlite"))));
    // A job only the history still knows (expired from the server's list).
    QVERIFY(history.saveJob(job(QStringLiteral("ancient"), 10, QStringLiteral("succeeded"))));

    FakeNetworkAccessManager nam;
    ApiClient client(&nam, fakeConnection());
    nam.enqueue(jobPage({jobJson(QStringLiteral("j4"), 400, QStringLiteral("running")),
                                jobJson(QStringLiteral("j3"), 300, QStringLiteral("succeeded"))},
            true));
    nam.enqueue(jobPage({jobJson(QStringLiteral("j2"), 200, QStringLiteral("failed")),
                                jobJson(QStringLiteral("j1"), 100, QStringLiteral("cancelled"))},
            false));
    JobListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setHistory(&history);
    model.loadHistory();
    QCOMPARE(model.rowCount(), 1);
    QSignalSpy refreshed(&model, &JobListModel::refreshed);
    QSignalSpy loading(&model, &JobListModel::loadingChanged);
    model.refresh(&client);
    QVERIFY(model.isLoading());
    QTRY_COMPARE(refreshed.count(), 1);
    QVERIFY(!model.isLoading());
    QCOMPARE(loading.count(), 2);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.jobAt(0).id, QStringLiteral("j4"));
    QCOMPARE(model.jobAt(4).id, QStringLiteral("ancient"));
    QVERIFY(nam.requests().at(1).query().contains(QLatin1String("after=j3")));
    // All of it is in the history for the next start.
    QCOMPARE(history.jobs().size(), 5);
    JobListModel next;
    next.setHistory(&history);
    next.loadHistory();
    QCOMPARE(next.rowCount(), 5);

    // A second refresh stops paging when the first page brings nothing new.
    nam.clear();
    nam.enqueue(jobPage({jobJson(QStringLiteral("j4"), 400, QStringLiteral("succeeded")),
                                jobJson(QStringLiteral("j3"), 300, QStringLiteral("succeeded"))},
            true));
    nam.enqueue(jobPage({jobJson(QStringLiteral("j2"), 200, QStringLiteral("failed")),
                                jobJson(QStringLiteral("j1"), 100, QStringLiteral("cancelled"))},
            true));
    nam.enqueue(jobPage({}, false));
    model.refresh(&client);
    QTRY_COMPARE(refreshed.count(), 2);
    QCOMPARE(nam.requestCount(), 2); // the page with j4 changed, the next one did not
    QCOMPARE(model.jobAt(0).status, FineTuningJob::Status::Succeeded);
}

void tst_JobModels::jobListRefreshFailure()
{
    FakeNetworkAccessManager nam;
    ApiClient client(&nam, fakeConnection());
    nam.enqueue(
            CannedResponse::apiError(401, QStringLiteral("invalid_api_key"), QStringLiteral("no")));
    JobListModel model;
    QSignalSpy failed(&model, &JobListModel::refreshFailed);
    model.refresh(&client);
    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(failed.at(0).at(0).value<ApiError>().httpStatus, 401);
    QVERIFY(!model.isLoading());
    QCOMPARE(model.rowCount(), 0);
}

void tst_JobModels::eventModelBatchesAndBackFill()
{
    JobEventModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.addEvents({makeEvent(QStringLiteral("e1"), 10), makeEvent(QStringLiteral("e2"), 20)});
    model.addEvents({makeEvent(QStringLiteral("e5"), 50), makeEvent(QStringLiteral("e6"), 60),
            makeEvent(QStringLiteral("e7"), 70)});
    QCOMPARE(inserted.count(), 2); // one insert per batch
    QCOMPARE(model.rowCount(), 5);
    // A back-filled gap goes in its place in time.
    model.addEvents({makeEvent(QStringLiteral("e3"), 30), makeEvent(QStringLiteral("e4"), 40)});
    QCOMPARE(reset.count(), 1);
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, 0).data(JobEventModel::EventIdRole).toString();
    QCOMPARE(ids,
            (QStringList {QStringLiteral("e1"), QStringLiteral("e2"), QStringLiteral("e3"),
                    QStringLiteral("e4"), QStringLiteral("e5"), QStringLiteral("e6"),
                    QStringLiteral("e7")}));
    QCOMPARE(model.index(0, JobEventModel::LevelColumn).data().toString(), QStringLiteral("Info"));
    QCOMPARE(model.index(0, JobEventModel::MessageColumn).data().toString(),
            QStringLiteral("event e1"));
    const QString copied = model.toText({model.index(1, 2), model.index(0, 0), model.index(1, 0)});
    QCOMPARE(copied.count(QLatin1Char('\n')), 2);
    QVERIFY(copied.startsWith(model.index(0, 0).data().toString()));
    QVERIFY(copied.contains(QLatin1String("\tinfo\tevent e2\n")));
}

void tst_JobModels::eventFilterByLevelTextAndMetrics()
{
    JobEventModel model;
    model.setEvents({makeEvent(QStringLiteral("a"), 1, QStringLiteral("info"),
                             QStringLiteral("message"), QStringLiteral("Fine-tuning job started")),
            makeEvent(QStringLiteral("b"), 2, QStringLiteral("info"), QStringLiteral("metrics"),
                    QStringLiteral("Step 1/10: training loss=2.0")),
            makeEvent(QStringLiteral("c"), 3, QStringLiteral("warn"), QStringLiteral("message"),
                    QStringLiteral("Some examples were skipped")),
            makeEvent(QStringLiteral("d"), 4, QStringLiteral("error"), QStringLiteral("message"),
                    QStringLiteral("Training file has 5 example(s)"))});
    JobEventFilterModel filter;
    QAbstractItemModelTester tester(
            &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setSourceModel(&model);
    QCOMPARE(filter.rowCount(), 4);
    filter.setLevels(JobEventFilterModel::Warning | JobEventFilterModel::Error);
    QCOMPARE(filter.rowCount(), 2);
    filter.setLevels(JobEventFilterModel::AllLevels);
    filter.setHideMetrics(true);
    QCOMPARE(filter.rowCount(), 3);
    filter.setHideMetrics(false);
    filter.setText(QStringLiteral("STEP"));
    QCOMPARE(filter.rowCount(), 1);
    QCOMPARE(filter.index(0, 0).data(JobEventModel::EventIdRole).toString(), QStringLiteral("b"));
    filter.setText(QStringLiteral("job"));
    filter.setLevels(JobEventFilterModel::Error);
    QCOMPARE(filter.rowCount(), 0);
    filter.setText(QString());
    QCOMPARE(filter.rowCount(), 1);
    // New events pass through the filter as they come.
    model.addEvents({makeEvent(QStringLiteral("e"), 5, QStringLiteral("error"))});
    QCOMPARE(filter.rowCount(), 2);
}

void tst_JobModels::errorEventsInPlainWords()
{
    JobEventModel model;
    JobEvent failure = makeEvent(QStringLiteral("x"), 1, QStringLiteral("error"),
            QStringLiteral("message"),
            QStringLiteral("Training file has 5 example(s), but must have at least 10 examples"));
    failure.data =
            QJsonObject {{QStringLiteral("error_code"), QStringLiteral("invalid_n_examples")},
                    {QStringLiteral("error_param"), QStringLiteral("training_file")}};
    JobEvent unknown = makeEvent(QStringLiteral("y"), 2, QStringLiteral("error"),
            QStringLiteral("message"), QStringLiteral("Something odd"));
    unknown.data = QJsonObject {{QStringLiteral("error_code"), QStringLiteral("mystery_code")}};
    model.setEvents({failure, unknown, makeEvent(QStringLiteral("z"), 3)});
    const QModelIndex first = model.index(0, JobEventModel::MessageColumn);
    QCOMPARE(first.data(JobEventModel::ErrorCodeRole).toString(),
            QStringLiteral("invalid_n_examples"));
    QVERIFY(first.data().toString().startsWith(QLatin1String("The training file has too few")));
    QVERIFY(first.data().toString().contains(QLatin1String("must have at least 10")));
    QCOMPARE(first.data(Qt::ForegroundRole).value<QColor>(),
            JobTexts::levelColor(QStringLiteral("error")));
    // An unknown code: the service's own message.
    QCOMPARE(model.index(1, JobEventModel::MessageColumn).data().toString(),
            QStringLiteral("Something odd"));
    QVERIFY(!model.index(2, 0).data(Qt::ForegroundRole).isValid());
    QVERIFY(!model.index(2, 0).data(JobEventModel::PlainErrorRole).isValid());
    QVERIFY(model.toText({model.index(0, 0)}).contains(QLatin1String("[invalid_n_examples]")));
}

void tst_JobModels::hundredThousandEventsStayFluid()
{
    JobEventModel model;
    JobEventFilterModel filter;
    filter.setSourceModel(&model);
    filter.setLevels(JobEventFilterModel::Info | JobEventFilterModel::Error);
    QList<JobEvent> events;
    events.reserve(100000);
    for (int i = 0; i < 100000; ++i)
        events.append(makeEvent(QStringLiteral("ev-%1").arg(i), 1700000000 + i,
                i % 1000 == 0 ? QStringLiteral("warn") : QStringLiteral("info"),
                QStringLiteral("metrics"),
                QStringLiteral("Step %1/100000: training loss=1.0").arg(i)));
    QElapsedTimer timer;
    timer.start();
    for (int batch = 0; batch < 1000; ++batch)
        model.addEvents(events.mid(batch * 100, 100));
    const qint64 allMs = timer.elapsed();
    timer.restart();
    model.addEvents({makeEvent(QStringLiteral("last"), 1800000000)});
    const qint64 oneBatchMs = timer.elapsed();
    timer.restart();
    filter.setText(QStringLiteral("99999/"));
    const qint64 filterMs = timer.elapsed();
    qInfo("100k events in batches: %lld ms total, last batch %lld ms, text filter %lld ms", allMs,
            oneBatchMs, filterMs);
    QCOMPARE(model.rowCount(), 100001);
    QCOMPARE(filter.rowCount(), 1);
    filter.setText(QString());
    QCOMPARE(filter.rowCount(), 100001 - 100);
    // Opening a job with a long history: one reset, nothing formatted up front.
    JobEventModel fresh;
    timer.restart();
    fresh.setEvents(events);
    const qint64 setMs = timer.elapsed();
    // Speed is measured by tests/bench/bench_chart; the figure is printed here for reference.
    qInfo("100k events set at once: %lld ms", setMs);
    QCOMPARE(fresh.rowCount(), 100000);
    QCOMPARE(fresh.index(99999, JobEventModel::TimeColumn).data().toString().size(), 19);
}

void tst_JobModels::checkpointModelAndBest()
{
    CheckpointModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.bestRow(), -1);
    auto make = [](int step, double train, std::optional<double> full) {
        Checkpoint c;
        c.id = QStringLiteral("ck%1").arg(step);
        c.stepNumber = step;
        c.fineTunedModelCheckpoint = QStringLiteral("ft:m:o::x:ckpt-step-%1").arg(step);
        c.metrics.insert(QStringLiteral("train_loss"), train);
        if (full)
            c.metrics.insert(QStringLiteral("full_valid_loss"), *full);
        return c;
    };
    // Newest first as the API lists them; the lowest full validation loss is in the middle.
    model.setCheckpoints({make(96, 0.1, 0.9), make(84, 0.2, 0.7), make(72, 0.3, 0.8)});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, CheckpointModel::StepColumn).data().toInt(), 72);
    QCOMPARE(model.bestRow(), 1);
    QVERIFY(model.index(1, 0).data(CheckpointModel::IsBestRole).toBool());
    QVERIFY(!model.index(2, 0).data(CheckpointModel::IsBestRole).toBool());
    QCOMPARE(model.index(1, 0).data(CheckpointModel::ModelIdRole).toString(),
            QStringLiteral("ft:m:o::x:ckpt-step-84"));
    QCOMPARE(model.index(1, CheckpointModel::FullValidLossColumn).data(Qt::EditRole).toDouble(),
            0.7);
    QCOMPARE(model.index(1, CheckpointModel::ValidLossColumn).data().toString(), QString());
    // Accuracy reads as a percentage; the raw fraction stays in the edit role for sorting.
    Checkpoint withAccuracy = make(50, 0.2, std::nullopt);
    withAccuracy.metrics.insert(QStringLiteral("train_mean_token_accuracy"), 0.95524);
    model.setCheckpoints({withAccuracy});
    QCOMPARE(model.index(0, CheckpointModel::TrainAccuracyColumn).data().toString(),
            QStringLiteral("95.5 %"));
    QCOMPARE(model.index(0, CheckpointModel::TrainAccuracyColumn).data(Qt::EditRole).toDouble(),
            0.95524);
    // Without validation the training loss decides.
    model.setCheckpoints({make(10, 0.5, std::nullopt), make(20, 0.4, std::nullopt)});
    QCOMPARE(model.bestRow(), 1);
}

namespace {

/// A checkpoint with the given metrics (a missing optional: not reported).
Checkpoint checkpointWith(int step, std::optional<double> train, std::optional<double> valid,
        std::optional<double> full)
{
    Checkpoint c;
    c.id = QStringLiteral("ck%1").arg(step);
    c.stepNumber = step;
    c.fineTunedModelCheckpoint = QStringLiteral("ft:m:o::x:ckpt-step-%1").arg(step);
    if (train)
        c.metrics.insert(QStringLiteral("train_loss"), *train);
    if (valid)
        c.metrics.insert(QStringLiteral("valid_loss"), *valid);
    if (full)
        c.metrics.insert(QStringLiteral("full_valid_loss"), *full);
    return c;
}

} // namespace

void tst_JobModels::bestCheckpointNamesItsMeasure_data()
{
    QTest::addColumn<QList<Checkpoint>>("checkpoints"); // sorted by step
    QTest::addColumn<int>("index");
    QTest::addColumn<int>("measure");
    QTest::addColumn<bool>("everyOne");
    QTest::addColumn<QString>("phrase"); // what the sentence must say

    using M = CheckpointMeasure;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    // The reported case: validation loss lowest at 78, full validation loss lowest at 91.
    QTest::newRow("issue: full decides, and the sentence says so")
            << QList<Checkpoint> {checkpointWith(65, 0.5, 0.61, 0.70),
                       checkpointWith(78, 0.4, 0.52, 0.66), checkpointWith(91, 0.3, 0.58, 0.64)}
            << 2 << int(M::FullValidLoss) << true
            << QStringLiteral("step 91 had the lowest full validation loss");
    QTest::newRow("tie goes to the later checkpoint")
            << QList<Checkpoint> {checkpointWith(10, 0.5, 0.6, 0.7),
                       checkpointWith(20, 0.4, 0.6, 0.7), checkpointWith(30, 0.3, 0.6, 0.8)}
            << 1 << int(M::FullValidLoss) << true
            << QStringLiteral("step 20 had the lowest full validation loss");
    QTest::newRow("full only on some: validation loss decides")
            << QList<Checkpoint> {checkpointWith(10, 0.5, 0.40, 0.1),
                       checkpointWith(20, 0.4, 0.35, std::nullopt),
                       checkpointWith(30, 0.3, 0.45, 0.2)}
            << 1 << int(M::ValidLoss) << true
            << QStringLiteral("step 20 had the lowest validation loss");
    QTest::newRow("a NaN counts as missing")
            << QList<Checkpoint> {checkpointWith(10, 0.5, 0.40, nan),
                       checkpointWith(20, 0.4, 0.45, 0.3)}
            << 0 << int(M::ValidLoss) << true
            << QStringLiteral("step 10 had the lowest validation loss");
    QTest::newRow("no validation: training loss, said to be a guess")
            << QList<Checkpoint> {checkpointWith(10, 0.5, std::nullopt, std::nullopt),
                       checkpointWith(20, 0.4, std::nullopt, std::nullopt)}
            << 1 << int(M::TrainLoss) << true
            << QStringLiteral("step 20 had the lowest training loss");
    // No measure on every checkpoint: a full validation loss on some beats a training loss
    // that would be compared with it.
    QTest::newRow("no measure everywhere: the best one some have, among those")
            << QList<Checkpoint> {checkpointWith(10, 0.1, std::nullopt, std::nullopt),
                       checkpointWith(20, std::nullopt, std::nullopt, 0.9),
                       checkpointWith(30, std::nullopt, std::nullopt, 0.8)}
            << 2 << int(M::FullValidLoss) << false
            << QStringLiteral("only those that do were compared");
    QTest::newRow("no metrics at all")
            << QList<Checkpoint> {checkpointWith(10, std::nullopt, std::nullopt, std::nullopt)}
            << -1 << int(M::None) << false << QString();
    QTest::newRow("no checkpoints")
            << QList<Checkpoint> {} << -1 << int(M::None) << false << QString();
}

void tst_JobModels::bestCheckpointNamesItsMeasure()
{
    QFETCH(QList<Checkpoint>, checkpoints);
    QFETCH(int, index);
    QFETCH(int, measure);
    QFETCH(bool, everyOne);
    QFETCH(QString, phrase);

    const BestCheckpoint best = bestCheckpoint(checkpoints);
    QCOMPARE(best.index, index);
    QCOMPARE(int(best.measure), measure);
    QCOMPARE(best.everyCheckpointHasIt, everyOne);
    const QString hint = index >= 0 ? best.hint(checkpoints.at(index).stepNumber) : best.hint(0);
    if (phrase.isEmpty()) {
        QVERIFY(hint.isEmpty());
    } else {
        QVERIFY2(hint.contains(phrase), qPrintable(hint));
        // "validation loss" alone never stands for the full one, nor the other way round.
        if (best.measure == CheckpointMeasure::ValidLoss)
            QVERIFY2(!hint.contains(QLatin1String("full")), qPrintable(hint));
    }

    // The model recommends the same row and says the same in the row's tooltip.
    CheckpointModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCheckpoints(checkpoints);
    QCOMPARE(model.bestRow(), index);
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.index(row, 0).data(CheckpointModel::IsBestRole).toBool(), row == index);
        QCOMPARE(model.index(row, 0).data(Qt::ToolTipRole).toString(),
                row == index ? hint : QString());
    }
}

void tst_JobModels::statusTextsAndActions()
{
    using S = FineTuningJob::Status;
    QCOMPARE(JobTexts::statusText(S::ValidatingFiles), QStringLiteral("Validating files"));
    QCOMPARE(
            JobTexts::statusText(S::Unknown, QStringLiteral("created")), QStringLiteral("created"));
    QVERIFY(JobTexts::canPause(S::Running));
    QVERIFY(!JobTexts::canPause(S::Paused));
    QVERIFY(JobTexts::canResume(S::Paused));
    QVERIFY(!JobTexts::canResume(S::Running));
    QVERIFY(JobTexts::canCancel(S::Paused));
    QVERIFY(!JobTexts::canCancel(S::Succeeded));
    QVERIFY(!JobTexts::canCancel(S::Unknown));
    FineTuningJob running = job(QStringLiteral("r"), 1000, QStringLiteral("running"));
    running.estimatedFinish = 1000 + 200;
    QCOMPARE(JobTexts::timeLeftText(running, 1000 + 20), QStringLiteral("about 3 min left"));
    QCOMPARE(JobTexts::timeLeftText(running, 1000 + 500), QStringLiteral("almost done"));
    running.estimatedFinish.reset();
    QVERIFY(JobTexts::timeLeftText(running, 1000).isEmpty());
    QCOMPARE(JobTexts::errorCodeText(QStringLiteral("nope")), QString());
    QVERIFY(JobTexts::errorText(QStringLiteral("invalid_file_format"), QStringLiteral("Line 3"))
                    .endsWith(QLatin1String("The service says: Line 3")));
}

QTEST_GUILESS_MAIN(tst_JobModels)
#include "tst_jobmodels.moc"
