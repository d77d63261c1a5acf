// SPDX-License-Identifier: GPL-3.0-or-later
#include "guidepanel.h"

#include "activeconnection.h"
#include "datasetarea.h"
#include "datasetdocument.h"
#include "datasetstatistics.h"
#include "joblistmodel.h"
#include "jobsarea.h"
#include "lintrunner.h"
#include "mainwindow.h"
#include "pricetabledialog.h"
#include "simulation.h"
#include "statisticspanel.h"

#include <QAction>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>
#include <QWindow>

namespace fs::ui {

namespace {

constexpr int kIconSize = 20;

/// A filled green circle with a tick (done), an empty ring (to do) or a blue "i" (advice).
QPixmap stateIcon(GuideStep::State state)
{
    const qreal ratio = 2.0; // drawn at 2x so it stays sharp on high-DPI screens
    QPixmap pixmap(int(kIconSize * ratio), int(kIconSize * ratio));
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF circle(1.5, 1.5, kIconSize - 3.0, kIconSize - 3.0);
    switch (state) {
    case GuideStep::State::Done: {
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0x2e, 0x7d, 0x32));
        painter.drawEllipse(circle);
        QPen pen(Qt::white, 2.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        painter.setPen(pen);
        painter.drawPolyline(
                QPolygonF({QPointF(5.5, 10.5), QPointF(8.5, 13.5), QPointF(14.5, 6.5)}));
        break;
    }
    case GuideStep::State::Todo:
        painter.setPen(QPen(QColor(0x9e, 0x9e, 0x9e), 1.8));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(circle);
        break;
    case GuideStep::State::Advice: {
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0x15, 0x65, 0xc0));
        painter.drawEllipse(circle);
        painter.setPen(Qt::white);
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(12);
        painter.setFont(font);
        painter.drawText(circle, Qt::AlignCenter, QStringLiteral("i"));
        break;
    }
    }
    return pixmap;
}

QString stateName(GuideStep::State state)
{
    switch (state) {
    case GuideStep::State::Done:
        return GuidePanel::tr("done");
    case GuideStep::State::Todo:
        return GuidePanel::tr("not yet");
    case GuideStep::State::Advice:
        break;
    }
    return GuidePanel::tr("advice");
}

} // namespace

GuidePanel::GuidePanel(DatasetArea *datasets, JobsArea *jobs, ActiveConnection *active,
        AppSettings *settings, QWidget *parent)
    : QWidget(parent)
    , m_datasets(datasets)
    , m_jobs(jobs)
    , m_active(active)
    , m_settings(settings)
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("guidePanel"));
    m_timer->setSingleShot(true);
    m_timer->setInterval(200);
    connect(m_timer, &QTimer::timeout, this, &GuidePanel::refresh);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    auto *heading = new QLabel(tr("Your First Fine-tune"), this);
    QFont large = heading->font();
    large.setBold(true);
    large.setPointSizeF(large.pointSizeF() * 1.25);
    heading->setFont(large);
    heading->setWordWrap(true); // the guide can be a slim column on a small screen
    layout->addWidget(heading);
    auto *intro = new QLabel(tr("Never fine-tuned a model? Follow these steps. They tick "
                                "themselves as you work on the open dataset."),
            this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_progressLabel = new QLabel(this);
    m_progressLabel->setObjectName(QStringLiteral("guideProgressLabel"));
    QFont bold = m_progressLabel->font();
    bold.setBold(true);
    m_progressLabel->setFont(bold);
    layout->addWidget(m_progressLabel);
    m_rowsLayout = new QVBoxLayout;
    m_rowsLayout->setSpacing(14);
    layout->addLayout(m_rowsLayout);
    layout->addStretch();

    connectSources();
    refresh();
}

