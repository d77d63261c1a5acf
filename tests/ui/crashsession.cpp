// SPDX-License-Identifier: GPL-3.0-or-later
// The first half of tst_crashrecovery, in a process of its own: a session of the app that opens
// a dataset in the Datasets area, edits example 1 and prints "autosaved" once its work is on
// disk, then waits to be killed. Usage: fs_crashsession FILE TEXT (FS_AUTOSAVE_MS shortens the
// autosave delay).
#include "appidentity.h"
#include "application.h"
#include "datasetarea.h"
#include "datasetdocument.h"

#include <QApplication>
#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    fs::setAppIdentity();
    fs::ui::initResources();
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 3) {
        std::fprintf(stderr, "usage: fs_crashsession FILE TEXT\n");
        return 2;
    }
    fs::ui::DatasetArea area(nullptr);
    fs::DatasetDocument *document = area.document();
    QObject::connect(document, &fs::DatasetDocument::loadFinished, &area,
            [document, text = arguments.at(2)] { document->setMessageText(0, 1, text); });
    QObject::connect(document, &fs::DatasetDocument::autosaved, &area, [](const QString &path) {
        std::printf("autosaved %s\n", qUtf8Printable(path));
        std::fflush(stdout);
    });
    area.resize(1024, 600);
    area.show();
    area.openFile(arguments.at(1));
    return app.exec();
}
