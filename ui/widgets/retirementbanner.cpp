// SPDX-License-Identifier: GPL-3.0-or-later
#include "retirementbanner.h"

#include "appsettings.h"
#include "modelpicker.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace fs::ui {

QLabel *retirementNoteLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    // A note, not an error: the quiet yellow of the practice badge and the banner.
    label->setStyleSheet(
            QStringLiteral("QLabel { background: #fff3cd; color: #5c4400; "
                           "border: 1px solid #e6cf85; border-radius: 3px; padding: 2px 6px; }"));
    label->hide();
    return label;
}

RetirementBanner::RetirementBanner(AppSettings *settings, QWidget *parent)
    : QFrame(parent)
    , m_settings(settings ? settings : &AppSettings::standard())
    , m_rows(new QVBoxLayout)
    , m_title(new QLabel(this))
    , m_more(new QLabel(this))
{
    setObjectName(QStringLiteral("retirementBanner"));
    setFrameShape(QFrame::StyledPanel);
    // The same quiet yellow as the practice badge: a note that reads in light and dark themes.
    setStyleSheet(
            QStringLiteral("#retirementBanner { background: #fff3cd; border: 1px solid #e6cf85; "
                           "border-radius: 3px; } #retirementBanner QLabel { color: #5c4400; }"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_title->setObjectName(QStringLiteral("retirementBannerTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_more->setObjectName(QStringLiteral("retirementBannerMore"));
    m_more->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(4);
    layout->addWidget(m_title);
    layout->addLayout(m_rows);
    layout->addWidget(m_more);
    setVisible(false);
}

RetirementBanner::~RetirementBanner() = default;

void RetirementBanner::showFor(
        const QList<HistoryModel> &models, const RetirementCalendar &calendar, const QDate &today)
{
    m_today = today;
    const RetirementReminders reminders(m_settings);
    m_warnings = RetirementWarnings::warnings(models, calendar, today, &reminders);
    rebuild();
}

QString RetirementBanner::rowText(const RetirementWarning &warning, const QDate &today)
{
    //: %1 the model in plain words, %2 the connection's name, %3 e.g. "stops answering on
    //: 14 Jan 2027 — in 39 days"
    return tr("“%1” (connection “%2”) %3. Capture its answers before then to keep how it "
              "answers.")
            .arg(ModelChoice::describe(warning.where.model), warning.where.connectionName,
                    warning.info.sentence(today));
}

void RetirementBanner::rebuild()
{
    // Later, not now: a row's own button may be the one being clicked.
    for (QWidget *line : std::as_const(m_rowWidgets)) {
        line->hide();
        m_rows->removeWidget(line);
        line->deleteLater();
    }
    m_rowWidgets.clear();
    const qsizetype shown = qMin<qsizetype>(m_warnings.size(), kMaxRows);
    m_title->setText(m_warnings.size() == 1 ? tr("A model you trained is retiring")
                                            : tr("Models you trained are retiring"));
    for (qsizetype row = 0; row < shown; ++row) {
        const RetirementWarning &warning = m_warnings.at(row);
        auto *line = new QWidget(this);
        line->setObjectName(QStringLiteral("retirementRow%1").arg(row));
        auto *h = new QHBoxLayout(line);
        h->setContentsMargins(0, 0, 0, 0);
        auto *label = new QLabel(rowText(warning, m_today), line);
        label->setObjectName(QStringLiteral("retirementRowLabel"));
        label->setWordWrap(true);
        label->setToolTip(tr("%1\nSource: %2").arg(warning.where.model, warning.info.source));
        auto *keep = new QPushButton(tr("Keep This Model’s Behaviour…"), line);
        keep->setObjectName(QStringLiteral("keepBehaviourButton"));
        keep->setToolTip(tr("Capture the model's answers as a dataset, to train a new model "
                            "that answers the same way"));
        auto *remind = new QPushButton(tr("Remind Me Later"), line);
        remind->setObjectName(QStringLiteral("remindLaterButton"));
        remind->setToolTip(tr("Hide this for %1 days").arg(RetirementReminders::kRemindAfterDays));
        h->addWidget(label, 1);
        h->addWidget(keep);
        h->addWidget(remind);
        m_rows->addWidget(line);
        m_rowWidgets.append(line);
        const QString model = warning.where.model;
        const QString connection = warning.where.connectionName;
        connect(keep, &QPushButton::clicked, this,
                [this, model, connection] { Q_EMIT keepBehaviourRequested(model, connection); });
        connect(remind, &QPushButton::clicked, this, [this, row] { remindLater(int(row)); });
    }
    const qsizetype rest = m_warnings.size() - shown;
    // Singular and plural spelled out: English has no plural catalogue to fill in "%n".
    m_more->setText(rest <= 0   ? QString()
                    : rest == 1 ? tr("One more model retires soon; it shows here when one of "
                                     "these is put off.")
                                : tr("%1 more models retire soon; they show here when these are "
                                     "put off.")
                                          .arg(rest));
    m_more->setVisible(rest > 0);
    setVisible(!m_warnings.isEmpty());
}

void RetirementBanner::remindLater(int row)
{
    if (row < 0 || row >= m_warnings.size())
        return;
    RetirementReminders(m_settings).putOff(m_warnings.at(row).reminderKey(), m_today);
    m_warnings.removeAt(row);
    rebuild();
}

QLabel *RetirementBanner::rowLabel(int row) const
{
    QWidget *line = m_rowWidgets.value(row);
    return line ? line->findChild<QLabel *>(QStringLiteral("retirementRowLabel")) : nullptr;
}

QPushButton *RetirementBanner::keepButton(int row) const
{
    QWidget *line = m_rowWidgets.value(row);
    return line ? line->findChild<QPushButton *>(QStringLiteral("keepBehaviourButton")) : nullptr;
}

QPushButton *RetirementBanner::remindButton(int row) const
{
    QWidget *line = m_rowWidgets.value(row);
    return line ? line->findChild<QPushButton *>(QStringLiteral("remindLaterButton")) : nullptr;
}

} // namespace fs::ui
