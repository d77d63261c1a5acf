// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobhistory.h"
#include "togetherdialect.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace fs;

class tst_JobHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jobsRoundTripAndUpsert();
    void eventsAreKeptOnceInOrder();
    void metricsUpsertFillsGaps();
    void checkpointsAndModelPickers();
    void survivesRestart();
    void connectionsAreSeparate();
    void schemaVersionAndNewerFileRefused();
    void unusablePathIsAnError();
    void hundredThousandEventsInOneBatch();
    void togetherJobReadBackWithItsDialect();
    void versionOneFileStillLoads();
};

namespace {

FineTuningJob makeJob(
        const QString &id, qint64 createdAt, const QString &status, const QString &fineTuned = {})
{
    QJsonObject object {{QStringLiteral("id"), id},
            {QStringLiteral("object"), QStringLiteral("fine_tuning.job")},
            {QStringLiteral("created_at"), createdAt},
            {QStringLiteral("model"), QStringLiteral("gpt-4.1-mini-2025-04-14")},
            {QStringLiteral("status"), status}, {QStringLiteral("error"), QJsonObject()},
            {QStringLiteral("fine_tuned_model"),
                    fineTuned.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(fineTuned)},
            {QStringLiteral("user_provided_suffix"), QStringLiteral("kept")}};
    if (status == QLatin1String("succeeded")) {
        object.insert(QStringLiteral("finished_at"), createdAt + 300);
        object.insert(QStringLiteral("trained_tokens"), 12345);
    }
    return FineTuningJob::fromJson(object);
}

JobEvent makeEvent(
        const QString &id, qint64 createdAt, const QString &type = QStringLiteral("message"))
{
    JobEvent e;
    e.id = id;
    e.createdAt = createdAt;
    e.level = QStringLiteral("info");
    e.message = QStringLiteral("message of ") + id;
    e.type = type;
    if (type == QLatin1String("metrics"))
        e.data = QJsonObject {{QStringLiteral("step"), 3}, {QStringLiteral("train_loss"), 1.5}};
    return e;
}

Checkpoint makeCheckpoint(const QString &job, int step, double loss)
{
    Checkpoint c;
    c.id = QStringLiteral("ftckpt_%1_%2").arg(job).arg(step);
    c.jobId = job;
    c.stepNumber = step;
    c.createdAt = 1700000000 + step;
    c.fineTunedModelCheckpoint = QStringLiteral("ft:gpt-4.1-mini:org::abc:ckpt-step-%1").arg(step);
    c.metrics.insert(QStringLiteral("train_loss"), loss);
    return c;
}

/// A Together AI job as its /fine-tunes/{id} answers, read by its dialect.
FineTuningJob togetherJob(const QString &id, const QString &status)
{
    const QJsonObject object {{QStringLiteral("id"), id}, {QStringLiteral("status"), status},
            {QStringLiteral("created_at"), QStringLiteral("2026-12-07T01:00:00.000Z")},
            {QStringLiteral("updated_at"), QStringLiteral("2026-12-07T01:30:00.000Z")},
            {QStringLiteral("model"),
                    QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference")},
            {QStringLiteral("model_output_name"), QStringLiteral("user/Meta-Llama-3.1-8B-ft-1")},
            {QStringLiteral("training_file"), QStringLiteral("file-t1")},
            {QStringLiteral("total_steps"), 120}, {QStringLiteral("steps_completed"), 120},
            {QStringLiteral("learning_rate"), 0.0001}, {QStringLiteral("n_evals"), 3},
            {QStringLiteral("training_type"),
                    QJsonObject {{QStringLiteral("type"), QStringLiteral("Lora")},
                            {QStringLiteral("lora_r"), 16}}}};
    HttpAnswer answer;
    answer.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    const Expected<FineTuningJob> job = TogetherDialect().parseJob(answer);
    if (!job.ok())
        qFatal("the Together job did not parse");
    return job.value();
}

} // namespace

void tst_JobHistory::jobsRoundTripAndUpsert()
{
    QTemporaryDir dir;
    JobHistory history(QStringLiteral("conn-a"));
    QVERIFY2(history.open(dir.filePath(QStringLiteral("h.sqlite"))),
            qPrintable(history.lastError()));
    QVERIFY(history.saveJobs({makeJob(QStringLiteral("ftjob-1"), 100, QStringLiteral("running")),
            makeJob(QStringLiteral("ftjob-2"), 200, QStringLiteral("queued"))}));
    QList<FineTuningJob> jobs = history.jobs();
    QCOMPARE(jobs.size(), 2);
    QCOMPARE(jobs.at(0).id, QStringLiteral("ftjob-2")); // newest first
    QCOMPARE(jobs.at(1).status, FineTuningJob::Status::Running);
    QVERIFY(!jobs.at(1).error); // {} stays "no error"
    QCOMPARE(jobs.at(1).suffix, QStringLiteral("kept")); // the raw JSON survives

    QVERIFY(history.saveJob(makeJob(QStringLiteral("ftjob-1"), 100, QStringLiteral("succeeded"),
            QStringLiteral("ft:gpt-4.1-mini-2025-04-14:org::x1"))));
    jobs = history.jobs();
    QCOMPARE(jobs.size(), 2);
    const auto one = history.job(QStringLiteral("ftjob-1"));
    QVERIFY(one);
    QCOMPARE(one->status, FineTuningJob::Status::Succeeded);
    QCOMPARE(one->trainedTokens.value_or(0), 12345);
    QVERIFY(!history.job(QStringLiteral("ftjob-none")));

    QVERIFY(history.removeJob(QStringLiteral("ftjob-2")));
    QCOMPARE(history.jobs().size(), 1);
}

void tst_JobHistory::eventsAreKeptOnceInOrder()
{
    QTemporaryDir dir;
    JobHistory history(QStringLiteral("conn-a"));
    QVERIFY(history.open(dir.filePath(QStringLiteral("h.sqlite"))));
    const QString job = QStringLiteral("ftjob-1");
    QVERIFY(history.saveEvents(job,
            {makeEvent(QStringLiteral("a"), 10), makeEvent(QStringLiteral("b"), 10),
                    makeEvent(QStringLiteral("c"), 20, QStringLiteral("metrics"))}));
    // Seen again (overlapping page), plus a back-filled older one.
    QVERIFY(history.saveEvents(job,
            {makeEvent(QStringLiteral("early"), 5), makeEvent(QStringLiteral("b"), 10),
                    makeEvent(QStringLiteral("d"), 30)}));
    const QList<JobEvent> events = history.events(job);
    QStringList ids;
    for (const JobEvent &e : events)
        ids << e.id;
    QCOMPARE(ids,
            (QStringList {QStringLiteral("early"), QStringLiteral("a"), QStringLiteral("b"),
                    QStringLiteral("c"), QStringLiteral("d")}));
    QCOMPARE(history.eventCount(job), 5);
    QCOMPARE(events.at(3).type, QStringLiteral("metrics"));
    QCOMPARE(events.at(3).data.value(QLatin1String("train_loss")).toDouble(), 1.5);
    QVERIFY(events.at(0).data.isEmpty());
    QCOMPARE(events.at(1).message, QStringLiteral("message of a"));
    QVERIFY(history.events(QStringLiteral("ftjob-other")).isEmpty());
}

void tst_JobHistory::metricsUpsertFillsGaps()
{
    QTemporaryDir dir;
    JobHistory history(QStringLiteral("conn-a"));
    QVERIFY(history.open(dir.filePath(QStringLiteral("h.sqlite"))));
    const QString job = QStringLiteral("ftjob-1");
    MetricPoint fromEvent;
    fromEvent.step = 10;
    fromEvent.set(Metric::TrainLoss, 1.25);
    fromEvent.set(Metric::ValidLoss, 1.5);
    MetricPoint fromCsv;
    fromCsv.step = 10;
    fromCsv.set(Metric::TrainLoss, 1.2);
    fromCsv.set(Metric::TrainAccuracy, 0.8);
    MetricPoint other;
    other.step = 3;
    other.set(Metric::TrainLoss, 2.0);
    QVERIFY(history.saveMetrics(job, {fromEvent}));
    QVERIFY(history.saveMetrics(job, {fromCsv, other}));
    const QList<MetricPoint> points = history.metrics(job);
    QCOMPARE(points.size(), 2);
    QCOMPARE(points.at(0).step, 3);
    QCOMPARE(points.at(1).value(Metric::TrainLoss), 1.2); // newest value present wins
    QCOMPARE(points.at(1).value(Metric::ValidLoss), 1.5); // missing in the CSV: kept
    QCOMPARE(points.at(1).value(Metric::TrainAccuracy), 0.8);
    QVERIFY(!points.at(1).has(Metric::FullValidLoss));

    QVERIFY(history.saveJob(makeJob(job, 100, QStringLiteral("succeeded"))));
    QVERIFY(!history.metricsComplete(job));
    QVERIFY(history.setMetricsComplete(job, true));
    QVERIFY(history.metricsComplete(job));
    // Updating the job does not forget that the CSV was read.
    QVERIFY(history.saveJob(makeJob(job, 100, QStringLiteral("succeeded"))));
    QVERIFY(history.metricsComplete(job));
}

void tst_JobHistory::checkpointsAndModelPickers()
{
    QTemporaryDir dir;
    JobHistory history(QStringLiteral("conn-a"));
    QVERIFY(history.open(dir.filePath(QStringLiteral("h.sqlite"))));
    QVERIFY(history.saveJobs({makeJob(QStringLiteral("old"), 100, QStringLiteral("succeeded"),
                                      QStringLiteral("ft:old")),
            makeJob(QStringLiteral("new"), 200, QStringLiteral("succeeded"),
                    QStringLiteral("ft:new")),
            makeJob(QStringLiteral("failed"), 300, QStringLiteral("failed"))}));
    QVERIFY(history.saveCheckpoints(QStringLiteral("old"),
            {makeCheckpoint(QStringLiteral("old"), 20, 0.5),
                    makeCheckpoint(QStringLiteral("old"), 10, 0.9)}));
    QVERIFY(history.saveCheckpoints(
            QStringLiteral("new"), {makeCheckpoint(QStringLiteral("new"), 30, 0.4)}));
    const QList<Checkpoint> old = history.checkpoints(QStringLiteral("old"));
    QCOMPARE(old.size(), 2);
    QCOMPARE(old.at(0).stepNumber, 10); // by step
    QCOMPARE(old.at(1).metrics.value(QStringLiteral("train_loss")), 0.5);
    QCOMPARE(old.at(1).jobId, QStringLiteral("old"));
    const QList<Checkpoint> all = history.allCheckpoints();
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.at(0).jobId, QStringLiteral("new")); // newest job first
    QCOMPARE(history.fineTunedModels(),
            (QStringList {QStringLiteral("ft:new"), QStringLiteral("ft:old")}));
}

