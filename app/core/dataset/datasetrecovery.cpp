// SPDX-License-Identifier: GPL-3.0-or-later
#include "datasetrecovery.h"

#include "jsonl.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMutex>
#include <QSet>
#include <QStandardPaths>
#include <QUuid>
#include <algorithm>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#endif

namespace fs {

namespace {

QString lockPath(const QString &dir, const QString &session)
{
    return QDir(dir).filePath(QStringLiteral("session-%1.lock").arg(session));
}

/// Sidecars written before sessions existed name a process id only.
bool isProcessAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    if (pid == QCoreApplication::applicationPid())
        return true;
#ifdef Q_OS_LINUX
    // A killed process nobody has reaped yet still has a /proc entry: a zombie ('Z') is dead.
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    const char state = close >= 0 && close + 2 < line.size() ? line.at(close + 2) : 'X';
    return state != 'Z' && state != 'X';
#else
    return false;
#endif
}

QString resolved(const QString &path)
{
    return path.isEmpty() ? path : QFileInfo(path).absoluteFilePath();
}

} // namespace

QString DatasetRecovery::directory()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(base).filePath(QStringLiteral("recovery"));
}

QString DatasetRecovery::sessionId()
{
    static const QString id = QUuid::createUuid().toString(QUuid::Id128).left(16);
    return id;
}

bool DatasetRecovery::claimSession(const QString &dir)
{
    static QMutex mutex;
    static QSet<QString> claimed;
    const QMutexLocker locker(&mutex);
    const QString key = QDir(dir).absolutePath();
    if (claimed.contains(key))
        return true;
    if (!QDir().mkpath(key))
        return false;
    const QString path = lockPath(key, sessionId());
#ifdef Q_OS_UNIX
    // Kept open (and locked) until the process ends; the system then releases the lock.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return false;
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return false;
    }
    const QByteArray pid = QByteArray::number(QCoreApplication::applicationPid()) + '\n';
    if (::write(fd, pid.constData(), size_t(pid.size())) < 0) {
        // The lock is what counts; the process id is only for people looking at the folder.
    }
#else
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
#endif
    claimed.insert(key);
    return true;
}

bool DatasetRecovery::isSessionAlive(const QString &dir, const QString &session)
{
    if (session == sessionId())
        return true;
    const QString path = lockPath(dir, session);
    if (!QFileInfo::exists(path))
        return false;
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool locked = ::flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
    ::close(fd); // also releases the lock if we took it
    return locked;
#else
    return true;
#endif
}

