// SPDX-License-Identifier: GPL-3.0-or-later
#include "rouge.h"

#include "parallelfor.h"
#include "porterstemmer.h"
#include "workpool.h"

#include <QThreadPool>
#include <algorithm>

namespace fs {
namespace {

// Python's str.lower() followed by [^a-z0-9] → space, per UTF-16 unit: ASCII letters are
// lower-cased; of everything else only the Kelvin sign (lower: "k") and İ (lower: "i" + a
// combining dot, so an "i" that ends the token; see forEachRawToken) give a character in a-z.
// Returns 0 for a separator.
inline char normalized(char16_t c)
{
    if (c < 128) {
        if (c >= 'a' && c <= 'z')
            return char(c);
        if (c >= '0' && c <= '9')
            return char(c);
        if (c >= 'A' && c <= 'Z')
            return char(c - 'A' + 'a');
        return 0;
    }
    if (c == 0x212A)
        return 'k';
    return 0;
}

// Calls `token(std::string&)` for each raw token of rouge-score's tokenizer (before stemming).
template<typename F>
void forEachRawToken(const QString &text, std::string &word, F token)
{
    word.clear();
    const char16_t *data = reinterpret_cast<const char16_t *>(text.utf16());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (data[i] == 0x0130) {
            word.push_back('i');
            token(word);
            word.clear();
            continue;
        }
        const char c = normalized(data[i]);
        if (c) {
            word.push_back(c);
        } else if (!word.empty()) {
            token(word);
            word.clear();
        }
    }
    if (!word.empty()) {
        token(word);
        word.clear();
    }
}

inline double fmeasure(double precision, double recall)
{
    return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
}

RougeScore makeScore(int overlap, int predictionCount, int targetCount)
{
    RougeScore score;
    score.precision = double(overlap) / std::max(predictionCount, 1);
    score.recall = double(overlap) / std::max(targetCount, 1);
    score.fmeasure = fmeasure(score.precision, score.recall);
    return score;
}

inline quint64 fnv1a(std::string_view word)
{
    quint64 hash = 1469598103934665603ull;
    for (const char c : word) {
        hash ^= quint8(c);
        hash *= 1099511628211ull;
    }
    return hash;
}

} // namespace

