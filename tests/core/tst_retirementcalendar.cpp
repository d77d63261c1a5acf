// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"
#include "connection.h"
#include "jobhistory.h"
#include "retirementcalendar.h"
#include "retirementwarnings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTemporaryDir>
#include <QtTest>

using fs::HistoryModel;
using fs::ProviderKind;
using fs::RetirementCalendar;
using fs::RetirementInfo;
using fs::RetirementStatus;
using fs::RetirementWarnings;

Q_DECLARE_METATYPE(fs::ProviderKind)
Q_DECLARE_METATYPE(fs::RetirementStatus)
Q_DECLARE_METATYPE(fs::RetirementInfo::Match)

namespace {

const QDate kShutdown(2027, 1, 14);
const QDate kTrainingEnds(2027, 1, 6);

/// The built-in calendar's JSON with `edit` applied to its root object.
QByteArray editedCalendar(const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject root = QJsonDocument::fromJson(RetirementCalendar::builtInJson()).object();
    edit(root);
    return QJsonDocument(root).toJson();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

/// A calendar with one entry per service, so that each service's naming can be checked.
RetirementCalendar everyServiceCalendar()
{
    const QByteArray json = R"({"schema": 1, "warningDays": 60, "services": {
        "openai": {"newFineTuningEnds": "2027-01-06", "newFineTuningSource": "test",
            "models": [{"model": "gpt-4o-mini-2024-07-18", "aliases": ["gpt-4o-mini"],
                        "stopsAnswering": "2027-01-14", "source": "test"}]},
        "azure": {"models": [{"model": "gpt-4.1-2025-04-14", "stopsAnswering": "2027-03-01",
                              "newFineTuningEnds": "2027-02-01", "source": "test"}]},
        "together": {"models": [{"model": "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference",
                                 "stopsAnswering": "2027-02-20", "source": "test"}]},
        "fireworks": {"models": []}}})";
    QString error;
    const std::optional<RetirementCalendar> calendar = RetirementCalendar::fromJson(json, &error);
    if (!calendar)
        qFatal("test calendar: %s", qPrintable(error));
    return *calendar;
}

} // namespace

class tst_RetirementCalendar : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void builtInLoadsWithSources();
    void openAiDates_data();
    void openAiDates();
    void statusAroundTheWindow_data();
    void statusAroundTheWindow();
    void sentences();
    void checkpointInheritsItsBase();
    void fineTunedNamesOfEachService_data();
    void fineTunedNamesOfEachService();
    void unknownModels_data();
    void unknownModels();
    void malformedCalendarIsRefused_data();
    void malformedCalendarIsRefused();
    void updatingTheCalendarIsADataChange();
    void injectableClockAndCurrent();
    void historyModelsThatWarn();
    void remindMeLater();
    void modelsFromTheHistoryFile();
    void captureCommand();
};

void tst_RetirementCalendar::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

void tst_RetirementCalendar::builtInLoadsWithSources()
{
    QString error;
    const std::optional<RetirementCalendar> calendar =
            RetirementCalendar::fromJson(RetirementCalendar::builtInJson(), &error);
    QVERIFY2(calendar, qPrintable(error));
    QCOMPARE(calendar->warningDays(), 60);
    QVERIFY(calendar->updated().isValid());
    QVERIFY(!calendar->entries(ProviderKind::OpenAI).isEmpty());
    for (const ProviderKind kind : {ProviderKind::OpenAI, ProviderKind::AzureOpenAI,
                 ProviderKind::Together, ProviderKind::Fireworks}) {
        for (const fs::RetirementEntry &e : calendar->entries(kind)) {
            QVERIFY2(!e.source.isEmpty(), qPrintable(e.model));
            QVERIFY2(e.stopsAnswering.isValid(), qPrintable(e.model));
        }
    }
    // Azure retires region by region: no date, but a note saying so.
    QVERIFY(calendar->entries(ProviderKind::AzureOpenAI).isEmpty());
    QVERIFY(calendar->serviceNote(ProviderKind::AzureOpenAI).contains(QLatin1String("region")));
    QCOMPARE(RetirementCalendar::builtIn().entries(ProviderKind::OpenAI).size(),
            calendar->entries(ProviderKind::OpenAI).size());
}

