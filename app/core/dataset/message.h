// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <optional>

namespace fs {

/**
 * @brief One message of a training example, a thin typed view over its JSON object.
 *
 * The JSON is the source of truth, so keys we do not know (and values of an unexpected type,
 * which the linter reports) survive an edit untouched. A message that is not a JSON object at all
 * (e.g. a string inside "messages") is kept as it was: isObject() is false and toJson() gives it
 * back; a setter turns it into an object.
 *
 * Keys: role, content (string, array of parts, or null — kept as it was), name, weight (0/1 on
 * assistant turns), tool_calls (assistant), tool_call_id (tool).
 */
class Message
{
public:
    Message() = default; ///< An empty object (no role, no content).
    explicit Message(const QJsonValue &value);
    Message(const QString &role, const QString &text);

    /// The roles the service knows, in the order the editor offers them.
    static QStringList knownRoles(); ///< system, developer, user, assistant, tool
    static bool isKnownRole(const QString &role);
    /// The keys of a message the service knows (role, content, name, weight, tool_calls,
    /// tool_call_id, function_call).
    static QStringList knownKeys();

    bool isObject() const { return m_value.isObject(); }
    QJsonValue toJson() const { return m_value; }
    QJsonObject object() const { return m_value.toObject(); }

    bool hasRole() const;
    QString role() const; ///< empty when missing or not a string
    void setRole(const QString &role);

    bool hasContent() const; ///< the key is present (even when null)
    QJsonValue content() const; ///< Undefined when the key is missing
    bool isTextContent() const; ///< content is a JSON string
    /// The text: the string, or the "text" of every text part joined by newlines; empty for null.
    QString text() const;
    /// Sets content to a plain string (an array of parts becomes that string).
    void setText(const QString &text);
    void setContent(const QJsonValue &content); ///< Undefined removes the key

    QString name() const;
    bool hasName() const;
    void setName(const QString &name); ///< empty removes the key

    bool hasWeight() const;
    QJsonValue weight() const; ///< Undefined when missing; may be of any type in bad files
    std::optional<int> weightValue() const; ///< the weight when it is an integral number
    void setWeight(std::optional<int> weight); ///< nullopt removes the key

    bool hasToolCalls() const;
    QJsonArray toolCalls() const;
    void setToolCalls(const QJsonArray &toolCalls); ///< empty removes the key
    /// Parses the editor's text for tool calls; nullopt and a plain-words *error when it is not
    /// a JSON array of objects. An empty or blank text is an empty array.
    static std::optional<QJsonArray> parseToolCalls(const QString &text, QString *error);
    /// The tool calls as indented JSON for editing (empty when there are none).
    QString toolCallsText() const;

    bool hasToolCallId() const;
    QString toolCallId() const;
    void setToolCallId(const QString &id); ///< empty removes the key

    /// Keys other than knownKeys(), in the JSON's order.
    QStringList unknownKeys() const;

    friend bool operator==(const Message &a, const Message &b) { return a.m_value == b.m_value; }
    friend bool operator!=(const Message &a, const Message &b) { return !(a == b); }

private:
    void set(const QString &key, const QJsonValue &value); ///< Undefined removes
    QJsonValue m_value = QJsonObject();
};

using Messages = QList<Message>;

} // namespace fs
