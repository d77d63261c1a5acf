// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadprogress.h"

#include "clicontext.h"
#include "uploader.h"

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
    QString line = Context::tr("Sending: %1 of %2 (%3%)")
                           .arg(formatBytes(p.sentBytes), formatBytes(p.totalBytes))
                           .arg(p.totalBytes > 0 ? p.sentBytes * 100 / p.totalBytes : 0);
    if (p.bytesPerSecond > 0)
        line += QStringLiteral(", ") + formatRate(qint64(p.bytesPerSecond));
    if (withTimeLeft && p.secondsLeft >= 0 && p.bytesPerSecond > 0)
        line += QStringLiteral(", ") + formatTimeLeft(p.secondsLeft);
    if (p.partsTotal > 1)
        line += QStringLiteral(", ")
                + Context::tr("part %1 of %2").arg(p.partsDone).arg(p.partsTotal);
    return line;
}

} // namespace fs::cli
