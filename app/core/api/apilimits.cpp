// SPDX-License-Identifier: GPL-3.0-or-later
#include "apilimits.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <limits>

namespace fs {

qint64 ApiLimits::maxBodyBytes(Kind kind) const
{
    switch (kind) {
    case Kind::Json:
        return maxJsonBytes;
    case Kind::Download:
        return maxDownloadBytes;
    case Kind::Stream:
        return maxStreamBytes;
    }
    return maxJsonBytes;
}

int ApiLimits::overallTimeoutMs(Kind kind) const
{
    switch (kind) {
    case Kind::Json:
        return jsonTimeoutMs;
    case Kind::Download:
        return downloadTimeoutMs;
    case Kind::Stream:
        return streamTimeoutMs;
    }
    return jsonTimeoutMs;
}

ApiLimits ApiLimits::defaults()
{
    return withOverrides(ApiLimits(), qEnvironmentVariable("FS_API_LIMITS"));
}

ApiLimits ApiLimits::withOverrides(const ApiLimits &base, const QString &text)
{
    ApiLimits limits = base;
    const QStringList pairs = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &pair : pairs) {
        const QString name = pair.section(QLatin1Char('='), 0, 0).trimmed();
        bool ok = false;
        const qint64 value = pair.section(QLatin1Char('='), 1).trimmed().toLongLong(&ok);
        if (!ok || value <= 0)
            continue;
        const int ms = int(std::min<qint64>(value, std::numeric_limits<int>::max()));
        if (name == QLatin1String("json"))
            limits.maxJsonBytes = value;
        else if (name == QLatin1String("download"))
            limits.maxDownloadBytes = value;
        else if (name == QLatin1String("stream"))
            limits.maxStreamBytes = value;
        else if (name == QLatin1String("sse-line"))
            limits.maxSseLineBytes = value;
        else if (name == QLatin1String("sse-event"))
            limits.maxSseEventBytes = value;
        else if (name == QLatin1String("idle"))
            limits.idleTimeoutMs = ms;
        else if (name == QLatin1String("json-time"))
            limits.jsonTimeoutMs = ms;
        else if (name == QLatin1String("download-time"))
            limits.downloadTimeoutMs = ms;
        else if (name == QLatin1String("stream-time"))
            limits.streamTimeoutMs = ms;
        else if (name == QLatin1String("redirects"))
            limits.maxRedirects = ms;
        else if (name == QLatin1String("watch-failures"))
            limits.watchFailures = ms;
        else if (name == QLatin1String("watch-wrong"))
            limits.watchWrongAnswers = ms;
        else if (name == QLatin1String("watch-time"))
            limits.watchQuietMs = ms;
    }
    return limits;
}

QString sizeInWords(qint64 bytes)
{
    if (bytes < 1000)
        return QCoreApplication::translate("fs::ApiLimits", "%n byte(s)", nullptr, int(bytes));
    return QLocale().formattedDataSize(bytes, 0, QLocale::DataSizeSIFormat);
}

QString durationInWords(qint64 ms)
{
    const qint64 seconds = std::max<qint64>(1, (ms + 999) / 1000);
    if (seconds == 1)
        return QCoreApplication::translate("fs::ApiLimits", "1 second");
    if (seconds < 120 || seconds % 60 != 0)
        return QCoreApplication::translate("fs::ApiLimits", "%1 seconds").arg(seconds);
    return QCoreApplication::translate("fs::ApiLimits", "%1 minutes").arg(seconds / 60);
}

} // namespace fs
