// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"

#include "clicontext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QLocale>
#include <QUrl>

#include <cstdio>

namespace fs::cli {

namespace {

struct NamedVerb
{
    const char *name;
    const Verb *verb;
    const char *summary;
};

const NamedVerb kVerbs[] = {
        {"sandbox", &sandboxVerb,
                QT_TRANSLATE_NOOP("fs::cli", "run the offline sandbox API server")},
        {"files", &filesVerb, QT_TRANSLATE_NOOP("fs::cli", "list, upload or delete files")},
        {"jobs", &jobsVerb,
                QT_TRANSLATE_NOOP("fs::cli", "list, create, watch or cancel fine-tuning jobs")},
        {"models", &modelsVerb, QT_TRANSLATE_NOOP("fs::cli", "list the models of the connection")},
        {"chat", &chatVerb, QT_TRANSLATE_NOOP("fs::cli", "ask a model and stream its answer")},
        {"validate", &validateVerb,
                QT_TRANSLATE_NOOP("fs::cli", "check a training file, count tokens and cost")},
        {"storage", &storageVerb,
                QT_TRANSLATE_NOOP("fs::cli", "list, get, put or send objects in S3/R2 storage")},
        {"compare", &compareVerb,
                QT_TRANSLATE_NOOP("fs::cli", "score models on a validation file with ROUGE")},
        {"capture", &captureVerb,
                QT_TRANSLATE_NOOP("fs::cli", "keep a model's answers to prompts as a dataset")},
        {"deployments", &deploymentsVerb,
                QT_TRANSLATE_NOOP("fs::cli",
                        "list, start or stop deployments of fine-tuned models (Together AI)")},
};

void printGeneralHelp(QTextStream &out)
{
    out << Context::tr("Usage: finetune-studio [VERB] [OPTIONS]") << "\n\n"
        << Context::tr("Without a verb the desktop app starts. Verbs:") << "\n";
    for (const NamedVerb &verb : kVerbs)
        out << "  " << QString::fromLatin1(verb.name).leftJustified(12) << Context::tr(verb.summary)
            << '\n';
    out << '\n'
        << Context::tr(
                   "The connection comes from --base-url URL or OPENAI_BASE_URL, with the key in "
                   "OPENAI_API_KEY, or from a saved connection: --connection NAME.")
        << '\n'
        << Context::tr("For Together AI pass --provider together: the key comes from "
                       "TOGETHER_API_KEY, the address from --base-url (default "
                       "https://api.together.xyz/v1).")
        << '\n'
        << Context::tr("Run 'finetune-studio VERB --help' for a verb's options.") << '\n'
        << Context::tr("To open training files in the app: finetune-studio FILE…") << '\n';
}

} // namespace

bool isCommandLine(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return false;
    const QString first = arguments.at(1);
    if (first == QLatin1String("--help") || first == QLatin1String("-h")
            || first == QLatin1String("--version") || first == QLatin1String("help"))
        return true;
    for (const NamedVerb &verb : kVerbs) {
        if (first == QLatin1String(verb.name))
            return true;
    }
    return false;
}

Launch classify(const QStringList &arguments)
{
    Launch launch;
    if (isCommandLine(arguments)) {
        launch.kind = Launch::Kind::Command;
        return launch;
    }
    // Qt's own options that take a value (QGuiApplication, QApplication, the xcb platform).
    static const QStringList withValue = {QStringLiteral("platform"),
            QStringLiteral("platformpluginpath"), QStringLiteral("platformtheme"),
            QStringLiteral("plugin"), QStringLiteral("qwindowgeometry"),
            QStringLiteral("qwindowicon"), QStringLiteral("qwindowtitle"),
            QStringLiteral("session"), QStringLiteral("style"), QStringLiteral("stylesheet"),
            QStringLiteral("display"), QStringLiteral("geometry"), QStringLiteral("name"),
            QStringLiteral("title"), QStringLiteral("visual"), QStringLiteral("qdevicepixelratio")};
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString argument = arguments.at(i);
        if (argument.startsWith(QLatin1Char('-')) && argument.size() > 1) {
            QString name = argument.mid(argument.startsWith(QLatin1String("--")) ? 2 : 1);
            if (!name.contains(QLatin1Char('=')) && withValue.contains(name))
                ++i; // its value
            continue;
        }
        const QUrl url(argument);
        const QString path = url.isLocalFile() ? url.toLocalFile() : argument;
        if (!QFileInfo(path).isFile()) {
            launch.kind = Launch::Kind::Unknown;
            launch.unknown = argument;
            launch.files.clear();
            return launch;
        }
        launch.files << QFileInfo(path).absoluteFilePath();
    }
    return launch;
}

int reportUnknown(const QString &word)
{
    QTextStream err(stderr);
    err << Context::tr("finetune-studio: unknown command '%1' (and no file of that name).")
                    .arg(word)
        << "\n\n";
    printGeneralHelp(err);
    return ExitUsage;
}

int reportNoWindow()
{
    QTextStream err(stderr);
    err << Context::tr("finetune-studio: this build has no desktop window (it was built without "
                       "the user interface); use one of its commands.")
        << "\n\n";
    printGeneralHelp(err);
    return ExitUsage;
}

int run(const QStringList &arguments)
{
    QTextStream out(stdout);
    const QString first = arguments.value(1);
    if (first == QLatin1String("--version")) {
        out << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion()
            << '\n';
        return ExitOk;
    }
    for (const NamedVerb &verb : kVerbs) {
        if (first != QLatin1String(verb.name))
            continue;
        Context context;
        if (!context.parse(arguments.mid(1), verb.verb->syntax))
            return context.exitCode();
        return verb.verb->run(context);
    }
    printGeneralHelp(out);
    return first == QLatin1String("--help") || first == QLatin1String("-h")
                    || first == QLatin1String("help")
            ? ExitOk
            : ExitUsage;
}

QString formatTime(qint64 unixSeconds)
{
    if (unixSeconds <= 0)
        return QStringLiteral("-");
    return QDateTime::fromSecsSinceEpoch(unixSeconds)
            .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString formatBytes(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

} // namespace fs::cli
