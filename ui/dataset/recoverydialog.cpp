// SPDX-License-Identifier: GPL-3.0-or-later
#include "recoverydialog.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace fs::ui {

namespace {

QString entryText(const RecoveryDiff::Entry &entry)
{
    const QString number = QLocale().toString(entry.row + 1);
    QString text;
    switch (entry.kind) {
    case RecoveryDiff::Kind::Changed:
        text = RecoveryDialog::tr("Example %1 changed").arg(number);
        break;
    case RecoveryDiff::Kind::Added:
        text = RecoveryDialog::tr("Example %1 added").arg(number);
        break;
    case RecoveryDiff::Kind::Removed:
        text = RecoveryDialog::tr("Example %1 of the saved file deleted").arg(number);
        break;
    }
    if (!entry.preview.isEmpty())
        text += QStringLiteral(": “%1”").arg(entry.preview);
    return text;
}

/// "Autosaved today at 14:02." or "Autosaved on 3/12/26 at 14:02."
QString autosavedWhen(const QDateTime &savedAt)
{
    const QDateTime when = savedAt.toLocalTime();
    const QLocale locale;
    const QString time = locale.toString(when.time(), QLocale::ShortFormat);
    return when.date() == QDate::currentDate()
            ? RecoveryDialog::tr("Autosaved today at %1.").arg(time)
            : RecoveryDialog::tr("Autosaved on %1 at %2.")
                      .arg(locale.toString(when.date(), QLocale::ShortFormat), time);
}

} // namespace

RecoveryDialog::RecoveryDialog(const RecoveryFile &file, const RecoveryDiff &diff, QWidget *parent)
    : QDialog(parent)
    , m_file(file)
{
    setObjectName(QStringLiteral("recoveryDialog"));
    setWindowTitle(tr("Recover Unsaved Work"));
    const QString name = file.originalPath.isEmpty()
            ? tr("an untitled dataset")
            : QStringLiteral("“%1”").arg(QFileInfo(file.originalPath).fileName());
    auto *heading = new QLabel(
            tr("Finetune Studio closed before your changes to %1 were saved. Do you want them "
               "back?")
                    .arg(name),
            this);
    heading->setWordWrap(true);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);

    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("summaryLabel"));
    m_summaryLabel->setWordWrap(true);
    m_summaryLabel->setText(
            DatasetRecovery::summary(diff) + QLatin1Char(' ') + autosavedWhen(file.savedAt));
    QPushButton *showButton = buildDifferences(diff);

    auto *hint =
            new QLabel(tr("Recovered work opens as unsaved changes: save to keep it in the file, "
                          "or close the dataset without saving to drop it."),
                    this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_summaryLabel);
    auto *row = new QHBoxLayout;
    row->addWidget(showButton);
    row->addStretch();
    layout->addLayout(row);
    layout->addWidget(m_differencesListWidget, 1);
    layout->addWidget(hint);
    layout->addWidget(buildButtons());
    setMinimumWidth(480);
}

QPushButton *RecoveryDialog::buildDifferences(const RecoveryDiff &diff)
{
    auto *showButton = new QPushButton(tr("Show the Differences"), this);
    showButton->setObjectName(QStringLiteral("showDifferencesPushButton"));
    showButton->setCheckable(true);
    showButton->setEnabled(!diff.entries.isEmpty());
    m_differencesListWidget = new QListWidget(this);
    m_differencesListWidget->setObjectName(QStringLiteral("differencesListWidget"));
    m_differencesListWidget->setTextElideMode(Qt::ElideRight);
    for (const RecoveryDiff::Entry &entry : diff.entries)
        m_differencesListWidget->addItem(entryText(entry));
    const int listed = int(diff.entries.size());
    const int total = diff.changed + diff.added + diff.removed;
    if (listed < total)
        m_differencesListWidget->addItem(
                tr("…and %1 more").arg(QLocale().toString(total - listed)));
    // About ten rows; more scroll.
    m_differencesListWidget->setMaximumHeight(fontMetrics().height() * 14);
    m_differencesListWidget->setVisible(false);
    connect(showButton, &QPushButton::toggled, this, [this, showButton](bool on) {
        m_differencesListWidget->setVisible(on);
        showButton->setText(on ? tr("Hide the Differences") : tr("Show the Differences"));
        adjustSize();
    });
    return showButton;
}

QDialogButtonBox *RecoveryDialog::buildButtons()
{
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *recover = buttons->addButton(tr("Recover"), QDialogButtonBox::AcceptRole);
    recover->setObjectName(QStringLiteral("recoverPushButton"));
    recover->setDefault(true);
    QPushButton *discard = buttons->addButton(tr("Discard"), QDialogButtonBox::DestructiveRole);
    discard->setObjectName(QStringLiteral("discardPushButton"));
    discard->setToolTip(tr("Delete the unsaved changes for good"));
    QPushButton *later = buttons->addButton(tr("Not Now"), QDialogButtonBox::RejectRole);
    later->setObjectName(QStringLiteral("laterPushButton"));
    later->setToolTip(tr("Keep the unsaved changes and ask again next time"));
    connect(recover, &QPushButton::clicked, this, [this] { choose(Choice::Recover); });
    connect(discard, &QPushButton::clicked, this, [this] { choose(Choice::Discard); });
    connect(later, &QPushButton::clicked, this, [this] { choose(Choice::Later); });
    connect(this, &QDialog::rejected, this, [this] { choose(Choice::Later); });
    return buttons;
}

QString RecoveryDialog::summaryText() const
{
    return m_summaryLabel->text();
}

void RecoveryDialog::choose(Choice choice)
{
    if (m_decided)
        return;
    m_decided = true;
    Q_EMIT decided(choice);
    if (choice == Choice::Later)
        reject();
    else
        accept();
}

} // namespace fs::ui
