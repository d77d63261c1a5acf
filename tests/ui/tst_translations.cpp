// SPDX-License-Identifier: GPL-3.0-or-later
#include "activeconnection.h"
#include "application.h"
#include "appsettings.h"
#include "connectionsdialog.h"
#include "connectionstatuswidget.h"
#include "connectionstore.h"
#include "connectiontester.h"
#include "mainwindow.h"
#include "sandboxserver.h"
#include "screenshot.h"
#include "secretstore.h"

#include <QApplication>
#include <QLocale>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

class tst_Translations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void japaneseCatalogueLoads()
    {
        auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
        QVERIFY(app);
        QVERIFY(fs::ui::installTranslators(*app, QLocale(QLocale::Japanese, QLocale::Japan)));
        fs::ConnectionCheck check;
        check.outcome = fs::ConnectionCheck::Outcome::Ok;
        QCOMPARE(check.shortText(), QStringLiteral("接続済み"));
        check.outcome = fs::ConnectionCheck::Outcome::WrongKey;
        QVERIFY(check.plainMessage().contains(QStringLiteral("APIキー")));
        QCOMPARE(QCoreApplication::translate("fs::ui::MainWindow", "&File"),
                QStringLiteral("ファイル(&F)"));
    }

    void mainWindowSpeaksJapanese()
    {
        auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
        QVERIFY(fs::ui::installTranslators(*app, QLocale(QLocale::Japanese, QLocale::Japan)));
        QTemporaryDir dir;
        fs::AppSettings settings(dir.filePath(QStringLiteral("s.ini")));
        fs::ConnectionStore store(&settings);
        fs::MemorySecretStore secrets;
        QNetworkAccessManager nam;
        fs::sandbox::SandboxServer sandbox;
        QVERIFY(sandbox.start());
        store.setSandboxBaseUrl(sandbox.baseUrl());
        fs::ui::MainWindow window(&store, &secrets, &nam);
        window.show();
        QCOMPARE(window.menuBar()->actions().constFirst()->text(), QStringLiteral("ファイル(&F)"));
        QTRY_VERIFY_WITH_TIMEOUT(window.activeConnection()->isSettled(), 15000);
        QCOMPARE(window.statusWidget()->text(),
                QStringLiteral("サンドボックス (練習用・シミュレーション): 接続済み"));
        window.manageConnections();
        QVERIFY(window.connectionsDialog());
        QCOMPARE(window.connectionsDialog()->windowTitle(), QStringLiteral("接続"));

        fs::test::saveScreenshot(&window, QStringLiteral("ja-mainwindow"));
        fs::test::saveScreenshot(window.connectionsDialog(), QStringLiteral("ja-dialog"));
        window.connectionsDialog()->close();
    }

    void englishNeedsNoCatalogue()
    {
        auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
        // Replaces the Japanese translators installed above.
        QVERIFY(!fs::ui::installTranslators(
                *app, QLocale(QLocale::English, QLocale::UnitedStates)));
        fs::ConnectionCheck check;
        check.outcome = fs::ConnectionCheck::Outcome::Ok;
        QCOMPARE(check.shortText(), QStringLiteral("Connected"));
    }

    void japaneseFirstInTheUiLanguagesWins()
    {
        auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
        QVERIFY(fs::ui::installTranslators(*app, QLocale(QStringLiteral("ja_JP"))));
        fs::ConnectionCheck check;
        check.outcome = fs::ConnectionCheck::Outcome::Unreachable;
        QVERIFY(check.shortText() != QStringLiteral("Can't reach the server"));
        QVERIFY(fs::ui::installTranslators(*app, QLocale(QLocale::Japanese)));
        QVERIFY(!fs::ui::installTranslators(*app, QLocale(QLocale::German, QLocale::Germany)));
        QCOMPARE(check.shortText(), QStringLiteral("Can't reach the server"));
    }
};

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"
