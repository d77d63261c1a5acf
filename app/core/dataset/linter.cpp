// SPDX-License-Identifier: GPL-3.0-or-later
#include "linter.h"

#include <QLocale>

#include "costestimate.h"
#include "datasetstatistics.h"
#include "example.h"
#include "tokenizer.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

namespace fs {

namespace {

using Severity = LintFinding::Severity;
using Fix = LintFinding::Fix;

/// Where a message sits in an example; decides how findings name it.
enum class Part { Chat, Input, Preferred, NonPreferred };

QString messageLabel(Part part, int indexInPart, int countInPart)
{
    switch (part) {
    case Part::Chat:
        return Linter::tr("Message %1").arg(indexInPart + 1);
    case Part::Input:
        return Linter::tr("Prompt message %1").arg(indexInPart + 1);
    case Part::Preferred:
        return countInPart > 1 ? Linter::tr("Preferred answer message %1").arg(indexInPart + 1)
                               : Linter::tr("The preferred answer");
    case Part::NonPreferred:
        return countInPart > 1 ? Linter::tr("Non-preferred answer message %1").arg(indexInPart + 1)
                               : Linter::tr("The non-preferred answer");
    }
    return {};
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return Linter::tr("empty (null)");
    case QJsonValue::Bool:
        return Linter::tr("true/false");
    case QJsonValue::Double:
        return Linter::tr("a number");
    case QJsonValue::String:
        return Linter::tr("text");
    case QJsonValue::Array:
        return Linter::tr("a list");
    case QJsonValue::Object:
        return Linter::tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return Linter::tr("missing");
}

// Function names as the API accepts them: a-z, A-Z, 0-9, underscores and dashes, at most 64.
bool isValidFunctionName(const QString &name)
{
    if (name.isEmpty() || name.size() > 64)
        return false;
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z')
                || (u >= u'0' && u <= u'9') || u == u'_' || u == u'-';
        if (!ok)
            return false;
    }
    return true;
}

const QStringList &knownRoles()
{
    // `function` is deprecated but still in the training schema; `developer` is valid today.
    static const QStringList roles = {QStringLiteral("system"), QStringLiteral("developer"),
            QStringLiteral("user"), QStringLiteral("assistant"), QStringLiteral("tool"),
            QStringLiteral("function")};
    return roles;
}

QStringList allowedKeys(const QString &role)
{
    if (role == QLatin1String("assistant"))
        return {QStringLiteral("role"), QStringLiteral("content"), QStringLiteral("name"),
                QStringLiteral("weight"), QStringLiteral("tool_calls"),
                QStringLiteral("function_call"), QStringLiteral("refusal")};
    if (role == QLatin1String("tool"))
        return {QStringLiteral("role"), QStringLiteral("content"), QStringLiteral("tool_call_id")};
    return {QStringLiteral("role"), QStringLiteral("content"), QStringLiteral("name")};
}

/// The state of linting one example.
class ExampleChecker
{
public:
    ExampleChecker(int line, ExampleLint *out)
        : m_line(line)
        , m_out(out)
    {
    }

    void add(const QString &code, Severity severity, int messageIndex, const QString &message,
            Fix fix = Fix::None)
    {
        LintFinding finding;
        finding.line = m_line;
        finding.messageIndex = messageIndex;
        finding.severity = severity;
        finding.code = code;
        finding.message = message;
        finding.fix = fix;
        m_out->findings.append(finding);
    }

    void checkChat(const QJsonObject &example);
    void checkPreference(const QJsonObject &example);

private:
    /// One of the two answers of a preference example, by its key.
    struct PreferenceOutput
    {
        const char *key;
        const char *oldKey; ///< the 2025-04 spec's name for it
        Part part;
        const char *code;
    };
    struct Located
    {
        QJsonValue value;
        Part part;
        int index; ///< global message index (see Linter)
        int indexInPart;
        int countInPart;
        QString label() const { return messageLabel(part, indexInPart, countInPart); }
    };

    void checkTools(const QJsonObject &container, const QString &where);
    void checkParallel(const QJsonObject &container);
    /// Checks one message; returns its role when it is a known one (empty otherwise).
    QString checkMessage(const Located &message, bool preference);
    void checkContent(const Located &message, const QJsonObject &object, const QString &role,
            bool preference);
    /// The parts of a content list; true when one of them is text or an image.
    bool checkContentParts(
            const Located &message, const QJsonArray &parts, const QString &role, bool preference);
    void checkToolCalls(const Located &message, const QJsonObject &object);
    void checkFunctionCall(const Located &message, const QJsonObject &object);
    void checkToolAnswer(const Located &message, const QJsonObject &object);
    void checkSpecialTokens(const Located &message, const QJsonObject &object);
    void checkWeight(const Located &message, const QJsonObject &object, const QString &role,
            bool preference);
    void checkConversation(const QList<Located> &messages, bool preference);
    // The parts of checkPreference(): the prompt, then each answer (returned for comparing).
    void checkPreferencePrompt(const QJsonValue &inputValue, QList<Located> &messages);
    QJsonValue checkPreferenceOutput(
            const QJsonObject &example, const PreferenceOutput &output, QList<Located> &messages);

