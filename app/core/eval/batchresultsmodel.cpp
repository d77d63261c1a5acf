// SPDX-License-Identifier: GPL-3.0-or-later
#include "batchresultsmodel.h"

#include "batchrunner.h"

#include <algorithm>

namespace fs {

namespace {
constexpr int kElide = 160;
constexpr double kPendingSort = -2.0; ///< below any score (and any difference ≥ -1)

QString oneLine(const QString &text)
{
    QString line = text.simplified();
    if (line.size() > kElide)
        line = line.left(kElide - 1) + QChar(0x2026);
    return line;
}
} // namespace

BatchResultsModel::BatchResultsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void BatchResultsModel::setRunner(BatchRunner *runner)
{
    if (m_runner)
        disconnect(m_runner, nullptr, this, nullptr);
    m_runner = runner;
    if (runner) {
        connect(runner, &BatchRunner::resultsReset, this, &BatchResultsModel::refresh);
        connect(runner, &BatchRunner::generationFinished, this,
                &BatchResultsModel::onGenerationFinished);
        connect(runner, &QObject::destroyed, this, [this] {
            beginResetModel();
            m_order.clear();
            m_rowOf.clear();
            endResetModel();
        });
    }
    refresh();
}

void BatchResultsModel::setResults(const BatchResults &results)
{
    if (m_runner)
        disconnect(m_runner, nullptr, this, nullptr);
    m_runner = nullptr;
    m_own = results;
    refresh();
}

const BatchResults &BatchResultsModel::results() const
{
    return m_runner ? m_runner->results() : m_own;
}

void BatchResultsModel::refresh()
{
    beginResetModel();
    const int n = results().itemCount();
    m_order.resize(n);
    m_rowOf.resize(n);
    for (int i = 0; i < n; ++i) {
        m_order[i] = i;
        m_rowOf[i] = i;
    }
    endResetModel();
}

int BatchResultsModel::modelColumn(int model, int which) const
{
    return FirstModelColumn + model * kColumnsPerModel + which;
}

int BatchResultsModel::differenceColumn() const
{
    const int models = results().modelCount();
    return models >= 2 ? FirstModelColumn + models * kColumnsPerModel : -1;
}

int BatchResultsModel::rowItem(int row) const
{
    return m_order.value(row, -1);
}

int BatchResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_order.size());
}

int BatchResultsModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    const int models = results().modelCount();
    return FirstModelColumn + models * kColumnsPerModel + (models >= 2 ? 1 : 0);
}

double BatchResultsModel::sortValue(int item, int column) const
{
    const BatchResults &r = results();
    if (column == LineColumn)
        return r.items().at(item).sourceLine;
    if (column == differenceColumn()) {
        const Generation &a = r.generation(item, 0);
        const Generation &b = r.generation(item, 1);
        if (a.status != Generation::Status::Done || b.status != Generation::Status::Done)
            return kPendingSort;
        return b.scores.rougeL.fmeasure - a.scores.rougeL.fmeasure;
    }
    const int model = (column - FirstModelColumn) / kColumnsPerModel;
    const int which = (column - FirstModelColumn) % kColumnsPerModel;
    const Generation &g = r.generation(item, model);
    if (g.status != Generation::Status::Done)
        return kPendingSort;
    switch (which) {
    case 1:
        return g.scores.rouge1.fmeasure;
    case 2:
        return g.scores.rouge2.fmeasure;
    case 3:
        return g.scores.rougeL.fmeasure;
    default:
        return 0;
    }
}

