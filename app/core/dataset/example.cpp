// SPDX-License-Identifier: GPL-3.0-or-later
#include "example.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace fs {

namespace {

QString k(const char *key)
{
    return QString::fromLatin1(key);
}

void writeString(QByteArray &out, const QString &s)
{
    out.append('"');
    const QByteArray utf8 = s.toUtf8();
    const char *data = utf8.constData();
    const qsizetype n = utf8.size();
    qsizetype run = 0; // start of the bytes not yet copied: copied in bulk, escapes one by one
    for (qsizetype i = 0; i < n; ++i) {
        const char c = data[i];
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(data + run, i - run);
        run = i + 1;
        switch (c) {
        case '"':
            out.append("\\\"", 2);
            break;
        case '\\':
            out.append("\\\\", 2);
            break;
        case '\n':
            out.append("\\n", 2);
            break;
        case '\r':
            out.append("\\r", 2);
            break;
        case '\t':
            out.append("\\t", 2);
            break;
        case '\b':
            out.append("\\b", 2);
            break;
        case '\f':
            out.append("\\f", 2);
            break;
        default: {
            static const char hex[] = "0123456789abcdef";
            const char escaped[6] = {'\\', 'u', '0', '0', hex[u >> 4], hex[u & 0xf]};
            out.append(escaped, 6);
        }
        }
    }
    out.append(data + run, n - run);
    out.append('"');
}

void writeValue(QByteArray &out, const QJsonValue &v);

// Writes an object with `first` keys in that order, then the rest in QJsonObject's order.
// `child` writes the value of a key (so nested message lists keep their own order).
template<typename Child>
void writeObject(QByteArray &out, const QJsonObject &o, const QStringList &first, Child child)
{
    out.append('{');
    bool comma = false;
    auto writeKey = [&](const QString &key, const QJsonValue &value) {
        if (comma)
            out.append(',');
        comma = true;
        writeString(out, key);
        out.append(':');
        child(key, value);
    };
    for (const QString &key : first) {
        const auto it = o.constFind(key);
        if (it != o.constEnd())
            writeKey(key, it.value());
    }
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (!first.contains(it.key()))
            writeKey(it.key(), it.value());
    }
    out.append('}');
}

const QStringList &messageKeyOrder()
{
    static const QStringList order = {
            k("role"), k("name"), k("content"), k("tool_calls"), k("tool_call_id"), k("weight")};
    return order;
}

void writeMessages(QByteArray &out, const QJsonValue &v)
{
    if (!v.isArray()) {
        writeValue(out, v);
        return;
    }
    out.append('[');
    const QJsonArray array = v.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (i)
            out.append(',');
        const QJsonValue m = array.at(i);
        if (m.isObject())
            writeObject(out, m.toObject(), messageKeyOrder(),
                    [&](const QString &, const QJsonValue &value) { writeValue(out, value); });
        else
            writeValue(out, m);
    }
    out.append(']');
}

void writeValue(QByteArray &out, const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        writeString(out, v.toString());
        return;
    case QJsonValue::Object:
        out.append(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
        return;
    case QJsonValue::Array:
        out.append(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
        return;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out.append("null");
        return;
    case QJsonValue::Bool:
        out.append(v.toBool() ? "true" : "false");
        return;
    case QJsonValue::Double: {
        // Qt's number formatting (shortest round trip, integers without ".0").
        const QByteArray a = QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact);
        out.append(a.mid(1, a.size() - 2));
        return;
    }
    }
}

Messages messagesOf(const QJsonValue &v)
{
    Messages result;
    const QJsonArray array = v.toArray();
    result.reserve(array.size());
    for (const QJsonValue &m : array)
        result.append(Message(m));
    return result;
}

QJsonArray arrayOf(const Messages &messages)
{
    QJsonArray array;
    for (const Message &m : messages)
        array.append(m.toJson());
    return array;
}

} // namespace

Example::Example()
    : m_json(QJsonObject {{k("messages"), QJsonArray()}})
{
}

Example Example::fromLine(const QByteArray &line)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    Example e;
    if (error.error != QJsonParseError::NoError) {
        // QJsonDocument only takes objects and arrays at the top: a bare scalar ("text", 42) is
        // valid JSON that is not an object, which the linter reports differently.
        QJsonParseError wrappedError;
        const QJsonDocument wrapped = QJsonDocument::fromJson('[' + line + ']', &wrappedError);
        if (wrappedError.error == QJsonParseError::NoError && wrapped.array().size() == 1)
            return fromJson(wrapped.array().first());
        e.m_format = Format::InvalidJson;
        e.m_json = QJsonValue(QJsonValue::Undefined);
        e.m_invalidLine = line;
        e.m_parseError = error.errorString();
        e.m_parseErrorOffset = error.offset;
        return e;
    }
    if (doc.isArray())
        return fromJson(doc.array());
    return fromJson(doc.object());
}

