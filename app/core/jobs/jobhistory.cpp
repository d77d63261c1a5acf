// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobhistory.h"

#include "dialect.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

namespace fs {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fs::JobHistory", text);
}

QVariant nullable(double value)
{
    return std::isnan(value) ? QVariant() : QVariant(value);
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject objectFrom(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toByteArray()).object();
}

// The metric columns, in Metric order.
const char *const kMetricColumns[kMetricCount] = {"train_loss", "train_accuracy", "valid_loss",
        "valid_accuracy", "full_valid_loss", "full_valid_accuracy"};

// RAII transaction: rolls back unless committed.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase db)
        : m_db(db)
        , m_open(m_db.transaction())
    {
    }
    ~Transaction()
    {
        if (m_open)
            m_db.rollback();
    }
    bool isOpen() const { return m_open; }
    bool commit()
    {
        m_open = false;
        return m_db.commit();
    }

private:
    QSqlDatabase m_db;
    bool m_open;
};

} // namespace

JobHistory::JobHistory(const QString &connectionId)
    : m_connectionId(connectionId)
    , m_dbName(
              QStringLiteral("fs.jobhistory.") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

JobHistory::~JobHistory()
{
    close();
}

QString JobHistory::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
            + QStringLiteral("/job-history.sqlite");
}

bool JobHistory::open(const QString &path)
{
    close();
    m_path = path.isEmpty() ? defaultPath() : path;
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath())) {
        m_lastError = tr("The folder for the job history could not be created: %1")
                              .arg(QFileInfo(m_path).absolutePath());
        return false;
    }
    {
        // Scoped: removeDatabase() below must not find a handle still alive.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_dbName);
        db.setDatabaseName(m_path);
        // Several areas may keep the same file open; wait for another's write to finish.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=3000"));
        if (!db.open()) {
            m_lastError = tr("The job history could not be opened: %1").arg(db.lastError().text());
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_dbName);
            return false;
        }
    }
    // WAL keeps readers and the writer apart; NORMAL sync is safe with WAL and much faster.
    exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    exec(QStringLiteral("PRAGMA foreign_keys=OFF"));
    if (!migrate()) {
        const QString reason = m_lastError;
        close();
        m_lastError = reason;
        return false;
    }
    return true;
}

bool JobHistory::isOpen() const
{
    return QSqlDatabase::contains(m_dbName) && QSqlDatabase::database(m_dbName, false).isOpen();
}

