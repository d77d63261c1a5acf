// SPDX-License-Identifier: GPL-3.0-or-later
#include "datasetstatistics.h"

#include "backgroundtask.h"
#include "chattokens.h"
#include "costestimate.h"
#include "parallelfor.h"

#include <QJsonDocument>
#include <algorithm>
#include <cmath>

namespace fs {

ExampleTokens countExampleTokens(const Example &example, const Tokenizer &tokenizer)
{
    ExampleTokens t;
    if (!example.isValidJson() || (!example.isChat() && !example.isPreference()))
        return t;
    Messages messages = example.messages();
    if (example.isPreference()) {
        // What is trained on: the prompt and the preferred answer.
        const Messages preferred = example.preferredOutput();
        if (!preferred.isEmpty())
            messages.append(preferred.first());
    }
    // The strings must outlive the views handed to ChatTokens.
    struct Texts
    {
        QString role, content, name, extra;
        bool hasName = false;
    };
    std::vector<Texts> texts(size_t(messages.size()));
    std::vector<ChatTokenMessage> views;
    views.reserve(texts.size());
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const Message &m = messages.at(i);
        Texts &x = texts[size_t(i)];
        x.role = m.role();
        x.content = m.text();
        x.hasName = m.hasName();
        x.name = m.name();
        // Tool calls and tool_call_id are values of the message too.
        if (m.hasToolCalls())
            x.extra =
                    QString::fromUtf8(QJsonDocument(m.toolCalls()).toJson(QJsonDocument::Compact));
        if (m.hasToolCallId())
            x.extra += m.toolCallId();
        ChatTokenMessage v;
        v.role = x.role;
        v.content = x.content;
        static const char16_t kEmpty[] = u"";
        // A present but empty name still counts its +1: the view must not be null.
        v.name = !x.hasName ? QStringView()
                            : (x.name.isEmpty() ? QStringView(kEmpty, 0) : QStringView(x.name));
        v.extra = x.extra;
        views.push_back(v);
    }
    const ChatTokenCount count = ChatTokens::example(tokenizer, views);
    t.tokens = count.tokens;
    t.assistantTokens = count.assistantTokens;
    return t;
}

DatasetDocument::TokenCounter makeTokenCounter(Tokenizer::Encoding encoding)
{
    return [encoding](const Example &example, qint32 *tokens, qint32 *assistant) {
        const ExampleTokens t = countExampleTokens(example, Tokenizer::instance(encoding));
        *tokens = t.tokens;
        *assistant = t.assistantTokens;
    };
}

double Distribution::quantile(const QList<qint64> &sorted, double q)
{
    if (sorted.isEmpty())
        return 0;
    const double pos = q * double(sorted.size() - 1);
    const auto lo = qsizetype(std::floor(pos));
    const auto hi = qsizetype(std::ceil(pos));
    const double a = double(sorted.at(lo));
    const double b = double(sorted.at(hi));
    return a + (b - a) * (pos - double(lo));
}

Distribution Distribution::of(QList<qint64> values)
{
    Distribution d;
    if (values.isEmpty())
        return d;
    std::sort(values.begin(), values.end());
    d.count = int(values.size());
    d.min = double(values.first());
    d.max = double(values.last());
    for (const qint64 v : std::as_const(values))
        d.sum += v;
    d.mean = double(d.sum) / double(values.size());
    d.median = quantile(values, 0.5);
    d.p10 = quantile(values, 0.1);
    d.p90 = quantile(values, 0.9);
    return d;
}

qint64 IntegerTicks::niceStep(double value)
{
    qint64 power = 1;
    while (true) {
        for (const qint64 factor : {1, 2, 5}) {
            if (double(factor * power) >= value)
                return factor * power;
        }
        power *= 10;
    }
}

namespace {

/// Largest multiple of `step` <= value (also for negative values).
qint64 floorTo(qint64 value, qint64 step)
{
    const qint64 q = value / step;
    return (value % step != 0 && value < 0 ? q - 1 : q) * step;
}

} // namespace

