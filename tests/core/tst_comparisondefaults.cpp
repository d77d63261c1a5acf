// SPDX-License-Identifier: GPL-3.0-or-later
// Which models the Playground compares before the person chooses, and which ids are one model.
#include "comparisondefaults.h"
#include "jobhistory.h"

#include <QTemporaryDir>
#include <QTest>

using namespace fs;

class tst_ComparisonDefaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idsSayBaseAndStep();
    void noJobHistoryComparesBaseWithListedFineTune();
    void noJobHistoryNoFineTuneTakesTwoDifferentModels();
    void aliasAndItsDatedVersionAreOneModel();
    void noFineTuneNeverComparesAnAliasWithItsDatedVersion();
    void fineTuneOfAnAliasComparesWithThatAlias();
    void oneJobComparesItsBaseWithItsModel();
    void finalCheckpointIsTheFineTunedModel();
    void finalCheckpointWithoutHistoryIsTheHighestListed();
    void baseUnknownTakesAnEarlierCheckpoint();
    void baseUnknownWithoutCheckpointsTakesAnotherModel();
    void baseUnknownAndNothingElse();
    void newestJobWins();
    void nothingOffered();
    void recordsFromTheJobHistory();
    void partlyKnownJobsStillCount();
};

namespace {

const QString kBase = QStringLiteral("gpt-4.1-mini-2025-04-14");
const QString kTuned = QStringLiteral("ft:gpt-4.1-mini-2025-04-14:sandbox:lumen:abc123");

QString checkpointId(const QString &model, qint64 step)
{
    return model + QStringLiteral(":ckpt-step-%1").arg(step);
}

ModelObject offered(const QString &id, qint64 created = 0)
{
    ModelObject model;
    model.id = id;
    model.created = created;
    return model;
}

QStringList ids(const QList<ModelObject> &models)
{
    QStringList list;
    for (const ModelObject &model : models)
        list << model.id;
    return list;
}

Checkpoint checkpoint(const QString &model, qint64 step)
{
    Checkpoint c;
    c.id = QStringLiteral("ftckpt_%1").arg(step);
    c.stepNumber = step;
    c.fineTunedModelCheckpoint = checkpointId(model, step);
    return c;
}

/// One succeeded job that trained `tuned` from `base` for `finalStep` steps, with checkpoints
/// at the ends of its last three epochs.
FineTuneRecord job(const QString &tuned, const QString &base, qint64 finalStep, qint64 created)
{
    FineTuneRecord record;
    record.jobId = QStringLiteral("ftjob-%1").arg(created);
    record.baseModel = base;
    record.fineTunedModel = tuned;
    record.createdAt = created;
    record.finalStep = finalStep;
    const qint64 epoch = finalStep / 3;
    for (qint64 step : {finalStep - 2 * epoch, finalStep - epoch, finalStep})
        record.checkpoints << checkpoint(tuned, step);
    return record;
}

} // namespace

void tst_ComparisonDefaults::idsSayBaseAndStep()
{
    QCOMPARE(baseModelInId(kTuned), kBase);
    QCOMPARE(baseModelInId(checkpointId(kTuned, 91)), kBase);
    QCOMPARE(baseModelInId(kBase), QString());
    QCOMPARE(checkpointStepInId(checkpointId(kTuned, 91)), 91);
    QCOMPARE(checkpointStepInId(kTuned), 0);
    QCOMPARE(checkpointStepInId(QStringLiteral("ft:x:ckpt-step-")), 0);
    QCOMPARE(fineTunedModelOfCheckpointId(checkpointId(kTuned, 91)), kTuned);
    QCOMPARE(fineTunedModelOfCheckpointId(kTuned), QString());
}

