// SPDX-License-Identifier: GPL-3.0-or-later
#include "retirementwarnings.h"

#include "appsettings.h"
#include "connection.h"
#include "jobhistory.h"

#include <QFileInfo>
#include <QSet>

#include <algorithm>

namespace fs {

QString RetirementWarning::reminderKey() const
{
    return where.connectionId + QLatin1Char('|') + where.model;
}

// ---- RetirementReminders -----------------------------------------------------------------------

bool RetirementReminders::isPutOff(const QString &key, const QDate &today) const
{
    if (!m_settings)
        return false;
    const QDate since = m_settings->retirementReminders().value(key);
    return since.isValid() && since.daysTo(today) < kRemindAfterDays && since <= today;
}

void RetirementReminders::putOff(const QString &key, const QDate &today)
{
    if (!m_settings)
        return;
    QMap<QString, QDate> reminders = m_settings->retirementReminders();
    reminders.insert(key, today);
    m_settings->setRetirementReminders(reminders);
}

// ---- RetirementWarnings ------------------------------------------------------------------------

QList<HistoryModel> RetirementWarnings::modelsIn(
        const JobHistory &history, const Connection &connection)
{
    QList<HistoryModel> list;
    for (const QString &model : history.fineTunedModels())
        list.append({connection.id, connection.name, connection.providerKind(), model});
    return list;
}

QList<HistoryModel> RetirementWarnings::modelsIn(
        const QList<Connection> &connections, const QString &historyPath)
{
    const QString path = historyPath.isEmpty() ? JobHistory::defaultPath() : historyPath;
    QList<HistoryModel> list;
    if (!QFileInfo::exists(path)) // no job yet: nothing to create
        return list;
    for (const Connection &connection : connections) {
        JobHistory history(connection.id);
        if (history.open(path))
            list += modelsIn(history, connection);
    }
    return list;
}

QList<RetirementWarning> RetirementWarnings::warnings(const QList<HistoryModel> &models,
        const RetirementCalendar &calendar, const QDate &today,
        const RetirementReminders *reminders)
{
    QList<RetirementWarning> list;
    QSet<QString> seen;
    for (const HistoryModel &model : models) {
        RetirementWarning warning;
        warning.where = model;
        warning.info = calendar.lookup(model.service, model.model);
        if (warning.info.status(today, calendar.warningDays()) != RetirementStatus::Within)
            continue;
        const QString key = warning.reminderKey();
        if (seen.contains(key) || (reminders && reminders->isPutOff(key, today)))
            continue;
        seen.insert(key);
        warning.daysLeft = warning.info.daysLeft(today);
        list.append(warning);
    }
    std::stable_sort(
            list.begin(), list.end(), [](const RetirementWarning &a, const RetirementWarning &b) {
                return a.daysLeft < b.daysLeft;
            });
    return list;
}

QStringList RetirementWarnings::captureArguments(const QString &connectionName,
        const QString &model, const QString &promptsFile, const QString &outFile)
{
    QStringList arguments {QStringLiteral("capture")};
    if (!connectionName.isEmpty())
        arguments << QStringLiteral("--connection") << connectionName;
    arguments << QStringLiteral("--model") << model << promptsFile << QStringLiteral("--out")
              << outFile;
    return arguments;
}

QString RetirementWarnings::captureCommandLine(const QString &program, const QStringList &arguments)
{
    QStringList words {program};
    words += arguments;
    for (QString &word : words) {
        const bool plain = !word.isEmpty() && std::all_of(word.cbegin(), word.cend(), [](QChar c) {
            return c.isLetterOrNumber() || QStringLiteral("-_./:=@+,").contains(c);
        });
        if (!plain)
            word = QLatin1Char('\'')
                    + QString(word).replace(QLatin1Char('\''), QLatin1String("'\\''"))
                    + QLatin1Char('\'');
    }
    return words.join(QLatin1Char(' '));
}

} // namespace fs
