// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"
#include "lastfolder.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace fs;

class tst_LastFolder : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void homeUntilAFolderWasUsed()
    {
        AppSettings settings(m_dir.filePath(QStringLiteral("a.ini")));
        const LastFolder last(&settings, AppSettings::Folder::Datasets);
        // Not the folder the app was started from.
        QCOMPARE(last.folder(), QDir::homePath());
        QCOMPARE(last.startPath(QStringLiteral("Untitled.jsonl")),
                QDir::home().filePath(QStringLiteral("Untitled.jsonl")));
    }

    void remembersTheFolderOfTheChosenFile()
    {
        const QString folder = m_dir.filePath(QStringLiteral("work"));
        QVERIFY(QDir().mkpath(folder));
        const QString ini = m_dir.filePath(QStringLiteral("b.ini"));
        {
            AppSettings settings(ini);
            LastFolder last(&settings, AppSettings::Folder::Datasets);
            last.remember(QDir(folder).filePath(QStringLiteral("shop.jsonl")));
            last.remember(QString()); // Cancel changes nothing
            last.remember(QStringLiteral(":/samples/support-bot.jsonl")); // nor a sample
            QCOMPARE(last.folder(), folder);
        }
        // Kept in the settings: the next session starts there.
        AppSettings settings(ini);
        const LastFolder again(&settings, AppSettings::Folder::Datasets);
        QCOMPARE(again.folder(), folder);
        QCOMPARE(again.startPath(QStringLiteral("x.jsonl")),
                QDir(folder).filePath(QStringLiteral("x.jsonl")));
        // A folder chosen as such is taken as it is.
        LastFolder other(&settings, AppSettings::Folder::Datasets);
        other.remember(m_dir.path());
        QCOMPARE(other.folder(), m_dir.path());
    }

    void aFolderThatIsGoneFallsBackToHome()
    {
        const QString folder = m_dir.filePath(QStringLiteral("gone"));
        QVERIFY(QDir().mkpath(folder));
        AppSettings settings(m_dir.filePath(QStringLiteral("c.ini")));
        LastFolder last(&settings, AppSettings::Folder::Datasets);
        last.remember(QDir(folder).filePath(QStringLiteral("a.csv")));
        QCOMPARE(last.folder(), folder);
        QVERIFY(QDir(folder).removeRecursively());
        QCOMPARE(last.folder(), QDir::homePath());
    }
};

QTEST_MAIN(tst_LastFolder)
#include "tst_lastfolder.moc"
