// SPDX-License-Identifier: GPL-3.0-or-later
#include "migrationstore.h"

#include "jobhistory.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace fs {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fs::MigrationStore", text);
}

} // namespace

MigrationStore::MigrationStore()
    : m_dbName(QStringLiteral("migrations-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

MigrationStore::~MigrationStore()
{
    if (QSqlDatabase::contains(m_dbName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_dbName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_dbName);
    }
}

bool MigrationStore::open(const QString &path)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_dbName);
        db.setDatabaseName(path.isEmpty() ? JobHistory::defaultPath() : path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=3000"));
        if (!db.open()) {
            m_lastError = tr("The job history could not be opened: %1").arg(db.lastError().text());
            return false;
        }
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS migrations (id TEXT PRIMARY "
                                       "KEY, source_model TEXT, step TEXT, updated TEXT, "
                                       "state TEXT NOT NULL)"))) {
            m_lastError =
                    tr("The job history could not be set up: %1").arg(query.lastError().text());
            return false;
        }
    }
    return true;
}

bool MigrationStore::isOpen() const
{
    return QSqlDatabase::contains(m_dbName) && QSqlDatabase::database(m_dbName, false).isOpen();
}

bool MigrationStore::save(const MigrationState &state)
{
    if (!isOpen()) {
        m_lastError = tr("The job history is not open.");
        return false;
    }
    const QJsonObject json = state.toJson();
    QSqlQuery query(QSqlDatabase::database(m_dbName, false));
    query.prepare(QStringLiteral("INSERT INTO migrations (id, source_model, step, updated, state) "
                                 "VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                                 "source_model = excluded.source_model, step = excluded.step, "
                                 "updated = excluded.updated, state = excluded.state"));
    query.addBindValue(state.id);
    query.addBindValue(state.sourceModel);
    query.addBindValue(json.value(QLatin1String("step")).toString());
    query.addBindValue(json.value(QLatin1String("updated")).toString());
    query.addBindValue(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
    if (!query.exec()) {
        m_lastError = tr("The job history could not be written: %1").arg(query.lastError().text());
        return false;
    }
    return true;
}

std::optional<MigrationState> MigrationStore::load(const QString &id) const
{
    const QList<MigrationState> states = all();
    for (const MigrationState &state : states) {
        if (state.id == id)
            return state;
    }
    return std::nullopt;
}

QList<MigrationState> MigrationStore::all() const
{
    QList<MigrationState> states;
    if (!isOpen())
        return states;
    QSqlQuery query(QSqlDatabase::database(m_dbName, false));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT state FROM migrations ORDER BY updated DESC, id"))) {
        m_lastError = tr("The job history could not be read: %1").arg(query.lastError().text());
        return states;
    }
    while (query.next())
        states.append(MigrationState::fromJson(
                QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object()));
    return states;
}

std::optional<MigrationState> MigrationStore::unfinishedFor(const QString &sourceModel) const
{
    const QList<MigrationState> states = all();
    for (const MigrationState &state : states) {
        if (state.sourceModel == sourceModel && state.step != MigrationState::Step::Done)
            return state;
    }
    return std::nullopt;
}

bool MigrationStore::remove(const QString &id)
{
    QSqlQuery query(QSqlDatabase::database(m_dbName, false));
    query.prepare(QStringLiteral("DELETE FROM migrations WHERE id = ?"));
    query.addBindValue(id);
    return query.exec();
}

} // namespace fs
