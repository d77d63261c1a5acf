// SPDX-License-Identifier: GPL-3.0-or-later
// The Files area's work on files already at the service: delete, save their content, download.
// The rest of FilesArea is in filesarea.cpp.
#include "filesarea.h"

#include "apiclient.h"
#include "appsettings.h"
#include "filedialog.h"
#include "filelistmodel.h"
#include "messagebox.h"
#include "providerclient.h"
#include "resultcsv.h"

#include <QDir>
#include <QSaveFile>
#include <QStandardPaths>

namespace fs::ui {

QString FilesArea::askSavePath(const QString &suggested)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    return FileDialog::getSaveFileName(
            this, QStringLiteral("save"), tr("Save File Content"), QDir(dir).filePath(suggested));
}

// ---- delete and download ---------------------------------------------------------------------

void FilesArea::deleteSelected()
{
    const QList<FileObject> files = selectedFiles();
    if (files.isEmpty() || !m_client)
        return;
    MessageRequest request;
    request.icon = QMessageBox::Warning;
    request.title = tr("Delete Files");
    request.text = files.size() == 1
            ? tr("Delete “%1” from the service?").arg(files.first().filename)
            : tr("Delete %n files from the service?", nullptr, int(files.size()));
    request.informativeText = tr("Jobs that already used them keep their results, but no new "
                                 "job can use them. This cannot be undone.");
    request.buttons = QMessageBox::Yes | QMessageBox::Cancel;
    request.defaultButton = QMessageBox::Cancel;
    if (MessageBox::show(this, request) != QMessageBox::Yes)
        return;
    auto *remaining = new int(int(files.size()));
    auto *problems = new QStringList;
    for (const FileObject &file : files) {
        m_provider->deleteFile(file.id,
                [this, file, remaining, problems](const ProviderResult<DeletedObject> &result) {
                    // 404: already gone, which is what was asked for.
                    if (result.ok() || result.error.httpStatus == 404) {
                        m_model->removeFile(file.id);
                        settings().forgetFileUse(file.id);
                        Q_EMIT fileDeleted(file.id);
                    } else {
                        *problems << tr("%1: %2").arg(file.filename, result.error.plainMessage());
                    }
                    if (--*remaining == 0) {
                        if (!problems->isEmpty())
                            MessageBox::warning(this, tr("Delete Files"),
                                    tr("Some files could not be deleted."),
                                    problems->join(QLatin1Char('\n')));
                        delete remaining;
                        delete problems;
                    }
                });
    }
}

void FilesArea::saveSelectedContent()
{
    const QList<FileObject> files = selectedFiles();
    if (files.size() != 1 || !m_client || m_download)
        return;
    const FileObject file = files.first();
    const QString path = askSavePath(file.filename);
    if (path.isEmpty())
        return;
    ApiReply *reply = m_provider->fileContent(
            file.id, [this, file, path](const ProviderResult<QByteArray> &result) {
                onContentDownloaded(file, path, result);
            });
    if (!reply)
        return; // the service has no such call: the result says why
    m_download = reply;
    setStatus(tr("Downloading “%1”…").arg(file.filename), true);
    updateActions();
    connect(reply, &ApiReply::downloadProgress, this, [this, file](qint64 received, qint64 total) {
        setStatus(total > 0 ? tr("Downloading “%1”… %2 of %3")
                                      .arg(file.filename, FileListModel::sizeText(received),
                                              FileListModel::sizeText(total))
                            : tr("Downloading “%1”… %2")
                                      .arg(file.filename, FileListModel::sizeText(received)),
                true);
    });
}

void FilesArea::onContentDownloaded(
        const FileObject &file, const QString &path, const ProviderResult<QByteArray> &result)
{
    m_download = nullptr;
    updateActions();
    if (!result.ok()) {
        if (result.error.kind == ApiError::Kind::Cancelled) {
            setStatus(tr("Download cancelled."));
        } else {
            setStatus({});
            MessageBox::warning(this, tr("Save File Content"),
                    tr("“%1” could not be downloaded.").arg(file.filename),
                    result.error.plainMessage());
        }
        Q_EMIT contentSaved(false, path);
        return;
    }
    QByteArray content = *result.value;
    bool decoded = false;
    // The service sends result files base64-encoded; people want the CSV.
    if (file.purpose == QLatin1String("fine-tune-results"))
        content = decodeResultFile(content, &decoded);
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(content) != content.size() || !out.commit()) {
        setStatus({});
        MessageBox::warning(this, tr("Save File Content"),
                tr("“%1” could not be written.").arg(QDir::toNativeSeparators(path)),
                out.errorString());
        Q_EMIT contentSaved(false, path);
        return;
    }
    setStatus(decoded ? tr("Saved to %1 (decoded: the service sends result files in "
                           "base64).")
                                .arg(QDir::toNativeSeparators(path))
                      : tr("Saved to %1.").arg(QDir::toNativeSeparators(path)));
    Q_EMIT contentSaved(true, path);
}

} // namespace fs::ui
