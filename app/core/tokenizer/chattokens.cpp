// SPDX-License-Identifier: GPL-3.0-or-later
#include "chattokens.h"

namespace fs {

namespace {

bool isAssistant(QStringView role)
{
    return role == u"assistant";
}

} // namespace

qint32 ChatTokens::message(const Tokenizer &tokenizer, const ChatTokenMessage &message)
{
    qint32 n = kTokensPerMessage + tokenizer.count(message.role) + tokenizer.count(message.content);
    if (!message.name.isNull())
        n += tokenizer.count(message.name) + kTokensPerName;
    if (!message.extra.isEmpty())
        n += tokenizer.count(message.extra);
    return n;
}

ChatTokenCount ChatTokens::example(
        const Tokenizer &tokenizer, const std::vector<ChatTokenMessage> &messages)
{
    ChatTokenCount count;
    count.perMessage.reserve(messages.size());
    count.tokens = kReplyPriming;
    for (const ChatTokenMessage &m : messages) {
        // The content is encoded once and its length reused for the assistant total.
        const qint32 content = tokenizer.count(m.content);
        qint32 n = kTokensPerMessage + tokenizer.count(m.role) + content;
        if (!m.name.isNull())
            n += tokenizer.count(m.name) + kTokensPerName;
        if (!m.extra.isEmpty())
            n += tokenizer.count(m.extra);
        count.perMessage.push_back(n);
        count.tokens += n;
        if (isAssistant(m.role))
            count.assistantTokens += content;
    }
    return count;
}

qint32 ChatTokens::assistant(
        const Tokenizer &tokenizer, const std::vector<ChatTokenMessage> &messages)
{
    qint32 n = 0;
    for (const ChatTokenMessage &m : messages) {
        if (isAssistant(m.role))
            n += tokenizer.count(m.content);
    }
    return n;
}

} // namespace fs
