// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QIcon>
#include <QMainWindow>
#include <QPointer>

#include <functional>

class QActionGroup;
class QListWidget;
class QMenu;
class QNetworkAccessManager;
class QStackedWidget;

namespace fs {
class AppSettings;
class ActiveConnection;
class ConnectionStore;
class SecretStore;
} // namespace fs

namespace fs::ui {

class ConnectionPage;
class ConnectionStatusWidget;
class ConnectionsDialog;
class KeepBehaviourDialog;
class RetirementBanner;
class WelcomeDialog;

/**
 * @brief The main window: a navigation list of areas on the left, the current area on the
 * right, the active connection always visible in the status bar.
 *
 * Areas (Datasets, Files, Jobs, Playground) plug in with addArea(); each reads the active
 * connection from activeConnection(). The "Connection" overview is the first area.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// None of the pointers is owned; they must outlive the window.
    MainWindow(ConnectionStore *store, SecretStore *secrets, QNetworkAccessManager *nam,
            QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Adds an area to the navigation (and the View menu, Ctrl+1…9); returns its index. The
    /// window takes ownership of `page`.
    int addArea(const QString &title, const QIcon &icon, QWidget *page);
    /// Same, at a given place in the navigation (0 = first); the View menu's Ctrl+1…9 follow the
    /// new order. Returns the index.
    int insertArea(int index, const QString &title, const QIcon &icon, QWidget *page);
    int areaCount() const;
    int currentArea() const;
    void showArea(int index);
    QWidget *area(int index) const;

    /// The size to start with when none was saved, on a screen with `available` free room:
    /// roomy (1280×820) where that leaves a margin, else the whole free room (the caller then
    /// maximises), so a 1024×600 screen does not start with cards cut off.
    static QSize firstStartSize(const QSize &available);
    /// Narrows the area list to its icons (names in tooltips) to make room, e.g. for the guide
    /// beside the work on a small screen; false shows the names again.
    void setNavigationCompact(bool compact);
    bool isNavigationCompact() const;

    ActiveConnection *activeConnection() const { return m_active; }
    ConnectionStore *connectionStore() const { return m_store; }
    SecretStore *secretStore() const { return m_secrets; }
    QNetworkAccessManager *networkAccessManager() const { return m_nam; }
    ConnectionStatusWidget *statusWidget() const { return m_statusWidget; }
    /// The connections dialog if it has been opened (it is kept for reuse).
    ConnectionsDialog *connectionsDialog() const;

    /// The welcome if it has been opened (it is kept for reuse).
    WelcomeDialog *welcomeDialog() const;
    /// The Help menu, for guides that add their entry (before the About separator).
    QMenu *helpMenu() const { return m_helpMenu; }

    /// The File menu, for areas that add their own entries (before Quit).
    QMenu *fileMenu() const { return m_fileMenu; }
    /// The Edit menu (right after File), created on first use by an area that needs one.
    QMenu *editMenu();
    /// The open document's name, shown in the title with the modified marker ("name[*]");
    /// empty when no document is open.
    void setDocumentTitle(const QString &title);

    /// The banner above the areas that says a model in the job history retires soon (hidden
    /// while nothing does). Its keepBehaviourRequested() runs keepBehaviour().
    RetirementBanner *retirementBanner() const { return m_retirementBanner; }
    /// What "Keep This Model's Behaviour…" opens: returns true when it handled the model (the
    /// Playground's capture, the guided move); without a handler, or when it returns false,
    /// keepBehaviour() opens a dialog with the steps and the capture command.
    using KeepBehaviourHandler =
            std::function<bool(const QString &modelId, const QString &connectionName)>;
    void setKeepBehaviourHandler(KeepBehaviourHandler handler);
    /// The dialog keepBehaviour() opened last, while it is open.
    KeepBehaviourDialog *keepBehaviourDialog() const;

public Q_SLOTS:
    /// Opens the connections dialog (window-modal, returns at once).
    void manageConnections();
    void about();
    /// Opens the welcome (window-modal, returns at once): what the app does and where the
    /// user is. Help → Welcome… does the same.
    void showWelcome();
    /// Opens the welcome if this user has never seen it (remembered in `settings`; null: the
    /// application's settings) and returns whether it did. The app calls it once at start;
    /// tests that build a window do not, so no dialog appears unless a test asks for it.
    bool showWelcomeOnFirstStart(AppSettings *settings = nullptr);
    /// Shows the retirement banner for the models of every connection's job history that stop
    /// answering within the calendar's window on `today` (invalid: the calendar's today). The
    /// app calls it once at start; tests that build a window do not.
    void checkRetirements(const QDate &today = {});
    /// "Keep This Model's Behaviour…" for `modelId` of the connection named `connectionName`.
    void keepBehaviour(const QString &modelId, const QString &connectionName);

Q_SIGNALS:
    /// The welcome's guide button was pressed: show "Your First Fine-tune".
    void guideRequested();
    /// Another area is in front (its index).
    void currentAreaChanged(int index);

private:
    void createMenus();
    void rebuildConnectionMenu();
    void updateTitle();

    ConnectionStore *m_store;
    SecretStore *m_secrets;
    QNetworkAccessManager *m_nam;
    ActiveConnection *m_active;
    QListWidget *m_areaListWidget;
    QStackedWidget *m_areaStackedWidget;
    ConnectionPage *m_connectionPage;
    ConnectionStatusWidget *m_statusWidget;
    void renumberAreaShortcuts();

    QMenu *m_fileMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QList<QAction *> m_areaActions;
    QString m_documentTitle;
    QMenu *m_switchMenu = nullptr;
    QActionGroup *m_switchGroup = nullptr;
    QPointer<ConnectionsDialog> m_dialog;
    QPointer<WelcomeDialog> m_welcome;
    RetirementBanner *m_retirementBanner = nullptr;
    KeepBehaviourHandler m_keepBehaviourHandler;
    QPointer<KeepBehaviourDialog> m_keepBehaviourDialog;
};

} // namespace fs::ui
