// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadsource.h"

#include "workpool.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QThreadPool>
#include <atomic>
#include <memory>

namespace fs {

namespace {

/// Shared with the pool threads: a read whose generation is stale was cancelled.
struct ReadGeneration
{
    std::atomic<quint64> value {0};
};

QHash<const LocalFileSource *, std::shared_ptr<ReadGeneration>> &generations()
{
    // One counter per source without changing the class layout others compile against.
    static QHash<const LocalFileSource *, std::shared_ptr<ReadGeneration>> map;
    return map;
}

std::shared_ptr<ReadGeneration> generationOf(const LocalFileSource *source)
{
    auto &map = generations();
    auto it = map.find(source);
    if (it == map.end())
        it = map.insert(source, std::make_shared<ReadGeneration>());
    return it.value();
}

} // namespace

// ---- LocalFileSource -----------------------------------------------------------------------

LocalFileSource::LocalFileSource(const QString &path, QObject *parent)
    : UploadSource(parent)
    , m_path(QFileInfo(path).absoluteFilePath())
{
}

LocalFileSource::~LocalFileSource()
{
    cancelReads();
    generations().remove(this);
}

bool LocalFileSource::isReadable(QString *problem) const
{
    const QFileInfo info(m_path);
    QString reason;
    if (!info.exists())
        reason = QCoreApplication::translate("fs::UploadSource", "The file %1 does not exist.")
                         .arg(QDir::toNativeSeparators(m_path));
    else if (info.isDir())
        reason = QCoreApplication::translate("fs::UploadSource", "%1 is a folder, not a file.")
                         .arg(QDir::toNativeSeparators(m_path));
    else {
        QFile file(m_path);
        if (!file.open(QIODevice::ReadOnly))
            reason = QCoreApplication::translate(
                    "fs::UploadSource", "The file %1 cannot be read: %2")
                             .arg(QDir::toNativeSeparators(m_path), file.errorString());
    }
    if (problem)
        *problem = reason;
    return reason.isEmpty();
}

QString LocalFileSource::filename() const
{
    return QFileInfo(m_path).fileName();
}

qint64 LocalFileSource::size() const
{
    return QFileInfo(m_path).size();
}

QString LocalFileSource::resumeKey() const
{
    const QFileInfo info(m_path);
    if (!info.exists())
        return {};
    // Size and modification time stand for the content: hashing gigabytes up front would
    // delay every upload by the time it takes to read the file once more.
    return QStringLiteral("file:%1|%2|%3")
            .arg(m_path)
            .arg(info.size())
            .arg(info.lastModified().toMSecsSinceEpoch());
}

void LocalFileSource::read(qint64 offset, qint64 length, QObject *context, ReadCallback done)
{
    const std::shared_ptr<ReadGeneration> generation = generationOf(this);
    const quint64 expected = generation->value.load();
    const QString path = m_path;
    QPointer<QObject> guard(context);
    // Off the GUI thread: reading 64 MB from a slow disk takes long enough to freeze a window.
    workPool()->start([=]() {
        QByteArray data;
        QString error;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            error = QCoreApplication::translate(
                    "fs::UploadSource", "The file %1 cannot be read: %2")
                            .arg(QDir::toNativeSeparators(path), file.errorString());
        } else if (!file.seek(offset)) {
            error = QCoreApplication::translate("fs::UploadSource",
                    "The file %1 is shorter than expected: it changed during the upload.")
                            .arg(QDir::toNativeSeparators(path));
        } else {
            data = file.read(length);
            if (data.size() != length)
                error = QCoreApplication::translate("fs::UploadSource",
                        "The file %1 is shorter than expected: it changed during the upload.")
                                .arg(QDir::toNativeSeparators(path));
        }
        if (generation->value.load() != expected)
            return;
        // Delivered through the application object, which outlives everything: `guard` is
        // only looked at on the GUI thread, where the context lives.
        QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [guard, generation, expected, done, data, error]() {
                    if (guard && generation->value.load() == expected)
                        done(data, error);
                },
                Qt::QueuedConnection);
    });
}

void LocalFileSource::cancelReads()
{
    generationOf(this)->value.fetch_add(1);
}

// ---- BufferSource --------------------------------------------------------------------------

BufferSource::BufferSource(const QString &filename, const QByteArray &data, QObject *parent)
    : UploadSource(parent)
    , m_filename(filename)
    , m_data(data)
{
}

QString BufferSource::resumeKey() const
{
    return QStringLiteral("sha256:")
            + QString::fromLatin1(
                    QCryptographicHash::hash(m_data, QCryptographicHash::Sha256).toHex())
            + QLatin1Char('|') + m_filename;
}

void BufferSource::read(qint64 offset, qint64 length, QObject *context, ReadCallback done)
{
    Q_UNUSED(context)
    if (offset < 0 || length < 0 || offset + length > m_data.size()) {
        done({}, QCoreApplication::translate("fs::UploadSource", "The data to upload changed."));
        return;
    }
    done(m_data.mid(offset, length), {});
}

} // namespace fs
