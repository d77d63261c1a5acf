// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apiclient.h"
#include "captureprompts.h"
#include "modeltarget.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

class QNetworkAccessManager;
class QTimer;

namespace fs {

class BatchRunner;

/// A prompt whose answer could not be obtained in this run (it is asked again next time).
struct CaptureFailure
{
    int prompt = 0; ///< index into the prompts
    int sourceLine = 0;
    QString reason; ///< plain words
};

/**
 * @brief Captures a model's answers ("golden outputs"): sends every prompt to one model and
 * writes each answer, as it arrives, as a line of a chat JSONL file — the prompt's messages
 * followed by the answer as the assistant turn.
 *
 * Sending is the BatchRunner's: bounded concurrency, ProviderClient::chat on the connection's
 * dialect, and its rate-limit rules (a 429 or a server error the client's retries could not
 * absorb pauses every request — retry-after, else a back-off from 1 s to 30 s — and the prompt
 * goes back to the queue).
 *
 * Resumable: OUT is the record. Each answer is appended as one complete line in one write and
 * flushed; a sidecar `OUT.capture.json` (sidecarPath()) keeps the settings (model, connection
 * without key, temperature — 0 unless set —, seed, source, dates) and the indices of the
 * prompts answered and failed. prepare() reads OUT again: a last line cut off by a crash is
 * removed, every complete line is matched to its prompt by content (so the sidecar may lag
 * behind by the line being written when the process died), and only the prompts without an
 * answer are sent. An answered prompt is never sent again; a prompt is never lost (failed ones
 * are asked again on the next run). When the last answer is in, OUT is rewritten once,
 * atomically, in the order of the prompts.
 */
class CaptureRun : public QObject
{
    Q_OBJECT
public:
    explicit CaptureRun(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~CaptureRun() override;

    /// `OUT.capture.json` for OUT.
    static QString sidecarPath(const QString &outPath);
    /// Cuts a last line without its newline (left by a crash) off `path`. Returns the number of
    /// bytes removed (0 when the file ends well or does not exist), -1 with *error on failure.
    static qint64 repairTruncatedTail(const QString &path, QString *error = nullptr);

    /**
     * Gets ready to capture `prompts` from `target` into `outPath`. The target's temperature is
     * 0 when not set. When OUT holds an earlier capture of the same model and settings, it
     * continues it; false with a plain-words *error when OUT is another file, a capture of
     * another model or settings, or cannot be read or written. Not while running.
     */
    bool prepare(const QList<CapturePrompt> &prompts, const ModelTarget &target,
            const QString &source, const QString &outPath, QString *error);

    void setConcurrency(int inFlight); ///< ≥ 1; default 4
    void setRetryPolicy(const RetryPolicy &policy);
    void setInitialBackoffMs(int ms); ///< first pause after an unabsorbed 429 (default 1000)

    /// Sends what is still to be answered; finished() follows (at once when nothing is left).
    void start();
    /// Stops: what is in flight is dropped, everything written stays; finished(true).
    void cancel();
    bool isRunning() const { return m_running; }
    bool isPaused() const;

    const ModelTarget &target() const { return m_target; }
    QString outputPath() const { return m_outPath; }
    int total() const { return int(m_prompts.size()); }
    int answered() const { return m_answered; } ///< prompts with their answer in OUT
    int resumedFrom() const { return m_resumedFrom; } ///< answered when prepare() read OUT
    int remaining() const { return total() - answered(); }
    int failedCount() const { return int(m_failures.size()); }
    const QList<CaptureFailure> &failures() const { return m_failures; }
    /// Distinct failure reasons (at most `limit`), joined by spaces for one sentence.
    QString failureSummary(int limit = 3) const;
    qint64 repairedBytes() const { return m_repairedBytes; } ///< cut off OUT by prepare()
    int unmatchedLines() const { return m_unmatched; } ///< lines of OUT no prompt matched (kept)
    /// Why the run stopped early (OUT could not be written); empty otherwise.
    QString error() const { return m_error; }
    bool isAnswered(int prompt) const { return m_done.value(prompt); }

Q_SIGNALS:
    void progress(int answered, int total, int failed);
    /// Sending stopped for `delayMs` because of a rate limit or a server error (`why`, plain).
    void paused(int delayMs, const QString &why);
    void resumed();
    void finished(bool cancelled);

private:
    void onAnswer(int item);
    void onRunnerFinished(bool cancelled);
    bool appendLine(const QByteArray &line);
    void writeSidecar();
    void reorder();
    void stop(const QString &error);

    BatchRunner *m_runner;
    QTimer *m_sidecarTimer;
    QList<CapturePrompt> m_prompts;
    QList<QByteArray> m_keys; ///< capturePromptKey() per prompt
    QList<bool> m_done;
    QList<int> m_items; ///< the runner's item → prompt index
    QList<CaptureFailure> m_failures;
    ModelTarget m_target;
    QString m_source;
    QString m_outPath;
    QString m_error;
    QDateTime m_started;
    QFile m_out;
    qint64 m_repairedBytes = 0;
    int m_answered = 0;
    int m_resumedFrom = 0;
    int m_unmatched = 0;
    bool m_running = false;
};

} // namespace fs