    int m_line;
    ExampleLint *m_out;
    QSet<QString> m_toolNames; ///< functions declared in tools / functions
    bool m_hasToolList = false;
    bool m_parallelCalls = true;
    QSet<QString> m_callIds; ///< tool call ids made so far in the conversation
    QSet<QString> m_answeredIds;
    int m_images = 0;
    bool m_imageInPreference = false;
};

void ExampleChecker::checkTools(const QJsonObject &container, const QString &where)
{
    const QJsonValue tools = container.value(QLatin1String("tools"));
    if (!tools.isUndefined() && !tools.isNull()) {
        m_hasToolList = true;
        if (!tools.isArray()) {
            add(QStringLiteral("tool_call_invalid"), Severity::Error, -1,
                    Linter::tr("The list of tools%1 must be a list, but it is %2.")
                            .arg(where, typeName(tools)));
        } else {
            const QJsonArray array = tools.toArray();
            for (qsizetype i = 0; i < array.size(); ++i) {
                const QJsonObject tool = array.at(i).toObject();
                const QJsonObject function = tool.value(QLatin1String("function")).toObject();
                const QString name = function.value(QLatin1String("name")).toString();
                QString problem;
                if (!array.at(i).isObject())
                    problem = Linter::tr("is not a tool description");
                else if (tool.value(QLatin1String("type")).toString() != QLatin1String("function"))
                    problem = Linter::tr("must have the type “function”");
                else if (!tool.value(QLatin1String("function")).isObject())
                    problem = Linter::tr("does not describe its function");
                else if (!isValidFunctionName(name))
                    problem = Linter::tr("needs a function name made of letters, digits, _ or - "
                                         "(at most 64)");
                else if (function.contains(QLatin1String("parameters"))
                        && !function.value(QLatin1String("parameters")).isObject())
                    problem = Linter::tr("has parameters that are not a JSON schema object");
                else if (m_toolNames.contains(name))
                    problem = Linter::tr("repeats the function name “%1”").arg(name);
                if (!problem.isEmpty()) {
                    add(QStringLiteral("tool_call_invalid"), Severity::Error, -1,
                            Linter::tr("Tool %1%2 %3.").arg(i + 1).arg(where, problem));
                }
                if (!name.isEmpty())
                    m_toolNames.insert(name);
            }
        }
    }
    // The deprecated `functions` list is still accepted; its names count as declared tools.
    const QJsonValue functions = container.value(QLatin1String("functions"));
    if (functions.isArray()) {
        m_hasToolList = true;
        const QJsonArray array = functions.toArray();
        for (const QJsonValue &function : array)
            m_toolNames.insert(function.toObject().value(QLatin1String("name")).toString());
    }
}

void ExampleChecker::checkParallel(const QJsonObject &container)
{
    const QJsonValue parallel = container.value(QLatin1String("parallel_tool_calls"));
    if (parallel.isUndefined())
        return;
    if (!parallel.isBool()) {
        add(QStringLiteral("data_type"), Severity::Error, -1,
                Linter::tr("“parallel_tool_calls” must be true or false, but it is %1.")
                        .arg(typeName(parallel)));
        return;
    }
    m_parallelCalls = parallel.toBool();
}

QString ExampleChecker::checkMessage(const Located &message, bool preference)
{
    const QString label = message.label();
    if (!message.value.isObject()) {
        add(QStringLiteral("data_type"), Severity::Error, message.index,
                Linter::tr("%1 is not a message: it is %2 instead of an object with a role and "
                           "content.")
                        .arg(label, typeName(message.value)));
        return {};
    }
    const QJsonObject object = message.value.toObject();
    const QJsonValue roleValue = object.value(QLatin1String("role"));
    QString role;
    if (roleValue.isUndefined()) {
        add(QStringLiteral("message_missing_key"), Severity::Error, message.index,
                Linter::tr("%1 has no role. Give it one of system, user, assistant or tool.")
                        .arg(label));
    } else if (!roleValue.isString() || !knownRoles().contains(roleValue.toString())) {
        const QString shown = roleValue.isString() ? roleValue.toString() : typeName(roleValue);
        QString hint;
        for (const QString &known : knownRoles()) {
            if (roleValue.isString()
                    && known.compare(roleValue.toString().trimmed(), Qt::CaseInsensitive) == 0)
                hint = Linter::tr(" Did you mean “%1”?").arg(known);
        }
        add(QStringLiteral("unrecognized_role"), Severity::Error, message.index,
                Linter::tr("%1 has the role “%2”, which the service does not know. Use system, "
                           "developer, user, assistant or tool.%3")
                        .arg(label, shown, hint));
    } else {
        role = roleValue.toString();
    }

    if (!role.isEmpty()) {
        const QStringList allowed = allowedKeys(role);
        QStringList unknown;
        for (auto it = object.begin(); it != object.end(); ++it) {
            // weight on the wrong message has its own finding.
            if (!allowed.contains(it.key()) && it.key() != QLatin1String("weight"))
                unknown << it.key();
        }
        if (!unknown.isEmpty()) {
            add(QStringLiteral("message_unrecognized_key"), Severity::Error, message.index,
                    Linter::tr("%1 (%2) has %3 “%4”, which the service does not accept on this "
                               "kind of message. Remove it.")
                            .arg(label, role,
                                    unknown.size() == 1 ? Linter::tr("the field")
                                                        : Linter::tr("the fields"),
                                    unknown.join(QStringLiteral("”, “"))));
        }
        const QJsonValue name = object.value(QLatin1String("name"));
        if (!name.isUndefined() && allowed.contains(QLatin1String("name"))
                && (!name.isString() || name.toString().isEmpty())) {
            add(QStringLiteral("data_type"), Severity::Error, message.index,
                    Linter::tr("%1 has a name that is not text (it is %2).")
                            .arg(label, typeName(name)));
        }
    }

    checkWeight(message, object, role, preference);
    checkContent(message, object, role, preference);
    if (role == QLatin1String("assistant")) {
        checkToolCalls(message, object);
        checkFunctionCall(message, object);
    } else if (role == QLatin1String("tool")) {
        checkToolAnswer(message, object);
    }
    checkSpecialTokens(message, object);
    return role;
}

void ExampleChecker::checkWeight(
        const Located &message, const QJsonObject &object, const QString &role, bool preference)
{
    const QJsonValue weight = object.value(QLatin1String("weight"));
    if (weight.isUndefined())
        return;
    const QString label = message.label();
    if (preference) {
        add(QStringLiteral("invalid_weight"), Severity::Error, message.index,
                Linter::tr("%1 has a weight, which preference (DPO) examples do not use. Remove "
                           "it.")
                        .arg(label),
                Fix::FixWeight);
        return;
    }
    if (role != QLatin1String("assistant")) {
        if (role.isEmpty())
            return; // the missing or unknown role is the problem to fix first
        add(QStringLiteral("invalid_weight"), Severity::Error, message.index,
                Linter::tr("%1 (%2) has a weight, but only assistant messages can have one. "
                           "Remove it.")
                        .arg(label, role),
                Fix::FixWeight);
        return;
    }
    if (weight.isDouble() && (weight.toDouble() == 0.0 || weight.toDouble() == 1.0))
        return;
    const QString shown = weight.isString()
            ? QStringLiteral("“%1”").arg(weight.toString())
            : QString::fromUtf8(QJsonDocument(QJsonArray {weight}).toJson(QJsonDocument::Compact))
                      .mid(1)
                      .chopped(1);
    add(QStringLiteral("invalid_weight"), Severity::Error, message.index,
            Linter::tr("%1 has the weight %2. A weight must be 1 (learn from this answer) or 0 "
                       "(skip it).")
                    .arg(label, shown),
            Fix::FixWeight);
}

void ExampleChecker::checkContent(
        const Located &message, const QJsonObject &object, const QString &role, bool preference)
{
    const QString label = message.label();
    const bool hasCalls = role == QLatin1String("assistant")
            && (object.contains(QLatin1String("tool_calls"))
                    || object.contains(QLatin1String("function_call")));
    const QJsonValue content = object.value(QLatin1String("content"));
    // Drop-the-message is the obvious fix only for the last message of a conversation.
    const bool isLast = message.indexInPart == message.countInPart - 1;
    const Fix dropFix = (isLast && message.part == Part::Chat && message.countInPart > 1)
            ? Fix::DropEmptyTrailingMessage
            : Fix::None;
    const auto empty = [&] {
        add(QStringLiteral("missing_content"), Severity::Error, message.index,
                Linter::tr("%1 is empty. Write the text of the message or delete it.").arg(label),
                dropFix);
    };
    if (content.isUndefined()) {
        if (!hasCalls)
            add(QStringLiteral("message_missing_key"), Severity::Error, message.index,
                    Linter::tr("%1 has no content. Write the text of the message.").arg(label),
                    dropFix);
    } else if (content.isNull() || content.isString()) {
        if (!hasCalls && content.toString().trimmed().isEmpty())
            empty();
    } else if (!content.isArray()) {
        add(QStringLiteral("missing_content"), Severity::Error, message.index,
                Linter::tr("%1 has no usable text: its content is %2, but it must be text.")
                        .arg(label, typeName(content)));
    } else if (!checkContentParts(message, content.toArray(), role, preference) && !hasCalls) {
        empty();
    }
}

bool ExampleChecker::checkContentParts(
        const Located &message, const QJsonArray &parts, const QString &role, bool preference)
{
    const QString label = message.label();
    bool anyText = false;
    bool anyImage = false;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QJsonObject part = parts.at(i).toObject();
        const QString type = part.value(QLatin1String("type")).toString();
        QString problem;
        if (!parts.at(i).isObject()) {
            problem =
                    Linter::tr("is %1 instead of a text or image part").arg(typeName(parts.at(i)));
        } else if (type == QLatin1String("text")) {
            if (!part.value(QLatin1String("text")).isString())
                problem = Linter::tr("has no text");
            else if (!part.value(QLatin1String("text")).toString().trimmed().isEmpty())
                anyText = true;
        } else if (type == QLatin1String("image_url")) {
            anyImage = true;
            ++m_images;
            const QJsonValue url = part.value(QLatin1String("image_url"));
            if (preference) {
                m_imageInPreference = true;
            } else if (role != QLatin1String("user")) {
                problem = Linter::tr("is an image, but only user messages can contain images");
            } else if (!url.isObject()
                    || url.toObject().value(QLatin1String("url")).toString().isEmpty()) {
                problem = Linter::tr("is an image without an address (image_url.url)");
            }
        } else {
            problem = Linter::tr("has the type “%1”; training data can only contain text and "
                                 "images")
                              .arg(type);
        }
        if (!problem.isEmpty()) {
            add(QStringLiteral("data_type"), Severity::Error, message.index,
                    Linter::tr("Part %1 of %2 %3.").arg(i + 1).arg(label.toLower(), problem));
        }
    }
    return anyText || anyImage;
}

