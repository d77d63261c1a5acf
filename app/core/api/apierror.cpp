// SPDX-License-Identifier: GPL-3.0-or-later
#include "apierror.h"

#include "apilimits.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonValue>

namespace fs {

namespace {

// Servers disagree on types: OpenAI sends strings or null, some compatible servers send numbers.
QString textOf(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toInteger());
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

// The words for each kind of failure, one helper a kind; plainMessage() picks the helper.
QString timeoutMessage(const ApiError &error)
{
    if (error.code == QLatin1String("idle_timeout") && error.limit > 0)
        return QCoreApplication::translate("ApiError",
                "The service sent nothing for %1 — stopped waiting. Try again in a moment.")
                .arg(durationInWords(error.limit));
    if (error.code == QLatin1String("overall_timeout") && error.limit > 0)
        return QCoreApplication::translate("ApiError",
                "The service did not finish its answer within %1 — stopped waiting. Try "
                "again in a moment.")
                .arg(durationInWords(error.limit));
    return QCoreApplication::translate(
            "ApiError", "The service took too long to answer. Try again in a moment.");
}

QString certificateMessage(const ApiError &error)
{
    if (error.code == QLatin1String("insecure_connection"))
        return QCoreApplication::translate("ApiError",
                "The address starts with http://, so the API key would travel unprotected "
                "and could be read by others on the network. Use an address that starts "
                "with https://.");
    return QCoreApplication::translate("ApiError",
            "The secure connection to the service could not be verified. Check the "
            "address; a network device may be interfering with the connection.");
}

/// An error code with its words; %1 in the words stands for the limit reached.
struct CodeWords
{
    enum class Limit { None, Size, Count };
    const char *code;
    const char *words;
    Limit limit = Limit::None;
};

/// Answers that were not what the service should have sent (ApiError::Kind::Protocol).
const CodeWords kProtocolWords[] = {
        {"answer_too_large",
                QT_TRANSLATE_NOOP("ApiError",
                        "The service sent an answer larger than %1 — stopped reading. Check that "
                        "the address points to the right service."),
                CodeWords::Limit::Size},
        {"stream_too_large",
                QT_TRANSLATE_NOOP("ApiError",
                        "The service sent a streamed answer larger than %1 — stopped reading."),
                CodeWords::Limit::Size},
        {"stream_line_too_long",
                QT_TRANSLATE_NOOP("ApiError",
                        "The service sent a line longer than %1 in a streamed answer — stopped "
                        "reading."),
                CodeWords::Limit::Size},
        {"stream_event_too_large",
                QT_TRANSLATE_NOOP("ApiError",
                        "The service sent a part larger than %1 in a streamed answer — stopped "
                        "reading."),
                CodeWords::Limit::Size},
        // An answer that is not one JSON object (ApiReply names what it is instead).
        {"empty_answer",
                QT_TRANSLATE_NOOP("ApiError",
                        "The service sent an empty answer where it should have sent data. Check "
                        "that the address points to an OpenAI-compatible service.")},
        {"html_answer",
                QT_TRANSLATE_NOOP("ApiError",
                        "The service sent a web page instead of data: the address may lead to a "
                        "website, a sign-in page or a proxy rather than to the service itself. "
                        "Check the address in the connection settings.")},
        {"not_an_object",
                QT_TRANSLATE_NOOP("ApiError",
                        "The service sent a list or a single value where it should have sent one "
                        "object. Check that the address points to an OpenAI-compatible service.")},
        {"invalid_number",
                QT_TRANSLATE_NOOP("ApiError",
                        "The service sent a number that JSON does not allow (NaN or Infinity), so "
                        "its answer could not be read. This is the service's fault; try again "
                        "later.")},
        {"invalid_json",
                QT_TRANSLATE_NOOP("ApiError",
                        "The service sent an answer that is not valid JSON (it may be cut off or "
                        "garbled). Check that the address points to an OpenAI-compatible "
                        "service.")},
        {"redirect_loop",
                QT_TRANSLATE_NOOP("ApiError",
                        "The service kept sending the request on to another address (more than %1 "
                        "times) — stopped following it. Check the address in the connection "
                        "settings."),
                CodeWords::Limit::Count},
};

QString wordsFor(const CodeWords &entry, qint64 limit)
{
    const QString words = QCoreApplication::translate("ApiError", entry.words);
    switch (entry.limit) {
    case CodeWords::Limit::None:
        break;
    case CodeWords::Limit::Size:
        return words.arg(sizeInWords(limit));
    case CodeWords::Limit::Count:
        return words.arg(limit);
    }
    return words;
}

QString protocolMessage(const ApiError &error)
{
    // A dialect (providers/dialect.h) already said what is wrong in plain words.
    if ((error.code == QLatin1String("unsupported_operation")
                || error.code == QLatin1String("invalid_request")
                || error.code == QLatin1String("unexpected_answer"))
            && !error.message.isEmpty())
        return error.message;
    for (const CodeWords &entry : kProtocolWords) {
        if (error.code == QLatin1String(entry.code))
            return wordsFor(entry, error.limit);
    }
    return QCoreApplication::translate("ApiError",
            "The service sent an answer that could not be understood. Check that the "
            "address points to an OpenAI-compatible service.");
}

QString streamMessage(const ApiError &error)
{
    return error.message.isEmpty() ? QCoreApplication::translate(
                   "ApiError", "The service stopped the answer because of an error. Try again.")
                                   : QCoreApplication::translate("ApiError",
                                           "The service stopped the answer because of an error: %1")
                                             .arg(error.message);
}

// Errors the service names by a code (or a cap); empty when the code says nothing particular.
QString codeMessage(const ApiError &error)
{
    if (error.cap() == ApiError::Cap::Quota)
        return QCoreApplication::translate("ApiError",
                "Your account has run out of credit. Add credit or raise the spending limit in "
                "your account's billing settings, then try again.");
    if (error.cap() == ApiError::Cap::DailyCap)
        return QCoreApplication::translate("ApiError",
                "The daily limit of fine-tuning jobs for this model has been reached. Try again "
                "tomorrow, or choose another model.");
    if (error.code == QLatin1String("training_not_available"))
        return QCoreApplication::translate("ApiError",
                "This account can no longer start new fine-tuning jobs: the service has stopped "
                "accepting them from it. Existing jobs and models still work. To train a new "
                "model, use another connection, for example Azure OpenAI.");
    if (error.code == QLatin1String("insufficient_storage") || error.httpStatus == 507)
        return QCoreApplication::translate("ApiError",
                "The service has no space left to store the file. For the built-in practice "
                "service, free some space on this computer's disk; then upload the file again.");
    if (error.code == QLatin1String("invalid_api_key"))
        return QCoreApplication::translate("ApiError",
                "The API key was not accepted. Check the key in the connection settings.");
    // Azure OpenAI: a fine-tune answers only through a deployment (Azure's 404
    // DeploymentNotFound); deployments are made with the Microsoft sign-in, not the key.
    if (error.code == QLatin1String("DeploymentNotFound"))
        return QCoreApplication::translate("ApiError",
                "On Azure this model answers only through a deployment, and it has none (or it "
                "was removed). Deploy it first with “Deploy to Try It…” in the Jobs area or the "
                "Playground.");
    if (error.code == QLatin1String("AuthenticationFailed")
            || error.code == QLatin1String("InvalidAuthenticationToken")
            || error.code == QLatin1String("InvalidAuthenticationTokenAudience")
            || error.code == QLatin1String("ExpiredAuthenticationToken"))
        return QCoreApplication::translate("ApiError",
                "Azure did not accept the Microsoft sign-in (it may have run out). Sign in with "
                "Microsoft again.");

    return {};
}

QString statusMessage(const ApiError &error)
{
    switch (error.httpStatus) {
    case 401:
        return QCoreApplication::translate("ApiError",
                "The API key was not accepted. Check the key in the connection settings.");
    case 403:
        return QCoreApplication::translate("ApiError",
                "The service refused this request. The API key may lack the permission for it, or "
                "the service may not be offered in your region.");
    case 404:
        return QCoreApplication::translate("ApiError",
                "The service could not find this item. It may have been deleted or belong to "
                "another account or project. A newly trained model can take a few minutes to "
                "become available.");
    case 408:
        return QCoreApplication::translate(
                "ApiError", "The service took too long to answer. Try again in a moment.");
    case 409:
        return QCoreApplication::translate("ApiError",
                "The service is busy with another change to this item. Try again in a "
                "moment.");
    case 413:
        return QCoreApplication::translate(
                "ApiError", "The file is too large to send in one piece.");
    case 429:
        return QCoreApplication::translate("ApiError",
                "Too many requests were sent in a short time. Wait a moment and try "
                "again.");
    default:
        break;
    }
    if (error.httpStatus >= 500)
        return QCoreApplication::translate("ApiError",
                "The service is having problems right now. Try again in a few "
                "minutes.");
    if (error.httpStatus >= 400 && !error.message.isEmpty())
        return QCoreApplication::translate("ApiError", "The service did not accept the request: %1")
                .arg(error.message);
    return QCoreApplication::translate("ApiError", "The service answered with an error (code %1).")
            .arg(error.httpStatus);
}

} // namespace

ApiError ApiError::fromBody(int httpStatus, const QByteArray &body, const QString &requestId)
{
    ApiError error;
    error.kind = Kind::Http;
    error.httpStatus = httpStatus;
    error.requestId = requestId;

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        // Proxies and gateways answer with HTML or plain text; keep a short excerpt for the
        // log.
        error.message = QString::fromUtf8(body.left(300)).simplified();
        return error;
    }
    const QJsonObject root = document.object();
    const QJsonValue inner = root.value(QLatin1String("error"));
    QJsonObject object;
    if (inner.isObject()) {
        object = inner.toObject();
    } else if (inner.isString()) {
        // {"error": "text"} from some compatible servers
        error.message = inner.toString();
        return error;
    } else {
        object = root; // a bare error object
    }
    error.type = textOf(object.value(QLatin1String("type")));
    error.code = textOf(object.value(QLatin1String("code")));
    error.param = textOf(object.value(QLatin1String("param")));
    error.message = textOf(object.value(QLatin1String("message")));
    if (error.message.isEmpty())
        error.message = textOf(root.value(QLatin1String("detail"))); // FastAPI-style servers
    return error;
}

