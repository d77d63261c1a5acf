// SPDX-License-Identifier: GPL-3.0-or-later
#include "wirefields.h"

#include <cmath>

namespace fs::wire {

QString text(const QJsonObject &object, QLatin1String key)
{
    const QJsonValue value = object.value(key);
    return value.isString() ? value.toString() : QString();
}

std::optional<double> number(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) {
        bool ok = false;
        const double parsed = value.toString().toDouble(&ok);
        if (ok)
            return parsed;
    }
    return std::nullopt;
}

std::optional<double> number(const QJsonObject &object, QLatin1String key)
{
    return number(object.value(key));
}

std::optional<qint64> integer(const QJsonObject &object, QLatin1String key)
{
    const std::optional<double> value = number(object, key);
    if (!value)
        return std::nullopt;
    return static_cast<qint64>(std::llround(*value));
}

std::optional<int> smallInteger(const QJsonObject &object, QLatin1String key)
{
    const std::optional<qint64> value = integer(object, key);
    if (!value)
        return std::nullopt;
    return static_cast<int>(*value);
}

} // namespace fs::wire
