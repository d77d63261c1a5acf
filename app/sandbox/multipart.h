// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

namespace fs::sandbox {

/// One field of a multipart/form-data body.
struct MultipartField
{
    QByteArray name;
    QByteArray filename; ///< empty for plain fields
    QByteArray contentType;
    QByteArray data;
    bool hasFilename = false;
};

/**
 * @brief Splits a multipart/form-data body (RFC 7578) into its fields.
 *
 * The boundary comes from the Content-Type header. Returns false when there is no boundary or
 * the body does not follow it (no closing delimiter, a part without headers).
 */
bool parseMultipart(
        const QByteArray &contentType, const QByteArray &body, QList<MultipartField> *fields);

/// The first field called `name`, or nullptr.
const MultipartField *findField(const QList<MultipartField> &fields, const QByteArray &name);

} // namespace fs::sandbox