void tst_RetirementCalendar::openAiDates_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<RetirementInfo::Match>("match");
    QTest::addColumn<QString>("base");
    using M = RetirementInfo::Match;
    QTest::newRow("gpt-4o snapshot") << "gpt-4o-2024-08-06" << M::Snapshot << "gpt-4o-2024-08-06";
    QTest::newRow("gpt-4o alias") << "gpt-4o" << M::Alias << "gpt-4o-2024-08-06";
    QTest::newRow("gpt-4o 11-20") << "gpt-4o-2024-11-20" << M::Snapshot << "gpt-4o-2024-11-20";
    QTest::newRow("gpt-4o-mini alias, any case")
            << "GPT-4o-Mini" << M::Alias << "gpt-4o-mini-2024-07-18";
    QTest::newRow("gpt-4.1") << "gpt-4.1" << M::Alias << "gpt-4.1-2025-04-14";
    QTest::newRow("gpt-4.1-mini") << "gpt-4.1-mini-2025-04-14" << M::Snapshot
                                  << "gpt-4.1-mini-2025-04-14";
    QTest::newRow("fine-tuned gpt-4o-mini")
            << "ft:gpt-4o-mini-2024-07-18:org::abc123" << M::FineTuned << "gpt-4o-mini-2024-07-18";
    QTest::newRow("fine-tuned gpt-4.1 with suffix")
            << "ft:gpt-4.1-2025-04-14:acme:support-bot:x9" << M::FineTuned << "gpt-4.1-2025-04-14";
}

void tst_RetirementCalendar::openAiDates()
{
    QFETCH(QString, model);
    QFETCH(RetirementInfo::Match, match);
    QFETCH(QString, base);
    const RetirementInfo info = RetirementCalendar::builtIn().lookup(ProviderKind::OpenAI, model);
    QCOMPARE(info.match, match);
    QCOMPARE(info.baseModel, base);
    QCOMPARE(info.stopsAnswering, kShutdown);
    QCOMPARE(info.newFineTuningEnds, kTrainingEnds);
    QVERIFY(info.source.contains(QLatin1String("deprecations")));
}

void tst_RetirementCalendar::statusAroundTheWindow_data()
{
    QTest::addColumn<QDate>("today");
    QTest::addColumn<RetirementStatus>("status");
    QTest::addColumn<qint64>("days");
    QTest::newRow("a year before") << QDate(2026, 1, 14) << RetirementStatus::Beyond << qint64(365);
    QTest::newRow("61 days before")
            << kShutdown.addDays(-61) << RetirementStatus::Beyond << qint64(61);
    QTest::newRow("60 days before: within")
            << kShutdown.addDays(-60) << RetirementStatus::Within << qint64(60);
    QTest::newRow("39 days before") << QDate(2026, 12, 6) << RetirementStatus::Within << qint64(39);
    QTest::newRow("the day itself") << kShutdown << RetirementStatus::Within << qint64(0);
    QTest::newRow("the day after") << kShutdown.addDays(1) << RetirementStatus::Past << qint64(-1);
}

void tst_RetirementCalendar::statusAroundTheWindow()
{
    QFETCH(QDate, today);
    QFETCH(RetirementStatus, status);
    QFETCH(qint64, days);
    const RetirementCalendar &calendar = RetirementCalendar::builtIn();
    const RetirementInfo info = calendar.lookup(
            ProviderKind::OpenAI, QStringLiteral("ft:gpt-4.1-mini-2025-04-14:o::1"));
    QCOMPARE(info.status(today, calendar.warningDays()), status);
    QCOMPARE(info.daysLeft(today), days);
}

