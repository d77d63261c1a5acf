// SPDX-License-Identifier: GPL-3.0-or-later
#include "retirementcalendar.h"

#include "coretranslate.h"
#include "modelregistry.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMutex>
#include <QRegularExpression>

// The JSON lives in a resource of a static library: the linker drops its object unless something
// refers to it, hence this call (outside any namespace, as Q_INIT_RESOURCE requires).
static void initRetirementResources()
{
    Q_INIT_RESOURCE(fs_retirement);
}

namespace fs {

namespace {

QString tr(const char *text, const char *comment = nullptr)
{
    return translateInCore("fs::RetirementCalendar", text, comment);
}

struct ServiceKey
{
    ProviderKind kind;
    const char *key;
};

constexpr ServiceKey kServices[] = {
        {ProviderKind::OpenAI, "openai"},
        {ProviderKind::AzureOpenAI, "azure"},
        {ProviderKind::Together, "together"},
        {ProviderKind::Fireworks, "fireworks"},
};

/// "14 Jan 2027" in the person's language (the translation chooses the order).
QString dateText(const QDate &date)
{
    //: Date format of the retirement calendar (QDate format: d, MMM, yyyy); e.g. 14 Jan 2027
    return QLocale().toString(date, tr("d MMM yyyy", "date format"));
}

/// The words for a day: gone, today, in one day, in several days (%1 the date, %2 the days).
struct DayTexts
{
    const char *past;
    const char *today;
    const char *one;
    const char *many;
};

/// "… on 14 Jan 2027 — in 39 days" and the like for `date` seen from `today`; "no date
/// announced" for an invalid date. Singular and plural spelled out: English has no plural
/// catalogue to fill in "%n".
QString daySentence(const QDate &date, const QDate &today, const DayTexts &texts)
{
    if (!date.isValid())
        return tr("no date announced");
    const qint64 days = today.daysTo(date);
    const QString when = dateText(date);
    if (days < 0)
        return tr(texts.past).arg(when);
    if (days == 0)
        return tr(texts.today).arg(when);
    return tr(days == 1 ? texts.one : texts.many).arg(when).arg(days);
}

/// Reads an optional date field: true when absent or a valid YYYY-MM-DD.
bool readDate(const QJsonObject &o, const char *key, QDate *date)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return true;
    static const QRegularExpression iso(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QString text = v.toString();
    *date = QDate::fromString(text, Qt::ISODate);
    return iso.match(text).hasMatch() && date->isValid();
}

struct Clocks
{
    QMutex mutex;
    RetirementCalendar::Clock clock;
    std::optional<RetirementCalendar> current;
};

Clocks &state()
{
    static Clocks instance;
    return instance;
}

} // namespace

// ---- RetirementInfo ----------------------------------------------------------------------------

qint64 RetirementInfo::daysLeft(const QDate &today) const
{
    return hasDate() ? today.daysTo(stopsAnswering) : 0;
}

RetirementStatus RetirementInfo::status(const QDate &today, int warningDays) const
{
    if (!hasDate())
        return RetirementStatus::Unknown;
    const qint64 days = daysLeft(today);
    if (days < 0)
        return RetirementStatus::Past;
    return days <= warningDays ? RetirementStatus::Within : RetirementStatus::Beyond;
}

QString RetirementInfo::sentence(const QDate &today) const
{
    // QT_TRANSLATE_NOOP lets lupdate find the texts that daySentence() translates.
    static const DayTexts texts {
            QT_TRANSLATE_NOOP("fs::RetirementCalendar", "stopped answering on %1"),
            QT_TRANSLATE_NOOP("fs::RetirementCalendar", "stops answering today (%1)"),
            QT_TRANSLATE_NOOP("fs::RetirementCalendar", "stops answering on %1 — in %2 day"),
            QT_TRANSLATE_NOOP("fs::RetirementCalendar", "stops answering on %1 — in %2 days")};
    return daySentence(stopsAnswering, today, texts);
}

QString RetirementInfo::newFineTuningSentence(const QDate &today) const
{
    static const DayTexts texts {
            QT_TRANSLATE_NOOP("fs::RetirementCalendar", "new fine-tuning ended on %1"),
            QT_TRANSLATE_NOOP("fs::RetirementCalendar", "new fine-tuning stops today (%1)"),
            QT_TRANSLATE_NOOP("fs::RetirementCalendar", "new fine-tuning stops on %1 — in %2 day"),
            QT_TRANSLATE_NOOP(
                    "fs::RetirementCalendar", "new fine-tuning stops on %1 — in %2 days")};
    return daySentence(newFineTuningEnds, today, texts);
}

// ---- Loading -----------------------------------------------------------------------------------

std::optional<RetirementCalendar> RetirementCalendar::fromJson(
        const QByteArray &json, QString *error)
{
    auto fail = [error](const QString &why) -> std::optional<RetirementCalendar> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject())
        return fail(tr("The retirement calendar is not readable JSON (%1).")
                            .arg(parseError.errorString()));
    const QJsonObject root = doc.object();
    RetirementCalendar calendar;
    if (const QString why = readHeader(root, calendar); !why.isEmpty())
        return fail(why);
    const QJsonValue servicesValue = root.value(QLatin1String("services"));
    if (!servicesValue.isObject())
        return fail(tr("The retirement calendar has no list of services."));
    const QJsonObject services = servicesValue.toObject();
    for (auto it = services.begin(); it != services.end(); ++it) {
        const ServiceKey *key = nullptr;
        for (const ServiceKey &k : kServices) {
            if (it.key() == QLatin1String(k.key))
                key = &k;
        }
        if (!key)
            return fail(tr("The retirement calendar names an unknown service “%1”.").arg(it.key()));
        if (!it.value().isObject())
            return fail(
                    tr("The retirement calendar's entry for “%1” is not an object.").arg(it.key()));
        Service &service = calendar.m_services[size_t(key->kind)];
        if (const QString why = readService(it.key(), it.value().toObject(), service);
                !why.isEmpty())
            return fail(why);
    }
    return calendar;
}

