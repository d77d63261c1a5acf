// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobtexts.h"

#include <QCoreApplication>

namespace fs::JobTexts {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fs::JobTexts", text);
}

QString spanText(qint64 seconds)
{
    if (seconds < 60)
        return QCoreApplication::translate("fs::JobTexts", "%n s", nullptr, int(seconds));
    if (seconds < 3600) {
        const qint64 minutes = seconds / 60;
        const qint64 rest = seconds % 60;
        return rest == 0
                ? QCoreApplication::translate("fs::JobTexts", "%1 min").arg(minutes)
                : QCoreApplication::translate("fs::JobTexts", "%1 min %2 s").arg(minutes).arg(rest);
    }
    const qint64 hours = seconds / 3600;
    const qint64 minutes = (seconds % 3600) / 60;
    return minutes == 0
            ? QCoreApplication::translate("fs::JobTexts", "%1 h").arg(hours)
            : QCoreApplication::translate("fs::JobTexts", "%1 h %2 min").arg(hours).arg(minutes);
}

} // namespace

QString statusText(FineTuningJob::Status status, const QString &rawText)
{
    switch (status) {
    case FineTuningJob::Status::ValidatingFiles:
        return tr("Validating files");
    case FineTuningJob::Status::Queued:
        return tr("Queued");
    case FineTuningJob::Status::Running:
        return tr("Running");
    case FineTuningJob::Status::Paused:
        return tr("Paused");
    case FineTuningJob::Status::Succeeded:
        return tr("Succeeded");
    case FineTuningJob::Status::Failed:
        return tr("Failed");
    case FineTuningJob::Status::Cancelled:
        return tr("Cancelled");
    case FineTuningJob::Status::Unknown:
        break;
    }
    return rawText.isEmpty() ? tr("Unknown") : rawText;
}

QString statusText(const FineTuningJob &job)
{
    return statusText(job.status, job.statusText);
}

QColor statusColor(FineTuningJob::Status status)
{
    switch (status) {
    case FineTuningJob::Status::ValidatingFiles:
    case FineTuningJob::Status::Queued:
        return QColor(0x75, 0x75, 0x75);
    case FineTuningJob::Status::Running:
        return QColor(0x1e, 0x6f, 0xd9);
    case FineTuningJob::Status::Paused:
        return QColor(0xc7, 0x7c, 0x02);
    case FineTuningJob::Status::Succeeded:
        return QColor(0x2e, 0x7d, 0x32);
    case FineTuningJob::Status::Failed:
        return QColor(0xc6, 0x28, 0x28);
    case FineTuningJob::Status::Cancelled:
        return QColor(0x42, 0x42, 0x42);
    case FineTuningJob::Status::Unknown:
        break;
    }
    return QColor(0x6a, 0x1b, 0x9a);
}

bool canCancel(FineTuningJob::Status status)
{
    return status == FineTuningJob::Status::ValidatingFiles
            || status == FineTuningJob::Status::Queued || status == FineTuningJob::Status::Running
            || status == FineTuningJob::Status::Paused;
}

bool canPause(FineTuningJob::Status status)
{
    return status == FineTuningJob::Status::ValidatingFiles
            || status == FineTuningJob::Status::Queued || status == FineTuningJob::Status::Running;
}

bool canResume(FineTuningJob::Status status)
{
    return status == FineTuningJob::Status::Paused;
}

std::optional<qint64> durationSeconds(const FineTuningJob &job, qint64 now)
{
    if (job.createdAt <= 0)
        return std::nullopt;
    qint64 end = 0;
    if (job.finishedAt)
        end = *job.finishedAt;
    else if (!job.isTerminal() && now > 0)
        end = now;
    if (end < job.createdAt)
        return std::nullopt;
    return end - job.createdAt;
}

QString durationText(const FineTuningJob &job, qint64 now)
{
    const std::optional<qint64> seconds = durationSeconds(job, now);
    return seconds ? spanText(*seconds) : QStringLiteral("-");
}

QString timeLeftText(const FineTuningJob &job, qint64 now)
{
    if (!job.estimatedFinish || job.isTerminal())
        return {};
    const qint64 left = *job.estimatedFinish - now;
    if (left <= 0)
        return tr("almost done");
    return QCoreApplication::translate("fs::JobTexts", "about %1 left").arg(spanText(left));
}

QString errorCodeText(const QString &code)
{
    static const struct
    {
        const char *code;
        const char *text;
    } kCodes[] = {
            {"invalid_n_examples",
                    QT_TRANSLATE_NOOP("fs::JobTexts",
                            "The training file has too few examples: the service needs at least "
                            "10.")},
            {"invalid_file_format",
                    QT_TRANSLATE_NOOP("fs::JobTexts",
                            "A file is not in the format fine-tuning expects (one JSON example "
                            "per line, with its messages).")},
            {"invalid_training_file",
                    QT_TRANSLATE_NOOP("fs::JobTexts", "The training file cannot be used.")},
            {"invalid_validation_file",
                    QT_TRANSLATE_NOOP("fs::JobTexts", "The validation file cannot be used.")},
            {"file_too_large",
                    QT_TRANSLATE_NOOP("fs::JobTexts", "A file is larger than the service allows.")},
            {"exceeds_token_limit",
                    QT_TRANSLATE_NOOP("fs::JobTexts",
                            "The training data is longer than the service allows for this "
                            "model.")},
            {"invalid_example",
                    QT_TRANSLATE_NOOP("fs::JobTexts",
                            "An example in the file is broken (for instance a message without "
                            "text, or an unknown role).")},
            {"moderation_failed",
                    QT_TRANSLATE_NOOP("fs::JobTexts",
                            "The trained model did not pass the service's safety checks, so it "
                            "was not published.")},
            {"training_not_available",
                    QT_TRANSLATE_NOOP("fs::JobTexts",
                            "The service no longer accepts new fine-tuning jobs from this "
                            "account.")},
            {"daily_rate_limit_exceeded",
                    QT_TRANSLATE_NOOP("fs::JobTexts",
                            "The daily limit of fine-tuning jobs for this model has been "
                            "reached.")},
            {"insufficient_quota",
                    QT_TRANSLATE_NOOP("fs::JobTexts", "The account has run out of credit.")},
            {"internal_error",
                    QT_TRANSLATE_NOOP("fs::JobTexts",
                            "The service had an internal problem. Starting the job again usually "
                            "helps.")},
    };
    for (const auto &c : kCodes) {
        if (code == QLatin1String(c.code))
            return QCoreApplication::translate("fs::JobTexts", c.text);
    }
    return {};
}

QString errorText(const QString &code, const QString &message)
{
    const QString plain = errorCodeText(code);
    if (plain.isEmpty())
        return message;
    if (message.isEmpty())
        return plain;
    return QCoreApplication::translate("fs::JobTexts", "%1 The service says: %2")
            .arg(plain, message);
}

QString eventErrorCode(const JobEvent &event)
{
    const QJsonValue code = event.data.value(QLatin1String("error_code"));
    return code.isString() ? code.toString() : QString();
}

QColor levelColor(const QString &level)
{
    if (level == QLatin1String("error"))
        return QColor(0xc6, 0x28, 0x28);
    if (level == QLatin1String("warn") || level == QLatin1String("warning"))
        return QColor(0xb2, 0x6a, 0x00);
    return {};
}

} // namespace fs::JobTexts
