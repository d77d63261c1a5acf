// SPDX-License-Identifier: GPL-3.0-or-later
// Thin entry point: command-line verbs without a GUI, the desktop app otherwise (with the
// files named on the command line).
#include "appidentity.h"
#include "application.h"
#include "cli.h"
#include "logredaction.h"

#include <QApplication>
#include <QCoreApplication>
#include <QStringList>

int main(int argc, char *argv[])
{
    // Before anything can log: keys never reach a log line, whatever QT_LOGGING_RULES enables
    // (the app, every verb and the sandbox run in this process).
    fs::installRedactingMessageHandler();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    const fs::cli::Launch launch = fs::cli::classify(arguments);
    if (launch.kind != fs::cli::Launch::Kind::Gui) {
        QCoreApplication app(argc, argv);
        fs::setAppIdentity();
        if (launch.kind == fs::cli::Launch::Kind::Unknown)
            return fs::cli::reportUnknown(launch.unknown);
        return fs::cli::run(arguments);
    }

    QApplication app(argc, argv);
    fs::setAppIdentity();
    fs::ui::installTranslators(app);
    return fs::ui::runGui(app, launch.files);
}
