// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tokenizer.h"

#include <QStringView>
#include <QtGlobal>
#include <vector>

namespace fs {

/// One message as the chat-format count sees it: plain strings, so that any message type can be
/// counted. Views must stay valid for the call.
struct ChatTokenMessage
{
    QStringView role;
    QStringView content;
    QStringView name; ///< null (QStringView()) when the message has no `name` key
    QStringView extra; ///< other text the message carries (tool calls as compact JSON,
                       ///< tool_call_id), counted as its encoded length; may be empty
};

/// The counts of one example.
struct ChatTokenCount
{
    qint32 tokens = 0; ///< the whole example, with the 3 tokens at the end
    qint32 assistantTokens = 0; ///< encoded content of the assistant messages only
    std::vector<qint32> perMessage; ///< each message's share (3 + its values + 1 for a name)
};

/**
 * @brief Chat-format token counting as the OpenAI cookbook does it: 3 tokens per message, the
 * encoded length of every value (role, content, name), 1 more when the message has a name, and
 * 3 at the end for the reply's priming. The cookbook calls it an estimate; it is what the
 * editor, the statistics and `validate` all use, so they agree.
 */
class ChatTokens
{
public:
    static constexpr int kTokensPerMessage = 3;
    static constexpr int kTokensPerName = 1;
    static constexpr int kReplyPriming = 3;

    /// One message's share: 3 + role + content + name (+1) + extra.
    static qint32 message(const Tokenizer &tokenizer, const ChatTokenMessage &message);
    /// A whole example (an empty example counts 3, the priming).
    static ChatTokenCount example(
            const Tokenizer &tokenizer, const std::vector<ChatTokenMessage> &messages);
    /// The cookbook's "assistant tokens": encoded content of messages whose role is "assistant".
    static qint32 assistant(
            const Tokenizer &tokenizer, const std::vector<ChatTokenMessage> &messages);
};

} // namespace fs
