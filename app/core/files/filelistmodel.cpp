// SPDX-License-Identifier: GPL-3.0-or-later
#include "filelistmodel.h"

#include "apiclient.h"

#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QTimer>
#include <algorithm>
#include <limits>

namespace fs {

namespace {

int statusRank(const QString &status)
{
    // Ascending puts problems first, then files still being checked, then ready ones.
    if (status == QLatin1String("error"))
        return 0;
    if (status == QLatin1String("uploaded"))
        return 1;
    if (status == QLatin1String("processed"))
        return 2;
    return 3;
}

QString dateText(qint64 seconds)
{
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(seconds), QLocale::ShortFormat);
}

} // namespace

FileListModel::FileListModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_pollTimer(new QTimer(this))
{
    m_pollTimer->setSingleShot(true);
    connect(m_pollTimer, &QTimer::timeout, this, &FileListModel::pollPending);
}

FileListModel::~FileListModel()
{
    abortLoad();
}

void FileListModel::setClient(ApiClient *client)
{
    if (m_client == client)
        return;
    abortLoad();
    m_client = client;
    // The connection's dialect (it follows the client to another kind of connection).
    delete m_provider;
    m_provider = client ? new ProviderClient(client, this) : nullptr;
    m_polling.clear();
    m_loaded = false;
    m_errorMessage.clear();
    m_lastError = {};
    if (!m_files.isEmpty()) {
        beginResetModel();
        m_files.clear();
        endResetModel();
    }
    if (m_loading) {
        m_loading = false;
        Q_EMIT loadingChanged(false);
    }
}

void FileListModel::setPurposeFilter(const QString &purpose)
{
    if (m_purpose == purpose)
        return;
    m_purpose = purpose;
    // The rows of another filter are not a starting point to merge into.
    abortLoad();
    if (!m_files.isEmpty()) {
        beginResetModel();
        m_files.clear();
        endResetModel();
    }
    m_loaded = false;
    if (m_client)
        refresh();
}

void FileListModel::setPollIntervalMs(int ms)
{
    m_pollMs = ms;
    updatePolling();
}

FileObject FileListModel::file(int row) const
{
    return row >= 0 && row < m_files.size() ? m_files.at(row) : FileObject();
}

int FileListModel::rowOf(const QString &fileId) const
{
    for (int row = 0; row < m_files.size(); ++row) {
        if (m_files.at(row).id == fileId)
            return row;
    }
    return -1;
}

QString FileListModel::statusText(const QString &status)
{
    if (status == QLatin1String("uploaded"))
        return tr("Checking…");
    if (status == QLatin1String("processed"))
        return tr("Ready");
    if (status == QLatin1String("error"))
        return tr("Problem");
    if (status == QLatin1String("deleted"))
        return tr("Deleted");
    return status;
}

QString FileListModel::purposeText(const QString &purpose)
{
    if (purpose == QLatin1String("fine-tune"))
        return tr("Fine-tuning data");
    if (purpose == QLatin1String("fine-tune-results"))
        return tr("Training results");
    if (purpose == QLatin1String("batch"))
        return tr("Batch input");
    if (purpose == QLatin1String("batch_output"))
        return tr("Batch output");
    if (purpose == QLatin1String("assistants"))
        return tr("Assistants");
    if (purpose == QLatin1String("assistants_output"))
        return tr("Assistants output");
    if (purpose == QLatin1String("vision"))
        return tr("Images");
    if (purpose == QLatin1String("user_data"))
        return tr("User data");
    if (purpose == QLatin1String("evals"))
        return tr("Evaluations");
    return purpose;
}

QString FileListModel::sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

int FileListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_files.size());
}

int FileListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FileListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FileObject &file = m_files.at(index.row());
    switch (role) {
    case FileIdRole:
        return file.id;
    case StatusRole:
        return file.status;
    case PurposeRole:
        return file.purpose;
    case Qt::DisplayRole:
        switch (index.column()) {
        case FilenameColumn:
            return file.filename;
        case PurposeColumn:
            return purposeText(file.purpose);
        case SizeColumn:
            return sizeText(file.bytes);
        case CreatedColumn:
            return dateText(file.createdAt);
        case StatusColumn:
            return statusText(file.status);
        case ExpiresColumn:
            return file.expiresAt ? dateText(*file.expiresAt) : tr("Never");
        }
        break;
    case SortRole:
        switch (index.column()) {
        case FilenameColumn:
            return file.filename;
        case PurposeColumn:
            return file.purpose;
        case SizeColumn:
            return file.bytes;
        case CreatedColumn:
            return file.createdAt;
        case StatusColumn:
            return statusRank(file.status);
        case ExpiresColumn:
            // Files that never expire sort after every date.
            return file.expiresAt ? *file.expiresAt : std::numeric_limits<qint64>::max();
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case StatusColumn:
            if (file.status == QLatin1String("error"))
                return file.statusDetails.isEmpty()
                        ? tr("The service could not use this file and gave no reason.")
                        : file.statusDetails;
            if (file.status == QLatin1String("uploaded"))
                return tr("The service is checking the file; this usually takes a few seconds.");
            return {};
        case SizeColumn:
            return tr("%L1 bytes").arg(file.bytes);
        case FilenameColumn:
            return file.id;
        case PurposeColumn:
            return file.purpose;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

QVariant FileListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FilenameColumn:
        return tr("Name");
    case PurposeColumn:
        return tr("Purpose");
    case SizeColumn:
        return tr("Size");
    case CreatedColumn:
        return tr("Uploaded");
    case StatusColumn:
        return tr("Status");
    case ExpiresColumn:
        return tr("Expires");
    }
    return {};
}

void FileListModel::refresh()
{
    abortLoad();
    ++m_generation;
    m_incoming.clear();
    m_seenIds.clear();
    m_errorMessage.clear();
    m_lastError = {};
    if (!m_client) {
        finishLoad(false);
        return;
    }
    // The first load shows pages as they come; later ones merge at the end so the rows and the
    // selection do not jump around while a long list reloads.
    m_progressive = m_files.isEmpty();
    if (!m_loading) {
        m_loading = true;
        Q_EMIT loadingChanged(true);
    }
    requestPage({});
}

void FileListModel::requestPage(const QString &after)
{
    FileListQuery query;
    query.purpose = m_purpose;
    query.after = after;
    query.limit = m_pageSize;
    query.order = QStringLiteral("desc");
    const int generation = m_generation;
    m_pageReply = m_provider->listFiles(
            query, [this, generation](const ProviderResult<Page<FileObject>> &result) {
                if (generation != m_generation)
                    return;
                m_pageReply = nullptr;
                if (!result.ok()) {
                    m_lastError = result.error;
                    m_errorMessage = m_lastError.plainMessage();
                    finishLoad(false);
                    return;
                }
                const Page<FileObject> &page = *result.value;
                QList<FileObject> fresh;
                for (const FileObject &file : page.data) {
                    if (file.id.isEmpty() || m_seenIds.contains(file.id))
                        continue;
                    m_seenIds.insert(file.id);
                    fresh.append(file);
                }
                if (m_progressive)
                    appendFiles(fresh);
                else
                    m_incoming.append(fresh);
                Q_EMIT loadProgress(int(m_seenIds.size()));
                // A page with nothing new ends the load even if has_more says otherwise: a server
                // whose cursor does not move would keep us asking forever.
                if (page.hasMore && !fresh.isEmpty() && !page.lastId.isEmpty()) {
                    requestPage(page.lastId);
                    return;
                }
                if (!m_progressive)
                    merge(m_incoming);
                m_incoming.clear();
                finishLoad(true);
            });
}

void FileListModel::finishLoad(bool ok)
{
    if (ok)
        m_loaded = true;
    if (m_loading) {
        m_loading = false;
        Q_EMIT loadingChanged(false);
    }
    updatePolling();
    Q_EMIT loadFinished(ok);
}

void FileListModel::abortLoad()
{
    ++m_generation;
    if (ApiReply *reply = m_pageReply) {
        m_pageReply = nullptr;
        reply->abort();
    }
}

