// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <string>
#include <string_view>

namespace fs {

/**
 * @brief The Porter stemmer as rouge-score uses it: NLTK's PorterStemmer in its default
 * NLTK_EXTENSIONS mode (rouge-score builds `porter.PorterStemmer()` without a mode).
 *
 * That mode differs from Porter's 1980 paper in a few places (a table of irregular forms such as
 * "dying" → "die", the "ll"/"li" rules, step 1c "y" → "i" only after a consonant that is not the
 * first letter, and words of one or two letters returned untouched). The result is lower-case.
 * Input is expected to be lower-case ASCII letters/digits, as ROUGE's tokenizer produces them;
 * other characters pass through untouched. Thread-safe (no state).
 */
class PorterStemmer
{
public:
    /// Stems one lower-case word.
    static std::string stem(std::string_view word);
    static QString stem(const QString &word);
};

} // namespace fs
