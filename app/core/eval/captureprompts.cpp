// SPDX-License-Identifier: GPL-3.0-or-later
#include "captureprompts.h"

#include "comparisonsession.h"
#include "coretranslate.h"
#include "datasetdocument.h"
#include "dataseterror.h"
#include "example.h"
#include "examplevisit.h"
#include "jsonl.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace fs {

namespace {

const char kSessionType[] = "finetune-studio.comparison-session";

QString tr(const char *text)
{
    return translateInCore("fs::CapturePrompts", text);
}

bool hasUserMessage(const Messages &messages)
{
    return std::any_of(messages.cbegin(), messages.cend(), [](const Message &message) {
        return message.role() == QLatin1String("user") && !message.text().trimmed().isEmpty();
    });
}

void noPromptError(CapturePromptsLoad *load)
{
    if (load->prompts.isEmpty() && load->error.isEmpty())
        load->error = tr("There is no user message to send in %1.").arg(load->source);
}

} // namespace

QByteArray capturePromptKey(const Messages &messages)
{
    QJsonArray array;
    for (const Message &message : messages)
        array.append(message.toJson());
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

std::optional<CapturePrompt> capturePromptFrom(const Example &example, int sourceLine)
{
    if (!example.isChat() && !example.isPreference())
        return std::nullopt;
    Messages messages = example.messages();
    for (qsizetype i = messages.size() - 1; i >= 0; --i) {
        if (messages.at(i).role() == QLatin1String("assistant")) {
            messages = messages.mid(0, i);
            break;
        }
    }
    if (!hasUserMessage(messages))
        return std::nullopt;
    return CapturePrompt {messages, sourceLine};
}

CapturePromptsLoad capturePromptsFromJsonl(const QString &path)
{
    CapturePromptsLoad load;
    load.source = QFileInfo(path).fileName();
    load.error = visitExamples(path, [&load](const Example &example, int sourceLine) {
        keepOrSkip(capturePromptFrom(example, sourceLine), &load.prompts, &load.skipped);
    });
    noPromptError(&load);
    return load;
}

CapturePromptsLoad capturePromptsFrom(const DatasetDocument &document)
{
    CapturePromptsLoad load;
    load.source = document.filePath().isEmpty() ? tr("the open dataset")
                                                : QFileInfo(document.filePath()).fileName();
    visitExamples(document, [&load](const Example &example, int sourceLine) {
        keepOrSkip(capturePromptFrom(example, sourceLine), &load.prompts, &load.skipped);
    });
    noPromptError(&load);
    return load;
}

CapturePromptsLoad capturePromptsFromList(const QString &text, const QString &systemPrompt)
{
    CapturePromptsLoad load;
    load.source = tr("a list of prompts");
    QStringList lines = QString(text)
                                .replace(QLatin1String("\r\n"), QLatin1String("\n"))
                                .split(QLatin1Char('\n'));
    for (QString &line : lines) {
        while (!line.isEmpty() && line.back().isSpace())
            line.chop(1);
    }
    // Blocks when an empty line stands between two prompts (not merely at the ends).
    const auto blank = [](const QString &line) { return line.trimmed().isEmpty(); };
    const auto first = std::find_if_not(lines.cbegin(), lines.cend(), blank);
    const auto last = std::find_if_not(lines.crbegin(), lines.crend(), blank).base();
    const bool blocks = first < last && std::any_of(first, last, blank);
    QString current;
    int startLine = 0;
    const auto flush = [&] {
        if (current.trimmed().isEmpty()) {
            current.clear();
            return;
        }
        Messages messages;
        if (!systemPrompt.trimmed().isEmpty())
            messages << Message(QStringLiteral("system"), systemPrompt);
        messages << Message(QStringLiteral("user"), current);
        load.prompts.append(CapturePrompt {messages, startLine});
        current.clear();
    };
    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (line.trimmed().isEmpty()) {
            flush();
            continue;
        }
        if (!blocks) {
            current = line;
            startLine = i + 1;
            flush();
            continue;
        }
        if (current.isEmpty())
            startLine = i + 1;
        else
            current += QLatin1Char('\n');
        current += line;
    }
    flush();
    if (load.prompts.isEmpty())
        load.error = tr("The list holds no prompt: write one per line, or separate them with an "
                        "empty line.");
    return load;
}