void tst_ComparisonDefaults::noJobHistoryComparesBaseWithListedFineTune()
{
    // What the sandbox lists: the fine-tune first, its checkpoints, then base models. The old
    // default took the first two entries: the fine-tune against its own final checkpoint.
    const QList<ModelObject> models {offered(kTuned, 200), offered(checkpointId(kTuned, 91), 190),
            offered(checkpointId(kTuned, 61), 180), offered(QStringLiteral("gpt-4.1-2025-04-14")),
            offered(kBase)};
    const ModelLineage lineage({}, ids(models));
    const ComparisonDefault pick = ComparisonDefault::choose(lineage, models);
    QCOMPARE(pick.basis, ComparisonDefault::Basis::BaseVsFineTuned);
    QCOMPARE(pick.first, kBase);
    QCOMPARE(pick.second, kTuned);
    QVERIFY(!lineage.isSameModel(pick.first, pick.second));
}

void tst_ComparisonDefaults::noJobHistoryNoFineTuneTakesTwoDifferentModels()
{
    // The cheaper model first.
    const QList<ModelObject> models {
            offered(kBase), offered(kBase), offered(QStringLiteral("gpt-4.1-nano-2025-04-14"))};
    const ComparisonDefault pick = ComparisonDefault::choose(ModelLineage({}, ids(models)), models);
    QCOMPARE(pick.basis, ComparisonDefault::Basis::TwoModels);
    QCOMPARE(pick.first, QStringLiteral("gpt-4.1-nano-2025-04-14"));
    QCOMPARE(pick.second, kBase);

    // Models without a known price (a compatible server's own): in the order offered.
    const QList<ModelObject> own {offered(QStringLiteral("llama-3-8b")),
            offered(QStringLiteral("mistral-7b")), offered(QStringLiteral("gpt-4o-mini"))};
    const ComparisonDefault ownPick = ComparisonDefault::choose(ModelLineage({}, ids(own)), own);
    QCOMPARE(ownPick.first, QStringLiteral("gpt-4o-mini"));
    QCOMPARE(ownPick.second, QStringLiteral("llama-3-8b"));

    const QList<ModelObject> one {offered(kBase)};
    const ComparisonDefault single = ComparisonDefault::choose(ModelLineage({}, ids(one)), one);
    QCOMPARE(single.basis, ComparisonDefault::Basis::OneModel);
    QCOMPARE(single.first, kBase);
    QVERIFY(single.second.isEmpty());
}

void tst_ComparisonDefaults::aliasAndItsDatedVersionAreOneModel()
{
    const QString alias = QStringLiteral("gpt-4.1");
    const QString dated = QStringLiteral("gpt-4.1-2025-04-14");
    QVERIFY(isAliasAndSnapshot(alias, dated));
    QVERIFY(isAliasAndSnapshot(dated, alias));
    QVERIFY(isAliasAndSnapshot(
            QStringLiteral("gpt-3.5-turbo"), QStringLiteral("gpt-3.5-turbo-0125")));
    QVERIFY(!isAliasAndSnapshot(alias, alias)); // the same id is no alias of itself
    QVERIFY(!isAliasAndSnapshot(alias, QString()));
    QVERIFY(!isAliasAndSnapshot(alias, QStringLiteral("gpt-4.1-mini")));
    QVERIFY(!isAliasAndSnapshot(alias, QStringLiteral("gpt-4.1-mini-2025-04-14")));
    QVERIFY(!isAliasAndSnapshot(QStringLiteral("gpt-4.1-mini"), dated));

    const ModelLineage lineage;
    QVERIFY(lineage.isSameModel(alias, dated));
    QVERIFY(lineage.isSameModel(dated, alias));
    QVERIFY(!lineage.isSameModel(alias, QStringLiteral("gpt-4.1-mini")));

    // Two dated versions of one family are two models (of one family).
    const QString august = QStringLiteral("gpt-4o-2024-08-06");
    const QString november = QStringLiteral("gpt-4o-2024-11-20");
    QVERIFY(!isAliasAndSnapshot(august, november));
    QVERIFY(!lineage.isSameModel(august, november));
    QCOMPARE(modelFamilyInId(august), modelFamilyInId(november));
    QVERIFY(lineage.isSameModel(QStringLiteral("gpt-4o"), august));
    QVERIFY(lineage.isSameModel(QStringLiteral("gpt-4o"), november));

    // Fine-tunes whose bases are an alias and its dated version: each is a model of its own,
    // and neither is its base.
    const QString tunedFromAlias = QStringLiteral("ft:gpt-4.1:acme:bot:j1");
    const QString tunedFromDated = QStringLiteral("ft:gpt-4.1-2025-04-14:acme:bot:j1");
    QCOMPARE(baseModelInId(tunedFromAlias), alias);
    QCOMPARE(modelFamilyInId(tunedFromAlias), tunedFromAlias);
    QVERIFY(!isAliasAndSnapshot(tunedFromAlias, tunedFromDated));
    QVERIFY(!lineage.isSameModel(tunedFromAlias, tunedFromDated));
    QVERIFY(!lineage.isSameModel(tunedFromAlias, alias));
    QVERIFY(!lineage.isSameModel(tunedFromAlias, dated));
    QVERIFY(!lineage.isSameModel(tunedFromDated, alias));
    // Its final checkpoint is still the fine-tuned model, and still not the base.
    const ModelLineage withJob({job(tunedFromAlias, alias, 30, 100)}, {});
    QVERIFY(withJob.isSameModel(checkpointId(tunedFromAlias, 30), tunedFromAlias));
    QVERIFY(!withJob.isSameModel(checkpointId(tunedFromAlias, 30), alias));
    QVERIFY(!withJob.isSameModel(checkpointId(tunedFromAlias, 20), tunedFromAlias));
}

