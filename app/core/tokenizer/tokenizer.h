// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>
#include <memory>
#include <vector>

namespace fs {

/**
 * @brief An exact byte-pair tokenizer for OpenAI's encodings (o200k_base, cl100k_base), loaded
 * from the tiktoken rank files compiled into the binary (resources/tokenizers/).
 *
 * Thread-safe after construction: encode() may be called from several threads at once.
 *
 * The ids equal those of OpenAI's tiktoken (checked against it on tests/data/tokenizer/). The
 * one known limit: character classes come from Qt 6.4's Unicode 14 tables, tiktoken's from
 * Unicode 15, so the few characters new in Unicode 15 may split differently.
 */
class Tokenizer
{
public:
    enum class Encoding { O200kBase, Cl100kBase };

    /// The shared instance for an encoding, loaded on first use (some 50 ms for o200k_base).
    static const Tokenizer &instance(Encoding encoding);
    /// The encoding a model uses, as the model registry says (ModelRegistry::tokenizer):
    /// o200k_base for gpt-4o / gpt-4.1 / o-series, cl100k_base for gpt-4 / gpt-3.5; o200k_base
    /// for unknown names and, as an estimate, for models without an OpenAI encoding (Together's).
    static Encoding encodingForModel(const QString &model);
    static QString encodingName(Encoding encoding); ///< "o200k_base" / "cl100k_base"

    ~Tokenizer();
    Tokenizer(const Tokenizer &) = delete;
    Tokenizer &operator=(const Tokenizer &) = delete;

    Encoding encoding() const;
    /// Token ids of `text`, special tokens treated as ordinary text (as tiktoken's
    /// encode_ordinary does).
    std::vector<int> encode(QStringView text) const;
    /// The same length as encode(text).size(), without building the vector.
    int count(QStringView text) const;
    /// Text of a token sequence (for tests and display).
    QString decode(const std::vector<int> &tokens) const;
    /// Number of ordinary tokens (ranks) of the encoding, special tokens not included.
    int tokenCount() const;

    /// Loads from a rank file path (for tests of loading errors); null with *error on failure.
    static std::unique_ptr<Tokenizer> fromFile(
            Encoding encoding, const QString &path, QString *error);

private:
    class Private;
    explicit Tokenizer(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace fs