void tst_RetirementCalendar::sentences()
{
    const RetirementInfo info = RetirementCalendar::builtIn().lookup(
            ProviderKind::OpenAI, QStringLiteral("ft:gpt-4o-mini-2024-07-18:org::abc123"));
    QCOMPARE(info.sentence(QDate(2026, 12, 6)),
            QStringLiteral("stops answering on 14 Jan 2027 — in 39 days"));
    QCOMPARE(info.sentence(QDate(2027, 1, 13)),
            QStringLiteral("stops answering on 14 Jan 2027 — in 1 day"));
    QCOMPARE(info.sentence(kShutdown), QStringLiteral("stops answering today (14 Jan 2027)"));
    QCOMPARE(info.sentence(QDate(2027, 2, 1)), QStringLiteral("stopped answering on 14 Jan 2027"));
    QCOMPARE(info.newFineTuningSentence(QDate(2026, 12, 6)),
            QStringLiteral("new fine-tuning stops on 6 Jan 2027 — in 31 days"));
    QCOMPARE(info.newFineTuningSentence(QDate(2027, 1, 10)),
            QStringLiteral("new fine-tuning ended on 6 Jan 2027"));
    // gpt-3.5-turbo went before the service-wide end of training: training ends with it.
    const RetirementInfo old = RetirementCalendar::builtIn().lookup(
            ProviderKind::OpenAI, QStringLiteral("ft:gpt-3.5-turbo-0125:org::x"));
    QCOMPARE(old.newFineTuningEnds, QDate(2026, 10, 23));
    QCOMPARE(old.sentence(QDate(2026, 12, 7)), QStringLiteral("stopped answering on 23 Oct 2026"));
    const RetirementInfo unknown = RetirementCalendar::builtIn().lookup(
            ProviderKind::Together, QStringLiteral("Qwen/Qwen2.5-14B-Instruct"));
    QCOMPARE(unknown.sentence(QDate(2026, 12, 6)), QStringLiteral("no date announced"));
    QCOMPARE(
            unknown.newFineTuningSentence(QDate(2026, 12, 6)), QStringLiteral("no date announced"));
}

void tst_RetirementCalendar::checkpointInheritsItsBase()
{
    const RetirementInfo info = RetirementCalendar::builtIn().lookup(ProviderKind::OpenAI,
            QStringLiteral("ft:gpt-4o-mini-2024-07-18:acme:bot:x1:ckpt-step-91"));
    QCOMPARE(info.match, RetirementInfo::Match::Checkpoint);
    QCOMPARE(info.baseModel, QStringLiteral("gpt-4o-mini-2024-07-18"));
    QCOMPARE(info.stopsAnswering, kShutdown);
    QCOMPARE(info.status(QDate(2026, 12, 6), 60), RetirementStatus::Within);
}

void tst_RetirementCalendar::fineTunedNamesOfEachService_data()
{
    QTest::addColumn<ProviderKind>("service");
    QTest::addColumn<QString>("model");
    QTest::addColumn<RetirementInfo::Match>("match");
    QTest::addColumn<QDate>("stops");
    QTest::addColumn<QDate>("training");
    using M = RetirementInfo::Match;
    QTest::newRow("OpenAI ft:") << ProviderKind::OpenAI << "ft:gpt-4o-mini-2024-07-18:org::id"
                                << M::FineTuned << kShutdown << kTrainingEnds;
    QTest::newRow("OpenAI checkpoint")
            << ProviderKind::OpenAI << "ft:gpt-4o-mini-2024-07-18:org::id:ckpt-step-12"
            << M::Checkpoint << kShutdown << kTrainingEnds;
    QTest::newRow("Azure .ft-") << ProviderKind::AzureOpenAI << "gpt-4.1-2025-04-14.ft-0123abcd"
                                << M::FineTuned << QDate(2027, 3, 1) << QDate(2027, 2, 1);
    QTest::newRow("Together output name")
            << ProviderKind::Together
            << "acme/meta-llama/Meta-Llama-3.1-8B-Instruct-Reference:bot:ft-1a2b3c" << M::FineTuned
            << QDate(2027, 2, 20) << QDate(2027, 2, 20);
    QTest::newRow("Together checkpoint")
            << ProviderKind::Together
            << "acme/meta-llama/Meta-Llama-3.1-8B-Instruct-Reference:bot:ft-1a2b3c:40"
            << M::Checkpoint << QDate(2027, 2, 20) << QDate(2027, 2, 20);
    QTest::newRow("Together base itself")
            << ProviderKind::Together << "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference"
            << M::Snapshot << QDate(2027, 2, 20) << QDate(2027, 2, 20);
}

