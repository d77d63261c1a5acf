// SPDX-License-Identifier: GPL-3.0-or-later
#include "message.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

namespace fs {

namespace {
QString key(const char *k)
{
    return QString::fromLatin1(k);
}
} // namespace

Message::Message(const QJsonValue &value)
    : m_value(value)
{
}

Message::Message(const QString &role, const QString &text)
{
    QJsonObject o;
    o.insert(QStringLiteral("role"), role);
    o.insert(QStringLiteral("content"), text);
    m_value = o;
}

QStringList Message::knownRoles()
{
    return {QStringLiteral("system"), QStringLiteral("developer"), QStringLiteral("user"),
            QStringLiteral("assistant"), QStringLiteral("tool")};
}

bool Message::isKnownRole(const QString &role)
{
    return knownRoles().contains(role);
}

QStringList Message::knownKeys()
{
    return {QStringLiteral("role"), QStringLiteral("content"), QStringLiteral("name"),
            QStringLiteral("weight"), QStringLiteral("tool_calls"), QStringLiteral("tool_call_id"),
            QStringLiteral("function_call")};
}

void Message::set(const QString &k, const QJsonValue &value)
{
    QJsonObject o = m_value.toObject();
    if (value.isUndefined())
        o.remove(k);
    else
        o.insert(k, value);
    m_value = o;
}

bool Message::hasRole() const
{
    return object().contains(key("role"));
}

QString Message::role() const
{
    return object().value(key("role")).toString();
}

void Message::setRole(const QString &role)
{
    set(key("role"), role);
}

bool Message::hasContent() const
{
    return object().contains(key("content"));
}

QJsonValue Message::content() const
{
    return object().value(key("content"));
}

bool Message::isTextContent() const
{
    return content().isString();
}

QString Message::text() const
{
    const QJsonValue c = content();
    if (c.isString())
        return c.toString();
    if (!c.isArray())
        return {};
    QStringList parts;
    const QJsonArray array = c.toArray();
    for (const QJsonValue &part : array) {
        const QJsonObject p = part.toObject();
        if (p.value(key("type")).toString() == QLatin1String("text"))
            parts.append(p.value(key("text")).toString());
    }
    return parts.join(QLatin1Char('\n'));
}

void Message::setText(const QString &text)
{
    set(key("content"), text);
}

void Message::setContent(const QJsonValue &content)
{
    set(key("content"), content);
}

QString Message::name() const
{
    return object().value(key("name")).toString();
}

bool Message::hasName() const
{
    return object().contains(key("name"));
}

void Message::setName(const QString &name)
{
    set(key("name"), name.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(name));
}

bool Message::hasWeight() const
{
    return object().contains(key("weight"));
}

QJsonValue Message::weight() const
{
    return object().value(key("weight"));
}

std::optional<int> Message::weightValue() const
{
    const QJsonValue w = weight();
    if (!w.isDouble())
        return std::nullopt;
    const double d = w.toDouble();
    if (d != double(qint64(d)) || d < -1e9 || d > 1e9)
        return std::nullopt;
    return int(d);
}

void Message::setWeight(std::optional<int> weight)
{
    set(key("weight"), weight ? QJsonValue(*weight) : QJsonValue(QJsonValue::Undefined));
}

bool Message::hasToolCalls() const
{
    return object().contains(key("tool_calls"));
}

QJsonArray Message::toolCalls() const
{
    return object().value(key("tool_calls")).toArray();
}

void Message::setToolCalls(const QJsonArray &toolCalls)
{
    set(key("tool_calls"),
            toolCalls.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(toolCalls));
}

std::optional<QJsonArray> Message::parseToolCalls(const QString &text, QString *error)
{
    if (text.trimmed().isEmpty())
        return QJsonArray();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error = QCoreApplication::translate(
                    "fs::Message", "This is not valid JSON (%1 at character %2).")
                             .arg(parseError.errorString())
                             .arg(parseError.offset + 1);
        return std::nullopt;
    }
    QJsonArray array;
    if (doc.isObject()) {
        // One call typed on its own is accepted as a list of one.
        array.append(doc.object());
    } else {
        array = doc.array();
    }
    for (const QJsonValue &call : std::as_const(array)) {
        if (!call.isObject()) {
            if (error)
                *error = QCoreApplication::translate(
                        "fs::Message", "Each tool call must be an object in curly braces { }.");
            return std::nullopt;
        }
    }
    return array;
}

QString Message::toolCallsText() const
{
    if (!hasToolCalls())
        return {};
    const QJsonValue v = object().value(key("tool_calls"));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Indented));
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Indented));
    return {};
}

bool Message::hasToolCallId() const
{
    return object().contains(key("tool_call_id"));
}

QString Message::toolCallId() const
{
    return object().value(key("tool_call_id")).toString();
}

void Message::setToolCallId(const QString &id)
{
    set(key("tool_call_id"), id.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(id));
}

QStringList Message::unknownKeys() const
{
    QStringList result;
    const QStringList known = knownKeys();
    const QStringList keys = object().keys();
    for (const QString &k : keys) {
        if (!known.contains(k))
            result.append(k);
    }
    return result;
}

} // namespace fs
