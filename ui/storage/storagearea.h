// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apitypes.h"
#include "connection.h"
#include "s3client.h"

#include <QPointer>
#include <QWidget>
#include <functional>
#include <memory>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QNetworkAccessManager;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QStandardItemModel;
class QToolButton;
class QTreeView;

namespace fs {
class ActiveConnection;
class ConnectionStore;
class SecretStore;
class StorageConnectionStore;
class UploadQueue;
class UploadTask;
class UploadSource;
class ApiClient;
struct UploadProgress;
} // namespace fs

namespace fs::ui {

class DatasetArea;
class MainWindow;

/**
 * @brief The Storage area: buckets in S3-compatible storage (Cloudflare R2, S3, MinIO).
 *
 * Saved storage connections (the secret in the keychain) and, while the built-in sandbox
 * runs, the preset practice bucket; a bucket browser with folders,
 * and three actions: open an object in the dataset editor (downloaded to a cache file first),
 * save the open dataset to the bucket, and send an object to the fine-tuning service as a
 * training or validation file — streamed in ranged reads, with progress and cancel.
 */
class StorageArea : public QWidget
{
    Q_OBJECT
public:
    /// What the area needs when there is no MainWindow (tests). Nothing is owned.
    struct Pieces
    {
        StorageConnectionStore *store = nullptr; ///< null: one on the application's settings
        SecretStore *secrets = nullptr;
        QNetworkAccessManager *nam = nullptr;
        ActiveConnection *active = nullptr; ///< null: setFineTuningConnection()
        /// Its built-in sandbox serves the practice bucket; null: no practice bucket.
        ConnectionStore *connections = nullptr;
    };

    StorageArea(MainWindow *window, DatasetArea *datasets, QWidget *parent = nullptr);
    StorageArea(const Pieces &pieces, DatasetArea *datasets, QWidget *parent = nullptr);
    ~StorageArea() override;

    /// The fine-tuning connection for "Send for training" when no ActiveConnection was given.
    void setFineTuningConnection(const Connection &connection);
    /// The queue "Send for training" goes through (not owned; the window's, shared with the
    /// Files area so one upload sends at a time and every one shows there). Without one the
    /// area makes its own.
    void setUploadQueue(UploadQueue *queue);
    /// Where "Open in dataset editor" puts its downloads (default: the app's cache folder).
    void setCacheDirectory(const QString &directory) { m_cacheDirectory = directory; }
    QString cacheDirectory() const { return m_cacheDirectory; }

    StorageConnectionStore *store() const { return m_store; }
    QString currentConnectionId() const;
    QString currentPrefix() const { return m_prefix; }
    S3Listing listing() const { return m_listing; }
    bool isListing() const { return m_listReply; }
    bool isTransferring() const;
    /// The last result in words ("Sent … as file-…: ready for training.").
    QString statusText() const;
    /// The file the last send produced (empty until one succeeded).
    FileObject sentFile() const { return m_sentFile; }

    // Pieces for tests.
    QTreeView *objectView() const { return m_view; }
    QStandardItemModel *objectModel() const { return m_model; }
    QComboBox *connectionCombo() const { return m_connections; }
    QProgressBar *progressBar() const { return m_progress; }
    /// The message shown in place of the folder's contents (empty, loading, a problem).
    QLabel *emptyLabel() const { return m_empty; }
    bool isShowingMessage() const;
    QLabel *transferLabel() const { return m_transferLabel; }
    QStackedWidget *pages() const { return m_pages; }
    QPushButton *openButton() const { return m_openButton; }
    QPushButton *saveButton() const { return m_saveButton; }
    QToolButton *sendButton() const { return m_sendButton; }

public Q_SLOTS:
    void addConnection();
    void editConnection();
    void removeConnection();
    void testConnection();
    /// Shows a saved connection's bucket (by id).
    void selectConnection(const QString &id);
    void refresh();
    void navigateTo(const QString &prefix);
    void goUp();
    /// Selects the object `key` in the current folder; false when it is not listed.
    bool selectKey(const QString &key);
    /// Downloads the selected object to the cache, then emits openDatasetRequested().
    void openSelected();
    /// Asks for a name, then saves the open dataset to the bucket.
    void saveDatasetToBucket();
    /// Saves the open dataset to the bucket under `key` (asks before replacing an object).
    void saveDatasetAs(const QString &key);
    /// Sends the selected object to the fine-tuning service.
    void sendSelected(bool validation = false);
    void deleteSelected();
    void cancelTransfer();

Q_SIGNALS:
    /// A downloaded object is ready to be opened; the lead connects DatasetArea::openFile.
    void openDatasetRequested(const QString &localPath);
    /// A send finished with a file on the service (`validation`: meant as validation file).
    void fileSent(const QString &fileId, bool validation);
    void listingFinished(bool ok);
    void transferFinished(bool ok, const QString &message);
    void connectionTested(bool ok, const QString &message);

private:
    void build();
    QWidget *createEmptyPage();
    QWidget *createBrowser();
    QHBoxLayout *createConnectionRow(QWidget *browser);
    QHBoxLayout *createNavigationRow(QWidget *browser);
    void createObjectView(QWidget *browser);
    QHBoxLayout *createActionRow(QWidget *browser);
    void createTransferPanel(QWidget *browser);
    void reloadConnections(const QString &selectId = {});
    void withClient(std::function<void(S3Client *)> then);
    void showListing();
    void updateBreadcrumb();
    void updateActions();
    S3Object selectedObject(bool *isFolder = nullptr) const;
    void beginTransfer(const QString &text, S3Reply *reply);
    void endTransfer(bool ok, const QString &message);
    void showStatus(const QString &text, bool problem = false);
    void showEmpty(bool empty);
    void onSendProgress();
    Connection fineTuningConnection() const;

    StorageConnectionStore *m_store = nullptr;
    SecretStore *m_secrets = nullptr;
    QNetworkAccessManager *m_nam = nullptr;
    QPointer<ActiveConnection> m_active;
    QPointer<DatasetArea> m_datasets;
    Connection m_fineTuningOverride;
    QString m_cacheDirectory;

    std::unique_ptr<S3Client> m_client;
    QString m_clientConnectionId;
    QString m_prefix;
    S3Listing m_listing;
    QPointer<S3Reply> m_listReply;
    QPointer<S3Reply> m_transfer;
    UploadQueue *uploadQueue();
    QPointer<UploadQueue> m_queue;
    std::unique_ptr<UploadQueue> m_ownQueue;
    QPointer<UploadTask> m_sendTask;
    FileObject m_sentFile;
    bool m_sending = false;

    QStackedWidget *m_pages = nullptr;
    QComboBox *m_connections = nullptr;
    QPushButton *m_editButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_practiceNote = nullptr;
    QLabel *m_breadcrumb = nullptr;
    QPushButton *m_upButton = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QTreeView *m_view = nullptr;
    QStandardItemModel *m_model = nullptr;
    QStackedWidget *m_viewStack = nullptr;
    QLabel *m_empty = nullptr;
    QPushButton *m_openButton = nullptr;
    QPushButton *m_saveButton = nullptr;
    QToolButton *m_sendButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QWidget *m_transferPanel = nullptr;
    QLabel *m_transferLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace fs::ui