void tst_ComparisonDefaults::noFineTuneNeverComparesAnAliasWithItsDatedVersion()
{
    // What the sandbox lists before the first fine-tune, in its order. The old default was
    // "gpt-4.1" against "gpt-4.1-2025-04-14": one model under two names.
    QList<ModelObject> sandbox;
    for (const char *id : {"gpt-4.1", "gpt-4.1-2025-04-14", "gpt-4.1-mini",
                 "gpt-4.1-mini-2025-04-14", "gpt-4.1-nano", "gpt-4.1-nano-2025-04-14", "gpt-4o",
                 "gpt-4o-2024-08-06", "gpt-4o-mini", "gpt-4o-mini-2024-07-18"})
        sandbox << offered(QLatin1String(id));
    const ModelLineage lineage({}, ids(sandbox));
    const ComparisonDefault pick = ComparisonDefault::choose(lineage, sandbox);
    QCOMPARE(pick.basis, ComparisonDefault::Basis::TwoModels);
    QVERIFY(!lineage.isSameModel(pick.first, pick.second));
    QVERIFY(modelFamilyInId(pick.first) != modelFamilyInId(pick.second));
    // The two cheapest families.
    QCOMPARE(pick.first, QStringLiteral("gpt-4.1-nano"));
    QCOMPARE(pick.second, QStringLiteral("gpt-4o-mini"));

    // Only one model under two names: one side only, never both.
    const QList<ModelObject> oneModel {
            offered(QStringLiteral("gpt-4.1")), offered(QStringLiteral("gpt-4.1-2025-04-14"))};
    const ComparisonDefault single =
            ComparisonDefault::choose(ModelLineage({}, ids(oneModel)), oneModel);
    QCOMPARE(single.basis, ComparisonDefault::Basis::OneModel);
    QCOMPARE(single.first, QStringLiteral("gpt-4.1"));
    QVERIFY(single.second.isEmpty());

    // The short name is each dated version; two dated versions are the only pair left.
    const QList<ModelObject> snapshots {offered(QStringLiteral("gpt-4o")),
            offered(QStringLiteral("gpt-4o-2024-08-06")),
            offered(QStringLiteral("gpt-4o-2024-11-20"))};
    const ComparisonDefault aliasFirst =
            ComparisonDefault::choose(ModelLineage({}, ids(snapshots)), snapshots);
    QCOMPARE(aliasFirst.basis, ComparisonDefault::Basis::OneModel);
    const QList<ModelObject> twoDated = snapshots.mid(1);
    const ComparisonDefault dated =
            ComparisonDefault::choose(ModelLineage({}, ids(twoDated)), twoDated);
    QCOMPARE(dated.basis, ComparisonDefault::Basis::TwoModels);
    QCOMPARE(dated.first, QStringLiteral("gpt-4o-2024-08-06"));
    QCOMPARE(dated.second, QStringLiteral("gpt-4o-2024-11-20"));
    // Another family wins over another dated version.
    const QList<ModelObject> mixed = twoDated + QList<ModelObject> {offered(QStringLiteral("o3"))};
    const ComparisonDefault mixedPick =
            ComparisonDefault::choose(ModelLineage({}, ids(mixed)), mixed);
    QCOMPARE(mixedPick.first, QStringLiteral("gpt-4o-2024-08-06"));
    QCOMPARE(mixedPick.second, QStringLiteral("o3"));
}

