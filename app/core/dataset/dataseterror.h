// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QFile;

namespace fs {

/// What went wrong reading or writing a dataset file, as a value.
struct DatasetError
{
    enum class Kind {
        None,
        NotFound, ///< the file does not exist
        Unreadable, ///< it exists but cannot be opened or read
        NotWritable, ///< the folder or file cannot be written (permissions, read-only)
        WriteFailed, ///< writing or committing failed (e.g. the disk is full)
        Cancelled, ///< the user cancelled (background loading)
        BadFormat, ///< an import source could not be understood at all
    };

    Kind kind = Kind::None;
    QString path;
    QString message; ///< plain words for people (translated)
    QString detail; ///< the system's own text, for logs

    bool isError() const { return kind != Kind::None; }

    /// An error with a plain message chosen from the kind (translated).
    static DatasetError make(Kind kind, const QString &path, const QString &detail = {});
    /// "… is not an ordinary file …": a folder, a device (/dev/zero) or a pipe (Kind::Unreadable).
    static DatasetError notARegularFile(const QString &path);
    /// "… is saved as UTF-16 …; save it as UTF-8" (Kind::BadFormat): refused rather than read
    /// as one broken line after another.
    static DatasetError utf16(const QString &path);
    /// Opens `file` for reading; on failure says why (not found, not a regular file — devices and
    /// pipes are refused before opening, so nothing blocks —, or unreadable with the system's
    /// reason) and returns false.
    static bool openForReading(QFile &file, DatasetError *error);
};

} // namespace fs
