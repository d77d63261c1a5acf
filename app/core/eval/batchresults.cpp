// SPDX-License-Identifier: GPL-3.0-or-later
#include "batchresults.h"

#include "datasetdocument.h"
#include "dataseterror.h"
#include "examplevisit.h"
#include "jsonl.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace fs {

namespace {
constexpr int kResultsVersion = 1;
const char kResultsType[] = "finetune-studio.batch-comparison";

QString tr(const char *text)
{
    return QCoreApplication::translate("fs::BatchResults", text);
}

QString statusName(Generation::Status status)
{
    switch (status) {
    case Generation::Status::Done:
        return QStringLiteral("done");
    case Generation::Status::Failed:
        return QStringLiteral("failed");
    case Generation::Status::Pending:
        break;
    }
    return QStringLiteral("pending");
}

Generation::Status statusFromName(const QString &name)
{
    if (name == QLatin1String("done"))
        return Generation::Status::Done;
    if (name == QLatin1String("failed"))
        return Generation::Status::Failed;
    return Generation::Status::Pending;
}

// RFC 4180: a field with a comma, a quote, CR or LF is quoted, its quotes doubled.
QByteArray csvField(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    if (utf8.contains(',') || utf8.contains('"') || utf8.contains('\r') || utf8.contains('\n')) {
        utf8.replace("\"", "\"\"");
        return '"' + utf8 + '"';
    }
    return utf8;
}

QString scoreText(double value)
{
    return QString::number(value, 'f', 4);
}

} // namespace

QString lastUserText(const Messages &prompt)
{
    for (qsizetype i = prompt.size() - 1; i >= 0; --i) {
        if (prompt.at(i).role() == QLatin1String("user"))
            return prompt.at(i).text();
    }
    return {};
}

std::optional<BatchItem> batchItemFrom(const Example &example, int sourceLine)
{
    if (!example.isChat())
        return std::nullopt;
    const Messages messages = example.messages();
    for (qsizetype i = messages.size() - 1; i >= 0; --i) {
        if (messages.at(i).role() != QLatin1String("assistant"))
            continue;
        BatchItem item;
        item.prompt = messages.mid(0, i);
        item.reference = messages.at(i).text();
        item.sourceLine = sourceLine;
        // An answer to nothing cannot be asked for.
        if (item.prompt.isEmpty())
            return std::nullopt;
        return item;
    }
    return std::nullopt;
}

BatchItemsLoad loadBatchItems(const QString &path)
{
    BatchItemsLoad load;
    load.error = visitExamples(path, [&load](const Example &example, int sourceLine) {
        keepOrSkip(batchItemFrom(example, sourceLine), &load.items, &load.skipped);
    });
    if (load.error.isEmpty() && load.items.isEmpty()) {
        load.error = tr("No example in this file ends with an assistant answer to compare "
                        "against.");
    }
    return load;
}

BatchItemsLoad batchItemsFrom(const DatasetDocument &document)
{
    BatchItemsLoad load;
    visitExamples(document, [&load](const Example &example, int sourceLine) {
        keepOrSkip(batchItemFrom(example, sourceLine), &load.items, &load.skipped);
    });
    if (load.items.isEmpty()) {
        load.error = tr("No example in this dataset ends with an assistant answer to compare "
                        "against.");
    }
    return load;
}

BatchResults::BatchResults(const QList<BatchItem> &items, const QList<ModelTarget> &models)
    : m_items(items)
    , m_models(models)
{
    m_generations.resize(items.size());
    for (QList<Generation> &row : m_generations)
        row.resize(models.size());
}

QStringList BatchResults::modelLabels() const
{
    QStringList labels;
    for (const ModelTarget &model : m_models)
        labels << model.label();
    return labels;
}

const Generation &BatchResults::generation(int item, int model) const
{
    static const Generation none;
    if (item < 0 || item >= m_generations.size() || model < 0
            || model >= m_generations.at(item).size())
        return none;
    return m_generations.at(item).at(model);
}

void BatchResults::setGeneration(int item, int model, const Generation &generation)
{
    if (item < 0 || item >= m_generations.size() || model < 0
            || model >= m_generations.at(item).size())
        return;
    m_generations[item][model] = generation;
    score(item, model);
}

void BatchResults::score(int item, int model)
{
    if (item < 0 || item >= m_generations.size() || model < 0
            || model >= m_generations.at(item).size())
        return;
    Generation &generation = m_generations[item][model];
    if (generation.status != Generation::Status::Done) {
        generation.scores = RougeScores();
        return;
    }
    RougeScorer scorer(m_stem);
    generation.scores = scorer.score(m_items.at(item).reference, generation.text);
}

