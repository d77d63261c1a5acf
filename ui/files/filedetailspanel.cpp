// SPDX-License-Identifier: GPL-3.0-or-later
#include "filedetailspanel.h"

#include "filelistmodel.h"

#include <QDateTime>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace fs::ui {

namespace {

QString dateText(qint64 seconds)
{
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(seconds), QLocale::LongFormat);
}

} // namespace

FileDetailsPanel::FileDetailsPanel(QWidget *parent)
    : QWidget(parent)
    , m_pages(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("fileDetailsPanel"));
    auto *empty = new QLabel(tr("Select a file to see its details."), m_pages);
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    empty->setEnabled(false);
    m_pages->addWidget(empty);

    auto *page = new QWidget(m_pages);
    auto *form = new QFormLayout(page);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    addField(form, QStringLiteral("filename"), tr("Name:"));
    addField(form, QStringLiteral("id"), tr("File ID:"));
    addField(form, QStringLiteral("purpose"), tr("Purpose:"));
    addField(form, QStringLiteral("use"), tr("Meant as:"));
    addField(form, QStringLiteral("bytes"), tr("Size:"));
    addField(form, QStringLiteral("created"), tr("Uploaded:"));
    addField(form, QStringLiteral("expires"), tr("Expires:"));
    addField(form, QStringLiteral("status"), tr("Status:"));
    m_statusDetailsLabel = addField(form, QStringLiteral("statusDetails"), tr("Details:"));
    m_pages->addWidget(page);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
    setMinimumWidth(220);
}

QLabel *FileDetailsPanel::addField(QFormLayout *form, const QString &name, const QString &label)
{
    auto *value = new QLabel(this);
    value->setObjectName(name + QStringLiteral("ValueLabel"));
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(label, value);
    return value;
}

QString FileDetailsPanel::fieldText(const QString &field) const
{
    const auto *label = findChild<QLabel *>(field + QStringLiteral("ValueLabel"));
    return label ? label->text() : QString();
}

void FileDetailsPanel::setFile(const FileObject &file, const QString &use)
{
    m_file = file;
    if (file.id.isEmpty()) {
        m_pages->setCurrentIndex(0);
        return;
    }
    const auto set = [this](const QString &field, const QString &text) {
        if (auto *label = findChild<QLabel *>(field + QStringLiteral("ValueLabel")))
            label->setText(text);
    };
    set(QStringLiteral("filename"), file.filename);
    set(QStringLiteral("id"), file.id);
    set(QStringLiteral("purpose"),
            QStringLiteral("%1 (%2)").arg(FileListModel::purposeText(file.purpose), file.purpose));
    set(QStringLiteral("use"), use.isEmpty() ? tr("Not said") : use);
    set(QStringLiteral("bytes"),
            tr("%1 (%L2 bytes)").arg(FileListModel::sizeText(file.bytes)).arg(file.bytes));
    set(QStringLiteral("created"), dateText(file.createdAt));
    set(QStringLiteral("expires"),
            file.expiresAt ? dateText(*file.expiresAt) : tr("Never: kept until you delete it"));
    QString status = FileListModel::statusText(file.status);
    if (file.status == QLatin1String("uploaded"))
        status = tr("Checking… (the service is looking at the file)");
    else if (file.status == QLatin1String("processed"))
        status = tr("Ready to use");
    else if (file.status == QLatin1String("error"))
        status = tr("Problem: the service could not use this file");
    set(QStringLiteral("status"), status);
    QString details = file.statusDetails;
    if (details.isEmpty() && file.status == QLatin1String("error"))
        details = tr("The service gave no reason.");
    set(QStringLiteral("statusDetails"), details.isEmpty() ? tr("None") : details);
    m_statusDetailsLabel->setStyleSheet(
            file.status == QLatin1String("error") ? QStringLiteral("color: #a01010;") : QString());
    m_pages->setCurrentIndex(1);
}

} // namespace fs::ui
