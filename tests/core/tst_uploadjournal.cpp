// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadjournal.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace fs;

class tst_UploadJournal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripAndParts();
    void findMatchesSourceServerAndPurpose();
    void pendingSkipsAndPrunesExpired();
    void removeLeavesANewerUploadAlone();
    void damagedEntriesArePruned();
    void defaultDirectoryIsUnderAppData();

private:
    static UploadJournalEntry sample(
            const QString &key = QStringLiteral("file:/data/a.jsonl|10|1"));
};

UploadJournalEntry tst_UploadJournal::sample(const QString &key)
{
    UploadJournalEntry entry;
    entry.resumeKey = key;
    entry.server = QStringLiteral("http://127.0.0.1:9/v1");
    entry.sourcePath = QStringLiteral("/data/a.jsonl");
    entry.filename = QStringLiteral("a.jsonl");
    entry.bytes = 250;
    entry.purpose = QStringLiteral("fine-tune");
    entry.uploadId = QStringLiteral("upload_abc");
    entry.createdAt = 1000;
    entry.expiresAt = 1000 + 3600;
    entry.partSize = 100;
    return entry;
}

void tst_UploadJournal::roundTripAndParts()
{
    QTemporaryDir dir;
    const UploadJournal journal(dir.path() + QStringLiteral("/sub/uploads"));
    UploadJournalEntry entry = sample();
    QCOMPARE(entry.partCount(), 3);
    QVERIFY(journal.save(entry));
    QVERIFY(journal.recordPart(&entry, 2, QStringLiteral("part_c")));
    QVERIFY(journal.recordPart(&entry, 0, QStringLiteral("part_a")));

    UploadJournalEntry found;
    QVERIFY(journal.find(entry.resumeKey, entry.server, entry.purpose, &found));
    QCOMPARE(found.uploadId, QStringLiteral("upload_abc"));
    QCOMPARE(found.sourcePath, QStringLiteral("/data/a.jsonl"));
    QCOMPARE(found.filename, QStringLiteral("a.jsonl"));
    QCOMPARE(found.bytes, 250);
    QCOMPARE(found.partSize, 100);
    QCOMPARE(found.createdAt, 1000);
    QCOMPARE(found.expiresAt, 4600);
    QCOMPARE(found.sentParts.size(), 2);
    QCOMPARE(found.sentParts.value(0), QStringLiteral("part_a"));
    QCOMPARE(found.sentParts.value(2), QStringLiteral("part_c"));
    // The last part is the short one: 100 + 50.
    QCOMPARE(found.sentBytes(), 150);
    // One file, written atomically: no temporary files left behind.
    QCOMPARE(QDir(journal.directory()).entryList(QDir::Files).size(), 1);
}

void tst_UploadJournal::findMatchesSourceServerAndPurpose()
{
    QTemporaryDir dir;
    const UploadJournal journal(dir.path());
    const UploadJournalEntry entry = sample();
    QVERIFY(journal.save(entry));
    UploadJournalEntry found;
    QVERIFY(!journal.find(QStringLiteral("file:/data/a.jsonl|10|2"), entry.server, entry.purpose,
            &found)); // modified since: other bytes
    QVERIFY(!journal.find(
            entry.resumeKey, QStringLiteral("https://api.openai.com/v1"), entry.purpose, &found));
    QVERIFY(!journal.find(entry.resumeKey, entry.server, QStringLiteral("batch"), &found));
    QVERIFY(!journal.find(QString(), entry.server, entry.purpose, &found));
    QVERIFY(journal.find(entry.resumeKey, entry.server, entry.purpose, &found));
}

void tst_UploadJournal::pendingSkipsAndPrunesExpired()
{
    QTemporaryDir dir;
    const UploadJournal journal(dir.path());
    UploadJournalEntry fresh = sample(QStringLiteral("fresh"));
    fresh.expiresAt = 10000;
    UploadJournalEntry closeToExpiry = sample(QStringLiteral("close"));
    closeToExpiry.uploadId = QStringLiteral("upload_close");
    closeToExpiry.expiresAt = 9000 + UploadJournal::kSafetyMarginSecs - 1;
    UploadJournalEntry elsewhere = sample(QStringLiteral("elsewhere"));
    elsewhere.server = QStringLiteral("https://example.test/v1");
    elsewhere.expiresAt = 10000;
    for (const UploadJournalEntry &entry : {fresh, closeToExpiry, elsewhere})
        QVERIFY(journal.save(entry));
    QCOMPARE(journal.entries().size(), 3);

    const QList<UploadJournalEntry> pending = journal.pendingUploads(fresh.server, 9000);
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.at(0).resumeKey, QStringLiteral("fresh"));
    // The one too close to its expiry is gone from disk; the other server's stays.
    QCOMPARE(journal.entries().size(), 2);
    QCOMPARE(journal.pendingUploads({}, 9000).size(), 2);
    QCOMPARE(journal.prune(20000), 2);
    QVERIFY(journal.entries().isEmpty());
}

void tst_UploadJournal::removeLeavesANewerUploadAlone()
{
    QTemporaryDir dir;
    const UploadJournal journal(dir.path());
    const UploadJournalEntry old = sample();
    UploadJournalEntry newer = sample();
    newer.uploadId = QStringLiteral("upload_new");
    QVERIFY(journal.save(newer)); // replaced the old one (same source and server)
    journal.remove(old);
    QCOMPARE(journal.entries().size(), 1);
    journal.removeUpload(QStringLiteral("upload_other"));
    QCOMPARE(journal.entries().size(), 1);
    journal.removeUpload(QStringLiteral("upload_new"));
    QVERIFY(journal.entries().isEmpty());
    QVERIFY(journal.save(newer));
    journal.remove(newer);
    QVERIFY(journal.entries().isEmpty());
}

void tst_UploadJournal::damagedEntriesArePruned()
{
    QTemporaryDir dir;
    const UploadJournal journal(dir.path());
    QFile damaged(dir.filePath(QStringLiteral("0123.upload.json")));
    QVERIFY(damaged.open(QIODevice::WriteOnly));
    damaged.write("{\"resume_key\": \"x\", \"upl");
    damaged.close();
    QVERIFY(journal.entries().isEmpty());
    QCOMPARE(journal.prune(0), 1);
    QVERIFY(!QFile::exists(damaged.fileName()));
}

void tst_UploadJournal::defaultDirectoryIsUnderAppData()
{
    QVERIFY(UploadJournal::defaultDirectory().endsWith(QLatin1String("/uploads")));
    QCOMPARE(UploadJournal().directory(), UploadJournal::defaultDirectory());
}

QTEST_GUILESS_MAIN(tst_UploadJournal)
#include "tst_uploadjournal.moc"