CapturePromptsLoad capturePromptsFromConversation(
        const QString &systemPrompt, const QList<ChatMessage> &history)
{
    CapturePromptsLoad load;
    load.source = tr("the Playground conversation");
    Messages context;
    if (!systemPrompt.trimmed().isEmpty())
        context << Message(QStringLiteral("system"), systemPrompt);
    for (int i = 0; i < history.size(); ++i) {
        const ChatMessage &message = history.at(i);
        context << Message(message.role, message.content);
        if (message.role == QLatin1String("user") && !message.content.trimmed().isEmpty())
            load.prompts.append(CapturePrompt {context, i + 1});
    }
    noPromptError(&load);
    return load;
}

CapturePromptsLoad capturePromptsFromSession(const QJsonObject &session, const QString &model)
{
    if (session.value(QLatin1String("type")).toString() != QLatin1String(kSessionType)) {
        CapturePromptsLoad load;
        load.source = tr("the Playground conversation");
        load.error = tr("This is not a saved Playground comparison.");
        return load;
    }
    const QJsonArray panes = session.value(QLatin1String("panes")).toArray();
    const auto historyOf = [](const QJsonObject &pane) {
        QList<ChatMessage> history;
        for (const QJsonValue &value : pane.value(QLatin1String("history")).toArray()) {
            const QJsonObject m = value.toObject();
            history.append(ChatMessage {m.value(QLatin1String("role")).toString(),
                    m.value(QLatin1String("content")).toString()});
        }
        return history;
    };
    // The pane that talks to the model captured keeps its own answers as context.
    QList<ChatMessage> chosen;
    for (const QJsonValue &value : panes) {
        const QJsonObject pane = value.toObject();
        const QList<ChatMessage> history = historyOf(pane);
        const QString paneModel = pane.value(QLatin1String("target"))
                                          .toObject()
                                          .value(QLatin1String("model"))
                                          .toString();
        if (!model.isEmpty() && paneModel == model && !history.isEmpty()) {
            chosen = history;
            break;
        }
        if (chosen.isEmpty())
            chosen = history;
    }
    return capturePromptsFromConversation(
            session.value(QLatin1String("system_prompt")).toString(), chosen);
}

CapturePromptsLoad capturePromptsFromSession(const ComparisonSession &session, const QString &model)
{
    return capturePromptsFromSession(session.toJson(), model);
}

CapturePromptsLoad loadCapturePrompts(const QString &path, const QString &model)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        CapturePromptsLoad load;
        load.source = QFileInfo(path).fileName();
        load.error = tr("%1 could not be opened: %2").arg(path, file.errorString());
        return load;
    }
    // A saved comparison is one JSON object over many lines; JSONL has one per line.
    const QByteArray head = file.peek(1 << 16);
    const bool text =
            QFileInfo(path).suffix().compare(QLatin1String("txt"), Qt::CaseInsensitive) == 0
            || !head.trimmed().startsWith('{');
    if (!text && head.contains(kSessionType)) {
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
        if (document.isObject()) {
            CapturePromptsLoad load = capturePromptsFromSession(document.object(), model);
            load.source = QFileInfo(path).fileName();
            return load;
        }
    }
    if (text) {
        CapturePromptsLoad load = capturePromptsFromList(QString::fromUtf8(file.readAll()));
        load.source = QFileInfo(path).fileName();
        return load;
    }
    file.close();
    return capturePromptsFromJsonl(path);
}

} // namespace fs
