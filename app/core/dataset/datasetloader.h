// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dataseterror.h"

#include <QObject>
#include <QString>
#include <memory>

namespace fs {

class BackgroundTask;
class DatasetDocument;
class TaskControl;
struct ExampleSummary;
struct JsonlRecord;
struct JsonlIssue;

/**
 * @brief Reads a training file into a DatasetDocument in a worker thread
 * (DatasetDocument::openAsync()).
 *
 * The file is read in chunks on a BackgroundTask; parsed records reach the document in batches on
 * its thread (the first after 128 KB, then every 40 ms), so the first examples show within a
 * fraction of a second. The document's loadProgress() and loadFinished() report it. Owned by the
 * document.
 */
class DatasetLoader : public QObject
{
    Q_OBJECT
public:
    explicit DatasetLoader(DatasetDocument *document);
    /// Cancels a running load and waits for its thread.
    ~DatasetLoader() override;

    /// Starts reading `path` (the document has been emptied for it).
    void start(const QString &path);
    /// Stops reading; the document keeps what was read and loadFinished() reports Cancelled.
    void cancel();
    bool isLoading() const;

private:
    struct State;
    void read(const std::shared_ptr<State> &state, const TaskControl &control);
    void deliver(const std::shared_ptr<State> &state, QList<JsonlRecord> records,
            QList<ExampleSummary> summaries, bool bom, qint64 done, qint64 total);
    void finish(const std::shared_ptr<State> &state, const DatasetError &error,
            QList<JsonlIssue> issues, const QByteArray &trailing);
    void finishLoad(const DatasetError &error);

    DatasetDocument *m_document;
    std::shared_ptr<State> m_state;
    BackgroundTask *m_task;
};

} // namespace fs
