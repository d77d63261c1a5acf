// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "example.h"
#include "message.h"
#include "modeltarget.h"
#include "rouge.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace fs {

class DatasetDocument;

/// One example to compare on: the prompt (every message before the last assistant message) and
/// the reference (that message's text).
struct BatchItem
{
    Messages prompt;
    QString reference;
    int sourceLine = 0; ///< 1-based line in the file / row+1 in the document
};

/// Examples read from a file; `error` is a plain-words reason when nothing could be read.
struct BatchItemsLoad
{
    QList<BatchItem> items;
    int skipped = 0; ///< lines without an assistant message, preference lines, invalid JSON
    QString error;
};

/// Reads a chat JSONL file (validation file): one BatchItem per example with an assistant turn.
BatchItemsLoad loadBatchItems(const QString &path);
/// The same from the open dataset.
BatchItemsLoad batchItemsFrom(const DatasetDocument &document);
/// The same from one example; nullopt when it has no assistant message.
std::optional<BatchItem> batchItemFrom(const Example &example, int sourceLine);

/// One model's answer to one example.
struct Generation
{
    enum class Status { Pending, Done, Failed };
    Status status = Status::Pending;
    QString text;
    QString error; ///< plain words, for Failed
    qint64 latencyMs = 0;
    qint64 completionTokens = 0;
    int attempts = 0;
    RougeScores scores; ///< valid when Done
};

/**
 * @brief Everything a batch comparison produced: the items, the models, every generation and its
 * ROUGE scores. Saved as JSONL (a header line with the models and options, then one line per
 * item with the reference and each model's generation), so the metrics can be recomputed
 * (e.g. with stemming switched) without calling the models again.
 */
class BatchResults
{
public:
    BatchResults() = default;
    BatchResults(const QList<BatchItem> &items, const QList<ModelTarget> &models);

    int itemCount() const { return int(m_items.size()); }
    int modelCount() const { return int(m_models.size()); }
    const QList<BatchItem> &items() const { return m_items; }
    const QList<ModelTarget> &models() const { return m_models; }
    QStringList modelLabels() const;
    const Generation &generation(int item, int model) const;
    void setGeneration(int item, int model, const Generation &generation); ///< scores it when Done

    bool stems() const { return m_stem; }
    /// Rescores every Done generation from the stored text (RougeScorer::scoreAll, blocking:
    /// ~60 ms for 1,000 rows × 2 models).
    void recompute(bool stem);
    /// Scores one generation against its reference with the current stemming option.
    void score(int item, int model);

    int doneCount() const; ///< generations Done or Failed
    int failedCount() const;
    /// Mean scores of a model over its Done generations (the n is in *count).
    RougeScores average(int model, int *count = nullptr) const;

    /// One JSON line per item after a header line (no API keys).
    QByteArray toJsonl() const;
    static std::optional<BatchResults> fromJsonl(const QByteArray &data, QString *error = nullptr);
    bool save(const QString &path, QString *error = nullptr) const;
    static std::optional<BatchResults> load(const QString &path, QString *error = nullptr);

    /// Columns: line, prompt (last user message), reference, then per model: answer, ROUGE-1 F,
    /// ROUGE-2 F, ROUGE-L F; with two models or more, "ROUGE-L F difference" (model 2 − model 1).
    /// RFC 4180: CRLF line ends, fields with comma, quote, CR or LF quoted, quotes doubled.
    QByteArray toCsv() const;
    bool exportCsv(const QString &path, QString *error = nullptr) const;

private:
    QList<BatchItem> m_items;
    QList<ModelTarget> m_models;
    QList<QList<Generation>> m_generations; ///< [item][model]
    bool m_stem = false;
};

/// The text of the last user message of a prompt (what tables show as "prompt").
QString lastUserText(const Messages &prompt);

} // namespace fs
