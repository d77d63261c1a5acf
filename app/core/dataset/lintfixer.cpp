// SPDX-License-Identifier: GPL-3.0-or-later
#include "lintfixer.h"

#include "datasetdocument.h"
#include "linter.h"

#include <QJsonArray>

namespace fs {

namespace {

using Fix = LintFinding::Fix;

/// Where a linter message index points in an example.
struct MessageRef
{
    enum Part { Messages, Preferred, NonPreferred } part = Messages;
    int index = -1; ///< inside that part
};

std::optional<MessageRef> locate(const Example &example, int messageIndex)
{
    if (messageIndex < 0)
        return std::nullopt;
    const int messages = example.messageCount();
    if (messageIndex < messages)
        return MessageRef {MessageRef::Messages, messageIndex};
    if (!example.isPreference())
        return std::nullopt;
    const int preferred = int(example.preferredOutput().size());
    if (messageIndex < messages + preferred)
        return MessageRef {MessageRef::Preferred, messageIndex - messages};
    const int other = int(example.nonPreferredOutput().size());
    if (messageIndex < messages + preferred + other)
        return MessageRef {MessageRef::NonPreferred, messageIndex - messages - preferred};
    return std::nullopt;
}

Message messageAt(const Example &example, const MessageRef &ref)
{
    switch (ref.part) {
    case MessageRef::Messages:
        return example.message(ref.index);
    case MessageRef::Preferred:
        return example.preferredOutput().value(ref.index);
    case MessageRef::NonPreferred:
        return example.nonPreferredOutput().value(ref.index);
    }
    return {};
}

void setMessageAt(Example *example, const MessageRef &ref, const Message &message)
{
    switch (ref.part) {
    case MessageRef::Messages:
        example->setMessage(ref.index, message);
        return;
    case MessageRef::Preferred: {
        Messages list = example->preferredOutput();
        list[ref.index] = message;
        example->setPreferredOutput(list);
        return;
    }
    case MessageRef::NonPreferred: {
        Messages list = example->nonPreferredOutput();
        list[ref.index] = message;
        example->setNonPreferredOutput(list);
        return;
    }
    }
}

/// The message without reserved tokens in its text and tool call arguments.
Message withoutReservedTokens(const Message &message)
{
    QJsonObject object = message.object();
    const QJsonValue content = object.value(QLatin1String("content"));
    if (content.isString()) {
        object.insert(QLatin1String("content"), Linter::removeReservedTokens(content.toString()));
    } else if (content.isArray()) {
        QJsonArray parts = content.toArray();
        for (qsizetype i = 0; i < parts.size(); ++i) {
            QJsonObject part = parts.at(i).toObject();
            if (!part.value(QLatin1String("text")).isString())
                continue;
            part.insert(QLatin1String("text"),
                    Linter::removeReservedTokens(part.value(QLatin1String("text")).toString()));
            parts[i] = part;
        }
        object.insert(QLatin1String("content"), parts);
    }
    if (object.value(QLatin1String("tool_calls")).isArray()) {
        QJsonArray calls = object.value(QLatin1String("tool_calls")).toArray();
        for (qsizetype i = 0; i < calls.size(); ++i) {
            QJsonObject call = calls.at(i).toObject();
            QJsonObject function = call.value(QLatin1String("function")).toObject();
            const QJsonValue arguments = function.value(QLatin1String("arguments"));
            if (!arguments.isString())
                continue;
            function.insert(
                    QLatin1String("arguments"), Linter::removeReservedTokens(arguments.toString()));
            call.insert(QLatin1String("function"), function);
            calls[i] = call;
        }
        object.insert(QLatin1String("tool_calls"), calls);
    }
    return Message(object);
}

/// The weight the user most likely meant; nullopt: remove it (the default, trained on).
std::optional<int> intendedWeight(const QJsonValue &weight)
{
    if (weight.isBool())
        return weight.toBool() ? 1 : 0;
    if (weight.isString()) {
        const QString text = weight.toString().trimmed().toLower();
        if (text == QLatin1String("0") || text == QLatin1String("false"))
            return 0;
        if (text == QLatin1String("1") || text == QLatin1String("true"))
            return 1;
    }
    return std::nullopt;
}

} // namespace

QString LintFixer::label(const LintFinding &finding)
{
    switch (finding.fix) {
    case Fix::None:
        break;
    case Fix::RemoveBom:
        return tr("Remove the byte-order mark");
    case Fix::DropEmptyTrailingMessage:
        return tr("Delete the empty message");
    case Fix::RemoveSpecialToken:
        return tr("Remove the reserved tokens");
    case Fix::FixWeight:
        return tr("Fix the weight");
    }
    return {};
}

std::optional<Example> LintFixer::fixedExample(const Example &example, const LintFinding &finding)
{
    if (!example.isChat() && !example.isPreference())
        return std::nullopt;
    const std::optional<MessageRef> ref = locate(example, finding.messageIndex);
    if (!ref)
        return std::nullopt;
    Example fixed = example;
    const Message message = messageAt(example, *ref);
    switch (finding.fix) {
    case Fix::None:
    case Fix::RemoveBom:
        return std::nullopt;
    case Fix::DropEmptyTrailingMessage: {
        // Only the last message of the conversation, and only while it is still empty.
        if (ref->part != MessageRef::Messages || ref->index != example.messageCount() - 1
                || !Linter::isBlank(message.content()) || message.hasToolCalls())
            return std::nullopt;
        fixed.removeMessage(ref->index);
        break;
    }
    case Fix::RemoveSpecialToken: {
        const Message clean = withoutReservedTokens(message);
        if (clean == message)
            return std::nullopt;
        setMessageAt(&fixed, *ref, clean);
        break;
    }
    case Fix::FixWeight: {
        if (!message.hasWeight())
            return std::nullopt;
        Message changed = message;
        const bool keep = example.isChat() && message.role() == QLatin1String("assistant");
        changed.setWeight(keep ? intendedWeight(message.weight()) : std::nullopt);
        if (changed == message)
            return std::nullopt;
        setMessageAt(&fixed, *ref, changed);
        break;
    }
    }
    return fixed;
}

bool LintFixer::apply(DatasetDocument *document, const LintFinding &finding)
{
    if (!document)
        return false;
    if (finding.fix == Fix::RemoveBom) {
        if (!document->hasBom())
            return false;
        document->setHasBom(false);
        return true;
    }
    const int row = finding.line - 1;
    if (row < 0 || row >= document->count())
        return false;
    const std::optional<Example> fixed = fixedExample(document->example(row), finding);
    if (!fixed)
        return false;
    document->setExample(row, *fixed, label(finding));
    return true;
}

} // namespace fs
