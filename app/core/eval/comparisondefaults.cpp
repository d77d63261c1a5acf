// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparisondefaults.h"

#include "costestimate.h"
#include "jobhistory.h"
#include "modelregistry.h"

#include <QHash>
#include <QSet>
#include <algorithm>
#include <limits>

namespace fs {

QString baseModelInId(const QString &id)
{
    return ModelRegistry::parseFineTuned(id).base;
}

qint64 checkpointStepInId(const QString &id)
{
    return ModelRegistry::parseFineTuned(id).checkpointStep;
}

QString fineTunedModelOfCheckpointId(const QString &id)
{
    const FineTunedName name = ModelRegistry::parseFineTuned(id);
    return name.checkpointStep > 0 ? name.model : QString();
}

QString modelFamilyInId(const QString &id)
{
    return ModelRegistry::isFineTuned(id) ? id : ModelRegistry::withoutSnapshot(id);
}

bool isAliasAndSnapshot(const QString &a, const QString &b)
{
    if (a.isEmpty() || b.isEmpty() || a == b || ModelRegistry::isFineTuned(a)
            || ModelRegistry::isFineTuned(b))
        return false;
    return ModelRegistry::withoutSnapshot(a) == b || ModelRegistry::withoutSnapshot(b) == a;
}

QList<FineTuneRecord> FineTuneRecord::fromHistory(const JobHistory &history)
{
    QList<FineTuneRecord> records;
    QSet<QString> jobIds;
    for (const FineTuningJob &job : history.jobs()) {
        if (job.id.isEmpty())
            continue;
        FineTuneRecord record;
        record.jobId = job.id;
        record.baseModel = job.model;
        record.fineTunedModel = job.fineTunedModel;
        record.createdAt = job.createdAt;
        record.checkpoints = history.checkpoints(job.id);
        if (job.status == FineTuningJob::Status::Succeeded) {
            // The last checkpoint is saved at the end of the last epoch, the final step; the
            // metrics say so too when the checkpoints are not known.
            for (const Checkpoint &checkpoint : std::as_const(record.checkpoints))
                record.finalStep = qMax(record.finalStep, checkpoint.stepNumber);
            const QList<MetricPoint> metrics = history.metrics(job.id);
            if (!metrics.isEmpty())
                record.finalStep = qMax(record.finalStep, qint64(metrics.last().step));
        }
        records << record;
        jobIds.insert(job.id);
    }
    // Checkpoints and models of jobs the history knows only in part (no job object kept).
    const QStringList models = history.fineTunedModels();
    QHash<QString, qsizetype> partial;
    for (const Checkpoint &checkpoint : history.allCheckpoints()) {
        if (jobIds.contains(checkpoint.jobId))
            continue;
        qsizetype index = partial.value(checkpoint.jobId, -1);
        if (index < 0) {
            FineTuneRecord record;
            record.jobId = checkpoint.jobId;
            const QString model = fineTunedModelOfCheckpointId(checkpoint.fineTunedModelCheckpoint);
            if (models.contains(model))
                record.fineTunedModel = model; // finished: its highest checkpoint is final
            records << record;
            index = records.size() - 1;
            partial.insert(checkpoint.jobId, index);
        }
        FineTuneRecord &record = records[index];
        record.checkpoints.prepend(checkpoint); // listed highest step first
        if (!record.fineTunedModel.isEmpty())
            record.finalStep = qMax(record.finalStep, checkpoint.stepNumber);
    }
    for (const QString &model : models) {
        const bool known = std::any_of(records.cbegin(), records.cend(),
                [&model](const FineTuneRecord &record) { return record.fineTunedModel == model; });
        if (!known) {
            FineTuneRecord record;
            record.fineTunedModel = model;
            records << record;
        }
    }
    return records;
}

ModelLineage::ModelLineage(const QList<FineTuneRecord> &records, const QStringList &listed)
    : m_records(records)
    , m_listed(listed)
{
}

const FineTuneRecord *ModelLineage::recordOf(const QString &id) const
{
    if (id.isEmpty())
        return nullptr;
    const QString parent = fineTunedModelOfCheckpointId(id);
    for (const FineTuneRecord &record : m_records) {
        if (!record.fineTunedModel.isEmpty()
                && (record.fineTunedModel == id || record.fineTunedModel == parent))
            return &record;
        for (const Checkpoint &checkpoint : record.checkpoints) {
            if (checkpoint.fineTunedModelCheckpoint == id)
                return &record;
        }
    }
    return nullptr;
}

QString ModelLineage::canonical(const QString &id) const
{
    if (const FineTuneRecord *record = recordOf(id)) {
        if (record->fineTunedModel.isEmpty() || record->finalStep <= 0)
            return id;
        for (const Checkpoint &checkpoint : record->checkpoints) {
            if (checkpoint.fineTunedModelCheckpoint == id)
                return checkpoint.stepNumber == record->finalStep ? record->fineTunedModel : id;
        }
        return checkpointStepInId(id) == record->finalStep ? record->fineTunedModel : id;
    }
    // No record of the job: the highest listed checkpoint of a listed fine-tuned model.
    const QString parent = fineTunedModelOfCheckpointId(id);
    if (parent.isEmpty() || !m_listed.contains(parent))
        return id;
    qint64 highest = 0;
    for (const QString &other : m_listed) {
        if (fineTunedModelOfCheckpointId(other) == parent)
            highest = qMax(highest, checkpointStepInId(other));
    }
    return checkpointStepInId(id) == highest ? parent : id;
}

bool ModelLineage::isSameModel(const QString &a, const QString &b) const
{
    if (a.isEmpty() || b.isEmpty())
        return false;
    const QString first = canonical(a);
    const QString second = canonical(b);
    return first == second || isAliasAndSnapshot(first, second);
}

bool ModelLineage::isFinalCheckpoint(const QString &id) const
{
    return canonical(id) != id;
}

QString ModelLineage::baseModelOf(const QString &id) const
{
    if (const FineTuneRecord *record = recordOf(id); record && !record->baseModel.isEmpty())
        return record->baseModel;
    return baseModelInId(id);
}

namespace {

using Basis = ComparisonDefault::Basis;

/// The newest fine-tune the job history knows; else the newest the connection offers.
QString newestFineTune(const ModelLineage &lineage, const QList<ModelObject> &offered)
{
    QString tuned;
    qint64 newest = 0;
    for (const FineTuneRecord &record : lineage.records()) {
        if (!record.fineTunedModel.isEmpty() && (tuned.isEmpty() || record.createdAt > newest)) {
            tuned = record.fineTunedModel;
            newest = record.createdAt;
        }
    }
    const bool fromHistory = !tuned.isEmpty();
    for (const ModelObject &model : offered) {
        if (!fromHistory && ModelRegistry::isFineTuned(model.id)
                && checkpointStepInId(model.id) == 0
                && (tuned.isEmpty() || model.created > newest)) {
            tuned = model.id;
            newest = model.created;
        }
    }
    return tuned;
}

/// The checkpoints of `tuned` (its job's and the ones offered), lowest step first.
QStringList checkpointsOf(
        const ModelLineage &lineage, const QList<ModelObject> &offered, const QString &tuned)
{
    QStringList checkpoints;
    for (const FineTuneRecord &record : lineage.records()) {
        if (record.fineTunedModel != tuned)
            continue;
        for (const Checkpoint &checkpoint : record.checkpoints)
            checkpoints << checkpoint.fineTunedModelCheckpoint;
    }
    for (const ModelObject &model : offered) {
        if (fineTunedModelOfCheckpointId(model.id) == tuned)
            checkpoints << model.id;
    }
    std::sort(checkpoints.begin(), checkpoints.end(), [](const QString &a, const QString &b) {
        return checkpointStepInId(a) < checkpointStepInId(b);
    });
    return checkpoints;
}

/// `tuned` on the second side; on the first, its base model, else its earliest checkpoint that
/// is not the final model, else another model offered (a base model before anything else).
ComparisonDefault againstFineTune(
        const ModelLineage &lineage, const QList<ModelObject> &offered, const QString &tuned)
{
    ComparisonDefault result;
    result.second = tuned;
    const QString base = lineage.baseModelOf(tuned);
    if (!base.isEmpty() && !lineage.isSameModel(base, tuned)) {
        result.first = base;
        result.basis = Basis::BaseVsFineTuned;
        return result;
    }
    for (const QString &checkpoint : checkpointsOf(lineage, offered, tuned)) {
        if (!checkpoint.isEmpty() && !lineage.isSameModel(checkpoint, tuned)) {
            result.first = checkpoint;
            result.basis = Basis::CheckpointVsFineTuned;
            return result;
        }
    }
    for (bool baseOnly : {true, false}) {
        for (const ModelObject &model : offered) {
            if ((!baseOnly || !ModelRegistry::isFineTuned(model.id))
                    && !lineage.isSameModel(model.id, tuned)) {
                result.first = model.id;
                result.basis = Basis::OtherModelVsFineTuned;
                return result;
            }
        }
    }
    result.basis = Basis::FineTunedOnly;
    return result;
}

// No fine-tune yet: the cheapest model next to the cheapest one of another family ("gpt-4.1"
// and "gpt-4.1-2025-04-14" are one model; two dated versions of it are alike), else the
// cheapest other model. Unknown prices come last, in the order offered, and checkpoints of
// unfinished jobs after every base model.
ComparisonDefault cheapestTwo(
        const ModelLineage &lineage, const QList<ModelObject> &offered, const PriceTable &prices)
{
    ComparisonDefault result;
    QList<ModelObject> byPrice = offered;
    const auto cost = [&prices](const ModelObject &model) {
        const double price = ModelRegistry::isFineTuned(model.id) ? -1 : prices.price(model.id);
        return price >= 0 ? price : std::numeric_limits<double>::infinity();
    };
    std::stable_sort(
            byPrice.begin(), byPrice.end(), [&cost](const ModelObject &a, const ModelObject &b) {
                return std::make_pair(ModelRegistry::isFineTuned(a.id), cost(a))
                        < std::make_pair(ModelRegistry::isFineTuned(b.id), cost(b));
            });
    if (byPrice.isEmpty())
        return result;
    result.first = byPrice.first().id;
    result.basis = Basis::OneModel;
    for (bool otherFamily : {true, false}) {
        for (const ModelObject &model : std::as_const(byPrice)) {
            if (lineage.isSameModel(model.id, result.first)
                    || (otherFamily && modelFamilyInId(model.id) == modelFamilyInId(result.first)))
                continue;
            result.second = model.id;
            result.basis = Basis::TwoModels;
            return result;
        }
    }
    return result;
}

} // namespace

ComparisonDefault ComparisonDefault::choose(
        const ModelLineage &lineage, const QList<ModelObject> &offered, const PriceTable &prices)
{
    const QString tuned = newestFineTune(lineage, offered);
    return tuned.isEmpty() ? cheapestTwo(lineage, offered, prices)
                           : againstFineTune(lineage, offered, tuned);
}

} // namespace fs
