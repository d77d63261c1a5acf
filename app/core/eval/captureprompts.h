// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain.h"
#include "message.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace fs {

class ComparisonSession;
class DatasetDocument;
class Example;

/// One prompt whose answer a capture asks for: the messages sent (the answer is appended to them
/// as the assistant turn of the captured example).
struct CapturePrompt
{
    Messages messages;
    int sourceLine = 0; ///< 1-based line / row / turn of the source; 0 when it has none
};

/// The prompts of one source; `error` is a plain-words reason when none could be read.
struct CapturePromptsLoad
{
    QList<CapturePrompt> prompts;
    int skipped = 0; ///< examples without a user message, invalid JSON lines
    QString source; ///< how the source reads in the capture's settings ("support.jsonl", …)
    QString error;
};

/// The prompt of one example (chat or preference): its messages up to its last assistant turn,
/// that turn dropped; an example without an assistant turn is a prompt as it stands. nullopt when
/// what remains holds no user message.
std::optional<CapturePrompt> capturePromptFrom(const Example &example, int sourceLine);
/// Every example of a chat JSONL file (dataset, validation file) as a prompt.
CapturePromptsLoad capturePromptsFromJsonl(const QString &path);
/// The same from the open dataset.
CapturePromptsLoad capturePromptsFrom(const DatasetDocument &document);

/**
 * A pasted list: prompts separated by blank lines, each a user message (it may span several
 * lines). A list without any blank line has one prompt per line. Lines are trimmed of trailing
 * white space; `systemPrompt`, when not empty, is put before every prompt.
 */
CapturePromptsLoad capturePromptsFromList(const QString &text, const QString &systemPrompt = {});

/// The user turns of a Playground conversation: for each, the system prompt, the turns before it
/// and the user message.
CapturePromptsLoad capturePromptsFromConversation(
        const QString &systemPrompt, const QList<ChatMessage> &history);
/// The Playground's history (ComparisonSession::toJson(), also a saved comparison file): the user
/// turns of the pane that talks to `model`, else of the first pane with a conversation.
CapturePromptsLoad capturePromptsFromSession(const QJsonObject &session, const QString &model = {});
CapturePromptsLoad capturePromptsFromSession(
        const ComparisonSession &session, const QString &model = {});

/// Reads `path` by its content: a saved Playground comparison (JSON with its type), a chat JSONL
/// file, or — a .txt file or anything that is not JSON — a list as capturePromptsFromList() reads.
CapturePromptsLoad loadCapturePrompts(const QString &path, const QString &model = {});

/// A prompt's identity: its messages as compact JSON (two equal prompts have equal keys).
QByteArray capturePromptKey(const Messages &messages);

} // namespace fs