void tst_RetirementCalendar::fineTunedNamesOfEachService()
{
    QFETCH(ProviderKind, service);
    QFETCH(QString, model);
    QFETCH(RetirementInfo::Match, match);
    QFETCH(QDate, stops);
    QFETCH(QDate, training);
    const RetirementInfo info = everyServiceCalendar().lookup(service, model);
    QCOMPARE(info.match, match);
    QCOMPARE(info.stopsAnswering, stops);
    QCOMPARE(info.newFineTuningEnds, training);
}

void tst_RetirementCalendar::unknownModels_data()
{
    QTest::addColumn<ProviderKind>("service");
    QTest::addColumn<QString>("model");
    QTest::newRow("empty") << ProviderKind::OpenAI << "";
    QTest::newRow("a newer model") << ProviderKind::OpenAI << "gpt-5.4-mini";
    // A dated snapshot not listed is not given its alias's date: no guessing.
    QTest::newRow("other snapshot of gpt-4o") << ProviderKind::OpenAI << "gpt-4o-2024-05-13";
    QTest::newRow("fine-tune of an unknown base") << ProviderKind::OpenAI << "ft:my-base:org::x";
    QTest::newRow("OpenAI's model on Azure") << ProviderKind::AzureOpenAI << "gpt-4o-mini";
    QTest::newRow("Azure fine-tune")
            << ProviderKind::AzureOpenAI << "gpt-4o-mini-2024-07-18.ft-0123abcd";
    QTest::newRow("Together") << ProviderKind::Together
                              << "acme/Qwen/Qwen2.5-14B-Instruct:bot:ft-1a2b3c";
    QTest::newRow("Fireworks") << ProviderKind::Fireworks << "accounts/acme/models/bot";
}

void tst_RetirementCalendar::unknownModels()
{
    QFETCH(ProviderKind, service);
    QFETCH(QString, model);
    const RetirementCalendar &calendar = RetirementCalendar::builtIn();
    const RetirementInfo info = calendar.lookup(service, model);
    QCOMPARE(info.match, RetirementInfo::Match::None);
    QVERIFY(!info.hasDate());
    QVERIFY(!info.newFineTuningEnds.isValid());
    QCOMPARE(info.status(QDate(2026, 12, 6), 60), RetirementStatus::Unknown);
    QCOMPARE(info.sentence(QDate(2026, 12, 6)), QStringLiteral("no date announced"));
}

