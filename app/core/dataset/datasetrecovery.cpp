// SPDX-License-Identifier: GPL-3.0-or-later
#include "datasetrecovery.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <algorithm>

namespace fs {

QString DatasetRecovery::directory()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(base).filePath(QStringLiteral("recovery"));
}

QString DatasetRecovery::recoveryPathFor(
        const QString &dir, const QString &originalPath, const void *document)
{
    QString key;
    if (originalPath.isEmpty()) {
        key = QStringLiteral("untitled-%1-%2")
                      .arg(QCoreApplication::applicationPid())
                      .arg(quintptr(document), 0, 16);
    } else {
        const QByteArray hash = QCryptographicHash::hash(
                QFileInfo(originalPath).absoluteFilePath().toUtf8(), QCryptographicHash::Sha1);
        key = QFileInfo(originalPath).completeBaseName().left(40) + QLatin1Char('-')
                + QString::fromLatin1(hash.toHex().left(12));
    }
    return QDir(dir).filePath(key + QStringLiteral(".jsonl"));
}

QString DatasetRecovery::sidecarPath(const QString &recoveryPath)
{
    QString p = recoveryPath;
    if (p.endsWith(QLatin1String(".jsonl")))
        p.chop(6);
    return p + QStringLiteral(".json");
}

QList<RecoveryFile> DatasetRecovery::find(const QString &dir)
{
    const QDir d(dir.isEmpty() ? directory() : dir);
    QList<RecoveryFile> result;
    const QFileInfoList files = d.entryInfoList({QStringLiteral("*.jsonl")}, QDir::Files);
    const qint64 ownPid = QCoreApplication::applicationPid();
    for (const QFileInfo &info : files) {
        QFile sidecar(sidecarPath(info.filePath()));
        if (!sidecar.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject meta = QJsonDocument::fromJson(sidecar.readAll()).object();
        const qint64 pid = qint64(meta.value(QLatin1String("pid")).toDouble());
        // Files of this process or of another running instance are not abandoned.
        if (pid == ownPid)
            continue;
#ifdef Q_OS_LINUX
        if (pid > 0 && QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid)))
            continue;
#endif
        RecoveryFile f;
        f.path = info.filePath();
        f.originalPath = meta.value(QLatin1String("originalPath")).toString();
        f.savedAt = QDateTime::fromString(
                meta.value(QLatin1String("savedAt")).toString(), Qt::ISODateWithMs);
        if (!f.savedAt.isValid())
            f.savedAt = info.lastModified();
        f.examples = meta.value(QLatin1String("examples")).toInt();
        result.append(f);
    }
    std::sort(result.begin(), result.end(),
            [](const RecoveryFile &a, const RecoveryFile &b) { return a.savedAt > b.savedAt; });
    return result;
}

bool DatasetRecovery::discard(const RecoveryFile &file)
{
    return discard(file.path);
}

bool DatasetRecovery::discard(const QString &recoveryPath)
{
    if (recoveryPath.isEmpty())
        return false;
    const bool a = QFile::remove(recoveryPath);
    const bool b = QFile::remove(sidecarPath(recoveryPath));
    return a || b;
}

} // namespace fs
