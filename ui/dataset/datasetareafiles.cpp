// SPDX-License-Identifier: GPL-3.0-or-later
// The Datasets area's file work: new, open (with recovered work offered first), save (in the
// background; the document decides what counts as saved), close, import and export. The rest of
// DatasetArea is in datasetarea.cpp.
#include "datasetarea.h"

#include "conversationeditor.h"
#include "datasetdocument.h"
#include "datasetexport.h"
#include "datasetprogressrow.h"
#include "datasetrecovery.h"
#include "exportdialog.h"
#include "filedialog.h"
#include "importdialog.h"
#include "lastfolder.h"
#include "lintrunner.h"
#include "messagebox.h"
#include "recentfiles.h"
#include "recoverydialog.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QLineEdit>
#include <QTimer>

namespace fs::ui {

namespace {

QString fileFilter()
{
    return DatasetArea::tr("Training files (*.jsonl *.json *.txt);;All files (*)");
}

} // namespace

bool DatasetArea::isSamplePath(const QString &path)
{
    return path.startsWith(QLatin1Char(':'));
}

QString DatasetArea::fileDialogFolder() const
{
    return m_lastFolder->folder();
}

QString DatasetArea::askPath(const QString &kind)
{
    // Every dataset dialog starts where the person last opened or saved a file.
    const QString path = runFileDialog(kind);
    m_lastFolder->remember(path);
    return path;
}

QString DatasetArea::runFileDialog(const QString &kind)
{
    const QString dir = m_lastFolder->folder();
    if (kind == QLatin1String("open"))
        return FileDialog::getOpenFileName(this, kind, tr("Open Dataset"), dir, fileFilter());
    if (kind == QLatin1String("import"))
        return FileDialog::getOpenFileName(this, kind, tr("Import Examples"), dir,
                tr("Spreadsheets and data files (*.csv *.tsv *.tab *.json *.jsonl);;All files "
                   "(*)"));
    if (kind == QLatin1String("export"))
        return FileDialog::getSaveFileName(
                this, kind, tr("Export the Selected Examples"), dir, fileFilter());
    const QString start = isSamplePath(m_document->filePath()) || m_document->filePath().isEmpty()
            ? m_lastFolder->startPath(m_document->displayName())
            : m_document->filePath();
    return FileDialog::getSaveFileName(this, kind, tr("Save Dataset"), start, fileFilter());
}

void DatasetArea::newDataset()
{
    if (!maybeSave())
        return;
    m_document->clear();
    showEditor(true);
    addExample();
}

void DatasetArea::open()
{
    const QString path = askPath(QStringLiteral("open"));
    if (!path.isEmpty())
        openFile(path);
}

bool DatasetArea::openFile(const QString &path)
{
    if (!maybeSave())
        return false;
    if (!QFileInfo::exists(path)) {
        MessageBox::warning(this, tr("Open Dataset"),
                tr("The file “%1” could not be found.").arg(QFileInfo(path).fileName()),
                tr("It may have been moved or deleted."));
        m_recent->remove(path);
        return false;
    }
    // Work left unsaved by a crash is offered before the file opens without it.
    if (const auto file = DatasetRecovery::findFor(path, m_recoveryDir)) {
        showRecoveryOffer(*file, [this, path](bool) { loadFile(path); });
        return true;
    }
    loadFile(path);
    return true;
}

int DatasetArea::openFiles(const QStringList &paths)
{
    QStringList existing;
    QStringList missing;
    for (const QString &path : paths)
        (QFileInfo(path).isFile() ? existing : missing).append(path);
    if (!missing.isEmpty()) {
        QStringList names;
        for (const QString &path : std::as_const(missing))
            names << QFileInfo(path).fileName();
        MessageBox::warning(this, tr("Open Dataset"),
                tr("These files could not be found: %1.").arg(names.join(QStringLiteral(", "))),
                tr("They may have been moved or deleted."));
    }
    if (existing.isEmpty())
        return 0;
    // One dataset at a time: the others wait in Open Recent (the first ends up on top).
    for (qsizetype i = existing.size() - 1; i > 0; --i)
        m_recent->add(existing.at(i));
    if (openFile(QFileInfo(existing.first()).absoluteFilePath()) && existing.size() > 1) {
        QStringList others;
        for (qsizetype i = 1; i < existing.size(); ++i)
            others << QStringLiteral("“%1”").arg(QFileInfo(existing.at(i)).fileName());
        MessageBox::information(this, tr("Open Dataset"),
                tr("Finetune Studio edits one dataset at a time. It opened “%1”.")
                        .arg(QFileInfo(existing.first()).fileName()),
                tr("The other files are waiting under File ▸ Open Recent: %1.")
                        .arg(others.join(QStringLiteral(", "))));
    }
    return int(existing.size());
}

void DatasetArea::loadFile(const QString &path)
{
    // A search of the previous file would be matched against every row as it arrives.
    m_searchLineEdit->clear();
    showEditor(true);
    m_progressRow->showOpening();
    m_document->openAsync(path);
    if (!isSamplePath(path))
        m_recent->add(path);
    updateTitle();
}

void DatasetArea::onLoadFinished()
{
    m_progressRow->onLoadFinished();
    updateFilterCount();
    updateTitle();
    if (currentRow() < 0 && m_document->count() > 0)
        selectRow(0);
    const QList<JsonlIssue> issues = m_document->loadIssues();
    Q_UNUSED(issues) // the linter lists them with the other problems
}

bool DatasetArea::writeTo(const QString &path)
{
    if (m_document->isLoading()) {
        MessageBox::information(this, tr("Save Dataset"),
                tr("The dataset is still opening. Save it once it is fully open."));
        return false;
    }
    m_lastSaveOk = false;
    m_progressRow->beginBusy(tr("Saving…"));
    // The document writes a copy of its lines in a worker thread; editing may go on meanwhile.
    // Asked while a save runs, it saves again afterwards (the running one may miss edits).
    m_document->saveAsync(path);
    return true;
}

void DatasetArea::onSaveFinished(const DatasetError &error)
{
    m_progressRow->endBusy();
    m_lastSaveOk = !error.isError();
    if (error.isError()) {
        MessageBox::warning(this, tr("Save Dataset"), error.message,
                tr("Your examples are still here; try saving them somewhere else."));
        Q_EMIT saveFinished(false);
        return;
    }
    // Whether edits made meanwhile keep the document modified is the document's rule.
    m_recent->add(m_document->filePath());
    updateTitle();
    Q_EMIT saveFinished(true);
}

void DatasetArea::waitForBackgroundWork()
{
    if (!m_document->isSaving() && !m_document->isBulkRunning())
        return;
    QEventLoop loop;
    auto quitWhenDone = [this, &loop] {
        if (!m_document->isSaving() && !m_document->isBulkRunning())
            loop.quit();
    };
    // Queued: the document's own handlers finish before we look again.
    connect(m_document, &DatasetDocument::saveFinished, &loop, quitWhenDone, Qt::QueuedConnection);
    connect(m_document, &DatasetDocument::bulkFinished, &loop, quitWhenDone, Qt::QueuedConnection);
    loop.exec(QEventLoop::ExcludeUserInputEvents);
}

bool DatasetArea::save()
{
    if (!m_open)
        return false;
    if (m_document->filePath().isEmpty() || isSamplePath(m_document->filePath()))
        return saveAs();
    return writeTo(m_document->filePath());
}

bool DatasetArea::saveAs()
{
    if (!m_open)
        return false;
    QString path = askPath(QStringLiteral("save"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".jsonl");
    return writeTo(path);
}

bool DatasetArea::maybeSave()
{
    // Opening, clearing or closing under a running save or bulk change would hand its result
    // to the wrong contents.
    waitForBackgroundWork();
    if (!m_open || !m_document->isModified())
        return true;
    const auto answer = MessageBox::question(this, tr("Unsaved Changes"),
            tr("Do you want to save the changes to “%1”?").arg(m_document->displayName()),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save,
            tr("If you don't save, your changes will be lost."));
    if (answer == QMessageBox::Save) {
        if (!save())
            return false;
        waitForBackgroundWork();
        return m_lastSaveOk && !m_document->isModified();
    }
    if (answer == QMessageBox::Discard) {
        if (!m_document->recoveryFilePath().isEmpty())
            DatasetRecovery::discard(m_document->recoveryFilePath());
        return true;
    }
    return false;
}

void DatasetArea::closeDataset()
{
    if (!maybeSave())
        return;
    m_document->clear();
    showEditor(false);
}

void DatasetArea::importFile(const QString &givenPath)
{
    const QString path = givenPath.isEmpty() ? askPath(QStringLiteral("import")) : givenPath;
    if (path.isEmpty())
        return;
    auto *dialog = new ImportDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    DatasetError error;
    if (!dialog->load(path, &error)) {
        delete dialog;
        MessageBox::warning(this, tr("Import Examples"), error.message);
        return;
    }
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const ImportResult result = dialog->result();
        if (result.examples.isEmpty())
            return;
        if (!m_open) {
            m_document->clear();
            showEditor(true);
        }
        // Into a new dataset nobody has written in yet, they take the blank example's place.
        const int first = m_document->importExamples(result.examples, tr("Import Examples"));
        updateFilterCount();
        selectRow(first);
    });
    dialog->setWindowModality(Qt::WindowModal);
    dialog->show();
}