IntegerTicks IntegerTicks::cover(qint64 low, qint64 high, int maxIntervals)
{
    if (high < low)
        std::swap(low, high);
    maxIntervals = qMax(1, maxIntervals);
    IntegerTicks ticks;
    ticks.step = niceStep(double(high - low) / maxIntervals);
    // Aligning both ends to the step can add an interval: take the next step until it fits.
    while (true) {
        ticks.min = floorTo(low, ticks.step);
        ticks.max = floorTo(high, ticks.step);
        if (ticks.max < high || ticks.max == ticks.min)
            ticks.max += ticks.step;
        if ((ticks.max - ticks.min) / ticks.step <= maxIntervals)
            return ticks;
        ticks.step = niceStep(double(ticks.step) + 1);
    }
}

int Histogram::highestCount() const
{
    return counts.isEmpty() ? 0 : *std::max_element(counts.begin(), counts.end());
}

Histogram Histogram::of(const QList<qint64> &values, int maxBins)
{
    Histogram h;
    if (values.isEmpty() || maxBins < 1)
        return h;
    const auto [minIt, maxIt] = std::minmax_element(values.begin(), values.end());
    // Round edges: a nice width, the first bin starting at a multiple of it; the alignment can
    // push the last value into one bin too many, then the next nice width is taken.
    qint64 width = IntegerTicks::niceStep(double(*maxIt - *minIt + 1) / maxBins);
    qint64 lo = floorTo(*minIt, width);
    while ((*maxIt - lo) / width + 1 > maxBins) {
        width = IntegerTicks::niceStep(double(width) + 1);
        lo = floorTo(*minIt, width);
    }
    const qint64 bins = (*maxIt - lo) / width + 1;
    for (qint64 i = 0; i < bins; ++i) {
        h.lowerBounds.append(lo + i * width);
        h.upperBounds.append(lo + (i + 1) * width - 1);
        h.counts.append(0);
    }
    for (const qint64 v : values)
        ++h.counts[qsizetype((v - lo) / width)];
    return h;
}

int TrainingEstimate::defaultEpochs(int examples)
{
    return EpochRule::defaultEpochs(examples);
}

ExampleCounts ExampleCounts::of(const ExampleSummary &summary)
{
    ExampleCounts c;
    c.messages = summary.messageCount;
    c.tokens = summary.tokens;
    c.assistantTokens = summary.assistantTokens;
    c.roles = summary.roles;
    return c;
}

DatasetStatistics DatasetStatistics::compute(
        const QList<ExampleCounts> &counts, int tokenLimit, int histogramBins)
{
    DatasetStatistics s;
    s.examples = int(counts.size());
    s.tokenLimit = tokenLimit;
    QList<qint64> messages, tokens, assistant;
    messages.reserve(counts.size());
    tokens.reserve(counts.size());
    assistant.reserve(counts.size());
    for (const ExampleCounts &c : counts) {
        messages.append(c.messages);
        if (!(c.roles & ExampleSummary::HasSystem))
            ++s.missingSystem;
        if (!(c.roles & ExampleSummary::HasUser))
            ++s.missingUser;
        if (c.tokens >= 0) {
            tokens.append(c.tokens);
            s.totalTokens += c.tokens;
            s.billableTokensPerEpoch += std::min<qint64>(c.tokens, tokenLimit);
            if (c.tokens > tokenLimit)
                ++s.overLimit;
        }
        if (c.assistantTokens >= 0)
            assistant.append(c.assistantTokens);
    }
    s.countedExamples = int(tokens.size());
    s.messagesPerExample = Distribution::of(messages);
    s.tokensHistogram = Histogram::of(tokens, histogramBins);
    s.assistantTokensHistogram = Histogram::of(assistant, histogramBins);
    s.tokensPerExample = Distribution::of(std::move(tokens));
    s.assistantTokensPerExample = Distribution::of(std::move(assistant));
    return s;
}

DatasetStatistics DatasetStatistics::compute(
        const DatasetDocument &document, int tokenLimit, int histogramBins)
{
    QList<ExampleCounts> counts;
    counts.reserve(document.count());
    for (int i = 0; i < document.count(); ++i)
        counts.append(ExampleCounts::of(document.summary(i)));
    return compute(counts, tokenLimit, histogramBins);
}

