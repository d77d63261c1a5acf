// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "message.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <optional>

namespace fs {

/**
 * @brief One line of a training file: a chat example, a preference (DPO) example, or a line
 * that could not be understood — kept so that saving loses nothing.
 *
 * A typed view over the line's JSON object (the source of truth: unknown keys survive, values of
 * an unexpected type are kept for the linter). Chat: {"messages", "tools", "parallel_tool_calls"}.
 * Preference: {"input": {"messages", "tools", "parallel_tool_calls"}, "preferred_output",
 * "non_preferred_output"}. messages()/tools()/parallelToolCalls() address "messages" for chat and
 * "input.messages" etc. for preference examples.
 */
class Example
{
public:
    enum class Format {
        Chat, ///< an object with "messages" (or an empty object made by the editor)
        Preference, ///< an object with "input", "preferred_output" or "non_preferred_output"
        Other, ///< an object that is neither (the linter says what is missing)
        NotObject, ///< valid JSON but not an object (an array, a string, …)
        InvalidJson, ///< not valid JSON: the raw line is kept, see parseError()
    };

    Example(); ///< A new chat example: {"messages":[]}
    /// Parses one line (without its line terminator; a BOM must be removed first).
    static Example fromLine(const QByteArray &line);
    static Example fromJson(const QJsonValue &value);
    static Example chat(const Messages &messages);
    static Example preference(
            const Messages &input, const Message &preferred, const Message &nonPreferred);

    Format format() const { return m_format; }
    bool isChat() const { return m_format == Format::Chat; }
    bool isPreference() const { return m_format == Format::Preference; }
    bool isValidJson() const { return m_format != Format::InvalidJson; }

    /// The whole line as JSON (Undefined for InvalidJson).
    QJsonValue json() const { return m_json; }
    QJsonObject object() const { return m_json.toObject(); }
    /// For InvalidJson: the line as it was, the parser's message and the byte offset of the
    /// error in the line.
    QByteArray invalidLine() const { return m_invalidLine; }
    QString parseError() const { return m_parseError; }
    int parseErrorOffset() const { return m_parseErrorOffset; }

    /// The conversation: "messages" (chat) or "input.messages" (preference). A value that is not
    /// an array reads as empty (hasMessagesArray() false) and is kept unless setMessages() is used.
    Messages messages() const;
    bool hasMessagesArray() const;
    int messageCount() const;
    Message message(int index) const; ///< an empty Message when out of range
    void setMessages(const Messages &messages);
    void setMessage(int index, const Message &message);
    void insertMessage(int index, const Message &message); ///< index == count appends
    void removeMessage(int index);
    void moveMessage(int from, int to); ///< to is the final index of the moved message

    bool hasTools() const;
    QJsonArray tools() const;
    void setTools(const QJsonArray &tools); ///< empty removes the key
    std::optional<bool>
    parallelToolCalls() const; ///< nullopt when absent (the service's default: true)
    void setParallelToolCalls(std::optional<bool> value);

    // Preference (DPO) outputs: arrays of (normally one) assistant message.
    Messages preferredOutput() const;
    Messages nonPreferredOutput() const;
    void setPreferredOutput(const Messages &messages);
    void setNonPreferredOutput(const Messages &messages);
    /// Turns a chat example into a preference one (messages become input.messages) and back;
    /// no-op when already in that format or not an object.
    void setFormat(Format format);

    /// The text of the first message with this role (empty when none).
    QString firstText(const QString &role) const;

    /// One compact UTF-8 JSON object (no line terminator). Known keys come first in a fixed order
    /// (messages/input/preferred_output/non_preferred_output/tools/parallel_tool_calls; in a
    /// message role/name/content/tool_calls/tool_call_id/weight), then the others. InvalidJson
    /// gives back invalidLine().
    QByteArray toLine() const;

    friend bool operator==(const Example &a, const Example &b)
    {
        return a.m_format == b.m_format && a.m_json == b.m_json
                && a.m_invalidLine == b.m_invalidLine;
    }
    friend bool operator!=(const Example &a, const Example &b) { return !(a == b); }

private:
    static Format detectFormat(const QJsonValue &json);
    QJsonObject container() const; ///< the object holding messages/tools
    void setContainer(const QJsonObject &container);

    Format m_format = Format::Chat;
    QJsonValue m_json;
    QByteArray m_invalidLine;
    QString m_parseError;
    int m_parseErrorOffset = -1;
};

/**
 * @brief What the examples list needs about one example, kept for every row so data() is O(1)
 * without parsing (a few dozen bytes plus the short preview).
 */
struct ExampleSummary
{
    enum RoleFlag : quint8 {
        HasSystem = 0x01,
        HasDeveloper = 0x02,
        HasUser = 0x04,
        HasAssistant = 0x08,
        HasTool = 0x10,
        HasOtherRole = 0x20,
    };
    static constexpr int kPreviewLength = 160; ///< characters kept of the first user text

    QString preview; ///< first user text (preference: of input), single line, elided
    qint32 tokens = -1; ///< chat-format tokens of the whole example; -1 until counted
    qint32 assistantTokens = -1; ///< tokens of the assistant messages; -1 until counted
    quint16 messageCount = 0; ///< capped at 65535
    quint16 errors = 0; ///< linter findings of this example (set by the linter's results)
    quint16 warnings = 0;
    Example::Format format = Example::Format::Chat;
    quint8 roles = 0; ///< RoleFlag bits of the roles present

    static ExampleSummary of(const Example &example);
    static quint8 roleFlag(const QString &role);
};

} // namespace fs