void tst_RetirementCalendar::malformedCalendarIsRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("says");
    QTest::newRow("not JSON") << QByteArray("{\"schema\": 1,") << "not readable JSON";
    QTest::newRow("array") << QByteArray("[]") << "not readable JSON";
    QTest::newRow("schema 2") << editedCalendar([](QJsonObject &o) {
        o[QStringLiteral("schema")] = 2;
    }) << "unknown schema version";
    QTest::newRow("no services") << editedCalendar([](QJsonObject &o) {
        o.remove(QStringLiteral("services"));
    }) << "no list of services";
    QTest::newRow("negative window")
            << editedCalendar([](QJsonObject &o) { o[QStringLiteral("warningDays")] = -3; })
            << "whole number of days";
    const auto editFirstModel = [](const std::function<void(QJsonObject &)> &edit) {
        return editedCalendar([edit](QJsonObject &root) {
            QJsonObject services = root.value(QStringLiteral("services")).toObject();
            QJsonObject openai = services.value(QStringLiteral("openai")).toObject();
            QJsonArray models = openai.value(QStringLiteral("models")).toArray();
            QJsonObject first = models.at(0).toObject();
            edit(first);
            models[0] = first;
            openai[QStringLiteral("models")] = models;
            services[QStringLiteral("openai")] = openai;
            root[QStringLiteral("services")] = services;
        });
    };
    QTest::newRow("date in words") << editFirstModel([](QJsonObject &m) {
        m[QStringLiteral("stopsAnswering")] = QStringLiteral("14 January 2027");
    }) << "“gpt-4o-2024-08-06” on “openai” stops answering is not a date";
    QTest::newRow("impossible date") << editFirstModel([](QJsonObject &m) {
        m[QStringLiteral("stopsAnswering")] = QStringLiteral("2027-02-30");
    }) << "is not a date (YYYY-MM-DD)";
    QTest::newRow("no date") << editFirstModel([](QJsonObject &m) {
        m.remove(QStringLiteral("stopsAnswering"));
    }) << "has no date when it stops answering";
    QTest::newRow("no source") << editFirstModel([](QJsonObject &m) {
        m.remove(QStringLiteral("source"));
    }) << "gives no source for “gpt-4o-2024-08-06” on “openai”";
    QTest::newRow("no model") << editFirstModel([](QJsonObject &m) {
        m.remove(QStringLiteral("model"));
    }) << "model 1 of “openai” has no model name";
    QTest::newRow("alias twice") << editFirstModel([](QJsonObject &m) {
        m[QStringLiteral("aliases")] = QJsonArray {QStringLiteral("gpt-4o-mini")};
    }) << "lists “gpt-4o-mini” twice";
    QTest::newRow("unknown service") << editedCalendar([](QJsonObject &o) {
        QJsonObject services = o.value(QStringLiteral("services")).toObject();
        services[QStringLiteral("mistral")] = QJsonObject();
        o[QStringLiteral("services")] = services;
    }) << "unknown service “mistral”";
    QTest::newRow("training date without source") << editedCalendar([](QJsonObject &o) {
        QJsonObject services = o.value(QStringLiteral("services")).toObject();
        QJsonObject together = services.value(QStringLiteral("together")).toObject();
        together[QStringLiteral("newFineTuningEnds")] = QStringLiteral("2027-05-01");
        services[QStringLiteral("together")] = together;
        o[QStringLiteral("services")] = services;
    }) << "no source for when new fine-tuning ends on “together”";
}

void tst_RetirementCalendar::malformedCalendarIsRefused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, says);
    QString error;
    QVERIFY(!RetirementCalendar::fromJson(json, &error));
    QVERIFY2(error.contains(says), qPrintable(error));
    QVERIFY2(error.endsWith(QLatin1Char('.')) || error.endsWith(QLatin1Char(')')),
            qPrintable(error)); // a sentence
    // The same through a file, and a file that is not there.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("calendar.json"));
    QVERIFY(writeFile(path, json));
    error.clear();
    QVERIFY(!RetirementCalendar::load(path, &error));
    QVERIFY2(error.contains(says), qPrintable(error));
    QVERIFY(!RetirementCalendar::load(dir.filePath(QStringLiteral("missing.json")), &error));
    QVERIFY2(error.contains(QLatin1String("cannot be read")), qPrintable(error));
}

