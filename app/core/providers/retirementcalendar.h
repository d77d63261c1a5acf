// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providerkind.h"

#include <QByteArray>
#include <QDate>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace fs {

/// One base model's dates on one service (resources/retirement/calendar.json).
struct RetirementEntry
{
    QString model; ///< the dated snapshot, as the service names it
    QStringList aliases; ///< names without the date ("gpt-4o")
    QDate newFineTuningEnds; ///< invalid: the service's date (or none)
    QDate stopsAnswering; ///< the model and its fine-tunes stop answering on this day
    QString source;
};

/// Where a model stands on a given day.
enum class RetirementStatus {
    Unknown, ///< no date announced
    Beyond, ///< later than the warning window
    Within, ///< within the warning window (the day itself included)
    Past, ///< no longer answers
};

/// What the calendar says about one model id on one service.
struct RetirementInfo
{
    /// How the id was matched to a calendar entry.
    enum class Match {
        None, ///< no entry: no date announced
        Snapshot, ///< the dated snapshot itself
        Alias, ///< an alias the snapshot lists ("gpt-4o")
        FineTuned, ///< a fine-tune of the entry's model
        Checkpoint, ///< a checkpoint of such a fine-tune
    };

    ProviderKind service = ProviderKind::OpenAI;
    QString model; ///< the id asked about
    QString baseModel; ///< the base the dates belong to (the entry's snapshot when matched)
    Match match = Match::None;
    QDate newFineTuningEnds; ///< invalid when no date is announced
    QDate stopsAnswering; ///< invalid when no date is announced
    QString source; ///< where the date comes from
    QString serviceNote; ///< the service's own note (e.g. Azure's region-by-region retirements)

    bool hasDate() const { return stopsAnswering.isValid(); }
    /// Days from `today` until it stops answering (negative once past; 0 when not known).
    qint64 daysLeft(const QDate &today) const;
    RetirementStatus status(const QDate &today, int warningDays) const;
    /// "stops answering on 14 Jan 2027 — in 39 days", "stops answering today (14 Jan 2027)",
    /// "stopped answering on 23 Oct 2026", "no date announced"; translated.
    QString sentence(const QDate &today) const;
    /// "new fine-tuning stops on 6 Jan 2027 — in 31 days", "new fine-tuning ended on …",
    /// "no date announced"; translated.
    QString newFineTuningSentence(const QDate &today) const;
};

/**
 * @brief The retirement calendar: per service and base model, when new fine-tuning stops and
 * when the model and its fine-tunes stop answering. Read from JSON (the built-in copy is
 * resources/retirement/calendar.json, PROVENANCE.md there says where each date comes from), so
 * that updating it is a data change. Fine-tuned ids, checkpoints and aliases inherit their base
 * model's dates; ModelRegistry's naming parses them.
 */
class RetirementCalendar
{
public:
    using Clock = std::function<QDate()>;
    /// The default warning window, in days (the calendar file may set its own).
    static constexpr int kDefaultWarningDays = 60;

    /// The calendar in `json`; nullopt with a sentence for people in `error` when it is
    /// malformed (not JSON, an unknown schema, a date that is not YYYY-MM-DD, an entry without
    /// a model, a date or a source).
    static std::optional<RetirementCalendar> fromJson(const QByteArray &json, QString *error);
    /// The same from a file.
    static std::optional<RetirementCalendar> load(const QString &path, QString *error);
    /// The calendar compiled into the binary (read once).
    static const RetirementCalendar &builtIn();
    /// The JSON of the built-in calendar (for tests and for showing its sources).
    static QByteArray builtInJson();

    /// The calendar the app shows (builtIn() unless replaced, e.g. by a test).
    static const RetirementCalendar &current();
    /// Replaces current(); nullopt restores the built-in one.
    static void setCurrent(std::optional<RetirementCalendar> calendar);
    /// Today for the whole app (the local date unless a test sets a clock).
    static QDate today();
    /// Replaces the clock behind today(); an empty function restores the real one.
    static void setClock(Clock clock);

    int warningDays() const { return m_warningDays; }
    QDate updated() const { return m_updated; }
    QList<RetirementEntry> entries(ProviderKind service) const;
    QString serviceNote(ProviderKind service) const;

    /// What the calendar says about `model` on `service`.
    RetirementInfo lookup(ProviderKind service, const QString &model) const;
    /// The sentence that marks `model` where models are listed (job list, pickers, panes): set
    /// when it stops answering within the warning window or already has; empty when the day is
    /// further off or not announced.
    QString notice(ProviderKind service, const QString &model, const QDate &today) const;

private:
    struct Service
    {
        QDate newFineTuningEnds;
        QString newFineTuningSource;
        QString note;
        QList<RetirementEntry> entries;
    };
    const RetirementEntry *findEntry(ProviderKind service, const QString &name) const;
    // The parts of fromJson(): each says what is wrong in a sentence, or nothing.
    static QString readHeader(const QJsonObject &root, RetirementCalendar &calendar);
    static QString readService(const QString &key, const QJsonObject &s, Service &service);
    static QString readEntry(const QJsonValue &value, int index, const QString &key,
            const Service &service, RetirementEntry &entry);

    int m_warningDays = kDefaultWarningDays;
    QDate m_updated;
    Service m_services[4];
};

} // namespace fs
