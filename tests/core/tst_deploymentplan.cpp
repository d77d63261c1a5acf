// SPDX-License-Identifier: GPL-3.0-or-later
// Which way a chat reaches a fine-tuned model that must be deployed, and the default hardware.
#include "deploymentplan.h"

#include <QTest>

using namespace fs;

namespace {

const QString kFineTuned =
        QStringLiteral("sandbox/Meta-Llama-3.1-8B-Instruct-Reference:lamps:1a2b3c4d");

Deployment deployment(const QString &id, const QString &model, Deployment::State state)
{
    Deployment d;
    d.id = id;
    d.name = QStringLiteral("endpoint-name-") + id;
    d.model = model;
    d.state = state;
    return d;
}

HardwareOption hardware(const QString &id, std::optional<double> price,
        HardwareOption::Availability availability = HardwareOption::Availability::Available)
{
    HardwareOption option;
    option.id = id;
    option.pricePerHour = price;
    option.availability = availability;
    return option;
}

} // namespace

class tst_DeploymentPlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fineTunedTogetherModelsNeedADeployment()
    {
        QVERIFY(needsDeployment(ProviderKind::Together, kFineTuned));
        QVERIFY(!needsDeployment(ProviderKind::Together,
                QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference")));
        // OpenAI's fine-tunes answer as they are.
        QVERIFY(!needsDeployment(ProviderKind::OpenAI,
                QStringLiteral("ft:gpt-4.1-mini-2025-04-14:org:lamps:abc123")));
    }

    void baseModelsGoDirect()
    {
        const QString base = QStringLiteral("Qwen/Qwen2.5-14B-Instruct");
        const ChatRoute route = chatRoute(ProviderKind::Together, base,
                {deployment(QStringLiteral("e1"), base, Deployment::State::Running)});
        QCOMPARE(route.kind, ChatRoute::Kind::Direct);
        QCOMPARE(route.model, base);
    }

    void runningDeploymentIsUsedByItsName()
    {
        const QList<Deployment> deployments = {
                deployment(QStringLiteral("e1"), kFineTuned, Deployment::State::Stopped),
                deployment(QStringLiteral("e2"), kFineTuned, Deployment::State::Starting),
                deployment(QStringLiteral("e3"), kFineTuned, Deployment::State::Running),
        };
        const ChatRoute route = chatRoute(ProviderKind::Together, kFineTuned, deployments);
        QCOMPARE(route.kind, ChatRoute::Kind::Deployment);
        QCOMPARE(route.deployment.id, QStringLiteral("e3"));
        QCOMPARE(route.model, QStringLiteral("endpoint-name-e3"));
    }

    void startingOrMissingDeploymentIsSaid()
    {
        const ChatRoute starting = chatRoute(ProviderKind::Together, kFineTuned,
                {deployment(QStringLiteral("e1"), kFineTuned, Deployment::State::Pending)});
        QCOMPARE(starting.kind, ChatRoute::Kind::Starting);
        QCOMPARE(starting.deployment.id, QStringLiteral("e1"));

        const QList<Deployment> others = {
                deployment(QStringLiteral("e1"), kFineTuned, Deployment::State::Stopped),
                deployment(QStringLiteral("e2"), kFineTuned, Deployment::State::Failed),
                deployment(QStringLiteral("e3"), QStringLiteral("sandbox/Other:x:99aa99aa"),
                        Deployment::State::Running),
        };
        QCOMPARE(chatRoute(ProviderKind::Together, kFineTuned, others).kind,
                ChatRoute::Kind::NotDeployed);
        QCOMPARE(chatRoute(ProviderKind::Together, kFineTuned, {}).kind,
                ChatRoute::Kind::NotDeployed);
    }

    void cheapestAvailableHardwareIsTheDefault()
    {
        const QList<HardwareOption> options = {
                hardware(QStringLiteral("h100"), 5.6),
                hardware(QStringLiteral("l40s"), 3.5, HardwareOption::Availability::Unavailable),
                hardware(QStringLiteral("unpriced"), std::nullopt),
                hardware(QStringLiteral("a100"), 4.0),
                hardware(QStringLiteral("2xh100"), 11.2),
        };
        const HardwareOption *choice = cheapestHardware(options);
        QVERIFY(choice);
        QCOMPARE(choice->id, QStringLiteral("a100"));
        QVERIFY(!cheapestHardware({hardware(QStringLiteral("unpriced"), std::nullopt)}));
    }
};

QTEST_GUILESS_MAIN(tst_DeploymentPlan)
#include "tst_deploymentplan.moc"
