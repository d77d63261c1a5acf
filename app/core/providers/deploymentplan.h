// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain.h"
#include "providerkind.h"

namespace fs {

/// How a chat request reaches a model on a service whose fine-tuned models must be deployed.
struct ChatRoute
{
    enum class Kind {
        Direct, ///< send the model's name as it is (a base model, or no deployment needed)
        Deployment, ///< through its running deployment: send `model` (the deployment's name)
        Starting, ///< its deployment is on its way up but does not answer yet
        NotDeployed, ///< no deployment of it runs: it must be deployed first
    };
    Kind kind = Kind::Direct;
    QString model; ///< the name chat requests send (Direct and Deployment)
    Deployment deployment; ///< the deployment used or waited for (Deployment, Starting)
};

/// True when `model` is a fine-tuned model (the provider's naming) that answers only once
/// deployed on `provider` (ModelRegistry: needsDeployment()).
bool needsDeployment(ProviderKind provider, const QString &model);

/// The route to `model` on `provider`, given the service's deployments. Models that need no
/// deployment go direct; a fine-tuned one goes through a running deployment of it (matched by
/// its model or the deployment's name), else waits for one that is starting, else is not
/// deployed.
ChatRoute chatRoute(
        ProviderKind provider, const QString &model, const QList<Deployment> &deployments);

/// The cheapest hardware with a known price that the service does not call unavailable; null
/// when there is none.
const HardwareOption *cheapestHardware(const QList<HardwareOption> &options);

} // namespace fs