int rouge_detail::lcsLengthDp(const std::vector<int> &a, const std::vector<int> &b)
{
    std::vector<int> previous(b.size() + 1, 0);
    std::vector<int> current(b.size() + 1, 0);
    for (size_t i = 1; i <= a.size(); ++i) {
        for (size_t j = 1; j <= b.size(); ++j) {
            current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1
                                              : std::max(previous[j], current[j - 1]);
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

QStringList rougeTokens(const QString &text, bool stem)
{
    QStringList tokens;
    std::string word;
    forEachRawToken(text, word, [&](const std::string &raw) {
        const std::string token = stem && raw.size() > 3 ? PorterStemmer::stem(raw) : raw;
        if (!token.empty())
            tokens << QString::fromStdString(token);
    });
    return tokens;
}

RougeScores rougeScore(const QString &target, const QString &prediction, bool stem)
{
    RougeScorer scorer(stem);
    return scorer.score(target, prediction);
}

RougeScorer::RougeScorer(bool stem)
    : m_stem(stem)
{
}

template<typename MakeId>
int RougeScorer::TokenTable::findOrInsert(std::string_view word, MakeId makeId)
{
    if (size_t(m_count) * 2 >= m_slots.size())
        grow();
    const quint64 hash = fnv1a(word);
    const size_t mask = m_slots.size() - 1;
    for (size_t i = size_t(hash) & mask;; i = (i + 1) & mask) {
        Slot &slot = m_slots[i];
        if (slot.id < 0) {
            // makeId() may use this table's words (a stem looked up elsewhere): take the id
            // first, then fill the slot.
            const int id = makeId();
            slot.hash = hash;
            slot.offset = quint32(m_arena.size());
            slot.length = quint32(word.size());
            slot.id = id;
            m_arena.append(word);
            ++m_count;
            return id;
        }
        if (slot.hash == hash && slot.length == word.size()
                && std::string_view(m_arena).substr(slot.offset, slot.length) == word)
            return slot.id;
    }
}

void RougeScorer::TokenTable::grow()
{
    std::vector<Slot> old;
    old.swap(m_slots);
    m_slots.assign(std::max<size_t>(1024, old.size() * 2), Slot());
    const size_t mask = m_slots.size() - 1;
    for (const Slot &slot : old) {
        if (slot.id < 0)
            continue;
        size_t i = size_t(slot.hash) & mask;
        while (m_slots[i].id >= 0)
            i = (i + 1) & mask;
        m_slots[i] = slot;
    }
}

void RougeScorer::tokenize(const QString &text, std::vector<int> *ids)
{
    ids->clear();
    forEachRawToken(text, m_word, [&](const std::string &raw) {
        if (!m_stem || raw.size() <= 3) {
            ids->push_back(m_ids.findOrInsert(raw, [this] { return m_nextId++; }));
            return;
        }
        // Stemming is the slow part: each distinct raw word is stemmed once per scorer.
        ids->push_back(m_rawIds.findOrInsert(raw, [&] {
            return m_ids.findOrInsert(PorterStemmer::stem(raw), [this] { return m_nextId++; });
        }));
    });
    if (m_counts.size() < size_t(m_nextId))
        m_counts.resize(size_t(m_nextId) + 1024, 0);
}

// Σ over tokens of min(count in target, count in prediction).
int RougeScorer::unigramOverlap(const std::vector<int> &target, const std::vector<int> &prediction)
{
    for (const int id : target)
        ++m_counts[size_t(id)];
    int overlap = 0;
    for (const int id : prediction) {
        int &count = m_counts[size_t(id)];
        if (count > 0) {
            --count;
            ++overlap;
        }
    }
    for (const int id : target)
        m_counts[size_t(id)] = 0;
    return overlap;
}

// The same over bigrams, counted in an open-addressing table keyed by the two ids.
int RougeScorer::bigramOverlap(const std::vector<int> &target, const std::vector<int> &prediction)
{
    if (target.size() < 2 || prediction.size() < 2)
        return 0;
    size_t capacity = 64;
    while (capacity < target.size() * 2)
        capacity *= 2;
    if (m_bigramKeys.size() < capacity) {
        m_bigramKeys.assign(capacity, 0);
        m_bigramCounts.assign(capacity, 0);
        m_bigramStamps.assign(capacity, 0);
        m_stamp = 0;
    }
    if (++m_stamp == 0) { // wrapped: really empty the table once
        std::fill(m_bigramStamps.begin(), m_bigramStamps.end(), 0);
        m_stamp = 1;
    }
    const size_t mask = capacity - 1;
    const auto slotOf = [&](quint64 key, bool insert) -> qsizetype {
        for (size_t i = size_t((key * 0x9E3779B97F4A7C15ull) >> 20) & mask;; i = (i + 1) & mask) {
            if (m_bigramStamps[i] != m_stamp) {
                if (!insert)
                    return -1;
                m_bigramStamps[i] = m_stamp;
                m_bigramKeys[i] = key;
                m_bigramCounts[i] = 0;
                return qsizetype(i);
            }
            if (m_bigramKeys[i] == key)
                return qsizetype(i);
        }
    };
    const auto keyAt = [](const std::vector<int> &tokens, size_t i) {
        return (quint64(quint32(tokens[i])) << 32) | quint32(tokens[i + 1]);
    };
    for (size_t i = 0; i + 1 < target.size(); ++i)
        ++m_bigramCounts[size_t(slotOf(keyAt(target, i), true))];
    int overlap = 0;
    for (size_t i = 0; i + 1 < prediction.size(); ++i) {
        const qsizetype slot = slotOf(keyAt(prediction, i), false);
        if (slot >= 0 && m_bigramCounts[size_t(slot)] > 0) {
            --m_bigramCounts[size_t(slot)];
            ++overlap;
        }
    }
    return overlap;
}

int RougeScorer::lcsLength(const std::vector<int> &target, const std::vector<int> &prediction)
{
    // Bit-parallel LCS (Allison–Dix / Hyyrö): V has a bit per target position; for each
    // prediction token with match mask M: U = V & M, V = (V + U) | (V & ~M). The LCS length is
    // the number of zero bits of V among the target's positions.
    const size_t m = target.size();
    const size_t words = (m + 63) / 64;
    if (m_localIndex.size() < size_t(m_nextId))
        m_localIndex.resize(size_t(m_nextId) + 1024, -1);
    int distinct = 0;
    for (const int id : target) {
        if (m_localIndex[size_t(id)] < 0)
            m_localIndex[size_t(id)] = distinct++;
    }
    m_masks.assign(size_t(distinct) * words, 0);
    for (size_t i = 0; i < m; ++i) {
        const size_t block = size_t(m_localIndex[size_t(target[i])]) * words;
        m_masks[block + i / 64] |= quint64(1) << (i % 64);
    }
    m_v.assign(words, ~quint64(0));
    for (const int id : prediction) {
        if (size_t(id) >= m_localIndex.size() || m_localIndex[size_t(id)] < 0)
            continue; // no match: V unchanged
        const quint64 *mask = m_masks.data() + size_t(m_localIndex[size_t(id)]) * words;
        quint64 carry = 0;
        for (size_t w = 0; w < words; ++w) {
            const quint64 v = m_v[w];
            const quint64 u = v & mask[w];
            const quint64 sum = v + u + carry;
            // carry out of v + u + carry (u ≤ v's bits so at most one carry)
            carry = (sum < v || (carry && sum == v)) ? 1 : 0;
            m_v[w] = sum | (v & ~mask[w]);
        }
    }
    int ones = 0;
    for (size_t w = 0; w < words; ++w) {
        quint64 v = m_v[w];
        if (w == words - 1 && m % 64)
            v &= (quint64(1) << (m % 64)) - 1;
        ones += __builtin_popcountll(v);
    }
    for (const int id : target)
        m_localIndex[size_t(id)] = -1;
    return int(m) - ones;
}

RougeScores RougeScorer::score(const QString &target, const QString &prediction)
{
    tokenize(target, &m_target);
    tokenize(prediction, &m_prediction);
    RougeScores scores;
    const int t = int(m_target.size());
    const int p = int(m_prediction.size());
    if (t == 0 || p == 0)
        return scores;

    scores.rouge1 = makeScore(unigramOverlap(m_target, m_prediction), p, t);
    scores.rouge2 = makeScore(
            bigramOverlap(m_target, m_prediction), std::max(p - 1, 0), std::max(t - 1, 0));

    const int lcs = lcsLength(m_target, m_prediction);
    scores.rougeL.precision = double(lcs) / p;
    scores.rougeL.recall = double(lcs) / t;
    scores.rougeL.fmeasure = fmeasure(scores.rougeL.precision, scores.rougeL.recall);
    return scores;
}

QList<RougeScores> RougeScorer::scoreAll(
        const QStringList &targets, const QStringList &predictions, bool stem, int threads)
{
    const qsizetype n = std::min(targets.size(), predictions.size());
    QList<RougeScores> results(n);
    if (n == 0)
        return results;
    if (threads <= 0)
        threads = std::max(1, workPool()->maxThreadCount());
    // A pool of our own so that the threads asked for are there whatever else runs on the global
    // one (the calling thread is one of them).
    QThreadPool pool;
    pool.setMaxThreadCount(threads);
    ParallelOptions parallel;
    parallel.pool = &pool;
    RougeScores *out = results.data();
    parallelForChunks(
            n,
            [&targets, &predictions, out, stem](qsizetype from, qsizetype to) {
                RougeScorer scorer(stem);
                for (qsizetype i = from; i < to; ++i)
                    out[i] = scorer.score(targets.at(i), predictions.at(i));
            },
            parallel);
    return results;
}

} // namespace fs