void tst_JobHistory::survivesRestart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/dir/h.sqlite"));
    {
        JobHistory history(QStringLiteral("conn-a"));
        QVERIFY2(history.open(path), qPrintable(history.lastError()));
        QVERIFY(history.saveJob(
                makeJob(QStringLiteral("ftjob-1"), 100, QStringLiteral("running"))));
        QVERIFY(history.saveEvents(
                QStringLiteral("ftjob-1"), {makeEvent(QStringLiteral("e1"), 1)}));
        MetricPoint p;
        p.step = 1;
        p.set(Metric::TrainLoss, 2.5);
        QVERIFY(history.saveMetrics(QStringLiteral("ftjob-1"), {p}));
    }
    JobHistory again(QStringLiteral("conn-a"));
    QVERIFY(again.open(path));
    QCOMPARE(again.jobs().size(), 1);
    QCOMPARE(again.events(QStringLiteral("ftjob-1")).size(), 1);
    QCOMPARE(again.metrics(QStringLiteral("ftjob-1")).value(0).value(Metric::TrainLoss), 2.5);
    // Two stores on one file at once (two windows) use their own Qt SQL connections.
    JobHistory second(QStringLiteral("conn-a"));
    QVERIFY(second.open(path));
    QCOMPARE(second.jobs().size(), 1);
    second.close();
    QVERIFY(!second.isOpen());
    QVERIFY(again.isOpen());
}

