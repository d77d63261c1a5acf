// SPDX-License-Identifier: GPL-3.0-or-later
// The Files area's uploads: the choices they are made with, the upload queue, the offer to resume
// what an earlier run left unfinished, and files dropped on the area. The rest of FilesArea is in
// filesarea.cpp.
#include "filesarea.h"

#include "activeconnection.h"
#include "apiclient.h"
#include "appsettings.h"
#include "datasetarea.h"
#include "datasetdocument.h"
#include "filedialog.h"
#include "filelistmodel.h"
#include "uploadqueue.h"
#include "uploadrow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QLabel>
#include <QMimeData>
#include <QScrollArea>
#include <QVBoxLayout>
#include <limits>

namespace fs::ui {

namespace {

QStringList localPaths(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            paths << url.toLocalFile();
    }
    return paths;
}

} // namespace

void FilesArea::setUploadOptions(const UploadOptions &options)
{
    m_uploadOptions = options;
    checkPendingUploads();
}

QString FilesArea::journalDirectory() const
{
    return m_uploadOptions.journalDirectory;
}

void FilesArea::loadUploadChoices()
{
    const QSignalBlocker a(m_purposeComboBox), b(m_useComboBox), c(m_resumableCheckBox);
    const int purpose = m_purposeComboBox->findData(settings().uploadPurpose());
    m_purposeComboBox->setCurrentIndex(qMax(0, purpose));
    m_useComboBox->setCurrentIndex(settings().uploadAsValidation() ? 1 : 0);
    m_resumableCheckBox->setChecked(settings().alwaysResumable());
    m_useComboBox->setEnabled(m_purposeComboBox->currentIndex() == 0);
}

void FilesArea::saveUploadChoices()
{
    settings().setUploadPurpose(m_purposeComboBox->currentData().toString());
    settings().setUploadAsValidation(m_useComboBox->currentIndex() == 1);
    settings().setAlwaysResumable(m_resumableCheckBox->isChecked());
}

UploadSettings FilesArea::uploadSettings() const
{
    UploadSettings settings;
    settings.purpose = m_purposeComboBox->currentData().toString();
    settings.use = DataUse(m_useComboBox->currentData().toInt());
    // Parts that survive a dropped connection are OpenAI's Uploads API only.
    settings.alwaysResumable = m_resumableCheckBox->isChecked() && m_resumableCheckBox->isEnabled();
    settings.options = m_uploadOptions;
    return settings;
}

void FilesArea::setUploadSettings(const UploadSettings &settings)
{
    m_purposeComboBox->setCurrentIndex(qMax(0, m_purposeComboBox->findData(settings.purpose)));
    m_useComboBox->setCurrentIndex(settings.use == DataUse::Validation ? 1 : 0);
    m_resumableCheckBox->setChecked(settings.alwaysResumable);
}

// ---- uploads ---------------------------------------------------------------------------------

void FilesArea::chooseFiles()
{
    if (!m_client)
        return;
    const QStringList paths = FileDialog::getOpenFileNames(this, QStringLiteral("upload"),
            tr("Upload Files"), QString(), tr("Datasets (*.jsonl);;All files (*)"));
    if (!paths.isEmpty())
        uploadFiles(paths);
}

void FilesArea::uploadFiles(const QStringList &paths)
{
    const UploadSettings settings = uploadSettings();
    for (const QString &path : paths)
        uploadPath(path, settings);
}

void FilesArea::uploadOpenDataset()
{
    uploadDataset(uploadSettings());
}

UploadTask *FilesArea::uploadPath(const QString &path, const UploadSettings &settings)
{
    if (!m_active || !m_nam)
        return nullptr;
    m_queue->setConnection(m_active->connection());
    return m_queue->addFile(path, settings);
}

UploadTask *FilesArea::uploadDataset(DataUse use)
{
    UploadSettings settings = uploadSettings();
    settings.purpose = QStringLiteral("fine-tune");
    settings.use = use;
    return uploadDataset(settings);
}

UploadTask *FilesArea::uploadDataset(const UploadSettings &settings)
{
    if (!m_datasets || m_datasets->isWelcomeShown() || !m_active || !m_nam)
        return nullptr;
    DatasetDocument *document = m_datasets->document();
    const QString path = document->filePath();
    // A saved, unchanged file goes as it is (and can be resumed after a restart); anything
    // else as the editor holds it now.
    if (!path.isEmpty() && !path.startsWith(QLatin1Char(':')) && !document->isModified()
            && QFileInfo(path).isFile())
        return uploadPath(path, settings);
    QString name = document->displayName();
    if (!name.endsWith(QLatin1String(".jsonl"), Qt::CaseInsensitive))
        name = QFileInfo(name).completeBaseName() + QStringLiteral(".jsonl");
    m_queue->setConnection(m_active->connection());
    return m_queue->addData(name, document->toBytes(), settings);
}

