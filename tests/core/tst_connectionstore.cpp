// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"
#include "connectionstore.h"
#include "simulation.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using fs::Connection;
using fs::ConnectionStore;
using fs::ProviderKind;

class tst_ConnectionStore : public QObject
{
    Q_OBJECT

private:
    QString iniPath() const { return m_dir->filePath(QStringLiteral("settings.ini")); }
    std::unique_ptr<fs::AppSettings> settings() const
    {
        return std::make_unique<fs::AppSettings>(iniPath());
    }
    QByteArray iniBytes() const
    {
        QFile file(iniPath());
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return file.readAll();
    }
    static Connection openAi(const QString &name = QStringLiteral("Work account"))
    {
        Connection connection;
        connection.name = name;
        connection.kind = Connection::Kind::OpenAI;
        connection.baseUrl = QUrl(Connection::defaultOpenAiBaseUrl());
        connection.organization = QStringLiteral("org-123");
        connection.project = QStringLiteral("proj_456");
        return connection;
    }

    std::unique_ptr<QTemporaryDir> m_dir;

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void eachKindNamesTheProviderWhoseModelsApply_data()
    {
        QTest::addColumn<Connection::Kind>("kind");
        QTest::addColumn<ProviderKind>("provider");
        QTest::newRow("openai") << Connection::Kind::OpenAI << ProviderKind::OpenAI;
        QTest::newRow("compatible") << Connection::Kind::Compatible << ProviderKind::OpenAI;
        QTest::newRow("sandbox") << Connection::Kind::Sandbox << ProviderKind::OpenAI;
        QTest::newRow("azure") << Connection::Kind::Azure << ProviderKind::AzureOpenAI;
        QTest::newRow("together") << Connection::Kind::Together << ProviderKind::Together;
    }
    void eachKindNamesTheProviderWhoseModelsApply()
    {
        QFETCH(Connection::Kind, kind);
        QFETCH(ProviderKind, provider);
        Connection c;
        c.kind = kind;
        QCOMPARE(c.providerKind(), provider);
    }

    void emptySettingsHaveOnlyTheActiveSandbox()
    {
        auto s = settings();
        ConnectionStore store(s.get());
        QCOMPARE(store.count(), 1);
        QVERIFY(!store.hasUserConnections());
        QCOMPARE(store.activeId(), ConnectionStore::sandboxId());
        QCOMPARE(store.active().kind, Connection::Kind::Sandbox);
        QVERIFY(!store.active().name.isEmpty());
        QVERIFY(store.active().baseUrl.isEmpty()); // not started yet
    }

