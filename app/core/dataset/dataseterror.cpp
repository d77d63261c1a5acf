// SPDX-License-Identifier: GPL-3.0-or-later
#include "dataseterror.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace fs {

DatasetError DatasetError::make(Kind kind, const QString &path, const QString &detail)
{
    DatasetError e;
    e.kind = kind;
    e.path = path;
    e.detail = detail;
    const QString name = QFileInfo(path).fileName();
    switch (kind) {
    case Kind::None:
        break;
    case Kind::NotFound:
        e.message = QCoreApplication::translate("fs::DatasetError", "The file “%1” does not exist.")
                            .arg(name);
        break;
    case Kind::Unreadable:
        e.message = QCoreApplication::translate("fs::DatasetError",
                "The file “%1” could not be read. Check that you are allowed to open it.")
                            .arg(name);
        break;
    case Kind::NotWritable:
        e.message = QCoreApplication::translate("fs::DatasetError",
                "“%1” could not be saved there: the folder or file is not writable. "
                "Choose another place with Save As.")
                            .arg(name);
        break;
    case Kind::WriteFailed:
        e.message = QCoreApplication::translate("fs::DatasetError",
                "Saving “%1” failed, perhaps because the disk is full. The file on "
                "disk was not changed.")
                            .arg(name);
        break;
    case Kind::Cancelled:
        e.message = QCoreApplication::translate("fs::DatasetError", "Opening “%1” was cancelled.")
                            .arg(name);
        break;
    case Kind::BadFormat:
        e.message = QCoreApplication::translate(
                "fs::DatasetError", "The contents of “%1” could not be understood.")
                            .arg(name);
        break;
    }
    return e;
}

DatasetError DatasetError::notARegularFile(const QString &path)
{
    DatasetError e = make(Kind::Unreadable, path, QStringLiteral("not a regular file"));
    e.message = QCoreApplication::translate("fs::DatasetError",
            "“%1” is not an ordinary file (it is a folder, a device or a pipe), so it cannot be "
            "read as a dataset.")
                        .arg(QFileInfo(path).fileName());
    return e;
}

DatasetError DatasetError::utf16(const QString &path)
{
    DatasetError e = make(Kind::BadFormat, path, QStringLiteral("UTF-16"));
    e.message = QCoreApplication::translate("fs::DatasetError",
            "“%1” is saved as UTF-16, but datasets must be UTF-8. Open it in a text editor and "
            "save it as UTF-8 (Save As, then choose the encoding UTF-8), then open it again.")
                        .arg(QFileInfo(path).fileName());
    return e;
}

bool DatasetError::openForReading(QFile &file, DatasetError *error)
{
    DatasetError result;
    const QFileInfo info(file.fileName());
    if (!info.exists())
        result = make(Kind::NotFound, file.fileName());
    else if (!info.isFile()) // checked before opening: a pipe without a writer would block
        result = notARegularFile(file.fileName());
    else if (!file.open(QIODevice::ReadOnly))
        result = make(Kind::Unreadable, file.fileName(), file.errorString());
    if (error)
        *error = result;
    return result.kind == Kind::None;
}

} // namespace fs
