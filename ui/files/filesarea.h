// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apitypes.h"
#include "providerclient.h"
#include "uploader.h"
#include "uploadjournal.h"
#include "uploadtask.h"

#include <QPointer>
#include <QWidget>
#include <functional>
#include <optional>

class QAction;
class QCheckBox;
class QComboBox;
class QKeyEvent;
class QLabel;
class QNetworkAccessManager;
class QPushButton;
class QScrollArea;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTableView;
class QToolBar;
class QVBoxLayout;

namespace fs {
class AppSettings;
class ActiveConnection;
class ApiClient;
class ApiReply;
class FileListModel;
class ProviderClient;
class UploadQueue;
} // namespace fs

namespace fs::ui {

class DatasetArea;
class FileDetailsPanel;
class MainWindow;
class UploadRow;

/**
 * @brief The Files area: the connection's files on the service (sortable, filtered by purpose,
 * details, delete, save content) and uploads with a pre-flight check, progress, cancel and
 * resume — also of uploads an earlier run left unfinished.
 *
 * Uploads queue: one sends at a time (a large one already sends several parts in parallel, so
 * two at once would only share the same line and both finish later); checking by the linter and
 * the service's own check after sending overlap with the next upload.
 */
class FilesArea : public QWidget
{
    Q_OBJECT
public:
    /// None of the pointers is owned. `datasets` (may be null) gives the open dataset.
    FilesArea(ActiveConnection *active, QNetworkAccessManager *nam, DatasetArea *datasets = nullptr,
            QWidget *parent = nullptr);
    /// The same with the main window's connection and network manager.
    explicit FilesArea(
            MainWindow *window, DatasetArea *datasets = nullptr, QWidget *parent = nullptr);
    ~FilesArea() override;

    /// Where the upload choices and what each file is for are remembered (not owned); null:
    /// the application's settings.
    void setSettings(AppSettings *settings);
    /// The Uploader options every upload starts from (tests: small parts, fast polling, a
    /// private journal directory). Purpose and method come from the upload choices.
    void setUploadOptions(const UploadOptions &options);
    UploadOptions uploadOptions() const { return m_uploadOptions; }

    FileListModel *model() const { return m_model; }
    QSortFilterProxyModel *proxyModel() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    FileDetailsPanel *detailsPanel() const { return m_details; }
    ApiClient *client() const { return m_client; }
    /// The queue every upload of the window goes through (shown here, one at a time).
    UploadQueue *uploadQueue() const { return m_queue; }
    QAction *action(const QString &objectName) const;
    /// Every upload shown in the panel, oldest first.
    QList<UploadTask *> uploads() const;
    UploadRow *rowFor(UploadTask *task) const;
    /// The text of the empty-state page, empty while the list is shown (tests).
    QString emptyText() const;
    /// The area's status line (downloads, refresh problems).
    QString statusText() const;

    /// The choices the next upload is made with (purpose, training or validation, resumable).
    UploadSettings uploadSettings() const;
    void setUploadSettings(const UploadSettings &settings);

    /// Uploads a local file with the pre-flight check; the task is shown in the panel and owned
    /// by the area. Use it to follow one upload (e.g. from the Jobs area).
    UploadTask *uploadPath(const QString &path, const UploadSettings &settings);
    /// Uploads the open dataset of the Datasets area (the file itself when saved and unchanged,
    /// else its current content) as training or validation data; null when none is open.
    UploadTask *uploadDataset(DataUse use);
    UploadTask *uploadDataset(const UploadSettings &settings);
    /// What the person said a file is for when uploading it here; nullopt when not known.
    std::optional<DataUse> useOf(const QString &fileId) const;
    /// Interrupted uploads of an earlier run offered in the banner.
    QList<UploadJournalEntry> offeredResumes() const { return m_offered; }

public Q_SLOTS:
    void refresh();
    /// Starts an upload of each path with the current choices (drops, the lead's wiring).
    void uploadFiles(const QStringList &paths);
    void uploadOpenDataset();
    /// Asks for files and uploads them.
    void chooseFiles();
    /// Asks, then deletes the selected files on the service.
    void deleteSelected();
    /// Saves the selected file's content to a local file (a base64 result file decoded).
    void saveSelectedContent();
    /// Looks in the journal for uploads left unfinished (offered in a banner, not a dialog).
    void checkPendingUploads();
    void resumeOffered();
    void discardOffered();

Q_SIGNALS:
    /// An upload finished and the service has processed the file.
    void fileUploaded(const fs::FileObject &file);
    /// The same, with what the person said the file is for.
    void fileUploadedAs(const fs::FileObject &file, fs::DataUse use);
    /// A file was deleted on the service.
    void fileDeleted(const QString &fileId);
    /// A save of a file's content ended (ok false: the person was told why).
    void contentSaved(bool ok, const QString &path);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void setUp();
    void createToolBar();
    QWidget *createUploadChoices();
    void createResumeBanner();
    void createFileList();
    QWidget *createEmptyPage();
    void createUploadsPanel();
    QWidget *createStatusLine();
    void connectFileList();
    QAction *actionForKey(const QKeyEvent *event) const;
    void createActions();
    void rebuildClient();
    void onConnectionStateChanged();
    void updateActions();
    void updatePage();
    void updateDetails();
    void updateUploadsPanel();
    QList<FileObject> selectedFiles() const;
    void showTask(UploadTask *task);
    void onUploaded(UploadTask *task, const FileObject &file);
    void onContentDownloaded(
            const FileObject &file, const QString &path, const ProviderResult<QByteArray> &result);
    void updateResumableChoice();
    void rememberUse(const QString &fileId, DataUse use);
    AppSettings &settings() const;
    void setStatus(const QString &text, bool cancellable = false);
    QString askSavePath(const QString &suggested);
    void loadUploadChoices();
    void saveUploadChoices();
    QString journalDirectory() const;

    ActiveConnection *m_active;
    QNetworkAccessManager *m_nam;
    QPointer<DatasetArea> m_datasets;
    AppSettings *m_settings = nullptr;
    UploadOptions m_uploadOptions;
    ApiClient *m_client = nullptr;
    FileListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    ProviderClient *m_provider = nullptr;
    UploadQueue *m_queue;
    QList<UploadJournalEntry> m_offered;
    QPointer<ApiReply> m_download;

    QToolBar *m_toolBar;
    QComboBox *m_filterComboBox;
    QComboBox *m_purposeComboBox;
    QComboBox *m_useComboBox;
    QCheckBox *m_resumableCheckBox;
    QWidget *m_banner;
    QLabel *m_bannerLabel;
    QSplitter *m_splitter;
    QStackedWidget *m_pages;
    QTableView *m_view;
    QLabel *m_emptyLabel;
    QPushButton *m_emptyButton;
    FileDetailsPanel *m_details;
    QWidget *m_uploadsPanel;
    QVBoxLayout *m_uploadsLayout;
    QScrollArea *m_uploadsScroll;
    QLabel *m_statusLabel;
    QPushButton *m_statusCancelButton;
    QList<QAction *> m_actions;
};

} // namespace fs::ui
