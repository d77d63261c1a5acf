// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobformrules.h"

#include "modelregistry.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cmath>

namespace fs {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fs::JobFormRules", text);
}

} // namespace

QString HyperparameterRule::rangeText() const
{
    // The same words as the model registry's ranges.
    HyperparameterRange range;
    range.minimum = minimum;
    range.exclusiveMinimum = exclusiveMinimum;
    range.maximum = maximum;
    return range.rangeText();
}

QString HyperparameterRule::check(double value) const
{
    const bool low = exclusiveMinimum ? !(value > minimum) : !(value >= minimum);
    if (!std::isfinite(value) || low || value > maximum)
        return QCoreApplication::translate("fs::JobFormRules", "%1 must be %2, or automatic.")
                .arg(label, rangeText());
    if (integer && value != std::floor(value))
        return QCoreApplication::translate("fs::JobFormRules", "%1 must be a whole number.")
                .arg(label);
    return {};
}

HyperparameterRule JobFormRules::rule(HyperparameterRule::Name name)
{
    HyperparameterRule r;
    r.name = name;
    switch (name) {
    case HyperparameterRule::Name::Epochs:
        r.key = QStringLiteral("n_epochs");
        r.label = tr("Epochs");
        r.explanation = tr("How many times the model reads the whole training file. More "
                           "epochs learn your examples more closely, but too many make it "
                           "repeat them instead of generalising.");
        break;
    case HyperparameterRule::Name::BatchSize:
        r.key = QStringLiteral("batch_size");
        r.label = tr("Batch size");
        r.explanation = tr("How many examples the model looks at before each adjustment. "
                           "Larger batches learn more steadily but adjust less often.");
        break;
    case HyperparameterRule::Name::LearningRateMultiplier:
        r.key = QStringLiteral("learning_rate_multiplier");
        r.label = tr("Learning rate multiplier");
        r.explanation = tr("How big each adjustment is. Higher values learn faster but can "
                           "overshoot; lower values are careful but may need more epochs.");
        r.suggestedStep = 0.1;
        r.decimals = 3;
        break;
    case HyperparameterRule::Name::Beta:
        r.key = QStringLiteral("beta");
        r.label = tr("Beta");
        r.explanation = tr("For preference training: higher values keep the model close to "
                           "how it answered before; lower values follow your preferred "
                           "answers more strongly.");
        r.suggestedStep = 0.05;
        r.decimals = 3;
        r.dpoOnly = true;
        break;
    }
    // The bounds are OpenAI's, from the model registry.
    if (const HyperparameterRange *range =
                    ModelRegistry::provider(ProviderKind::OpenAI).range(r.key)) {
        r.integer = range->integer;
        r.minimum = range->minimum;
        r.exclusiveMinimum = range->exclusiveMinimum;
        r.maximum = range->maximum;
    }
    return r;
}

QList<HyperparameterRule> JobFormRules::rules(const QString &method)
{
    QList<HyperparameterRule> list {rule(HyperparameterRule::Name::Epochs),
            rule(HyperparameterRule::Name::BatchSize),
            rule(HyperparameterRule::Name::LearningRateMultiplier)};
    if (method == QLatin1String("dpo"))
        list.append(rule(HyperparameterRule::Name::Beta));
    return list;
}

QString JobFormRules::checkSuffix(const QString &suffix)
{
    if (suffix.isEmpty())
        return {};
    if (suffix.size() > kMaxSuffixLength)
        return tr("The name suffix may have at most 64 characters.");
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9_-]+$"));
    if (!allowed.match(suffix).hasMatch())
        return tr("The name suffix becomes part of the model's name: use only letters a-z, "
                  "digits, '-' and '_' (no spaces).");
    return {};
}

QString JobFormRules::checkSeed(qint64 seed)
{
    if (seed < 0 || seed > kMaxSeed)
        return tr("The seed must be a whole number from 0 to 2147483647.");
    return {};
}

QString JobFormRules::checkMetadata(const QMap<QString, QString> &metadata)
{
    if (metadata.size() > kMaxMetadataPairs)
        return tr("At most 16 notes (metadata pairs) can be attached to a job.");
    for (auto it = metadata.cbegin(); it != metadata.cend(); ++it) {
        if (it.key().trimmed().isEmpty())
            return tr("Every note (metadata pair) needs a name.");
        if (it.key().size() > kMaxMetadataKeyLength)
            return QCoreApplication::translate(
                    "fs::JobFormRules", "The note name \"%1\" is too long: at most 64 characters.")
                    .arg(it.key().left(20) + QStringLiteral("…"));
        if (it.value().size() > kMaxMetadataValueLength)
            return QCoreApplication::translate(
                    "fs::JobFormRules", "The note \"%1\" is too long: at most 512 characters.")
                    .arg(it.key());
    }
    return {};
}

