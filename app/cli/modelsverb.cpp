// SPDX-License-Identifier: GPL-3.0-or-later
// `finetune-studio models`: the models one can fine-tune on the connection's service.
#include "clicontext.h"

#include <QCoreApplication>

#include <algorithm>

namespace fs::cli {

namespace {

const VerbSyntax kSyntax = {QT_TRANSLATE_NOOP("fs::cli", "Lists the models of the connection.")};

int runVerb(Context &context)
{
    if (!context.words().isEmpty()) {
        context.err() << Context::tr("usage: finetune-studio models") << '\n';
        return ExitUsage;
    }
    if (!context.connect())
        return ExitFailure;
    std::optional<QList<ModelObject>> listed = context.call<QList<ModelObject>>(
            [&context](auto done) { return context.provider().listBaseModels(done); });
    if (!listed)
        return context.failureCode();
    QList<ModelObject> models = *listed;
    if (context.json()) {
        context.printJson(context.lastBody());
        return ExitOk;
    }
    // Fine-tuned models first: they are what people come here for.
    std::stable_sort(models.begin(), models.end(), [](const ModelObject &a, const ModelObject &b) {
        if (a.isFineTuned() != b.isFineTuned())
            return a.isFineTuned();
        return a.id < b.id;
    });
    for (const ModelObject &model : std::as_const(models)) {
        context.out() << model.id.leftJustified(48) << ' ' << model.ownedBy.leftJustified(22);
        if (!model.shutdownDate.isEmpty())
            context.out() << ' ' << Context::tr("retires %1").arg(model.shutdownDate);
        context.out() << '\n';
    }
    context.out() << Context::tr("Models in all: %1").arg(models.size()) << '\n';
    return ExitOk;
}

} // namespace

const Verb modelsVerb = {kSyntax, runVerb};

} // namespace fs::cli