QString RetirementCalendar::readHeader(const QJsonObject &root, RetirementCalendar &calendar)
{
    if (root.value(QLatin1String("schema")).toInt() != 1)
        return tr("The retirement calendar has an unknown schema version; this version of "
                  "the app reads version 1.");
    if (!readDate(root, "updated", &calendar.m_updated))
        return tr("The retirement calendar's “updated” date is not a date (YYYY-MM-DD).");
    const QJsonValue window = root.value(QLatin1String("warningDays"));
    if (!window.isUndefined()) {
        if (!window.isDouble() || window.toDouble() < 0 || window.toInt() != window.toDouble())
            return tr("The retirement calendar's warning window must be a whole number of "
                      "days.");
        calendar.m_warningDays = window.toInt();
    }
    return {};
}

QString RetirementCalendar::readService(const QString &key, const QJsonObject &s, Service &service)
{
    if (!readDate(s, "newFineTuningEnds", &service.newFineTuningEnds))
        return tr("The retirement calendar's date when new fine-tuning ends on “%1” is "
                  "not a date (YYYY-MM-DD).")
                .arg(key);
    service.newFineTuningSource = s.value(QLatin1String("newFineTuningSource")).toString();
    if (service.newFineTuningEnds.isValid() && service.newFineTuningSource.isEmpty())
        return tr("The retirement calendar gives no source for when new fine-tuning ends "
                  "on “%1”.")
                .arg(key);
    service.note = s.value(QLatin1String("note")).toString();
    const QJsonValue models = s.value(QLatin1String("models"));
    if (!models.isUndefined() && !models.isArray())
        return tr("The retirement calendar's models of “%1” are not a list.").arg(key);
    const QJsonArray list = models.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        RetirementEntry entry;
        if (const QString why = readEntry(list.at(i), int(i), key, service, entry); !why.isEmpty())
            return why;
        service.entries.append(entry);
    }
    return {};
}

QString RetirementCalendar::readEntry(const QJsonValue &value, int index, const QString &key,
        const Service &service, RetirementEntry &entry)
{
    const QJsonObject m = value.toObject();
    entry.model = m.value(QLatin1String("model")).toString().trimmed();
    //: %1 the model's position in the list (1, 2, …), %2 a service key such as "openai"
    const QString where = entry.model.isEmpty() ? tr("model %1 of “%2”").arg(index + 1).arg(key)
                                                : tr("“%1” on “%2”").arg(entry.model, key);
    if (!value.isObject() || entry.model.isEmpty())
        return tr("The retirement calendar's %1 has no model name.").arg(where);
    const QJsonValue aliases = m.value(QLatin1String("aliases"));
    if (!aliases.isUndefined() && !aliases.isArray())
        return tr("The retirement calendar's aliases of %1 are not a list.").arg(where);
    for (const QJsonValue &a : aliases.toArray()) {
        if (!a.isString() || a.toString().trimmed().isEmpty())
            return tr("The retirement calendar's %1 has an empty alias.").arg(where);
        entry.aliases << a.toString().trimmed();
    }
    if (!m.contains(QLatin1String("stopsAnswering")))
        return tr("The retirement calendar's %1 has no date when it stops "
                  "answering.")
                .arg(where);
    if (!readDate(m, "stopsAnswering", &entry.stopsAnswering) || !entry.stopsAnswering.isValid())
        return tr("The retirement calendar's date when %1 stops answering is not a "
                  "date (YYYY-MM-DD).")
                .arg(where);
    if (!readDate(m, "newFineTuningEnds", &entry.newFineTuningEnds))
        return tr("The retirement calendar's date when new fine-tuning of %1 ends is "
                  "not a date (YYYY-MM-DD).")
                .arg(where);
    entry.source = m.value(QLatin1String("source")).toString().trimmed();
    if (entry.source.isEmpty())
        return tr("The retirement calendar gives no source for %1.").arg(where);
    for (const RetirementEntry &other : service.entries) {
        QStringList names = other.aliases;
        names << other.model;
        for (const QString &name : std::as_const(names)) {
            if (name.compare(entry.model, Qt::CaseInsensitive) == 0
                    || entry.aliases.contains(name, Qt::CaseInsensitive))
                return tr("The retirement calendar lists “%1” twice on “%2”.").arg(name, key);
        }
    }
    return {};
}

