// SPDX-License-Identifier: GPL-3.0-or-later
// Saved storage connections: persisted in the settings group "storageConnections", never with a
// secret; checks in plain words.
#include "appsettings.h"
#include "storageconnection.h"

#include "connectionstore.h"
#include "practicebucket.h"

#include <QFile>
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
    void practiceBucketFollowsTheSandbox();
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
        fs::AppSettings settings(path);
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
    fs::AppSettings settings(path);
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

void tst_StorageConnection::practiceBucketFollowsTheSandbox()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.ini"));
    fs::AppSettings settings(path);
    ConnectionStore connections(&settings);
    StorageConnectionStore store(&settings);
    store.followSandbox(&connections);
    QCOMPARE(store.count(), 0); // no sandbox running yet

    QSignalSpy changed(&store, &StorageConnectionStore::connectionsChanged);
    connections.setSandboxBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:4321/v1")));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(store.practiceEndpoint(), QUrl(QStringLiteral("http://127.0.0.1:4321/s3")));
    const std::optional<StorageConnection> practiceBucket =
            store.connection(practice::connectionId());
    QVERIFY(practiceBucket);
    QCOMPARE(practiceBucket->name, QStringLiteral("Practice bucket"));
    QCOMPARE(practiceBucket->bucket, QStringLiteral("practice"));
    QCOMPARE(practiceBucket->region, QStringLiteral("auto"));
    QCOMPARE(practiceBucket->accessKeyId, QStringLiteral("practice"));
    QVERIFY(practiceBucket->isPreset());
    QVERIFY(practiceBucket->isValid());
    const S3Config config = practiceBucket->toConfig(practiceBucket->presetSecret);
    QCOMPARE(config.credentials.secretAccessKey, QStringLiteral("practice-secret"));
    QCOMPARE(store.find(QStringLiteral("practice bucket"))->id, practice::connectionId());

    // Saved connections come first; the practice bucket cannot be changed, removed or copied.
    StorageConnection own;
    own.name = QStringLiteral("Team data");
    own.endpoint = QUrl(QStringLiteral("https://acc.r2.cloudflarestorage.com"));
    own.bucket = QStringLiteral("datasets");
    own.accessKeyId = QStringLiteral("AKID");
    own.id = practice::connectionId();
    own.presetSecret = QStringLiteral("would-be-secret");
    const QString ownId = store.add(own);
    QVERIFY(ownId != practice::connectionId());
    QCOMPARE(store.count(), 2);
    QCOMPARE(store.connections().first().id, ownId);
    QCOMPARE(store.connections().last().id, practice::connectionId());
    QVERIFY(!store.connection(ownId)->isPreset());
    StorageConnection edited = *practiceBucket;
    edited.bucket = QStringLiteral("other");
    QVERIFY(!store.update(edited));
    QVERIFY(!store.remove(practice::connectionId()));

    // Nothing of it reaches the settings file, secret least of all.
    settings.sync();
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray saved = file.readAll();
    QVERIFY2(!saved.contains("practice"), saved.constData());
    QVERIFY2(!saved.contains("would-be-secret"), saved.constData());

    // The sandbox stops: the practice bucket goes.
    connections.setSandboxBaseUrl(QUrl());
    QCOMPARE(store.count(), 1);
    QVERIFY(!store.connection(practice::connectionId()));
}

QTEST_GUILESS_MAIN(tst_StorageConnection)
#include "tst_storageconnection.moc"
