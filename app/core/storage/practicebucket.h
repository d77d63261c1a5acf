// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storageconnection.h"

#include <QString>
#include <QUrl>

namespace fs::practice {

/**
 * @brief The practice bucket: the built-in sandbox's S3-compatible store, for trying the
 * Buckets area with nothing installed.
 *
 * The sandbox serves it on its own port under storagePath(); both the sandbox and the preset
 * storage connection take their names and credentials from here, so they always agree. The
 * credentials are not a secret (the store only listens on 127.0.0.1).
 */
inline QString storagePath()
{
    return QStringLiteral("/s3");
}
inline QString accessKeyId()
{
    return QStringLiteral("practice");
}
inline QString secretAccessKey()
{
    return QStringLiteral("practice-secret");
}
inline QString bucket()
{
    return QStringLiteral("practice");
}
inline QString region()
{
    return QStringLiteral("auto");
}
/// The id of the preset storage connection; never saved in the settings.
inline QString connectionId()
{
    return QStringLiteral("practice");
}
/// The sample datasets the practice bucket holds from the start (object keys, in key order).
QStringList sampleKeys();

/// The store's endpoint on the sandbox whose OpenAI base URL is `sandboxBaseUrl`
/// (http://127.0.0.1:PORT/v1 → http://127.0.0.1:PORT/s3); empty when that is empty.
QUrl endpointFor(const QUrl &sandboxBaseUrl);

/// The preset "Practice bucket" connection at `endpoint`, its secret in presetSecret.
StorageConnection connection(const QUrl &endpoint);

} // namespace fs::practice
