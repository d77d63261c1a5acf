// SPDX-License-Identifier: GPL-3.0-or-later
#include "datasetprogressrow.h"

#include "datasetarea.h"
#include "datasetdocument.h"
#include "lintrunner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace fs::ui {

// The texts keep the Datasets area's translation context: they were written there first.

DatasetProgressRow::DatasetProgressRow(
        DatasetDocument *document, LintRunner *runner, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_runner(runner)
    , m_progressBar(new QProgressBar(this))
    , m_label(new QLabel(this))
    , m_cancelButton(new QPushButton(DatasetArea::tr("Stop"), this))
{
    m_progressBar->setObjectName(QStringLiteral("progressBar"));
    m_cancelButton->setObjectName(QStringLiteral("cancelPushButton"));
    connect(m_cancelButton, &QPushButton::clicked, this, &DatasetProgressRow::stop);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_progressBar, 1);
    layout->addWidget(m_cancelButton);
    hide();

    connect(document, &DatasetDocument::loadProgress, this, &DatasetProgressRow::onLoadProgress);
    connect(runner, &LintRunner::started, this, &DatasetProgressRow::onLintStarted);
    connect(runner, &LintRunner::progress, this, &DatasetProgressRow::onLintProgress);
    connect(runner, &LintRunner::finished, this, &DatasetProgressRow::onLintFinished);
}

void DatasetProgressRow::stop()
{
    if (m_busy)
        return; // saving and bulk changes cannot be stopped halfway (the button is hidden)
    if (m_document->isLoading())
        m_document->cancelLoad();
    else
        m_runner->cancel();
}

void DatasetProgressRow::showOpening()
{
    show();
    m_label->setText(DatasetArea::tr("Opening…"));
    m_progressBar->setRange(0, 0);
}

void DatasetProgressRow::onLoadProgress(qint64 done, qint64 total)
{
    if (m_busy)
        return;
    show();
    m_label->setText(DatasetArea::tr("Opening…"));
    // Kilobytes keep big files within the progress bar's int range.
    m_progressBar->setRange(0, int(qMax<qint64>(1, total / 1024)));
    m_progressBar->setValue(int(done / 1024));
}

void DatasetProgressRow::onLoadFinished()
{
    setVisible(m_runner->isRunning());
}

void DatasetProgressRow::onLintStarted(int total)
{
    if (m_document->isLoading() || m_busy)
        return;
    show();
    m_label->setText(DatasetArea::tr("Checking the examples and counting tokens…"));
    m_progressBar->setRange(0, qMax(1, total));
    m_progressBar->setValue(0);
}

void DatasetProgressRow::onLintProgress(int done, int total)
{
    if (m_document->isLoading() || m_busy)
        return;
    m_progressBar->setRange(0, qMax(1, total));
    m_progressBar->setValue(done);
}

void DatasetProgressRow::onLintFinished()
{
    if (!m_document->isLoading() && !m_busy)
        hide();
}

void DatasetProgressRow::beginBusy(const QString &text)
{
    m_busy = true;
    m_label->setText(text);
    m_progressBar->setRange(0, 0);
    m_cancelButton->hide();
    show();
}

void DatasetProgressRow::endBusy()
{
    if (m_document->isSaving() || m_document->isBulkRunning())
        return;
    m_busy = false;
    m_cancelButton->show();
    if (m_document->isLoading()) {
        m_label->setText(DatasetArea::tr("Opening…"));
    } else if (m_runner->isRunning()) {
        m_label->setText(DatasetArea::tr("Checking the examples and counting tokens…"));
        m_progressBar->setRange(0, 1);
        m_progressBar->setValue(0); // the runner's next progress report fills it in
    } else {
        hide();
    }
}

} // namespace fs::ui