void JobHistory::close()
{
    if (!QSqlDatabase::contains(m_dbName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_dbName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_dbName);
}

bool JobHistory::fail(const QString &what) const
{
    m_lastError = what;
    return false;
}

bool JobHistory::exec(const QString &sql, const QVariantList &values) const
{
    QSqlQuery query(QSqlDatabase::database(m_dbName, false));
    if (!query.prepare(sql))
        return fail(tr("The job history could not be read or written: %1")
                            .arg(query.lastError().text()));
    for (const QVariant &v : values)
        query.addBindValue(v);
    if (!query.exec())
        return fail(tr("The job history could not be read or written: %1")
                            .arg(query.lastError().text()));
    return true;
}

bool JobHistory::select(QSqlQuery &query, const QString &sql, const QVariantList &values) const
{
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return false;
    query.addBindValue(m_connectionId);
    for (const QVariant &v : values)
        query.addBindValue(v);
    return query.exec();
}

bool JobHistory::writeRows(const QString &sql, qsizetype count,
        const std::function<bool(QSqlQuery &, qsizetype)> &bind)
{
    if (!isOpen())
        return fail(tr("The job history is not open."));
    if (count == 0)
        return true;
    QSqlDatabase db = QSqlDatabase::database(m_dbName, false);
    Transaction transaction(db);
    QSqlQuery query(db);
    query.prepare(sql);
    for (qsizetype row = 0; row < count; ++row) {
        if (!bind(query, row))
            continue;
        if (!query.exec())
            return fail(
                    tr("The job history could not be written: %1").arg(query.lastError().text()));
    }
    return transaction.commit() || fail(tr("The job history could not be written."));
}

int JobHistory::schemaVersion() const
{
    if (!isOpen())
        return 0;
    QSqlQuery query(QSqlDatabase::database(m_dbName, false));
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return 0;
    return query.value(0).toInt();
}

bool JobHistory::migrate()
{
    const int version = schemaVersion();
    if (version > kSchemaVersion)
        return fail(tr("The job history was written by a newer version of Finetune Studio. "
                       "Update the app to use it."));
    if (version == kSchemaVersion)
        return true;
    Transaction transaction(QSqlDatabase::database(m_dbName, false));
    if (version == 1) {
        // Version 1 stored OpenAI's shapes only: its jobs keep a NULL dialect (read as OpenAI).
        if (!exec(QStringLiteral("ALTER TABLE jobs ADD COLUMN dialect TEXT"))
                || !exec(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion)))
            return false;
        return transaction.commit() || fail(tr("The job history could not be set up."));
    }
    const QStringList statements = {
            QStringLiteral("CREATE TABLE IF NOT EXISTS jobs (connection_id TEXT NOT NULL, "
                           "id TEXT NOT NULL, created_at INTEGER, status TEXT, model TEXT, "
                           "fine_tuned_model TEXT, finished_at INTEGER, raw TEXT NOT NULL, "
                           "metrics_complete INTEGER NOT NULL DEFAULT 0, dialect TEXT, "
                           "PRIMARY KEY (connection_id, id))"),
            QStringLiteral("CREATE TABLE IF NOT EXISTS events (connection_id TEXT NOT NULL, "
                           "job_id TEXT NOT NULL, id TEXT NOT NULL, created_at INTEGER, "
                           "level TEXT, message TEXT, type TEXT, data TEXT, "
                           "UNIQUE (connection_id, job_id, id))"),
            QStringLiteral("CREATE INDEX IF NOT EXISTS events_by_job ON events "
                           "(connection_id, job_id, created_at)"),
            QStringLiteral("CREATE TABLE IF NOT EXISTS metrics (connection_id TEXT NOT NULL, "
                           "job_id TEXT NOT NULL, step INTEGER NOT NULL, train_loss REAL, "
                           "train_accuracy REAL, valid_loss REAL, valid_accuracy REAL, "
                           "full_valid_loss REAL, full_valid_accuracy REAL, "
                           "PRIMARY KEY (connection_id, job_id, step))"),
            QStringLiteral("CREATE TABLE IF NOT EXISTS checkpoints (connection_id TEXT NOT NULL, "
                           "job_id TEXT NOT NULL, id TEXT NOT NULL, step INTEGER, "
                           "created_at INTEGER, model TEXT, metrics TEXT, "
                           "PRIMARY KEY (connection_id, id))"),
            QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion),
    };
    for (const QString &statement : statements) {
        if (!exec(statement))
            return false;
    }
    if (!transaction.commit())
        return fail(tr("The job history could not be set up."));
    return true;
}

// ---- jobs -------------------------------------------------------------------------------------

bool JobHistory::saveJobs(const QList<FineTuningJob> &jobs)
{
    // metrics_complete is left as it is on update.
    return writeRows(
            QStringLiteral("INSERT INTO jobs (connection_id, id, created_at, status, model, "
                           "fine_tuned_model, finished_at, raw, dialect) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                           "ON CONFLICT (connection_id, id) DO UPDATE SET "
                           "created_at = excluded.created_at, status = excluded.status, "
                           "model = excluded.model, fine_tuned_model = excluded.fine_tuned_model, "
                           "finished_at = excluded.finished_at, raw = excluded.raw, "
                           "dialect = excluded.dialect"),
            jobs.size(), [&](QSqlQuery &query, qsizetype row) {
                const FineTuningJob &job = jobs.at(row);
                if (job.id.isEmpty())
                    return false;
                query.addBindValue(m_connectionId);
                query.addBindValue(job.id);
                query.addBindValue(job.createdAt);
                query.addBindValue(job.statusText);
                query.addBindValue(job.model);
                query.addBindValue(job.fineTunedModel);
                query.addBindValue(job.finishedAt ? QVariant(*job.finishedAt) : QVariant());
                query.addBindValue(compact(job.raw));
                query.addBindValue(m_dialectId);
                return true;
            });
}