QString DatasetRecovery::recoveryPathFor(
        const QString &dir, const QString &originalPath, const void *document)
{
    QString key;
    if (originalPath.isEmpty()) {
        key = QStringLiteral("untitled-%1-%2").arg(sessionId()).arg(quintptr(document), 0, 16);
    } else {
        const QByteArray hash =
                QCryptographicHash::hash(resolved(originalPath).toUtf8(), QCryptographicHash::Sha1);
        key = QFileInfo(originalPath).completeBaseName().left(40) + QLatin1Char('-')
                + QString::fromLatin1(hash.toHex().left(12)) + QLatin1Char('-') + sessionId();
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

QByteArray DatasetRecovery::sidecarFor(const QString &originalPath, int examples)
{
    const QJsonObject meta {{QStringLiteral("originalPath"), resolved(originalPath)},
            {QStringLiteral("savedAt"),
                    QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
            {QStringLiteral("examples"), examples}, {QStringLiteral("session"), sessionId()},
            {QStringLiteral("pid"), QCoreApplication::applicationPid()}};
    return QJsonDocument(meta).toJson(QJsonDocument::Compact);
}

QList<RecoveryFile> DatasetRecovery::find(const QString &dir)
{
    const QDir d(dir.isEmpty() ? directory() : dir);
    QList<RecoveryFile> result;
    QSet<QString> referenced;
    const QFileInfoList files = d.entryInfoList({QStringLiteral("*.jsonl")}, QDir::Files);
    for (const QFileInfo &info : files) {
        QFile sidecar(sidecarPath(info.filePath()));
        if (!sidecar.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject meta = QJsonDocument::fromJson(sidecar.readAll()).object();
        const QString session = meta.value(QLatin1String("session")).toString();
        referenced.insert(session);
        // Files of this session or of another running one are not abandoned.
        const bool alive = session.isEmpty()
                ? isProcessAlive(qint64(meta.value(QLatin1String("pid")).toDouble()))
                : isSessionAlive(d.path(), session);
        if (alive)
            continue;
        RecoveryFile f;
        f.path = info.filePath();
        f.originalPath = meta.value(QLatin1String("originalPath")).toString();
        f.savedAt = QDateTime::fromString(
                meta.value(QLatin1String("savedAt")).toString(), Qt::ISODateWithMs);
        if (!f.savedAt.isValid())
            f.savedAt = info.lastModified();
        f.examples = meta.value(QLatin1String("examples")).toInt();
        f.session = session;
        result.append(f);
    }
    // Locks of ended sessions with nothing left to recover are litter.
    const QFileInfoList locks = d.entryInfoList({QStringLiteral("session-*.lock")}, QDir::Files);
    for (const QFileInfo &info : locks) {
        const QString session = info.completeBaseName().mid(8);
        if (!referenced.contains(session) && !isSessionAlive(d.path(), session))
            QFile::remove(info.filePath());
    }
    std::sort(result.begin(), result.end(),
            [](const RecoveryFile &a, const RecoveryFile &b) { return a.savedAt > b.savedAt; });
    return result;
}

std::optional<RecoveryFile> DatasetRecovery::findFor(
        const QString &originalPath, const QString &dir)
{
    const QString wanted = resolved(originalPath);
    if (wanted.isEmpty())
        return std::nullopt;
    for (const RecoveryFile &file : find(dir)) {
        if (resolved(file.originalPath) == wanted)
            return file;
    }
    return std::nullopt;
}

RecoveryDiff DatasetRecovery::compare(const RecoveryFile &file)
{
    RecoveryDiff diff;
    DatasetError error;
    const JsonlContents recovered = JsonlReader::readFile(file.path, &error);
    JsonlContents original;
    if (!file.originalPath.isEmpty() && QFileInfo::exists(file.originalPath)) {
        DatasetError originalError;
        original = JsonlReader::readFile(file.originalPath, &originalError);
        diff.hasOriginal = !originalError.isError();
    }
    // Examples found unchanged anywhere in the saved file (moves don't count as changes).
    QHash<QByteArray, QList<int>> saved;
    for (int i = int(original.records.size()) - 1; i >= 0; --i)
        saved[original.records.at(i).line.trimmed()].append(i);
    const int recoveredCount = int(recovered.records.size());
    const int originalCount = int(original.records.size());
    QList<int> matchOf(recoveredCount, -1); // recovered row -> saved row
    QList<bool> originalMatched(originalCount, false);
    for (int row = 0; row < recoveredCount; ++row) {
        auto it = saved.find(recovered.records.at(row).line.trimmed());
        if (it != saved.end() && !it->isEmpty()) {
            matchOf[row] = it->takeLast();
            originalMatched[matchOf.at(row)] = true;
            ++diff.unchanged;
        }
    }
    // Unchanged examples in the same order anchor the comparison; between two anchors, the
    // k-th new example stands for the k-th vanished one (an edit in place) and the rest were
    // added or deleted there.
    QList<std::pair<int, int>> anchors {{-1, -1}};
    for (int row = 0; row < recoveredCount; ++row) {
        if (matchOf.at(row) > anchors.last().second)
            anchors.append({row, matchOf.at(row)});
    }
    anchors.append({recoveredCount, originalCount});
    QList<RecoveryDiff::Entry> removed;
    auto add = [](QList<RecoveryDiff::Entry> &list, RecoveryDiff::Kind kind, int row,
                       const JsonlContents &contents) {
        if (list.size() < RecoveryDiff::kMaxEntries)
            list.append({kind, row, contents.summaries.value(row).preview});
    };
    for (qsizetype a = 0; a + 1 < anchors.size(); ++a) {
        QList<int> fresh;
        for (int row = anchors.at(a).first + 1; row < anchors.at(a + 1).first; ++row) {
            if (matchOf.at(row) < 0)
                fresh.append(row);
        }
        QList<int> gone;
        for (int row = anchors.at(a).second + 1; row < anchors.at(a + 1).second; ++row) {
            if (!originalMatched.at(row))
                gone.append(row);
        }
        const int pairs = int(qMin(fresh.size(), gone.size()));
        diff.changed += pairs;
        diff.added += int(fresh.size()) - pairs;
        diff.removed += int(gone.size()) - pairs;
        for (int k = 0; k < fresh.size(); ++k)
            add(diff.entries, k < pairs ? RecoveryDiff::Kind::Changed : RecoveryDiff::Kind::Added,
                    fresh.at(k), recovered);
        for (int k = pairs; k < gone.size(); ++k)
            add(removed, RecoveryDiff::Kind::Removed, gone.at(k), original);
    }
    diff.entries += removed.mid(0, RecoveryDiff::kMaxEntries - diff.entries.size());
    return diff;
}

QString DatasetRecovery::summary(const RecoveryDiff &diff)
{
    // Singular and plural spelled out: English has no plural catalogue to fill in "%n".
    const QLocale locale;
    if (!diff.hasOriginal)
        return diff.added == 1
                ? tr("1 example not saved in any file.")
                : tr("%1 examples not saved in any file.").arg(locale.toString(diff.added));
    if (diff.isEmpty())
        return tr("The examples are the same as in the saved file.");
    QStringList parts;
    if (diff.changed > 0)
        parts << (diff.changed == 1 ? tr("1 example changed")
                                    : tr("%1 examples changed").arg(locale.toString(diff.changed)));
    if (diff.added > 0) {
        if (!parts.isEmpty())
            parts << tr("%1 added").arg(locale.toString(diff.added));
        else
            parts << (diff.added == 1 ? tr("1 example added")
                                      : tr("%1 examples added").arg(locale.toString(diff.added)));
    }
    if (diff.removed > 0) {
        if (!parts.isEmpty())
            parts << tr("%1 deleted").arg(locale.toString(diff.removed));
        else
            parts << (diff.removed == 1
                            ? tr("1 example deleted")
                            : tr("%1 examples deleted").arg(locale.toString(diff.removed)));
    }
    return parts.join(tr(", ")) + tr(".");
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
