// SPDX-License-Identifier: GPL-3.0-or-later
// Thin entry point: command-line verbs without a GUI, the desktop app otherwise (with the
// files named on the command line). A build without the UI (-DFS_BUILD_UI=OFF) serves the
// verbs only.
#include "appidentity.h"
#include "cli.h"
#include "englishplurals.h"
#include "logredaction.h"

#include <QCoreApplication>
#include <QStringList>

#ifdef FS_HAVE_UI
#include "application.h"

#include <QApplication>
#endif

int main(int argc, char *argv[])
{
    // Before anything can log: keys never reach a log line, whatever QT_LOGGING_RULES enables
    // (the app, every verb and the sandbox run in this process).
    fs::installRedactingMessageHandler();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    const fs::cli::Launch launch = fs::cli::classify(arguments);
#ifdef FS_HAVE_UI
    if (launch.kind == fs::cli::Launch::Kind::Gui) {
        QApplication app(argc, argv);
        fs::setAppIdentity();
        fs::EnglishPlurals::install(); // before the catalogues, which answer first
        fs::ui::installTranslators(app);
        return fs::ui::runGui(app, launch.files);
    }
#endif
    QCoreApplication app(argc, argv);
    fs::setAppIdentity();
    fs::EnglishPlurals::install();
    if (launch.kind == fs::cli::Launch::Kind::Unknown)
        return fs::cli::reportUnknown(launch.unknown);
#ifndef FS_HAVE_UI
    if (launch.kind == fs::cli::Launch::Kind::Gui)
        return fs::cli::reportNoWindow();
#endif
    return fs::cli::run(arguments);
}
