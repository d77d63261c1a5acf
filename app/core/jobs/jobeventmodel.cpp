// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobeventmodel.h"

#include "jobtexts.h"

#include <QDateTime>

namespace fs {

namespace {

QString timeText(qint64 createdAt)
{
    return QDateTime::fromSecsSinceEpoch(createdAt).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString levelText(const QString &level)
{
    if (level == QLatin1String("info"))
        return JobEventModel::tr("Info");
    if (level == QLatin1String("warn") || level == QLatin1String("warning"))
        return JobEventModel::tr("Warning");
    if (level == QLatin1String("error"))
        return JobEventModel::tr("Error");
    return level;
}

} // namespace

JobEventModel::JobEventModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void JobEventModel::setEvents(const QList<JobEvent> &oldestFirst)
{
    beginResetModel();
    m_events = oldestFirst;
    m_timeTexts.clear();
    m_timeTexts.resize(m_events.size()); // formatted when first shown
    endResetModel();
}

void JobEventModel::addEvents(const QList<JobEvent> &oldestFirst)
{
    if (oldestFirst.isEmpty())
        return;
    const qint64 newest =
            m_events.isEmpty() ? std::numeric_limits<qint64>::min() : m_events.last().createdAt;
    bool inOrder = true;
    for (const JobEvent &e : oldestFirst) {
        if (e.createdAt < newest) {
            inOrder = false;
            break;
        }
    }
    if (!inOrder) {
        // A back-filled gap: the events go in their place in time (stable for equal times).
        QList<JobEvent> merged = m_events;
        for (const JobEvent &e : oldestFirst) {
            auto position = std::upper_bound(merged.begin(), merged.end(), e.createdAt,
                    [](qint64 t, const JobEvent &known) { return t < known.createdAt; });
            merged.insert(position, e);
        }
        setEvents(merged);
        return;
    }
    const int first = int(m_events.size());
    beginInsertRows({}, first, first + int(oldestFirst.size()) - 1);
    m_events.append(oldestFirst);
    m_timeTexts.resize(m_events.size());
    endInsertRows();
}

void JobEventModel::clear()
{
    setEvents({});
}

QString JobEventModel::toText(const QModelIndexList &rows) const
{
    QList<int> numbers;
    for (const QModelIndex &index : rows) {
        if (index.isValid() && index.model() == this && !numbers.contains(index.row()))
            numbers.append(index.row());
    }
    std::sort(numbers.begin(), numbers.end());
    QString text;
    for (int row : std::as_const(numbers)) {
        const JobEvent &e = m_events.at(row);
        text += timeTextAt(row) + QLatin1Char('\t') + e.level + QLatin1Char('\t') + e.message;
        const QString code = JobTexts::eventErrorCode(e);
        if (!code.isEmpty())
            text += QStringLiteral(" [") + code + QLatin1Char(']');
        text += QLatin1Char('\n');
    }
    return text;
}

QString JobEventModel::timeTextAt(int row) const
{
    QString &text = m_timeTexts[row];
    if (text.isEmpty())
        text = timeText(m_events.at(row).createdAt);
    return text;
}

int JobEventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int JobEventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobEventModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= m_events.size()
            || index.column() >= ColumnCount)
        return {};
    const JobEvent &e = m_events.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return timeTextAt(index.row());
        case LevelColumn:
            return levelText(e.level);
        case MessageColumn:
            if (e.level == QLatin1String("error")) {
                const QString code = JobTexts::eventErrorCode(e);
                if (!code.isEmpty())
                    return JobTexts::errorText(code, e.message);
            }
            return e.message;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == MessageColumn ? QVariant(e.message) : QVariant();
    case Qt::ForegroundRole:
    case LevelColorRole: {
        const QColor color = JobTexts::levelColor(e.level);
        return color.isValid() ? QVariant(color) : QVariant();
    }
    case EventIdRole:
        return e.id;
    case LevelRole:
        return e.level;
    case TypeRole:
        return e.type;
    case CreatedAtRole:
        return e.createdAt;
    case ErrorCodeRole:
        return JobTexts::eventErrorCode(e);
    case PlainErrorRole:
        if (e.level != QLatin1String("error"))
            return {};
        return JobTexts::errorText(JobTexts::eventErrorCode(e), e.message);
    case EventRole:
        return QVariant::fromValue(e);
    default:
        return {};
    }
}

QVariant JobEventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case LevelColumn:
        return tr("Level");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

// ---- filter -----------------------------------------------------------------------------------

JobEventFilterModel::JobEventFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void JobEventFilterModel::setLevels(Levels levels)
{
    if (m_levels == levels)
        return;
    m_levels = levels;
    invalidateFilter();
}

void JobEventFilterModel::setText(const QString &text)
{
    if (m_text == text)
        return;
    m_text = text;
    invalidateFilter();
}

void JobEventFilterModel::setHideMetrics(bool hide)
{
    if (m_hideMetrics == hide)
        return;
    m_hideMetrics = hide;
    invalidateFilter();
}

bool JobEventFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const auto *events = qobject_cast<const JobEventModel *>(sourceModel());
    if (!events)
        return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
    const JobEvent &e = events->eventRef(sourceRow);
    Level level = Info;
    if (e.level == QLatin1String("error"))
        level = Error;
    else if (e.level == QLatin1String("warn") || e.level == QLatin1String("warning"))
        level = Warning;
    if (!m_levels.testFlag(level))
        return false;
    if (m_hideMetrics && e.type == QLatin1String("metrics"))
        return false;
    if (!m_text.isEmpty() && !e.message.contains(m_text, Qt::CaseInsensitive)
            && !JobTexts::eventErrorCode(e).contains(m_text, Qt::CaseInsensitive))
        return false;
    return true;
}

} // namespace fs
