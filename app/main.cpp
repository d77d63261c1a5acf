// SPDX-License-Identifier: GPL-3.0-or-later
// Thin entry point: command-line verbs without a GUI, the desktop app otherwise.
#include "application.h"
#include "cli.h"

#include <QApplication>
#include <QCoreApplication>
#include <QStringList>

namespace {

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("FinetuneStudio"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("finetune.studio"));
    QCoreApplication::setApplicationName(QStringLiteral("finetune-studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FS_VERSION));
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    if (fs::cli::isCommandLine(arguments)) {
        QCoreApplication app(argc, argv);
        setIdentity();
        return fs::cli::run(arguments);
    }

    QApplication app(argc, argv);
    setIdentity();
    fs::ui::installTranslators(app);
    return fs::ui::runGui(app);
}
