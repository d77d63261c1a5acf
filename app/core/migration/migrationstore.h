// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "migrationflow.h"

#include <QList>
#include <QString>

#include <optional>

namespace fs {

/**
 * @brief Where "Move to Another Service" flows are kept: a table `migrations` in the job history
 * file (JobHistory::defaultPath()), one row per flow with its state as JSON, so a flow left at
 * any step is found again with the jobs it made. The table is the store's own (created when
 * missing); the job history's schema is untouched. Not thread-safe.
 */
class MigrationStore
{
public:
    MigrationStore();
    ~MigrationStore();
    MigrationStore(const MigrationStore &) = delete;
    MigrationStore &operator=(const MigrationStore &) = delete;

    /// Opens (creating the table in) the file at `path`; empty: the job history's file.
    bool open(const QString &path = {});
    bool isOpen() const;
    QString lastError() const { return m_lastError; }

    bool save(const MigrationState &state);
    std::optional<MigrationState> load(const QString &id) const;
    QList<MigrationState> all() const; ///< most recently changed first
    /// The newest unfinished flow for `sourceModel`, to offer resuming it.
    std::optional<MigrationState> unfinishedFor(const QString &sourceModel) const;
    bool remove(const QString &id);

private:
    QString m_dbName;
    mutable QString m_lastError;
};

} // namespace fs