std::optional<RetirementCalendar> RetirementCalendar::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("The retirement calendar %1 cannot be read: %2")
                             .arg(path, file.errorString());
        return std::nullopt;
    }
    return fromJson(file.readAll(), error);
}

QByteArray RetirementCalendar::builtInJson()
{
    initRetirementResources();
    QFile file(QStringLiteral(":/retirement/calendar.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

const RetirementCalendar &RetirementCalendar::builtIn()
{
    static const RetirementCalendar instance = [] {
        QString error;
        std::optional<RetirementCalendar> calendar = fromJson(builtInJson(), &error);
        if (!calendar) { // compiled in and tested: failing here is a broken build
            qWarning("The built-in retirement calendar cannot be read: %s", qUtf8Printable(error));
            return RetirementCalendar();
        }
        return *calendar;
    }();
    return instance;
}

const RetirementCalendar &RetirementCalendar::current()
{
    Clocks &s = state();
    const QMutexLocker lock(&s.mutex);
    return s.current ? *s.current : builtIn();
}

void RetirementCalendar::setCurrent(std::optional<RetirementCalendar> calendar)
{
    Clocks &s = state();
    const QMutexLocker lock(&s.mutex);
    s.current = std::move(calendar);
}

QDate RetirementCalendar::today()
{
    Clocks &s = state();
    const QMutexLocker lock(&s.mutex);
    return s.clock ? s.clock() : QDate::currentDate();
}

void RetirementCalendar::setClock(Clock clock)
{
    Clocks &s = state();
    const QMutexLocker lock(&s.mutex);
    s.clock = std::move(clock);
}

// ---- Look-up -----------------------------------------------------------------------------------

QList<RetirementEntry> RetirementCalendar::entries(ProviderKind service) const
{
    return m_services[size_t(service)].entries;
}

QString RetirementCalendar::serviceNote(ProviderKind service) const
{
    return m_services[size_t(service)].note;
}

const RetirementEntry *RetirementCalendar::findEntry(
        ProviderKind service, const QString &name) const
{
    const QList<RetirementEntry> &list = m_services[size_t(service)].entries;
    for (const RetirementEntry &e : list) {
        if (e.model.compare(name, Qt::CaseInsensitive) == 0)
            return &e;
    }
    for (const RetirementEntry &e : list) {
        if (e.aliases.contains(name, Qt::CaseInsensitive))
            return &e;
    }
    return nullptr;
}

RetirementInfo RetirementCalendar::lookup(ProviderKind service, const QString &model) const
{
    RetirementInfo info;
    info.service = service;
    info.model = model.trimmed();
    const Service &s = m_services[size_t(service)];
    info.serviceNote = s.note;

    // A fine-tune (or a checkpoint of one) in this service's naming follows its base model.
    const FineTunedName parts = ModelRegistry::provider(service).parseFineTuned(info.model);
    info.baseModel = parts.isValid() ? parts.base : info.model;
    const RetirementEntry *entry = findEntry(service, info.baseModel);
    if (!entry)
        return info;
    if (parts.isValid())
        info.match = parts.checkpointStep > 0 ? RetirementInfo::Match::Checkpoint
                                              : RetirementInfo::Match::FineTuned;
    else
        info.match = entry->model.compare(info.model, Qt::CaseInsensitive) == 0
                ? RetirementInfo::Match::Snapshot
                : RetirementInfo::Match::Alias;
    info.baseModel = entry->model;
    info.stopsAnswering = entry->stopsAnswering;
    info.source = entry->source;
    // Its own date, else the service's; never later than the day it stops answering.
    QDate training =
            entry->newFineTuningEnds.isValid() ? entry->newFineTuningEnds : s.newFineTuningEnds;
    if (!training.isValid() || training > entry->stopsAnswering)
        training = entry->stopsAnswering;
    info.newFineTuningEnds = training;
    return info;
}

QString RetirementCalendar::notice(
        ProviderKind service, const QString &model, const QDate &today) const
{
    const RetirementInfo info = lookup(service, model);
    switch (info.status(today, m_warningDays)) {
    case RetirementStatus::Within:
    case RetirementStatus::Past:
        return info.sentence(today);
    case RetirementStatus::Beyond:
    case RetirementStatus::Unknown:
        break;
    }
    return {};
}

} // namespace fs
