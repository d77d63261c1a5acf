// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace fs {

/**
 * @brief What went wrong with one API call, as a value.
 *
 * Core never phrases errors for people beyond plainMessage(); the UI and the CLI show that.
 */
struct ApiError
{
    enum class Kind {
        None, ///< no error
        Http, ///< the server answered with a non-2xx status (see httpStatus, code, …)
        Timeout, ///< no answer within the call's time limit
        Cancelled, ///< abort() was called
        Unreachable, ///< DNS failure, connection refused, no route, connection dropped
        Certificate, ///< TLS handshake or certificate problem
        Protocol, ///< the body could not be understood (not JSON, wrong shape, broken stream)
        Stream, ///< an error object arrived inside a server-sent event stream
    };

    Kind kind = Kind::None;
    int httpStatus = 0; ///< 0 when no HTTP response arrived
    QString type; ///< error.type, e.g. "invalid_request_error"
    QString code; ///< error.code, e.g. "training_not_available"; empty when null
    QString param; ///< error.param; empty when null
    QString message; ///< error.message from the server, or a technical detail
    QString requestId; ///< x-request-id response header
    /// The client's own limit that ended the call (ApiLimits: bytes, or milliseconds for a
    /// timeout; redirects for redirect_loop), 0 otherwise. Codes the client sets itself:
    /// answer_too_large, stream_too_large, stream_line_too_long, stream_event_too_large,
    /// redirect_loop (Protocol), idle_timeout, overall_timeout (Timeout); and for a JSON
    /// answer that is not one object: empty_answer, html_answer, not_an_object, invalid_number
    /// (NaN, Infinity), invalid_json (Protocol).
    qint64 limit = 0;

    bool isError() const { return kind != Kind::None; }

    /// Which "too much" a refusal means: the one place that tells them apart, by the services'
    /// documented codes. OpenAI: 429 `insufficient_quota` (code or type) is Quota, 429
    /// `daily_rate_limit_exceeded` (its cap of fine-tuning jobs per model and day) DailyCap, any
    /// other 429 (`rate_limit_exceeded`) RateLimit. Together AI and Fireworks AI answer a
    /// spending limit or an unpaid plan with 402 Payment Required (Quota) and keep 429 for rate
    /// limits (Fireworks also for a deployment at capacity): RateLimit. A streamed error with
    /// `insufficient_quota` is Quota too.
    enum class Cap {
        None, ///< not a limit of the account
        RateLimit, ///< too many requests for now: waiting cures it
        Quota, ///< out of credit or over the spending limit: someone must pay or raise it
        DailyCap, ///< the day's allowance is used up: tomorrow, or another model
    };
    Cap cap() const;
    /// A 429 that waiting cures (too many requests for now), as opposed to a quota or a day's
    /// cap, which are 429s too (cap() == RateLimit).
    bool isRateLimit() const;
    /// Out of quota or credit, or the day's cap reached (cap() is Quota or DailyCap): waiting
    /// minutes does not help, whatever the server hints.
    bool isQuotaExhausted() const;
    /// The day's cap of the service (cap() == DailyCap), e.g. OpenAI's fine-tuning jobs per day.
    bool isDailyCap() const;
    /// Whether the same request may pass if tried again later: a dropped connection or time-out,
    /// 408, 409, 5xx, or a rate limit. Never a quota, a refusal of the request itself, a cancel
    /// or an answer of the wrong shape. The one rule the retry policy, the batch runner, the
    /// uploader and the job watchers share.
    bool isTransient() const;

    /// Parses `{"error":{…}}` (or a bare error object) into type/code/param/message.
    static ApiError fromBody(int httpStatus, const QByteArray &body, const QString &requestId);

    /// One line for logs and the CLI: "HTTP 403 training_not_available: … (request req_…)".
    QString technicalSummary() const;
    /// The cause in plain words for people (translated), e.g. "The API key was not accepted."
    QString plainMessage() const;
};

} // namespace fs
