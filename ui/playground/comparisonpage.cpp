// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparisonpage.h"

#include "datasetarea.h"
#include "deployofferbar.h"
#include "playgroundconnections.h"
#include "practicebadge.h"
#include "targetselector.h"

#include <QLabel>

namespace fs::ui {

ComparisonPage::ComparisonPage(
        PlaygroundConnections *connections, DatasetArea *datasets, QWidget *parent)
    : QWidget(parent)
    , m_connections(connections)
    , m_datasets(datasets)
{
}

void ComparisonPage::createPickerNotes(QWidget *parent)
{
    m_sameModelLabel = new QLabel(parent);
    m_sameModelLabel->setObjectName(QStringLiteral("sameModelLabel"));
    m_sameModelLabel->setWordWrap(true);
    m_sameModelLabel->setStyleSheet(QStringLiteral("color: #b02020;"));
    m_sameModelLabel->setVisible(false);
    m_deployOffer = new DeployOfferBar(m_connections, parent);
}

void ComparisonPage::applyDefaultPair(TargetSelector *first, TargetSelector *second)
{
    if (!first->isReady() || !second->isReady() || first->connectionId() != second->connectionId())
        return;
    const QStringList shown {first->model(), second->model()};
    if (!m_defaults.isEmpty() && shown != m_defaults)
        return; // the person chose
    const ComparisonDefault pick = m_connections->defaultComparison(first->connectionId());
    if (pick.basis == ComparisonDefault::Basis::None)
        return;
    if (!pick.first.isEmpty())
        first->setModel(pick.first);
    if (!pick.second.isEmpty())
        second->setModel(pick.second);
    m_defaults = QStringList {first->model(), second->model()};
}

} // namespace fs::ui