TrainingEstimate DatasetStatistics::estimate(
        const QString &model, double usdPerMillion, int epochs) const
{
    // One rule for the editor, the statistics panel and `validate`: the tokenizer area's.
    const CostEstimate c = CostEstimate::fromTotals(
            examples, billableTokensPerEpoch, model, usdPerMillion, epochs);
    TrainingEstimate e;
    e.model = model;
    e.epochs = c.epochs;
    e.billedTokensPerEpoch = c.billedTokensPerEpoch;
    e.billedTokens = c.billedTokens;
    e.costUsd = c.costUsd;
    return e;
}

// ---- background counting ---------------------------------------------------------------------

TokenCountJob::TokenCountJob(QObject *parent)
    : QObject(parent)
    , m_task(new BackgroundTask(this))
{
    connect(m_task, &BackgroundTask::progress, this,
            [this](qint64 done, qint64 total) { emit progress(int(done), int(total)); });
}

TokenCountJob::~TokenCountJob()
{
    cancel();
}

QList<qint32> TokenCountJob::countFile(const QByteArray &content, Tokenizer::Encoding encoding)
{
    QList<QByteArray> lines;
    const QByteArrayView bytes = content.startsWith("\xEF\xBB\xBF")
            ? QByteArrayView(content).sliced(3)
            : QByteArrayView(content);
    for (qsizetype from = 0; from <= bytes.size();) {
        qsizetype end = bytes.indexOf('\n', from);
        if (end < 0)
            end = bytes.size();
        QByteArrayView line = bytes.sliced(from, end - from);
        if (line.endsWith('\r'))
            line.chop(1);
        if (!line.trimmed().isEmpty())
            lines << line.toByteArray();
        from = end + 1;
    }
    QList<qint32> tokens, assistant;
    countLines(lines, encoding, &tokens, &assistant);
    return tokens;
}

void TokenCountJob::countLines(const QList<QByteArray> &lines, Tokenizer::Encoding encoding,
        QList<qint32> *tokens, QList<qint32> *assistantTokens, const std::atomic_bool *cancelled,
        const std::function<void(int)> &progress)
{
    const Tokenizer &tokenizer = Tokenizer::instance(encoding);
    tokens->resize(lines.size());
    assistantTokens->resize(lines.size());
    qint32 *tokensOut = tokens->data();
    qint32 *assistantOut = assistantTokens->data();
    ParallelOptions parallel;
    parallel.serialBelow = 256; // a few examples: no threads
    parallel.cancelled = cancelled;
    if (progress)
        parallel.progress = [&progress](qsizetype done) { progress(int(done)); };
    parallelFor(
            lines.size(),
            [&](qsizetype i) {
                const ExampleTokens t =
                        countExampleTokens(Example::fromLine(lines.at(i)), tokenizer);
                tokensOut[i] = t.tokens;
                assistantOut[i] = t.assistantTokens;
            },
            parallel);
}

namespace {

struct CountedLines
{
    QList<qint32> tokens;
    QList<qint32> assistantTokens;
};

} // namespace

void TokenCountJob::start(DatasetDocument *document, Tokenizer::Encoding encoding)
{
    cancel();
    if (!document)
        return;
    m_document = document;
    const DatasetSnapshot snapshot = document->snapshot();
    m_task->start(
            [lines = snapshot.lines, encoding](TaskControl &control) {
                CountedLines counted;
                const qint64 total = lines.size();
                countLines(lines, encoding, &counted.tokens, &counted.assistantTokens,
                        control.cancelFlag(),
                        [&control, total](int done) { control.setProgress(done, total); });
                return counted;
            },
            [this, ids = snapshot.ids](CountedLines counted) {
                if (m_document)
                    m_document->setTokenCounts(ids, counted.tokens, counted.assistantTokens);
                emit finished(true);
            });
}

void TokenCountJob::startFile(
        const QString &key, const QByteArray &content, Tokenizer::Encoding encoding)
{
    cancel();
    m_document.clear();
    m_task->start([content, encoding](TaskControl &) { return countFile(content, encoding); },
            [this, key](const QList<qint32> &tokens) {
                emit fileCounted(key, tokens);
                emit finished(true);
            });
}

void TokenCountJob::cancel()
{
    if (!m_task->isRunning())
        return;
    m_task->cancel(); // the work stops on its own; nothing of it is delivered
    emit finished(false);
}

bool TokenCountJob::isRunning() const
{
    return m_task->isRunning();
}

} // namespace fs
