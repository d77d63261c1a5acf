// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>
#include <functional>
#include <memory>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLayout;
class QLineEdit;
class QMenu;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTimer;

namespace fs {
class AppSettings;
class DatasetDocument;
class ExamplesFilterModel;
class LastFolder;
class ExamplesModel;
class LintRunner;
struct DatasetError;
struct LintFinding;
struct RecoveryFile;
} // namespace fs

namespace fs::ui {

class ConversationEditor;
class DatasetProgressRow;
class FindingsPanel;
class MainWindow;
class RecentFiles;
class RecoveryDialog;
class SearchFilterModel;
class StatisticsPanel;
class WelcomePage;

/**
 * @brief The Datasets area: a welcome page until a dataset is open, then the examples list,
 * the conversation editor, the problems the linter found and the statistics.
 *
 * It owns the open DatasetDocument (every rule lives there and in the linter — also when a save
 * counts as done); this widget shows and forwards. The file work (open, save, close, recovered
 * work, import, export) is in datasetareafiles.cpp, the background-work row in
 * DatasetProgressRow. attachTo() puts its actions into the main window's File and Edit menus, the
 * dataset's name and modified marker into its title, and asks before closing with unsaved work.
 */
class DatasetArea : public QWidget
{
    Q_OBJECT
public:
    /// `settings` (recent files, price table) is not owned; null: the application's settings.
    explicit DatasetArea(AppSettings *settings = nullptr, QWidget *parent = nullptr);
    ~DatasetArea() override;

    void attachTo(MainWindow *window);

    DatasetDocument *document() const { return m_document; }
    LintRunner *lintRunner() const { return m_lintRunner; }
    ExamplesModel *examplesModel() const { return m_model; }
    ExamplesFilterModel *filterModel() const;
    ConversationEditor *conversationEditor() const { return m_editor; }
    FindingsPanel *findingsPanel() const { return m_findingsPanel; }
    StatisticsPanel *statisticsPanel() const { return m_statisticsPanel; }
    RecentFiles *recentFiles() const { return m_recent; }
    QTableView *examplesView() const { return m_examplesTableView; }
    bool isWelcomeShown() const;
    /// A save runs in the background (save() returned at once); saveFinished() follows.
    bool isSaving() const;
    /// A change to many examples (system message, find and replace) runs in the background.
    bool isBulkRunning() const;

    /// Where autosave writes and where recovery looks (tests); default
    /// DatasetRecovery::directory().
    void setRecoveryDirectory(const QString &dir);

    /// The folder the next open, save, import or export dialog starts in: the last one used
    /// (kept in the settings), or the home folder.
    QString fileDialogFolder() const;

    /// The current example row (-1 when none) and the selected rows, ascending.
    int currentRow() const;
    QList<int> selectedRows() const;
    void selectRow(int row);

    QAction *action(const QString &objectName) const;

public Q_SLOTS:
    void newDataset();
    void open();
    /// Opens a file (in the background); asks first when there are unsaved changes.
    bool openFile(const QString &path);
    /// Starts saving in the background (false: nothing started — cancelled, or the file is
    /// still opening); the progress bar shows it and saveFinished() tells how it went. Edits
    /// made meanwhile stay marked as unsaved.
    bool save();
    bool saveAs();
    /// Asks to save unsaved changes (and waits for that save); false when the person cancels
    /// or the save failed. Waits for a save or a bulk change still running first.
    bool maybeSave();
    void closeDataset();
    void importFile(const QString &path = {});
    void exportSplit();
    void exportSelection();
    void setSystemPrompt();
    void findReplace();
    void addExample();
    void duplicateExample();
    void deleteSelectedExamples();
    void moveExample(int delta);
    /// Goes to an example and message (from a finding).
    void jumpTo(int row, int messageIndex);
    void applyFix(const fs::LintFinding &finding);
    /// Opens files given to the app (command line, file manager, a second start): the first
    /// one in the editor, which holds one dataset at a time; the others go to Open Recent and a
    /// message says so. Returns the number of files that exist.
    int openFiles(const QStringList &paths);
    /// Offers to restore unsaved work left by a session that crashed (the newest first; after
    /// Discard the next one). Opening a file with such work offers it as well.
    void offerRecovery();
    /// The recovery offer on screen, if any (tests).
    RecoveryDialog *recoveryDialog() const;

Q_SIGNALS:
    void titleChanged(const QString &title);
    /// A background save ended (ok false: it failed and the person was told why).
    void saveFinished(bool ok);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    /// A sample shipped with the app (a resource path): opened read-only, saved elsewhere.
    static bool isSamplePath(const QString &path);
    void createActions();
    /// Keeps the title, actions and list in step with the document and the filter.
    void connectDocument();
    /// The problems and statistics panels, and the model they count for.
    void connectPanels();
    /// The model chosen for counting tokens and checking lengths, everywhere it matters.
    void applyModel(const QString &model);
    QWidget *createEditorPage();
    QLayout *createFilterBar(QWidget *page);
    QWidget *createExamplesList(QWidget *page);
    QLayout *createExampleButtons(QWidget *page);
    QWidget *createSidePanels(QWidget *page);
    void rebuildRecentMenu();
    void showEditor(bool editor);
    void updateTitle();
    void updateActions();
    void updateFilterCount();
    /// After the filter changed: the count, and the list laid out and scrolled to the current row.
    void onFilterChanged();
    void onCurrentRowChanged();
    /// Shows the current row in the editor when its number changed under it.
    void followCurrentRow();
    void onLoadFinished();
    /// The path the person chose (the hook's in tests); its folder is remembered.
    QString askPath(const QString &kind);
    QString runFileDialog(const QString &kind);
    bool writeTo(const QString &path);
    void onSaveFinished(const fs::DatasetError &error);
    void onBulkFinished(int count);
    /// Lets the event loop run (the window stays alive) until saving and bulk changes are done.
    void waitForBackgroundWork();
    /// Opens without looking for recovered work.
    void loadFile(const QString &path);
    /// Shows the offer for `file`; `then` runs with the answer after Discard or Not Now.
    void showRecoveryOffer(const RecoveryFile &file, std::function<void(bool discarded)> then);
    void recover(const RecoveryFile &file);

    AppSettings *m_settings;
    DatasetDocument *m_document;
    ExamplesModel *m_model;
    SearchFilterModel *m_filter;
    LintRunner *m_lintRunner;
    RecentFiles *m_recent;
    std::unique_ptr<LastFolder> m_lastFolder;
    QString m_recoveryDir;
    MainWindow *m_window = nullptr;
    bool m_open = false;
    bool m_lastSaveOk = false;
    QTimer *m_searchTimer = nullptr;
    QTimer *m_findingsTimer = nullptr;

    QStackedWidget *m_pages;
    WelcomePage *m_welcomePage;
    QLineEdit *m_searchLineEdit;
    QComboBox *m_roleComboBox;
    QCheckBox *m_errorsCheckBox;
    QCheckBox *m_overLimitCheckBox;
    QLabel *m_countLabel;
    QTableView *m_examplesTableView;
    ConversationEditor *m_editor;
    QTabWidget *m_sideTabWidget;
    FindingsPanel *m_findingsPanel;
    StatisticsPanel *m_statisticsPanel;
    DatasetProgressRow *m_progressRow;
    QMenu *m_recentMenu;
    QList<QAction *> m_documentActions;
    QPointer<RecoveryDialog> m_recoveryDialog;
};

} // namespace fs::ui
