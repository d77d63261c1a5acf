// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1String>
#include <QString>
#include <optional>

namespace fs::wire {

/// Lenient readers for the fields of a service's JSON answers, shared by the dialects whose
/// wires write numbers as strings at times (Together, Fireworks): a wrong type reads as absent.

/// The string at `key`; anything else (null, missing, a number): empty.
QString text(const QJsonObject &object, QLatin1String key);
/// A number, or one written as a string; null, missing and anything else: nullopt.
std::optional<double> number(const QJsonValue &value);
std::optional<double> number(const QJsonObject &object, QLatin1String key);
/// number(), rounded to the nearest integer.
std::optional<qint64> integer(const QJsonObject &object, QLatin1String key);
std::optional<int> smallInteger(const QJsonObject &object, QLatin1String key);

} // namespace fs::wire
