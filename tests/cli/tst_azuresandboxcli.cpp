// SPDX-License-Identifier: GPL-3.0-or-later
// The Azure loop on the command line against the real sandbox (not the fake): upload,
// create a job, watch it to success, sign in with Microsoft's device code at the sandbox's /login
// (the app's own DeviceCodeSignIn; the CLI takes the token from AZURE_ACCESS_TOKEN), deploy the
// fine-tune as Developer, chat with it through the deployment, list, delete.
#include "cliprocess.h"
#include "connections/azuremanagement.h"
#include "connections/devicecodesignin.h"
#include "providerfixture.h"

#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString kSubscription = QStringLiteral("0f0e0d0c-1a2b-4c3d-8e9f-a0b1c2d3e4f5");
const QString kBase = QStringLiteral("gpt-4.1-mini-2025-04-14");
} // namespace

class tst_AzureSandboxCli : public QObject
{
    Q_OBJECT

    fs::test::SandboxProcess m_sandbox;
    QTemporaryDir m_home;
    QString m_token;

    QProcessEnvironment environment() const
    {
        return fs::test::azureEnvironment(
                fs::test::isolatedEnvironment(m_home.path()), m_sandbox.root(), m_token);
    }
    fs::test::CliResult run(QStringList arguments, int timeoutMs = 60000) const
    {
        arguments << QStringLiteral("--provider") << QStringLiteral("azure");
        return fs::test::runCli(QStringLiteral(FS_APP_BINARY), arguments, environment(), timeoutMs);
    }
    static QStringList where()
    {
        return {QStringLiteral("--subscription"), kSubscription, QStringLiteral("--resource-group"),
                QStringLiteral("rg-studio"), QStringLiteral("--account"),
                QStringLiteral("aoai-studio")};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        // The sandbox approves a device code by itself after one sandbox second.
        qputenv("FS_SANDBOX_SIGN_IN_SECONDS", "1");
        QVERIFY2(m_sandbox.start(QStringLiteral(FS_APP_BINARY)),
                "the sandbox did not print its address");
        qunsetenv("FS_SANDBOX_SIGN_IN_SECONDS");
    }
    void cleanupTestCase() { m_sandbox.stop(); }

    void helpNamesAzure()
    {
        const auto help = fs::test::runCli(QStringLiteral(FS_APP_BINARY),
                {QStringLiteral("jobs"), QStringLiteral("--help")}, environment());
        QVERIFY2(help.out.contains(QStringLiteral("azure (Azure OpenAI")), qPrintable(help.out));
    }

