// SPDX-License-Identifier: GPL-3.0-or-later
#include "welcomepage.h"

#include "recentfiles.h"

#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace fs::ui {

QList<WelcomePage::Sample> WelcomePage::samples()
{
    return {
            {QStringLiteral(":/samples/support-bot.jsonl"), tr("Support assistant"),
                    tr("12 conversations of a lamp shop's friendly support assistant.")},
            {QStringLiteral(":/samples/weather-tools.jsonl"), tr("Weather assistant with a tool"),
                    tr("11 conversations where the assistant looks up the weather before "
                       "answering.")},
            {QStringLiteral(":/samples/preference-bakery.jsonl"), tr("Preferred answers (DPO)"),
                    tr("12 reviews of a bakery, each with a warm answer preferred over a curt "
                       "one.")},
    };
}

WelcomePage::WelcomePage(RecentFiles *recent, QWidget *parent)
    : QWidget(parent)
    , m_recent(recent)
{
    setObjectName(QStringLiteral("welcomePage"));
    auto *title = new QLabel(tr("Training examples"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *intro = new QLabel(tr("A fine-tuned model learns from example conversations. Start a "
                                "new set of examples, open one you have, or try a sample."),
            this);
    intro->setWordWrap(true);

    auto *newButton =
            new QPushButton(style()->standardIcon(QStyle::SP_FileIcon), tr("New Dataset"), this);
    newButton->setObjectName(QStringLiteral("newPushButton"));
    auto *openButton =
            new QPushButton(style()->standardIcon(QStyle::SP_DialogOpenButton), tr("Open…"), this);
    openButton->setObjectName(QStringLiteral("openPushButton"));
    auto *importButton = new QPushButton(tr("Import from a Spreadsheet…"), this);
    importButton->setObjectName(QStringLiteral("importPushButton"));
    importButton->setToolTip(tr("Make examples from a CSV, TSV or JSON file"));
    connect(newButton, &QPushButton::clicked, this, &WelcomePage::newRequested);
    connect(openButton, &QPushButton::clicked, this, &WelcomePage::openRequested);
    connect(importButton, &QPushButton::clicked, this, &WelcomePage::importRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(newButton);
    buttons->addWidget(openButton);
    buttons->addWidget(importButton);
    buttons->addStretch(1);

    auto *recentLabel = new QLabel(tr("Recently opened"), this);
    m_recentListWidget = new QListWidget(this);
    m_recentListWidget->setObjectName(QStringLiteral("recentListWidget"));
    m_recentListWidget->setAccessibleName(tr("Recently opened"));
    m_recentListWidget->setSpacing(3);
    openOnOneClick(m_recentListWidget, &WelcomePage::openFileRequested);

    auto *samplesLabel = new QLabel(tr("Samples to explore"), this);
    m_samplesListWidget = new QListWidget(this);
    m_samplesListWidget->setObjectName(QStringLiteral("samplesListWidget"));
    m_samplesListWidget->setAccessibleName(tr("Samples to explore"));
    m_samplesListWidget->setWordWrap(true);
    // Room between the samples so each title reads together with its description.
    m_samplesListWidget->setSpacing(6);
    m_samplesListWidget->setIconSize(QSize(32, 32));
    const QIcon sampleIcon = style()->standardIcon(QStyle::SP_FileIcon);
    for (const Sample &sample : samples()) {
        auto *item = new QListWidgetItem(sampleIcon,
                sample.title + QLatin1Char('\n') + sample.description, m_samplesListWidget);
        item->setData(Qt::UserRole, sample.path);
        item->setToolTip(sample.description);
    }
    openOnOneClick(m_samplesListWidget, &WelcomePage::openSampleRequested);

    auto *dropHint = new QLabel(tr("You can also drop a file here."), this);
    dropHint->setEnabled(false);

    auto *lists = new QGridLayout;
    lists->addWidget(recentLabel, 0, 0);
    lists->addWidget(samplesLabel, 0, 1);
    lists->addWidget(m_recentListWidget, 1, 0);
    lists->addWidget(m_samplesListWidget, 1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addSpacing(12);
    layout->addLayout(buttons);
    layout->addSpacing(12);
    layout->addLayout(lists, 1);
    layout->addWidget(dropHint);

    connect(m_recent, &RecentFiles::changed, this, &WelcomePage::rebuildRecent);
    rebuildRecent();
}

void WelcomePage::openOnOneClick(QListWidget *list, void (WelcomePage::*signal)(const QString &))
{
    // One click opens, like a link; Enter too. Where the style already activates items on one
    // click, activation alone covers both (otherwise the file would open twice).
    auto open = [this, signal](QListWidgetItem *item) {
        const QString path = item->data(Qt::UserRole).toString();
        if (!path.isEmpty())
            Q_EMIT(this->*signal)(path);
    };
    if (!list->style()->styleHint(QStyle::SH_ItemView_ActivateItemOnSingleClick, nullptr, list))
        connect(list, &QListWidget::itemClicked, this, open);
    connect(list, &QListWidget::itemActivated, this, open);
}

void WelcomePage::rebuildRecent()
{
    m_recentListWidget->clear();
    for (const QString &path : m_recent->files()) {
        auto *item = new QListWidgetItem(QFileInfo(path).fileName(), m_recentListWidget);
        item->setData(Qt::UserRole, path);
        item->setToolTip(path);
    }
    if (m_recent->files().isEmpty()) {
        auto *item = new QListWidgetItem(tr("Nothing yet"), m_recentListWidget);
        item->setFlags(Qt::NoItemFlags);
    }
}

} // namespace fs::ui
