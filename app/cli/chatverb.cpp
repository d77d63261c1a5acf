// SPDX-License-Identifier: GPL-3.0-or-later
// `finetune-studio chat --model M PROMPT`: streams the answer to stdout.
#include "clicontext.h"
#include "streamprinter.h"

#include <QCoreApplication>

namespace fs::cli {

namespace {

const VerbSyntax kSyntax = {
        QT_TRANSLATE_NOOP("fs::cli", "Asks a model and streams its answer."),
        {
                {"model", QT_TRANSLATE_NOOP("fs::cli", "The model to ask."), "model"},
                {"system", QT_TRANSLATE_NOOP("fs::cli", "A system prompt."), "text"},
                {"temperature", QT_TRANSLATE_NOOP("fs::cli", "Sampling temperature, 0 to 2."), "t"},
                {"no-stream",
                        QT_TRANSLATE_NOOP(
                                "fs::cli", "Wait for the whole answer instead of streaming it.")},
        },
        "prompt",
        QT_TRANSLATE_NOOP("fs::cli", "What to ask."),
};

int runVerb(Context &context)
{
    const QCommandLineParser &parser = context.parser();
    const QString prompt = parser.positionalArguments().join(QLatin1Char(' '));
    ChatRequest request;
    request.model = parser.value(QStringLiteral("model"));
    if (request.model.isEmpty() || prompt.trimmed().isEmpty()) {
        context.err() << Context::tr("usage: finetune-studio chat --model MODEL PROMPT") << '\n';
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("temperature"))) {
        bool ok = false;
        const double temperature = parser.value(QStringLiteral("temperature")).toDouble(&ok);
        if (!ok || temperature < 0 || temperature > 2) {
            context.err() << Context::tr("error: --temperature takes a number from 0 to 2.")
                          << '\n';
            return ExitUsage;
        }
        request.temperature = temperature;
    }
    if (parser.isSet(QStringLiteral("system")))
        request.messages.append({QStringLiteral("system"), parser.value(QStringLiteral("system"))});
    request.messages.append({QStringLiteral("user"), prompt});
    if (!context.connect())
        return ExitFailure;
    if (!reachModel(context, &request.model))
        return ExitFailure;

    if (context.json() || parser.isSet(QStringLiteral("no-stream"))) {
        const std::optional<ChatCompletion> completion = context.call<ChatCompletion>(
                [&context, &request](auto done) { return context.provider().chat(request, done); });
        if (!completion)
            return context.failureCode();
        if (context.json())
            context.printJson(context.lastBody());
        else
            context.out() << completion->content << '\n';
        return ExitOk;
    }

    ApiError refused;
    ChatStream *stream = context.provider().streamChat(request, &refused);
    if (!stream) {
        context.printError(refused);
        return ExitUsage;
    }
    context.out().flush();
    StreamPrinter printer;
    QObject::connect(stream, &ChatStream::delta, stream,
            [&printer](const QString &text) { printer.print(text.toUtf8()); });
    const bool ok = context.wait(stream);
    printer.print("\n");
    printer.finish();
    return ok ? ExitOk : ExitFailure;
}

} // namespace

const Verb chatVerb = {kSyntax, runVerb};

} // namespace fs::cli