Example Example::fromJson(const QJsonValue &value)
{
    Example e;
    e.m_json = value;
    e.m_format = detectFormat(value);
    return e;
}

Example Example::chat(const Messages &messages)
{
    Example e;
    e.setMessages(messages);
    return e;
}

Example Example::preference(
        const Messages &input, const Message &preferred, const Message &nonPreferred)
{
    QJsonObject o;
    o.insert(k("input"), QJsonObject {{k("messages"), arrayOf(input)}});
    o.insert(k("preferred_output"), QJsonArray {preferred.toJson()});
    o.insert(k("non_preferred_output"), QJsonArray {nonPreferred.toJson()});
    return fromJson(o);
}

Example::Format Example::detectFormat(const QJsonValue &json)
{
    if (!json.isObject())
        return Format::NotObject;
    const QJsonObject o = json.toObject();
    if (o.contains(k("input")) || o.contains(k("preferred_output"))
            || o.contains(k("non_preferred_output")))
        return Format::Preference;
    if (o.contains(k("messages")))
        return Format::Chat;
    return Format::Other;
}

QJsonObject Example::container() const
{
    if (m_format == Format::Preference)
        return object().value(k("input")).toObject();
    return object();
}

void Example::setContainer(const QJsonObject &container)
{
    if (m_format == Format::InvalidJson || m_format == Format::NotObject)
        return;
    if (m_format == Format::Preference) {
        QJsonObject o = object();
        o.insert(k("input"), container);
        m_json = o;
    } else {
        m_json = container;
        m_format = detectFormat(m_json);
    }
}

Messages Example::messages() const
{
    return messagesOf(container().value(k("messages")));
}

bool Example::hasMessagesArray() const
{
    return container().value(k("messages")).isArray();
}

int Example::messageCount() const
{
    return int(container().value(k("messages")).toArray().size());
}

Message Example::message(int index) const
{
    const QJsonArray array = container().value(k("messages")).toArray();
    if (index < 0 || index >= array.size())
        return Message();
    return Message(array.at(index));
}

void Example::setMessages(const Messages &messages)
{
    if (m_format == Format::InvalidJson || m_format == Format::NotObject)
        return;
    QJsonObject c = container();
    c.insert(k("messages"), arrayOf(messages));
    setContainer(c);
}

void Example::setMessage(int index, const Message &message)
{
    Messages list = messages();
    if (index < 0 || index >= list.size())
        return;
    list[index] = message;
    setMessages(list);
}

void Example::insertMessage(int index, const Message &message)
{
    Messages list = messages();
    if (index < 0 || index > list.size())
        return;
    list.insert(index, message);
    setMessages(list);
}

void Example::removeMessage(int index)
{
    Messages list = messages();
    if (index < 0 || index >= list.size())
        return;
    list.removeAt(index);
    setMessages(list);
}

void Example::moveMessage(int from, int to)
{
    Messages list = messages();
    if (from < 0 || from >= list.size() || to < 0 || to >= list.size() || from == to)
        return;
    list.move(from, to);
    setMessages(list);
}

bool Example::hasTools() const
{
    return container().contains(k("tools"));
}

QJsonArray Example::tools() const
{
    return container().value(k("tools")).toArray();
}

void Example::setTools(const QJsonArray &tools)
{
    QJsonObject c = container();
    if (tools.isEmpty())
        c.remove(k("tools"));
    else
        c.insert(k("tools"), tools);
    setContainer(c);
}

std::optional<bool> Example::parallelToolCalls() const
{
    const QJsonValue v = container().value(k("parallel_tool_calls"));
    if (!v.isBool())
        return std::nullopt;
    return v.toBool();
}

void Example::setParallelToolCalls(std::optional<bool> value)
{
    QJsonObject c = container();
    if (value)
        c.insert(k("parallel_tool_calls"), *value);
    else
        c.remove(k("parallel_tool_calls"));
    setContainer(c);
}

Messages Example::preferredOutput() const
{
    return messagesOf(object().value(k("preferred_output")));
}

Messages Example::nonPreferredOutput() const
{
    return messagesOf(object().value(k("non_preferred_output")));
}

void Example::setPreferredOutput(const Messages &messages)
{
    if (m_format != Format::Preference)
        setFormat(Format::Preference);
    if (m_format != Format::Preference)
        return;
    QJsonObject o = object();
    o.insert(k("preferred_output"), arrayOf(messages));
    m_json = o;
}

void Example::setNonPreferredOutput(const Messages &messages)
{
    if (m_format != Format::Preference)
        setFormat(Format::Preference);
    if (m_format != Format::Preference)
        return;
    QJsonObject o = object();
    o.insert(k("non_preferred_output"), arrayOf(messages));
    m_json = o;
}

