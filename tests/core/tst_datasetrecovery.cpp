// SPDX-License-Identifier: GPL-3.0-or-later
#include "datasetdocument.h"
#include "datasetrecovery.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace fs;

namespace {

QByteArray line(const QString &user)
{
    return QJsonDocument(
            QJsonObject {{QStringLiteral("messages"),
                    QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                                        {QStringLiteral("content"), user}},
                            QJsonObject {{QStringLiteral("role"), QStringLiteral("assistant")},
                                    {QStringLiteral("content"), QStringLiteral("OK")}}}}})
            .toJson(QJsonDocument::Compact);
}

bool write(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            && file.write(bytes) == bytes.size();
}

QByteArray lines(const QStringList &users)
{
    QByteArray bytes;
    for (const QString &user : users)
        bytes += line(user) + '\n';
    return bytes;
}

/// A recovery file as a session that has ended leaves it.
QString leaveRecovery(const QString &dir, const QString &name, const QString &originalPath,
        const QByteArray &bytes, const QJsonObject &extra = {})
{
    QDir().mkpath(dir);
    const QString path = QDir(dir).filePath(name + QStringLiteral(".jsonl"));
    write(path, bytes);
    QJsonObject meta {{QStringLiteral("originalPath"), originalPath},
            {QStringLiteral("savedAt"), QStringLiteral("2026-12-06T10:00:00.000Z")},
            {QStringLiteral("examples"), int(bytes.count('\n'))},
            {QStringLiteral("session"), QStringLiteral("ended-%1").arg(name)}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        meta.insert(it.key(), it.value());
    write(DatasetRecovery::sidecarPath(path), QJsonDocument(meta).toJson());
    return path;
}

} // namespace