void ExampleChecker::checkToolCalls(const Located &message, const QJsonObject &object)
{
    const QJsonValue value = object.value(QLatin1String("tool_calls"));
    if (value.isUndefined())
        return;
    const QString label = message.label();
    auto problem = [&](const QString &text) {
        add(QStringLiteral("tool_call_invalid"), Severity::Error, message.index, text);
    };
    if (!value.isArray() || value.toArray().isEmpty()) {
        problem(Linter::tr("%1 has “tool_calls” that are not a list of calls. Remove the field or "
                           "add the calls.")
                        .arg(label));
        return;
    }
    const QJsonArray calls = value.toArray();
    if (calls.size() > 1 && !m_parallelCalls) {
        add(QStringLiteral("tool_call_invalid"), Severity::Warning, message.index,
                Linter::tr("%1 calls %2 tools at once, but this example turns parallel tool calls "
                           "off.")
                        .arg(label)
                        .arg(calls.size()));
    }
    for (qsizetype i = 0; i < calls.size(); ++i) {
        const QString which = calls.size() > 1
                ? Linter::tr("Tool call %1 of %2").arg(i + 1).arg(label.toLower())
                : Linter::tr("The tool call of %1").arg(label.toLower());
        const QJsonObject call = calls.at(i).toObject();
        const QJsonValue id = call.value(QLatin1String("id"));
        const QJsonObject function = call.value(QLatin1String("function")).toObject();
        const QString name = function.value(QLatin1String("name")).toString();
        const QJsonValue arguments = function.value(QLatin1String("arguments"));
        if (!calls.at(i).isObject()) {
            problem(Linter::tr("%1 is not a call (it is %2).").arg(which, typeName(calls.at(i))));
            continue;
        }
        if (!id.isString() || id.toString().isEmpty()) {
            problem(Linter::tr("%1 has no id. Tool answers refer to their call by its id.")
                            .arg(which));
        } else if (m_callIds.contains(id.toString())) {
            problem(Linter::tr("%1 uses the id “%2” a second time. Each call needs its own id.")
                            .arg(which, id.toString()));
        } else {
            m_callIds.insert(id.toString());
        }
        if (call.value(QLatin1String("type")).toString() != QLatin1String("function")) {
            problem(Linter::tr("%1 must have the type “function”.").arg(which));
        }
        if (!call.value(QLatin1String("function")).isObject()) {
            problem(Linter::tr("%1 does not say which function it calls.").arg(which));
            continue;
        }
        if (name.isEmpty()) {
            problem(Linter::tr("%1 has no function name.").arg(which));
        } else if (m_hasToolList && !m_toolNames.contains(name)) {
            add(QStringLiteral("tool_call_invalid"), Severity::Warning, message.index,
                    Linter::tr("%1 calls “%2”, which is not in this example's list of tools.")
                            .arg(which, name));
        }
        if (!arguments.isString()) {
            problem(Linter::tr("%1 has arguments that are not written as JSON text (they are %2).")
                            .arg(which, typeName(arguments)));
        } else {
            QJsonParseError error;
            QJsonDocument::fromJson(arguments.toString().toUtf8(), &error);
            if (error.error != QJsonParseError::NoError) {
                problem(Linter::tr("%1 has arguments that are not valid JSON (%2 at character "
                                   "%3).")
                                .arg(which, error.errorString())
                                .arg(error.offset + 1));
            }
        }
    }
}