void Example::setFormat(Format format)
{
    if (!m_json.isObject() || format == m_format)
        return;
    QJsonObject o = object();
    if (format == Format::Preference) {
        QJsonObject input;
        for (const char *key : {"messages", "tools", "parallel_tool_calls"}) {
            if (o.contains(k(key))) {
                input.insert(k(key), o.value(k(key)));
                o.remove(k(key));
            }
        }
        if (!input.contains(k("messages")))
            input.insert(k("messages"), QJsonArray());
        o.insert(k("input"), input);
        if (!o.contains(k("preferred_output")))
            o.insert(k("preferred_output"), QJsonArray());
        if (!o.contains(k("non_preferred_output")))
            o.insert(k("non_preferred_output"), QJsonArray());
    } else if (format == Format::Chat) {
        const QJsonObject input = o.value(k("input")).toObject();
        o.remove(k("input"));
        o.remove(k("preferred_output"));
        o.remove(k("non_preferred_output"));
        for (auto it = input.constBegin(); it != input.constEnd(); ++it)
            o.insert(it.key(), it.value());
        if (!o.contains(k("messages")))
            o.insert(k("messages"), QJsonArray());
    } else {
        return;
    }
    m_json = o;
    m_format = detectFormat(m_json);
}

QString Example::firstText(const QString &role) const
{
    const QJsonArray array = container().value(k("messages")).toArray();
    for (const QJsonValue &v : array) {
        const QJsonObject m = v.toObject();
        if (m.value(k("role")).toString() == role)
            return Message(m).text();
    }
    return {};
}

QByteArray Example::toLine() const
{
    if (m_format == Format::InvalidJson)
        return m_invalidLine;
    QByteArray out;
    if (!m_json.isObject()) {
        writeValue(out, m_json);
        return out;
    }
    static const QStringList topOrder = {k("messages"), k("input"), k("preferred_output"),
            k("non_preferred_output"), k("tools"), k("parallel_tool_calls")};
    static const QStringList inputOrder = {k("messages"), k("tools"), k("parallel_tool_calls")};
    out.reserve(1024);
    writeObject(out, object(), topOrder, [&](const QString &key, const QJsonValue &value) {
        if (key == QLatin1String("messages") || key == QLatin1String("preferred_output")
                || key == QLatin1String("non_preferred_output")) {
            writeMessages(out, value);
        } else if (key == QLatin1String("input") && value.isObject()) {
            writeObject(out, value.toObject(), inputOrder,
                    [&](const QString &inner, const QJsonValue &innerValue) {
                        if (inner == QLatin1String("messages"))
                            writeMessages(out, innerValue);
                        else
                            writeValue(out, innerValue);
                    });
        } else {
            writeValue(out, value);
        }
    });
    return out;
}

quint8 ExampleSummary::roleFlag(const QString &role)
{
    if (role == QLatin1String("system"))
        return HasSystem;
    if (role == QLatin1String("developer"))
        return HasDeveloper;
    if (role == QLatin1String("user"))
        return HasUser;
    if (role == QLatin1String("assistant"))
        return HasAssistant;
    if (role == QLatin1String("tool"))
        return HasTool;
    return HasOtherRole;
}

ExampleSummary ExampleSummary::of(const Example &example)
{
    ExampleSummary s;
    s.format = example.format();
    if (!example.isValidJson()) {
        s.preview = QString::fromUtf8(example.invalidLine().left(kPreviewLength * 2))
                            .left(kPreviewLength);
        return s;
    }
    const QJsonArray array = example.isPreference()
            ? example.object().value(k("input")).toObject().value(k("messages")).toArray()
            : example.object().value(k("messages")).toArray();
    s.messageCount = quint16(qMin<qsizetype>(array.size(), 65535));
    QString preview;
    bool havePreview = false;
    for (const QJsonValue &v : array) {
        const QJsonObject m = v.toObject();
        const QString role = m.value(k("role")).toString();
        s.roles |= roleFlag(role);
        if (!havePreview && role == QLatin1String("user")) {
            preview = Message(m).text();
            havePreview = true;
        }
    }
    if (example.isPreference()) {
        const qsizetype outputs =
                qMin<qsizetype>(1, example.object().value(k("preferred_output")).toArray().size())
                + qMin<qsizetype>(
                        1, example.object().value(k("non_preferred_output")).toArray().size());
        s.messageCount = quint16(qMin<qsizetype>(s.messageCount + outputs, 65535));
        if (outputs)
            s.roles |= HasAssistant;
    }
    preview = preview.left(kPreviewLength + 1).simplified();
    if (preview.size() > kPreviewLength)
        preview = preview.left(kPreviewLength - 1) + QChar(0x2026);
    s.preview = preview;
    return s;
}

} // namespace fs
