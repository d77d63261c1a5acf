// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apitypes.h"
#include "connection.h"
#include "lintfinding.h"
#include "uploader.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>

class QNetworkAccessManager;

namespace fs {

class ApiClient;
class FileValidator;
class UploadSource;

/// What a file is meant for in a fine-tuning job (remembered for the Jobs area).
enum class DataUse { Training, Validation };

/// How one upload should go: the choices the person made.
struct UploadSettings
{
    QString purpose = QStringLiteral("fine-tune");
    DataUse use = DataUse::Training;
    /// Always the Uploads API (resumable), even for small files. OpenAI only: on another
    /// service the upload fails with a sentence saying so.
    bool alwaysResumable = false;
    /// Lint the file before sending (only for purpose fine-tune: other files are not JSONL
    /// training data).
    bool preflight = true;
    /// The rest (part size, journal, polling) as the Uploader takes it; method and purpose are
    /// filled in from the fields above.
    UploadOptions options;
};

/**
 * @brief One upload from start to end: the pre-flight check with the dataset linter, waiting
 * for its turn, sending (Uploader), the service's own check, and the way out (done, failed and
 * resumable, cancelled).
 *
 * The task owns its source and its own API client made from the connection it started on, so a
 * connection switched meanwhile does not redirect bytes half-way. Tasks are made and sent one at
 * a time by UploadQueue; the Files area shows a row per task, with the texts below.
 */
class UploadTask : public QObject
{
    Q_OBJECT
public:
    enum class Stage {
        Checking, ///< the linter reads the file
        NeedsConfirmation, ///< the check found errors: waits for "Upload anyway" or cancel
        Waiting, ///< checked, waiting for the upload before it
        Uploading, ///< the Uploader runs (progress().phase tells which part)
        Done, ///< the file is on the service and processed
        Failed, ///< see errorMessage(), isResumable(), isProcessingError()
        Cancelled,
    };
    Q_ENUM(Stage)

    /// Uploads a local file. `nam` is not owned.
    UploadTask(const Connection &connection, QNetworkAccessManager *nam, const QString &path,
            const UploadSettings &settings, QObject *parent = nullptr);
    /// Uploads bytes in memory (the open dataset) under `filename`.
    UploadTask(const Connection &connection, QNetworkAccessManager *nam, const QString &filename,
            const QByteArray &data, const UploadSettings &settings, QObject *parent = nullptr);
    /// Uploads any source (a bucket object, …); the task takes ownership of `source`. Such a
    /// source is not checked before sending (the check reads a local file or bytes).
    UploadTask(const Connection &connection, QNetworkAccessManager *nam, UploadSource *source,
            const UploadSettings &settings, QObject *parent = nullptr);
    ~UploadTask() override;

    QString filename() const;
    qint64 size() const;
    QString path() const { return m_path; } ///< empty for bytes in memory
    /// Identifies the bytes in the resume journal (UploadSource::resumeKey()).
    QString resumeKey() const;
    UploadSettings settings() const { return m_settings; }
    Stage stage() const { return m_stage; }
    bool isActive() const;
    /// True while it occupies the connection: the Uploader is sending (not yet at the
    /// service's check). Only one task sends at a time.
    bool isSending() const;

    /// While checking: bytes checked and the total.
    qint64 checkedBytes() const { return m_checkedBytes; }
    LintFindings findings() const { return m_findings; }
    int errorCount() const { return m_errorCount; }
    int warningCount() const { return m_warningCount; }
    int exampleCount() const { return m_exampleCount; }
    /// The check itself could not run (unreadable file); the upload is still possible.
    QString checkProblem() const { return m_checkProblem; }
    bool overridden() const { return m_overridden; }
    bool checkSkipped() const { return m_checkSkipped; }

    UploadProgress progress() const;
    FileObject file() const;
    QString errorMessage() const { return m_errorMessage; }
    bool isResumable() const;
    bool isProcessingError() const;
    Uploader *uploader() const { return m_uploader; }

    /// Plain words for where the task is: "Checking the examples…", "Sending…", …
    QString stageText() const;
    /// The line under it: "1.2 MB of 4 MB sent · 250 kB/s · about 12 s left · 2 of 5 parts",
    /// how much was checked, where the file is once done, or why it failed.
    QString detailText() const;
    /// Why the person should look (the check's refusal, a file sent despite it); empty if none.
    QString warningText() const;
    /// "1.2 MB of 4 MB sent · 250 kB/s · about 12 s left · 2 of 5 parts (1 sent before)".
    static QString progressText(const UploadProgress &progress);
    /// "about 40 s left", "about 3 min left", "about 1 h 5 min left".
    static QString timeLeftText(int seconds);
    /// "Error, example 3: …" for a finding of the check.
    static QString findingText(const LintFinding &finding);

public Q_SLOTS:
    /// Runs the pre-flight check (or goes straight to Waiting when there is none).
    void begin();
    /// After errors were found: send the file anyway.
    void uploadAnyway();
    /// While checking (a very large file takes a while): send without waiting for the check.
    void skipCheck();
    /// Starts sending (the Files area calls this when it is the task's turn).
    void send();
    /// Sends again after a failure; an Uploads API upload resumes with the missing parts.
    void resume();
    void cancel();

Q_SIGNALS:
    void stageChanged(fs::UploadTask::Stage stage);
    void checkProgress(qint64 done, qint64 total);
    void progressChanged(const fs::UploadProgress &progress);
    /// Done, Failed or Cancelled.
    void finished();

private:
    void init(const Connection &connection, QNetworkAccessManager *nam);
    void setStage(Stage stage);
    void onCheckFinished();
    void onUploaderState(Uploader::State state);

    QString m_path;
    QByteArray m_data;
    QString m_filename;
    UploadSettings m_settings;
    ApiClient *m_client = nullptr;
    UploadSource *m_source = nullptr;
    Uploader *m_uploader = nullptr;
    FileValidator *m_validator = nullptr;
    Stage m_stage = Stage::Checking;
    qint64 m_checkedBytes = 0;
    LintFindings m_findings;
    int m_errorCount = 0;
    int m_warningCount = 0;
    int m_exampleCount = 0;
    QString m_checkProblem;
    bool m_overridden = false;
    bool m_checkSkipped = false;
    QString m_errorMessage;
};

} // namespace fs
