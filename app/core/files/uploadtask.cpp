// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadtask.h"

#include "apiclient.h"
#include "filelistmodel.h"
#include "filevalidation.h"
#include "uploadsource.h"

#include <QFileInfo>
#include <algorithm>

namespace fs {

namespace {
constexpr qint64 kTokenCountLimit = 100LL * 1024 * 1024;
} // namespace

UploadTask::UploadTask(const Connection &connection, QNetworkAccessManager *nam,
        const QString &path, const UploadSettings &settings, QObject *parent)
    : QObject(parent)
    , m_path(path)
    , m_filename(QFileInfo(path).fileName())
    , m_settings(settings)
{
    m_source = new LocalFileSource(path, this);
    init(connection, nam);
}

UploadTask::UploadTask(const Connection &connection, QNetworkAccessManager *nam,
        const QString &filename, const QByteArray &data, const UploadSettings &settings,
        QObject *parent)
    : QObject(parent)
    , m_data(data)
    , m_filename(filename)
    , m_settings(settings)
{
    m_source = new BufferSource(filename, data, this);
    init(connection, nam);
}

UploadTask::UploadTask(const Connection &connection, QNetworkAccessManager *nam,
        UploadSource *source, const UploadSettings &settings, QObject *parent)
    : QObject(parent)
    , m_filename(source->filename())
    , m_settings(settings)
{
    source->setParent(this);
    m_source = source;
    m_settings.preflight = false;
    init(connection, nam);
}

UploadTask::~UploadTask()
{
    // The validator's thread and the uploader's replies go before the source they read.
    delete m_validator;
    delete m_uploader;
}

void UploadTask::init(const Connection &connection, QNetworkAccessManager *nam)
{
    m_client = new ApiClient(nam, connection, this);
    UploadOptions options = m_settings.options;
    options.purpose = m_settings.purpose;
    if (m_settings.alwaysResumable)
        options.method = UploadOptions::Method::UploadsApi;
    m_uploader = new Uploader(m_client, m_source, options, this);
    connect(m_uploader, &Uploader::progressChanged, this,
            [this](const UploadProgress &progress) { Q_EMIT progressChanged(progress); });
    connect(m_uploader, &Uploader::stateChanged, this, &UploadTask::onUploaderState);
}

QString UploadTask::filename() const
{
    return m_filename;
}

QString UploadTask::resumeKey() const
{
    return m_source->resumeKey();
}

qint64 UploadTask::size() const
{
    return m_source->size();
}

bool UploadTask::isActive() const
{
    return m_stage == Stage::Checking || m_stage == Stage::NeedsConfirmation
            || m_stage == Stage::Waiting || m_stage == Stage::Uploading;
}

bool UploadTask::isSending() const
{
    return m_stage == Stage::Uploading
            && m_uploader->progress().phase < UploadProgress::Phase::Processing;
}

UploadProgress UploadTask::progress() const
{
    return m_uploader->progress();
}

FileObject UploadTask::file() const
{
    return m_uploader->file();
}

bool UploadTask::isResumable() const
{
    return m_stage == Stage::Failed && m_uploader->isResumable();
}

bool UploadTask::isProcessingError() const
{
    return m_stage == Stage::Failed && m_uploader->isProcessingError();
}

QString UploadTask::stageText() const
{
    switch (m_stage) {
    case Stage::Checking:
        return tr("Checking the examples before sending…");
    case Stage::NeedsConfirmation:
        return tr("Problems found: not sent yet");
    case Stage::Waiting:
        return tr("Waiting for the upload before it to finish");
    case Stage::Uploading:
        switch (progress().phase) {
        case UploadProgress::Phase::Preparing:
            return tr("Getting ready to send…");
        case UploadProgress::Phase::Sending:
            return tr("Sending…");
        case UploadProgress::Phase::Completing:
            return tr("All parts sent: the service is putting them together…");
        case UploadProgress::Phase::Processing:
            return tr("Sent. The service is checking the file…");
        case UploadProgress::Phase::Finished:
            return tr("Finishing…");
        }
        break;
    case Stage::Done:
        return tr("Ready to use");
    case Stage::Failed:
        if (isProcessingError())
            return tr("The service could not use this file");
        return isResumable() ? tr("Stopped: can be resumed") : tr("Failed");
    case Stage::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QString UploadTask::timeLeftText(int seconds)
{
    if (seconds < 60)
        return tr("about %n s left", nullptr, qMax(1, seconds));
    if (seconds < 3600)
        return tr("about %n min left", nullptr, (seconds + 30) / 60);
    return tr("about %1 h %2 min left").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

QString UploadTask::findingText(const LintFinding &finding)
{
    const QString kind = finding.isError() ? tr("Error") : tr("Warning");
    if (finding.line > 0)
        return tr("%1, example %2: %3").arg(kind).arg(finding.line).arg(finding.message);
    return tr("%1: %2").arg(kind, finding.message);
}

QString UploadTask::progressText(const UploadProgress &progress)
{
    QStringList parts;
    parts << tr("%1 of %2 sent")
                     .arg(FileListModel::sizeText(progress.sentBytes),
                             FileListModel::sizeText(progress.totalBytes));
    if (progress.phase == UploadProgress::Phase::Sending) {
        if (progress.bytesPerSecond > 0)
            parts << tr("%1/s").arg(FileListModel::sizeText(qint64(progress.bytesPerSecond)));
        if (progress.secondsLeft >= 0)
            parts << timeLeftText(progress.secondsLeft);
    }
    if (progress.partsTotal > 1) {
        QString text = tr("%1 of %2 parts").arg(progress.partsDone).arg(progress.partsTotal);
        if (progress.partsReused > 0)
            text += QLatin1Char(' ') + tr("(%1 sent before)").arg(progress.partsReused);
        parts << text;
    }
    return parts.join(QStringLiteral(" · "));
}

QString UploadTask::detailText() const
{
    switch (m_stage) {
    case Stage::Checking:
        return tr("%1 of %2 checked")
                .arg(FileListModel::sizeText(m_checkedBytes), FileListModel::sizeText(size()));
    case Stage::Done:
        return tr("On the service as %1. You can use it for a fine-tuning job now.").arg(file().id);
    case Stage::Failed:
        return m_errorMessage;
    case Stage::Uploading:
        return progressText(progress());
    case Stage::NeedsConfirmation:
    case Stage::Waiting:
    case Stage::Cancelled:
        break;
    }
    return {};
}

QString UploadTask::warningText() const
{
    if (!m_checkProblem.isEmpty() && m_stage != Stage::Done)
        return tr("The file could not be checked before sending: %1").arg(m_checkProblem);
    if (m_stage == Stage::NeedsConfirmation) {
        return (m_errorCount == 1 ? tr("The check found an error.")
                                  : tr("The check found %L1 errors.").arg(m_errorCount))
                + QLatin1Char(' ')
                + tr("The service will most likely refuse this file. Fix it in the Datasets "
                     "area, or upload anyway if you are sure.");
    }
    if (m_stage == Stage::Failed && isProcessingError())
        return tr("Fix the file and upload it again.");
    if (m_overridden && isActive())
        return tr("Sent although the check found errors.");
    return {};
}

void UploadTask::setStage(Stage stage)
{
    if (m_stage == stage)
        return;
    m_stage = stage;
    Q_EMIT stageChanged(stage);
    if (stage == Stage::Done || stage == Stage::Failed || stage == Stage::Cancelled)
        Q_EMIT finished();
}

void UploadTask::begin()
{
    // Only fine-tuning data is JSONL the linter knows; other purposes go as they are.
    if (!m_settings.preflight || m_settings.purpose != QLatin1String("fine-tune")) {
        m_stage = Stage::Waiting;
        Q_EMIT stageChanged(m_stage);
        return;
    }
    m_stage = Stage::Checking;
    Q_EMIT stageChanged(m_stage);
    m_validator = new FileValidator(this);
    connect(m_validator, &FileValidator::progress, this, [this](qint64 done, qint64 total) {
        m_checkedBytes = done;
        Q_EMIT checkProgress(done, total);
    });
    connect(m_validator, &FileValidator::finished, this, &UploadTask::onCheckFinished);
    LintOptions options;
    // Counting tokens only adds "too long" warnings; on a huge file it would make the person
    // wait minutes before anything is sent.
    options.countTokens = size() <= kTokenCountLimit;
    if (m_path.isEmpty())
        m_validator->startData(m_data, options);
    else
        m_validator->start(m_path, options);
}

void UploadTask::onCheckFinished()
{
    if (m_stage != Stage::Checking)
        return;
    if (m_validator->wasCancelled())
        return;
    if (m_validator->error().isError()) {
        // The check could not read the file; the upload will say so too if it really can't.
        m_checkProblem = m_validator->error().message;
        setStage(Stage::Waiting);
        return;
    }
    const FileValidation &result = m_validator->result();
    // A few hundred are plenty to show; the counts are of all of them.
    m_findings = result.findings(500);
    m_errorCount = result.errorCount();
    m_warningCount = result.warningCount();
    if (m_settings.use == DataUse::Validation) {
        // The minimum of ten examples is for training files; a small validation file is fine.
        for (LintFinding &finding : m_findings) {
            if (finding.code == QLatin1String("too_few_examples") && finding.isError()) {
                finding.severity = LintFinding::Severity::Warning;
                --m_errorCount;
                ++m_warningCount;
            }
        }
    }
    m_exampleCount = result.exampleCount();
    // Errors first: they are what stops the upload.
    std::stable_sort(m_findings.begin(), m_findings.end(),
            [](const LintFinding &a, const LintFinding &b) { return a.isError() && !b.isError(); });
    setStage(m_errorCount > 0 ? Stage::NeedsConfirmation : Stage::Waiting);
}

void UploadTask::uploadAnyway()
{
    if (m_stage != Stage::NeedsConfirmation)
        return;
    m_overridden = true;
    setStage(Stage::Waiting);
}

void UploadTask::skipCheck()
{
    if (m_stage != Stage::Checking)
        return;
    m_checkSkipped = true;
    if (m_validator)
        m_validator->cancel();
    setStage(Stage::Waiting);
}

void UploadTask::send()
{
    if (m_stage != Stage::Waiting)
        return;
    // Uploading before start(): the Uploader's first state change must find us there.
    m_stage = Stage::Uploading;
    Q_EMIT stageChanged(m_stage);
    m_uploader->start();
}

void UploadTask::resume()
{
    if (m_stage != Stage::Failed || isProcessingError())
        return;
    m_errorMessage.clear();
    m_stage = Stage::Waiting;
    Q_EMIT stageChanged(m_stage);
}

void UploadTask::cancel()
{
    switch (m_stage) {
    case Stage::Checking:
        if (m_validator)
            m_validator->cancel();
        setStage(Stage::Cancelled);
        break;
    case Stage::NeedsConfirmation:
    case Stage::Waiting:
        setStage(Stage::Cancelled);
        break;
    case Stage::Uploading:
        m_uploader->cancel();
        setStage(Stage::Cancelled);
        break;
    case Stage::Failed:
        // A resumable upload keeps its parts on the service for an hour: clean them up.
        if (m_uploader->isResumable())
            m_uploader->cancel();
        setStage(Stage::Cancelled);
        break;
    case Stage::Done:
    case Stage::Cancelled:
        break;
    }
}

void UploadTask::onUploaderState(Uploader::State state)
{
    if (m_stage != Stage::Uploading)
        return;
    switch (state) {
    case Uploader::State::Succeeded:
        setStage(Stage::Done);
        break;
    case Uploader::State::Failed:
        m_errorMessage = m_uploader->errorMessage();
        setStage(Stage::Failed);
        break;
    case Uploader::State::Cancelled:
        setStage(Stage::Cancelled);
        break;
    case Uploader::State::Idle:
    case Uploader::State::Running:
        break;
    }
}

} // namespace fs
