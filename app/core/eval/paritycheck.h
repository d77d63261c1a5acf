// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "abtally.h"
#include "batchresults.h"
#include "blindcomparison.h"
#include "modeltarget.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QObject>
#include <QString>

class QNetworkAccessManager;

namespace fs {

class BatchRunner;

/// How the parity check decides (documented in the report, fixed here so tests hold them).
struct ParityThresholds
{
    /// Mean ROUGE-L F of the new answers against the old ones at or above which the new model
    /// "answers much like the old one".
    static constexpr double kSimilar = 0.60;
    /// At or above: "says similar things in other words"; below: "answers differently".
    static constexpr double kPartly = 0.35;
    /// Blind votes (ties included, "both bad" not) needed before the blind round may decide.
    static constexpr int kMinBlindVotes = 5;
    /// Rounds offered in the blind round.
    static constexpr int kBlindRounds = 10;
    /// Answers listed as "the ten that differ most".
    static constexpr int kMostDifferent = 10;
};

/// The verdict of a parity check.
enum class ParityVerdict {
    Incomplete, ///< no answer of the new model yet
    Keeps, ///< similar answers and not worse in the blind round
    Preferred, ///< different answers, but the blind round preferred the new model
    Partly, ///< similar things in other words
    Differs, ///< different answers
    OldPreferred, ///< the blind round preferred the old model
};

/// Figures of a parity check, read from its batch results and blind tally.
struct ParitySummary
{
    // The verdict's words are filed under this name by lupdate (from() is a member).
    Q_DECLARE_TR_FUNCTIONS(fs::ParitySummary)

public:
    QString oldModel;
    QString newModel;
    int prompts = 0;
    int answered = 0; ///< new answers received (Done)
    int failed = 0;
    RougeScores mean; ///< over the answered prompts, new answer against old answer
    PairTally blind; ///< old vs new
    WilsonInterval newWinRate; ///< the new model's share of the blind round (ties half)
    QList<int> mostDifferent; ///< item indices, lowest ROUGE-L first (at most kMostDifferent)
    ParityVerdict verdict = ParityVerdict::Incomplete;
    QString verdictTitle; ///< "Yes — …", translated
    QString verdictText; ///< the verdict in plain words, with the figures it rests on

    /// The figures from `results` (model 0 is the new model; references are the old answers)
    /// and `tally` (votes between `oldModel` and `newModel`).
    static ParitySummary from(const BatchResults &results, const AbTally &tally,
            const QString &oldModel, const QString &newModel);
    /// The rules of the verdict (ParityThresholds), with the words for it.
    static ParityVerdict decide(
            int answered, double meanRougeL, const PairTally &blind, const QString &newModel);

private:
    // The steps of from(): the answers' figures, then the verdict's words.
    void countAnswers(const BatchResults &results);
    QString blindRoundWords() const;
    void describeVerdict();
};

/// "0.723": scores as the report and the wizard print them.
QString parityScoreText(double score);

/**
 * @brief The parity check: held-out prompts with the old model's answers (a capture: a chat
 * JSONL whose last assistant turns are the old model's answers) are sent to the new model
 * (BatchRunner, its rate-limit handling and resumable results), each new answer is scored with
 * ROUGE-1/2/L against the old one, a blind A/B round is offered on up to ten of them
 * (BlindComparison), and a one-page HTML report (ParityReport) is written next to the dataset.
 *
 * Without a capture (the Playground's "Parity Check…" between any two models), setOldModel()
 * first sends the prompts to the old model and uses its answers as the references.
 *
 * Results are kept as they arrive in resultsPath() (BatchResults JSONL) and the blind votes in
 * votesPath(), so a check that was left resumes where it stopped.
 */
class ParityCheck : public QObject
{
    Q_OBJECT
public:
    enum class Phase { Idle, AskingOld, AskingNew, Finished };
    Q_ENUM(Phase)

    explicit ParityCheck(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~ParityCheck() override;

    /// The held-out prompts with the old model's answers. Empty string when fine, else why not.
    QString setPromptsFile(const QString &path);
    void setPrompts(const QList<BatchItem> &items, const QString &datasetPath);
    /// The old model's name as the report shows it (when answers come from a capture).
    void setOldModelName(const QString &name) { m_oldName = name; }
    /// Ask this model first and use its answers as the references (no capture).
    void setOldModel(const ModelTarget &target);
    void setNewModel(const ModelTarget &target);
    void setConcurrency(int inFlight) { m_concurrency = inFlight; }
    BatchRunner *runner() const { return m_runner; }

    QString datasetPath() const { return m_datasetPath; }
    /// Beside the dataset: NAME.parity.jsonl, NAME.parity-votes.json, NAME.parity.html.
    static QString resultsPathFor(const QString &datasetPath);
    static QString votesPathFor(const QString &datasetPath);
    static QString reportPathFor(const QString &datasetPath);
    QString resultsPath() const { return resultsPathFor(m_datasetPath); }
    QString votesPath() const { return votesPathFor(m_datasetPath); }
    QString reportPath() const { return reportPathFor(m_datasetPath); }

    /// Starts, or continues what resultsPath() holds for the same models.
    void start();
    void cancel();
    bool isRunning() const;
    Phase phase() const { return m_phase; }
    const BatchResults &results() const { return m_results; }
    /// Reads what resultsPath() holds for these prompts and the new model (no request sent):
    /// the report and the blind round can be had again after a restart.
    void restoreResults();
    QString oldModelName() const;
    QString newModelName() const { return m_new.label(); }

    /// The blind round: answers of up to kBlindRounds prompts (seeded choice), old vs new.
    BlindComparison *blind() const { return m_blind; }
    /// Starts the rounds not started yet (after the answers are in); returns how many exist.
    /// Votes stored before (votesPath()) are replayed on the same rounds.
    int prepareBlindRounds(quint64 seed = 20261207);
    /// Stores the votes so far (votesPath()).
    bool saveVotes(QString *error = nullptr) const;

    ParitySummary summary() const;
    /// Writes the HTML report to reportPath(); empty when fine, else why not (plain words).
    QString saveReport(const QDateTime &when = QDateTime::currentDateTime()) const;

Q_SIGNALS:
    void progress(int completed, int total);
    void phaseChanged(fs::ParityCheck::Phase phase);
    /// Both phases ended (cancelled: stopped early; what arrived is kept).
    void finished(bool cancelled);
    void failed(const QString &message);

private:
    void runPhase(Phase phase);
    void onRunnerFinished(bool cancelled);
    bool loadVotes();
    void beginBlindRounds(const QList<int> &items, quint64 seed);

    QNetworkAccessManager *m_nam;
    BatchRunner *m_runner;
    BlindComparison *m_blind;
    QList<BatchItem> m_items;
    QString m_datasetPath;
    QString m_oldName;
    std::optional<ModelTarget> m_old;
    ModelTarget m_new;
    BatchResults m_results;
    QList<int> m_blindItems; ///< item of each blind round
    quint64 m_blindSeed = 0;
    int m_concurrency = 4;
    Phase m_phase = Phase::Idle;
};

} // namespace fs
