// SPDX-License-Identifier: GPL-3.0-or-later
#include "multipart.h"

namespace fs::sandbox {

namespace {

QByteArray boundaryOf(const QByteArray &contentType)
{
    const QList<QByteArray> params = contentType.split(';');
    if (params.isEmpty() || params.first().trimmed().toLower() != "multipart/form-data")
        return {};
    for (qsizetype i = 1; i < params.size(); ++i) {
        const QByteArray param = params.at(i).trimmed();
        const qsizetype eq = param.indexOf('=');
        if (eq < 0 || param.left(eq).trimmed().toLower() != "boundary")
            continue;
        QByteArray value = param.mid(eq + 1).trimmed();
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.mid(1, value.size() - 2);
        return value;
    }
    return {};
}

// Reads `key="value"` (or unquoted) from a Content-Disposition header.
bool dispositionParam(const QByteArray &disposition, const QByteArray &key, QByteArray *value)
{
    qsizetype pos = 0;
    while (pos < disposition.size()) {
        qsizetype semi = pos;
        bool quoted = false;
        while (semi < disposition.size() && (quoted || disposition.at(semi) != ';')) {
            if (disposition.at(semi) == '"')
                quoted = !quoted;
            ++semi;
        }
        const QByteArray item = disposition.mid(pos, semi - pos).trimmed();
        pos = semi + 1;
        const qsizetype eq = item.indexOf('=');
        if (eq < 0 || item.left(eq).trimmed().toLower() != key)
            continue;
        QByteArray raw = item.mid(eq + 1).trimmed();
        if (raw.size() >= 2 && raw.startsWith('"') && raw.endsWith('"')) {
            raw = raw.mid(1, raw.size() - 2);
            raw.replace("\\\"", "\"");
            raw.replace("\\\\", "\\");
        }
        *value = raw;
        return true;
    }
    return false;
}

} // namespace

bool parseMultipart(
        const QByteArray &contentType, const QByteArray &body, QList<MultipartField> *fields)
{
    fields->clear();
    const QByteArray boundary = boundaryOf(contentType);
    if (boundary.isEmpty())
        return false;
    const QByteArray delimiter = "--" + boundary;
    qsizetype pos = body.indexOf(delimiter);
    if (pos < 0)
        return false;
    while (true) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--")
            return true; // closing delimiter
        // The delimiter line ends with CRLF (transport padding is allowed before it).
        const qsizetype lineEnd = body.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return false;
        const qsizetype headersEnd = body.indexOf("\r\n\r\n", lineEnd);
        if (headersEnd < 0)
            return false;
        MultipartField field;
        const QList<QByteArray> headerLines =
                body.mid(lineEnd + 2, qMax<qsizetype>(0, headersEnd - lineEnd - 2)).split('\n');
        for (const QByteArray &rawLine : headerLines) {
            const QByteArray line = rawLine.trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-disposition") {
                dispositionParam(value, "name", &field.name);
                field.hasFilename = dispositionParam(value, "filename", &field.filename);
            } else if (name == "content-type") {
                field.contentType = value;
            }
        }
        const qsizetype dataStart = headersEnd + 4;
        const QByteArray separator = "\r\n" + delimiter;
        const qsizetype next = body.indexOf(separator, dataStart);
        if (next < 0)
            return false;
        field.data = body.mid(dataStart, next - dataStart);
        fields->append(field);
        pos = next + 2;
    }
}

const MultipartField *findField(const QList<MultipartField> &fields, const QByteArray &name)
{
    for (const MultipartField &field : fields) {
        if (field.name == name)
            return &field;
    }
    return nullptr;
}

} // namespace fs::sandbox
