// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lintfinding.h"
#include "tokenizer.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>
#include <vector>

namespace fs {

/// Which of the two training formats an example is in.
enum class ExampleFormat : quint8 {
    Unknown, ///< not a JSON object, or neither chat nor preference
    Chat, ///< supervised: {"messages": [...]}
    Preference, ///< DPO: {"input": {...}, "preferred_output": [...], "non_preferred_output": [...]}
};

/// What the linter is told about the job the data is for.
struct LintOptions
{
    /// The model the data will fine-tune; chooses the encoding and the training context limit.
    QString model = QStringLiteral("gpt-4.1-mini-2025-04-14");
    /// Count tokens exactly (and check example_too_long). Off: rules only, much faster.
    bool countTokens = true;
    /// Longest example in tokens; 0 means the model's training context (CostEstimate).
    int tokenLimit = 0;
};

/**
 * @brief What the linter learns from one example: its own findings and the little it needs to
 * keep per example for the dataset-level rules (duplicates, formats) and the statistics.
 */
struct ExampleLint
{
    /// Findings about this example alone (line numbers as given to lintLine()).
    LintFindings findings;
    ExampleFormat format = ExampleFormat::Unknown;
    /// Hash of the example's canonical JSON (keys sorted); 0 when the line is not an object.
    quint64 digest = 0;
    /// Tokens as the cookbook counts them (for a preference example: the prompt plus the longer
    /// of the two answers); 0 when tokens were not counted.
    int tokens = 0;
    /// Tokens of the assistant messages (the ones the model learns from).
    int assistantTokens = 0;
    int messageCount = 0;
    /// The example was parsed as a JSON object.
    bool parsed = false;
};

/**
 * @brief The rules of the training file formats (../shared/reference §8, the cookbook's checks
 * of §9 brought up to date: tools, developer role, weight and content parts are valid).
 *
 * Stateless and thread-safe: lint examples from several threads at once. Dataset-level rules
 * (too_few_examples, duplicate_example, mixed_formats) live in DatasetLint.
 *
 * Message indices of findings: for chat examples the index in `messages`; for preference
 * examples the input messages come first (0 … n-1), then the preferred output's messages (n …),
 * then the non-preferred output's.
 */
class Linter
{
    Q_DECLARE_TR_FUNCTIONS(fs::Linter)

public:
    explicit Linter(const LintOptions &options = {});

    const LintOptions &options() const { return m_options; }
    /// The training context of the options' model (or the explicit tokenLimit).
    int tokenLimit() const { return m_tokenLimit; }

    /// Lints one line of a JSONL file (without its line break; a BOM at its start is skipped —
    /// report it with bomFinding()). `line` is the 1-based example number findings carry.
    /// `parsed`, when given, receives the example's object (when the line is one), so a caller
    /// that needs more from it does not parse the line a second time.
    ExampleLint lintLine(QByteArrayView line, int lineNumber, QJsonObject *parsed = nullptr) const;
    /// Lints an example that is already parsed.
    ExampleLint lintExample(const QJsonObject &example, int lineNumber) const;

    /// The finding for a byte-order mark at the start of the file (line 1).
    static LintFinding bomFinding();
    /// The file is UTF-16 (one finding for the whole file, "utf16", instead of one invalid_json
    /// per line).
    static LintFinding utf16Finding();
    /// True when the first bytes of a file are UTF-16 (a UTF-16 byte-order mark, or the zero
    /// bytes every other byte that ASCII text in UTF-16 has).
    static bool looksLikeUtf16(QByteArrayView start);
    /// Text bytes of one example beyond which it is far longer than any model's context (about
    /// 128,000 tokens are a few hundred kB): such a line is reported, not parsed at any cost.
    static constexpr qint64 kMaxExampleTextBytes = 4'000'000;
    /// True when `line` has more than kMaxExampleTextBytes outside base64 image data (images
    /// may be up to 10 MB each and are not text).
    static bool isOverlong(QByteArrayView line);
    /// "Line 7 is 50 MB long …" (code line_too_long) for an overlong line.
    static LintFinding overlongFinding(int line, qint64 bytes);
    /// True when a JSON text holds the escape \u0000 (a NUL character) inside a string.
    static bool containsNulEscape(QByteArrayView json);
    /// too_few_examples when `exampleCount` is below the service's minimum; empty otherwise.
    static LintFindings countFindings(int exampleCount);
    /// The service's minimum number of examples in a training file.
    static constexpr int kMinimumExamples = 10;

    /// Every reserved token the service refuses in training text (o200k_base, cl100k_base, the
    /// ChatML and harmony chat-format tokens), e.g. "<|endoftext|>". `<|reserved_N|>` also counts.
    static QStringList reservedTokens();
    /// The reserved tokens found in `text`, each once, in order of first appearance.
    static QStringList findReservedTokens(QStringView text);
    /// `text` without any reserved token.
    static QString removeReservedTokens(QStringView text);
    /// True when `text` (trimmed) is "" — a message with nothing in it.
    static bool isBlank(const QJsonValue &content);

    /// The longest training example `model` takes, in tokens.
    static int trainingLimit(const QString &model);

private:
    void checkLength(const QJsonObject &example, int lineNumber, ExampleLint *result) const;

    LintOptions m_options;
    int m_tokenLimit = 0;
    Tokenizer::Encoding m_encoding;
};

} // namespace fs
