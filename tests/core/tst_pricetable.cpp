// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"
#include "pricetable.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using fs::PriceTable;

class tst_PriceTable : public QObject
{
    Q_OBJECT

private slots:
    void defaults_data();
    void defaults();
    void unknownModels();
    void editAndReset();
    void refusesBadPrices();
    void persistsOnlyChanges();
    void loadIgnoresJunk();
    void userEntryWinsForItsFamily();

private:
    QTemporaryDir m_dir;
    QString settingsPath(const char *name) const { return m_dir.filePath(QLatin1String(name)); }
};

void tst_PriceTable::defaults_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<double>("price");
    // Reference §10.
    QTest::newRow("gpt-4.1") << "gpt-4.1-2025-04-14" << 25.00;
    QTest::newRow("gpt-4.1-mini") << "gpt-4.1-mini-2025-04-14" << 5.00;
    QTest::newRow("gpt-4.1-nano") << "gpt-4.1-nano-2025-04-14" << 1.50;
    QTest::newRow("gpt-4o") << "gpt-4o-2024-08-06" << 25.00;
    QTest::newRow("gpt-4o-mini") << "gpt-4o-mini-2024-07-18" << 3.00;
    QTest::newRow("gpt-3.5-turbo") << "gpt-3.5-turbo-0125" << 8.00;
    QTest::newRow("davinci-002") << "davinci-002" << 6.00;
    QTest::newRow("babbage-002") << "babbage-002" << 0.40;
    // Aliases, other case, fine-tuned names, another snapshot of the same family.
    QTest::newRow("alias gpt-4.1") << "gpt-4.1" << 25.00;
    QTest::newRow("alias gpt-4.1-mini") << "gpt-4.1-mini" << 5.00;
    QTest::newRow("alias gpt-4o-mini") << "GPT-4o-mini" << 3.00;
    QTest::newRow("ft name") << "ft:gpt-4.1-nano-2025-04-14:acme:bot:x1" << 1.50;
    QTest::newRow("other gpt-3.5 snapshot") << "gpt-3.5-turbo-1106" << 8.00;
    QTest::newRow("alias gpt-3.5-turbo") << "gpt-3.5-turbo" << 8.00;
}

void tst_PriceTable::defaults()
{
    QFETCH(QString, model);
    QFETCH(double, price);
    const PriceTable table;
    QCOMPARE(table.price(model), price);
    QVERIFY(!table.isModified());
    QCOMPARE(PriceTable::load(nullptr).price(model), price);
}

void tst_PriceTable::unknownModels()
{
    const PriceTable table;
    QCOMPARE(table.price(QStringLiteral("o4-mini-2025-04-16")), -1.0); // billed per hour
    QCOMPARE(table.price(QStringLiteral("llama-3")), -1.0);
    QCOMPARE(table.price(QString()), -1.0);
    // "gpt-4.1" must not pick up "gpt-4.1-mini" or the other way round.
    QCOMPARE(table.resolve(QStringLiteral("gpt-4.1")), QStringLiteral("gpt-4.1-2025-04-14"));
    QCOMPARE(table.resolve(QStringLiteral("gpt-4.1-mini")),
            QStringLiteral("gpt-4.1-mini-2025-04-14"));
    QCOMPARE(table.resolve(QStringLiteral("gpt-4")), QString());
    QCOMPARE(table.resolve(QStringLiteral("gpt-4o-mini-tts")), QString());
    QVERIFY(PriceTable::defaultsCapturedOn().isValid());
    QVERIFY(PriceTable::defaultsCapturedText().contains(QStringLiteral("2026")));
}

void tst_PriceTable::editAndReset()
{
    PriceTable table;
    QVERIFY(table.setPrice(QStringLiteral("gpt-4o-mini-2024-07-18"), 2.5));
    QCOMPARE(table.price(QStringLiteral("gpt-4o-mini")), 2.5);
    QVERIFY(table.isModified());
    QVERIFY(table.setPrice(QStringLiteral("o4-mini-2025-04-16"), 100));
    QCOMPARE(table.price(QStringLiteral("o4-mini")), 100.0);
    const int count = int(table.entries().size());
    QVERIFY(table.entries().last().isUserAdded());
    // Setting again edits, not duplicates; names match without regard to case.
    QVERIFY(table.setPrice(QStringLiteral("O4-MINI-2025-04-16"), 90));
    QCOMPARE(int(table.entries().size()), count);
    QCOMPARE(table.price(QStringLiteral("o4-mini-2025-04-16")), 90.0);

    table.resetPrice(QStringLiteral("gpt-4o-mini-2024-07-18"));
    QCOMPARE(table.price(QStringLiteral("gpt-4o-mini")), 3.0);
    table.resetPrice(QStringLiteral("o4-mini-2025-04-16"));
    QCOMPARE(table.price(QStringLiteral("o4-mini")), -1.0);
    QCOMPARE(int(table.entries().size()), count - 1);
    QVERIFY(!table.isModified());
    table.resetPrice(QStringLiteral("not in the table")); // no effect

    QVERIFY(table.setPrice(QStringLiteral("gpt-4.1-2025-04-14"), 30));
    QVERIFY(table.setPrice(QStringLiteral("my-model"), 1));
    table.resetToDefaults();
    QVERIFY(!table.isModified());
    QCOMPARE(table.price(QStringLiteral("gpt-4.1")), 25.0);
    QCOMPARE(table.price(QStringLiteral("my-model")), -1.0);
}