    void addedConnectionsSurviveAReload()
    {
        QString azureId;
        QString openAiId;
        {
            auto s = settings();
            ConnectionStore store(s.get());
            QSignalSpy added(&store, &ConnectionStore::connectionAdded);
            QSignalSpy changed(&store, &ConnectionStore::connectionsChanged);
            openAiId = store.add(openAi());
            Connection azure;
            azure.name = QStringLiteral("Azure (Sweden)");
            azure.kind = Connection::Kind::Azure;
            azure.baseUrl = QUrl(QStringLiteral("https://contoso.openai.azure.com"));
            azureId = store.add(azure);
            QCOMPARE(added.count(), 2);
            QCOMPARE(added.at(0).at(0).toString(), openAiId);
            QCOMPARE(changed.count(), 2);
            QVERIFY(!openAiId.isEmpty());
            QVERIFY(openAiId != azureId);
            QVERIFY(openAiId != ConnectionStore::sandboxId());
        }
        auto s = settings();
        ConnectionStore store(s.get());
        const QList<Connection> all = store.connections();
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.at(0).id, ConnectionStore::sandboxId());
        QCOMPARE(all.at(1).id, openAiId);
        QCOMPARE(all.at(1).name, QStringLiteral("Work account"));
        QCOMPARE(all.at(1).kind, Connection::Kind::OpenAI);
        QCOMPARE(all.at(1).baseUrl, QUrl(Connection::defaultOpenAiBaseUrl()));
        QCOMPARE(all.at(1).organization, QStringLiteral("org-123"));
        QCOMPARE(all.at(1).project, QStringLiteral("proj_456"));
        QCOMPARE(all.at(2).id, azureId);
        QCOMPARE(all.at(2).kind, Connection::Kind::Azure);
        QCOMPARE(all.at(2).apiBaseUrl(),
                QUrl(QStringLiteral("https://contoso.openai.azure.com/openai/v1")));
        // Adding alone does not switch: the sandbox stays active.
        QCOMPARE(store.activeId(), ConnectionStore::sandboxId());
    }

    void activeConnectionIsPersisted()
    {
        QString id;
        {
            auto s = settings();
            ConnectionStore store(s.get());
            id = store.add(openAi());
            QSignalSpy active(&store, &ConnectionStore::activeChanged);
            QVERIFY(store.setActive(id));
            QCOMPARE(active.count(), 1);
            QVERIFY(store.setActive(id)); // no change, no signal
            QCOMPARE(active.count(), 1);
            QVERIFY(!store.setActive(QStringLiteral("no-such-id")));
            QCOMPARE(store.activeId(), id);
        }
        auto s = settings();
        ConnectionStore store(s.get());
        QCOMPARE(store.activeId(), id);
        QCOMPARE(store.active().name, QStringLiteral("Work account"));
    }

    void updateReplacesAndRejectsUnknownOrSandbox()
    {
        auto s = settings();
        ConnectionStore store(s.get());
        const QString id = store.add(openAi());
        QSignalSpy updated(&store, &ConnectionStore::connectionUpdated);
        Connection edited = *store.connection(id);
        edited.name = QStringLiteral("Renamed");
        edited.kind = Connection::Kind::Compatible;
        edited.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:8000/v1"));
        QVERIFY(store.update(edited));
        QCOMPARE(updated.count(), 1);
        QCOMPARE(store.connection(id)->name, QStringLiteral("Renamed"));

        Connection unknown = edited;
        unknown.id = QStringLiteral("nope");
        QVERIFY(!store.update(unknown));
        Connection sandbox = store.connections().constFirst();
        sandbox.name = QStringLiteral("Mine now");
        QVERIFY(!store.update(sandbox));
        QVERIFY(store.connections().constFirst().name != QStringLiteral("Mine now"));
        QCOMPARE(updated.count(), 1);

        auto s2 = settings();
        ConnectionStore reloaded(s2.get());
        QCOMPARE(reloaded.connection(id)->name, QStringLiteral("Renamed"));
        QCOMPARE(reloaded.connection(id)->kind, Connection::Kind::Compatible);
    }

    void removingTheActiveOneFallsBackToTheSandbox()
    {
        auto s = settings();
        ConnectionStore store(s.get());
        const QString keep = store.add(openAi(QStringLiteral("Keep")));
        const QString gone = store.add(openAi(QStringLiteral("Gone")));
        store.setHasKey(gone, true);
        QVERIFY(store.setActive(gone));
        QSignalSpy removed(&store, &ConnectionStore::connectionRemoved);
        QSignalSpy active(&store, &ConnectionStore::activeChanged);
        QVERIFY(store.remove(gone));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(active.count(), 1);
        QCOMPARE(store.activeId(), ConnectionStore::sandboxId());
        QVERIFY(!store.contains(gone));
        QVERIFY(!store.hasKey(gone));
        QVERIFY(!store.remove(gone));
        QVERIFY(!store.remove(ConnectionStore::sandboxId()));
        QCOMPARE(store.count(), 2);

        auto s2 = settings();
        ConnectionStore reloaded(s2.get());
        QCOMPARE(reloaded.count(), 2);
        QVERIFY(reloaded.contains(keep));
        QVERIFY(!reloaded.contains(gone));
        QCOMPARE(reloaded.activeId(), ConnectionStore::sandboxId());
        QVERIFY(!iniBytes().contains(gone.toUtf8()));
    }

    void theKeyNeverReachesTheSettingsFile()
    {
        const QByteArray secret = "sk-proj-THIS-MUST-NEVER-BE-ON-DISK-1234567890";
        {
            auto s = settings();
            ConnectionStore store(s.get());
            Connection connection = openAi();
            connection.apiKey = QString::fromLatin1(secret);
            const QString id = store.add(connection);
            QVERIFY(store.connection(id)->apiKey.isEmpty());
            connection.id = id;
            connection.name = QStringLiteral("Edited");
            QVERIFY(store.update(connection));
            QVERIFY(store.connection(id)->apiKey.isEmpty());
            store.setHasKey(id, true);
            QVERIFY(store.setActive(id));
        }
        const QByteArray bytes = iniBytes();
        QVERIFY(!bytes.isEmpty());
        QVERIFY(!bytes.contains(secret));
        QVERIFY(!bytes.contains("THIS-MUST-NEVER"));
        QVERIFY(bytes.contains("hasKey=true"));
        // The flag comes back; the key does not.
        auto s = settings();
        ConnectionStore store(s.get());
        QVERIFY(store.hasKey(store.activeId()));
        QVERIFY(store.active().apiKey.isEmpty());
    }

    void azureDetailsArePersistedTheTokenNever()
    {
        const QByteArray token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.AZURE-TOKEN-NEVER-ON-DISK";
        QString id;
        {
            auto s = settings();
            ConnectionStore store(s.get());
            Connection connection;
            connection.name = QStringLiteral("Azure work");
            connection.kind = Connection::Kind::Azure;
            connection.baseUrl = QUrl(QStringLiteral("https://my-aoai.openai.azure.com"));
            connection.azure.subscription = QStringLiteral("sub-1");
            connection.azure.resourceGroup = QStringLiteral("rg-1");
            connection.azure.account = QStringLiteral("my-aoai");
            connection.azure.tenant = QStringLiteral("contoso.onmicrosoft.com");
            connection.azure.accessToken = QString::fromLatin1(token);
            id = store.add(connection);
            QVERIFY(store.connection(id)->azure.accessToken.isEmpty());
            connection.id = id;
            QVERIFY(store.update(connection));
            QVERIFY(store.connection(id)->azure.accessToken.isEmpty());
        }
        const QByteArray bytes = iniBytes();
        QVERIFY(!bytes.contains("AZURE-TOKEN-NEVER-ON-DISK"));
        auto s = settings();
        ConnectionStore store(s.get());
        const auto back = store.connection(id);
        QVERIFY(back);
        QCOMPARE(back->azure.subscription, QStringLiteral("sub-1"));
        QCOMPARE(back->azure.resourceGroup, QStringLiteral("rg-1"));
        QCOMPARE(back->azure.account, QStringLiteral("my-aoai"));
        QCOMPARE(back->azure.tenant, QStringLiteral("contoso.onmicrosoft.com"));
        QVERIFY(back->azure.isComplete());
    }

    void sandboxAddressIsRuntimeOnly()
    {
        {
            auto s = settings();
            ConnectionStore store(s.get());
            QSignalSpy updated(&store, &ConnectionStore::connectionUpdated);
            store.setSandboxBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:45678/v1")));
            QCOMPARE(updated.count(), 1);
            QCOMPARE(updated.at(0).at(0).toString(), ConnectionStore::sandboxId());
            QCOMPARE(store.active().baseUrl, QUrl(QStringLiteral("http://127.0.0.1:45678/v1")));
            store.add(openAi()); // forces a write
        }
        QVERIFY(!iniBytes().contains("45678"));
        auto s = settings();
        ConnectionStore store(s.get());
        QVERIFY(store.sandboxBaseUrl().isEmpty());
    }

    void addingASecondSandboxMakesACompatibleConnection()
    {
        auto s = settings();
        ConnectionStore store(s.get());
        Connection fake;
        fake.id = ConnectionStore::sandboxId();
        fake.name = QStringLiteral("Other sandbox");
        fake.kind = Connection::Kind::Sandbox;
        fake.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9/v1"));
        const QString id = store.add(fake);
        QVERIFY(id != ConnectionStore::sandboxId());
        QCOMPARE(store.connection(id)->kind, Connection::Kind::Compatible);
        QCOMPARE(store.connections().constFirst().name, store.active().name);
    }

    void onlyTheSandboxIsSimulated()
    {
        // The built-in sandbox only pretends to train and answer; every other kind is real.
        auto s = settings();
        ConnectionStore store(s.get());
        QVERIFY(isSimulated(store.active()));
        QVERIFY(isSimulated(*store.connection(ConnectionStore::sandboxId())));
        const QString openAiId = store.add(openAi());
        QVERIFY(!isSimulated(*store.connection(openAiId)));
        for (Connection::Kind kind :
                {Connection::Kind::OpenAI, Connection::Kind::Azure, Connection::Kind::Compatible}) {
            Connection connection;
            connection.id = QStringLiteral("some-id");
            connection.kind = kind;
            QVERIFY(!isSimulated(connection));
        }
        // Nothing set up yet (no id) is no sandbox either, whatever the kind's default.
        QVERIFY(!isSimulated(Connection()));
        // Even pointed at the sandbox's address, an added connection is not "the sandbox".
        Connection fake;
        fake.name = QStringLiteral("Other sandbox");
        fake.kind = Connection::Kind::Sandbox;
        fake.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9/v1"));
        QVERIFY(!isSimulated(*store.connection(store.add(fake))));
    }

    void damagedEntriesAreSkipped()
    {
        {
            auto s = settings();
            s->setValue(QStringLiteral("connections/order"),
                    QStringList {QStringLiteral("a"), QStringLiteral("b"),
                            QStringLiteral("sandbox"), QStringLiteral("a")});
            s->setValue(QStringLiteral("connections/a/name"), QStringLiteral("Good"));
            s->setValue(QStringLiteral("connections/a/kind"), QStringLiteral("compatible"));
            s->setValue(QStringLiteral("connections/a/baseUrl"),
                    QStringLiteral("http://localhost:8000/v1"));
            s->setValue(QStringLiteral("connections/b/name"), QStringLiteral("From the future"));
            s->setValue(QStringLiteral("connections/b/kind"), QStringLiteral("quantum"));
            s->setValue(QStringLiteral("connections/active"), QStringLiteral("b"));
        }
        auto s = settings();
        ConnectionStore store(s.get());
        QCOMPARE(store.count(), 2);
        QCOMPARE(store.connections().at(1).name, QStringLiteral("Good"));
        QCOMPARE(store.activeId(), ConnectionStore::sandboxId());
    }
};

QTEST_GUILESS_MAIN(tst_ConnectionStore)
#include "tst_connectionstore.moc"
