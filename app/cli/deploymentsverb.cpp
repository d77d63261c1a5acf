// SPDX-License-Identifier: GPL-3.0-or-later
// `finetune-studio deployments list | create MODEL [--hardware ID] | delete ID`: fine-tuned models
// that answer only once deployed (Together AI's dedicated endpoints), billed while they run.
#include "clicontext.h"
#include "deploymentplan.h"
#include "modelregistry.h"

#include <QDateTime>
#include <QEventLoop>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>

namespace fs::cli {

namespace {

const VerbSyntax kSyntax = {
        QT_TRANSLATE_NOOP("fs::cli",
                "Lists, starts or stops deployments: fine-tuned models that answer only once "
                "deployed (Together AI, Azure OpenAI), billed while they run. On Azure: "
                "--subscription, --resource-group and --account say where the resource is."),
        {
                {"hardware",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "create: the hardware id (default: the cheapest the service "
                                "lists for the model). On Azure the deployment type: developer "
                                "(no hosting fee, removed after 24 hours; the default) or "
                                "standard (hourly fee)."),
                        "id"},
                {"subscription",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "Azure: the subscription id of the Azure OpenAI resource (portal: "
                                "the resource's Overview page)."),
                        "id"},
                {"resource-group",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "Azure: the resource group of the Azure OpenAI resource."),
                        "name"},
                {"account",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "Azure: the Azure OpenAI resource's name (NAME in "
                                "https://NAME.openai.azure.com)."),
                        "name"},
                {"tenant",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "Azure: the directory (tenant) to sign in to (default: any work "
                                "or school account)."),
                        "id"},
                {"no-wait",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "create: print the id at once instead of waiting until it runs.")},
                {"inactive-timeout",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "create: stop by itself after this many minutes without requests "
                                "(0: never; default: the service's)."),
                        "minutes"},
                {"interval", QT_TRANSLATE_NOOP("fs::cli", "Seconds between checks while waiting."),
                        "seconds", "2"},
        },
        "action",
        QT_TRANSLATE_NOOP("fs::cli", "list | create MODEL | delete ID"),
};

QString priceText(const std::optional<double> &pricePerHour)
{
    return pricePerHour ? QStringLiteral("$%1").arg(*pricePerHour, 0, 'f', 2) : QStringLiteral("-");
}

/// The service's hardware list; empty (with nothing printed) when it could not be read, as
/// prices are only a help there.
QList<HardwareOption> hardwareFor(Context &context, const QString &model)
{
    if (const auto fixed = context.provider().dialect().fixedHardware(model))
        return *fixed;
    ProviderResult<QList<HardwareOption>> result;
    QEventLoop loop;
    context.provider().listHardware(
            model, [&result, &loop](const ProviderResult<QList<HardwareOption>> &r) {
                result = r;
                loop.quit();
            });
    loop.exec();
    return result.ok() ? *result.value : QList<HardwareOption>();
}

/// A deployment's price per hour: the service's own figure, else its hardware's.
std::optional<double> pricePerHour(const Deployment &d, const QList<HardwareOption> &hardware)
{
    if (d.pricePerHour)
        return d.pricePerHour;
    for (const HardwareOption &option : hardware) {
        if (option.id == d.hardware)
            return option.pricePerHour;
    }
    return std::nullopt;
}

int listDeployments(Context &context)
{
    const std::optional<QList<Deployment>> deployments = context.call<QList<Deployment>>(
            [&context](auto done) { return context.provider().listDeployments(done); });
    if (!deployments)
        return ExitFailure;
    if (context.json()) {
        context.printJson(context.lastBody());
        return ExitOk;
    }
    if (deployments->isEmpty()) {
        context.out() << Context::tr("No deployments.") << '\n';
        return ExitOk;
    }
    const QList<HardwareOption> hardware = hardwareFor(context, QString());
    int idWidth = 10;
    int modelWidth = 10;
    int hardwareWidth = 10;
    for (const Deployment &d : *deployments) {
        idWidth = std::max(idWidth, int(d.id.size()));
        modelWidth = std::max(modelWidth, int(d.model.size()));
        hardwareWidth = std::max(hardwareWidth, int(d.hardware.size()));
    }
    context.out() << QStringLiteral("ID").leftJustified(idWidth) << ' '
                  << QStringLiteral("MODEL").leftJustified(modelWidth) << ' '
                  << QStringLiteral("STATE").leftJustified(9) << ' '
                  << QStringLiteral("HARDWARE").leftJustified(hardwareWidth) << " PER HOUR\n";
    double billingPerHour = 0;
    int billing = 0;
    for (const Deployment &d : *deployments) {
        const std::optional<double> price = pricePerHour(d, hardware);
        context.out() << d.id.leftJustified(idWidth) << ' ' << d.model.leftJustified(modelWidth)
                      << ' ' << d.stateText.leftJustified(9) << ' '
                      << (d.hardware.isEmpty() ? QStringLiteral("-") : d.hardware)
                                 .leftJustified(hardwareWidth)
                      << ' ' << priceText(price) << '\n';
        if (d.isBilling()) {
            ++billing;
            billingPerHour += price.value_or(0);
        }
    }
    if (billing > 0)
        context.out() << (billing == 1 ? Context::tr("1 deployment bills while it runs: $%1 per "
                                                     "hour.")
                                                 .arg(billingPerHour, 0, 'f', 2)
                                       : Context::tr("%1 deployments bill while they run: $%2 "
                                                     "per hour.")
                                                 .arg(billing)
                                                 .arg(billingPerHour, 0, 'f', 2))
                      << '\n';
    return ExitOk;
}

