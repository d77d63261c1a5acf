// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploymentplan.h"

#include "modelregistry.h"

namespace fs {

bool needsDeployment(ProviderKind provider, const QString &model)
{
    const ProviderModels &models = ModelRegistry::provider(provider);
    return models.needsDeployment() && models.parseFineTuned(model).isValid();
}

ChatRoute chatRoute(
        ProviderKind provider, const QString &model, const QList<Deployment> &deployments)
{
    ChatRoute route;
    route.model = model;
    if (!needsDeployment(provider, model))
        return route;
    const Deployment *starting = nullptr;
    for (const Deployment &d : deployments) {
        if (d.model.compare(model, Qt::CaseInsensitive) != 0 && d.name != model)
            continue;
        if (d.state == Deployment::State::Running) {
            route.kind = ChatRoute::Kind::Deployment;
            route.model = d.name.isEmpty() ? d.model : d.name;
            route.deployment = d;
            return route;
        }
        if (!starting
                && (d.state == Deployment::State::Pending
                        || d.state == Deployment::State::Starting))
            starting = &d;
    }
    route.kind = starting ? ChatRoute::Kind::Starting : ChatRoute::Kind::NotDeployed;
    if (starting)
        route.deployment = *starting;
    return route;
}

const HardwareOption *cheapestHardware(const QList<HardwareOption> &options)
{
    const HardwareOption *best = nullptr;
    for (const HardwareOption &option : options) {
        if (!option.pricePerHour || option.availability == HardwareOption::Availability::Unavailable
                || option.availability == HardwareOption::Availability::Insufficient)
            continue;
        if (!best || *option.pricePerHour < *best->pricePerHour)
            best = &option;
    }
    return best;
}

} // namespace fs
