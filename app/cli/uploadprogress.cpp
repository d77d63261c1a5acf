// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadprogress.h"

#include "clicontext.h"
#include "uploader.h"
#include "uploadtask.h"

namespace fs::cli {

QString formatRate(qint64 bytesPerSecond)
{
    return Context::tr("%1/s").arg(formatBytes(bytesPerSecond));
}

QString formatTimeLeft(int seconds)
{
    if (seconds < 0)
        return QString();
    if (seconds < 90)
        return Context::tr("about %1 s left").arg(seconds);
    if (seconds < 5400)
        return Context::tr("about %1 min left").arg((seconds + 30) / 60);
    return Context::tr("about %1 h left").arg(QString::number(seconds / 3600.0, 'f', 1));
}

QString sendingLine(const UploadProgress &p, bool withTimeLeft)
{
    // The Files area's words (UploadTask::progressText), after "Sending:".
    UploadProgress shown = p;
    if (!withTimeLeft || p.bytesPerSecond <= 0)
        shown.secondsLeft = -1;
    return Context::tr("Sending: %1").arg(UploadTask::progressText(shown));
}

} // namespace fs::cli
