// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <functional>

namespace fs {

/**
 * @brief Where the bytes of an upload come from: a local file, a buffer, an object in a bucket.
 *
 * The Uploader asks for one part at a time (at most a few in flight) so that no source is ever
 * held in memory whole. Reads answer asynchronously; a local file may answer before read()
 * returns.
 */
class UploadSource : public QObject
{
    Q_OBJECT
public:
    using ReadCallback = std::function<void(const QByteArray &data, const QString &error)>;

    using QObject::QObject;

    /// The name the fine-tuning service will show (e.g. "support-bot.jsonl").
    virtual QString filename() const = 0;
    /// The total size in bytes (known before the upload starts).
    virtual qint64 size() const = 0;
    /// Identifies these exact bytes across app restarts, so an interrupted upload is resumed only
    /// for the same content: e.g. "file:/abs/path|size|mtime" or "s3:endpoint/bucket/key|etag".
    /// Empty: never resumed.
    virtual QString resumeKey() const = 0;
    /// Reads [offset, offset + length) and calls `done` once (on `context`'s thread; never after
    /// `context` is destroyed or cancelReads()). `error` is non-empty and plain when it failed.
    virtual void read(qint64 offset, qint64 length, QObject *context, ReadCallback done) = 0;
    /// Drops every read still in flight; their callbacks are not called.
    virtual void cancelReads() { }
};

/// A file on this computer.
class LocalFileSource : public UploadSource
{
    Q_OBJECT
public:
    explicit LocalFileSource(const QString &path, QObject *parent = nullptr);
    ~LocalFileSource() override;

    QString path() const { return m_path; }
    /// False (with a plain reason) when the file cannot be read.
    bool isReadable(QString *problem = nullptr) const;

    QString filename() const override;
    qint64 size() const override;
    QString resumeKey() const override;
    /// Reads on a worker thread; the answer arrives through the event loop.
    void read(qint64 offset, qint64 length, QObject *context, ReadCallback done) override;
    void cancelReads() override;

private:
    QString m_path;
};

/// Bytes already in memory (the open dataset, serialised), uploaded under `filename`.
class BufferSource : public UploadSource
{
    Q_OBJECT
public:
    BufferSource(const QString &filename, const QByteArray &data, QObject *parent = nullptr);

    QString filename() const override { return m_filename; }
    qint64 size() const override { return m_data.size(); }
    QString resumeKey() const override; ///< a hash of the content
    void read(qint64 offset, qint64 length, QObject *context, ReadCallback done) override;
    const QByteArray &data() const { return m_data; }

private:
    QString m_filename;
    QByteArray m_data;
};

} // namespace fs