class tst_DatasetRecovery : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void sessionLockTellsRunningFromEnded()
    {
        const QString dir = m_dir.filePath(QStringLiteral("locks"));
        QVERIFY(DatasetRecovery::claimSession(dir));
        QVERIFY(DatasetRecovery::isSessionAlive(dir, DatasetRecovery::sessionId()));
        // Another session that holds its lock is running; once the lock is gone, it has ended.
        const QString other = QDir(dir).filePath(QStringLiteral("session-other.lock"));
        const int fd = ::open(QFile::encodeName(other).constData(), O_RDWR | O_CREAT, 0600);
        QVERIFY(fd >= 0);
        QCOMPARE(::flock(fd, LOCK_EX | LOCK_NB), 0);
        QVERIFY(DatasetRecovery::isSessionAlive(dir, QStringLiteral("other")));
        ::close(fd);
        QVERIFY(!DatasetRecovery::isSessionAlive(dir, QStringLiteral("other")));
        QVERIFY(!DatasetRecovery::isSessionAlive(dir, QStringLiteral("never-started")));
        // find() tidies the lock of an ended session with nothing left to recover.
        QVERIFY(DatasetRecovery::find(dir).isEmpty());
        QVERIFY(!QFile::exists(other));
        QVERIFY(QFile::exists(QDir(dir).filePath(
                QStringLiteral("session-%1.lock").arg(DatasetRecovery::sessionId()))));
    }

    void killedProcessNotYetReapedHasEnded()
    {
        // The case that hid every crash: a killed app nobody has reaped yet (a zombie) still has
        // its /proc entry. Its work must be offered anyway. (Sidecars of older versions name
        // only the process id.)
        const QString dir = m_dir.filePath(QStringLiteral("zombie"));
        const pid_t child = ::fork();
        if (child == 0)
            ::_exit(0);
        QVERIFY(child > 0);
        QTRY_VERIFY([child] {
            QFile stat(QStringLiteral("/proc/%1/stat").arg(child));
            return stat.open(QIODevice::ReadOnly) && stat.readAll().contains(") Z ");
        }());
        leaveRecovery(dir, QStringLiteral("work"), m_dir.filePath(QStringLiteral("work.jsonl")),
                lines({QStringLiteral("a")}),
                {{QStringLiteral("pid"), qint64(child)}, {QStringLiteral("session"), QString()}});
        const QList<RecoveryFile> found = DatasetRecovery::find(dir);
        int status = 0;
        ::waitpid(child, &status, 0);
        QCOMPARE(found.size(), 1);
        // A live process's files are not offered.
        leaveRecovery(dir, QStringLiteral("live"), QString(), lines({QStringLiteral("b")}),
                {{QStringLiteral("pid"), qint64(::getppid())},
                        {QStringLiteral("session"), QString()}});
        QCOMPARE(DatasetRecovery::find(dir).size(), 1);
    }

    void ownWorkIsNotOfferedAndDoesNotOverwriteAbandonedWork()
    {
        const QString dir = m_dir.filePath(QStringLiteral("sessions"));
        const QString path = m_dir.filePath(QStringLiteral("data.jsonl"));
        QVERIFY(write(path, lines({QStringLiteral("a"), QStringLiteral("b")})));
        const QString abandoned = leaveRecovery(dir, QStringLiteral("crashed"), path,
                lines({QStringLiteral("a"), QStringLiteral("b, edited")}));
        // This session opens the same file and autosaves its own work beside it.
        DatasetDocument doc;
        doc.setRecoveryDirectory(dir);
        doc.setAutosaveDelay(20);
        QVERIFY(!doc.open(path).isError());
        QSignalSpy autosaved(&doc, &DatasetDocument::autosaved);
        doc.removeExample(0);
        QVERIFY(autosaved.wait(5000));
        QVERIFY(doc.recoveryFilePath() != abandoned);
        QVERIFY(QFile::exists(abandoned));
        // Back to the saved state: only its own file goes.
        doc.undoStack()->undo();
        QVERIFY(!QFile::exists(doc.recoveryFilePath()));
        QVERIFY(QFile::exists(abandoned));
        const auto found = DatasetRecovery::findFor(path, dir);
        QVERIFY(found.has_value());
        QCOMPARE(found->path, abandoned);
        QCOMPARE(found->session, QStringLiteral("ended-crashed"));
        QVERIFY(!DatasetRecovery::findFor(m_dir.filePath(QStringLiteral("other.jsonl")), dir));
    }

    void recoverTakesTheWorkOver()
    {
        const QString dir = m_dir.filePath(QStringLiteral("takeover"));
        const QString path = m_dir.filePath(QStringLiteral("takeover.jsonl"));
        QVERIFY(write(path, lines({QStringLiteral("a")})));
        const QByteArray unsaved = lines({QStringLiteral("a"), QStringLiteral("new")});
        leaveRecovery(dir, QStringLiteral("crashed"), path, unsaved);
        const auto found = DatasetRecovery::findFor(path, dir);
        QVERIFY(found);
        {
            DatasetDocument doc;
            doc.setRecoveryDirectory(dir);
            doc.setAutosaveDelay(0);
            QVERIFY(!doc.recover(*found).isError());
            QCOMPARE(doc.toBytes(), unsaved);
            QVERIFY(doc.isModified());
            QCOMPARE(doc.filePath(), path);
            // Still on disk in case this session crashes too, but no longer offered.
            QCOMPARE(QFile(doc.recoveryFilePath()).size(), qint64(unsaved.size()));
            QVERIFY(DatasetRecovery::find(dir).isEmpty());
        }
        // Closed without saving: gone.
        QCOMPARE(QDir(dir).entryList({QStringLiteral("*.jsonl")}, QDir::Files).size(), 0);
    }

    void compareSaysWhatDiffers_data()
    {
        QTest::addColumn<QStringList>("saved");
        QTest::addColumn<QStringList>("recovered");
        QTest::addColumn<int>("changed");
        QTest::addColumn<int>("added");
        QTest::addColumn<int>("removed");
        QTest::addColumn<QString>("summary");
        const QStringList abcde {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"),
                QStringLiteral("D"), QStringLiteral("E")};
        QTest::newRow("same") << abcde << abcde << 0 << 0 << 0
                              << QStringLiteral("The examples are the same as in the saved file.");
        QTest::newRow("edits and additions")
                << abcde
                << QStringList {QStringLiteral("A"), QStringLiteral("B2"), QStringLiteral("C"),
                           QStringLiteral("D2"), QStringLiteral("E2"), QStringLiteral("F")}
                << 3 << 1 << 0 << QStringLiteral("3 examples changed, 1 added.");
        QTest::newRow("edit, delete, append")
                << abcde
                << QStringList {QStringLiteral("A"), QStringLiteral("B2"), QStringLiteral("D"),
                           QStringLiteral("E"), QStringLiteral("F"), QStringLiteral("G")}
                << 1 << 2 << 1 << QStringLiteral("1 example changed, 2 added, 1 deleted.");
        QTest::newRow("moved only")
                << abcde
                << QStringList {QStringLiteral("E"), QStringLiteral("A"), QStringLiteral("B"),
                           QStringLiteral("C"), QStringLiteral("D")}
                << 0 << 0 << 0 << QStringLiteral("The examples are the same as in the saved file.");
        QTest::newRow("deleted only")
                << abcde << QStringList {QStringLiteral("A"), QStringLiteral("E")} << 0 << 0 << 3
                << QStringLiteral("3 examples deleted.");
    }

    void compareSaysWhatDiffers()
    {
        QFETCH(QStringList, saved);
        QFETCH(QStringList, recovered);
        QFETCH(int, changed);
        QFETCH(int, added);
        QFETCH(int, removed);
        QFETCH(QString, summary);
        const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(' ', '-');
        const QString dir = m_dir.filePath(QStringLiteral("compare-") + tag);
        const QString path = m_dir.filePath(tag + QStringLiteral(".jsonl"));
        QVERIFY(write(path, lines(saved)));
        leaveRecovery(dir, QStringLiteral("crashed"), path, lines(recovered));
        const auto file = DatasetRecovery::findFor(path, dir);
        QVERIFY(file);
        const RecoveryDiff diff = DatasetRecovery::compare(*file);
        QVERIFY(diff.hasOriginal);
        QCOMPARE(diff.changed, changed);
        QCOMPARE(diff.added, added);
        QCOMPARE(diff.removed, removed);
        QCOMPARE(DatasetRecovery::summary(diff), summary);
        QCOMPARE(diff.entries.size(), changed + added + removed);
    }

    void compareListsTheDifferingExamples()
    {
        const QString dir = m_dir.filePath(QStringLiteral("entries"));
        const QString path = m_dir.filePath(QStringLiteral("entries.jsonl"));
        QVERIFY(write(
                path, lines({QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")})));
        leaveRecovery(dir, QStringLiteral("crashed"), path,
                lines({QStringLiteral("A"), QStringLiteral("B, better"), QStringLiteral("New")}));
        const RecoveryDiff diff = DatasetRecovery::compare(*DatasetRecovery::findFor(path, dir));
        QCOMPARE(diff.entries.size(), 2);
        QCOMPARE(diff.entries.at(0).kind, RecoveryDiff::Kind::Changed);
        QCOMPARE(diff.entries.at(0).row, 1);
        QCOMPARE(diff.entries.at(0).preview, QStringLiteral("B, better"));
        // C vanished where "New" appeared: an edit in place.
        QCOMPARE(diff.entries.at(1).kind, RecoveryDiff::Kind::Changed);
        QCOMPARE(diff.entries.at(1).row, 2);
    }

    void untitledAndSampleWork()
    {
        const QString dir = m_dir.filePath(QStringLiteral("untitled"));
        leaveRecovery(dir, QStringLiteral("untitled"), QString(),
                lines({QStringLiteral("x"), QStringLiteral("y")}));
        const QList<RecoveryFile> found = DatasetRecovery::find(dir);
        QCOMPARE(found.size(), 1);
        const RecoveryDiff diff = DatasetRecovery::compare(found.first());
        QVERIFY(!diff.hasOriginal);
        QCOMPARE(diff.added, 2);
        QCOMPARE(DatasetRecovery::summary(diff),
                QStringLiteral("2 examples not saved in any file."));
        // A sample (a resource path) is found by the path it was opened with.
        const QString sample = QStringLiteral(":/samples/support-bot.jsonl");
        leaveRecovery(dir, QStringLiteral("sample"), sample, lines({QStringLiteral("z")}));
        QVERIFY(DatasetRecovery::findFor(sample, dir).has_value());
    }
};

QTEST_GUILESS_MAIN(tst_DatasetRecovery)
#include "tst_datasetrecovery.moc"
