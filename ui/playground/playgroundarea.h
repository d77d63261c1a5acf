// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

class QAction;
class QNetworkAccessManager;
class QPushButton;
class QTabWidget;

namespace fs {
class ActiveConnection;
class ConnectionStore;
class JobListModel;
class SecretStore;
} // namespace fs

namespace fs::ui {

class BatchPage;
class BlindPage;
class CaptureDialog;
class DatasetArea;
class MainWindow;
class PlaygroundConnections;
class SideBySidePage;

/**
 * @brief The Playground area: compare models side by side, rate them blind, and score them on a
 * validation set. Three pages in tabs; every rule and number comes from fs_core's eval/.
 *
 * Cross-area links (connected by the application): showModel() from the Jobs area's "Open in
 * Playground"; followJobs() with the Jobs area's list; datasetNeeded() when the person wants to
 * keep an answer but no dataset is open.
 */
class PlaygroundArea : public QWidget
{
    Q_OBJECT
public:
    enum Page { SideBySide, Blind, Batch };

    /// The app: connections, keys and the network from the window; `datasets` may be null.
    PlaygroundArea(MainWindow *window, DatasetArea *datasets, QWidget *parent = nullptr);
    /// The pieces (tests): none is owned; `active` and `datasets` may be null.
    PlaygroundArea(ConnectionStore *store, SecretStore *secrets, QNetworkAccessManager *nam,
            ActiveConnection *active, DatasetArea *datasets, QWidget *parent = nullptr);
    ~PlaygroundArea() override;

    SideBySidePage *sideBySidePage() const { return m_sideBySide; }
    BlindPage *blindPage() const { return m_blind; }
    BatchPage *batchPage() const { return m_batch; }
    QTabWidget *tabWidget() const { return m_tabs; }
    PlaygroundConnections *connections() const { return m_connections; }
    Page currentPage() const;
    void setCurrentPage(Page page);
    /// Follows the Jobs area's job list: a model trained during the session is offered in
    /// every picker as soon as its job ends, and becomes the default where the person has not
    /// chosen models yet.
    void followJobs(const fs::JobListModel *jobs);
    /// "Capture Answers…" (Ctrl+Shift+K): opens captureAnswers(); the application also puts it
    /// into the File menu.
    QAction *captureAction() const { return m_captureAction; }

public Q_SLOTS:
    /// Shows `model` (a fine-tuned model or a checkpoint) side by side with its base model.
    void showModel(const QString &model);
    /// Opens the Capture Answers dialog preset with `modelId` on `connectionId` (empty: the
    /// active connection), offering the open dataset and the Side by Side conversation as
    /// prompts; when every answer is in, openDatasetRequested() opens the result.
    /// Adds a button to the row at the right of the tabs (Capture Answers…, Parity Check…).
    void addCornerButton(QPushButton *button);
    CaptureDialog *captureAnswers(const QString &modelId = {}, const QString &connectionId = {});

Q_SIGNALS:
    /// The person wants to keep an answer as training data but no dataset is open: the
    /// application should create one (e.g. DatasetArea::newDataset and show Datasets).
    void datasetNeeded();
    /// A captured dataset should open in the editor.
    void openDatasetRequested(const QString &path);
    /// A short line for the status bar.
    void message(const QString &text);

private:
    void build(ConnectionStore *store, SecretStore *secrets, QNetworkAccessManager *nam,
            ActiveConnection *active, DatasetArea *datasets);

    PlaygroundConnections *m_connections = nullptr;
    QTabWidget *m_tabs = nullptr;
    SideBySidePage *m_sideBySide = nullptr;
    BlindPage *m_blind = nullptr;
    BatchPage *m_batch = nullptr;
    QPointer<DatasetArea> m_datasets;
    QAction *m_captureAction = nullptr;
};

} // namespace fs::ui
