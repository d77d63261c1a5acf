// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace fs::sandbox {

/// A user turn and the assistant reply that followed it in the training data.
struct TrainingPair
{
    QString prompt;
    QString reply;
};

/// What the sandbox learns from a training or validation file, as the real service checks it.
struct TrainingAnalysis
{
    bool valid = false;
    QString errorCode; ///< invalid_file_format | invalid_n_examples | …
    QString errorMessage; ///< the real service's wording
    int exampleCount = 0;
    qint64 tokenCount = 0; ///< estimated tokens of one pass over the file
    int vocabularySize = 0; ///< distinct lower-cased words
    double meanExampleTokens = 0;
    quint64 contentSeed = 0; ///< stable hash of the bytes: same data, same loss curve
    QList<TrainingPair> pairs;
};

enum class TrainingMethod { Supervised, Dpo };

/**
 * @brief Validates a JSONL fine-tuning file: every line a JSON object in the chat (or DPO)
 * format with known roles and an assistant message, and at least `minExamples` examples.
 * `fileKind` is "Training" or "Validation" and only changes the wording of errors.
 */
TrainingAnalysis analyzeTrainingFile(
        const QByteArray &content, TrainingMethod method, const QString &fileKind, int minExamples);

/// A rough token estimate of text (about four characters a token), at least 1 for non-empty.
qint64 estimateTokens(const QString &text);

/// Lower-cased words of `text` (letters and digits), for overlap and vocabulary.
QStringList wordsOf(const QString &text);

} // namespace fs::sandbox
