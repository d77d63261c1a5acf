// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the tests of the services (OpenAI, Azure, Together, Fireworks) share: answers to feed a
// dialect, a call's JSON body, the sentence check for refusals, the steps `jobs watch` printed
// and the environment of the Azure command line.

#include "dialect.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QString>

namespace fs::test {

/// An answer of the service as a dialect parses it.
inline HttpAnswer answer(const QByteArray &body, int status = 200)
{
    HttpAnswer result;
    result.status = status;
    result.body = body;
    return result;
}

/// The JSON object a call sends.
inline QJsonObject bodyOf(const HttpCall &call)
{
    return QJsonDocument::fromJson(call.body).object();
}

/// A refusal is a whole sentence for people, never a blank object.
inline bool isSentence(const DialectError &error)
{
    const QString text = error.message.trimmed();
    return text.size() > 10 && text.at(0).isUpper() && text.endsWith(QLatin1Char('.'));
}

/// M when the "Step N/M: training loss=…" lines `jobs watch` printed name every step from 1 to
/// M once, in order; else 0.
inline int everyStepWatched(const QString &output)
{
    static const QRegularExpression stepLine(
            QStringLiteral("^Step (\\d+)/(\\d+): training loss=\\d+\\.\\d{4}"));
    int seen = 0;
    int total = 0;
    for (const QString &line : output.split(QLatin1Char('\n'))) {
        const QRegularExpressionMatch match = stepLine.match(line);
        if (!match.hasMatch())
            continue;
        if (match.captured(1).toInt() != ++seen)
            return 0;
        total = match.captured(2).toInt();
    }
    return seen == total ? total : 0;
}

/// `base` (an isolated environment) with Azure's key and `endpoint`, and AZURE_ACCESS_TOKEN set
/// to `token` (removed when empty).
inline QProcessEnvironment azureEnvironment(
        QProcessEnvironment base, const QString &endpoint, const QString &token)
{
    base.insert(QStringLiteral("AZURE_OPENAI_API_KEY"), QStringLiteral("azure-key"));
    base.insert(QStringLiteral("AZURE_OPENAI_ENDPOINT"), endpoint);
    base.remove(QStringLiteral("AZURE_ACCESS_TOKEN"));
    if (!token.isEmpty())
        base.insert(QStringLiteral("AZURE_ACCESS_TOKEN"), token);
    return base;
}

/// The request line of Azure's management API that deploys `model` in the test's account.
inline QString azureDeploymentPut(const QString &model)
{
    return QStringLiteral(
            "PUT /subscriptions/0f0e0d0c-1a2b-4c3d-8e9f-a0b1c2d3e4f5/resourceGroups/rg-1/"
            "providers/Microsoft.CognitiveServices/accounts/aoai-1/deployments/%1"
            "?api-version=2026-09-01")
            .arg(model);
}

} // namespace fs::test