QList<FormProblem> JobFormRules::validate(const CreateJobRequest &request)
{
    QList<FormProblem> problems;
    if (request.model.trimmed().isEmpty())
        problems.append({QStringLiteral("model"), tr("Choose a base model to fine-tune.")});
    if (request.trainingFile.trimmed().isEmpty())
        problems.append({QStringLiteral("training_file"), tr("Choose a training file.")});
    if (!request.validationFile.isEmpty() && request.validationFile == request.trainingFile)
        problems.append({QStringLiteral("validation_file"),
                tr("The validation file must be a different file from the training file: "
                   "examples the model trained on say nothing about new questions.")});
    if (request.methodType != QLatin1String("supervised")
            && request.methodType != QLatin1String("dpo"))
        problems.append({QStringLiteral("method"),
                tr("Choose supervised training or preference training (DPO).")});
    const struct
    {
        const Hyperparameter *value;
        HyperparameterRule::Name name;
    } hyper[] = {{&request.hyperparameters.nEpochs, HyperparameterRule::Name::Epochs},
            {&request.hyperparameters.batchSize, HyperparameterRule::Name::BatchSize},
            {&request.hyperparameters.learningRateMultiplier,
                    HyperparameterRule::Name::LearningRateMultiplier},
            {&request.hyperparameters.beta, HyperparameterRule::Name::Beta}};
    for (const auto &h : hyper) {
        if (h.value->isAuto)
            continue;
        const HyperparameterRule r = rule(h.name);
        if (r.dpoOnly && request.methodType != QLatin1String("dpo"))
            continue;
        const QString problem = r.check(h.value->value);
        if (!problem.isEmpty())
            problems.append({r.key, problem});
    }
    const QString suffix = checkSuffix(request.suffix);
    if (!suffix.isEmpty())
        problems.append({QStringLiteral("suffix"), suffix});
    if (request.seed) {
        const QString seed = checkSeed(*request.seed);
        if (!seed.isEmpty())
            problems.append({QStringLiteral("seed"), seed});
    }
    const QString metadata = checkMetadata(request.metadata);
    if (!metadata.isEmpty())
        problems.append({QStringLiteral("metadata"), metadata});
    return problems;
}

namespace {

bool isFileNotReady(const ApiError &error)
{
    if (error.code == QLatin1String("file_not_ready")
            || error.code == QLatin1String("file_not_processed"))
        return true;
    static const QRegularExpression pattern(
            QStringLiteral("not (yet )?ready|still (being )?process|not (yet )?(been )?processed|"
                           "is being processed"),
            QRegularExpression::CaseInsensitiveOption);
    return error.httpStatus == 400 && pattern.match(error.message).hasMatch();
}

QString fileWord(const QString &param)
{
    if (param == QLatin1String("validation_file"))
        return tr("The validation file");
    return tr("The training file");
}

} // namespace

QString JobFormRules::refusalMessage(const ApiError &error)
{
    if (!error.isError())
        return {};
    if (error.code == QLatin1String("training_not_available"))
        return error.plainMessage();
    if (error.code == QLatin1String("daily_rate_limit_exceeded")) {
        QString text = error.plainMessage();
        if (!error.message.isEmpty())
            text += QLatin1Char(' ')
                    + QCoreApplication::translate("fs::JobFormRules", "(The service says: %1)")
                              .arg(error.message);
        return text;
    }
    if (isFileNotReady(error))
        return QCoreApplication::translate("fs::JobFormRules",
                "%1 is still being checked by the service. Wait a minute, then start the job "
                "again; the form keeps your choices.")
                .arg(fileWord(error.param));
    if (error.kind == ApiError::Kind::Http && error.httpStatus == 400
            && (error.param == QLatin1String("training_file")
                    || error.param == QLatin1String("validation_file")))
        return QCoreApplication::translate("fs::JobFormRules",
                "%1 was not accepted: %2 Check it in the Datasets area (Validate), upload it "
                "again, and choose the new file.")
                .arg(fileWord(error.param), error.message);
    if (error.kind == ApiError::Kind::Http && error.httpStatus == 400
            && error.param == QLatin1String("model"))
        return QCoreApplication::translate("fs::JobFormRules",
                "This base model cannot be fine-tuned with this connection: %1 Choose another "
                "model.")
                .arg(error.message);
    return error.plainMessage();
}

QString JobFormRules::refusalField(const ApiError &error)
{
    if (error.param.startsWith(QLatin1String("hyperparameters.")))
        return error.param.mid(16);
    if (error.param.startsWith(QLatin1String("method.")))
        return QStringLiteral("method");
    return error.param;
}

bool JobFormRules::refusalIsTemporary(const ApiError &error)
{
    return isFileNotReady(error);
}

} // namespace fs