void tst_ComparisonDefaults::fineTuneOfAnAliasComparesWithThatAlias()
{
    const QString alias = QStringLiteral("gpt-4.1");
    const QList<ModelObject> models {offered(alias), offered(QStringLiteral("gpt-4.1-2025-04-14")),
            offered(QStringLiteral("ft:gpt-4.1:acme:bot:j1"), 500)};
    // No record: the id names the alias as its base.
    const ModelLineage lineage({}, ids(models));
    const ComparisonDefault pick = ComparisonDefault::choose(lineage, models);
    QCOMPARE(pick.basis, ComparisonDefault::Basis::BaseVsFineTuned);
    QCOMPARE(pick.first, alias);
    QCOMPARE(pick.second, QStringLiteral("ft:gpt-4.1:acme:bot:j1"));
    // The job was started with the alias; the service named the model after the dated version.
    const QString tuned = QStringLiteral("ft:gpt-4.1-2025-04-14:acme:bot:j2");
    const ModelLineage recorded({job(tuned, alias, 30, 600)}, ids(models));
    const ComparisonDefault recordedPick = ComparisonDefault::choose(recorded, models);
    QCOMPARE(recordedPick.basis, ComparisonDefault::Basis::BaseVsFineTuned);
    QCOMPARE(recordedPick.first, alias);
    QCOMPARE(recordedPick.second, tuned);
}

void tst_ComparisonDefaults::oneJobComparesItsBaseWithItsModel()
{
    // The job's record names the base, even when the service lists no models at all.
    const ModelLineage lineage({job(kTuned, kBase, 91, 100)}, {});
    const ComparisonDefault pick = ComparisonDefault::choose(lineage, {});
    QCOMPARE(pick.basis, ComparisonDefault::Basis::BaseVsFineTuned);
    QCOMPARE(pick.first, kBase);
    QCOMPARE(pick.second, kTuned);
    QCOMPARE(lineage.baseModelOf(kTuned), kBase);
    QCOMPARE(lineage.baseModelOf(checkpointId(kTuned, 61)), kBase);
    QCOMPARE(lineage.baseModelOf(kBase), QString());
}

void tst_ComparisonDefaults::finalCheckpointIsTheFineTunedModel()
{
    const ModelLineage lineage({job(kTuned, kBase, 91, 100)}, {});
    const QString last = checkpointId(kTuned, 91);
    const QString earlier = checkpointId(kTuned, 61);
    QVERIFY(lineage.isFinalCheckpoint(last));
    QCOMPARE(lineage.canonical(last), kTuned);
    QVERIFY(lineage.isSameModel(kTuned, last));
    QVERIFY(lineage.isSameModel(last, kTuned));
    QVERIFY(lineage.isSameModel(kTuned, kTuned));
    QVERIFY(!lineage.isFinalCheckpoint(earlier));
    QVERIFY(!lineage.isSameModel(kTuned, earlier));
    QVERIFY(!lineage.isSameModel(earlier, last));
    QVERIFY(!lineage.isSameModel(kBase, kTuned));
    QVERIFY(!lineage.isSameModel(QString(), QString()));
    // A checkpoint of a job still running (no final step yet) is a model of its own.
    FineTuneRecord running = job(QString(), kBase, 0, 50);
    running.checkpoints = {checkpoint(QStringLiteral("ft:gpt-4.1-mini:o::run"), 30)};
    const ModelLineage withRunning({running}, {});
    QVERIFY(!withRunning.isFinalCheckpoint(QStringLiteral("ft:gpt-4.1-mini:o::run:ckpt-step-30")));
}

