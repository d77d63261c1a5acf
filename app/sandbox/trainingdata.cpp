// SPDX-License-Identifier: GPL-3.0-or-later
#include "trainingdata.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QtEndian>

namespace fs::sandbox {

namespace {

QString textOf(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    QStringList parts;
    const QJsonArray array = content.toArray();
    for (const QJsonValue &part : array) {
        const QJsonObject object = part.toObject();
        if (object.value(QLatin1String("type")).toString() == QLatin1String("text"))
            parts << object.value(QLatin1String("text")).toString();
    }
    return parts.join(QLatin1Char(' '));
}

bool isKnownRole(const QString &role)
{
    static const QStringList roles = {QStringLiteral("system"), QStringLiteral("user"),
            QStringLiteral("assistant"), QStringLiteral("tool"), QStringLiteral("function"),
            QStringLiteral("developer")};
    return roles.contains(role);
}

struct ExampleCheck
{
    QString problem; ///< empty: fine
    qint64 tokens = 0;
    QStringList words;
    QList<TrainingPair> pairs;
};

// Checks one list of messages; `requireAssistant` for SFT examples and DPO outputs.
QString checkMessages(const QJsonValue &value, const QString &what, bool requireAssistant,
        ExampleCheck *check, QString *lastUserText)
{
    if (!value.isArray() || value.toArray().isEmpty())
        return QStringLiteral("is missing a non-empty '%1' list").arg(what);
    bool hasAssistant = false;
    const QJsonArray messages = value.toArray();
    for (qsizetype i = 0; i < messages.size(); ++i) {
        if (!messages.at(i).isObject())
            return QStringLiteral("has a message that is not an object (%1 %2)")
                    .arg(what)
                    .arg(i + 1);
        const QJsonObject message = messages.at(i).toObject();
        if (!message.value(QLatin1String("role")).isString())
            return QStringLiteral("has a message without a role (%1 %2)").arg(what).arg(i + 1);
        const QString role = message.value(QLatin1String("role")).toString();
        if (!isKnownRole(role))
            return QStringLiteral("has an unrecognized role: '%1' (%2 %3)")
                    .arg(role, what)
                    .arg(i + 1);
        const QJsonValue content = message.value(QLatin1String("content"));
        const bool hasCalls = message.contains(QLatin1String("tool_calls"))
                || message.contains(QLatin1String("function_call"));
        if (!(content.isString() || content.isArray()
                    || ((content.isNull() || content.isUndefined()) && hasCalls)))
            return QStringLiteral("has a message with missing or invalid content (%1 %2)")
                    .arg(what)
                    .arg(i + 1);
        if (role == QLatin1String("assistant")) {
            hasAssistant = true;
            if (content.isArray()) {
                const QJsonArray parts = content.toArray();
                for (const QJsonValue &part : parts) {
                    if (part.toObject().value(QLatin1String("type")).toString()
                            != QLatin1String("text"))
                        return QStringLiteral("has non-text content in an assistant message");
                }
            }
        }
        const QString text = textOf(content);
        check->tokens += 4 + estimateTokens(text);
        check->words += wordsOf(text);
        if (role == QLatin1String("user")) {
            *lastUserText = text;
        } else if (role == QLatin1String("assistant") && !lastUserText->isEmpty()
                && !text.isEmpty()) {
            check->pairs.append({*lastUserText, text});
        }
    }
    if (requireAssistant && !hasAssistant)
        return QStringLiteral("is missing an assistant message");
    return {};
}

ExampleCheck checkExample(const QJsonObject &example, TrainingMethod method)
{
    ExampleCheck check;
    QString lastUser;
    if (method == TrainingMethod::Supervised) {
        check.problem = checkMessages(example.value(QLatin1String("messages")),
                QStringLiteral("messages"), true, &check, &lastUser);
    } else {
        const QJsonObject input = example.value(QLatin1String("input")).toObject();
        if (!example.value(QLatin1String("input")).isObject()) {
            check.problem = QStringLiteral("is missing the 'input' object");
            return check;
        }
        check.problem = checkMessages(input.value(QLatin1String("messages")),
                QStringLiteral("input.messages"), false, &check, &lastUser);
        if (check.problem.isEmpty()) {
            QString preferredUser = lastUser;
            check.problem = checkMessages(example.value(QLatin1String("preferred_output")),
                    QStringLiteral("preferred_output"), true, &check, &preferredUser);
        }
        if (check.problem.isEmpty()) {
            // The rejected answer is not something the model learns to say.
            ExampleCheck rejected;
            QString ignored;
            check.problem = checkMessages(example.value(QLatin1String("non_preferred_output")),
                    QStringLiteral("non_preferred_output"), true, &rejected, &ignored);
            check.tokens += rejected.tokens;
        }
    }
    check.tokens += 3;
    return check;
}

} // namespace

qint64 estimateTokens(const QString &text)
{
    if (text.isEmpty())
        return 0;
    return qMax<qint64>(1, (text.size() + 3) / 4);
}

QStringList wordsOf(const QString &text)
{
    static const QRegularExpression separator(QStringLiteral("[^\\p{L}\\p{N}]+"));
    return text.toLower().split(separator, Qt::SkipEmptyParts);
}

TrainingAnalysis analyzeTrainingFile(
        const QByteArray &content, TrainingMethod method, const QString &fileKind, int minExamples)
{
    TrainingAnalysis analysis;
    const QByteArray digest = QCryptographicHash::hash(content, QCryptographicHash::Sha256);
    analysis.contentSeed = qFromBigEndian<quint64>(digest.constData());

    QByteArray data = content;
    if (data.startsWith("\xEF\xBB\xBF"))
        data.remove(0, 3);
    const QList<QByteArray> lines = data.split('\n');
    QSet<QString> vocabulary;
    int lineNumber = 0;
    for (const QByteArray &rawLine : lines) {
        const QByteArray line = rawLine.trimmed();
        if (line.isEmpty())
            continue;
        ++lineNumber;
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
        QString problem;
        ExampleCheck check;
        if (parseError.error != QJsonParseError::NoError)
            problem = QStringLiteral("is not valid JSON");
        else if (!document.isObject())
            problem = QStringLiteral("is not a JSON object");
        else
            check = checkExample(document.object(), method);
        if (problem.isEmpty())
            problem = check.problem;
        if (!problem.isEmpty()) {
            analysis.errorCode = QStringLiteral("invalid_file_format");
            analysis.errorMessage = QStringLiteral("Invalid file format. Example %1 %2.")
                                            .arg(lineNumber)
                                            .arg(problem);
            if (fileKind != QLatin1String("Training"))
                analysis.errorMessage = QStringLiteral("Invalid validation file format. "
                                                       "Example %1 %2.")
                                                .arg(lineNumber)
                                                .arg(problem);
            analysis.exampleCount = lineNumber;
            return analysis;
        }
        analysis.tokenCount += check.tokens;
        for (const QString &word : std::as_const(check.words))
            vocabulary.insert(word);
        analysis.pairs += check.pairs;
    }
    analysis.exampleCount = lineNumber;
    analysis.vocabularySize = int(vocabulary.size());
    analysis.meanExampleTokens =
            lineNumber > 0 ? double(analysis.tokenCount) / double(lineNumber) : 0.0;
    if (lineNumber < minExamples) {
        analysis.errorCode = QStringLiteral("invalid_n_examples");
        analysis.errorMessage = QStringLiteral("%1 file has %2 example(s), but must have at "
                                               "least %3 examples")
                                        .arg(fileKind)
                                        .arg(lineNumber)
                                        .arg(minExamples);
        return analysis;
    }
    analysis.valid = true;
    return analysis;
}

} // namespace fs::sandbox