/// Polls the deployment until it answers, failed or stopped. False when it will not start.
bool waitUntilStarted(Context &context, Deployment *deployment, double intervalSeconds)
{
    const qint64 started = QDateTime::currentSecsSinceEpoch();
    QString shown;
    while (deployment->state != Deployment::State::Running) {
        if (deployment->state == Deployment::State::Failed
                || deployment->state == Deployment::State::Stopped
                || deployment->state == Deployment::State::Stopping) {
            context.err() << Context::tr("error: deployment %1 did not start: the service says "
                                         "%2.")
                                     .arg(deployment->id, deployment->stateText)
                          << Qt::endl;
            return false;
        }
        if (deployment->stateText != shown) {
            shown = deployment->stateText;
            context.err() << Context::tr("Deployment %1: %2 (waited %3 s)")
                                     .arg(deployment->id, shown)
                                     .arg(QDateTime::currentSecsSinceEpoch() - started)
                          << Qt::endl;
        }
        QEventLoop pause;
        QTimer::singleShot(int(intervalSeconds * 1000), &pause, &QEventLoop::quit);
        pause.exec();
        const QString id = deployment->id;
        const std::optional<Deployment> now = context.call<Deployment>([&context, &id](auto done) {
            return context.provider().retrieveDeployment(id, done);
        });
        if (!now)
            return false;
        *deployment = *now;
    }
    return true;
}

/// --inactive-timeout; false with the problem printed (a usage error).
bool readInactiveTimeout(Context &context, DeploymentRequest *request)
{
    const QCommandLineParser &parser = context.parser();
    if (!parser.isSet(QStringLiteral("inactive-timeout")))
        return true;
    bool ok = false;
    const int minutes = parser.value(QStringLiteral("inactive-timeout")).toInt(&ok);
    if (!ok || minutes < 0) {
        context.err() << Context::tr("error: --inactive-timeout takes a whole number of minutes "
                                     "(0: never stop by itself).")
                      << '\n';
        return false;
    }
    request->inactiveTimeoutMinutes = minutes;
    return true;
}

/// The hardware the model can run on, with --hardware matched to a fixed option's id (Azure:
/// Developer or Standard, also by their first word). False with the reason printed when the
/// service has no list to choose from.
bool listHardware(Context &context, DeploymentRequest *request, QList<HardwareOption> *hardware)
{
    const QString &model = request->model;
    if (const auto fixed = context.provider().dialect().fixedHardware(model)) {
        *hardware = *fixed;
        for (const HardwareOption &option : std::as_const(*hardware)) {
            if (!request->hardware.isEmpty()
                    && option.id.startsWith(request->hardware, Qt::CaseInsensitive))
                request->hardware = option.id;
        }
        return true;
    }
    if (!request->hardware.isEmpty()) {
        *hardware = hardwareFor(context, model); // only for its price
        return true;
    }
    // The choice depends on the list: a service without one says so here.
    const std::optional<QList<HardwareOption>> listed = context.call<QList<HardwareOption>>(
            [&context, &model](auto done) { return context.provider().listHardware(model, done); });
    if (listed)
        *hardware = *listed;
    return listed.has_value();
}

/// Without --hardware: the cheapest the service lists, said on stderr. False when none has a
/// price.
bool chooseCheapest(
        Context &context, const QList<HardwareOption> &hardware, DeploymentRequest *request)
{
    const HardwareOption *cheapest = cheapestHardware(hardware);
    if (!cheapest) {
        context.err() << Context::tr("error: the service lists no hardware with a price for %1; "
                                     "choose one with --hardware ID.")
                                 .arg(request->model)
                      << '\n';
        return false;
    }
    request->hardware = cheapest->id;
    context.err() << Context::tr("No --hardware given: using %1 (%2), the cheapest the service "
                                 "lists for this model, at %3 per hour.")
                             .arg(cheapest->id, cheapest->name, priceText(cheapest->pricePerHour))
                  << Qt::endl;
    return true;
}

std::optional<double> hardwarePrice(const QList<HardwareOption> &hardware, const QString &id)
{
    std::optional<double> price;
    for (const HardwareOption &option : hardware) {
        if (option.id == id)
            price = option.pricePerHour;
    }
    return price;
}