void GuidePanel::connectSources()
{
    const auto later = &GuidePanel::scheduleRefresh;
    if (m_datasets) {
        DatasetDocument *document = m_datasets->document();
        connect(document, &DatasetDocument::reset, this, later);
        connect(document, &DatasetDocument::examplesInserted, this, later);
        connect(document, &DatasetDocument::examplesRemoved, this, later);
        connect(document, &DatasetDocument::exampleChanged, this, later);
        connect(document, &DatasetDocument::examplesChanged, this, later);
        connect(document, &DatasetDocument::summariesChanged, this, later);
        connect(document, &DatasetDocument::filePathChanged, this, later);
        connect(document, &DatasetDocument::loadFinished, this, later);
        connect(m_datasets->lintRunner(), &LintRunner::findingsChanged, this, later);
        connect(m_datasets->lintRunner(), &LintRunner::finished, this, later);
        connect(m_datasets->statisticsPanel(), &StatisticsPanel::modelChanged, this, later);
        connect(m_datasets->statisticsPanel(), &StatisticsPanel::statisticsShown, this, later);
    }
    if (m_jobs) {
        JobListModel *model = m_jobs->jobListModel();
        connect(model, &QAbstractItemModel::modelReset, this, later);
        connect(model, &QAbstractItemModel::rowsInserted, this, later);
        connect(model, &QAbstractItemModel::rowsRemoved, this, later);
        connect(model, &QAbstractItemModel::dataChanged, this, later);
    }
    if (m_active)
        connect(m_active, &ActiveConnection::connectionChanged, this, later);
    // Files written by a dialog (an exported validation set) change no document: look again
    // when a window comes back to the front.
    connect(qGuiApp, &QGuiApplication::focusWindowChanged, this, later);
}

void GuidePanel::scheduleRefresh()
{
    // Hidden, nobody reads it: a big dataset is not summed up after every keystroke for nothing.
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    m_timer->start();
}

void GuidePanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void GuidePanel::refresh()
{
    m_timer->stop();
    m_stale = false;
    const bool open = m_datasets && !m_datasets->isWelcomeShown();
    const LintRunner *lint = m_datasets ? m_datasets->lintRunner() : nullptr;
    const QString model = m_datasets ? m_datasets->statisticsPanel()->currentModel() : QString();
    const double price = model.isEmpty() ? -1.0 : PriceTableDialog::price(m_settings, model);
    const DatasetStatistics *stats =
            m_datasets ? m_datasets->statisticsPanel()->latestStatistics() : nullptr;
    GuideFacts facts = GuideFacts::gather(open ? m_datasets->document() : nullptr,
            lint ? &lint->state() : nullptr, lint && lint->isComplete(),
            m_jobs ? m_jobs->jobListModel()->jobs() : QList<FineTuningJob>(), stats, model, price);
    facts.practiceService = m_active && isSimulated(m_active->connection());
    m_steps = FirstFineTuneGuide::steps(facts);

    // The steps never change in number: the rows are made once and then filled in.
    while (m_rows.size() < m_steps.size()) {
        QWidget *row = makeRow(m_steps.at(m_rows.size()));
        m_rowsLayout->addWidget(row);
        m_rows << row;
    }
    for (int i = 0; i < m_steps.size(); ++i) {
        const GuideStep &step = m_steps.at(i);
        QWidget *row = m_rows.at(i);
        auto *icon = row->findChild<QLabel *>(QStringLiteral("icon"));
        icon->setPixmap(stateIcon(step.state));
        icon->setToolTip(stateName(step.state));
        row->findChild<QLabel *>(QStringLiteral("title"))->setText(step.title);
        row->findChild<QLabel *>(QStringLiteral("status"))->setText(step.status);
        row->findChild<QLabel *>(QStringLiteral("advice"))->setText(step.advice);
        //: Read by screen readers for one step of the guide: its title, state and status
        row->setAccessibleName(
                tr("%1 (%2): %3").arg(step.title, stateName(step.state), step.status));
    }
    m_progressLabel->setText(progressText());
    Q_EMIT refreshed();
}

