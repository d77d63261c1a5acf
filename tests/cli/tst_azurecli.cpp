// SPDX-License-Identifier: GPL-3.0-or-later
// `--provider azure` on the command line: the key from AZURE_OPENAI_API_KEY, the endpoint from
// --base-url or AZURE_OPENAI_ENDPOINT, and `deployments create|list|delete` through Azure's
// management API (--subscription, --resource-group, --account; the token from
// AZURE_ACCESS_TOKEN), against a small Azure on 127.0.0.1 (tests/support/fakeazure.h).
#include "cliprocess.h"
#include "fakeazure.h"
#include "providerfixture.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString kModel = QStringLiteral("gpt-4o-mini-2024-07-18.ft-0e208cf33a6a466994aff31a08aba678");
} // namespace

class tst_AzureCli : public QObject
{
    Q_OBJECT

    fs::test::FakeAzure m_azure;
    QTemporaryDir m_home;

    QProcessEnvironment environment(bool withToken = true) const
    {
        return fs::test::azureEnvironment(fs::test::isolatedEnvironment(m_home.path()),
                m_azure.root().toString(),
                withToken ? QString::fromLatin1(fs::test::FakeAzure::presetToken()) : QString());
    }
    fs::test::CliResult run(const QStringList &arguments, bool withToken = true) const
    {
        return fs::test::runCli(QStringLiteral(FS_APP_BINARY), arguments, environment(withToken));
    }
    static QStringList where()
    {
        return {QStringLiteral("--subscription"),
                QStringLiteral("0f0e0d0c-1a2b-4c3d-8e9f-a0b1c2d3e4f5"),
                QStringLiteral("--resource-group"), QStringLiteral("rg-1"),
                QStringLiteral("--account"), QStringLiteral("aoai-1")};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QVERIFY(m_azure.start());
    }

    void dataPlaneVerbsSpeakAzure()
    {
        // Any verb goes to {endpoint}/openai/v1 (the fake has no jobs: the path is what counts).
        const auto result = run({QStringLiteral("jobs"), QStringLiteral("list"),
                QStringLiteral("--provider"), QStringLiteral("azure")});
        QVERIFY2(!m_azure.requests()
                          .filter(QRegularExpression(
                                  QStringLiteral("^GET /openai/v1/fine_tuning/jobs(\\?|$)")))
                          .isEmpty(),
                qPrintable(m_azure.requests().join(QLatin1Char('\n'))));
        Q_UNUSED(result);
        const auto unknown = run({QStringLiteral("jobs"), QStringLiteral("list"),
                QStringLiteral("--provider"), QStringLiteral("azur")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains(QStringLiteral("--provider azure")));
    }

    void noEndpointSaysWhereToPutIt()
    {
        QProcessEnvironment env = environment();
        env.remove(QStringLiteral("AZURE_OPENAI_ENDPOINT"));
        const auto result = fs::test::runCli(QStringLiteral(FS_APP_BINARY),
                {QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--provider"),
                        QStringLiteral("azure")},
                env);
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.err.contains(QStringLiteral("AZURE_OPENAI_ENDPOINT")));
    }

    void deploymentsNeedWhereAndASignIn()
    {
        const auto noWhere = run({QStringLiteral("deployments"), QStringLiteral("list"),
                QStringLiteral("--provider"), QStringLiteral("azure")});
        QCOMPARE(noWhere.exitCode, 2);
        QVERIFY(noWhere.err.contains(QStringLiteral("--resource-group")));
        const auto noToken = run(QStringList {QStringLiteral("deployments"), QStringLiteral("list"),
                                         QStringLiteral("--provider"), QStringLiteral("azure")}
                        + where(),
                false);
        QCOMPARE(noToken.exitCode, 1);
        QVERIFY(noToken.err.contains(QStringLiteral("AZURE_ACCESS_TOKEN")));
    }

    void createListChatDelete()
    {
        const QStringList azure {QStringLiteral("--provider"), QStringLiteral("azure")};
        const auto created =
                run(QStringList {QStringLiteral("deployments"), QStringLiteral("create"), kModel,
                            QStringLiteral("--interval"), QStringLiteral("0.05")}
                        + azure + where());
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        QVERIFY(created.out.contains(kModel));
        QVERIFY(created.err.contains(QStringLiteral("DeveloperTier"))); // the default type
        QVERIFY(m_azure.requests().contains(fs::test::azureDeploymentPut(kModel)));

        const auto listed = run(QStringList {QStringLiteral("deployments"), QStringLiteral("list")}
                + azure + where());
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        QVERIFY(listed.out.contains(kModel));
        QVERIFY(listed.out.contains(QStringLiteral("Succeeded")));
        QVERIFY(listed.out.contains(QStringLiteral("DeveloperTier")));

        // Chat with the fine-tune: it goes to the deployment's name.
        const auto chat = run(QStringList {QStringLiteral("chat"), QStringLiteral("--model"),
                                      kModel, QStringLiteral("Hello?")}
                + azure);
        QVERIFY2(chat.exitCode == 0, qPrintable(chat.err));
        QVERIFY(chat.out.contains(QStringLiteral("Hello from ") + kModel));

        const auto deleted =
                run(QStringList {QStringLiteral("deployments"), QStringLiteral("delete"), kModel}
                        + azure + where());
        QVERIFY2(deleted.exitCode == 0, qPrintable(deleted.err));
        QVERIFY(m_azure.deploymentNames().isEmpty());

        const auto standard =
                run(QStringList {QStringLiteral("deployments"), QStringLiteral("create"), kModel,
                            QStringLiteral("--hardware"), QStringLiteral("standard"),
                            QStringLiteral("--no-wait")}
                        + azure + where());
        QVERIFY2(standard.exitCode == 0, qPrintable(standard.err));
        QVERIFY(m_azure.lastPutBody().contains("\"Standard\""));
        QVERIFY(standard.out.contains(QStringLiteral("$1.70")));
    }
};

QTEST_GUILESS_MAIN(tst_AzureCli)
#include "tst_azurecli.moc"
