// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadjournal.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <algorithm>

namespace fs {

namespace {

const QString kSuffix = QStringLiteral(".upload.json");

} // namespace

int UploadJournalEntry::partCount() const
{
    if (partSize <= 0)
        return 0;
    return int((bytes + partSize - 1) / partSize);
}

qint64 UploadJournalEntry::sentBytes() const
{
    qint64 total = 0;
    for (auto it = sentParts.cbegin(); it != sentParts.cend(); ++it)
        total += std::min(partSize, bytes - qint64(it.key()) * partSize);
    return total;
}

bool UploadJournalEntry::isUsable(qint64 nowSecs) const
{
    return isValid() && expiresAt - UploadJournal::kSafetyMarginSecs > nowSecs;
}

UploadJournal::UploadJournal(const QString &directory)
    : m_directory(directory.isEmpty() ? defaultDirectory() : directory)
{
}

QString UploadJournal::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
            + QStringLiteral("/uploads");
}

QString UploadJournal::fileFor(const UploadJournalEntry &entry) const
{
    // One file per source and server: a new upload of the same bytes replaces the old entry.
    const QByteArray key =
            (entry.resumeKey + QLatin1Char('\n') + entry.server + QLatin1Char('\n') + entry.purpose)
                    .toUtf8();
    return QDir(m_directory)
            .filePath(QString::fromLatin1(
                              QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex())
                    + kSuffix);
}

bool UploadJournal::read(const QString &path, UploadJournalEntry *entry)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QJsonParseError parseError;
    const QJsonObject o = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError)
        return false;
    UploadJournalEntry e;
    e.resumeKey = o.value(QLatin1String("resume_key")).toString();
    e.server = o.value(QLatin1String("server")).toString();
    e.sourcePath = o.value(QLatin1String("source_path")).toString();
    e.sourceDescription = o.value(QLatin1String("source")).toString();
    e.filename = o.value(QLatin1String("filename")).toString();
    e.bytes = qint64(o.value(QLatin1String("bytes")).toDouble());
    e.purpose = o.value(QLatin1String("purpose")).toString();
    e.uploadId = o.value(QLatin1String("upload_id")).toString();
    e.createdAt = qint64(o.value(QLatin1String("created_at")).toDouble());
    e.expiresAt = qint64(o.value(QLatin1String("expires_at")).toDouble());
    e.partSize = qint64(o.value(QLatin1String("part_size")).toDouble());
    const QJsonObject parts = o.value(QLatin1String("parts")).toObject();
    for (auto it = parts.constBegin(); it != parts.constEnd(); ++it) {
        bool ok = false;
        const int index = it.key().toInt(&ok);
        if (ok && index >= 0 && it.value().isString())
            e.sentParts.insert(index, it.value().toString());
    }
    *entry = e;
    return true;
}

bool UploadJournal::find(const QString &resumeKey, const QString &server, const QString &purpose,
        UploadJournalEntry *entry) const
{
    if (resumeKey.isEmpty())
        return false;
    UploadJournalEntry probe;
    probe.resumeKey = resumeKey;
    probe.server = server;
    probe.purpose = purpose;
    UploadJournalEntry found;
    if (!read(fileFor(probe), &found) || found.resumeKey != resumeKey || found.server != server
            || found.purpose != purpose || !found.isValid())
        return false;
    *entry = found;
    return true;
}

bool UploadJournal::save(const UploadJournalEntry &entry, QString *problem) const
{
    if (!QDir().mkpath(m_directory)) {
        if (problem)
            *problem = QStringLiteral("cannot create %1").arg(m_directory);
        return false;
    }
    QJsonObject parts;
    for (auto it = entry.sentParts.cbegin(); it != entry.sentParts.cend(); ++it)
        parts.insert(QString::number(it.key()), it.value());
    const QJsonObject o {{QStringLiteral("version"), 1},
            {QStringLiteral("resume_key"), entry.resumeKey},
            {QStringLiteral("server"), entry.server},
            {QStringLiteral("source_path"), entry.sourcePath},
            {QStringLiteral("source"), entry.sourceDescription},
            {QStringLiteral("filename"), entry.filename}, {QStringLiteral("bytes"), entry.bytes},
            {QStringLiteral("purpose"), entry.purpose},
            {QStringLiteral("upload_id"), entry.uploadId},
            {QStringLiteral("created_at"), entry.createdAt},
            {QStringLiteral("expires_at"), entry.expiresAt},
            {QStringLiteral("part_size"), entry.partSize}, {QStringLiteral("parts"), parts}};
    // Atomic: a crash while writing leaves the previous state, never half a file.
    QSaveFile file(fileFor(entry));
    if (!file.open(QIODevice::WriteOnly)
            || file.write(QJsonDocument(o).toJson(QJsonDocument::Compact)) < 0 || !file.commit()) {
        if (problem)
            *problem = file.errorString();
        return false;
    }
    return true;
}

bool UploadJournal::recordPart(
        UploadJournalEntry *entry, int index, const QString &partId, QString *problem) const
{
    entry->sentParts.insert(index, partId);
    return save(*entry, problem);
}

void UploadJournal::remove(const UploadJournalEntry &entry) const
{
    const QString path = fileFor(entry);
    UploadJournalEntry onDisk;
    // Only when it is still about the same upload: a newer one may have replaced it.
    if (read(path, &onDisk) && !entry.uploadId.isEmpty() && onDisk.uploadId != entry.uploadId)
        return;
    QFile::remove(path);
}

void UploadJournal::removeUpload(const QString &uploadId) const
{
    const QDir dir(m_directory);
    const QStringList names = dir.entryList({QLatin1Char('*') + kSuffix}, QDir::Files);
    for (const QString &name : names) {
        UploadJournalEntry entry;
        if (read(dir.filePath(name), &entry) && entry.uploadId == uploadId)
            QFile::remove(dir.filePath(name));
    }
}

QList<UploadJournalEntry> UploadJournal::entries() const
{
    QList<UploadJournalEntry> list;
    const QDir dir(m_directory);
    const QStringList names = dir.entryList({QLatin1Char('*') + kSuffix}, QDir::Files);
    for (const QString &name : names) {
        UploadJournalEntry entry;
        if (read(dir.filePath(name), &entry) && entry.isValid())
            list.append(entry);
    }
    std::sort(
            list.begin(), list.end(), [](const UploadJournalEntry &a, const UploadJournalEntry &b) {
                return a.createdAt != b.createdAt ? a.createdAt < b.createdAt
                                                  : a.uploadId < b.uploadId;
            });
    return list;
}

QList<UploadJournalEntry> UploadJournal::pendingUploads(const QString &server, qint64 nowSecs) const
{
    prune(nowSecs);
    QList<UploadJournalEntry> list = entries();
    list.erase(std::remove_if(list.begin(), list.end(),
                       [&](const UploadJournalEntry &entry) {
                           return !entry.isUsable(nowSecs)
                                   || (!server.isEmpty() && entry.server != server);
                       }),
            list.end());
    return list;
}

int UploadJournal::prune(qint64 nowSecs) const
{
    int removed = 0;
    const QDir dir(m_directory);
    const QStringList names = dir.entryList({QLatin1Char('*') + kSuffix}, QDir::Files);
    for (const QString &name : names) {
        UploadJournalEntry entry;
        // Unreadable or damaged entries cannot be resumed either.
        if (!read(dir.filePath(name), &entry) || !entry.isUsable(nowSecs)) {
            QFile::remove(dir.filePath(name));
            ++removed;
        }
    }
    return removed;
}

} // namespace fs