void tst_ComparisonDefaults::finalCheckpointWithoutHistoryIsTheHighestListed()
{
    const QStringList listed {
            kTuned, checkpointId(kTuned, 31), checkpointId(kTuned, 91), checkpointId(kTuned, 61)};
    const ModelLineage lineage({}, listed);
    QVERIFY(lineage.isSameModel(kTuned, checkpointId(kTuned, 91)));
    QVERIFY(!lineage.isSameModel(kTuned, checkpointId(kTuned, 61)));
    // Without its fine-tuned model listed, nothing says which step was final.
    const ModelLineage onlyCheckpoints({}, listed.mid(1));
    QVERIFY(!onlyCheckpoints.isFinalCheckpoint(checkpointId(kTuned, 91)));
}

void tst_ComparisonDefaults::baseUnknownTakesAnEarlierCheckpoint()
{
    // A compatible server's own naming: nothing in the id or the record says the base.
    const QString tuned = QStringLiteral("support-bot-v2");
    FineTuneRecord record = job(tuned, QString(), 90, 100);
    const ModelLineage lineage({record}, {tuned, kBase});
    QCOMPARE(lineage.baseModelOf(tuned), QString());
    const ComparisonDefault pick =
            ComparisonDefault::choose(lineage, {offered(tuned), offered(kBase)});
    QCOMPARE(pick.basis, ComparisonDefault::Basis::CheckpointVsFineTuned);
    QCOMPARE(pick.first, checkpointId(tuned, 30));
    QCOMPARE(pick.second, tuned);
}

void tst_ComparisonDefaults::baseUnknownWithoutCheckpointsTakesAnotherModel()
{
    const QString tuned = QStringLiteral("support-bot-v2");
    FineTuneRecord record = job(tuned, QString(), 90, 100);
    record.checkpoints = {checkpoint(tuned, 90)}; // only the final model itself
    const QList<ModelObject> models {
            offered(tuned), offered(QStringLiteral("ft:gpt-4.1-nano:o::other")), offered(kBase)};
    const ModelLineage lineage({record}, ids(models));
    const ComparisonDefault pick = ComparisonDefault::choose(lineage, models);
    QCOMPARE(pick.basis, ComparisonDefault::Basis::OtherModelVsFineTuned);
    QCOMPARE(pick.first, kBase); // a base model before another fine-tune
    QCOMPARE(pick.second, tuned);
}

void tst_ComparisonDefaults::baseUnknownAndNothingElse()
{
    const QString tuned = QStringLiteral("support-bot-v2");
    FineTuneRecord record = job(tuned, QString(), 90, 100);
    record.checkpoints = {checkpoint(tuned, 90)};
    const QList<ModelObject> models {offered(tuned), offered(checkpointId(tuned, 90))};
    const ComparisonDefault pick =
            ComparisonDefault::choose(ModelLineage({record}, ids(models)), models);
    QCOMPARE(pick.basis, ComparisonDefault::Basis::FineTunedOnly);
    QVERIFY(pick.first.isEmpty()); // never the same model twice
    QCOMPARE(pick.second, tuned);
}

void tst_ComparisonDefaults::newestJobWins()
{
    const QString older = QStringLiteral("ft:gpt-4.1-nano-2025-04-14:sandbox:old:x1");
    const ModelLineage lineage({job(older, QStringLiteral("gpt-4.1-nano-2025-04-14"), 30, 100),
                                       job(kTuned, kBase, 91, 300)},
            {});
    const ComparisonDefault pick = ComparisonDefault::choose(lineage, {offered(older, 900)});
    QCOMPARE(pick.first, kBase);
    QCOMPARE(pick.second, kTuned);
}

void tst_ComparisonDefaults::nothingOffered()
{
    const ComparisonDefault pick = ComparisonDefault::choose(ModelLineage(), {});
    QCOMPARE(pick.basis, ComparisonDefault::Basis::None);
    QVERIFY(pick.first.isEmpty() && pick.second.isEmpty());
}