    void wholeLoopOnTheSandbox()
    {
        // Upload and train on /openai/v1.
        const auto upload = run({QStringLiteral("files"), QStringLiteral("upload"),
                QStringLiteral(FS_SAMPLES_DIR "/support-bot.jsonl")});
        QVERIFY2(upload.exitCode == 0, qPrintable(upload.out + upload.err));
        const QRegularExpressionMatch file =
                QRegularExpression(QStringLiteral("(file-[A-Za-z0-9]+)")).match(upload.out);
        QVERIFY2(file.hasMatch(), qPrintable(upload.out));

        const auto create = run({QStringLiteral("jobs"), QStringLiteral("create"),
                QStringLiteral("--model"), kBase, QStringLiteral("--training-file"),
                file.captured(1), QStringLiteral("--n-epochs"), QStringLiteral("1")});
        QVERIFY2(create.exitCode == 0, qPrintable(create.out + create.err));
        const QRegularExpressionMatch job =
                QRegularExpression(QStringLiteral("ftjob-([A-Za-z0-9]+)")).match(create.out);
        QVERIFY2(job.hasMatch(), qPrintable(create.out));
        // Azure names a fine-tune <base>.ft-<job id without ftjob->.
        const QString model = kBase + QStringLiteral(".ft-") + job.captured(1);

        const auto watch = run({QStringLiteral("jobs"), QStringLiteral("watch"), job.captured(0),
                                       QStringLiteral("--interval"), QStringLiteral("0.2")},
                120000);
        QVERIFY2(watch.exitCode == 0, qPrintable(watch.out + watch.err));
        QVERIFY2(watch.out.contains(
                         QRegularExpression(QStringLiteral("Step \\d+/\\d+: training loss="))),
                qPrintable(watch.out));
        QVERIFY2(watch.out.contains(model), qPrintable(watch.out));

        // The fine-tune answers only through a deployment: before one, Azure's 404.
        const auto early = run({QStringLiteral("chat"), QStringLiteral("--model"), model,
                QStringLiteral("Hello?")});
        QVERIFY2(early.exitCode != 0, qPrintable(early.out));
        QVERIFY2(early.err.contains(QStringLiteral("Deploy it first")), qPrintable(early.err));

        // Sign in once, as the app does, against the sandbox's /login.
        QNetworkAccessManager nam;
        fs::AzureManagement management;
        fs::DeviceCodeSignIn signIn(
                &nam, management.loginRoot(QUrl(m_sandbox.root())), management.effectiveTenant());
        QSignalSpy finished(&signIn, &fs::DeviceCodeSignIn::finished);
        signIn.start();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
        QCOMPARE(signIn.state(), fs::DeviceCodeSignIn::State::SignedIn);
        QVERIFY(!signIn.token().refreshToken.isEmpty()); // offline_access was asked for
        // The refresh the app does before a token runs out: the sandbox gives a new one, which
        // the management plane takes.
        bool refreshed = false;
        QString problem;
        fs::DeviceCodeSignIn::refresh(&nam, management.loginRoot(QUrl(m_sandbox.root())),
                management.effectiveTenant(), signIn.token().refreshToken, this,
                [&](const fs::AzureToken &token, const QString &why, bool) {
                    m_token = token.accessToken;
                    problem = why;
                    refreshed = true;
                });
        QTRY_VERIFY_WITH_TIMEOUT(refreshed, 20000);
        QVERIFY2(!m_token.isEmpty(), qPrintable(problem));
        QVERIFY(m_token != signIn.token().accessToken);

        const auto deployed =
                run(QStringList {QStringLiteral("deployments"), QStringLiteral("create"), model,
                            QStringLiteral("--interval"), QStringLiteral("0.1")}
                        + where());
        QVERIFY2(deployed.exitCode == 0, qPrintable(deployed.out + deployed.err));
        QVERIFY2(deployed.out.contains(model), qPrintable(deployed.out));
        QVERIFY2(deployed.err.contains(QStringLiteral("DeveloperTier")), qPrintable(deployed.err));

        // A base model is not deployed: its deployment would bill while `list` hides it.
        const auto baseDeployed =
                run(QStringList {QStringLiteral("deployments"), QStringLiteral("create"), kBase,
                            QStringLiteral("--hardware"), QStringLiteral("standard"),
                            QStringLiteral("--no-wait")}
                        + where());
        QVERIFY(baseDeployed.exitCode != 0);
        QVERIFY2(baseDeployed.err.contains(QStringLiteral("base model")),
                qPrintable(baseDeployed.err));

        const auto chat = run({QStringLiteral("chat"), QStringLiteral("--model"), model,
                QStringLiteral("Hello?")});
        QVERIFY2(chat.exitCode == 0, qPrintable(chat.out + chat.err));
        QVERIFY(!chat.out.trimmed().isEmpty());
        // The base model answers under its own name on the same resource.
        const auto base = run({QStringLiteral("chat"), QStringLiteral("--model"), kBase,
                QStringLiteral("Hello?")});
        QVERIFY2(base.exitCode == 0, qPrintable(base.out + base.err));

        const auto listed =
                run(QStringList {QStringLiteral("deployments"), QStringLiteral("list")} + where());
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.out + listed.err));
        QVERIFY2(listed.out.contains(model), qPrintable(listed.out));
        QVERIFY2(listed.out.contains(QStringLiteral("Succeeded")), qPrintable(listed.out));
        QVERIFY2(listed.out.contains(QStringLiteral("DeveloperTier")), qPrintable(listed.out));

        const auto deleted =
                run(QStringList {QStringLiteral("deployments"), QStringLiteral("delete"), model}
                        + where());
        QVERIFY2(deleted.exitCode == 0, qPrintable(deleted.out + deleted.err));
        const auto after =
                run(QStringList {QStringLiteral("deployments"), QStringLiteral("list")} + where());
        QVERIFY2(after.exitCode == 0, qPrintable(after.out + after.err));
        QVERIFY2(!after.out.contains(model), qPrintable(after.out));
        const auto gone = run({QStringLiteral("chat"), QStringLiteral("--model"), model,
                QStringLiteral("Hello?")});
        QVERIFY2(gone.exitCode != 0, qPrintable(gone.out));
    }
};

QTEST_GUILESS_MAIN(tst_AzureSandboxCli)
#include "tst_azuresandboxcli.moc"
