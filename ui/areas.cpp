// SPDX-License-Identifier: GPL-3.0-or-later
#include "areas.h"

#include "activeconnection.h"
#include "capturedialog.h"
#include "connectionstore.h"
#include "datasetarea.h"
#include "deploymenthub.h"
#include "deploymentsui.h"
#include "filesarea.h"
#include "guidepanel.h"
#include "jobmonitor.h"
#include "jobsarea.h"
#include "mainwindow.h"
#include "moveui.h"
#include "movewizard.h"
#include "playgroundarea.h"
#include "playgroundconnections.h"
#include "storagearea.h"

#include <QAction>
#include <QCoreApplication>
#include <QIcon>
#include <QMenu>
#include <QStatusBar>

namespace fs::ui {

namespace {

QIcon areaIcon(const char *name)
{
    return QIcon(QStringLiteral(":/icons/area-%1.svg").arg(QLatin1String(name)));
}

/// Deployments for the whole window: the Playground's panes and the Jobs monitor offer "Deploy
/// to try it", the status bar shows what bills, and the active connection's deployments are
/// read as soon as its key is known (anything already running shows at once).
void installDeployments(MainWindow *window, Areas *areas)
{
    auto *hub = new DeploymentHub(window->networkAccessManager(), window);
    auto *deployments = new DeploymentsUi(window, hub);
    areas->deployments = deployments;
    deployments->setPlayground(areas->playground);
    areas->playground->connections()->setDeployments(hub);

    JobMonitor *monitor = areas->jobs->monitor();
    ActiveConnection *active = window->activeConnection();
    monitor->setDeployOffer([active, hub](const QString &model) {
        const Connection connection = active->connection();
        if (!DeploymentManager::needsDeployment(connection, model, true))
            return false;
        DeploymentManager *manager = hub->manager(connection);
        return manager && !manager->runningFor(model);
    });
    QObject::connect(hub, &DeploymentHub::changed, monitor, &JobMonitor::updateDeployOffer);
    QObject::connect(monitor, &JobMonitor::deployRequested, deployments,
            [active, deployments](const QString &model) {
                deployments->offerDeploy(active->connection(), model);
            });
    auto readActive = [active, hub] {
        if (active->state() == ActiveConnection::State::ReadingKey)
            return;
        if (DeploymentManager *manager = hub->manager(active->connection()))
            manager->refresh();
    };
    QObject::connect(active, &ActiveConnection::stateChanged, hub, readActive);
    readActive();
}

/// Opens the file it is given in the Datasets area and shows that area.
auto datasetOpener(MainWindow *window, DatasetArea *datasets, int datasetsIndex)
{
    return [window, datasets, datasetsIndex](const QString &path) {
        window->showArea(datasetsIndex);
        datasets->openFile(path);
    };
}

/// The Playground follows Jobs (new models, "open in Playground"), asks Datasets for a new
/// dataset, opens captured answers there and reports in the status bar.
void linkPlayground(MainWindow *window, const Areas &areas, int datasetsIndex, int playgroundIndex)
{
    DatasetArea *datasets = areas.datasets;
    PlaygroundArea *playground = areas.playground;
    QObject::connect(areas.jobs, &JobsArea::openInPlayground, playground,
            [window, playground, playgroundIndex](const QString &model) {
                playground->showModel(model);
                window->showArea(playgroundIndex);
            });
    // A model trained during the session reaches every Playground picker when its job ends, and
    // again with its checkpoints once the tracker has read them.
    playground->followJobs(areas.jobs->jobListModel());
    QObject::connect(areas.jobs->tracker(), &JobTracker::finished, playground, [playground] {
        PlaygroundConnections *connections = playground->connections();
        connections->reload(connections->store()->activeId());
    });
    QObject::connect(playground, &PlaygroundArea::datasetNeeded, datasets,
            [window, datasets, datasetsIndex] {
                datasets->newDataset();
                window->showArea(datasetsIndex);
            });
    // Capture Answers… from the File menu (beside export) and the Playground; the result opens
    // in the editor.
    const QList<QAction *> fileActions = window->fileMenu()->actions();
    window->fileMenu()->insertAction(
            fileActions.value(
                    fileActions.indexOf(datasets->action(QStringLiteral("exportSelectionAction")))
                    + 1),
            playground->captureAction());
    QObject::connect(playground, &PlaygroundArea::openDatasetRequested, datasets,
            datasetOpener(window, datasets, datasetsIndex));
    QObject::connect(playground, &PlaygroundArea::message, window,
            [window](const QString &text) { window->statusBar()->showMessage(text, 5000); });
}

/// Buckets open objects in Datasets and send files through the Files area's upload queue.
void linkStorage(MainWindow *window, const Areas &areas, int datasetsIndex)
{
    QObject::connect(areas.storage, &StorageArea::openDatasetRequested, areas.datasets,
            datasetOpener(window, areas.datasets, datasetsIndex));
    // A file sent from a bucket appears in the Files list without a manual refresh.
    QObject::connect(areas.storage, &StorageArea::fileSent, areas.files, &FilesArea::refresh);
    // One upload path: bucket sends queue with the Files area's uploads and show there.
    areas.storage->setUploadQueue(areas.files->uploadQueue());
    areas.jobs->setUploadQueue(areas.files->uploadQueue());
}

/// Tools → Move to Another Service…, fed by the Capture Answers dialog and started by the
/// retirement banner.
void installMove(MainWindow *window, Areas *areas)
{
    PlaygroundArea *playground = areas->playground;
    areas->move = new MoveUi(window, playground, playground->connections()->deployments());
    // The move's first page can take a capture made with the Capture Answers dialog.
    areas->move->setCaptureHandler([playground](MoveWizard *wizard) {
        CaptureDialog *dialog = playground->captureAnswers(
                wizard->state().sourceModel, wizard->state().sourceConnectionId);
        QObject::connect(
                dialog, &CaptureDialog::datasetCaptured, wizard, &MoveWizard::useCaptureFile);
    });
    // The retirement banner's "Keep This Model's Behaviour…" starts (or resumes) the move.
    window->setKeepBehaviourHandler(
            [move = areas->move](const QString &model, const QString &conn) {
                move->keepBehaviour(model, conn);
                return true;
            });
}

} // namespace

Areas installAreas(MainWindow *window)
{
    Areas areas;
    // Curating examples is where people spend their time: the Datasets area comes first. Then
    // the order follows the work: files on the service, jobs, comparing the result; buckets are
    // where many teams keep their data.
    areas.datasets = new DatasetArea(nullptr, window);
    const int datasetsIndex =
            window->insertArea(0, QCoreApplication::translate("fs::ui::DatasetArea", "Datasets"),
                    areaIcon("datasets"), areas.datasets);
    areas.datasets->attachTo(window);

    areas.files = new FilesArea(window, areas.datasets);
    window->insertArea(1, QCoreApplication::translate("fs::ui::FilesArea", "Files"),
            areaIcon("files"), areas.files);

    areas.jobs = new JobsArea(window, areas.datasets);
    window->insertArea(2, QCoreApplication::translate("fs::ui::JobsArea", "Jobs"), areaIcon("jobs"),
            areas.jobs);
    areas.jobs->attachTo(window);

    areas.playground = new PlaygroundArea(window, areas.datasets);
    const int playgroundIndex = window->insertArea(3,
            QCoreApplication::translate("fs::ui::PlaygroundArea", "Playground"),
            areaIcon("playground"), areas.playground);

    areas.storage = new StorageArea(window, areas.datasets);
    window->insertArea(4, QCoreApplication::translate("fs::ui::StorageArea", "Buckets"),
            areaIcon("buckets"), areas.storage);

    linkPlayground(window, areas, datasetsIndex, playgroundIndex);
    linkStorage(window, areas, datasetsIndex);
    installDeployments(window, &areas);
    installMove(window, &areas);
    areas.guide = installGuide(window, areas.datasets, areas.jobs);
    window->showArea(datasetsIndex);
    return areas;
}

} // namespace fs::ui
