// SPDX-License-Identifier: GPL-3.0-or-later
// "%n" texts read as English without an English catalogue; a real catalogue still answers first.
#include "englishplurals.h"

#include <QCoreApplication>
#include <QTest>

using fs::EnglishPlurals;

class tst_EnglishPlurals : public QObject
{
    Q_OBJECT

    static QString counted(const char *text, int n)
    {
        return QCoreApplication::translate("fs::Test", text, nullptr, n);
    }

private Q_SLOTS:
    void oneAndMany()
    {
        // Installed at start for every test, as main() installs it for the app.
        QCOMPARE(counted("%n example(s)", 1), QStringLiteral("1 example"));
        QCOMPARE(counted("%n example(s)", 0), QStringLiteral("0 examples"));
        QCOMPARE(counted("%n example(s)", 2), QStringLiteral("2 examples"));
        QCOMPARE(counted("%n error(s) and %n warning(s)", 1),
                QStringLiteral("1 error and 1 warning"));
        QCOMPARE(counted("%Ln file(s)", 1234), QLocale().toString(1234) + QStringLiteral(" files"));
    }

    void leavesOtherTextsAlone()
    {
        const EnglishPlurals plurals;
        QVERIFY(plurals.translate("fs::Test", "Choose file(s)").isNull()); // no count
        QVERIFY(plurals.translate("fs::Test", "%n s left", nullptr, 3).isNull()); // no "(s)"
        QCOMPARE(plurals.translate("fs::Test", "%n day(s)", nullptr, 1), QStringLiteral("%n day"));
    }

    void aCatalogueAnswersFirst()
    {
        class Catalogue : public QTranslator
        {
        public:
            QString translate(const char *, const char *source, const char *, int) const override
            {
                return qstrcmp(source, "%n example(s)") == 0 ? QStringLiteral("%n 件の例")
                                                             : QString();
            }
            bool isEmpty() const override { return false; }
        } japanese;
        QVERIFY(QCoreApplication::installTranslator(&japanese));
        QCOMPARE(counted("%n example(s)", 2), QStringLiteral("2 件の例"));
        QCOMPARE(counted("%n error(s)", 2), QStringLiteral("2 errors")); // not in it: English
        QCoreApplication::removeTranslator(&japanese);
    }
};

QTEST_GUILESS_MAIN(tst_EnglishPlurals)
#include "tst_englishplurals.moc"