void ExampleChecker::checkFunctionCall(const Located &message, const QJsonObject &object)
{
    const QJsonValue value = object.value(QLatin1String("function_call"));
    if (value.isUndefined())
        return;
    const QJsonObject call = value.toObject();
    const QJsonValue arguments = call.value(QLatin1String("arguments"));
    QString problem;
    if (!value.isObject() || call.value(QLatin1String("name")).toString().isEmpty()) {
        problem = Linter::tr("%1 has a function call without a function name.");
    } else if (!arguments.isString()) {
        problem = Linter::tr("%1 has a function call whose arguments are not JSON text.");
    } else {
        QJsonParseError error;
        QJsonDocument::fromJson(arguments.toString().toUtf8(), &error);
        if (error.error != QJsonParseError::NoError)
            problem = Linter::tr("%1 has a function call whose arguments are not valid JSON.");
    }
    if (!problem.isEmpty()) {
        add(QStringLiteral("tool_call_invalid"), Severity::Error, message.index,
                problem.arg(message.label()));
    }
}

void ExampleChecker::checkToolAnswer(const Located &message, const QJsonObject &object)
{
    const QString label = message.label();
    const QJsonValue id = object.value(QLatin1String("tool_call_id"));
    if (id.isUndefined()) {
        add(QStringLiteral("message_missing_key"), Severity::Error, message.index,
                Linter::tr("%1 is a tool answer without “tool_call_id”: say which call it "
                           "answers.")
                        .arg(label));
        return;
    }
    if (!id.isString() || !m_callIds.contains(id.toString())) {
        add(QStringLiteral("tool_call_invalid"), Severity::Error, message.index,
                Linter::tr("%1 answers the tool call “%2”, but no earlier assistant message made "
                           "a call with that id.")
                        .arg(label, id.isString() ? id.toString() : typeName(id)));
        return;
    }
    if (m_answeredIds.contains(id.toString())) {
        add(QStringLiteral("tool_call_invalid"), Severity::Error, message.index,
                Linter::tr("%1 answers the tool call “%2” a second time.")
                        .arg(label, id.toString()));
        return;
    }
    m_answeredIds.insert(id.toString());
}