QVariant BatchResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const int item = m_order.at(index.row());
    const BatchResults &r = results();
    if (item >= r.itemCount())
        return {};
    const int column = index.column();
    if (role == ItemRole)
        return item;
    const BatchItem &batchItem = r.items().at(item);

    if (column == PromptColumn || column == ReferenceColumn) {
        const QString text =
                column == PromptColumn ? lastUserText(batchItem.prompt) : batchItem.reference;
        if (role == Qt::DisplayRole)
            return oneLine(text);
        if (role == Qt::ToolTipRole || role == SortRole)
            return text;
        return {};
    }
    if (column == LineColumn) {
        if (role == Qt::DisplayRole || role == SortRole)
            return batchItem.sourceLine;
        return {};
    }
    const bool difference = column == differenceColumn();
    const int which = difference ? 0 : (column - FirstModelColumn) % kColumnsPerModel;
    if (!difference && which == 0) {
        const Generation &g = r.generation(item, (column - FirstModelColumn) / kColumnsPerModel);
        QString text;
        switch (g.status) {
        case Generation::Status::Pending:
            text = tr("waiting…");
            break;
        case Generation::Status::Failed:
            text = tr("Failed: %1").arg(g.error);
            break;
        case Generation::Status::Done:
            text = g.text;
            break;
        }
        if (role == Qt::DisplayRole)
            return oneLine(text);
        if (role == Qt::ToolTipRole || role == SortRole)
            return text;
        return {};
    }
    const double value = sortValue(item, column);
    if (role == SortRole)
        return value;
    if (role == Qt::TextAlignmentRole)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::DisplayRole) {
        if (value <= kPendingSort)
            return QString();
        if (difference)
            return QString(
                    (value > 0 ? QStringLiteral("+") : QString()) + QString::number(value, 'f', 3));
        return QString::number(value, 'f', 3);
    }
    return {};
}

QVariant BatchResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
            || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LineColumn:
        return tr("Line");
    case PromptColumn:
        return tr("Prompt");
    case ReferenceColumn:
        return tr("Reference");
    default:
        break;
    }
    if (section == differenceColumn())
        return tr("Difference (ROUGE-L)");
    const int model = (section - FirstModelColumn) / kColumnsPerModel;
    const QString label = results().models().value(model).label();
    switch ((section - FirstModelColumn) % kColumnsPerModel) {
    case 0:
        return label;
    case 1:
        return tr("%1 R-1").arg(label);
    case 2:
        return tr("%1 R-2").arg(label);
    default:
        return tr("%1 R-L").arg(label);
    }
}

void BatchResultsModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= columnCount())
        return;
    const bool text = column == PromptColumn || column == ReferenceColumn
            || (column >= FirstModelColumn && column != differenceColumn()
                    && (column - FirstModelColumn) % kColumnsPerModel == 0);
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<int> itemsBefore;
    for (const QModelIndex &index : before)
        itemsBefore << m_order.value(index.row(), -1);

    QList<int> sorted = m_order;
    std::sort(sorted.begin(), sorted.end()); // stable with respect to the item order
    if (text) {
        QStringList keys;
        for (int i = 0; i < results().itemCount(); ++i)
            keys << data(index(m_rowOf.at(i), column), SortRole).toString();
        std::stable_sort(sorted.begin(), sorted.end(), [&](int a, int b) {
            const int c = keys.at(a).localeAwareCompare(keys.at(b));
            return order == Qt::AscendingOrder ? c < 0 : c > 0;
        });
    } else {
        std::stable_sort(sorted.begin(), sorted.end(), [&](int a, int b) {
            const double x = sortValue(a, column);
            const double y = sortValue(b, column);
            return order == Qt::AscendingOrder ? x < y : x > y;
        });
    }
    m_order = sorted;
    for (int row = 0; row < m_order.size(); ++row)
        m_rowOf[m_order.at(row)] = row;

    QModelIndexList after;
    for (int k = 0; k < before.size(); ++k) {
        const int item = itemsBefore.at(k);
        after << (item < 0 ? QModelIndex() : index(m_rowOf.at(item), before.at(k).column()));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void BatchResultsModel::onGenerationFinished(int item, int model)
{
    Q_UNUSED(model)
    if (item < 0 || item >= m_rowOf.size())
        return;
    const int row = m_rowOf.at(item);
    Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
}

} // namespace fs