void BatchResults::recompute(bool stem)
{
    m_stem = stem;
    QStringList targets;
    QStringList predictions;
    QList<QPair<int, int>> where;
    for (int i = 0; i < m_generations.size(); ++i) {
        for (int m = 0; m < m_generations.at(i).size(); ++m) {
            Generation &generation = m_generations[i][m];
            if (generation.status != Generation::Status::Done) {
                generation.scores = RougeScores();
                continue;
            }
            targets << m_items.at(i).reference;
            predictions << generation.text;
            where << qMakePair(i, m);
        }
    }
    const QList<RougeScores> scores = RougeScorer::scoreAll(targets, predictions, stem);
    for (qsizetype k = 0; k < where.size(); ++k)
        m_generations[where.at(k).first][where.at(k).second].scores = scores.at(k);
}

int BatchResults::doneCount() const
{
    int count = 0;
    for (const QList<Generation> &row : m_generations) {
        for (const Generation &generation : row)
            count += generation.status != Generation::Status::Pending ? 1 : 0;
    }
    return count;
}

int BatchResults::failedCount() const
{
    int count = 0;
    for (const QList<Generation> &row : m_generations) {
        for (const Generation &generation : row)
            count += generation.status == Generation::Status::Failed ? 1 : 0;
    }
    return count;
}

RougeScores BatchResults::average(int model, int *count) const
{
    RougeScores sum;
    int n = 0;
    for (const QList<Generation> &row : m_generations) {
        if (model < 0 || model >= row.size() || row.at(model).status != Generation::Status::Done)
            continue;
        const RougeScores &s = row.at(model).scores;
        const auto add = [](RougeScore &total, const RougeScore &value) {
            total.precision += value.precision;
            total.recall += value.recall;
            total.fmeasure += value.fmeasure;
        };
        add(sum.rouge1, s.rouge1);
        add(sum.rouge2, s.rouge2);
        add(sum.rougeL, s.rougeL);
        ++n;
    }
    if (count)
        *count = n;
    if (n > 0) {
        for (RougeScore *total : {&sum.rouge1, &sum.rouge2, &sum.rougeL}) {
            total->precision /= n;
            total->recall /= n;
            total->fmeasure /= n;
        }
    }
    return sum;
}

QByteArray BatchResults::toJsonl() const
{
    QJsonArray models;
    for (const ModelTarget &model : m_models)
        models.append(model.toJson());
    QByteArray out = QJsonDocument(QJsonObject {
                                           {QStringLiteral("type"), QLatin1String(kResultsType)},
                                           {QStringLiteral("version"), kResultsVersion},
                                           {QStringLiteral("models"), models},
                                           {QStringLiteral("stem"), m_stem},
                                   })
                             .toJson(QJsonDocument::Compact);
    out += '\n';
    for (int i = 0; i < m_items.size(); ++i) {
        const BatchItem &item = m_items.at(i);
        QJsonArray prompt;
        for (const Message &message : item.prompt)
            prompt.append(message.toJson());
        QJsonArray generations;
        for (const Generation &generation : m_generations.at(i)) {
            QJsonObject g {
                    {QStringLiteral("status"), statusName(generation.status)},
                    {QStringLiteral("text"), generation.text},
                    {QStringLiteral("latency_ms"), double(generation.latencyMs)},
                    {QStringLiteral("completion_tokens"), double(generation.completionTokens)},
                    {QStringLiteral("attempts"), generation.attempts},
            };
            if (!generation.error.isEmpty())
                g.insert(QStringLiteral("error"), generation.error);
            if (generation.status == Generation::Status::Done) {
                // For other tools; recomputed from the text when loaded.
                g.insert(QStringLiteral("rouge1_f"), generation.scores.rouge1.fmeasure);
                g.insert(QStringLiteral("rouge2_f"), generation.scores.rouge2.fmeasure);
                g.insert(QStringLiteral("rougeL_f"), generation.scores.rougeL.fmeasure);
            }
            generations.append(g);
        }
        out += QJsonDocument(QJsonObject {
                                     {QStringLiteral("line"), item.sourceLine},
                                     {QStringLiteral("prompt"), prompt},
                                     {QStringLiteral("reference"), item.reference},
                                     {QStringLiteral("generations"), generations},
                             })
                       .toJson(QJsonDocument::Compact);
        out += '\n';
    }
    return out;
}