QList<FineTuningJob> JobHistory::jobs() const
{
    QList<FineTuningJob> list;
    if (!isOpen())
        return list;
    QSqlQuery query(QSqlDatabase::database(m_dbName, false));
    if (!select(query,
                QStringLiteral("SELECT raw, dialect FROM jobs WHERE connection_id = ? "
                               "ORDER BY created_at DESC, id DESC")))
        return list;
    while (query.next())
        list.append(jobFrom(query.value(0), query.value(1)));
    return list;
}

std::optional<FineTuningJob> JobHistory::job(const QString &jobId) const
{
    if (!isOpen())
        return std::nullopt;
    QSqlQuery query(QSqlDatabase::database(m_dbName, false));
    if (!select(query,
                QStringLiteral("SELECT raw, dialect FROM jobs WHERE connection_id = ? AND id = ?"),
                {jobId})
            || !query.next())
        return std::nullopt;
    return jobFrom(query.value(0), query.value(1));
}

FineTuningJob JobHistory::jobFrom(const QVariant &raw, const QVariant &dialectId)
{
    const QString id = dialectId.toString();
    if (!id.isEmpty()) {
        HttpAnswer answer;
        answer.body = raw.toByteArray();
        const Expected<FineTuningJob> job = dialectForId(id)->parseJob(answer);
        if (job.ok())
            return job.value();
    }
    return FineTuningJob::fromJson(objectFrom(raw)); // version 1: OpenAI's shapes
}

bool JobHistory::removeJob(const QString &jobId)
{
    if (!isOpen())
        return fail(tr("The job history is not open."));
    Transaction transaction(QSqlDatabase::database(m_dbName, false));
    const QVariantList keys {m_connectionId, jobId};
    if (!exec(QStringLiteral("DELETE FROM jobs WHERE connection_id = ? AND id = ?"), keys)
            || !exec(QStringLiteral("DELETE FROM events WHERE connection_id = ? AND job_id = ?"),
                    keys)
            || !exec(QStringLiteral("DELETE FROM metrics WHERE connection_id = ? AND job_id = ?"),
                    keys)
            || !exec(QStringLiteral(
                             "DELETE FROM checkpoints WHERE connection_id = ? AND job_id = ?"),
                    keys))
        return false;
    return transaction.commit() || fail(tr("The job history could not be written."));
}

// ---- events -----------------------------------------------------------------------------------

