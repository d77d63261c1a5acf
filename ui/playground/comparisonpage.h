// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QStringList>
#include <QWidget>

class QLabel;

namespace fs::ui {

class DatasetArea;
class DeployOfferBar;
class PlaygroundConnections;
class PracticeBadge;
class TargetSelector;

/**
 * @brief What the Playground pages that compare models share ("Blind A/B", "Batch
 * comparison"): the connections the pickers offer, the open dataset, the warning when two
 * pickers show the same model, the offer to deploy a model that must run first, the practice
 * badge, and the default pair (a base model against its newest fine-tune).
 */
class ComparisonPage : public QWidget
{
    Q_OBJECT
public:
    /// The warning near the pickers when two of them are the same model.
    QLabel *sameModelLabel() const { return m_sameModelLabel; }
    /// Shown when a chosen model must be deployed before it can be asked.
    DeployOfferBar *deployOfferBar() const { return m_deployOffer; }
    /// Says when the answers on the page are simulated by the sandbox.
    PracticeBadge *practiceBadge() const { return m_practiceBadge; }

Q_SIGNALS:
    void message(const QString &text);

protected:
    ComparisonPage(PlaygroundConnections *connections, DatasetArea *datasets, QWidget *parent);

    /// Creates the same-model warning (hidden until needed) and the deploy offer as children of
    /// `parent`; the page lays them out.
    void createPickerNotes(QWidget *parent);
    /// Until the person chooses: the base model against its newest fine-tune (core's rule) in
    /// `first` and `second`, never one model against itself — also when a job finishes while
    /// the page is open.
    void applyDefaultPair(TargetSelector *first, TargetSelector *second);

    PlaygroundConnections *m_connections;
    QPointer<DatasetArea> m_datasets;
    QLabel *m_sameModelLabel = nullptr;
    DeployOfferBar *m_deployOffer = nullptr;
    PracticeBadge *m_practiceBadge = nullptr;

private:
    /// The models the defaults put into the two pickers; empty before. While the pickers still
    /// show them, a newer default (a job finished) replaces them.
    QStringList m_defaults;
};

} // namespace fs::ui
