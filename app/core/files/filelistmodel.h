// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apiclient.h"
#include "apierror.h"
#include "apitypes.h"
#include "providerclient.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QString>

class QTimer;

namespace fs {

/**
 * @brief The files of one connection as a table: name, purpose, size, created, status, expiry.
 *
 * refresh() loads the whole list, page by page with `after` (pageSize() per request), and shows
 * rows as pages arrive the first time; a later refresh merges the new list into the rows so the
 * selection survives. The whole list rather than fetchMore(): the view sorts (largest, newest,
 * problems first) and a sort over the first page only would give wrong answers, and even a
 * busy account has at most a few thousand files, a few requests.
 *
 * Display texts are for people ("2.4 MB", "Ready"); SortRole carries the raw value (bytes,
 * unix seconds, a status rank) for a QSortFilterProxyModel. Files the service is still checking
 * (status "uploaded") are looked at again every pollIntervalMs() until they are processed or
 * have an error, so "Checking…" turns into "Ready" by itself.
 */
class FileListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        FilenameColumn,
        PurposeColumn,
        SizeColumn,
        CreatedColumn,
        StatusColumn,
        ExpiresColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 1, ///< raw value of the cell: bytes, seconds, status rank
        FileIdRole, ///< the file's id (any column)
        StatusRole, ///< the raw status text ("processed", …) (any column)
        PurposeRole, ///< the raw purpose (any column)
    };

    explicit FileListModel(QObject *parent = nullptr);
    ~FileListModel() override;

    /// The client to list files with (not owned); null empties the list. Setting one does not
    /// load: call refresh(). Files are listed through the dialect of the client's connection
    /// (ProviderClient): OpenAI's pages, Together AI's one list with its "Processed" check.
    void setClient(ApiClient *client);
    ApiClient *client() const { return m_client; }

    /// Only files of this purpose ("fine-tune", …); empty: all. The service filters, so this
    /// reloads when the purpose changes.
    void setPurposeFilter(const QString &purpose);
    QString purposeFilter() const { return m_purpose; }

    void setPageSize(int size) { m_pageSize = size; }
    int pageSize() const { return m_pageSize; }
    /// 0 turns the following of files being checked off.
    void setPollIntervalMs(int ms);
    int pollIntervalMs() const { return m_pollMs; }

    bool isLoading() const { return m_loading; }
    /// True once a load has finished without error for the current client and filter.
    bool isLoaded() const { return m_loaded; }
    /// Why the last load failed, in plain words; empty when it did not.
    QString errorMessage() const { return m_errorMessage; }
    ApiError lastError() const { return m_lastError; }

    FileObject file(int row) const;
    /// The row of a file, -1 when it is not in the list.
    int rowOf(const QString &fileId) const;
    QList<FileObject> files() const { return m_files; }

    /// Plain words for a status: uploaded → "Checking…", processed → "Ready", error → "Problem".
    static QString statusText(const QString &status);
    /// Plain words for a purpose ("fine-tune" → "Fine-tuning data"); unknown ones as they are.
    static QString purposeText(const QString &purpose);
    /// "2.4 MB" for people.
    static QString sizeText(qint64 bytes);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
            int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

public Q_SLOTS:
    /// Loads the list again (a load still running is dropped).
    void refresh();
    /// Adds a file (e.g. just uploaded) or updates the row showing it. A file of another
    /// purpose than the filter is not added.
    void upsertFile(const fs::FileObject &file);
    /// Removes a file's row (after it was deleted); false when it was not listed.
    bool removeFile(const QString &fileId);

Q_SIGNALS:
    void loadingChanged(bool loading);
    /// While loading: how many files have arrived so far.
    void loadProgress(int filesLoaded);
    /// A load ended; ok false: errorMessage() says why (the rows from before stay).
    void loadFinished(bool ok);
    /// A file changed status while being followed (e.g. uploaded → processed).
    void fileStatusChanged(const fs::FileObject &file);

private:
    void requestPage(const QString &after);
    void finishLoad(bool ok);
    void merge(const QList<FileObject> &files);
    void appendFiles(const QList<FileObject> &files);
    void updateRow(int row, const FileObject &file);
    void updatePolling();
    void pollPending();
    void abortLoad();

    QPointer<ApiClient> m_client;
    ProviderClient *m_provider = nullptr;
    QList<FileObject> m_files;
    QString m_purpose;
    int m_pageSize = 100;
    int m_pollMs = 3000;
    bool m_loading = false;
    bool m_loaded = false;
    bool m_progressive = false; ///< this load shows pages as they arrive (list was empty)
    QList<FileObject> m_incoming; ///< the pages of a merging load so far
    QSet<QString> m_seenIds; ///< against a cursor that repeats itself
    QPointer<ApiReply> m_pageReply;
    int m_generation = 0;
    QString m_errorMessage;
    ApiError m_lastError;
    QTimer *m_pollTimer;
    QSet<QString> m_polling; ///< ids with a retrieve in flight
};

} // namespace fs