void DatasetArea::exportSplit()
{
    if (!m_open)
        return;
    auto *dialog = new ExportSplitDialog(m_document, m_lastFolder->folder(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const DatasetError error = dialog->exportNow();
        if (error.isError())
            MessageBox::warning(this, tr("Export"), error.message);
        else
            m_lastFolder->remember(dialog->trainingPath());
    });
    dialog->setWindowModality(Qt::WindowModal);
    dialog->show();
}

void DatasetArea::exportSelection()
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty())
        return;
    QString path = askPath(QStringLiteral("export"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".jsonl");
    const DatasetError error = DatasetExporter::exportRows(*m_document, rows, path);
    if (error.isError())
        MessageBox::warning(this, tr("Export"), error.message);
}

void DatasetArea::offerRecovery()
{
    // Not over unsaved work of the open dataset (its own file offers its recovery on opening).
    if (m_recoveryDialog || (m_open && m_document->isModified()))
        return;
    const QList<RecoveryFile> files = DatasetRecovery::find(m_recoveryDir);
    if (files.isEmpty())
        return;
    // After Discard the next one (newest first); Not Now leaves the rest for the next start.
    showRecoveryOffer(files.first(), [this](bool discarded) {
        if (discarded)
            offerRecovery();
    });
}

RecoveryDialog *DatasetArea::recoveryDialog() const
{
    return m_recoveryDialog;
}

