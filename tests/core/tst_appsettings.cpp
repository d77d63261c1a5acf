// SPDX-License-Identifier: GPL-3.0-or-later
// The typed settings: defaults, migration from the keys the app wrote before settings had a
// version (schema 0), a file from a newer version left alone, and no secret in the file, ever.
#include "appsettings.h"
#include "connectionstore.h"
#include "storageconnection.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace fs;

class tst_AppSettings : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;

    QString newPath() { return m_dir.filePath(QStringLiteral("s%1.ini").arg(++m_files)); }

    static QByteArray contents(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    /// A settings file as the app wrote it before this version: every key it kept, by hand.
    static void writeSchema0(const QString &path)
    {
        QSettings old(path, QSettings::IniFormat);
        old.setValue(QStringLiteral("window/geometry"), QByteArray("\x01\xd9\xd0\xcb geometry"));
        old.setValue(QStringLiteral("sandbox/port"), 40123);
        old.setValue(QStringLiteral("datasets/recentFiles"),
                QStringList {QStringLiteral("/data/a.jsonl"), QStringLiteral("/data/b.jsonl")});
        old.setValue(QStringLiteral("datasets/lastFolder"), QStringLiteral("/data"));
        old.setValue(QStringLiteral("welcome/shown"), true);
        old.setValue(QStringLiteral("training/lastBaseModel"), QStringLiteral("gpt-4.1-mini"));
        old.setValue(
                QStringLiteral("trainingPrices/gpt-4.1-mini-2025-04-14"), QStringLiteral("4.5"));
        old.setValue(QStringLiteral("trainingPrices/Qwen%2FQwen2.5-7B"), QStringLiteral("1.25"));
        old.setValue(QStringLiteral("deployments/idleStopMinutes"), 45);
        old.setValue(QStringLiteral("retirement/remindLater"),
                QVariantMap {{QStringLiteral("c1|ft:gpt-4o:x"), QStringLiteral("2026-11-30")}});
        old.setValue(QStringLiteral("files/uploadPurpose"), QStringLiteral("assistants"));
        old.setValue(QStringLiteral("files/uploadUse"), 1); // the combo box's index: validation
        old.setValue(QStringLiteral("files/alwaysResumable"), true);
        old.setValue(QStringLiteral("files/use/file-abc"), QStringLiteral("validation"));
        old.setValue(QStringLiteral("connections/order"), QStringList {QStringLiteral("c1")});
        old.setValue(QStringLiteral("connections/active"), QStringLiteral("c1"));
        old.setValue(QStringLiteral("connections/c1/name"), QStringLiteral("Work"));
        old.setValue(QStringLiteral("connections/c1/kind"), QStringLiteral("openai"));
        old.setValue(QStringLiteral("connections/c1/baseUrl"),
                QStringLiteral("https://api.openai.com/v1"));
        old.setValue(QStringLiteral("connections/c1/hasKey"), true);
        old.setValue(
                QStringLiteral("storageConnections/order"), QStringList {QStringLiteral("s1")});
        old.setValue(QStringLiteral("storageConnections/s1/name"), QStringLiteral("Bucket"));
        old.setValue(QStringLiteral("storageConnections/s1/endpoint"),
                QStringLiteral("https://s3.example.com"));
        old.setValue(QStringLiteral("storageConnections/s1/bucket"), QStringLiteral("data"));
        old.setValue(QStringLiteral("storageConnections/s1/accessKeyId"), QStringLiteral("AKIA1"));
        old.sync();
        QVERIFY(!old.contains(QStringLiteral("schemaVersion")));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void defaultsOfANewFile()
    {
        AppSettings settings(newPath());
        QCOMPARE(settings.schemaVersion(), AppSettings::kSchemaVersion);
        QVERIFY(settings.windowGeometry().isEmpty());
        QCOMPARE(settings.sandboxPort(), quint16(0));
        QVERIFY(settings.recentFiles().isEmpty());
        QVERIFY(settings.lastFolder(AppSettings::Folder::Datasets).isEmpty());
        QVERIFY(!settings.welcomeShown());
        QVERIFY(settings.lastBaseModel().isEmpty());
        QVERIFY(settings.trainingPrices().isEmpty());
        QVERIFY(!settings.idleStopMinutes().has_value());
        QVERIFY(settings.retirementReminders().isEmpty());
        QCOMPARE(settings.uploadPurpose(), QStringLiteral("fine-tune"));
        QVERIFY(!settings.uploadAsValidation());
        QVERIFY(!settings.alwaysResumable());
        QVERIFY(settings.fileUse(QStringLiteral("file-abc")).isEmpty());
    }

    void typedValuesRoundTrip()
    {
        const QString path = newPath();
        {
            AppSettings settings(path);
            settings.setSandboxPort(50001);
            settings.setIdleStopMinutes(-5); // never below zero
            settings.setLastBaseModel(QStringLiteral("gpt-4o-mini"));
            settings.setLastBaseModel(QString()); // an empty one is not remembered
            settings.setTrainingPrices({{QStringLiteral("a/b%c"), 2.5}});
            settings.setRetirementReminders(
                    {{QStringLiteral("k"), QDate(2026, 12, 1)}, {QStringLiteral("bad"), QDate()}});
            settings.setFileUse(QStringLiteral("file-1"), QStringLiteral("training"));
        }
        AppSettings again(path);
        QCOMPARE(again.sandboxPort(), quint16(50001));
        QCOMPARE(again.idleStopMinutes(), std::optional<int>(0));
        QCOMPARE(again.lastBaseModel(), QStringLiteral("gpt-4o-mini"));
        // A '/' in a model name is escaped so that it does not nest a group.
        QCOMPARE(again.trainingPrices(), (QMap<QString, double> {{QStringLiteral("a/b%c"), 2.5}}));
        QCOMPARE(again.retirementReminders(),
                (QMap<QString, QDate> {{QStringLiteral("k"), QDate(2026, 12, 1)}}));
        QCOMPARE(again.fileUse(QStringLiteral("file-1")), QStringLiteral("training"));
        again.forgetFileUse(QStringLiteral("file-1"));
        QVERIFY(again.fileUse(QStringLiteral("file-1")).isEmpty());
    }

    void migratesTodaysKeys()
    {
        const QString path = newPath();
        writeSchema0(path);
        {
            AppSettings settings(path); // opening migrates
            QCOMPARE(settings.schemaVersion(), AppSettings::kSchemaVersion);
            QCOMPARE(settings.windowGeometry(), QByteArray("\x01\xd9\xd0\xcb geometry"));
            QCOMPARE(settings.sandboxPort(), quint16(40123));
            QCOMPARE(settings.recentFiles(),
                    (QStringList {
                            QStringLiteral("/data/a.jsonl"), QStringLiteral("/data/b.jsonl")}));
            QCOMPARE(settings.lastFolder(AppSettings::Folder::Datasets), QStringLiteral("/data"));
            QVERIFY(settings.welcomeShown());
            QCOMPARE(settings.lastBaseModel(), QStringLiteral("gpt-4.1-mini"));
            QCOMPARE(settings.trainingPrices(),
                    (QMap<QString, double> {{QStringLiteral("gpt-4.1-mini-2025-04-14"), 4.5},
                            {QStringLiteral("Qwen/Qwen2.5-7B"), 1.25}}));
            QCOMPARE(settings.idleStopMinutes(), std::optional<int>(45));
            QCOMPARE(settings.retirementReminders(),
                    (QMap<QString, QDate> {
                            {QStringLiteral("c1|ft:gpt-4o:x"), QDate(2026, 11, 30)}}));
            QCOMPARE(settings.uploadPurpose(), QStringLiteral("assistants"));
            QVERIFY(settings.uploadAsValidation());
            QVERIFY(settings.alwaysResumable());
            QCOMPARE(settings.fileUse(QStringLiteral("file-abc")), QStringLiteral("validation"));
            // The stores read their records as before.
            const ConnectionStore connections(&settings);
            QCOMPARE(connections.activeId(), QStringLiteral("c1"));
            QCOMPARE(connections.connection(QStringLiteral("c1"))->name, QStringLiteral("Work"));
            QVERIFY(connections.hasKey(QStringLiteral("c1")));
            const StorageConnectionStore storage(&settings);
            QCOMPARE(
                    storage.connection(QStringLiteral("s1"))->accessKeyId, QStringLiteral("AKIA1"));
        }
        // The keys that moved are gone from the file, the version is written.
        QSettings raw(path, QSettings::IniFormat);
        QCOMPARE(raw.value(QStringLiteral("schemaVersion")).toInt(), AppSettings::kSchemaVersion);
        for (const char *old : {"welcome/shown", "training/lastBaseModel", "files/uploadUse"})
            QVERIFY2(!raw.contains(QLatin1String(old)), old);
    }

    void migrationIsIdempotent()
    {
        const QString path = newPath();
        writeSchema0(path);
        AppSettings settings(path);
        settings.sync();
        const QByteArray once = contents(path);
        QCOMPARE(settings.migrate(), AppSettings::Migration::AlreadyCurrent);
        settings.sync();
        QCOMPARE(contents(path), once);
        AppSettings reopened(path);
        QCOMPARE(reopened.migrate(), AppSettings::Migration::AlreadyCurrent);
        QVERIFY(reopened.welcomeShown());
        QCOMPARE(contents(path), once);
    }

    void aMovedKeyDoesNotOverwriteItsNewOne()
    {
        const QString path = newPath();
        {
            QSettings old(path, QSettings::IniFormat);
            old.setValue(QStringLiteral("training/lastBaseModel"), QStringLiteral("old"));
            old.setValue(QStringLiteral("jobs/lastBaseModel"), QStringLiteral("new"));
        }
        AppSettings settings(path);
        QCOMPARE(settings.lastBaseModel(), QStringLiteral("new"));
    }

    void aNewerFileIsLeftAlone()
    {
        const QString path = newPath();
        {
            QSettings newer(path, QSettings::IniFormat);
            newer.setValue(QStringLiteral("schemaVersion"), AppSettings::kSchemaVersion + 1);
            newer.setValue(QStringLiteral("welcome/shown"), true); // not ours to move there
            newer.setValue(QStringLiteral("somethingNew/setting"), 7);
        }
        const QByteArray before = contents(path);
        QTest::ignoreMessage(QtWarningMsg,
                QRegularExpression(QStringLiteral("written by a newer version of Finetune Studio "
                                                  "\\(settings version 2; this one knows 1\\)")));
        {
            AppSettings settings(path);
            QCOMPARE(settings.schemaVersion(), AppSettings::kSchemaVersion + 1);
            QVERIFY(!settings.welcomeShown());
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("newer version")));
            QCOMPARE(settings.migrate(), AppSettings::Migration::NewerLeftAlone);
        }
        QCOMPARE(contents(path), before);
    }

    void noSecretIsEverWritten()
    {
        const QString path = newPath();
        const QString apiKey = QStringLiteral("sk-live-0123456789abcdef");
        const QString token = QStringLiteral("eyJhbGciOiJ-azure-token");
        {
            AppSettings settings(path);
            ConnectionStore connections(&settings);
            Connection openai;
            openai.name = QStringLiteral("Work");
            openai.kind = Connection::Kind::OpenAI;
            openai.apiKey = apiKey;
            const QString id = connections.add(openai);
            openai.id = id;
            QVERIFY(connections.update(openai));
            connections.setHasKey(id, true);
            Connection azure;
            azure.name = QStringLiteral("Azure");
            azure.kind = Connection::Kind::Azure;
            azure.baseUrl = QUrl(QStringLiteral("https://name.openai.azure.com"));
            azure.apiKey = apiKey;
            azure.azure.subscription = QStringLiteral("sub");
            azure.azure.accessToken = token;
            connections.add(azure);
            StorageConnectionStore storage(&settings);
            StorageConnection bucket;
            bucket.name = QStringLiteral("Bucket");
            bucket.endpoint = QUrl(QStringLiteral("https://s3.example.com"));
            bucket.bucket = QStringLiteral("data");
            bucket.accessKeyId = QStringLiteral("AKIA1");
            storage.add(bucket);
            // The one generic write refuses a field named like a secret.
            QTest::ignoreMessage(QtWarningMsg,
                    QRegularExpression(QStringLiteral("Refused to write connections/x/apiKey")));
            QVERIFY(!settings.setValue(QStringLiteral("connections/x/apiKey"), apiKey));
            QTest::ignoreMessage(QtWarningMsg,
                    QRegularExpression(QStringLiteral("Refused to write .*secretAccessKey")));
            QVERIFY(!settings.setValue(
                    QStringLiteral("storageConnections/s/secretAccessKey"), QStringLiteral("x")));
        }
        const QByteArray written = contents(path);
        QVERIFY(written.contains("Work")); // the file was written…
        QVERIFY(written.contains("AKIA1"));
        QVERIFY(!written.contains(apiKey.toUtf8())); // …without a secret in it
        QVERIFY(!written.contains(token.toUtf8()));
        QVERIFY(!written.contains("apiKey"));
        QVERIFY(!written.contains("accessToken"));
        QVERIFY(!written.contains("secretAccessKey"));
    }

    void migrationRemovesASecretFromAnOldFile()
    {
        const QString path = newPath();
        writeSchema0(path);
        {
            QSettings old(path, QSettings::IniFormat);
            old.setValue(QStringLiteral("connections/c1/apiKey"), QStringLiteral("sk-handwritten"));
            old.setValue(QStringLiteral("storageConnections/s1/secretAccessKey"),
                    QStringLiteral("wJalr-handwritten"));
        }
        QTest::ignoreMessage(QtWarningMsg,
                QRegularExpression(QStringLiteral("Removed a secret \\(connections/c1/apiKey\\)")));
        QTest::ignoreMessage(QtWarningMsg,
                QRegularExpression(QStringLiteral(
                        "Removed a secret \\(storageConnections/s1/secretAccessKey\\)")));
        {
            AppSettings settings(path);
            QCOMPARE(settings.value(QStringLiteral("connections/c1/name")).toString(),
                    QStringLiteral("Work"));
        }
        const QByteArray written = contents(path);
        QVERIFY(!written.contains("handwritten"));
        QVERIFY(written.contains("hasKey")); // a flag, not a secret: kept
        QVERIFY(written.contains("AKIA1"));
    }

    void secretKeyNames()
    {
        QVERIFY(AppSettings::isSecretKey(QStringLiteral("connections/a/apiKey")));
        QVERIFY(AppSettings::isSecretKey(QStringLiteral("x/ACCESSTOKEN")));
        QVERIFY(AppSettings::isSecretKey(QStringLiteral("storageConnections/s/secretAccessKey")));
        QVERIFY(!AppSettings::isSecretKey(QStringLiteral("connections/a/hasKey")));
        QVERIFY(!AppSettings::isSecretKey(QStringLiteral("storageConnections/s/accessKeyId")));
        QVERIFY(!AppSettings::isSecretKey(QStringLiteral("retirement/remindLater")));
        QVERIFY(!AppSettings::isSecretKey(QStringLiteral("other/key")));
    }
};

QTEST_MAIN(tst_AppSettings)
#include "tst_appsettings.moc"
