// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "datasetdocument.h"
#include "tokenizer.h"

#include <QList>
#include <QObject>
#include <QString>
#include <atomic>
#include <memory>

namespace fs {

class BackgroundTask;

/// Chat-format token counts of one example (the OpenAI cookbook's way: 3 per message, the
/// encoded role/content/name, 1 per name, 3 at the end). Preference examples: input messages
/// plus the preferred answer.
struct ExampleTokens
{
    qint32 tokens = 0;
    qint32 assistantTokens = 0; ///< encoded content of the assistant messages only
};
ExampleTokens countExampleTokens(const Example &example, const Tokenizer &tokenizer);
/// A TokenCounter for DatasetDocument::setTokenCounter() with the given encoding.
DatasetDocument::TokenCounter makeTokenCounter(Tokenizer::Encoding encoding);

/// min/max/mean/median and the 10th/90th percentiles (numpy's linear interpolation, as the
/// cookbook computes its "p5/p95" which are really p10/p90). All 0 for no values.
struct Distribution
{
    int count = 0;
    double min = 0, max = 0, mean = 0, median = 0, p10 = 0, p90 = 0;
    qint64 sum = 0;
    static Distribution of(QList<qint64> values);
    /// numpy.quantile(values, q) with linear interpolation; `sorted` ascending.
    static double quantile(const QList<qint64> &sorted, double q);
};

/// Evenly spaced ticks for an axis of whole numbers (counts, tokens): a tick at every `step`
/// from `min` to `max`. The step is 1, 2 or 5 times a power of ten, so a person reads the axis
/// at a glance; min and max are multiples of it and cover the values asked for.
struct IntegerTicks
{
    qint64 min = 0;
    qint64 max = 1;
    qint64 step = 1;
    int count() const { return int((max - min) / step) + 1; } ///< ticks, both ends included
    /// The smallest step that covers [low, high] with at most `maxIntervals` intervals (at
    /// least one: high == low still gets an axis one step long).
    static IntegerTicks cover(qint64 low, qint64 high, int maxIntervals = 5);
    /// 1, 2 or 5 times a power of ten, the smallest such number >= value (>= 1).
    static qint64 niceStep(double value);
};

/// Equal-width bins (data for a bar chart). The width is 1, 2 or 5 times a power of ten and the
/// bins start at a multiple of it, so the edges are round numbers.
struct Histogram
{
    QList<qint64> lowerBounds; ///< inclusive lower bound of each bin
    QList<qint64> upperBounds; ///< inclusive upper bound of each bin
    QList<int> counts;
    qint64 binWidth() const
    {
        return lowerBounds.isEmpty() ? 0 : upperBounds.first() - lowerBounds.first() + 1;
    }
    int highestCount() const;
    static Histogram of(const QList<qint64> &values, int maxBins = 20);
};

/// The training cost estimate (cookbook rule for epochs; billed = Σ min(limit, tokens) × epochs).
struct TrainingEstimate
{
    QString model;
    int epochs = 0;
    qint64 billedTokensPerEpoch = 0;
    qint64 billedTokens = 0;
    double costUsd = -1; ///< -1 when the price is unknown
    /// The cookbook's default epochs for n examples (3, raised to reach 100 examples seen,
    /// lowered to stay within 25,000; between 1 and 25).
    static int defaultEpochs(int examples);
};

/// Per-example numbers the statistics are computed from.
struct ExampleCounts
{
    qint32 messages = 0;
    qint32 tokens = -1; ///< -1 when not counted
    qint32 assistantTokens = -1;
    quint8 roles = 0; ///< ExampleSummary::RoleFlag bits
    static ExampleCounts of(const ExampleSummary &summary);
};

/**
 * @brief The numbers of the statistics panel and of `validate`.
 */
struct DatasetStatistics
{
    int examples = 0;
    int countedExamples = 0; ///< examples with token counts
    Distribution messagesPerExample;
    Distribution tokensPerExample;
    Distribution assistantTokensPerExample;
    Histogram tokensHistogram;
    Histogram assistantTokensHistogram;
    int tokenLimit = 0;
    int overLimit = 0; ///< examples with tokens > tokenLimit
    int missingSystem = 0;
    int missingUser = 0;
    qint64 totalTokens = 0;
    qint64 billableTokensPerEpoch = 0; ///< Σ min(tokenLimit, tokens) over counted examples

    /// Computes everything but the estimate's price.
    static DatasetStatistics compute(
            const QList<ExampleCounts> &counts, int tokenLimit, int histogramBins = 20);
    /// From the document's summaries (token counts as far as known).
    static DatasetStatistics compute(
            const DatasetDocument &document, int tokenLimit, int histogramBins = 20);
    /// Epochs and billed tokens (and the cost when usdPerMillion >= 0) for `model`.
    TrainingEstimate estimate(const QString &model, double usdPerMillion,
            int epochs = 0 /* 0: the cookbook's default */) const;
};

/**
 * @brief Counts tokens in the background (BackgroundTask), with progress and cancel: every
 * example of a document's snapshot, the results going back into the document
 * (DatasetDocument::setTokenCounts by id); or every example of a JSONL file's bytes (startFile).
 */
class TokenCountJob : public QObject
{
    Q_OBJECT
public:
    explicit TokenCountJob(QObject *parent = nullptr);
    ~TokenCountJob() override; ///< cancels

    /// Starts counting `document`'s examples; results are applied to it when done (ids whose
    /// rows are gone are skipped). A running job is cancelled first.
    void start(DatasetDocument *document, Tokenizer::Encoding encoding);
    /// Counts `content` as countFile() does; fileCounted(key, …) gives the counts. A running job
    /// is cancelled first.
    void startFile(const QString &key, const QByteArray &content, Tokenizer::Encoding encoding);
    /// Stops a running job (finished(false) at once; nothing of it is applied later).
    void cancel();
    bool isRunning() const;

    /// Each example's tokens of a JSONL file's bytes as the editor counts them (a leading BOM,
    /// CR line ends and blank lines are skipped). The New-job estimate of a file on the service
    /// and the sandbox's trained_tokens both count with this, so they agree.
    static QList<qint32> countFile(const QByteArray &content, Tokenizer::Encoding encoding);
    /// Synchronous counting on all cores: fills tokens/assistant for each line; `progress` (may
    /// be empty) is called from the counting threads with the number of lines done.
    static void countLines(const QList<QByteArray> &lines, Tokenizer::Encoding encoding,
            QList<qint32> *tokens, QList<qint32> *assistantTokens,
            const std::atomic_bool *cancelled = nullptr,
            const std::function<void(int done)> &progress = {});

signals:
    void progress(int done, int total);
    /// The counts of startFile(key, …), one per example.
    void fileCounted(const QString &key, const QList<qint32> &tokens);
    /// Emitted after the counts were applied to the document or given by fileCounted()
    /// (cancelled: false).
    void finished(bool completed);

private:
    QPointer<DatasetDocument> m_document;
    BackgroundTask *m_task;
};

} // namespace fs