void FilesArea::showTask(UploadTask *task)
{
    auto *row = new UploadRow(task, m_uploadsScroll->widget());
    m_uploadsLayout->insertWidget(m_uploadsLayout->count() - 1, row);
    connect(row, &UploadRow::dismissed, this, [this, task] { m_queue->remove(task); });
    updateUploadsPanel();
    m_uploadsScroll->ensureWidgetVisible(row);
}

void FilesArea::onUploaded(UploadTask *task, const FileObject &file)
{
    if (task->settings().purpose == QLatin1String("fine-tune"))
        rememberUse(file.id, task->settings().use);
    updateDetails();
    Q_EMIT fileUploaded(file);
    Q_EMIT fileUploadedAs(file, task->settings().use);
}

void FilesArea::updateUploadsPanel()
{
    m_uploadsPanel->setVisible(!m_queue->tasks().isEmpty());
    updatePage();
}

// ---- resuming what an earlier run left ---------------------------------------------------------

void FilesArea::checkPendingUploads()
{
    m_offered.clear();
    if (m_client) {
        const UploadJournal journal(journalDirectory());
        const QString server = m_client->connection().apiBaseUrl().toString();
        const QList<UploadJournalEntry> pending = journal.pendingUploads(server);
        for (const UploadJournalEntry &entry : pending) {
            // Only what can be read again, and not what this run is sending itself.
            if (entry.sourcePath.isEmpty() || !QFileInfo(entry.sourcePath).isFile())
                continue;
            if (!m_queue->activeTask(entry.resumeKey))
                m_offered << entry;
        }
    }
    if (m_offered.isEmpty()) {
        m_banner->hide();
        return;
    }
    QStringList names;
    qint64 sent = 0;
    qint64 total = 0;
    qint64 expires = std::numeric_limits<qint64>::max();
    for (const UploadJournalEntry &entry : std::as_const(m_offered)) {
        names << entry.filename;
        sent += entry.sentBytes();
        total += entry.bytes;
        expires = qMin(expires, entry.expiresAt);
    }
    const qint64 minutesLeft = qMax<qint64>(1, (expires - QDateTime::currentSecsSinceEpoch()) / 60);
    m_bannerLabel->setText(
            (m_offered.size() == 1
                            ? tr("An upload did not finish last time: %1 (%2 of %3 already "
                                 "sent). Resume to send only the rest; this is possible for "
                                 "about %4 more minutes.")
                            : tr("Some uploads did not finish last time: %1 (%2 of %3 already "
                                 "sent). Resume to send only the rest; this is possible for "
                                 "about %4 more minutes."))
                    .arg(names.join(QStringLiteral(", ")), FileListModel::sizeText(sent),
                            FileListModel::sizeText(total))
                    .arg(minutesLeft));
    m_banner->show();
}

void FilesArea::resumeOffered()
{
    const QList<UploadJournalEntry> entries = m_offered;
    m_offered.clear();
    m_banner->hide();
    for (const UploadJournalEntry &entry : entries) {
        UploadSettings settings = uploadSettings();
        settings.purpose = entry.purpose;
        settings.alwaysResumable = true; // it was an Uploads API upload: that is what resumes
        settings.preflight = false; // checked before it was first sent
        uploadPath(entry.sourcePath, settings);
    }
}

void FilesArea::discardOffered()
{
    const UploadJournal journal(journalDirectory());
    for (const UploadJournalEntry &entry : std::as_const(m_offered)) {
        journal.remove(entry);
        // The service would keep the parts for up to an hour; tell it they are not wanted.
        if (m_client)
            m_client->cancelUpload(entry.uploadId);
    }
    m_offered.clear();
    m_banner->hide();
}

// ---- drag and drop ---------------------------------------------------------------------------

void FilesArea::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_client && !localPaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void FilesArea::dragMoveEvent(QDragMoveEvent *event)
{
    if (m_client && !localPaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void FilesArea::dropEvent(QDropEvent *event)
{
    const QStringList paths = localPaths(event->mimeData());
    if (!m_client || paths.isEmpty())
        return;
    event->acceptProposedAction();
    uploadFiles(paths);
}

} // namespace fs::ui
