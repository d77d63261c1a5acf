// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apitypes.h"
#include "pricetable.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace fs {

class JobHistory;

/// The base model a fine-tuned id names (ModelRegistry::parseFineTuned, any provider's naming);
/// empty when the id does not say.
QString baseModelInId(const QString &id);
/// A checkpoint's step (…:ckpt-step-91 on OpenAI, …:91 on Together); 0 when not a checkpoint.
qint64 checkpointStepInId(const QString &id);
/// The model a checkpoint was saved for; empty when the id is not a checkpoint's.
QString fineTunedModelOfCheckpointId(const QString &id);
/// The model family a base model's id names: "gpt-4.1-2025-04-14" and "gpt-4.1" → "gpt-4.1".
/// A fine-tuned model or checkpoint is a family of its own (its id is returned).
QString modelFamilyInId(const QString &id);
/// True when one id is a base model's short name and the other a dated version of it
/// ("gpt-4.1" and "gpt-4.1-2025-04-14"): the service answers both with one model. Two dated
/// versions of one family are two models; fine-tuned ids never match (their bases may).
bool isAliasAndSnapshot(const QString &a, const QString &b);

/// What the job history knows of one fine-tuning job, as far as choosing models is concerned.
struct FineTuneRecord
{
    QString jobId;
    QString baseModel; ///< the job's "model"; empty when unknown
    QString fineTunedModel; ///< empty until the job succeeded
    qint64 createdAt = 0;
    /// The job's last training step (0 when unknown): its checkpoint there *is* the final model.
    qint64 finalStep = 0;
    QList<Checkpoint> checkpoints; ///< by step

    /// Reads every job of the history's connection, newest first.
    static QList<FineTuneRecord> fromHistory(const JobHistory &history);
};

/**
 * @brief Which model ids name the same model. A checkpoint saved at a job's final step is the
 * fine-tuned model itself under another name ("lumen, step 91" = "lumen").
 *
 * The job history says which step is final. Without a record of the job, the highest listed
 * checkpoint of a fine-tuned model that is itself listed is taken as its final step: the service
 * keeps the checkpoints of the last epochs, and the last epoch ends at the final step.
 */
class ModelLineage
{
public:
    ModelLineage() = default;
    /// `records` from the job history; `listed` the ids the connection offers.
    ModelLineage(const QList<FineTuneRecord> &records, const QStringList &listed);

    /// The id the model goes by: a final checkpoint's fine-tuned model, else `id` itself.
    QString canonical(const QString &id) const;
    /// One model under two ids: a final checkpoint and its fine-tuned model, or a base model's
    /// short name and its dated version (isAliasAndSnapshot()).
    bool isSameModel(const QString &a, const QString &b) const;
    /// True for a checkpoint saved at its job's final step.
    bool isFinalCheckpoint(const QString &id) const;
    /// The base model a fine-tuned model or checkpoint was trained from: the job's record,
    /// else what the id says; empty when unknown (and for base models).
    QString baseModelOf(const QString &id) const;
    const QList<FineTuneRecord> &records() const { return m_records; }

private:
    const FineTuneRecord *recordOf(const QString &id) const;

    QList<FineTuneRecord> m_records;
    QStringList m_listed;
};

/// What the Playground compares before the person chooses: the base model on the first side,
/// the newest fine-tuned model on the second — never the same model twice.
struct ComparisonDefault
{
    enum class Basis {
        None, ///< no model at all
        BaseVsFineTuned, ///< the newest fine-tune next to the base model it was trained from
        CheckpointVsFineTuned, ///< the base is not known: an earlier checkpoint of the same job
        OtherModelVsFineTuned, ///< the base is not known: another model the connection offers
        FineTunedOnly, ///< the base is not known and there is nothing else: second side only
        TwoModels, ///< no fine-tune: the two cheapest models, of two families when offered
        OneModel, ///< only one model: the first side only
    };
    QString first;
    QString second;
    Basis basis = Basis::None;

    /// The rule. `offered`: the connection's models in the order they are offered (id and
    /// creation time; checkpoints and fine-tuned ids included). `prices` rank the models when
    /// there is no fine-tune yet (cheapest first; unknown prices last, in the offered order).
    static ComparisonDefault choose(const ModelLineage &lineage, const QList<ModelObject> &offered,
            const PriceTable &prices = PriceTable());
};

} // namespace fs
