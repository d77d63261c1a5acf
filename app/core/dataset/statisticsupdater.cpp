// SPDX-License-Identifier: GPL-3.0-or-later
#include "statisticsupdater.h"

#include "backgroundtask.h"
#include "datasetdocument.h"

#include <QTimer>

namespace fs {

StatisticsUpdater::StatisticsUpdater(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
    , m_task(new BackgroundTask(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(250); // counts arrive in bursts; sum up once they settle
    connect(m_timer, &QTimer::timeout, this, &StatisticsUpdater::refreshInBackground);
}

StatisticsUpdater::~StatisticsUpdater() = default;

void StatisticsUpdater::setDocument(DatasetDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document) {
        connect(m_document, &DatasetDocument::reset, this, &StatisticsUpdater::refreshLater);
        connect(m_document, &DatasetDocument::examplesInserted, this,
                &StatisticsUpdater::refreshLater);
        connect(m_document, &DatasetDocument::examplesRemoved, this,
                &StatisticsUpdater::refreshLater);
        connect(m_document, &DatasetDocument::exampleChanged, this,
                &StatisticsUpdater::refreshLater);
        connect(m_document, &DatasetDocument::examplesChanged, this,
                &StatisticsUpdater::refreshLater);
        connect(m_document, &DatasetDocument::summariesChanged, this,
                &StatisticsUpdater::refreshLater);
        connect(m_document, &DatasetDocument::loadFinished, this, &StatisticsUpdater::refreshLater);
    }
    refresh();
}

void StatisticsUpdater::setTokenLimit(int tokens)
{
    m_tokenLimit = tokens;
    refreshLater();
}

void StatisticsUpdater::setDelay(int ms)
{
    m_timer->setInterval(ms);
}

bool StatisticsUpdater::isPending() const
{
    return m_timer->isActive() || m_task->isRunning();
}

void StatisticsUpdater::refresh()
{
    m_timer->stop();
    m_task->cancel();
    m_pending = false;
    DatasetStatistics statistics;
    if (m_document)
        statistics = DatasetStatistics::compute(*m_document, m_tokenLimit);
    publish(std::move(statistics));
}

void StatisticsUpdater::refreshLater()
{
    m_timer->start();
}

void StatisticsUpdater::refreshInBackground()
{
    if (!m_document || m_document->count() < kBackgroundRows) {
        refresh();
        return;
    }
    if (m_task->isRunning()) {
        m_pending = true;
        return;
    }
    // Copying the per-example numbers is quick; sorting them for medians and histograms is not.
    QList<ExampleCounts> counts;
    counts.reserve(m_document->count());
    for (int i = 0; i < m_document->count(); ++i)
        counts.append(ExampleCounts::of(m_document->summary(i)));
    m_task->start([counts = std::move(counts), limit = m_tokenLimit](
                          TaskControl &) { return DatasetStatistics::compute(counts, limit); },
            [this](DatasetStatistics statistics) {
                publish(std::move(statistics));
                if (m_pending) {
                    m_pending = false;
                    refreshInBackground();
                }
            });
}

void StatisticsUpdater::publish(DatasetStatistics statistics)
{
    m_latest = std::make_unique<DatasetStatistics>(std::move(statistics));
    Q_EMIT updated(*m_latest);
}

} // namespace fs
