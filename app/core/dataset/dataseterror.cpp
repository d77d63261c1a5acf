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

bool DatasetError::openForReading(QFile &file, DatasetError *error)
{
    DatasetError result;
    if (!file.exists())
        result = make(Kind::NotFound, file.fileName());
    else if (!file.open(QIODevice::ReadOnly))
        result = make(Kind::Unreadable, file.fileName(), file.errorString());
    if (error)
        *error = result;
    return result.kind == Kind::None;
}

} // namespace fs
