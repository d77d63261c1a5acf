// SPDX-License-Identifier: GPL-3.0-or-later
// How `chat`, `compare` and `capture` reach a fine-tuned model that answers only once deployed.
#include "azuredialect.h"
#include "clicontext.h"
#include "deploymentplan.h"
#include "modelregistry.h"
#include "modeltarget.h"

namespace fs::cli {

bool reachModel(Context &context, QString *model)
{
    const ProviderKind kind = context.providerKind();
    if (!needsDeployment(kind, *model))
        return true;
    if (kind == ProviderKind::AzureOpenAI && !context.provider().dialect().listDeployments().ok()) {
        // Without the management details or a sign-in the deployments cannot be listed: ask
        // the deployment the app (and `deployments create`) names after the model.
        *model = AzureDialect::deploymentNameFor(*model);
        return true;
    }
    const std::optional<QList<Deployment>> deployments = context.call<QList<Deployment>>(
            [&context](auto done) { return context.provider().listDeployments(done); });
    if (!deployments)
        return false;
    const ChatRoute route = chatRoute(kind, *model, *deployments);
    switch (route.kind) {
    case ChatRoute::Kind::Direct:
    case ChatRoute::Kind::Deployment:
        *model = route.model;
        return true;
    case ChatRoute::Kind::Starting:
        context.err() << Context::tr("error: the deployment of %1 (%2) is still starting (%3). "
                                     "Try again once 'finetune-studio deployments list' shows "
                                     "it started.")
                                 .arg(*model, route.deployment.id, route.deployment.stateText)
                      << '\n';
        return false;
    case ChatRoute::Kind::NotDeployed:
        break;
    }
    context.err() << Context::tr("error: %1 must be deployed before it can answer on %2. Deploy "
                                 "it first: finetune-studio deployments create %1")
                             .arg(*model, ModelRegistry::provider(kind).displayName())
                  << '\n';
    return false;
}

bool reachTarget(Context &context, ModelTarget *target)
{
    QString servedAs = target->model;
    if (!reachModel(context, &servedAs))
        return false;
    if (servedAs != target->model)
        target->servedAs = servedAs;
    return true;
}

} // namespace fs::cli
