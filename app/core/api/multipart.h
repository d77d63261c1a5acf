// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace fs {

/**
 * @brief Builds a multipart/form-data body in memory (RFC 7578).
 *
 * Built as bytes rather than with QHttpMultiPart so that a retry can send the very same body
 * again and tests can compare it.
 */
class Multipart
{
public:
    /// A random boundary unless one is given (tests pass a fixed one).
    explicit Multipart(const QByteArray &boundary = {});

    void addField(const QString &name, const QString &value);
    void addFile(const QString &name, const QString &filename, const QByteArray &content,
            const QByteArray &contentType = "application/octet-stream");

    QByteArray boundary() const { return m_boundary; }
    /// "multipart/form-data; boundary=…"
    QByteArray contentType() const;
    /// The complete body including the closing delimiter.
    QByteArray body() const;

    /// A MIME type for a file name's extension; application/octet-stream when unknown.
    static QByteArray mimeTypeForFileName(const QString &filename);

private:
    static QByteArray quoted(const QString &text);

    QByteArray m_boundary;
    QByteArray m_parts;
};

} // namespace fs