void tst_PriceTable::refusesBadPrices()
{
    PriceTable table;
    QVERIFY(!table.setPrice(QStringLiteral("gpt-4.1"), -1));
    QVERIFY(!table.setPrice(QStringLiteral("gpt-4.1"), qQNaN()));
    QVERIFY(!table.setPrice(QStringLiteral("gpt-4.1"), qInf()));
    QVERIFY(!table.setPrice(QString(), 1));
    QVERIFY(!table.setPrice(QStringLiteral("   "), 1));
    QVERIFY(!table.isModified());
    QVERIFY(table.setPrice(QStringLiteral("free-model"), 0));
    QCOMPARE(table.price(QStringLiteral("free-model")), 0.0);
}

void tst_PriceTable::persistsOnlyChanges()
{
    QVERIFY(m_dir.isValid());
    const QString path = settingsPath("prices.ini");
    {
        fs::AppSettings settings(path);
        settings.setValue(QStringLiteral("other/key"), 1); // someone else's setting
        PriceTable table = PriceTable::load(&settings);
        QVERIFY(table.setPrice(QStringLiteral("gpt-4.1-mini-2025-04-14"), 4.25));
        QVERIFY(table.setPrice(QStringLiteral("gpt-5-mini-2025-08-07"), 0.123456789));
        table.save(&settings);
        settings.sync();
    }
    {
        fs::AppSettings settings(path);
        QCOMPARE(settings.trainingPrices().size(), 2); // only the two changes
        PriceTable table = PriceTable::load(&settings);
        QCOMPARE(table.price(QStringLiteral("gpt-4.1-mini")), 4.25);
        QCOMPARE(table.price(QStringLiteral("gpt-5-mini-2025-08-07")), 0.123456789);
        QCOMPARE(table.price(QStringLiteral("gpt-4.1")), 25.0); // untouched default
        QVERIFY(table.isModified());
        // Putting a price back to its default removes it from the file.
        table.resetPrice(QStringLiteral("gpt-4.1-mini-2025-04-14"));
        table.save(&settings);
        QCOMPARE(settings.trainingPrices().keys(),
                QStringList({QStringLiteral("gpt-5-mini-2025-08-07")}));
        table.resetToDefaults();
        table.save(&settings);
        QVERIFY(settings.trainingPrices().isEmpty());
        QCOMPARE(settings.value(QStringLiteral("other/key")).toInt(), 1);
    }
    // After the reset, a fresh load finds only the defaults.
    fs::AppSettings settings(path);
    QVERIFY(!PriceTable::load(&settings).isModified());
}

void tst_PriceTable::loadIgnoresJunk()
{
    const QString path = settingsPath("junk.ini");
    {
        QSettings raw(path, QSettings::IniFormat); // as a person might edit the file
        raw.beginGroup(QStringLiteral("trainingPrices"));
        raw.setValue(QStringLiteral("gpt-4o-2024-08-06"), QStringLiteral("twenty"));
        raw.setValue(QStringLiteral("gpt-4o-mini-2024-07-18"), QStringLiteral("-3"));
        raw.setValue(QStringLiteral("babbage-002"), QStringLiteral("0.5"));
        raw.endGroup();
    }
    fs::AppSettings settings(path);
    const PriceTable table = PriceTable::load(&settings);
    QCOMPARE(table.price(QStringLiteral("gpt-4o")), 25.0);
    QCOMPARE(table.price(QStringLiteral("gpt-4o-mini")), 3.0);
    QCOMPARE(table.price(QStringLiteral("babbage-002")), 0.5);
}

void tst_PriceTable::userEntryWinsForItsFamily()
{
    // A newer snapshot the user added is what the alias means to them.
    PriceTable table;
    QVERIFY(table.setPrice(QStringLiteral("gpt-4.1-mini-2025-09-01"), 4.0));
    QCOMPARE(table.price(QStringLiteral("gpt-4.1-mini")), 4.0);
    QCOMPARE(table.price(QStringLiteral("gpt-4.1-mini-2025-04-14")), 5.0); // exact match first
}

QTEST_GUILESS_MAIN(tst_PriceTable)
#include "tst_pricetable.moc"
