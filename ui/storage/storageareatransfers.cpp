// SPDX-License-Identifier: GPL-3.0-or-later
// The Storage area's transfers: open and save datasets in the bucket, send an object for training,
// delete one, with progress and Cancel. The rest of StorageArea is in storagearea.cpp.
#include "storagearea.h"

#include "datasetarea.h"
#include "datasetdocument.h"
#include "messagebox.h"
#include "s3objectsource.h"
#include "storageareaprivate.h"
#include "textinput.h"
#include "uploader.h"
#include "uploadqueue.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLabel>
#include <QProgressBar>
#include <QSaveFile>
#include <algorithm>
#include <memory>

namespace fs::ui {

// ---- transfers --------------------------------------------------------------------------------

void StorageArea::beginTransfer(const QString &text, S3Reply *reply)
{
    m_transfer = reply;
    m_transferLabel->setText(text);
    m_progress->setValue(0);
    m_progress->setMaximum(1000);
    m_transferPanel->show();
    showStatus({});
    updateActions();
    if (!reply)
        return;
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    connect(reply, &S3Reply::progress, this, [this, text, clock](qint64 done, qint64 total) {
        if (total > 0)
            m_progress->setValue(int(done * 1000 / total));
        const double seconds = std::max(0.001, clock->elapsed() / 1000.0);
        m_transferLabel->setText(
                tr("%1 %2 of %3 · %4/s")
                        .arg(text, formatSize(done), formatSize(std::max<qint64>(total, done)),
                                formatSize(qint64(done / seconds))));
    });
}

void StorageArea::endTransfer(bool ok, const QString &message)
{
    m_transfer = nullptr;
    m_transferPanel->hide();
    showStatus(message, !ok);
    updateActions();
    Q_EMIT transferFinished(ok, message);
}

void StorageArea::cancelTransfer()
{
    if (m_transfer)
        m_transfer->abort();
    if (m_sendTask && m_sending)
        m_sendTask->cancel();
}

void StorageArea::openSelected()
{
    const S3Object object = selectedObject();
    if (object.key.isEmpty() || isTransferring() || !m_client)
        return;
    const QString path =
            QDir(m_cacheDirectory).filePath(m_clientConnectionId + QLatin1Char('/') + object.key);
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto *file = new QSaveFile(path, this);
    if (!file->open(QIODevice::WriteOnly)) {
        const QString problem = file->errorString();
        delete file;
        endTransfer(false, tr("The download could not be written to %1: %2").arg(path, problem));
        return;
    }
    S3Reply *reply = m_client->getObject(object.key, file);
    beginTransfer(tr("Downloading \"%1\":").arg(lastSegment(object.key)), reply);
    connect(reply, &S3Reply::finished, this, [this, reply, file, path, object] {
        reply->deleteLater();
        if (!reply->ok()) {
            file->cancelWriting();
            delete file;
            endTransfer(false,
                    reply->error().kind == S3Error::Kind::Cancelled
                            ? tr("The download was cancelled.")
                            : tr("\"%1\" could not be downloaded: %2")
                                      .arg(object.key, reply->error().plainMessage()));
            return;
        }
        const bool committed = file->commit();
        const QString problem = file->errorString();
        delete file;
        if (!committed) {
            endTransfer(
                    false, tr("The download could not be written to %1: %2").arg(path, problem));
            return;
        }
        endTransfer(true, tr("Downloaded \"%1\"; it opens in the dataset editor.").arg(object.key));
        Q_EMIT openDatasetRequested(path);
    });
}

void StorageArea::saveDatasetToBucket()
{
    if (!m_datasets || !m_datasets->document())
        return;
    QString name = QFileInfo(m_datasets->document()->filePath()).fileName();
    if (name.isEmpty())
        name = QStringLiteral("dataset.jsonl");
    const std::optional<QString> key = TextInput::ask(this,
            {tr("Save Dataset to Bucket"), tr("Name in the bucket (use \"/\" for folders):"),
                    m_prefix + name});
    if (key && !key->trimmed().isEmpty())
        saveDatasetAs(key->trimmed());
}

void StorageArea::saveDatasetAs(const QString &key)
{
    if (!m_datasets || !m_datasets->document() || key.isEmpty() || isTransferring())
        return;
    const bool exists = std::any_of(m_listing.objects.cbegin(), m_listing.objects.cend(),
            [&key](const S3Object &o) { return o.key == key; });
    if (exists
            && MessageBox::question(this, tr("Save Dataset to Bucket"),
                       tr("\"%1\" is already in the bucket. Replace it?").arg(key),
                       QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
                    != QMessageBox::Yes)
        return;
    const QByteArray bytes = m_datasets->document()->toBytes();
    withClient([this, key, bytes](S3Client *client) {
        S3Reply *reply = client->putData(key, bytes, QStringLiteral("application/jsonl"));
        beginTransfer(tr("Uploading \"%1\":").arg(lastSegment(key)), reply);
        connect(reply, &S3Reply::finished, this, [this, reply, key, bytes] {
            reply->deleteLater();
            if (!reply->ok()) {
                endTransfer(false,
                        reply->error().kind == S3Error::Kind::Cancelled
                                ? tr("The upload was cancelled; the bucket is unchanged.")
                                : tr("The dataset could not be saved to the bucket: %1")
                                          .arg(reply->error().plainMessage()));
                return;
            }
            endTransfer(true,
                    tr("Saved the dataset to the bucket as \"%1\" (%2).")
                            .arg(key, formatSize(bytes.size())));
            refresh();
        });
    });
}

void StorageArea::sendSelected(bool validation)
{
    const S3Object object = selectedObject();
    if (object.key.isEmpty() || isTransferring() || !m_client)
        return;
    const Connection connection = fineTuningConnection();
    if (!connection.baseUrl.isValid() || connection.baseUrl.isEmpty()) {
        MessageBox::warning(this, tr("Send for Training"),
                tr("There is no fine-tuning connection to send to."),
                tr("Choose a connection in the Connection menu first."));
        return;
    }
    if (m_sendTask)
        m_sendTask->disconnect(this);
    // Through the app's upload queue: its own API client per task, one upload at a time.
    UploadQueue *queue = uploadQueue();
    queue->setConnection(connection);
    UploadSettings settings;
    settings.use = validation ? DataUse::Validation : DataUse::Training;
    UploadTask *task = queue->addSource(new S3ObjectSource(m_client.get(), object), settings);
    m_sendTask = task;
    const QString what = validation ? tr("validation file") : tr("training file");
    beginTransfer(tr("Sending \"%1\" as %2…").arg(lastSegment(object.key), what), nullptr);
    connect(task, &UploadTask::progressChanged, this, &StorageArea::onSendProgress);
    connect(task, &UploadTask::stageChanged, this, &StorageArea::onSendProgress);
    connect(task, &UploadTask::finished, this, [this, task, object, validation] {
        m_sending = false;
        if (task->stage() == UploadTask::Stage::Cancelled) {
            endTransfer(false, tr("Sending \"%1\" was cancelled.").arg(object.key));
            return;
        }
        if (task->stage() != UploadTask::Stage::Done) {
            endTransfer(false,
                    tr("\"%1\" could not be sent: %2").arg(object.key, task->errorMessage()));
            return;
        }
        m_sentFile = task->file();
        QString status;
        if (m_sentFile.status == QLatin1String("processed"))
            status = tr("ready for training");
        else if (m_sentFile.status == QLatin1String("error"))
            status = tr("the service could not use it: %1").arg(m_sentFile.statusDetails);
        else
            status = tr("the service is still checking it");
        endTransfer(m_sentFile.status != QLatin1String("error"),
                tr("Sent \"%1\" as %2 %3: %4.")
                        .arg(object.key, validation ? tr("validation file") : tr("training file"),
                                m_sentFile.id, status));
        Q_EMIT fileSent(m_sentFile.id, validation);
    });
    m_sending = true;
    updateActions();
}

void StorageArea::setUploadQueue(UploadQueue *queue)
{
    m_queue = queue;
}

UploadQueue *StorageArea::uploadQueue()
{
    if (!m_queue) {
        if (!m_ownQueue)
            m_ownQueue = std::make_unique<UploadQueue>(m_nam);
        m_queue = m_ownQueue.get();
    }
    return m_queue;
}

void StorageArea::onSendProgress()
{
    if (!m_sendTask)
        return;
    // The queue's words, as in the Files area.
    const UploadTask *task = m_sendTask;
    const UploadProgress p = task->progress();
    const bool busy = task->stage() == UploadTask::Stage::Waiting
            || (task->stage() == UploadTask::Stage::Uploading
                    && p.phase != UploadProgress::Phase::Sending
                    && p.phase != UploadProgress::Phase::Finished);
    m_progress->setMaximum(busy ? 0 : 1000); // busy: no known end
    if (!busy && p.totalBytes > 0)
        m_progress->setValue(int(p.sentBytes * 1000 / p.totalBytes));
    const QString detail = task->detailText();
    m_transferLabel->setText(detail.isEmpty() || task->stage() != UploadTask::Stage::Uploading
                    ? task->stageText()
                    : tr("%1 %2").arg(task->stageText(), detail));
}

void StorageArea::deleteSelected()
{
    const S3Object object = selectedObject();
    if (object.key.isEmpty() || isTransferring() || !m_client)
        return;
    if (MessageBox::question(this, tr("Delete from Bucket"),
                tr("Delete \"%1\" from the bucket?").arg(object.key),
                QMessageBox::Yes | QMessageBox::No, QMessageBox::No,
                tr("This cannot be undone. Files already sent to the fine-tuning service stay "
                   "there."))
            != QMessageBox::Yes)
        return;
    S3Reply *reply = m_client->deleteObject(object.key);
    beginTransfer(tr("Deleting \"%1\"…").arg(lastSegment(object.key)), reply);
    connect(reply, &S3Reply::finished, this, [this, reply, object] {
        reply->deleteLater();
        if (!reply->ok()) {
            endTransfer(false,
                    tr("\"%1\" could not be deleted: %2")
                            .arg(object.key, reply->error().plainMessage()));
            return;
        }
        endTransfer(true, tr("Deleted \"%1\" from the bucket.").arg(object.key));
        refresh();
    });
}

} // namespace fs::ui
