// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchfiltermodel.h"

#include "datasetdocument.h"

#include <QElapsedTimer>
#include <QTimer>

namespace fs::ui {

namespace {
// One slice of matching: short enough that the GUI thread answers input and paints in between.
constexpr qint64 kSliceMs = 8;
} // namespace

/// The core's text matching for one row, without ever building a mapping of its own (nobody
/// asks it for rows, so it stays lazy and ignores the model's signals).
class SearchFilterModel::Matcher : public ExamplesFilterModel
{
public:
    Matcher() { setDynamicSortFilter(false); }
    bool accepts(int row) const { return filterAcceptsRow(row, QModelIndex()); }
};

SearchFilterModel::SearchFilterModel(QObject *parent)
    : ExamplesFilterModel(parent)
    , m_matcher(std::make_unique<Matcher>())
    , m_stepTimer(new QTimer(this))
{
    m_stepTimer->setSingleShot(true);
    m_stepTimer->setInterval(0);
    connect(m_stepTimer, &QTimer::timeout, this, &SearchFilterModel::step);
}

SearchFilterModel::~SearchFilterModel() = default;

void SearchFilterModel::setSourceModel(QAbstractItemModel *model)
{
    m_matcher->setSourceModel(model);
    if (model) {
        // The matcher only answers filterAcceptsRow(): cut it off from the model's changes, or
        // the first inserted row makes Qt build its full mapping (matching every example).
        // (QObject::destroyed stays connected: the proxy lets go of a model that goes away.)
        Matcher *m = m_matcher.get();
        using M = QAbstractItemModel;
        disconnect(model, &M::modelAboutToBeReset, m, nullptr);
        disconnect(model, &M::modelReset, m, nullptr);
        disconnect(model, &M::dataChanged, m, nullptr);
        disconnect(model, &M::headerDataChanged, m, nullptr);
        disconnect(model, &M::layoutAboutToBeChanged, m, nullptr);
        disconnect(model, &M::layoutChanged, m, nullptr);
        disconnect(model, &M::rowsAboutToBeInserted, m, nullptr);
        disconnect(model, &M::rowsInserted, m, nullptr);
        disconnect(model, &M::rowsAboutToBeRemoved, m, nullptr);
        disconnect(model, &M::rowsRemoved, m, nullptr);
        disconnect(model, &M::rowsAboutToBeMoved, m, nullptr);
        disconnect(model, &M::rowsMoved, m, nullptr);
        disconnect(model, &M::columnsAboutToBeInserted, m, nullptr);
        disconnect(model, &M::columnsInserted, m, nullptr);
        disconnect(model, &M::columnsAboutToBeRemoved, m, nullptr);
        disconnect(model, &M::columnsRemoved, m, nullptr);
        disconnect(model, &M::columnsAboutToBeMoved, m, nullptr);
        disconnect(model, &M::columnsMoved, m, nullptr);
    }
    ExamplesFilterModel::setSourceModel(model);
}

void SearchFilterModel::setSearchText(const QString &text)
{
    if (m_pending && m_pending->text == text)
        return;
    if (!m_pending && text == m_appliedText) {
        Q_EMIT searchFinished();
        return;
    }
    m_stepTimer->stop();
    m_pending.reset();
    if (text.isEmpty()) {
        // Showing everything needs no matching: at once.
        m_appliedText.clear();
        m_results.clear();
        invalidate();
        Q_EMIT searchFinished();
        return;
    }
    m_matcher->setText(text);
    m_pending = Pending {text, 0, {}};
    const auto *examples = qobject_cast<const ExamplesModel *>(sourceModel());
    const DatasetDocument *document = examples ? examples->document() : nullptr;
    if (document)
        m_pending->results.reserve(document->count());
    Q_EMIT searchStarted();
    step();
}

void SearchFilterModel::step()
{
    if (!m_pending)
        return;
    const auto *examples = qobject_cast<const ExamplesModel *>(sourceModel());
    const DatasetDocument *document = examples ? examples->document() : nullptr;
    if (m_matcher->text() != m_pending->text)
        m_matcher->setText(m_pending->text); // a filtered row may have used it meanwhile
    QElapsedTimer clock;
    clock.start();
    if (document) {
        // The document may change between slices: results are keyed by id and line, so a row
        // that moved or changed is simply matched again when the list filters it.
        const int count = document->count();
        while (m_pending->nextRow < count) {
            const int row = m_pending->nextRow++;
            m_pending->results.insert(
                    document->exampleId(row), Match {document->line(row), m_matcher->accepts(row)});
            if ((row & 31) == 0 && clock.elapsed() >= kSliceMs) {
                m_stepTimer->start();
                return;
            }
        }
    }
    m_appliedText = m_pending->text;
    m_results = std::move(m_pending->results);
    m_pending.reset();
    // One full re-map with the results at hand (cheaper than Qt's incremental one when many
    // scattered rows come and go).
    invalidate();
    Q_EMIT searchFinished();
}

bool SearchFilterModel::textMatches(int sourceRow) const
{
    const auto *examples = qobject_cast<const ExamplesModel *>(sourceModel());
    const DatasetDocument *document = examples ? examples->document() : nullptr;
    if (!document)
        return true;
    const quint64 id = document->exampleId(sourceRow);
    const QByteArray line = document->line(sourceRow);
    const auto it = m_results.constFind(id);
    // The same bytes (not just equal ones): the result still holds for this line.
    if (it != m_results.constEnd() && it->line.constData() == line.constData()
            && it->line.size() == line.size())
        return it->matches;
    if (m_matcher->text() != m_appliedText)
        m_matcher->setText(m_appliedText);
    const bool matches = m_matcher->accepts(sourceRow);
    m_results.insert(id, Match {line, matches});
    return matches;
}

bool SearchFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!ExamplesFilterModel::filterAcceptsRow(sourceRow, sourceParent))
        return false;
    return m_appliedText.isEmpty() || textMatches(sourceRow);
}

} // namespace fs::ui
