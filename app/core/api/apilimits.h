// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

namespace fs {

/**
 * @brief How much and for how long one API call may read: the client's defence against a
 * service that sends too much, too slowly or nothing at all. The one place these limits live.
 *
 * A call that reaches a limit ends with an ApiError whose plainMessage() says which limit, in
 * plain words ("The service sent an answer larger than 32 MB — stopped reading.").
 */
struct ApiLimits
{
    /// What a call reads: a JSON answer, a file's content, or a streamed chat answer.
    enum class Kind { Json, Download, Stream };

    qint64 maxJsonBytes = 32'000'000; ///< one JSON answer (also an error's body)
    qint64 maxDownloadBytes = 1'000'000'000; ///< one file's content
    qint64 maxStreamBytes = 64'000'000; ///< all the bytes of one streamed answer
    qint64 maxSseLineBytes = 1'000'000; ///< one line of a streamed answer
    qint64 maxSseEventBytes = 4'000'000; ///< one event (its data lines together)
    /// No byte received or sent for this long ends the attempt (it may be retried).
    int idleTimeoutMs = 5 * 60 * 1000;
    /// The whole call, retries included, counted from the last byte of the request sent (a long
    /// upload is not cut off), per kind; the call is not retried after it.
    int jsonTimeoutMs = 10 * 60 * 1000;
    int downloadTimeoutMs = 60 * 60 * 1000;
    int streamTimeoutMs = 30 * 60 * 1000;
    int maxRedirects = 10; ///< same-origin redirects followed before giving up
    /// A watcher (`jobs watch`, the Jobs area; see WatchBudget) keeps polling through failures,
    /// and stops with a sentence after this many failed checks in a row that waiting may cure
    /// (no connection, time-outs, 429, 5xx) …
    int watchFailures = 10;
    /// … or this many in a row that waiting does not cure (an answer of the wrong shape: not
    /// JSON, a web page, nulls; a refusal of the request) …
    int watchWrongAnswers = 3;
    /// … or after this long without a good answer, whichever comes first.
    int watchQuietMs = 10 * 60 * 1000;

    qint64 maxBodyBytes(Kind kind) const;
    int overallTimeoutMs(Kind kind) const;

    /// The defaults, with any overrides from the environment variable FS_API_LIMITS (see
    /// withOverrides()): how tests and people with unusual services change them without a build.
    static ApiLimits defaults();
    /// `base` with "name=value" pairs separated by commas applied; names are the fields above
    /// without their prefixes: json, download, stream, sse-line, sse-event (bytes), idle,
    /// json-time, download-time, stream-time (milliseconds), redirects, watch-failures,
    /// watch-wrong (counts), watch-time (milliseconds). Unknown names and bad values are ignored.
    static ApiLimits withOverrides(const ApiLimits &base, const QString &text);
};

/// A size as people read it in a sentence: "32 MB", "512 kB", "100 bytes" (translated).
QString sizeInWords(qint64 bytes);
/// A duration as people read it in a sentence: "5 minutes", "1 second" (translated, rounded up).
QString durationInWords(qint64 ms);

} // namespace fs
