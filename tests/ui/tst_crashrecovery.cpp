// SPDX-License-Identifier: GPL-3.0-or-later
// Crash recovery as a person meets it: a real process edits a dataset, autosaves and is killed
// (kill -9); the next start of the window offers the work back, and Recover restores it.
#include "appidentity.h"
#include "application.h"
#include "areas.h"
#include "connectionstore.h"
#include "datasetarea.h"
#include "datasetdocument.h"
#include "datasetrecovery.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "recoverydialog.h"
#include "screenshot.h"
#include "secretstore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

using namespace fs;
using namespace fs::ui;

namespace {

const QString kEdit = QStringLiteral("Edited just before the crash");

/// Whether any recovery file under `dir` holds `text` (the autosave has happened).
bool recoveryHolds(const QString &dir, const QString &text)
{
    QDirIterator it(dir, {QStringLiteral("*.jsonl")}, QDir::Files);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(text.toUtf8()))
            return true;
    }
    return false;
}

/// The state letter of a process in /proc ('Z': dead, not reaped yet), or 0 when it is gone.
char processState(pid_t pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close >= 0 && close + 2 < line.size() ? line.at(close + 2) : char(0);
}

} // namespace

class tst_CrashRecovery : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;

    QString recoveryDir() const
    {
        return m_home.filePath(QStringLiteral("data/FinetuneStudio/finetune-studio/recovery"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        // This process is the "fresh start": it looks where the app looks, in the test's folder.
        qputenv("HOME", m_home.path().toUtf8());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
        // The killed session autosaves after 0.2 s instead of 30 s.
        qputenv("FS_AUTOSAVE_MS", "200");
        setAppIdentity();
        MessageBox::setTestHook([](const MessageRequest &request) {
            // "Unsaved Changes" at the end: close without saving.
            return request.buttons.testFlag(QMessageBox::Discard) ? QMessageBox::Discard
                                                                  : request.defaultButton;
        });
    }

    void killedSessionIsOfferedBack_data()
    {
        QTest::addColumn<bool>("sample");
        QTest::newRow("saved file") << false;
        QTest::newRow("sample from the welcome page") << true;
    }

    void killedSessionIsOfferedBack()
    {
        QFETCH(bool, sample);
        QString path = QStringLiteral(":/samples/support-bot.jsonl");
        if (!sample) {
            path = m_home.filePath(QStringLiteral("support-bot.jsonl"));
            QFile::remove(path);
            QVERIFY(QFile::copy(QStringLiteral(":/samples/support-bot.jsonl"), path));
            QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        }
        const QString edit =
                kEdit + QLatin1Char(' ') + QString::fromLatin1(QTest::currentDataTag());

        // The session to be killed: a process of its own, with this test's settings folders.
        const QByteArray program = QByteArrayLiteral(FS_CRASH_SESSION);
        const QByteArray fileArgument = path.toUtf8();
        const QByteArray textArgument = edit.toUtf8();
        char *argv[] = {const_cast<char *>(program.constData()),
                const_cast<char *>(fileArgument.constData()),
                const_cast<char *>(textArgument.constData()), nullptr};
        pid_t pid = 0;
        QCOMPARE(::posix_spawn(&pid, program.constData(), nullptr, nullptr, argv, environ), 0);
        QTRY_VERIFY_WITH_TIMEOUT(recoveryHolds(recoveryDir(), edit), 60000);
        QCOMPARE(::kill(pid, SIGKILL), 0);
        // Dead, and (like under a launcher that doesn't reap its children) not yet reaped: the
        // process id still has its /proc entry. That hid every crash before.
        QTRY_COMPARE(processState(pid), 'Z');

        // A fresh start of the window, as the app builds it.
        ConnectionStore store; // on the application's settings
        MemorySecretStore secrets;
        QNetworkAccessManager nam;
        MainWindow window(&store, &secrets, &nam);
        const Areas areas = installAreas(&window);
        window.resize(1024, 600);
        window.show();
        startUp(&window, areas.datasets, {});
        RecoveryDialog *offer = areas.datasets->recoveryDialog();
        QVERIFY(offer);
        QTRY_VERIFY(offer->isVisible());
        QVERIFY(offer->findChild<QLabel *>()->text().contains(QLatin1String("support-bot.jsonl")));
        QVERIFY2(offer->summaryText().startsWith(QLatin1String("1 example changed.")),
                qPrintable(offer->summaryText()));
        fs::test::saveScreenshotOver(
                &window, offer, QStringLiteral("crash-recovery-%1").arg(sample ? 1 : 0));
        offer->findChild<QPushButton *>(QStringLiteral("recoverPushButton"))->click();
        DatasetDocument *document = areas.datasets->document();
        QTRY_VERIFY(document->isModified());
        QCOMPARE(document->example(0).message(1).text(), edit);
        QCOMPARE(document->filePath(), path);
        QVERIFY(!areas.datasets->isWelcomeShown());
        QVERIFY(window.isWindowModified());
        // Offered once: the work is this session's now.
        QVERIFY(DatasetRecovery::find().isEmpty());

        int status = 0;
        QCOMPARE(::waitpid(pid, &status, 0), pid);
        QVERIFY(WIFSIGNALED(status));
        // Closing without saving drops it for good.
        areas.datasets->closeDataset();
        QVERIFY(!recoveryHolds(recoveryDir(), edit));
    }
};

QTEST_MAIN(tst_CrashRecovery)
#include "tst_crashrecovery.moc"