void printCreated(Context &context, const Deployment &deployment, const DeploymentRequest &request,
        const std::optional<double> &price)
{
    context.out() << deployment.id << '\n';
    if (deployment.state == Deployment::State::Running)
        context.out() << Context::tr("%1 is running on %2 at %3 per hour. Chat with it: "
                                     "finetune-studio chat --model %1 …")
                                 .arg(request.model, request.hardware, priceText(price))
                      << '\n';
    else
        context.out() << Context::tr("%1 is %2 on %3; it bills from now on at %4 per hour. See "
                                     "when it is up: finetune-studio deployments list")
                                 .arg(request.model, deployment.stateText, request.hardware,
                                         priceText(price))
                      << '\n';
    context.out()
            << Context::tr("Stop it with: finetune-studio deployments delete %1").arg(deployment.id)
            << '\n';
}

int createDeployment(Context &context, const QString &model)
{
    double interval = 0;
    if (!context.interval(&interval))
        return ExitUsage;
    DeploymentRequest request;
    request.model = model;
    if (!readInactiveTimeout(context, &request))
        return ExitUsage;
    request.hardware = context.parser().value(QStringLiteral("hardware"));
    QList<HardwareOption> hardware;
    if (!listHardware(context, &request, &hardware))
        return ExitFailure;
    if (request.hardware.isEmpty() && !chooseCheapest(context, hardware, &request))
        return ExitFailure;
    std::optional<Deployment> deployment =
            context.call<Deployment>([&context, &request](auto done) {
                return context.provider().createDeployment(request, done);
            });
    if (!deployment)
        return context.failureCode();
    if (!context.parser().isSet(QStringLiteral("no-wait"))) {
        context.err() << Context::tr("Waiting for it to start; it bills from now on. Ctrl-C stops "
                                     "waiting, not the deployment.")
                      << Qt::endl;
        if (!waitUntilStarted(context, &*deployment, interval))
            return ExitFailure;
    }
    if (context.json())
        context.printJson(context.lastBody());
    else
        printCreated(context, *deployment, request, hardwarePrice(hardware, request.hardware));
    return ExitOk;
}

int deleteDeployment(Context &context, const QString &id)
{
    const std::optional<bool> deleted = context.call<bool>(
            [&context, &id](auto done) { return context.provider().deleteDeployment(id, done); });
    if (!deleted)
        return context.failureCode();
    if (context.json()) {
        QJsonObject body = context.lastBody();
        if (body.isEmpty()) // Together answers 204 without a body
            body = QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("deleted"), true}};
        context.printJson(body);
        return ExitOk;
    }
    context.out()
            << Context::tr("Deployment %1 is stopping; it no longer bills once stopped.").arg(id)
            << '\n';
    return ExitOk;
}

/// Whether the connection's service has deployments to manage, and (Azure) where and with
/// which sign-in; ExitOk, else the exit code with the reason printed.
int checkDeploymentsReachable(Context &context)
{
    // A service without deployments (OpenAI) says so before anything is sent.
    if (const Expected<HttpCall> call = context.provider().dialect().listDeployments();
            !call.ok() && call.error().kind == DialectError::Kind::Unsupported) {
        context.err() << Context::tr("error: %1").arg(call.error().message);
        if (!ModelRegistry::provider(context.providerKind()).needsDeployment())
            context.err() << ' '
                          << Context::tr("Its fine-tuned models answer as soon as their job has "
                                         "succeeded: finetune-studio chat --model MODEL …");
        context.err() << '\n';
        return ExitFailure;
    }
    const Connection &connection = context.client().connection();
    if (connection.kind != Connection::Kind::Azure)
        return ExitOk;
    if (!connection.azure.isComplete()) {
        context.err() << Context::tr("error: deployments on Azure need to know where the "
                                     "resource is: pass --subscription ID, --resource-group "
                                     "NAME and --account NAME (the Azure portal shows them on "
                                     "the resource's Overview page).")
                      << '\n';
        return ExitUsage;
    }
    if (!connection.azure.accessToken.isEmpty())
        return ExitOk;
    context.err() << Context::tr("error: deployments on Azure are made with a Microsoft "
                                 "sign-in, not the API key. Sign in once in the app and "
                                 "use --connection NAME, or set AZURE_ACCESS_TOKEN (for "
                                 "example from: az account get-access-token --resource "
                                 "https://management.azure.com --query accessToken -o tsv).");
    if (!context.azureSignInProblem().isEmpty())
        context.err() << ' ' << context.azureSignInProblem();
    context.err() << '\n';
    return ExitFailure;
}

int runVerb(Context &context)
{
    const QString action = context.action({{"list", 0, 0}, {"create", 1, 1}, {"delete", 1, 1}},
            Context::tr("usage: finetune-studio deployments list | create MODEL [--hardware ID] "
                        "[--no-wait] | delete ID"));
    if (action.isEmpty())
        return ExitUsage;
    if (!context.connect())
        return ExitFailure;
    if (const int refused = checkDeploymentsReachable(context); refused != ExitOk)
        return refused;
    if (action == QLatin1String("list"))
        return listDeployments(context);
    if (action == QLatin1String("create"))
        return createDeployment(context, context.words().at(1));
    return deleteDeployment(context, context.words().at(1));
}

} // namespace

const Verb deploymentsVerb = {kSyntax, runVerb};

} // namespace fs::cli
