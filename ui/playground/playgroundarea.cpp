// SPDX-License-Identifier: GPL-3.0-or-later
#include "playgroundarea.h"

#include "activeconnection.h"
#include "batchpage.h"
#include "blindpage.h"
#include "capturedialog.h"
#include "comparisonsession.h"
#include "datasetarea.h"
#include "jobhistory.h"
#include "mainwindow.h"
#include "modelpicker.h"
#include "playgroundconnections.h"
#include "sidebysidepage.h"

#include <QAction>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace fs::ui {

namespace {

/// What the job history of a connection remembers (none before the first job).
QList<FineTuneRecord> historyRecords(const QString &connectionId)
{
    if (!QFileInfo::exists(JobHistory::defaultPath()))
        return {};
    JobHistory history(connectionId);
    if (!history.open())
        return {};
    return FineTuneRecord::fromHistory(history);
}

} // namespace

PlaygroundArea::PlaygroundArea(MainWindow *window, DatasetArea *datasets, QWidget *parent)
    : QWidget(parent)
{
    build(window->connectionStore(), window->secretStore(), window->networkAccessManager(),
            window->activeConnection(), datasets);
}

PlaygroundArea::PlaygroundArea(ConnectionStore *store, SecretStore *secrets,
        QNetworkAccessManager *nam, ActiveConnection *active, DatasetArea *datasets,
        QWidget *parent)
    : QWidget(parent)
{
    build(store, secrets, nam, active, datasets);
}

PlaygroundArea::~PlaygroundArea() = default;

void PlaygroundArea::build(ConnectionStore *store, SecretStore *secrets, QNetworkAccessManager *nam,
        ActiveConnection *active, DatasetArea *datasets)
{
    setObjectName(QStringLiteral("playgroundArea"));
    m_connections = new PlaygroundConnections(store, secrets, nam, this);
    m_connections->setHistoryProvider(&historyRecords);
    if (active) {
        // A key saved or changed in the connections dialog: read it (and the models) again.
        connect(active, &ActiveConnection::connectionChanged, this,
                [this] { m_connections->invalidate(); });
    }

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("playgroundTabWidget"));
    m_tabs->setDocumentMode(true);
    m_sideBySide = new SideBySidePage(m_connections, nam, m_tabs);
    m_blind = new BlindPage(m_connections, nam, datasets, m_tabs);
    m_batch = new BatchPage(m_connections, nam, datasets, m_tabs);
    m_tabs->addTab(m_sideBySide, tr("Side by Side"));
    m_tabs->setTabToolTip(0,
            tr("Ask several models the same thing and read the answers side by "
               "side"));
    m_tabs->addTab(m_blind, tr("Blind Rating"));
    m_tabs->setTabToolTip(1, tr("Rate two models' answers without knowing which is which"));
    m_tabs->addTab(m_batch, tr("Score on Examples"));
    m_tabs->setTabToolTip(2, tr("Compare models on a whole validation file, scored with ROUGE"));

    m_datasets = datasets;
    m_captureAction = new QAction(tr("Ca&pture Answers…"), this);
    m_captureAction->setObjectName(QStringLiteral("captureAnswersAction"));
    m_captureAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    m_captureAction->setToolTip(tr("Keep a model's answers to a set of prompts as a dataset"));
    connect(m_captureAction, &QAction::triggered, this, [this] {
        // The model of the first Side by Side pane is the likeliest one to keep.
        const ModelTarget first = m_sideBySide->session()->target(0);
        captureAnswers(first.model, first.connection.id);
    });
    auto *capture = new QPushButton(m_captureAction->text().remove(QLatin1Char('&')));
    capture->setObjectName(QStringLiteral("captureAnswersPushButton"));
    capture->setToolTip(m_captureAction->toolTip());
    connect(capture, &QPushButton::clicked, m_captureAction, &QAction::trigger);
    addCornerButton(capture);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    connect(m_blind, &BlindPage::datasetNeeded, this, &PlaygroundArea::datasetNeeded);
    connect(m_sideBySide, &SideBySidePage::message, this, &PlaygroundArea::message);
    connect(m_blind, &BlindPage::message, this, &PlaygroundArea::message);
    connect(m_batch, &BatchPage::message, this, &PlaygroundArea::message);
}

PlaygroundArea::Page PlaygroundArea::currentPage() const
{
    return Page(m_tabs->currentIndex());
}

void PlaygroundArea::setCurrentPage(Page page)
{
    m_tabs->setCurrentIndex(int(page));
}

void PlaygroundArea::followJobs(const fs::JobListModel *jobs)
{
    m_connections->followJobs(jobs);
}

CaptureDialog *PlaygroundArea::captureAnswers(const QString &modelId, const QString &connectionId)
{
    CaptureDialog *dialog = CaptureDialog::open(this, m_connections, modelId, connectionId);
    dialog->setSession(m_sideBySide->session());
    dialog->setDatasetArea(m_datasets);
    connect(dialog, &CaptureDialog::datasetCaptured, this, &PlaygroundArea::openDatasetRequested);
    return dialog;
}

void PlaygroundArea::showModel(const QString &model)
{
    setCurrentPage(SideBySide);
    m_sideBySide->showModel(model);
}

void PlaygroundArea::addCornerButton(QPushButton *button)
{
    auto *row = m_tabs->cornerWidget(Qt::TopRightCorner);
    if (!row) {
        row = new QWidget(m_tabs);
        row->setObjectName(QStringLiteral("playgroundCornerButtons"));
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        m_tabs->setCornerWidget(row, Qt::TopRightCorner);
    }
    row->layout()->addWidget(button);
}

} // namespace fs::ui
