// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QList>
#include <QPointer>

namespace fs {

/**
 * @brief A read-only, seekable device that sends a multipart/form-data body made of pieces —
 * bytes and a range of another device — without copying them into one buffer.
 *
 * A 64 MB part or a 500 MB file goes out as it is: the body's head and tail are a few hundred
 * bytes of their own, the content is read (or shared, for a QByteArray) as the network asks.
 * Seekable, so a retry starts again from the beginning.
 */
class MultipartDevice : public QIODevice
{
    Q_OBJECT
public:
    explicit MultipartDevice(QObject *parent = nullptr);

    /// Appends bytes (implicitly shared: no copy is made).
    void appendBytes(const QByteArray &bytes);
    /// Appends `length` bytes of `device` from `offset`; the device must stay open and alive.
    void appendDevice(QIODevice *device, qint64 offset, qint64 length);

    bool isSequential() const override { return false; }
    qint64 size() const override { return m_size; }
    bool seek(qint64 pos) override;
    bool atEnd() const override { return pos() >= m_size; }

    /// The bytes before and after the content of one file field, with `fields` (name, value)
    /// before it, and the request's Content-Type ("multipart/form-data; boundary=…").
    static void frame(const QList<QPair<QString, QString>> &fields, const QString &fileField,
            const QString &filename, const QByteArray &contentType, QByteArray *head,
            QByteArray *tail, QByteArray *requestContentType);

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    struct Piece
    {
        QByteArray bytes;
        QPointer<QIODevice> device;
        qint64 offset = 0;
        qint64 length = 0;
    };
    QList<Piece> m_pieces;
    qint64 m_size = 0;
};

} // namespace fs