QWidget *GuidePanel::makeRow(const GuideStep &step)
{
    auto *row = new QWidget(this);
    row->setObjectName(QStringLiteral("guideStep%1").arg(int(step.id)));
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    auto *icon = new QLabel(row);
    icon->setObjectName(QStringLiteral("icon"));
    icon->setFixedSize(kIconSize, kIconSize);
    layout->addWidget(icon, 0, Qt::AlignTop);

    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    auto *title = new QLabel(row);
    title->setObjectName(QStringLiteral("title"));
    title->setWordWrap(true);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    auto *status = new QLabel(row);
    status->setObjectName(QStringLiteral("status"));
    status->setWordWrap(true);
    status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *advice = new QLabel(row);
    advice->setObjectName(QStringLiteral("advice"));
    advice->setWordWrap(true);
    QFont small = advice->font();
    small.setPointSizeF(small.pointSizeF() * 0.92);
    advice->setFont(small);
    QPalette muted = advice->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    advice->setPalette(muted);
    for (QLabel *label : {title, status, advice})
        texts->addWidget(label);
    layout->addLayout(texts, 1);
    return row;
}

GuideStep GuidePanel::step(GuideStep::Id id) const
{
    for (const GuideStep &step : m_steps) {
        if (step.id == id)
            return step;
    }
    return {};
}

QString GuidePanel::progressText() const
{
    return tr("%1 of %2 done")
            .arg(FirstFineTuneGuide::doneCount(m_steps))
            .arg(FirstFineTuneGuide::tickableCount(m_steps));
}

namespace {

/// Shows the guide in a column on the right, beside the work and never over it. On a small
/// screen (1024×600) the area list shrinks to its icons while the guide is open and the guide
/// is a slim column (the Datasets cards keep their width).
void showGuide(MainWindow *window, QDockWidget *dock)
{
    constexpr int kWidth = 320;
    constexpr int kSlim = 190;
    auto room = [window] {
        window->centralWidget()->layout()->activate();
        return window->width() - window->centralWidget()->minimumSizeHint().width();
    };
    const bool small = room() < kWidth;
    if (!dock->isVisible() && small) {
        window->setNavigationCompact(true);
        room(); // the window's minimum follows the narrower list before the guide shows
    }
    const int width = small ? kSlim : kWidth;
    dock->setFloating(false);
    dock->show();
    dock->raise();
    window->resizeDocks({dock}, {width}, Qt::Horizontal);
}

} // namespace

QDockWidget *installGuide(MainWindow *window, DatasetArea *datasets, JobsArea *jobs)
{
    auto *dock = new QDockWidget(GuidePanel::tr("Your First Fine-tune"), window);
    dock->setObjectName(QStringLiteral("guideDock"));
    dock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    auto *panel = new GuidePanel(datasets, jobs, window->activeConnection(), nullptr);
    auto *scroll = new QScrollArea(dock);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(panel);
    scroll->setMinimumWidth(180);
    dock->setWidget(scroll);
    window->addDockWidget(Qt::RightDockWidgetArea, dock);
    dock->hide();

    auto *action = new QAction(GuidePanel::tr("&Guide: Your First Fine-tune"), window);
    action->setObjectName(QStringLiteral("guideAction"));
    action->setCheckable(true);
    QObject::connect(action, &QAction::triggered, dock, [window, dock](bool show) {
        if (show)
            showGuide(window, dock);
        else
            dock->hide();
    });
    // The dock's own close button (and anything else that hides it) unticks the menu entry.
    QObject::connect(dock->toggleViewAction(), &QAction::toggled, action, &QAction::setChecked);
    // Closing the guide gives the area list its names back.
    QObject::connect(dock, &QDockWidget::visibilityChanged, window, [window, dock](bool visible) {
        if (!visible && dock->isHidden())
            window->setNavigationCompact(false);
    });
    QMenu *help = window->helpMenu();
    QAction *before = nullptr; // right after "Welcome…", before the separator
    for (QAction *entry : help->actions()) {
        if (entry->isSeparator()) {
            before = entry;
            break;
        }
    }
    help->insertAction(before, action);
    QObject::connect(
            window, &MainWindow::guideRequested, dock, [window, dock] { showGuide(window, dock); });
    return dock;
}

} // namespace fs::ui
