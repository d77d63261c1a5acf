// SPDX-License-Identifier: GPL-3.0-or-later
#include "paritycheck.h"

#include "batchrunner.h"
#include "coretranslate.h"
#include "parityreport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSaveFile>

#include <algorithm>

namespace fs {

namespace {

QString tr(const char *text)
{
    return translateInCore("fs::ParityCheck", text);
}

/// NAME.jsonl → DIR/NAME + suffix
QString besideDataset(const QString &datasetPath, const QString &suffix)
{
    const QFileInfo info(datasetPath);
    return info.dir().filePath(info.completeBaseName() + suffix);
}

QString oldAnswersPath(const QString &datasetPath)
{
    return besideDataset(datasetPath, QStringLiteral(".parity-old.jsonl"));
}

/// `stored`'s generations on `items` × `models`, when the stored run is about the same prompts
/// and the same models; else a fresh start.
BatchResults resumed(
        const QString &path, const QList<BatchItem> &items, const QList<ModelTarget> &models)
{
    BatchResults fresh(items, models);
    const std::optional<BatchResults> stored = BatchResults::load(path);
    if (!stored || stored->itemCount() != items.size() || stored->modelCount() != models.size())
        return fresh;
    for (int m = 0; m < models.size(); ++m) {
        if (stored->models().at(m).model != models.at(m).model)
            return fresh;
    }
    for (int i = 0; i < items.size(); ++i) {
        if (stored->items().at(i).prompt != items.at(i).prompt)
            return fresh;
    }
    // The stored references: the old model's answers when it was asked first.
    BatchResults restored(stored->items(), models);
    for (int i = 0; i < items.size(); ++i) {
        for (int m = 0; m < models.size(); ++m) {
            const Generation &generation = stored->generation(i, m);
            if (generation.status == Generation::Status::Done)
                restored.setGeneration(i, m, generation);
        }
    }
    return restored;
}

QString voteWord(Vote vote)
{
    switch (vote) {
    case Vote::A:
        return QStringLiteral("a");
    case Vote::B:
        return QStringLiteral("b");
    case Vote::Tie:
        return QStringLiteral("tie");
    case Vote::BothBad:
        break;
    }
    return QStringLiteral("both_bad");
}

std::optional<Vote> voteFrom(const QString &word)
{
    if (word == QLatin1String("a"))
        return Vote::A;
    if (word == QLatin1String("b"))
        return Vote::B;
    if (word == QLatin1String("tie"))
        return Vote::Tie;
    if (word == QLatin1String("both_bad"))
        return Vote::BothBad;
    return std::nullopt;
}

/// Writes `data` to `path` atomically; empty when fine, else why not.
QString writeWhole(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) < 0 || !file.commit())
        return tr("%1 could not be written: %2").arg(path, file.errorString());
    return {};
}

} // namespace

QString parityScoreText(double score)
{
    return QString::number(score, 'f', 3);
}

// ---- ParitySummary -----------------------------------------------------------------------------

ParityVerdict ParitySummary::decide(
        int answered, double meanRougeL, const PairTally &blind, const QString &newModel)
{
    if (answered <= 0)
        return ParityVerdict::Incomplete;
    const bool blindDecides = blind.rated() >= ParityThresholds::kMinBlindVotes;
    const WilsonInterval rate = blind.winRate(newModel);
    if (blindDecides && rate.upper < 0.5)
        return ParityVerdict::OldPreferred;
    if (meanRougeL >= ParityThresholds::kSimilar)
        return ParityVerdict::Keeps;
    if (blindDecides && rate.lower > 0.5)
        return ParityVerdict::Preferred;
    if (meanRougeL >= ParityThresholds::kPartly)
        return ParityVerdict::Partly;
    return ParityVerdict::Differs;
}