void tst_RetirementCalendar::updatingTheCalendarIsADataChange()
{
    // A later notice moves gpt-4.1-mini's shutdown and adds a Together base: the modified copy
    // of the built-in file is all that changes; what the app says follows.
    const QByteArray json = editedCalendar([](QJsonObject &root) {
        QJsonObject services = root.value(QStringLiteral("services")).toObject();
        QJsonObject openai = services.value(QStringLiteral("openai")).toObject();
        QJsonArray models = openai.value(QStringLiteral("models")).toArray();
        for (qsizetype i = 0; i < models.size(); ++i) {
            QJsonObject m = models.at(i).toObject();
            if (m.value(QStringLiteral("model")) == QStringLiteral("gpt-4.1-mini-2025-04-14")) {
                m[QStringLiteral("stopsAnswering")] = QStringLiteral("2027-04-30");
                models[i] = m;
            }
        }
        openai[QStringLiteral("models")] = models;
        services[QStringLiteral("openai")] = openai;
        QJsonObject together = services.value(QStringLiteral("together")).toObject();
        together[QStringLiteral("models")] = QJsonArray {
                QJsonObject {{QStringLiteral("model"), QStringLiteral("Qwen/Qwen2.5-14B-Instruct")},
                        {QStringLiteral("stopsAnswering"), QStringLiteral("2027-01-31")},
                        {QStringLiteral("source"), QStringLiteral("a test notice")}}};
        services[QStringLiteral("together")] = together;
        root[QStringLiteral("services")] = services;
    });
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("calendar.json"));
    QVERIFY(writeFile(path, json));
    QString error;
    const std::optional<RetirementCalendar> updated = RetirementCalendar::load(path, &error);
    QVERIFY2(updated, qPrintable(error));
    const QDate today(2026, 12, 6);
    const QString mini = QStringLiteral("ft:gpt-4.1-mini-2025-04-14:org::x");
    QCOMPARE(RetirementCalendar::builtIn().lookup(ProviderKind::OpenAI, mini).sentence(today),
            QStringLiteral("stops answering on 14 Jan 2027 — in 39 days"));
    QCOMPARE(updated->lookup(ProviderKind::OpenAI, mini).sentence(today),
            QStringLiteral("stops answering on 30 Apr 2027 — in 145 days"));
    QCOMPARE(updated->lookup(ProviderKind::OpenAI, mini).status(today, 60),
            RetirementStatus::Beyond);
    const QString qwen = QStringLiteral("acme/Qwen/Qwen2.5-14B-Instruct:bot:ft-1a2b3c");
    QVERIFY(!RetirementCalendar::builtIn().lookup(ProviderKind::Together, qwen).hasDate());
    QCOMPARE(updated->lookup(ProviderKind::Together, qwen).status(today, 60),
            RetirementStatus::Within);
    QCOMPARE(updated->lookup(ProviderKind::Together, qwen).source, QStringLiteral("a test notice"));
}