QString ApiError::technicalSummary() const
{
    QString head;
    switch (kind) {
    case Kind::None:
        return QStringLiteral("OK");
    case Kind::Http:
        head = QStringLiteral("HTTP %1").arg(httpStatus);
        break;
    case Kind::Timeout:
        head = QStringLiteral("Timeout");
        break;
    case Kind::Cancelled:
        head = QStringLiteral("Cancelled");
        break;
    case Kind::Unreachable:
        head = QStringLiteral("Unreachable");
        break;
    case Kind::Certificate:
        head = QStringLiteral("Certificate");
        break;
    case Kind::Protocol:
        head = QStringLiteral("Protocol");
        break;
    case Kind::Stream:
        head = QStringLiteral("Stream error");
        break;
    }
    if (!code.isEmpty())
        head += QLatin1Char(' ') + code;
    else if (!type.isEmpty())
        head += QLatin1Char(' ') + type;
    QString line = head;
    if (!message.isEmpty())
        line += QStringLiteral(": ") + message;
    if (!param.isEmpty())
        line += QStringLiteral(" [param ") + param + QLatin1Char(']');
    if (!requestId.isEmpty())
        line += QStringLiteral(" (request ") + requestId + QLatin1Char(')');
    return line;
}

QString ApiError::plainMessage() const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Timeout:
        return timeoutMessage(*this);
    case Kind::Cancelled:
        return QCoreApplication::translate("ApiError", "The request was cancelled.");
    case Kind::Unreachable:
        return QCoreApplication::translate("ApiError",
                "The service could not be reached. Check the internet connection and the "
                "address.");
    case Kind::Certificate:
        return certificateMessage(*this);
    case Kind::Protocol:
        return protocolMessage(*this);
    case Kind::Stream:
        if (cap() == Cap::Quota)
            break; // same words as the HTTP case below
        return streamMessage(*this);
    case Kind::Http:
        break;
    }
    const QString byCode = codeMessage(*this);
    return byCode.isEmpty() ? statusMessage(*this) : byCode;
}

