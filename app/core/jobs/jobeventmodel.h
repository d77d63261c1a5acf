// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apitypes.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace fs {

/**
 * @brief A job's event log for a view: time, level, message; oldest first.
 *
 * Built for 100,000 events: a batch is one insert (appended at the end when it is newer than
 * what is shown, else a reset), and data() does no parsing.
 */
class JobEventModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, LevelColumn, MessageColumn, ColumnCount };
    enum Role {
        EventIdRole = Qt::UserRole + 1,
        LevelRole, ///< "info", "warn", "error" (raw)
        TypeRole, ///< "message", "metrics", …
        CreatedAtRole, ///< qint64 unix seconds
        ErrorCodeRole, ///< data.error_code or empty
        PlainErrorRole, ///< the error code in plain words plus the message, for error events
        LevelColorRole, ///< QColor per level (also served as Qt::ForegroundRole)
        EventRole, ///< QVariant of JobEvent
    };

    explicit JobEventModel(QObject *parent = nullptr);

    void setEvents(const QList<JobEvent> &oldestFirst);
    /// New events from the tracker (oldest first).
    void addEvents(const QList<JobEvent> &oldestFirst);
    void clear();
    JobEvent eventAt(int row) const { return m_events.value(row); }
    /// The event of `row` without a copy (row must be valid).
    const JobEvent &eventRef(int row) const { return m_events.at(row); }
    /// The rows as text for the clipboard: "time<TAB>level<TAB>message" per line.
    QString toText(const QModelIndexList &rows) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
            int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString timeTextAt(int row) const;

    QList<JobEvent> m_events;
    mutable QList<QString> m_timeTexts; ///< formatted once per event, when first shown
};

/// Filters a JobEventModel by level and text (case-insensitive, in the message).
class JobEventFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum Level { Info = 0x1, Warning = 0x2, Error = 0x4, AllLevels = 0x7 };
    Q_DECLARE_FLAGS(Levels, Level)

    explicit JobEventFilterModel(QObject *parent = nullptr);

    void setLevels(Levels levels);
    Levels levels() const { return m_levels; }
    void setText(const QString &text);
    QString text() const { return m_text; }
    /// Hide the per-step metrics events (the chart shows them).
    void setHideMetrics(bool hide);
    bool hideMetrics() const { return m_hideMetrics; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    Levels m_levels = AllLevels;
    QString m_text;
    bool m_hideMetrics = false;
};

} // namespace fs

Q_DECLARE_OPERATORS_FOR_FLAGS(fs::JobEventFilterModel::Levels)
