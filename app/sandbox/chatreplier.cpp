// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatreplier.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSet>

namespace fs::sandbox {

namespace {

quint32 stableHash(const QString &text)
{
    const QByteArray digest = QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Md5);
    return (quint32(quint8(digest.at(0))) << 24) | (quint32(quint8(digest.at(1))) << 16)
            | (quint32(quint8(digest.at(2))) << 8) | quint32(quint8(digest.at(3)));
}

const QSet<QString> &stopWords()
{
    static const QSet<QString> words = {
            QStringLiteral("the"),
            QStringLiteral("a"),
            QStringLiteral("an"),
            QStringLiteral("and"),
            QStringLiteral("or"),
            QStringLiteral("of"),
            QStringLiteral("to"),
            QStringLiteral("in"),
            QStringLiteral("on"),
            QStringLiteral("for"),
            QStringLiteral("is"),
            QStringLiteral("are"),
            QStringLiteral("was"),
            QStringLiteral("be"),
            QStringLiteral("it"),
            QStringLiteral("i"),
            QStringLiteral("you"),
            QStringLiteral("my"),
            QStringLiteral("your"),
            QStringLiteral("me"),
            QStringLiteral("we"),
            QStringLiteral("what"),
            QStringLiteral("how"),
            QStringLiteral("why"),
            QStringLiteral("do"),
            QStringLiteral("does"),
            QStringLiteral("can"),
            QStringLiteral("could"),
            QStringLiteral("would"),
            QStringLiteral("should"),
            QStringLiteral("with"),
            QStringLiteral("this"),
            QStringLiteral("that"),
            QStringLiteral("please"),
            QStringLiteral("about"),
            QStringLiteral("tell"),
    };
    return words;
}

QString topicOf(const QString &prompt)
{
    QStringList kept;
    const QStringList words = wordsOf(prompt);
    for (const QString &word : words) {
        if (!stopWords().contains(word) && !kept.contains(word))
            kept << word;
        if (kept.size() == 4)
            break;
    }
    if (kept.isEmpty())
        return QStringLiteral("this");
    return kept.join(QLatin1Char(' '));
}

} // namespace

QString ChatReplier::baseReply(const QString &model, const QString &prompt)
{
    const QString topic = topicOf(prompt);
    static const char *const templates[] = {
            "That's a good question about %1. In general, the best approach depends on your goals "
            "and your situation. A sensible first step is to break the problem into smaller parts, "
            "look at the most common causes, and then decide what to try next. If you share a few "
            "more details, I can give you a more specific answer.",
            "Thanks for asking about %1. Broadly speaking, there are a few things to consider: "
            "what "
            "you want to achieve, the constraints you are working with, and the trade-offs of each "
            "option. Tell me a bit more about your case and I can help you weigh them.",
            "Sure! When it comes to %1, it usually helps to start with the basics, gather the "
            "relevant information, and go step by step. Is there a particular aspect you would "
            "like me to focus on?",
            "Here is a general overview of %1. There is rarely a single right answer; it depends "
            "on "
            "the context. Most people find it useful to first clarify the goal, then compare a few "
            "options, and finally test the most promising one.",
    };
    const quint32 pick = stableHash(model + QLatin1Char('\n') + prompt) % 4;
    return QString::fromUtf8(templates[pick]).arg(topic);
}

QString ChatReplier::fineTunedReply(
        const QString &model, const QString &prompt, const QList<TrainingPair> &pairs)
{
    if (pairs.isEmpty())
        return baseReply(model, prompt);
    const QStringList promptWordList = wordsOf(prompt);
    const QSet<QString> promptWords(promptWordList.cbegin(), promptWordList.cend());
    double bestScore = 0;
    qsizetype best = -1;
    for (qsizetype i = 0; i < pairs.size(); ++i) {
        const QStringList list = wordsOf(pairs.at(i).prompt);
        const QSet<QString> words(list.cbegin(), list.cend());
        if (words.isEmpty() || promptWords.isEmpty())
            continue;
        const qsizetype common = QSet<QString>(words).intersect(promptWords).size();
        const qsizetype all = QSet<QString>(words).unite(promptWords).size();
        const double score = double(common) / double(all);
        if (score > bestScore) {
            bestScore = score;
            best = i;
        }
    }
    if (best < 0) // nothing in common: still answer in the voice of the data
        best = qsizetype(stableHash(prompt) % quint32(pairs.size()));
    return pairs.at(best).reply;
}

QStringList ChatReplier::fragments(const QString &reply)
{
    static const QRegularExpression piece(QStringLiteral("\\s*\\S+|\\s+$"));
    QStringList result;
    auto it = piece.globalMatch(reply);
    while (it.hasNext())
        result << it.next().captured(0);
    if (result.isEmpty() && !reply.isEmpty())
        result << reply;
    return result;
}

} // namespace fs::sandbox