ParitySummary ParitySummary::from(const BatchResults &results, const AbTally &tally,
        const QString &oldModel, const QString &newModel)
{
    ParitySummary s;
    s.oldModel = oldModel;
    s.newModel = newModel;
    s.prompts = results.itemCount();
    if (results.modelCount() > 0)
        s.countAnswers(results);
    s.blind = tally.pair(oldModel, newModel);
    s.newWinRate = s.blind.winRate(newModel);
    s.verdict = decide(s.answered, s.mean.rougeL.fmeasure, s.blind, newModel);
    s.describeVerdict();
    return s;
}

void ParitySummary::countAnswers(const BatchResults &results)
{
    mean = results.average(0, &answered);
    QList<int> done;
    for (int i = 0; i < results.itemCount(); ++i) {
        const Generation &g = results.generation(i, 0);
        if (g.status == Generation::Status::Done)
            done.append(i);
        else if (g.status == Generation::Status::Failed)
            ++failed;
    }
    std::stable_sort(done.begin(), done.end(), [&results](int a, int b) {
        return results.generation(a, 0).scores.rougeL.fmeasure
                < results.generation(b, 0).scores.rougeL.fmeasure;
    });
    mostDifferent = done.mid(0, ParityThresholds::kMostDifferent);
}

QString ParitySummary::blindRoundWords() const
{
    if (blind.rated() >= ParityThresholds::kMinBlindVotes)
        return tr("In the blind round the new model won %1% of %2 votes (ties count half; "
                  "50% means no preference).")
                .arg(qRound(newWinRate.estimate * 100))
                .arg(blind.rated());
    if (blind.rated() > 0)
        return tr("The blind round has too few votes to decide (%1 of the %2 needed).")
                .arg(blind.rated())
                .arg(ParityThresholds::kMinBlindVotes);
    return tr("Nobody has rated answers in the blind round yet.");
}

void ParitySummary::describeVerdict()
{
    const QString rougeL = parityScoreText(mean.rougeL.fmeasure);
    QString finding; // what ROUGE says; the blind round's words go after it (before: OldPreferred)
    switch (verdict) {
    case ParityVerdict::Incomplete:
        verdictTitle = tr("Not checked yet");
        finding = tr("The new model has not answered any of the held-out prompts yet, so "
                     "nothing can be said. Run the check again.");
        break;
    case ParityVerdict::Keeps:
        verdictTitle = tr("Yes — the new model keeps the old one's behaviour");
        finding = tr("Its answers say much the same as the old model's (ROUGE-L %1 on "
                     "average, where 1 is word for word the same; %2 or more counts as "
                     "similar).")
                          .arg(rougeL, parityScoreText(ParityThresholds::kSimilar));
        break;
    case ParityVerdict::Preferred:
        verdictTitle = tr("Different, but preferred");
        finding = tr("The new model words its answers differently from the old one "
                     "(ROUGE-L %1 on average), but the blind round preferred it.")
                          .arg(rougeL);
        break;
    case ParityVerdict::Partly:
        verdictTitle = tr("Partly — similar things in other words");
        finding = tr("The new model's answers overlap with the old model's, but not "
                     "closely (ROUGE-L %1 on average, where 1 is word for word the same; "
                     "%2 or more counts as similar). "
                     "Read the answers that differ most below before you switch.")
                          .arg(rougeL, parityScoreText(ParityThresholds::kSimilar));
        break;
    case ParityVerdict::Differs:
        verdictTitle = tr("No — the new model answers differently");
        finding = tr("Its answers share little with the old model's (ROUGE-L %1 on "
                     "average, where 1 is word for word the same; below %2 counts as "
                     "different). It may need more examples or more epochs.")
                          .arg(rougeL, parityScoreText(ParityThresholds::kPartly));
        break;
    case ParityVerdict::OldPreferred:
        verdictTitle = tr("Not yet — the old model's answers were preferred");
        finding = tr("Even if the wording is close (ROUGE-L %1), people liked the old "
                     "answers better. Train again with more examples, then check again.")
                          .arg(rougeL);
        break;
    }
    if (verdict == ParityVerdict::Incomplete)
        verdictText = finding;
    else if (verdict == ParityVerdict::OldPreferred)
        verdictText = blindRoundWords() + QLatin1Char(' ') + finding;
    else
        verdictText = finding + QLatin1Char(' ') + blindRoundWords();
    if (failed > 0)
        verdictText += QLatin1Char(' ')
                + (failed == 1 ? tr("1 prompt got no answer and is not counted.")
                               : tr("%1 prompts got no answer and are not counted.").arg(failed));
}

