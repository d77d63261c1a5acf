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

QString defaultModel()
{
    return LintOptions().model;
}

const VerbSyntax kSyntax = {
        QT_TRANSLATE_NOOP("fs::cli",
                "Checks a training file as the editor does: every problem with its line, the "
                "tokens, and what training would cost."),
        {
                {"model",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "The model to fine-tune (token limit, encoding and price; "
                                "default: %1)."),
                        "model", nullptr, defaultModel},
                {"json",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "Print one JSON object (examples, issues, tokens, estimate) for "
                                "scripts.")},
        },
        "file",
        QT_TRANSLATE_NOOP("fs::cli", "The training file (JSONL) to check."),
        false,
};

/// What validate found and what training would cost.
struct Report
{
    const FileValidation &validation;
    TrainingEstimate estimate;
    LintFindings findings;
    int errors = 0;
};

QJsonObject reportJson(const Report &report)
{
    QJsonArray issues;
    for (const LintFinding &finding : report.findings) {
        issues.append(QJsonObject {{QStringLiteral("line"), finding.line},
                {QStringLiteral("severity"), LintFinding::severityName(finding.severity)},
                {QStringLiteral("code"), finding.code},
                {QStringLiteral("message"), finding.message}});
    }
    const DatasetStatistics &statistics = report.validation.statistics;
    const TrainingEstimate &estimate = report.estimate;
    return QJsonObject {
            {QStringLiteral("examples"), report.validation.state.count()},
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
}

/// "support-bot.jsonl: 120 examples (chat)"
void printHeading(QTextStream &out, const QString &path, const LintState &state)
{
    const ExampleFormat format = state.mainFormat();
    out << Context::tr("%1: %Ln example(s)", nullptr, state.count())
                    .arg(QFileInfo(path).fileName());
    if (format == ExampleFormat::Chat)
        out << ' ' << Context::tr("(chat)");
    else if (format == ExampleFormat::Preference)
        out << ' ' << Context::tr("(preference / DPO)");
    out << '\n';
}

/// A line per finding, between empty lines; nothing when there is none.
void printFindings(QTextStream &out, const LintFindings &findings)
{
    if (findings.isEmpty())
        return;
    out << '\n';
    for (const LintFinding &finding : findings) {
        const QString where =
                finding.line > 0 ? Context::tr("line %1").arg(finding.line) : Context::tr("file");
        const QString severity = finding.isError() ? Context::tr("error") : Context::tr("warning");
        out << where.leftJustified(11) << ' ' << severity.leftJustified(8) << ' '
            << finding.code.leftJustified(34) << ' ' << finding.message << '\n';
    }
    out << '\n';
}

/// The tokens, the estimate and the tally of problems.
void printFigures(QTextStream &out, const Report &report)
{
    const DatasetStatistics &statistics = report.validation.statistics;
    const TrainingEstimate &estimate = report.estimate;
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
    const int warnings = int(report.findings.size()) - report.errors;
    if (report.errors == 0 && warnings == 0)
        out << Context::tr("No problems found.") << '\n';
    else
        out << Context::tr("%1, %2.").arg(Context::tr("%Ln error(s)", nullptr, report.errors),
                Context::tr("%Ln warning(s)", nullptr, warnings))
            << '\n';
}

int runVerb(Context &context)
{
    if (context.words().size() != 1) {
        context.err() << Context::tr(
                "usage: finetune-studio validate FILE [--model MODEL] [--json]")
                      << '\n';
        return ExitUsage;
    }
    const QString path = context.words().constFirst();
    LintOptions options;
    if (context.parser().isSet(QStringLiteral("model")))
        options.model = context.parser().value(QStringLiteral("model"));
    FileValidation validation;
    const DatasetError error = validateFile(path, options, &validation);
    if (error.isError()) {
        context.err() << Context::tr("error: %1").arg(error.message) << '\n';
        return ExitUsage; // 2: the file cannot be read
    }
    Report report {validation,
            validation.statistics.estimate(options.model, trainingPrice(options.model)),
            validation.state.allFindings()};
    for (const LintFinding &finding : std::as_const(report.findings))
        report.errors += finding.isError() ? 1 : 0;
    if (context.json()) {
        context.printJson(reportJson(report));
    } else {
        printHeading(context.out(), path, validation.state);
        printFindings(context.out(), report.findings);
        printFigures(context.out(), report);
    }
    return report.errors > 0 ? ExitFailure : ExitOk;
}

} // namespace

const Verb validateVerb = {kSyntax, runVerb};

} // namespace fs::cli