void tst_JobHistory::connectionsAreSeparate()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    JobHistory a(QStringLiteral("conn-a"));
    JobHistory b(QStringLiteral("conn-b"));
    QVERIFY(a.open(path));
    QVERIFY(b.open(path));
    QVERIFY(a.saveJob(makeJob(QStringLiteral("ftjob-1"), 100, QStringLiteral("running"))));
    QVERIFY(b.saveJob(makeJob(QStringLiteral("ftjob-1"), 100, QStringLiteral("failed"))));
    QCOMPARE(a.job(QStringLiteral("ftjob-1"))->status, FineTuningJob::Status::Running);
    QCOMPARE(b.job(QStringLiteral("ftjob-1"))->status, FineTuningJob::Status::Failed);
    QVERIFY(a.saveEvents(QStringLiteral("ftjob-1"), {makeEvent(QStringLiteral("e"), 1)}));
    QVERIFY(b.events(QStringLiteral("ftjob-1")).isEmpty());
}

void tst_JobHistory::schemaVersionAndNewerFileRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    {
        JobHistory history(QStringLiteral("c"));
        QVERIFY(history.open(path));
        QCOMPARE(history.schemaVersion(), JobHistory::kSchemaVersion);
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("t"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = 99"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("t"));
    JobHistory newer(QStringLiteral("c"));
    QVERIFY(!newer.open(path));
    QVERIFY(newer.lastError().contains(QLatin1String("newer version")));
    QVERIFY(!newer.isOpen());
    QVERIFY(!newer.saveJob(makeJob(QStringLiteral("x"), 1, QStringLiteral("queued"))));
    QVERIFY(newer.jobs().isEmpty());
}

void tst_JobHistory::unusablePathIsAnError()
{
    QTemporaryDir dir;
    QFile blocker(dir.filePath(QStringLiteral("file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    JobHistory history(QStringLiteral("c"));
    // A folder cannot be made where a file is.
    QVERIFY(!history.open(dir.filePath(QStringLiteral("file/h.sqlite"))));
    QVERIFY(!history.lastError().isEmpty());
    QVERIFY(!history.isOpen());
}

void tst_JobHistory::hundredThousandEventsInOneBatch()
{
    QTemporaryDir dir;
    JobHistory history(QStringLiteral("c"));
    QVERIFY(history.open(dir.filePath(QStringLiteral("h.sqlite"))));
    QList<JobEvent> events;
    events.reserve(100000);
    for (int i = 0; i < 100000; ++i)
        events.append(makeEvent(
                QStringLiteral("ev-%1").arg(i), 1700000000 + i / 3, QStringLiteral("metrics")));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(history.saveEvents(QStringLiteral("ftjob-big"), events));
    const qint64 writeMs = timer.elapsed();
    timer.restart();
    const QList<JobEvent> loaded = history.events(QStringLiteral("ftjob-big"));
    const qint64 readMs = timer.elapsed();
    qInfo("100k events: write %lld ms, read %lld ms", writeMs, readMs);
    QCOMPARE(loaded.size(), 100000);
    QCOMPARE(loaded.at(99999).id, QStringLiteral("ev-99999"));
    QCOMPARE(loaded.at(1).id, QStringLiteral("ev-1")); // same second: order of arrival
}

void tst_JobHistory::togetherJobReadBackWithItsDialect()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    {
        JobHistory history(QStringLiteral("together"));
        history.setDialectId(QStringLiteral("together"));
        QVERIFY(history.open(path));
        QVERIFY(history.saveJob(togetherJob(QStringLiteral("ft-a1"), QStringLiteral("completed"))));
        QVERIFY(history.saveJob(
                togetherJob(QStringLiteral("ft-a2"), QStringLiteral("user_error"))));
    }
    JobHistory history(QStringLiteral("together"));
    QVERIFY(history.open(path)); // a new session: the dialect comes from the file
    const auto job = history.job(QStringLiteral("ft-a1"));
    QVERIFY(job);
    QCOMPARE(job->status, FineTuningJob::Status::Succeeded);
    QCOMPARE(job->statusText, QStringLiteral("completed"));
    QCOMPARE(job->fineTunedModel, QStringLiteral("user/Meta-Llama-3.1-8B-ft-1"));
    QCOMPARE(job->model, QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference"));
    QCOMPARE(job->settings.type, TrainingSettings::Type::Lora);
    QCOMPARE(job->settings.loraRank.value_or(0), 16);
    QCOMPARE(job->settings.learningRate.value_or(0), 0.0001);
    QCOMPARE(job->totalSteps.value_or(0), 120);
    QVERIFY(job->createdAt > 0);
    const QList<FineTuningJob> jobs = history.jobs();
    QCOMPARE(jobs.size(), 2);
    for (const FineTuningJob &j : jobs) {
        QVERIFY(j.isTerminal());
        QCOMPARE(j.status,
                j.id == QLatin1String("ft-a1") ? FineTuningJob::Status::Succeeded
                                               : FineTuningJob::Status::Failed);
    }
    QVERIFY(history.fineTunedModels().contains(QStringLiteral("user/Meta-Llama-3.1-8B-ft-1")));
}

void tst_JobHistory::versionOneFileStillLoads()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v1.sqlite"));
    {
        // A history file as version 1 wrote it (OpenAI's JSON, no dialect column).
        QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const char *sql : {
                     "CREATE TABLE jobs (connection_id TEXT NOT NULL, id TEXT NOT NULL, "
                     "created_at INTEGER, status TEXT, model TEXT, fine_tuned_model TEXT, "
                     "finished_at INTEGER, raw TEXT NOT NULL, metrics_complete INTEGER NOT NULL "
                     "DEFAULT 0, PRIMARY KEY (connection_id, id))",
                     "CREATE TABLE events (connection_id TEXT NOT NULL, job_id TEXT NOT NULL, "
                     "id TEXT NOT NULL, created_at INTEGER, level TEXT, message TEXT, type TEXT, "
                     "data TEXT, UNIQUE (connection_id, job_id, id))",
                     "CREATE INDEX events_by_job ON events (connection_id, job_id, created_at)",
                     "CREATE TABLE metrics (connection_id TEXT NOT NULL, job_id TEXT NOT NULL, "
                     "step INTEGER NOT NULL, train_loss REAL, train_accuracy REAL, valid_loss "
                     "REAL, valid_accuracy REAL, full_valid_loss REAL, full_valid_accuracy REAL, "
                     "PRIMARY KEY (connection_id, job_id, step))",
                     "CREATE TABLE checkpoints (connection_id TEXT NOT NULL, job_id TEXT NOT "
                     "NULL, id TEXT NOT NULL, step INTEGER, created_at INTEGER, model TEXT, "
                     "metrics TEXT, PRIMARY KEY (connection_id, id))",
                     "INSERT INTO jobs VALUES ('conn', 'ftjob-old', 100, 'succeeded', "
                     "'gpt-4.1-mini-2025-04-14', 'ft:gpt-4.1-mini-2025-04-14:org::old', 400, "
                     "'{\"id\":\"ftjob-old\",\"object\":\"fine_tuning.job\",\"created_at\":100,"
                     "\"finished_at\":400,\"model\":\"gpt-4.1-mini-2025-04-14\",\"status\":"
                     "\"succeeded\",\"fine_tuned_model\":\"ft:gpt-4.1-mini-2025-04-14:org::old\","
                     "\"result_files\":[\"file-res\"]}', 1)",
                     "INSERT INTO metrics (connection_id, job_id, step, train_loss) VALUES "
                     "('conn', 'ftjob-old', 1, 2.5)",
                     "PRAGMA user_version = 1"})
            QVERIFY2(q.exec(QString::fromLatin1(sql)), qPrintable(q.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v1"));

    JobHistory history(QStringLiteral("conn"));
    QVERIFY2(history.open(path), qPrintable(history.lastError()));
    QCOMPARE(history.schemaVersion(), JobHistory::kSchemaVersion);
    const auto old = history.job(QStringLiteral("ftjob-old"));
    QVERIFY(old);
    QCOMPARE(old->status, FineTuningJob::Status::Succeeded);
    QCOMPARE(old->fineTunedModel, QStringLiteral("ft:gpt-4.1-mini-2025-04-14:org::old"));
    QCOMPARE(old->resultFiles, QStringList({QStringLiteral("file-res")}));
    QCOMPARE(history.metrics(QStringLiteral("ftjob-old")).size(), 1);
    QVERIFY(history.metricsComplete(QStringLiteral("ftjob-old")));
    // New jobs of another dialect go into the same file next to the old ones.
    history.setDialectId(QStringLiteral("together"));
    QVERIFY(history.saveJob(togetherJob(QStringLiteral("ft-new"), QStringLiteral("running"))));
    QCOMPARE(history.job(QStringLiteral("ft-new"))->status, FineTuningJob::Status::Running);
    QCOMPARE(history.job(QStringLiteral("ftjob-old"))->status, FineTuningJob::Status::Succeeded);
    QCOMPARE(history.jobs().size(), 2);
}

QTEST_GUILESS_MAIN(tst_JobHistory)
#include "tst_jobhistory.moc"