std::optional<BatchResults> BatchResults::fromJsonl(const QByteArray &data, QString *error)
{
    const QList<QByteArray> lines = data.split('\n');
    const auto fail = [error](const QString &message) -> std::optional<BatchResults> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const QJsonObject header = QJsonDocument::fromJson(lines.value(0).trimmed()).object();
    if (header.value(QLatin1String("type")).toString() != QLatin1String(kResultsType))
        return fail(tr("This file is not a saved batch comparison."));
    if (header.value(QLatin1String("version")).toInt() > kResultsVersion)
        return fail(tr("This comparison was saved by a newer version of Finetune Studio."));
    QList<ModelTarget> models;
    const QJsonArray modelArray = header.value(QLatin1String("models")).toArray();
    for (const QJsonValue &value : modelArray)
        models.append(ModelTarget::fromJson(value.toObject()));
    QList<BatchItem> items;
    QList<QList<Generation>> generations;
    for (qsizetype l = 1; l < lines.size(); ++l) {
        const QByteArray line = lines.at(l).trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
        if (!document.isObject())
            return fail(tr("Line %1 of the saved comparison is damaged.").arg(l + 1));
        const QJsonObject object = document.object();
        BatchItem item;
        item.sourceLine = object.value(QLatin1String("line")).toInt();
        const QJsonArray prompt = object.value(QLatin1String("prompt")).toArray();
        for (const QJsonValue &message : prompt)
            item.prompt.append(Message(message));
        item.reference = object.value(QLatin1String("reference")).toString();
        QList<Generation> row(models.size());
        const QJsonArray gens = object.value(QLatin1String("generations")).toArray();
        for (qsizetype m = 0; m < gens.size() && m < row.size(); ++m) {
            const QJsonObject g = gens.at(m).toObject();
            Generation &generation = row[m];
            generation.status = statusFromName(g.value(QLatin1String("status")).toString());
            generation.text = g.value(QLatin1String("text")).toString();
            generation.error = g.value(QLatin1String("error")).toString();
            generation.latencyMs = qint64(g.value(QLatin1String("latency_ms")).toDouble());
            generation.completionTokens =
                    qint64(g.value(QLatin1String("completion_tokens")).toDouble());
            generation.attempts = g.value(QLatin1String("attempts")).toInt();
        }
        items.append(item);
        generations.append(row);
    }
    BatchResults results(items, models);
    results.m_generations = generations;
    results.recompute(header.value(QLatin1String("stem")).toBool());
    return results;
}

bool BatchResults::save(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toJsonl()) < 0 || !file.commit()) {
        if (error)
            *error = tr("The results could not be saved to %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

std::optional<BatchResults> BatchResults::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("%1 could not be opened: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return fromJsonl(file.readAll(), error);
}

QByteArray BatchResults::toCsv() const
{
    QStringList header {tr("Line"), tr("Prompt"), tr("Reference")};
    for (const ModelTarget &model : m_models) {
        header << tr("%1 answer").arg(model.label()) << tr("%1 ROUGE-1 F").arg(model.label())
               << tr("%1 ROUGE-2 F").arg(model.label()) << tr("%1 ROUGE-L F").arg(model.label());
    }
    const bool difference = m_models.size() >= 2;
    if (difference)
        header << tr("ROUGE-L F difference");
    QByteArray out;
    const auto appendRow = [&out](const QStringList &fields) {
        for (qsizetype f = 0; f < fields.size(); ++f) {
            if (f)
                out += ',';
            out += csvField(fields.at(f));
        }
        out += "\r\n";
    };
    appendRow(header);
    for (int i = 0; i < m_items.size(); ++i) {
        const BatchItem &item = m_items.at(i);
        QStringList fields {
                QString::number(item.sourceLine), lastUserText(item.prompt), item.reference};
        for (const Generation &g : m_generations.at(i)) {
            const bool done = g.status == Generation::Status::Done;
            fields << (g.status == Generation::Status::Failed ? g.error : g.text)
                   << (done ? scoreText(g.scores.rouge1.fmeasure) : QString())
                   << (done ? scoreText(g.scores.rouge2.fmeasure) : QString())
                   << (done ? scoreText(g.scores.rougeL.fmeasure) : QString());
        }
        if (difference) {
            const Generation &a = m_generations.at(i).at(0);
            const Generation &b = m_generations.at(i).at(1);
            fields << (a.status == Generation::Status::Done && b.status == Generation::Status::Done
                            ? scoreText(b.scores.rougeL.fmeasure - a.scores.rougeL.fmeasure)
                            : QString());
        }
        appendRow(fields);
    }
    return out;
}

bool BatchResults::exportCsv(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toCsv()) < 0 || !file.commit()) {
        if (error)
            *error = tr("The table could not be saved to %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace fs