// ---- ParityCheck -------------------------------------------------------------------------------

ParityCheck::ParityCheck(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_runner(new BatchRunner(nam, this))
    , m_blind(new BlindComparison(this))
{
    connect(m_runner, &BatchRunner::progress, this, &ParityCheck::progress);
    connect(m_runner, &BatchRunner::finished, this, &ParityCheck::onRunnerFinished);
    connect(m_runner, &BatchRunner::generationFinished, this, [this] {
        // Kept as they arrive: a check that is left resumes here.
        m_runner->results().save(
                m_phase == Phase::AskingOld ? oldAnswersPath(m_datasetPath) : resultsPath());
    });
}

ParityCheck::~ParityCheck() = default;

QString ParityCheck::resultsPathFor(const QString &datasetPath)
{
    return besideDataset(datasetPath, QStringLiteral(".parity.jsonl"));
}

QString ParityCheck::votesPathFor(const QString &datasetPath)
{
    return besideDataset(datasetPath, QStringLiteral(".parity-votes.json"));
}

QString ParityCheck::reportPathFor(const QString &datasetPath)
{
    return besideDataset(datasetPath, QStringLiteral(".parity.html"));
}

QString ParityCheck::setPromptsFile(const QString &path)
{
    const BatchItemsLoad load = loadBatchItems(path);
    if (!load.error.isEmpty())
        return load.error;
    setPrompts(load.items, path);
    return {};
}

void ParityCheck::setPrompts(const QList<BatchItem> &items, const QString &datasetPath)
{
    m_items = items;
    m_datasetPath = datasetPath;
    m_results = BatchResults();
}

void ParityCheck::setOldModel(const ModelTarget &target)
{
    m_old = target;
}

void ParityCheck::setNewModel(const ModelTarget &target)
{
    m_new = target;
}

QString ParityCheck::oldModelName() const
{
    if (!m_oldName.isEmpty())
        return m_oldName;
    return m_old ? m_old->label() : tr("the old model");
}

bool ParityCheck::isRunning() const
{
    return m_runner->isRunning();
}

void ParityCheck::start()
{
    if (isRunning())
        return;
    if (m_items.isEmpty()) {
        Q_EMIT failed(tr("There are no held-out prompts to check with."));
        return;
    }
    runPhase(m_old ? Phase::AskingOld : Phase::AskingNew);
}

void ParityCheck::runPhase(Phase phase)
{
    m_phase = phase;
    Q_EMIT phaseChanged(phase);
    m_runner->setConcurrency(m_concurrency);
    if (phase == Phase::AskingOld) {
        m_runner->setup(resumed(oldAnswersPath(m_datasetPath), m_items, {*m_old}));
    } else {
        QList<BatchItem> items = m_items;
        if (m_old) {
            // The old model's answers are the references.
            const BatchResults &old = m_runner->results();
            for (int i = 0; i < items.size() && i < old.itemCount(); ++i)
                items[i].reference = old.generation(i, 0).text;
        }
        m_results = resumed(resultsPath(), items, {m_new});
        m_runner->setup(m_results);
    }
    if (m_runner->total() == 0) {
        onRunnerFinished(false); // everything was answered before
        return;
    }
    m_runner->start();
}

void ParityCheck::restoreResults()
{
    m_results = resumed(resultsPath(), m_items, {m_new});
}

void ParityCheck::cancel()
{
    m_runner->cancel();
}

void ParityCheck::onRunnerFinished(bool cancelled)
{
    if (m_phase == Phase::AskingOld) {
        m_runner->results().save(oldAnswersPath(m_datasetPath));
        if (!cancelled) {
            // Not from inside the runner's own signal: starting again replaces its clients.
            QMetaObject::invokeMethod(
                    this, [this] { runPhase(Phase::AskingNew); }, Qt::QueuedConnection);
            return;
        }
    } else if (m_phase == Phase::AskingNew) {
        m_results = m_runner->results();
        m_results.save(resultsPath());
    }
    if (!cancelled) {
        m_phase = Phase::Finished;
        Q_EMIT phaseChanged(m_phase);
    }
    Q_EMIT finished(cancelled);
}

int ParityCheck::prepareBlindRounds(quint64 seed)
{
    if (m_blind->roundCount() > 0)
        return m_blind->roundCount();
    if (!loadVotes()) {
        QList<int> done;
        for (int i = 0; i < m_results.itemCount(); ++i) {
            const Generation &g = m_results.generation(i, 0);
            if (g.status == Generation::Status::Done
                    && !m_results.items().at(i).reference.isEmpty())
                done.append(i);
        }
        QRandomGenerator random(quint32(seed & 0xffffffffu));
        std::shuffle(done.begin(), done.end(), random);
        done = done.mid(0, ParityThresholds::kBlindRounds);
        std::sort(done.begin(), done.end());
        beginBlindRounds(done, seed);
    }
    return m_blind->roundCount();
}

void ParityCheck::beginBlindRounds(const QList<int> &items, quint64 seed)
{
    m_blind->clear();
    m_blind->setSeed(seed);
    m_blindItems.clear();
    m_blindSeed = seed;
    for (const int item : items) {
        if (item < 0 || item >= m_results.itemCount())
            continue;
        const int round = m_blind->beginRound(
                oldModelName(), newModelName(), m_results.items().at(item).prompt);
        m_blind->setPaneAnswer(round, 0, m_results.items().at(item).reference);
        m_blind->setPaneAnswer(round, 1, m_results.generation(item, 0).text);
        m_blindItems.append(item);
    }
}

bool ParityCheck::saveVotes(QString *error) const
{
    QJsonArray votes;
    for (int r = 0; r < m_blind->roundCount(); ++r) {
        const BlindComparison::Round round = m_blind->round(r);
        votes.append(round.vote ? QJsonValue(voteWord(*round.vote)) : QJsonValue());
    }
    QJsonArray items;
    for (const int item : m_blindItems)
        items.append(item);
    const QJsonObject object {{QStringLiteral("seed"), QString::number(m_blindSeed)},
            {QStringLiteral("items"), items}, {QStringLiteral("votes"), votes},
            {QStringLiteral("old"), oldModelName()}, {QStringLiteral("new"), newModelName()}};
    const QString problem =
            writeWhole(votesPath(), QJsonDocument(object).toJson(QJsonDocument::Indented));
    if (!problem.isEmpty() && error)
        *error = problem;
    return problem.isEmpty();
}

bool ParityCheck::loadVotes()
{
    QFile file(votesPath());
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    if (object.value(QLatin1String("new")).toString() != newModelName())
        return false;
    // The same seed begins the same rounds with the same sides; then the votes are replayed.
    QList<int> items;
    const QJsonArray stored = object.value(QLatin1String("items")).toArray();
    for (const QJsonValue &item : stored)
        items.append(item.toInt(-1));
    beginBlindRounds(items, object.value(QLatin1String("seed")).toString().toULongLong());
    const QJsonArray votes = object.value(QLatin1String("votes")).toArray();
    for (int r = 0; r < votes.size() && r < m_blind->roundCount(); ++r) {
        if (const std::optional<Vote> vote = voteFrom(votes.at(r).toString()))
            m_blind->vote(r, *vote);
    }
    return true;
}

ParitySummary ParityCheck::summary() const
{
    return ParitySummary::from(m_results, m_blind->tally(), oldModelName(), newModelName());
}

QString ParityCheck::saveReport(const QDateTime &when) const
{
    return writeWhole(reportPath(), ParityReport::html(summary(), m_results, when).toUtf8());
}

} // namespace fs