void ExampleChecker::checkSpecialTokens(const Located &message, const QJsonObject &object)
{
    QStringList found;
    auto scan = [&found](const QString &text) {
        if (!text.contains(QLatin1String("<|")))
            return;
        for (const QString &token : Linter::findReservedTokens(text)) {
            if (!found.contains(token))
                found << token;
        }
    };
    const QJsonValue content = object.value(QLatin1String("content"));
    if (content.isString()) {
        scan(content.toString());
    } else if (content.isArray()) {
        const QJsonArray parts = content.toArray();
        for (const QJsonValue &part : parts)
            scan(part.toObject().value(QLatin1String("text")).toString());
    }
    const QJsonArray calls = object.value(QLatin1String("tool_calls")).toArray();
    for (const QJsonValue &call : calls) {
        scan(call.toObject()
                        .value(QLatin1String("function"))
                        .toObject()
                        .value(QLatin1String("arguments"))
                        .toString());
    }
    if (found.isEmpty())
        return;
    add(QStringLiteral("special_token"), Severity::Error, message.index,
            Linter::tr("%1 contains %2, reserved by the service for its own use; a file with it "
                       "is refused (“invalid token”). Remove it.")
                    .arg(message.label(), found.join(QStringLiteral(", "))),
            Fix::RemoveSpecialToken);
}

void ExampleChecker::checkConversation(const QList<Located> &messages, bool preference)
{
    bool system = false;
    bool user = false;
    bool assistant = false;
    for (const Located &message : messages) {
        const QString role = checkMessage(message, preference);
        if (role == QLatin1String("system") || role == QLatin1String("developer"))
            system = system || message.part == Part::Chat || message.part == Part::Input;
        else if (role == QLatin1String("user"))
            user = user || message.part == Part::Chat || message.part == Part::Input;
        else if (role == QLatin1String("assistant"))
            assistant = true;
    }
    if (!preference && !messages.isEmpty() && !assistant) {
        add(QStringLiteral("example_missing_assistant_message"), Severity::Error, -1,
                Linter::tr("This example has no assistant message, so there is no answer to learn "
                           "from. Add the answer you want."));
    }
    if (!system) {
        add(QStringLiteral("missing_system"), Severity::Warning, -1,
                Linter::tr("This example has no system message. Examples usually start with the "
                           "same instructions the model will get when you use it."));
    }
    if (!user) {
        add(QStringLiteral("missing_user"), Severity::Warning, -1,
                Linter::tr("This example has no user message, so the answer has no question to "
                           "learn from."));
    }
    if (m_images > 10) {
        add(QStringLiteral("data_type"), Severity::Error, -1,
                Linter::tr("This example has %1 images; the service accepts at most 10 per "
                           "example.")
                        .arg(m_images));
    }
}

void ExampleChecker::checkChat(const QJsonObject &example)
{
    m_out->format = ExampleFormat::Chat;
    if (example.contains(QLatin1String("input"))
            || example.contains(QLatin1String("preferred_output"))
            || example.contains(QLatin1String("non_preferred_output"))) {
        add(QStringLiteral("mixed_formats"), Severity::Error, -1,
                Linter::tr("This example mixes the two formats: it has “messages” (a chat) and "
                           "also preference (DPO) fields. Keep one of them."));
    }
    checkParallel(example);
    checkTools(example, QString());
    const QJsonValue value = example.value(QLatin1String("messages"));
    if (!value.isArray() || value.toArray().isEmpty()) {
        QString text;
        if (value.isUndefined() && example.contains(QLatin1String("prompt"))
                && example.contains(QLatin1String("completion")))
            text = Linter::tr("This example is in the old prompt/completion format, which chat "
                              "models do not accept. It needs a list of messages.");
        else if (value.isUndefined())
            text = Linter::tr("This example has no list of messages (“messages”).");
        else if (!value.isArray())
            text = Linter::tr("The messages of this example are %1 instead of a list.")
                           .arg(typeName(value));
        else
            text = Linter::tr("This example has no messages. Add at least a user message and the "
                              "assistant's answer.");
        add(QStringLiteral("missing_messages_list"), Severity::Error, -1, text);
        return;
    }
    const QJsonArray array = value.toArray();
    QList<Located> messages;
    messages.reserve(array.size());
    const int count = int(array.size());
    for (int i = 0; i < count; ++i)
        messages.append({array.at(i), Part::Chat, i, i, count});
    m_out->messageCount = count;
    checkConversation(messages, false);
}

void ExampleChecker::checkPreference(const QJsonObject &example)
{
    m_out->format = ExampleFormat::Preference;
    QList<Located> messages;
    checkPreferencePrompt(example.value(QLatin1String("input")), messages);
    // The docs' names; the 2025-04 spec's *_completion names are a likely mix-up.
    const PreferenceOutput outputs[] = {
            {"preferred_output", "preferred_completion", Part::Preferred,
                    "dpo_missing_preferred_output"},
            {"non_preferred_output", "non_preferred_completion", Part::NonPreferred,
                    "dpo_missing_non_preferred_output"},
    };
    const QJsonValue preferred = checkPreferenceOutput(example, outputs[0], messages);
    const QJsonValue nonPreferred = checkPreferenceOutput(example, outputs[1], messages);
    m_out->messageCount = int(messages.size());
    checkConversation(messages, true);
    if (m_imageInPreference) {
        add(QStringLiteral("dpo_text_only"), Severity::Error, -1,
                Linter::tr("This preference example contains images. Preference (DPO) training "
                           "takes text only."));
    }
    if (preferred.isObject() && nonPreferred.isObject()) {
        const QJsonObject a = preferred.toObject();
        const QJsonObject b = nonPreferred.toObject();
        if (a.value(QLatin1String("content")) == b.value(QLatin1String("content"))
                && a.value(QLatin1String("tool_calls")) == b.value(QLatin1String("tool_calls"))) {
            add(QStringLiteral("dpo_identical_outputs"), Severity::Warning, -1,
                    Linter::tr("The preferred and the non-preferred answers are the same, so "
                               "there is nothing to prefer. Change one of them."));
        }
    }
}

