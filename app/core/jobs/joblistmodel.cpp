// SPDX-License-Identifier: GPL-3.0-or-later
#include "joblistmodel.h"

#include "apiclient.h"
#include "jobhistory.h"
#include "jobtexts.h"
#include "providerclient.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace fs {

namespace {

bool newerFirst(const FineTuningJob &a, const FineTuningJob &b)
{
    return a.createdAt != b.createdAt ? a.createdAt > b.createdAt : a.id > b.id;
}

QString createdText(qint64 createdAt)
{
    if (createdAt <= 0)
        return QStringLiteral("-");
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(createdAt), QLocale::ShortFormat);
}

} // namespace

JobListModel::JobListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void JobListModel::loadHistory()
{
    if (!m_history)
        return;
    QList<FineTuningJob> jobs = m_history->jobs();
    std::sort(jobs.begin(), jobs.end(), newerFirst);
    beginResetModel();
    m_jobs = jobs;
    endResetModel();
}

void JobListModel::clear()
{
    cancelRefresh();
    beginResetModel();
    m_jobs.clear();
    endResetModel();
}

bool JobListModel::removeJob(const QString &jobId)
{
    if (m_history && m_history->isOpen())
        m_history->removeJob(jobId);
    const int row = rowOf(jobId);
    if (row < 0)
        return false;
    beginRemoveRows({}, row, row);
    m_jobs.removeAt(row);
    endRemoveRows();
    return true;
}

void JobListModel::mergeJobs(const QList<FineTuningJob> &jobs)
{
    if (jobs.isEmpty())
        return;
    if (m_history && m_history->isOpen())
        m_history->saveJobs(jobs);
    for (const FineTuningJob &job : jobs) {
        if (job.id.isEmpty())
            continue;
        const int existing = rowOf(job.id);
        if (existing >= 0 && m_jobs.at(existing).createdAt == job.createdAt) {
            m_jobs[existing] = job;
            Q_EMIT dataChanged(index(existing, 0), index(existing, ColumnCount - 1));
            continue;
        }
        if (existing >= 0) {
            beginRemoveRows({}, existing, existing);
            m_jobs.removeAt(existing);
            endRemoveRows();
        }
        const auto position = std::lower_bound(m_jobs.begin(), m_jobs.end(), job, newerFirst);
        const int row = int(position - m_jobs.begin());
        beginInsertRows({}, row, row);
        m_jobs.insert(row, job);
        endInsertRows();
    }
}

void JobListModel::refresh(ApiClient *client, int maxPages)
{
    if (!client)
        return;
    cancelRefresh();
    if (m_api != client || !m_provider) {
        delete m_provider;
        m_provider = new ProviderClient(client, this);
        m_api = client;
    }
    m_loading = true;
    fetchPage(QString(), std::max(1, maxPages));
    Q_EMIT loadingChanged(true);
}

void JobListModel::cancelRefresh()
{
    if (!m_loading)
        return;
    ++m_serial;
    m_loading = false;
    if (auto *reply = qobject_cast<ApiReply *>(m_reply.data())) {
        m_reply = nullptr;
        reply->abort();
    }
    Q_EMIT loadingChanged(false);
}

void JobListModel::fetchPage(const QString &after, int pagesLeft)
{
    const int serial = ++m_serial;
    m_reply = m_provider->listJobs(after, 100,
            [this, serial, pagesLeft](const ProviderResult<Page<FineTuningJob>> &result) {
                if (serial != m_serial)
                    return;
                m_reply = nullptr;
                if (!result.ok()) {
                    m_loading = false;
                    Q_EMIT loadingChanged(false);
                    Q_EMIT refreshFailed(result.error);
                    return;
                }
                const Page<FineTuningJob> &page = *result.value;
                // Stop paging once a page brings nothing new: older jobs are in the history
                // already.
                bool anythingNew = false;
                for (const FineTuningJob &job : page.data) {
                    const int row = rowOf(job.id);
                    if (row < 0 || !m_jobs.at(row).isTerminal()
                            || m_jobs.at(row).statusText != job.statusText)
                        anythingNew = true;
                }
                mergeJobs(page.data);
                if (page.hasMore && !page.data.isEmpty() && pagesLeft > 1 && anythingNew && m_api) {
                    fetchPage(page.data.last().id, pagesLeft - 1);
                    return;
                }
                m_loading = false;
                Q_EMIT loadingChanged(false);
                Q_EMIT refreshed();
            });
}

