// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "datasetstatistics.h"

#include <QObject>
#include <QPointer>
#include <memory>

class QTimer;

namespace fs {

class BackgroundTask;
class DatasetDocument;

/**
 * @brief Keeps a document's statistics up to date: after a change (counts arrive in bursts) it
 * waits a moment, then sums them up again — in the background for big documents (sorting 100,000
 * token counts takes longer than the GUI thread may pause), at once for small ones. A result
 * overtaken by a newer refresh is dropped; changes during a background run start one more.
 */
class StatisticsUpdater : public QObject
{
    Q_OBJECT
public:
    /// Documents with at least this many examples are summed up in the background.
    static constexpr int kBackgroundRows = 20000;

    explicit StatisticsUpdater(QObject *parent = nullptr);
    ~StatisticsUpdater() override;

    DatasetDocument *document() const { return m_document; }
    /// Watches `document` (null: none) and refreshes at once.
    void setDocument(DatasetDocument *document);
    int tokenLimit() const { return m_tokenLimit; }
    /// The model's limit for "too long" examples; refreshes after the pause.
    void setTokenLimit(int tokens);
    /// How long changes must settle before a refresh (default 250 ms).
    void setDelay(int ms);

    /// The statistics last computed; null before the first refresh.
    const DatasetStatistics *latest() const { return m_latest.get(); }
    /// A refresh is waiting for the pause to end or for its background run.
    bool isPending() const;

public Q_SLOTS:
    /// Computes now, in this thread (a background run going on is dropped).
    void refresh();

Q_SIGNALS:
    /// New statistics (latest() has them too).
    void updated(const fs::DatasetStatistics &statistics);

private:
    void refreshLater();
    void refreshInBackground();
    void publish(DatasetStatistics statistics);

    QPointer<DatasetDocument> m_document;
    int m_tokenLimit = 65536;
    QTimer *m_timer;
    BackgroundTask *m_task;
    bool m_pending = false; ///< changes arrived while the background run was computing
    std::unique_ptr<DatasetStatistics> m_latest;
};

} // namespace fs
