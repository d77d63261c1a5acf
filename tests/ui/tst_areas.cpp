// SPDX-License-Identifier: GPL-3.0-or-later
// The main window as the app assembles it: every area in its place, and the links between them.
#include "areas.h"
#include "connectionstore.h"
#include "datasetarea.h"
#include "datasetdocument.h"
#include "filelistmodel.h"
#include "filesarea.h"
#include "jobsarea.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "panewidget.h"
#include "playgroundarea.h"
#include "practicebucket.h"
#include "sandboxserver.h"
#include "secretstore.h"
#include "sidebysidepage.h"
#include "storagearea.h"
#include "targetselector.h"

#include <QFile>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace fs::ui;

class tst_Areas : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<fs::ConnectionStore> m_store;
    fs::MemorySecretStore m_secrets;
    std::unique_ptr<fs::sandbox::SandboxServer> m_sandbox;
    QNetworkAccessManager m_nam;
    std::unique_ptr<MainWindow> m_window;
    Areas m_areas;

private Q_SLOTS:
    void initTestCase()
    {
        // The areas keep history, recent files and upload journals in the user's folders.
        QVERIFY(m_home.isValid());
        for (const char *name : {"XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"})
            qputenv(name, m_home.filePath(QString::fromLatin1(name)).toUtf8());
        MessageBox::setTestHook([](const MessageRequest &request) {
            return request.defaultButton != QMessageBox::NoButton ? request.defaultButton
                                                                  : QMessageBox::Ok;
        });
        m_settings = std::make_unique<QSettings>(
                m_home.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        m_store = std::make_unique<fs::ConnectionStore>(m_settings.get());
        m_sandbox = std::make_unique<fs::sandbox::SandboxServer>();
        QString problem;
        QVERIFY2(m_sandbox->start(&problem), qPrintable(problem));
        m_store->setSandboxBaseUrl(m_sandbox->baseUrl());
    }

    void init()
    {
        m_window = std::make_unique<MainWindow>(m_store.get(), &m_secrets, &m_nam);
        m_areas = installAreas(m_window.get());
        m_window->show();
    }

    void cleanup() { m_window.reset(); }

    void everyAreaInItsPlace()
    {
        QCOMPARE(m_window->areaCount(), 6);
        QCOMPARE(m_window->area(0), m_areas.datasets);
        QCOMPARE(m_window->area(1), m_areas.files);
        QCOMPARE(m_window->area(2), m_areas.jobs);
        QCOMPARE(m_window->area(3), m_areas.playground);
        QCOMPARE(m_window->area(4), m_areas.storage);
        QCOMPARE(m_window->currentArea(), 0);
        auto *navigation = m_window->findChild<QListWidget *>();
        QVERIFY(navigation);
        QStringList titles;
        for (int i = 0; i < navigation->count(); ++i) {
            titles << navigation->item(i)->text();
            QVERIFY2(!navigation->item(i)->icon().isNull(), qPrintable(titles.last()));
        }
        QCOMPARE(titles,
                QStringList({QStringLiteral("Datasets"), QStringLiteral("Files"),
                        QStringLiteral("Jobs"), QStringLiteral("Playground"),
                        QStringLiteral("Buckets"), QStringLiteral("Connection")}));
    }

    void checkpointFromJobsOpensInPlayground()
    {
        const QString model = QStringLiteral("ft:gpt-4.1-mini-2025-04-14:sandbox::abc123");
        emit m_areas.jobs->openInPlayground(model);
        QCOMPARE(m_window->currentArea(), 3);
        QCOMPARE(m_areas.playground->currentPage(), PlaygroundArea::SideBySide);
        SideBySidePage *page = m_areas.playground->sideBySidePage();
        QCOMPARE(page->paneWidget(1)->targetSelector()->model(), model);
    }

    void objectFromBucketOpensInDatasets()
    {
        m_window->showArea(4);
        const QString path = m_home.filePath(QStringLiteral("from-bucket.jsonl"));
        QVERIFY(QFile::copy(QStringLiteral(":/samples/support-bot.jsonl"), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        emit m_areas.storage->openDatasetRequested(path);
        QCOMPARE(m_window->currentArea(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_areas.datasets->document()->count(), 12, 10000);
        QCOMPARE(m_areas.datasets->document()->filePath(), path);
    }

    void keepingAnAnswerWithoutDatasetStartsOne()
    {
        m_window->showArea(3);
        QVERIFY(m_areas.datasets->isWelcomeShown());
        emit m_areas.playground->datasetNeeded();
        QCOMPARE(m_window->currentArea(), 0);
        QVERIFY(!m_areas.datasets->isWelcomeShown());
    }

    void fileSentFromABucketReloadsTheFilesList()
    {
        fs::FileListModel *files = m_areas.files->model();
        QTRY_VERIFY_WITH_TIMEOUT(files->isLoaded() && !files->isLoading(), 10000);
        emit m_areas.storage->fileSent(QStringLiteral("file-abc"), false);
        QVERIFY(files->isLoading());
        QTRY_VERIFY_WITH_TIMEOUT(!files->isLoading(), 10000);
    }

    void bucketsShowThePracticeBucketOfTheSandbox()
    {
        // As the app assembles it: the Buckets area lists the built-in sandbox's practice bucket.
        m_window->showArea(4);
        QCOMPARE(m_areas.storage->currentConnectionId(), fs::practice::connectionId());
        QTRY_COMPARE_WITH_TIMEOUT(m_areas.storage->listing().objects.size(),
                fs::practice::sampleKeys().size(), 10000);
        QVERIFY(m_areas.storage->selectKey(QStringLiteral("support-bot.jsonl")));
    }

    void playgroundMessagesReachTheStatusBar()
    {
        emit m_areas.playground->message(QStringLiteral("Session saved."));
        QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Session saved."));
    }
};

QTEST_MAIN(tst_Areas)
#include "tst_areas.moc"