FineTuningJob JobListModel::jobAt(int row) const
{
    return m_jobs.value(row);
}

int JobListModel::rowOf(const QString &jobId) const
{
    for (int i = 0; i < m_jobs.size(); ++i) {
        if (m_jobs.at(i).id == jobId)
            return i;
    }
    return -1;
}

qint64 JobListModel::now() const
{
    return m_now > 0 ? m_now : QDateTime::currentSecsSinceEpoch();
}

void JobListModel::setNow(qint64 now)
{
    m_now = now;
    // Only unfinished jobs' durations move; contiguous runs give one signal each.
    int first = -1;
    for (int row = 0; row <= int(m_jobs.size()); ++row) {
        const bool moving = row < m_jobs.size() && !m_jobs.at(row).isTerminal();
        if (moving && first < 0)
            first = row;
        if (!moving && first >= 0) {
            Q_EMIT dataChanged(index(first, DurationColumn), index(row - 1, DurationColumn),
                    {Qt::DisplayRole, SortRole});
            first = -1;
        }
    }
}

int JobListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int JobListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FineTuningJob &job = m_jobs.at(index.row());
    switch (role) {
    case JobIdRole:
        return job.id;
    case JobRole:
        return QVariant::fromValue(job);
    case StatusRole:
        return int(job.status);
    case StatusTextRole:
        return JobTexts::statusText(job);
    case StatusColorRole:
        return JobTexts::statusColor(job.status);
    case CreatedAtRole:
        return job.createdAt;
    case Qt::ToolTipRole:
        // Names can be cut short in a narrow list: their tooltip holds them whole.
        if (index.column() == IdColumn || index.column() == BaseModelColumn
                || index.column() == FineTunedModelColumn)
            return data(index, Qt::DisplayRole);
        if (job.error && !job.error->isEmpty())
            return JobTexts::errorText(job.error->code, job.error->message);
        return {};
    case Qt::DisplayRole:
    case SortRole:
        break;
    default:
        return {};
    }
    const bool sort = role == SortRole;
    switch (index.column()) {
    case StatusColumn:
        return sort ? QVariant(int(job.status)) : QVariant(JobTexts::statusText(job));
    case IdColumn:
        return job.id;
    case BaseModelColumn:
        return job.model;
    case FineTunedModelColumn:
        return job.fineTunedModel.isEmpty() && !sort ? QStringLiteral("-") : job.fineTunedModel;
    case CreatedColumn:
        return sort ? QVariant(job.createdAt) : QVariant(createdText(job.createdAt));
    case DurationColumn:
        if (sort)
            return JobTexts::durationSeconds(job, now()).value_or(-1);
        return JobTexts::durationText(job, now());
    case TrainedTokensColumn:
        if (sort)
            return job.trainedTokens ? *job.trainedTokens : -1;
        return job.trainedTokens ? QLocale().toString(*job.trainedTokens) : QStringLiteral("-");
    default:
        return {};
    }
}

QVariant JobListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StatusColumn:
        return tr("Status");
    case IdColumn:
        return tr("Job");
    case BaseModelColumn:
        return tr("Base model");
    case FineTunedModelColumn:
        return tr("Fine-tuned model");
    case CreatedColumn:
        return tr("Created");
    case DurationColumn:
        return tr("Duration");
    case TrainedTokensColumn:
        return tr("Trained tokens");
    default:
        return {};
    }
}

QHash<int, QByteArray> JobListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(JobIdRole, "jobId");
    names.insert(StatusTextRole, "statusText");
    names.insert(StatusColorRole, "statusColor");
    return names;
}

} // namespace fs
