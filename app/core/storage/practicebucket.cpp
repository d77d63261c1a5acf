// SPDX-License-Identifier: GPL-3.0-or-later
#include "practicebucket.h"

#include <QCoreApplication>

namespace fs::practice {

QStringList sampleKeys()
{
    return {QStringLiteral("support-bot-validation.jsonl"), QStringLiteral("support-bot.jsonl")};
}

QUrl endpointFor(const QUrl &sandboxBaseUrl)
{
    if (sandboxBaseUrl.isEmpty() || !sandboxBaseUrl.isValid())
        return {};
    QUrl url = sandboxBaseUrl;
    url.setPath(storagePath());
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

StorageConnection connection(const QUrl &endpoint)
{
    StorageConnection c;
    c.id = connectionId();
    c.name = QCoreApplication::translate("fs::StorageConnection", "Practice bucket");
    c.endpoint = endpoint;
    c.region = region();
    c.bucket = bucket();
    c.accessKeyId = accessKeyId();
    c.presetSecret = secretAccessKey();
    return c;
}

} // namespace fs::practice
