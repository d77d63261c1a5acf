// SPDX-License-Identifier: GPL-3.0-or-later
// Saved storage connections: persisted in QSettings group "storageConnections", never with a
// secret; checks in plain words.
#include "storageconnection.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fs;

class tst_StorageConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validation();
    void persistence();
    void configForTheClient();
};

void tst_StorageConnection::validation()
{
    StorageConnection c;
    QString problem;
    QVERIFY(!c.isValid(&problem));
    QVERIFY(problem.contains(QLatin1String("name")));
    c.name = QStringLiteral("R2");
    c.endpoint = QUrl(QStringLiteral("ftp://example.com"));
    QVERIFY(!c.isValid(&problem));
    QVERIFY(problem.contains(QLatin1String("r2.cloudflarestorage.com")));
    c.endpoint = QUrl(QStringLiteral("https://acc.r2.cloudflarestorage.com"));
    QVERIFY(!c.isValid(&problem));
    QVERIFY(problem.contains(QLatin1String("bucket")));
    c.bucket = QStringLiteral("data/2026");
    QVERIFY(!c.isValid(&problem));
    c.bucket = QStringLiteral("data");
    QVERIFY(!c.isValid(&problem));
    QVERIFY(problem.contains(QLatin1String("access key ID")));
    c.accessKeyId = QStringLiteral("AKID");
    QVERIFY(c.isValid(&problem));
    QVERIFY(problem.isEmpty());
    QCOMPARE(StorageConnection::secretId(QStringLiteral("abc")), QStringLiteral("storage:abc"));
}

void tst_StorageConnection::persistence()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.ini"));
    QString id;
    {
        QSettings settings(path, QSettings::IniFormat);
        StorageConnectionStore store(&settings);
        QCOMPARE(store.count(), 0);
        QSignalSpy changed(&store, &StorageConnectionStore::connectionsChanged);
        StorageConnection c;
        c.name = QStringLiteral("Training data (R2)");
        c.endpoint = QUrl(QStringLiteral("https://acc.r2.cloudflarestorage.com"));
        c.bucket = QStringLiteral("datasets");
        c.accessKeyId = QStringLiteral("AKIDR2");
        id = store.add(c);
        QVERIFY(!id.isEmpty());
        QCOMPARE(changed.size(), 1);
        StorageConnection minio = c;
        minio.name = QStringLiteral("MinIO");
        minio.region = QStringLiteral("us-east-1");
        const QString minioId = store.add(minio);
        QVERIFY(minioId != id);
        QCOMPARE(store.count(), 2);
        QVERIFY(store.remove(minioId));
        QVERIFY(!store.remove(minioId));
        StorageConnection edited = *store.connection(id);
        edited.bucket = QStringLiteral("datasets-2");
        QVERIFY(store.update(edited));
    }
    QSettings settings(path, QSettings::IniFormat);
    StorageConnectionStore again(&settings);
    QCOMPARE(again.count(), 1);
    const StorageConnection c = again.connections().first();
    QCOMPARE(c.id, id);
    QCOMPARE(c.name, QStringLiteral("Training data (R2)"));
    QCOMPARE(c.bucket, QStringLiteral("datasets-2"));
    QCOMPARE(c.region, QStringLiteral("auto"));
    QCOMPARE(c.endpoint, QUrl(QStringLiteral("https://acc.r2.cloudflarestorage.com")));
    QVERIFY(again.find(QStringLiteral("training DATA (r2)")).has_value());
    QVERIFY(again.find(id).has_value());
    QVERIFY(!again.find(QStringLiteral("nope")).has_value());
    QCOMPARE(settings.value(QStringLiteral("storageConnections/order")).toStringList(),
            QStringList {id});

    // Only the key id is stored; there is no field a secret could go into.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("[storageConnections]"));
    QVERIFY(!text.toLower().contains("secret"));
}

void tst_StorageConnection::configForTheClient()
{
    StorageConnection c;
    c.endpoint = QUrl(QStringLiteral("https://acc.r2.cloudflarestorage.com"));
    c.region = QStringLiteral("  ");
    c.bucket = QStringLiteral(" data ");
    c.accessKeyId = QStringLiteral(" AKID ");
    const S3Config config = c.toConfig(QStringLiteral("SECRET"));
    QCOMPARE(config.region, QStringLiteral("auto"));
    QCOMPARE(config.bucket, QStringLiteral("data"));
    QCOMPARE(config.credentials.accessKeyId, QStringLiteral("AKID"));
    QCOMPARE(config.credentials.secretAccessKey, QStringLiteral("SECRET"));
    QCOMPARE(c.displayLocation(), QStringLiteral("data at acc.r2.cloudflarestorage.com"));
}

QTEST_GUILESS_MAIN(tst_StorageConnection)
#include "tst_storageconnection.moc"
