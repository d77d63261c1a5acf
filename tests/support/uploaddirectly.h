// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apiclient.h"
#include "domain.h"

#include <QSignalSpy>

namespace fs::test {

/// Uploads a file straight through `client`, for tests about something else that need a file on
/// the service; the test stops (qFatal) when the upload fails.
inline FileObject uploadDirectly(ApiClient *client, const QString &name, const QByteArray &content,
        const QString &purpose = QStringLiteral("fine-tune"))
{
    ApiReply *reply = client->uploadFile(name, content, purpose);
    QSignalSpy done(reply, &ApiReply::finished);
    if (!done.wait(5000) || !reply->ok())
        qFatal("upload failed");
    return FileObject::fromJson(reply->json());
}

} // namespace fs::test