void DatasetArea::showRecoveryOffer(
        const RecoveryFile &file, std::function<void(bool discarded)> then)
{
    if (m_recoveryDialog) // one offer at a time; the earlier one waits for the next start
        m_recoveryDialog->reject();
    auto *dialog = new RecoveryDialog(file, DatasetRecovery::compare(file), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    m_recoveryDialog = dialog;
    connect(dialog, &RecoveryDialog::decided, this,
            [this, file, then](RecoveryDialog::Choice choice) {
                if (choice == RecoveryDialog::Choice::Recover) {
                    recover(file);
                    return;
                }
                if (choice == RecoveryDialog::Choice::Discard)
                    DatasetRecovery::discard(file);
                // Run after the dialog has gone, so a next offer can take its place.
                QTimer::singleShot(0, this,
                        [then, choice] { then(choice == RecoveryDialog::Choice::Discard); });
            });
    dialog->show();
}

void DatasetArea::recover(const RecoveryFile &file)
{
    m_searchLineEdit->clear();
    const DatasetError error = m_document->recover(file);
    if (error.isError()) {
        MessageBox::warning(this, tr("Recover Unsaved Work"), error.message);
        return;
    }
    if (!file.originalPath.isEmpty() && !isSamplePath(file.originalPath)
            && QFileInfo::exists(file.originalPath))
        m_recent->add(file.originalPath);
    showEditor(true);
    updateFilterCount();
    if (m_document->count() > 0)
        selectRow(0);
}

} // namespace fs::ui