void ExampleChecker::checkPreferencePrompt(const QJsonValue &inputValue, QList<Located> &messages)
{
    if (!inputValue.isObject()) {
        add(QStringLiteral("dpo_missing_input"), Severity::Error, -1,
                inputValue.isUndefined()
                        ? Linter::tr("This preference example has no prompt (“input”).")
                        : Linter::tr("The prompt (“input”) of this preference example is %1 "
                                     "instead of an object with messages.")
                                  .arg(typeName(inputValue)));
        return;
    }
    const QJsonObject input = inputValue.toObject();
    checkParallel(input);
    checkTools(input, Linter::tr(" of the prompt"));
    const QJsonValue list = input.value(QLatin1String("messages"));
    if (!list.isArray() || list.toArray().isEmpty()) {
        add(QStringLiteral("dpo_missing_input"), Severity::Error, -1,
                Linter::tr("The prompt (“input”) of this preference example has no messages. "
                           "Add at least the user's question."));
    } else {
        const QJsonArray array = list.toArray();
        const int promptCount = int(array.size());
        for (int i = 0; i < promptCount; ++i)
            messages.append({array.at(i), Part::Input, i, i, promptCount});
        const QJsonObject last = array.last().toObject();
        if (last.value(QLatin1String("role")).toString() == QLatin1String("assistant")) {
            add(QStringLiteral("dpo_input_ends_with_assistant"), Severity::Error, promptCount - 1,
                    Linter::tr("The prompt ends with an assistant message. In a preference "
                               "example the two answers are the assistant's last turn, so "
                               "the prompt must end with the user."));
        }
    }
}

QJsonValue ExampleChecker::checkPreferenceOutput(
        const QJsonObject &example, const PreferenceOutput &output, QList<Located> &messages)
{
    const QJsonValue value = example.value(QLatin1String(output.key));
    const QString which = output.part == Part::Preferred ? Linter::tr("preferred answer")
                                                         : Linter::tr("non-preferred answer");
    if (!value.isArray() || value.toArray().isEmpty()) {
        QString text;
        if (value.isUndefined() && example.contains(QLatin1String(output.oldKey)))
            text = Linter::tr("This preference example names its %1 “%2”; the service "
                              "expects “%3”. Rename the field.")
                           .arg(which, QLatin1String(output.oldKey), QLatin1String(output.key));
        else
            text = Linter::tr("This preference example has no %1 (“%2”).")
                           .arg(which, QLatin1String(output.key));
        add(QLatin1String(output.code), Severity::Error, -1, text);
        return {};
    }
    const QJsonArray array = value.toArray();
    const int count = int(array.size());
    const int first = int(messages.size());
    for (int i = 0; i < count; ++i)
        messages.append({array.at(i), output.part, first + i, i, count});
    const QString role = array.first().toObject().value(QLatin1String("role")).toString();
    if (count != 1 || role != QLatin1String("assistant")) {
        add(QStringLiteral("dpo_output_not_single_assistant"), Severity::Error, first,
                count != 1 ? Linter::tr("The %1 has %2 messages; it must be exactly one "
                                        "assistant message.")
                                     .arg(which)
                                     .arg(count)
                           : Linter::tr("The %1 has the role “%2”; it must be an assistant "
                                        "message.")
                                     .arg(which, role));
    }
    return array.first();
}

// ---- reserved tokens -------------------------------------------------------------------------

const QSet<QStringView> &reservedNames()
{
    // Between "<|" and "|>". o200k_base: endoftext, endofprompt. cl100k_base adds the fill-in-
    // the-middle tokens. ChatML (im_*) and OpenAI's harmony chat format (start … call) are the
    // chat models' own markers; the service refuses text containing any of them.
    static const QSet<QStringView> names = {u"endoftext", u"endofprompt", u"fim_prefix",
            u"fim_middle", u"fim_suffix", u"im_start", u"im_end", u"im_sep", u"startoftext",
            u"return", u"constrain", u"channel", u"start", u"end", u"message", u"call"};
    return names;
}

bool isReservedName(QStringView name)
{
    if (reservedNames().contains(name))
        return true;
    // <|reserved_200013|> etc.: the unnamed slots of o200k's special range.
    if (name.startsWith(u"reserved_") && name.size() > 9) {
        for (const QChar c : name.mid(9)) {
            if (!c.isDigit())
                return false;
        }
        return true;
    }
    return false;
}