void FileListModel::appendFiles(const QList<FileObject> &files)
{
    if (files.isEmpty())
        return;
    beginInsertRows({}, int(m_files.size()), int(m_files.size() + files.size() - 1));
    m_files.append(files);
    endInsertRows();
}

void FileListModel::updateRow(int row, const FileObject &file)
{
    m_files[row] = file;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void FileListModel::merge(const QList<FileObject> &files)
{
    QHash<QString, qsizetype> incoming;
    for (qsizetype i = 0; i < files.size(); ++i)
        incoming.insert(files.at(i).id, i);
    // Gone ones first (from the end, so rows above keep their numbers), then updates, then new.
    for (int row = int(m_files.size()) - 1; row >= 0; --row) {
        if (!incoming.contains(m_files.at(row).id)) {
            beginRemoveRows({}, row, row);
            m_files.removeAt(row);
            endRemoveRows();
        }
    }
    QSet<QString> present;
    for (int row = 0; row < m_files.size(); ++row) {
        const FileObject &fresh = files.at(incoming.value(m_files.at(row).id));
        present.insert(fresh.id);
        if (fresh.raw != m_files.at(row).raw || fresh.status != m_files.at(row).status)
            updateRow(row, fresh);
    }
    QList<FileObject> added;
    for (const FileObject &file : files) {
        if (!present.contains(file.id))
            added.append(file);
    }
    appendFiles(added);
}

void FileListModel::upsertFile(const FileObject &file)
{
    if (file.id.isEmpty())
        return;
    const int row = rowOf(file.id);
    if (row >= 0) {
        updateRow(row, file);
    } else {
        if (!m_purpose.isEmpty() && file.purpose != m_purpose)
            return;
        // Newest first, as the service lists them.
        beginInsertRows({}, 0, 0);
        m_files.prepend(file);
        endInsertRows();
    }
    // A load in flight started before this file existed; make sure merging keeps it.
    if (m_loading && !m_progressive && !m_seenIds.contains(file.id)) {
        m_seenIds.insert(file.id);
        m_incoming.append(file);
    }
    updatePolling();
}

bool FileListModel::removeFile(const QString &fileId)
{
    const int row = rowOf(fileId);
    // A load in flight may still list it; don't let the merge bring it back.
    m_incoming.erase(std::remove_if(m_incoming.begin(), m_incoming.end(),
                             [&fileId](const FileObject &f) { return f.id == fileId; }),
            m_incoming.end());
    if (row < 0)
        return false;
    beginRemoveRows({}, row, row);
    m_files.removeAt(row);
    endRemoveRows();
    return true;
}

void FileListModel::updatePolling()
{
    const bool pending = std::any_of(m_files.cbegin(), m_files.cend(),
            [](const FileObject &f) { return f.status == QLatin1String("uploaded"); });
    if (pending && m_pollMs > 0 && m_client) {
        if (!m_pollTimer->isActive())
            m_pollTimer->start(m_pollMs);
    } else {
        m_pollTimer->stop();
    }
}

void FileListModel::pollPending()
{
    if (!m_client)
        return;
    for (const FileObject &file : std::as_const(m_files)) {
        if (file.status != QLatin1String("uploaded") || m_polling.contains(file.id))
            continue;
        m_polling.insert(file.id);
        const QString id = file.id;
        QPointer<ApiClient> client = m_client;
        m_provider->retrieveFile(id, [this, id, client](const ProviderResult<FileObject> &result) {
            m_polling.remove(id);
            if (client != m_client)
                return;
            if (result.ok()) {
                const FileObject fresh = *result.value;
                const int row = rowOf(id);
                if (row >= 0 && fresh.id == id) {
                    const bool changed = fresh.status != m_files.at(row).status;
                    updateRow(row, fresh);
                    if (changed)
                        Q_EMIT fileStatusChanged(fresh);
                }
            } else if (result.error.httpStatus == 404) {
                removeFile(id);
            }
            if (m_polling.isEmpty())
                updatePolling();
        });
    }
    if (m_polling.isEmpty())
        updatePolling();
}

} // namespace fs
