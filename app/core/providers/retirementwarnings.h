// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "retirementcalendar.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace fs {

class AppSettings;
class JobHistory;
struct Connection;

/// A fine-tuned model the job history of one connection remembers.
struct HistoryModel
{
    QString connectionId;
    QString connectionName;
    ProviderKind service = ProviderKind::OpenAI;
    QString model;
};

/// A model from the job history that stops answering soon.
struct RetirementWarning
{
    HistoryModel where;
    RetirementInfo info;
    qint64 daysLeft = 0;

    /// The key "Remind me later" is remembered under.
    QString reminderKey() const;
};

/**
 * @brief "Remind me later", per model, remembered in the settings (group `retirement`): a model
 * put off is not shown again for kRemindAfterDays days.
 */
class RetirementReminders
{
public:
    static constexpr int kRemindAfterDays = 7;

    explicit RetirementReminders(AppSettings *settings)
        : m_settings(settings)
    {
    }

    bool isPutOff(const QString &key, const QDate &today) const;
    void putOff(const QString &key, const QDate &today);

private:
    AppSettings *m_settings;
};

/**
 * @brief Which models of the job history to warn about on start-up: the fine-tuned models of
 * succeeded jobs that stop answering within the calendar's warning window (not those already
 * gone, nor those without a date), once per connection and model, soonest first.
 */
class RetirementWarnings
{
public:
    /// The fine-tuned models the history remembers (newest first).
    static QList<HistoryModel> modelsIn(const JobHistory &history, const Connection &connection);
    /// The same for every connection, from the history file at `historyPath` (empty: the default
    /// one); none when there is no history yet.
    static QList<HistoryModel> modelsIn(
            const QList<Connection> &connections, const QString &historyPath = {});

    /// The models to warn about on `today`; those put off (reminders may be null) are left out.
    static QList<RetirementWarning> warnings(const QList<HistoryModel> &models,
            const RetirementCalendar &calendar, const QDate &today,
            const RetirementReminders *reminders = nullptr);

    /// The command line that captures `model`'s answers to `promptsFile` into `outFile`
    /// ("finetune-studio capture --connection NAME --model M FILE --out OUT").
    static QStringList captureArguments(const QString &connectionName, const QString &model,
            const QString &promptsFile, const QString &outFile);
    /// The same as one line a person can paste into a terminal (quoted where needed).
    static QString captureCommandLine(const QString &program, const QStringList &arguments);
};

} // namespace fs