void tst_ComparisonDefaults::recordsFromTheJobHistory()
{
    QTemporaryDir dir;
    JobHistory history(QStringLiteral("sandbox"));
    QVERIFY2(history.open(dir.filePath(QStringLiteral("history.sqlite"))),
            qPrintable(history.lastError()));
    const auto makeJob = [](const QString &id, const QString &status, const QString &tuned) {
        return FineTuningJob::fromJson(QJsonObject {{QStringLiteral("id"), id},
                {QStringLiteral("object"), QStringLiteral("fine_tuning.job")},
                {QStringLiteral("created_at"), 1700000000}, {QStringLiteral("model"), kBase},
                {QStringLiteral("status"), status},
                {QStringLiteral("fine_tuned_model"),
                        tuned.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(tuned)}});
    };
    QVERIFY(history.saveJobs(
            {makeJob(QStringLiteral("ftjob-done"), QStringLiteral("succeeded"), kTuned),
                    makeJob(QStringLiteral("ftjob-running"), QStringLiteral("running"), {})}));
    QList<Checkpoint> checkpoints {checkpoint(kTuned, 61), checkpoint(kTuned, 91)};
    for (Checkpoint &c : checkpoints)
        c.jobId = QStringLiteral("ftjob-done");
    QVERIFY(history.saveCheckpoints(QStringLiteral("ftjob-done"), checkpoints));
    MetricPoint point;
    point.step = 40;
    QVERIFY(history.saveMetrics(QStringLiteral("ftjob-running"), {point}));

    const QList<FineTuneRecord> records = FineTuneRecord::fromHistory(history);
    QCOMPARE(records.size(), 2);
    const auto done = std::find_if(records.cbegin(), records.cend(),
            [](const FineTuneRecord &r) { return r.jobId == QLatin1String("ftjob-done"); });
    QVERIFY(done != records.cend());
    QCOMPARE(done->baseModel, kBase);
    QCOMPARE(done->fineTunedModel, kTuned);
    QCOMPARE(done->finalStep, 91);
    QCOMPARE(done->checkpoints.size(), 2);
    const auto running = std::find_if(records.cbegin(), records.cend(),
            [](const FineTuneRecord &r) { return r.jobId == QLatin1String("ftjob-running"); });
    QCOMPARE(running->finalStep, 0); // not over: no step is final yet
    QVERIFY(ModelLineage(records, {}).isSameModel(checkpointId(kTuned, 91), kTuned));
}

void tst_ComparisonDefaults::partlyKnownJobsStillCount()
{
    // A job row without the service's JSON (as older histories hold): its fine-tuned model and
    // checkpoints are still offered, and its highest checkpoint is still the final model.
    QTemporaryDir dir;
    JobHistory history(QStringLiteral("sandbox"));
    QVERIFY(history.open(dir.filePath(QStringLiteral("history.sqlite"))));
    FineTuningJob job;
    job.id = QStringLiteral("ftjob-partial");
    job.model = kBase;
    job.fineTunedModel = kTuned;
    job.status = FineTuningJob::Status::Succeeded;
    job.statusText = QStringLiteral("succeeded");
    QVERIFY(history.saveJob(job));
    QList<Checkpoint> checkpoints {checkpoint(kTuned, 91), checkpoint(kTuned, 61)};
    for (Checkpoint &c : checkpoints)
        c.jobId = job.id;
    QVERIFY(history.saveCheckpoints(job.id, checkpoints));

    const QList<FineTuneRecord> records = FineTuneRecord::fromHistory(history);
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.first().fineTunedModel, kTuned);
    QCOMPARE(records.first().finalStep, 91);
    QCOMPARE(records.first().checkpoints.first().stepNumber, 61); // by step
    const ModelLineage lineage(records, {});
    QVERIFY(lineage.isSameModel(checkpointId(kTuned, 91), kTuned));
    QCOMPARE(lineage.baseModelOf(kTuned), kBase); // from the id
    const ComparisonDefault pick = ComparisonDefault::choose(lineage, {});
    QCOMPARE(pick.first, kBase);
    QCOMPARE(pick.second, kTuned);
}

QTEST_GUILESS_MAIN(tst_ComparisonDefaults)
#include "tst_comparisondefaults.moc"