/// Calls `visit(start, length)` for every reserved token in text.
template<typename Visit>
void forEachReservedToken(QStringView text, Visit visit)
{
    qsizetype pos = 0;
    while ((pos = text.indexOf(u"<|", pos)) >= 0) {
        const qsizetype end = text.indexOf(u"|>", pos + 2);
        if (end < 0)
            return;
        if (end - pos - 2 <= 24 && isReservedName(text.mid(pos + 2, end - pos - 2))) {
            visit(pos, end + 2 - pos);
            pos = end + 2;
        } else {
            pos += 2;
        }
    }
}

} // namespace

Linter::Linter(const LintOptions &options)
    : m_options(options)
    , m_tokenLimit(options.tokenLimit > 0 ? options.tokenLimit : trainingLimit(options.model))
    , m_encoding(Tokenizer::encodingForModel(options.model))
{
}

ExampleLint Linter::lintLine(QByteArrayView line, int lineNumber, QJsonObject *parsed) const
{
    if (isOverlong(line)) {
        ExampleLint result;
        result.findings.append(overlongFinding(lineNumber, line.size()));
        return result;
    }
    if (lineNumber == 1 && line.startsWith("\xEF\xBB\xBF"))
        line = line.sliced(3);
    if (line.startsWith("\xEF\xBB\xBF")) {
        // Qt's parser skips a byte-order mark, the service's does not.
        ExampleLint result;
        LintFinding finding;
        finding.line = lineNumber;
        finding.code = QStringLiteral("invalid_json");
        finding.message = tr("This line starts with an invisible byte-order mark, which makes it "
                             "unreadable for the service. Delete the line's first character.");
        result.findings.append(finding);
        return result;
    }
    QJsonParseError error;
    const QJsonDocument document =
            QJsonDocument::fromJson(QByteArray::fromRawData(line.data(), line.size()), &error);
    // Qt's parser takes only objects and arrays: a lone string or number is JSON all the same.
    const bool scalar = error.error != QJsonParseError::NoError
            && QJsonDocument::fromJson(QByteArray("[" + line.toByteArray() + "]")).array().size()
                    == 1;
    if (error.error != QJsonParseError::NoError && !scalar) {
        ExampleLint result;
        LintFinding finding;
        finding.line = lineNumber;
        finding.code = QStringLiteral("invalid_json");
        finding.message = tr("This line is not valid JSON (%1 at character %2). Each line must be "
                             "one complete example.")
                                  .arg(error.errorString())
                                  .arg(error.offset + 1);
        result.findings.append(finding);
        return result;
    }
    if (!document.isObject()) {
        ExampleLint result;
        LintFinding finding;
        finding.line = lineNumber;
        finding.code = QStringLiteral("data_type");
        finding.message = tr("This line is %1, not an example. Each line must be one JSON object "
                             "like {\"messages\": […]}.")
                                  .arg(document.isArray() ? tr("a list") : tr("a single value"));
        result.findings.append(finding);
        return result;
    }
    const QJsonObject object = document.object();
    ExampleLint result = lintExample(object, lineNumber);
    if (parsed)
        *parsed = object;
    if (containsNulEscape(line)) {
        // Qt reads \u0000 as a character; the service refuses the file.
        LintFinding finding;
        finding.line = lineNumber;
        finding.code = QStringLiteral("nul_character");
        finding.message = tr("This example contains a NUL character (written \\u0000), which "
                             "the service refuses. Remove it.");
        result.findings.prepend(finding);
    }
    return result;
}

ExampleLint Linter::lintExample(const QJsonObject &example, int lineNumber) const
{
    ExampleLint result;
    result.parsed = true;
    const QByteArray canonical = QJsonDocument(example).toJson(QJsonDocument::Compact);
    result.digest = quint64(qHash(QByteArrayView(canonical), size_t(0x5eed)));
    if (result.digest == 0)
        result.digest = 1;
    ExampleChecker checker(lineNumber, &result);
    const bool preference = !example.contains(QLatin1String("messages"))
            && (example.contains(QLatin1String("input"))
                    || example.contains(QLatin1String("preferred_output"))
                    || example.contains(QLatin1String("non_preferred_output"))
                    || example.contains(QLatin1String("preferred_completion"))
                    || example.contains(QLatin1String("non_preferred_completion")));
    if (preference)
        checker.checkPreference(example);
    else
        checker.checkChat(example);
    if (!example.contains(QLatin1String("messages")) && !preference)
        result.format = ExampleFormat::Unknown;
    if (m_options.countTokens)
        checkLength(example, lineNumber, &result);
    return result;
}

void Linter::checkLength(const QJsonObject &example, int lineNumber, ExampleLint *result) const
{
    // The same count as the statistics panel, so the editor, the panel and `validate` agree.
    const ExampleTokens tokens =
            countExampleTokens(Example::fromJson(example), Tokenizer::instance(m_encoding));
    result->tokens = tokens.tokens;
    result->assistantTokens = tokens.assistantTokens;
    if (m_tokenLimit <= 0 || tokens.tokens <= m_tokenLimit)
        return;
    LintFinding finding;
    finding.line = lineNumber;
    finding.severity = LintFinding::Severity::Warning;
    finding.code = QStringLiteral("example_too_long");
    finding.message = tr("This example has %L1 tokens, more than the %L2 that %3 trains on. The "
                         "service cuts it at the end, so the last part is lost.")
                              .arg(tokens.tokens)
                              .arg(m_tokenLimit)
                              .arg(m_options.model);
    result->findings.append(finding);
}

LintFinding Linter::bomFinding()
{
    LintFinding finding;
    finding.line = 1;
    finding.code = QStringLiteral("bom");
    finding.message = tr("The file starts with an invisible byte-order mark. The service then "
                         "reads line 1 as broken (“Line 1 is not a dictionary”). Remove it.");
    finding.fix = LintFinding::Fix::RemoveBom;
    return finding;
}

