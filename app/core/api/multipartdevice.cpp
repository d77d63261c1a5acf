// SPDX-License-Identifier: GPL-3.0-or-later
#include "multipartdevice.h"

#include "multipart.h"

#include <algorithm>
#include <cstring>

namespace fs {

MultipartDevice::MultipartDevice(QObject *parent)
    : QIODevice(parent)
{
}

void MultipartDevice::appendBytes(const QByteArray &bytes)
{
    Piece piece;
    piece.bytes = bytes;
    piece.length = bytes.size();
    m_pieces.append(piece);
    m_size += piece.length;
}

void MultipartDevice::appendDevice(QIODevice *device, qint64 offset, qint64 length)
{
    Piece piece;
    piece.device = device;
    piece.offset = offset;
    piece.length = length;
    m_pieces.append(piece);
    m_size += length;
}

bool MultipartDevice::seek(qint64 pos)
{
    if (pos < 0 || pos > m_size)
        return false;
    return QIODevice::seek(pos);
}

qint64 MultipartDevice::readData(char *data, qint64 maxSize)
{
    qint64 position = pos();
    qint64 done = 0;
    qint64 start = 0;
    for (const Piece &piece : std::as_const(m_pieces)) {
        if (done >= maxSize)
            break;
        const qint64 end = start + piece.length;
        if (position < end) {
            const qint64 within = position - start;
            const qint64 count = std::min(maxSize - done, piece.length - within);
            if (piece.device) {
                if (!piece.device->seek(piece.offset + within))
                    return done > 0 ? done : -1;
                const qint64 got = piece.device->read(data + done, count);
                if (got <= 0)
                    return done > 0 ? done : -1;
                done += got;
                position += got;
                if (got < count)
                    break; // the rest comes with the next call
            } else if (piece.length > 0) {
                std::memcpy(data + done, piece.bytes.constData() + within, size_t(count));
                done += count;
                position += count;
            }
        }
        start = end;
    }
    return done;
}

void MultipartDevice::frame(const QList<QPair<QString, QString>> &fields, const QString &fileField,
        const QString &filename, const QByteArray &contentType, QByteArray *head, QByteArray *tail,
        QByteArray *requestContentType)
{
    // The in-memory builder writes the head; an empty file part ends with exactly the tail.
    Multipart multipart;
    for (const auto &field : fields)
        multipart.addField(field.first, field.second);
    multipart.addFile(fileField, filename, QByteArray(), contentType);
    const QByteArray all = multipart.body();
    *tail = "\r\n--" + multipart.boundary() + "--\r\n";
    *head = all.left(all.size() - tail->size());
    *requestContentType = multipart.contentType();
}

} // namespace fs
