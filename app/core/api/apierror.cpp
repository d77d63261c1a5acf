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
        // Proxies and gateways answer with HTML or plain text; keep a short excerpt for the log.
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
        if (code == QLatin1String("idle_timeout") && limit > 0)
            return QCoreApplication::translate("ApiError",
                    "The service sent nothing for %1 — stopped waiting. Try again in a moment.")
                    .arg(durationInWords(limit));
        if (code == QLatin1String("overall_timeout") && limit > 0)
            return QCoreApplication::translate("ApiError",
                    "The service did not finish its answer within %1 — stopped waiting. Try "
                    "again in a moment.")
                    .arg(durationInWords(limit));
        return QCoreApplication::translate(
                "ApiError", "The service took too long to answer. Try again in a moment.");
    case Kind::Cancelled:
        return QCoreApplication::translate("ApiError", "The request was cancelled.");
    case Kind::Unreachable:
        return QCoreApplication::translate("ApiError",
                "The service could not be reached. Check the internet connection and the "
                "address.");
    case Kind::Certificate:
        if (code == QLatin1String("insecure_connection"))
            return QCoreApplication::translate("ApiError",
                    "The address starts with http://, so the API key would travel unprotected "
                    "and could be read by others on the network. Use an address that starts "
                    "with https://.");
        return QCoreApplication::translate("ApiError",
                "The secure connection to the service could not be verified. Check the "
                "address; a network device may be interfering with the connection.");
    case Kind::Protocol:
        // A dialect (providers/dialect.h) already said what is wrong in plain words.
        if ((code == QLatin1String("unsupported_operation")
                    || code == QLatin1String("invalid_request")
                    || code == QLatin1String("unexpected_answer"))
                && !message.isEmpty())
            return message;
        if (code == QLatin1String("answer_too_large"))
            return QCoreApplication::translate("ApiError",
                    "The service sent an answer larger than %1 — stopped reading. Check that "
                    "the address points to the right service.")
                    .arg(sizeInWords(limit));
        if (code == QLatin1String("stream_too_large"))
            return QCoreApplication::translate("ApiError",
                    "The service sent a streamed answer larger than %1 — stopped reading.")
                    .arg(sizeInWords(limit));
        if (code == QLatin1String("stream_line_too_long"))
            return QCoreApplication::translate("ApiError",
                    "The service sent a line longer than %1 in a streamed answer — stopped "
                    "reading.")
                    .arg(sizeInWords(limit));
        if (code == QLatin1String("stream_event_too_large"))
            return QCoreApplication::translate("ApiError",
                    "The service sent a part larger than %1 in a streamed answer — stopped "
                    "reading.")
                    .arg(sizeInWords(limit));
        // An answer that is not one JSON object (ApiReply names what it is instead).
        if (code == QLatin1String("empty_answer"))
            return QCoreApplication::translate("ApiError",
                    "The service sent an empty answer where it should have sent data. Check "
                    "that the address points to an OpenAI-compatible service.");
        if (code == QLatin1String("html_answer"))
            return QCoreApplication::translate("ApiError",
                    "The service sent a web page instead of data: the address may lead to a "
                    "website, a sign-in page or a proxy rather than to the service itself. Check "
                    "the address in the connection settings.");
        if (code == QLatin1String("not_an_object"))
            return QCoreApplication::translate("ApiError",
                    "The service sent a list or a single value where it should have sent one "
                    "object. Check that the address points to an OpenAI-compatible service.");
        if (code == QLatin1String("invalid_number"))
            return QCoreApplication::translate("ApiError",
                    "The service sent a number that JSON does not allow (NaN or Infinity), so "
                    "its answer could not be read. This is the service's fault; try again later.");
        if (code == QLatin1String("invalid_json"))
            return QCoreApplication::translate("ApiError",
                    "The service sent an answer that is not valid JSON (it may be cut off or "
                    "garbled). Check that the address points to an OpenAI-compatible service.");
        if (code == QLatin1String("redirect_loop"))
            return QCoreApplication::translate("ApiError",
                    "The service kept sending the request on to another address (more than %1 "
                    "times) — stopped following it. Check the address in the connection "
                    "settings.")
                    .arg(limit);
        return QCoreApplication::translate("ApiError",
                "The service sent an answer that could not be understood. Check that the "
                "address points to an OpenAI-compatible service.");
    case Kind::Stream:
        if (cap() == Cap::Quota)
            break; // same words as the HTTP case below
        return message.isEmpty() ? QCoreApplication::translate(
                       "ApiError", "The service stopped the answer because of an error. Try again.")
                                 : QCoreApplication::translate("ApiError",
                                         "The service stopped the answer because of an error: %1")
                                           .arg(message);
    case Kind::Http:
        break;
    }

    if (cap() == Cap::Quota)
        return QCoreApplication::translate("ApiError",
                "Your account has run out of credit. Add credit or raise the spending limit "
                "in your account's billing settings, then try again.");
    if (cap() == Cap::DailyCap)
        return QCoreApplication::translate("ApiError",
                "The daily limit of fine-tuning jobs for this model has been reached. Try "
                "again tomorrow, or choose another model.");
    if (code == QLatin1String("training_not_available"))
        return QCoreApplication::translate("ApiError",
                "This account can no longer start new fine-tuning jobs: the service has "
                "stopped accepting them from it. Existing jobs and models still work. To "
                "train a new model, use another connection, for example Azure OpenAI.");
    if (code == QLatin1String("insufficient_storage") || httpStatus == 507)
        return QCoreApplication::translate("ApiError",
                "The service has no space left to store the file. For the built-in practice "
                "service, free some space on this computer's disk; then upload the file again.");
    if (code == QLatin1String("invalid_api_key"))
        return QCoreApplication::translate("ApiError",
                "The API key was not accepted. Check the key in the connection settings.");
    // Azure OpenAI: a fine-tune answers only through a deployment (Azure's 404
    // DeploymentNotFound); deployments are made with the Microsoft sign-in, not the key.
    if (code == QLatin1String("DeploymentNotFound"))
        return QCoreApplication::translate("ApiError",
                "On Azure this model answers only through a deployment, and it has none (or it "
                "was removed). Deploy it first with “Deploy to Try It…” in the Jobs area or the "
                "Playground.");
    if (code == QLatin1String("AuthenticationFailed")
            || code == QLatin1String("InvalidAuthenticationToken")
            || code == QLatin1String("InvalidAuthenticationTokenAudience")
            || code == QLatin1String("ExpiredAuthenticationToken"))
        return QCoreApplication::translate("ApiError",
                "Azure did not accept the Microsoft sign-in (it may have run out). Sign in with "
                "Microsoft again.");

    switch (httpStatus) {
    case 401:
        return QCoreApplication::translate("ApiError",
                "The API key was not accepted. Check the key in the connection settings.");
    case 403:
        return QCoreApplication::translate("ApiError",
                "The service refused this request. The API key may lack the permission for "
                "it, or the service may not be offered in your region.");
    case 404:
        return QCoreApplication::translate("ApiError",
                "The service could not find this item. It may have been deleted or belong to "
                "another account or project. A newly trained model can take a few minutes "
                "to become available.");
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
                "Too many requests were sent in a short time. Wait a moment and try again.");
    default:
        break;
    }
    if (httpStatus >= 500)
        return QCoreApplication::translate("ApiError",
                "The service is having problems right now. Try again in a few minutes.");
    if (httpStatus >= 400 && !message.isEmpty())
        return QCoreApplication::translate("ApiError", "The service did not accept the request: %1")
                .arg(message);
    return QCoreApplication::translate("ApiError", "The service answered with an error (code %1).")
            .arg(httpStatus);
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