LintFinding Linter::utf16Finding()
{
    LintFinding finding;
    finding.line = 1;
    finding.code = QStringLiteral("utf16");
    finding.message = tr("This file is saved as UTF-16, but the service reads only UTF-8. Save "
                         "it as UTF-8 (in most editors: Save As, then choose the encoding "
                         "UTF-8) and check it again.");
    return finding;
}

bool Linter::looksLikeUtf16(QByteArrayView start)
{
    if (start.startsWith("\xFF\xFE") || start.startsWith("\xFE\xFF"))
        return true;
    // ASCII in UTF-16: every other byte is zero ("{\0\"\0" or "\0{\0\"").
    const qsizetype n = std::min<qsizetype>(start.size(), 64) & ~qsizetype(1);
    if (n < 4)
        return false;
    int evenZeros = 0;
    int oddZeros = 0;
    for (qsizetype i = 0; i < n; i += 2) {
        evenZeros += start.at(i) == '\0';
        oddZeros += start.at(i + 1) == '\0';
    }
    const int pairs = int(n / 2);
    return (oddZeros * 4 >= pairs * 3 && evenZeros == 0)
            || (evenZeros * 4 >= pairs * 3 && oddZeros == 0);
}

bool Linter::isOverlong(QByteArrayView line)
{
    if (line.size() <= kMaxExampleTextBytes)
        return false;
    // Subtract base64 payloads ("data:image/png;base64,…" up to the closing quote).
    const QByteArray text = QByteArray::fromRawData(line.data(), line.size());
    qint64 textBytes = line.size();
    qsizetype from = 0;
    for (;;) {
        const qsizetype at = text.indexOf(";base64,", from);
        if (at < 0)
            break;
        const qsizetype end = text.indexOf('"', at);
        if (end < 0)
            break;
        textBytes -= end - at;
        from = end;
    }
    return textBytes > kMaxExampleTextBytes;
}

LintFinding Linter::overlongFinding(int line, qint64 bytes)
{
    LintFinding finding;
    finding.line = line;
    finding.code = QStringLiteral("line_too_long");
    finding.message =
            tr("This line is %1 long, far more than the service accepts for one example "
               "(about 128,000 tokens, a few hundred kB of text), so it was not checked "
               "further. Shorten it or split it into several examples.")
                    .arg(QLocale().formattedDataSize(bytes, 0, QLocale::DataSizeSIFormat));
    return finding;
}

bool Linter::containsNulEscape(QByteArrayView json)
{
    const QByteArray text = QByteArray::fromRawData(json.data(), json.size());
    qsizetype from = 0;
    for (;;) {
        const qsizetype at = text.indexOf("u0000", from);
        if (at < 0)
            return false;
        // A real escape: preceded by an odd number of backslashes.
        qsizetype backslashes = 0;
        for (qsizetype i = at - 1; i >= 0 && json.at(i) == '\\'; --i)
            ++backslashes;
        if (backslashes % 2 == 1)
            return true;
        from = at + 5;
    }
}

LintFindings Linter::countFindings(int exampleCount)
{
    if (exampleCount >= kMinimumExamples)
        return {};
    LintFinding finding;
    finding.line = 0;
    finding.code = QStringLiteral("too_few_examples");
    // Spelled out rather than %n: without an English catalogue "(s)" would show.
    finding.message = exampleCount == 1
            ? tr("The file has 1 example. The service needs at least 10, and 50 to 100 well-made "
                 "examples usually give better results.")
            : tr("The file has %1 examples. The service needs at least 10, and 50 to 100 "
                 "well-made examples usually give better results.")
                      .arg(exampleCount);
    return {finding};
}

QStringList Linter::reservedTokens()
{
    QStringList tokens;
    for (const QStringView name : reservedNames())
        tokens << QStringLiteral("<|") + name.toString() + QStringLiteral("|>");
    tokens.sort();
    tokens << QStringLiteral("<|reserved_200000|>");
    return tokens;
}

QStringList Linter::findReservedTokens(QStringView text)
{
    QStringList found;
    forEachReservedToken(text, [&](qsizetype start, qsizetype length) {
        const QString token = text.mid(start, length).toString();
        if (!found.contains(token))
            found << token;
    });
    return found;
}

QString Linter::removeReservedTokens(QStringView text)
{
    QString result;
    result.reserve(text.size());
    qsizetype copied = 0;
    forEachReservedToken(text, [&](qsizetype start, qsizetype length) {
        result += text.mid(copied, start - copied);
        copied = start + length;
    });
    result += text.mid(copied);
    return result;
}

int Linter::trainingLimit(const QString &model)
{
    return trainingTokenLimit(model);
}

bool Linter::isBlank(const QJsonValue &content)
{
    if (content.isUndefined() || content.isNull())
        return true;
    if (content.isString())
        return content.toString().trimmed().isEmpty();
    if (content.isArray()) {
        const QJsonArray parts = content.toArray();
        for (const QJsonValue &part : parts) {
            const QJsonObject object = part.toObject();
            if (object.value(QLatin1String("type")).toString() != QLatin1String("text")
                    || !object.value(QLatin1String("text")).toString().trimmed().isEmpty())
                return false;
        }
        return true;
    }
    return false;
}

} // namespace fs