void tst_RetirementCalendar::injectableClockAndCurrent()
{
    RetirementCalendar::setClock([] { return QDate(2026, 12, 6); });
    QCOMPARE(RetirementCalendar::today(), QDate(2026, 12, 6));
    RetirementCalendar::setClock({});
    QCOMPARE(RetirementCalendar::today(), QDate::currentDate());

    RetirementCalendar::setCurrent(everyServiceCalendar());
    QVERIFY(RetirementCalendar::current()
                    .lookup(ProviderKind::Together,
                            QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference"))
                    .hasDate());
    RetirementCalendar::setCurrent(std::nullopt);
    QVERIFY(!RetirementCalendar::current()
                     .lookup(ProviderKind::Together,
                             QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference"))
                     .hasDate());
}

void tst_RetirementCalendar::historyModelsThatWarn()
{
    const QList<HistoryModel> models {
            {QStringLiteral("c1"), QStringLiteral("Work"), ProviderKind::OpenAI,
                    QStringLiteral("ft:gpt-4o-mini-2024-07-18:acme:bot:a1")},
            // The same model again (another job row): one warning.
            {QStringLiteral("c1"), QStringLiteral("Work"), ProviderKind::OpenAI,
                    QStringLiteral("ft:gpt-4o-mini-2024-07-18:acme:bot:a1")},
            // Already gone: too late to warn.
            {QStringLiteral("c1"), QStringLiteral("Work"), ProviderKind::OpenAI,
                    QStringLiteral("ft:gpt-3.5-turbo-0125:acme::old")},
            // No date announced.
            {QStringLiteral("c2"), QStringLiteral("Together"), ProviderKind::Together,
                    QStringLiteral("acme/Qwen/Qwen2.5-14B-Instruct:bot:ft-1a2b3c")},
            // Beyond the window in the test calendar below.
            {QStringLiteral("c3"), QStringLiteral("Azure"), ProviderKind::AzureOpenAI,
                    QStringLiteral("gpt-4.1-2025-04-14.ft-0123abcd")},
            // Sooner than the first one.
            {QStringLiteral("c4"), QStringLiteral("Together 2"), ProviderKind::Together,
                    QStringLiteral(
                            "acme/meta-llama/Meta-Llama-3.1-8B-Instruct-Reference:x:ft-99aa11")},
    };
    const RetirementCalendar calendar = everyServiceCalendar();
    // On 2026-12-06: gpt-4o-mini in 39 days, Together's Llama in 76 (beyond), Azure in 85.
    QList<fs::RetirementWarning> warnings =
            RetirementWarnings::warnings(models, calendar, QDate(2026, 12, 6));
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(warnings.at(0).where.model, QStringLiteral("ft:gpt-4o-mini-2024-07-18:acme:bot:a1"));
    QCOMPARE(warnings.at(0).where.connectionName, QStringLiteral("Work"));
    QCOMPARE(warnings.at(0).daysLeft, 39);
    // A month later the Together model is within the window too, and comes first (sooner).
    warnings = RetirementWarnings::warnings(models, calendar, QDate(2027, 1, 1));
    QCOMPARE(warnings.size(), 3);
    QCOMPARE(warnings.at(0).where.connectionId, QStringLiteral("c1"));
    QCOMPARE(warnings.at(0).daysLeft, 13);
    QCOMPARE(warnings.at(1).where.connectionId, QStringLiteral("c4"));
    QCOMPARE(warnings.at(2).where.connectionId, QStringLiteral("c3"));
    // After the shutdown nothing of OpenAI warns any more.
    warnings = RetirementWarnings::warnings(models, calendar, QDate(2027, 1, 15));
    QCOMPARE(warnings.size(), 2);
    QVERIFY(warnings.at(0).where.connectionId != QLatin1String("c1"));
}

void tst_RetirementCalendar::remindMeLater()
{
    QTemporaryDir dir;
    fs::AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    fs::RetirementReminders reminders(&settings);
    const QList<HistoryModel> models {
            {QStringLiteral("c1"), QStringLiteral("Work"), ProviderKind::OpenAI,
                    QStringLiteral("ft:gpt-4o-mini-2024-07-18:acme:bot:a1")},
            {QStringLiteral("c1"), QStringLiteral("Work"), ProviderKind::OpenAI,
                    QStringLiteral("ft:gpt-4.1-2025-04-14:acme:bot:b2")},
    };
    const RetirementCalendar &calendar = RetirementCalendar::builtIn();
    const QDate today(2026, 12, 6);
    QList<fs::RetirementWarning> warnings =
            RetirementWarnings::warnings(models, calendar, today, &reminders);
    QCOMPARE(warnings.size(), 2);
    reminders.putOff(warnings.at(0).reminderKey(), today);
    settings.sync();
    // Remembered in the settings: a new reader (the next start) still leaves it out.
    fs::AppSettings again(dir.filePath(QStringLiteral("settings.ini")));
    const fs::RetirementReminders next(&again);
    warnings = RetirementWarnings::warnings(models, calendar, today.addDays(1), &next);
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(warnings.at(0).where.model, QStringLiteral("ft:gpt-4.1-2025-04-14:acme:bot:b2"));
    // A week later it is shown again.
    warnings = RetirementWarnings::warnings(
            models, calendar, today.addDays(fs::RetirementReminders::kRemindAfterDays), &next);
    QCOMPARE(warnings.size(), 2);
}

void tst_RetirementCalendar::modelsFromTheHistoryFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    fs::Connection work;
    work.id = QStringLiteral("c-work");
    work.name = QStringLiteral("Work");
    work.kind = fs::Connection::Kind::OpenAI;
    fs::Connection azure;
    azure.id = QStringLiteral("c-azure");
    azure.name = QStringLiteral("Azure");
    azure.kind = fs::Connection::Kind::Azure;
    // No history file yet: nothing, and nothing created.
    QVERIFY(RetirementWarnings::modelsIn({work, azure}, path).isEmpty());
    QVERIFY(!QFile::exists(path));
    {
        fs::JobHistory history(work.id);
        QVERIFY2(history.open(path), qPrintable(history.lastError()));
        fs::FineTuningJob done;
        done.id = QStringLiteral("ftjob-1");
        done.model = QStringLiteral("gpt-4o-mini-2024-07-18");
        done.fineTunedModel = QStringLiteral("ft:gpt-4o-mini-2024-07-18:acme:bot:a1");
        done.status = fs::FineTuningJob::Status::Succeeded;
        done.statusText = QStringLiteral("succeeded");
        fs::FineTuningJob failed;
        failed.id = QStringLiteral("ftjob-2");
        failed.model = QStringLiteral("gpt-4.1-2025-04-14");
        failed.status = fs::FineTuningJob::Status::Failed;
        failed.statusText = QStringLiteral("failed");
        QVERIFY(history.saveJobs({done, failed}));
    }
    const QList<HistoryModel> models = RetirementWarnings::modelsIn({work, azure}, path);
    QCOMPARE(models.size(), 1);
    QCOMPARE(models.at(0).connectionName, QStringLiteral("Work"));
    QCOMPARE(models.at(0).service, ProviderKind::OpenAI);
    const QList<fs::RetirementWarning> warnings =
            RetirementWarnings::warnings(models, RetirementCalendar::builtIn(), QDate(2026, 12, 6));
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(warnings.at(0).info.sentence(QDate(2026, 12, 6)),
            QStringLiteral("stops answering on 14 Jan 2027 — in 39 days"));
}

void tst_RetirementCalendar::captureCommand()
{
    const QStringList arguments = RetirementWarnings::captureArguments(QStringLiteral("My Work"),
            QStringLiteral("ft:gpt-4o-mini-2024-07-18:acme:bot:a1"),
            QStringLiteral("/home/a/prompts.jsonl"), QStringLiteral("/home/a/answers.jsonl"));
    QCOMPARE(arguments,
            QStringList({QStringLiteral("capture"), QStringLiteral("--connection"),
                    QStringLiteral("My Work"), QStringLiteral("--model"),
                    QStringLiteral("ft:gpt-4o-mini-2024-07-18:acme:bot:a1"),
                    QStringLiteral("/home/a/prompts.jsonl"), QStringLiteral("--out"),
                    QStringLiteral("/home/a/answers.jsonl")}));
    QCOMPARE(RetirementWarnings::captureCommandLine(QStringLiteral("finetune-studio"), arguments),
            QStringLiteral("finetune-studio capture --connection 'My Work' --model "
                           "ft:gpt-4o-mini-2024-07-18:acme:bot:a1 /home/a/prompts.jsonl --out "
                           "/home/a/answers.jsonl"));
    QCOMPARE(RetirementWarnings::captureCommandLine(
                     QStringLiteral("x"), {QStringLiteral("it's"), QString()}),
            QStringLiteral("x 'it'\\''s' ''"));
}

QTEST_GUILESS_MAIN(tst_RetirementCalendar)
#include "tst_retirementcalendar.moc"
