// SPDX-License-Identifier: GPL-3.0-or-later
#include "multipart.h"

#include <QRandomGenerator>

namespace fs {

Multipart::Multipart(const QByteArray &boundary)
    : m_boundary(boundary)
{
    if (m_boundary.isEmpty()) {
        // Random so that it cannot occur inside uploaded content by accident.
        QByteArray random(24, Qt::Uninitialized);
        QRandomGenerator::global()->generate(random.begin(), random.end());
        m_boundary = "----FinetuneStudio" + random.toHex();
    }
}

QByteArray Multipart::quoted(const QString &text)
{
    // As browsers do (WHATWG form encoding): escape what would end the quoted string or line.
    QByteArray bytes = text.toUtf8();
    bytes.replace('\r', "%0D");
    bytes.replace('\n', "%0A");
    bytes.replace('"', "%22");
    return '"' + bytes + '"';
}

void Multipart::addField(const QString &name, const QString &value)
{
    m_parts += "--" + m_boundary + "\r\n";
    m_parts += "Content-Disposition: form-data; name=" + quoted(name) + "\r\n\r\n";
    m_parts += value.toUtf8();
    m_parts += "\r\n";
}

void Multipart::addFile(const QString &name, const QString &filename, const QByteArray &content,
        const QByteArray &contentType)
{
    m_parts += "--" + m_boundary + "\r\n";
    m_parts += "Content-Disposition: form-data; name=" + quoted(name)
            + "; filename=" + quoted(filename) + "\r\n";
    m_parts += "Content-Type: " + contentType + "\r\n\r\n";
    m_parts += content;
    m_parts += "\r\n";
}

QByteArray Multipart::contentType() const
{
    return "multipart/form-data; boundary=" + m_boundary;
}

QByteArray Multipart::body() const
{
    return m_parts + "--" + m_boundary + "--\r\n";
}

QByteArray Multipart::mimeTypeForFileName(const QString &filename)
{
    if (!filename.contains(QLatin1Char('.')))
        return "application/octet-stream";
    const QString suffix = filename.section(QLatin1Char('.'), -1).toLower();
    if (suffix == QLatin1String("jsonl"))
        return "application/jsonl";
    if (suffix == QLatin1String("json"))
        return "application/json";
    if (suffix == QLatin1String("csv"))
        return "text/csv";
    if (suffix == QLatin1String("txt"))
        return "text/plain";
    if (suffix == QLatin1String("pdf"))
        return "application/pdf";
    if (suffix == QLatin1String("png"))
        return "image/png";
    if (suffix == QLatin1String("jpg") || suffix == QLatin1String("jpeg"))
        return "image/jpeg";
    if (suffix == QLatin1String("webp"))
        return "image/webp";
    if (suffix == QLatin1String("gif"))
        return "image/gif";
    return "application/octet-stream";
}

} // namespace fs