bool JobHistory::saveEvents(const QString &jobId, const QList<JobEvent> &oldestFirst)
{
    return writeRows(QStringLiteral("INSERT OR IGNORE INTO events (connection_id, job_id, id, "
                                    "created_at, level, message, type, data) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
            oldestFirst.size(), [&](QSqlQuery &query, qsizetype row) {
                const JobEvent &event = oldestFirst.at(row);
                query.bindValue(0, m_connectionId);
                query.bindValue(1, jobId);
                query.bindValue(2, event.id);
                query.bindValue(3, event.createdAt);
                query.bindValue(4, event.level);
                query.bindValue(5, event.message);
                query.bindValue(6, event.type);
                query.bindValue(
                        7, event.data.isEmpty() ? QVariant() : QVariant(compact(event.data)));
                return true;
            });
}

QList<JobEvent> JobHistory::events(const QString &jobId) const
{
    QList<JobEvent> list;
    if (!isOpen())
        return list;
    QSqlQuery query(QSqlDatabase::database(m_dbName, false));
    // rowid is the order of arrival, which breaks ties within a second as the log does.
    if (!select(query,
                QStringLiteral("SELECT id, created_at, level, message, type, data FROM events "
                               "WHERE connection_id = ? AND job_id = ? "
                               "ORDER BY created_at, rowid"),
                {jobId}))
        return list;
    while (query.next()) {
        JobEvent event;
        event.id = query.value(0).toString();
        event.createdAt = query.value(1).toLongLong();
        event.level = query.value(2).toString();
        event.message = query.value(3).toString();
        event.type = query.value(4).toString();
        if (!query.value(5).isNull())
            event.data = objectFrom(query.value(5));
        list.append(event);
    }
    return list;
}

int JobHistory::eventCount(const QString &jobId) const
{
    if (!isOpen())
        return 0;
    QSqlQuery query(QSqlDatabase::database(m_dbName, false));
    if (!select(query,
                QStringLiteral(
                        "SELECT COUNT(*) FROM events WHERE connection_id = ? AND job_id = ?"),
                {jobId})
            || !query.next())
        return 0;
    return query.value(0).toInt();
}

// ---- metrics ----------------------------------------------------------------------------------

bool JobHistory::saveMetrics(const QString &jobId, const QList<MetricPoint> &points)
{
    QString columns, marks, updates;
    for (const char *column : kMetricColumns) {
        const QString name = QLatin1String(column);
        columns += QStringLiteral(", ") + name;
        marks += QStringLiteral(", ?");
        updates += (updates.isEmpty() ? QString() : QStringLiteral(", ")) + name
                + QStringLiteral(" = COALESCE(excluded.") + name + QStringLiteral(", ") + name
                + QLatin1Char(')');
    }
    return writeRows(QStringLiteral("INSERT INTO metrics (connection_id, job_id, step") + columns
                    + QStringLiteral(") VALUES (?, ?, ?") + marks
                    + QStringLiteral(") ON CONFLICT (connection_id, job_id, step) DO UPDATE SET ")
                    + updates,
            points.size(), [&](QSqlQuery &query, qsizetype row) {
                const MetricPoint &point = points.at(row);
                query.bindValue(0, m_connectionId);
                query.bindValue(1, jobId);
                query.bindValue(2, point.step);
                for (int m = 0; m < kMetricCount; ++m)
                    query.bindValue(3 + m, nullable(point.values[size_t(m)]));
                return true;
            });
}

QList<MetricPoint> JobHistory::metrics(const QString &jobId) const
{
    QList<MetricPoint> list;
    if (!isOpen())
        return list;
    QSqlQuery query(QSqlDatabase::database(m_dbName, false));
    QString columns;
    for (const char *column : kMetricColumns)
        columns += QStringLiteral(", ") + QLatin1String(column);
    if (!select(query,
                QStringLiteral("SELECT step") + columns
                        + QStringLiteral(" FROM metrics WHERE connection_id = ? AND job_id = ? "
                                         "ORDER BY step"),
                {jobId}))
        return list;
    while (query.next()) {
        MetricPoint point;
        point.step = query.value(0).toInt();
        for (int m = 0; m < kMetricCount; ++m) {
            if (!query.value(1 + m).isNull())
                point.values[size_t(m)] = query.value(1 + m).toDouble();
        }
        list.append(point);
    }
    return list;
}

bool JobHistory::setMetricsComplete(const QString &jobId, bool complete)
{
    if (!isOpen())
        return fail(tr("The job history is not open."));
    return exec(QStringLiteral(
                        "UPDATE jobs SET metrics_complete = ? WHERE connection_id = ? AND id = ?"),
            {complete ? 1 : 0, m_connectionId, jobId});
}

bool JobHistory::metricsComplete(const QString &jobId) const
{
    if (!isOpen())
        return false;
    QSqlQuery query(QSqlDatabase::database(m_dbName, false));
    return select(query,
                   QStringLiteral("SELECT metrics_complete FROM jobs WHERE connection_id = ? "
                                  "AND id = ?"),
                   {jobId})
            && query.next() && query.value(0).toInt() != 0;
}

// ---- checkpoints ------------------------------------------------------------------------------

bool JobHistory::saveCheckpoints(const QString &jobId, const QList<Checkpoint> &checkpoints)
{
    return writeRows(QStringLiteral("INSERT OR REPLACE INTO checkpoints (connection_id, job_id, "
                                    "id, step, created_at, model, metrics) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?)"),
            checkpoints.size(), [&](QSqlQuery &query, qsizetype row) {
                const Checkpoint &checkpoint = checkpoints.at(row);
                QJsonObject metrics;
                for (auto it = checkpoint.metrics.constBegin(); it != checkpoint.metrics.constEnd();
                        ++it)
                    metrics.insert(it.key(), it.value());
                query.bindValue(0, m_connectionId);
                query.bindValue(1, jobId);
                query.bindValue(2, checkpoint.id);
                query.bindValue(3, checkpoint.stepNumber);
                query.bindValue(4, checkpoint.createdAt);
                query.bindValue(5, checkpoint.fineTunedModelCheckpoint);
                query.bindValue(6, compact(metrics));
                return true;
            });
}

namespace {

Checkpoint checkpointFromRow(const QSqlQuery &query)
{
    Checkpoint c;
    c.jobId = query.value(0).toString();
    c.id = query.value(1).toString();
    c.stepNumber = query.value(2).toLongLong();
    c.createdAt = query.value(3).toLongLong();
    c.fineTunedModelCheckpoint = query.value(4).toString();
    const QJsonObject metrics = objectFrom(query.value(5));
    for (auto it = metrics.constBegin(); it != metrics.constEnd(); ++it)
        c.metrics.insert(it.key(), it.value().toDouble());
    return c;
}

} // namespace

QList<Checkpoint> JobHistory::checkpoints(const QString &jobId) const
{
    QList<Checkpoint> list;
    if (!isOpen())
        return list;
    QSqlQuery query(QSqlDatabase::database(m_dbName, false));
    if (!select(query,
                QStringLiteral("SELECT job_id, id, step, created_at, model, metrics FROM "
                               "checkpoints WHERE connection_id = ? AND job_id = ? "
                               "ORDER BY step"),
                {jobId}))
        return list;
    while (query.next())
        list.append(checkpointFromRow(query));
    return list;
}

QList<Checkpoint> JobHistory::allCheckpoints() const
{
    QList<Checkpoint> list;
    if (!isOpen())
        return list;
    QSqlQuery query(QSqlDatabase::database(m_dbName, false));
    if (!select(query,
                QStringLiteral("SELECT c.job_id, c.id, c.step, c.created_at, c.model, c.metrics "
                               "FROM checkpoints c LEFT JOIN jobs j ON j.connection_id = "
                               "c.connection_id AND j.id = c.job_id WHERE c.connection_id = ? "
                               "ORDER BY j.created_at DESC, c.job_id, c.step DESC")))
        return list;
    while (query.next())
        list.append(checkpointFromRow(query));
    return list;
}

QStringList JobHistory::fineTunedModels() const
{
    QStringList list;
    if (!isOpen())
        return list;
    QSqlQuery query(QSqlDatabase::database(m_dbName, false));
    if (!select(query,
                QStringLiteral("SELECT fine_tuned_model FROM jobs WHERE connection_id = ? "
                               "AND fine_tuned_model IS NOT NULL AND fine_tuned_model <> '' "
                               "ORDER BY created_at DESC, id DESC")))
        return list;
    while (query.next())
        list.append(query.value(0).toString());
    return list;
}

} // namespace fs