ApiError::Cap ApiError::cap() const
{
    if (kind != Kind::Http && kind != Kind::Stream)
        return Cap::None;
    const auto is = [this](const char *word) {
        return code == QLatin1String(word) || type == QLatin1String(word);
    };
    if (is("insufficient_quota"))
        return Cap::Quota;
    if (kind != Kind::Http)
        return Cap::None;
    if (is("daily_rate_limit_exceeded"))
        return Cap::DailyCap;
    if (httpStatus == 402)
        return Cap::Quota;
    if (httpStatus == 429)
        return Cap::RateLimit;
    return Cap::None;
}

bool ApiError::isQuotaExhausted() const
{
    const Cap c = cap();
    return c == Cap::Quota || c == Cap::DailyCap;
}

bool ApiError::isDailyCap() const
{
    return cap() == Cap::DailyCap;
}

bool ApiError::isRateLimit() const
{
    return cap() == Cap::RateLimit;
}

bool ApiError::isTransient() const
{
    switch (kind) {
    case Kind::Timeout:
    case Kind::Unreachable:
        return true;
    case Kind::Http:
        return !isQuotaExhausted()
                && (httpStatus == 408 || httpStatus == 409 || httpStatus == 429
                        || httpStatus >= 500);
    case Kind::None:
    case Kind::Cancelled:
    case Kind::Certificate:
    case Kind::Protocol:
    case Kind::Stream:
        break;
    }
    return false;
}

} // namespace fs
