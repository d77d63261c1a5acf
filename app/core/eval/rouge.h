// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <string>
#include <string_view>
#include <vector>

namespace fs {

/**
 * @file
 * ROUGE as Google's `rouge-score` package (rouge_scorer.RougeScorer, the reference most papers
 * use) computes it, matched on these points:
 *
 * - Tokenizing (tokenize.py, DefaultTokenizer): lower-case; every character outside [a-z0-9]
 *   becomes a space (so "don't" is "don t", accented letters and other scripts vanish); split on
 *   white space; with stemming, Porter-stem (NLTK's, see porterstemmer.h) only tokens longer than
 *   3 characters; then drop empty tokens.
 * - ROUGE-N (N = 1, 2): n-gram counts of target and prediction; overlap = Σ min(count_t, count_p)
 *   (clipped); precision = overlap / max(n-grams of prediction, 1), recall = overlap / max(n-grams
 *   of target, 1).
 * - ROUGE-L: the length of the longest common subsequence of the token lists; precision = LCS /
 *   prediction tokens, recall = LCS / target tokens; both 0 when either side has no tokens.
 *   (Not "rougeLsum", which splits on newlines first.)
 * - F-measure = 2·P·R / (P + R), 0 when P + R = 0 (fmeasure() in scoring.py, beta = 1).
 * - An empty (or punctuation-only) prediction or target scores 0 everywhere.
 */

struct RougeScore
{
    double precision = 0;
    double recall = 0;
    double fmeasure = 0;
};

struct RougeScores
{
    RougeScore rouge1;
    RougeScore rouge2;
    RougeScore rougeL;
};

/// rouge-score's tokenizer: the tokens as strings (for tests and display).
QStringList rougeTokens(const QString &text, bool stem);

/// ROUGE-1, ROUGE-2 and ROUGE-L of one prediction against one target (a convenience; for many
/// pairs use RougeScorer, which reuses its buffers and token ids).
RougeScores rougeScore(const QString &target, const QString &prediction, bool stem = false);

/**
 * @brief Scores many pairs fast: tokens are interned to integers once per text and the n-gram and
 * LCS buffers are reused between calls. Not thread-safe: use one per thread (scoreAll() does).
 */
class RougeScorer
{
public:
    explicit RougeScorer(bool stem = false);

    bool stems() const { return m_stem; }
    RougeScores score(const QString &target, const QString &prediction);

    /// Scores pairs (targets[i], predictions[i]) on `threads` threads (parallelFor over a pool of
    /// its own; the calling thread is one of them), blocking until done (about 30 µs per pair of
    /// 200-word texts on one core: call it off the GUI thread for many thousands). `threads` ≤ 0:
    /// the global pool's maximum. Pairs beyond the shorter list are ignored.
    static QList<RougeScores> scoreAll(const QStringList &targets, const QStringList &predictions,
            bool stem = false, int threads = 0);

private:
    /// Strings → dense ids, open addressing over one byte arena (far cheaper than a node-based
    /// map for millions of short words).
    class TokenTable
    {
    public:
        /// The id of `word`; a new one (from `makeId`) the first time.
        template<typename MakeId>
        int findOrInsert(std::string_view word, MakeId makeId);
        int size() const { return m_count; }

    private:
        struct Slot
        {
            quint64 hash = 0;
            quint32 offset = 0;
            quint32 length = 0;
            int id = -1; ///< -1: empty
        };
        void grow();
        std::vector<Slot> m_slots;
        std::string m_arena;
        int m_count = 0;
    };

    void tokenize(const QString &text, std::vector<int> *ids);
    int unigramOverlap(const std::vector<int> &target, const std::vector<int> &prediction);
    int bigramOverlap(const std::vector<int> &target, const std::vector<int> &prediction);
    // ROUGE-L uses a bit-parallel LCS (Hyyrö 2004: the same length as the DP table, 64 cells
    // per operation): a position mask per distinct target token.
    int lcsLength(const std::vector<int> &target, const std::vector<int> &prediction);

    bool m_stem = false;
    int m_nextId = 0;
    TokenTable m_ids; ///< token (stemmed when stemming) → id
    TokenTable m_rawIds; ///< with stemming: raw token → id of its stem, saves re-stemming
    std::string m_word;
    std::vector<int> m_target;
    std::vector<int> m_prediction;
    std::vector<int> m_counts; ///< token id → count, all zero between calls
    // Bigram counts: a small open-addressing table, emptied by bumping m_stamp.
    std::vector<quint64> m_bigramKeys;
    std::vector<int> m_bigramCounts;
    std::vector<quint32> m_bigramStamps;
    quint32 m_stamp = 0;
    std::vector<int> m_localIndex; ///< token id → index into m_masks blocks, -1 none
    std::vector<quint64> m_masks;
    std::vector<quint64> m_v;
};

namespace rouge_detail {
/// Length of the longest common subsequence, textbook O(n·m) DP with two rows (the reference).
int lcsLengthDp(const std::vector<int> &a, const std::vector<int> &b);
} // namespace rouge_detail

} // namespace fs
