// SPDX-License-Identifier: GPL-3.0-or-later
// `finetune-studio validate FILE [--model MODEL] [--json]`: what the editor's findings and
// statistics panels show, from the same core.
#include "appsettings.h"
#include "clicontext.h"
#include "costestimate.h"
#include "datasetstatistics.h"
#include "filevalidation.h"
#include "lintstate.h"
#include "pricetable.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace fs::cli {

namespace {

/// The price the app would use: the user's edited price table, else the defaults.
double trainingPrice(const QString &model)
{
    return PriceTable::load(&AppSettings::standard()).price(model);
}

QString formatNumber(qint64 value)
{
    return QLocale::system().toString(value);
}

} // namespace

int runValidate(const QStringList &arguments)
{
    Context context;
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("model"),
            Context::tr("The model to fine-tune (token limit, encoding and price; default: %1).")
                    .arg(LintOptions().model),
            QStringLiteral("model")});
    parser.addOption({QStringLiteral("json"),
            Context::tr("Print one JSON object (examples, issues, tokens, estimate) for "
                        "scripts.")});
    parser.addPositionalArgument(
            QStringLiteral("file"), Context::tr("The training file (JSONL) to check."));
    int exitCode = ExitOk;
    if (!context.parse(parser, arguments,
                Context::tr("Checks a training file as the editor does: every problem with its "
                            "line, the tokens, and what training would cost."),
                &exitCode))
        return exitCode;
    if (parser.positionalArguments().size() != 1) {
        context.err() << Context::tr(
                "usage: finetune-studio validate FILE [--model MODEL] [--json]")
                      << '\n';
        return ExitUsage;
    }
    const QString path = parser.positionalArguments().constFirst();
    LintOptions options;
    if (parser.isSet(QStringLiteral("model")))
        options.model = parser.value(QStringLiteral("model"));

    FileValidation validation;
    const DatasetError error = validateFile(path, options, &validation);
    if (error.isError()) {
        context.err() << Context::tr("error: %1").arg(error.message) << '\n';
        return ExitUsage; // 2: the file cannot be read
    }
    const LintState &state = validation.state;
    const DatasetStatistics &statistics = validation.statistics;
    const double price = trainingPrice(options.model);
    const TrainingEstimate estimate = statistics.estimate(options.model, price);
    const LintFindings findings = state.allFindings();
    int errors = 0;
    for (const LintFinding &finding : findings)
        errors += finding.isError() ? 1 : 0;
    const int warnings = int(findings.size()) - errors;

    if (context.json()) {
        QJsonArray issues;
        for (const LintFinding &finding : findings) {
            issues.append(QJsonObject {{QStringLiteral("line"), finding.line},
                    {QStringLiteral("severity"), LintFinding::severityName(finding.severity)},
                    {QStringLiteral("code"), finding.code},
                    {QStringLiteral("message"), finding.message}});
        }
        const QJsonObject object {
                {QStringLiteral("examples"), state.count()},
                {QStringLiteral("issues"), issues},
                {QStringLiteral("tokens"),
                        QJsonObject {{QStringLiteral("total"), statistics.totalTokens},
                                {QStringLiteral("max_example"),
                                        qint64(statistics.tokensPerExample.max)},
                                {QStringLiteral("mean"), statistics.tokensPerExample.mean}}},
                {QStringLiteral("estimate"),
                        QJsonObject {{QStringLiteral("model"), estimate.model},
                                {QStringLiteral("n_epochs"), estimate.epochs},
                                {QStringLiteral("billed_tokens"), estimate.billedTokens},
                                {QStringLiteral("cost_usd"),
                                        estimate.costUsd < 0 ? QJsonValue(QJsonValue::Null)
                                                             : QJsonValue(estimate.costUsd)}}},
        };
        context.printJson(object);
        return errors > 0 ? ExitFailure : ExitOk;
    }

    QTextStream &out = context.out();
    const ExampleFormat format = state.mainFormat();
    const QString name = QFileInfo(path).fileName();
    out << Context::tr("%1: %Ln example(s)", nullptr, state.count()).arg(name);
    if (format == ExampleFormat::Chat)
        out << ' ' << Context::tr("(chat)");
    else if (format == ExampleFormat::Preference)
        out << ' ' << Context::tr("(preference / DPO)");
    out << '\n';
    if (!findings.isEmpty()) {
        out << '\n';
        for (const LintFinding &finding : findings) {
            const QString where = finding.line > 0 ? Context::tr("line %1").arg(finding.line)
                                                   : Context::tr("file");
            const QString severity =
                    finding.isError() ? Context::tr("error") : Context::tr("warning");
            out << where.leftJustified(11) << ' ' << severity.leftJustified(8) << ' '
                << finding.code.leftJustified(34) << ' ' << finding.message << '\n';
        }
        out << '\n';
    }
    out << Context::tr("Tokens: %1 in all, longest example %2, mean %3")
                    .arg(formatNumber(statistics.totalTokens),
                            formatNumber(qint64(statistics.tokensPerExample.max)),
                            QLocale::system().toString(statistics.tokensPerExample.mean, 'f', 1))
        << '\n';
    if (statistics.overLimit > 0) {
        out << Context::tr("%Ln example(s) longer than %1 tokens will be cut at the end.", nullptr,
                statistics.overLimit)
                        .arg(formatNumber(statistics.tokenLimit))
            << '\n';
    }
    out << Context::tr("Estimate for %1: %Ln epoch(s), %2 billed tokens", nullptr, estimate.epochs)
                    .arg(estimate.model, formatNumber(estimate.billedTokens));
    if (estimate.costUsd >= 0)
        out << Context::tr(", about %1").arg(formatCostUsd(estimate.costUsd, QLocale::c()));
    else
        out << Context::tr(" (no price known for this model)");
    out << '\n';
    if (errors == 0 && warnings == 0)
        out << Context::tr("No problems found.") << '\n';
    else
        out << Context::tr("%1, %2.").arg(Context::tr("%Ln error(s)", nullptr, errors),
                Context::tr("%Ln warning(s)", nullptr, warnings))
            << '\n';
    return errors > 0 ? ExitFailure : ExitOk;
}

} // namespace fs::cli
