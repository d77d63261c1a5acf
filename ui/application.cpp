// SPDX-License-Identifier: GPL-3.0-or-later
#include "application.h"

#include "activeconnection.h"
#include "appsettings.h"
#include "areas.h"
#include "connectionstatuswidget.h"
#include "connectionstore.h"
#include "datasetarea.h"
#include "instancechannel.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "sandboxserver.h"
#include "secretstore.h"

#include <QApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QScreen>
#include <QStandardPaths>
#include <QTimer>
#include <QTranslator>
#include <cstdio>

// Outside any namespace, as Q_INIT_RESOURCE requires. The resources live in object files inside
// the static fs_ui; without a reference the linker would drop them (and their registration).
static void registerResources()
{
    static bool done = false;
    if (done)
        return;
    done = true;
    Q_INIT_RESOURCE(fs_resources);
    Q_INIT_RESOURCE(fs_translations);
}

namespace fs::ui {

void initResources()
{
    registerResources();
}

namespace {

QPointer<QTranslator> &appTranslator()
{
    static QPointer<QTranslator> translator;
    return translator;
}

QPointer<QTranslator> &qtTranslator()
{
    static QPointer<QTranslator> translator;
    return translator;
}

void replaceTranslator(QApplication &app, QPointer<QTranslator> &slot, QTranslator *translator)
{
    if (slot) {
        app.removeTranslator(slot);
        delete slot;
    }
    slot = translator;
    if (translator)
        app.installTranslator(translator);
}

/// The smoke test's hook: once the window is up and the first check has finished, print what
/// the window shows and quit.
void arrangeSmokeExit(QApplication &app, MainWindow &window)
{
    auto report = [&app, &window] {
        const ActiveConnection *active = window.activeConnection();
        std::printf("window: %s\n", qUtf8Printable(window.windowTitle()));
        std::printf("connection: %s (%s)\n", qUtf8Printable(active->connection().name),
                qUtf8Printable(Connection::kindDisplayName(active->connection().kind)));
        std::printf("status: %s\n", qUtf8Printable(window.statusWidget()->text()));
        std::printf("message: %s\n", qUtf8Printable(active->message()));
        std::printf("models: %d\n", active->check().modelCount());
        std::printf("areas: %d\n", window.areaCount());
        std::fflush(stdout);
        QTimer::singleShot(0, &app, [] { QCoreApplication::exit(0); });
    };
    QObject::connect(window.activeConnection(), &ActiveConnection::stateChanged, &window,
            [active = window.activeConnection(), report] {
                if (active->isSettled())
                    report();
            });
    QTimer::singleShot(60000, &app, [] {
        std::fprintf(stderr, "smoke test: the connection check did not finish in 60 s\n");
        QCoreApplication::exit(3);
    });
}

} // namespace

bool installTranslators(QApplication &app, const QLocale &locale)
{
    initResources();
    auto *own = new QTranslator(&app);
    // QTranslator tries each of the locale's UI languages in turn; English needs no catalogue.
    const bool loaded = own->load(locale, QStringLiteral("finetune-studio"), QStringLiteral("_"),
            QStringLiteral(":/i18n"));
    replaceTranslator(app, appTranslator(), loaded ? own : nullptr);
    if (!loaded)
        delete own;

    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        replaceTranslator(app, qtTranslator(), qt);
    } else {
        replaceTranslator(app, qtTranslator(), nullptr);
        delete qt;
    }
    return loaded;
}

void installTranslators(QApplication &app)
{
    installTranslators(app, QLocale::system());
}

void openFilesInWindow(MainWindow *window, DatasetArea *datasets, const QStringList &files)
{
    if (window->isMinimized())
        window->showNormal();
    window->show();
    window->raise();
    window->activateWindow();
    if (files.isEmpty())
        return;
    for (int i = 0; i < window->areaCount(); ++i) {
        if (window->area(i) == datasets)
            window->showArea(i);
    }
    datasets->openFiles(files);
}

void startUp(MainWindow *window, DatasetArea *datasets, const QStringList &files)
{
    // Files from the command line open (offering their own unsaved work, if any); without
    // files, unsaved work left by a crash is offered.
    if (files.isEmpty())
        datasets->offerRecovery();
    else
        openFilesInWindow(window, datasets, files);
}

int runGui(QApplication &app, const QStringList &files)
{
    // A second start hands its files to the window already open and ends there.
    InstanceChannel channel;
    if (InstanceChannel::sendToRunning(channel.name(), files))
        return 0;
    QString channelProblem;
    if (!channel.listen(&channelProblem))
        std::fprintf(stderr, "finetune-studio: %s\n", qUtf8Printable(channelProblem));

    initResources();
    app.setWindowIcon(QIcon(QStringLiteral(":/icons/finetune-studio.svg")));
    const bool smoke = qEnvironmentVariableIsSet("FINETUNE_STUDIO_SMOKE_TEST");

    QNetworkAccessManager nam;
    FallbackSecretStore secrets(new KeychainSecretStore);
    ConnectionStore store;

    // The sandbox keeps its files and jobs between runs, like a real account would.
    sandbox::SandboxOptions options;
    options.dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
            + QStringLiteral("/sandbox");
    QDir().mkpath(options.dataDir);
    // The same port as last time when it is free, so connections saved against the sandbox
    // (a Together AI connection to its /together/v1) keep working from one run to the next.
    AppSettings &settings = AppSettings::standard();
    options.preferredPort = settings.sandboxPort();
    sandbox::SandboxServer sandboxServer(options);
    QString sandboxProblem;
    if (sandboxServer.start(&sandboxProblem)) {
        store.setSandboxBaseUrl(sandboxServer.baseUrl());
        settings.setSandboxPort(sandboxServer.port());
    }

    MainWindow window(&store, &secrets, &nam);
    const Areas areas = installAreas(&window);
    QTimer::singleShot(0, areas.datasets,
            [&window, datasets = areas.datasets, files] { startUp(&window, datasets, files); });
    QObject::connect(&channel, &InstanceChannel::filesReceived, &window,
            [&window, datasets = areas.datasets](const QStringList &received) {
                openFilesInWindow(&window, datasets, received);
            });
    if (smoke)
        arrangeSmokeExit(app, window);
    // The areas want room: most of the screen the first time, then wherever the person left it.
    if (!window.restoreGeometry(settings.windowGeometry())) {
        if (const QScreen *screen = window.screen()) {
            const QSize size = MainWindow::firstStartSize(screen->availableSize());
            window.resize(size);
            if (size == screen->availableSize())
                window.setWindowState(Qt::WindowMaximized); // a small screen: all of it
        }
    }
    window.show();
    QTimer::singleShot(0, &window, [&window] { window.showWelcomeOnFirstStart(); });
    QTimer::singleShot(0, &window, [&window] { window.checkRetirements(); });
    if (!sandboxProblem.isEmpty()) {
        QTimer::singleShot(0, &window, [&window, sandboxProblem] {
            MessageBox::warning(&window, MainWindow::tr("Sandbox Not Available"),
                    MainWindow::tr("The built-in sandbox could not be started."), sandboxProblem);
        });
    }
    const int status = app.exec();
    settings.setWindowGeometry(window.saveGeometry());
    return status;
}

} // namespace fs::ui
