// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QPointer>
#include <QSortFilterProxyModel>

namespace fs {

class DatasetDocument;

/**
 * @brief One row per example of a DatasetDocument: first user text, message count, tokens,
 * errors/warnings. data() is O(1) from the row's ExampleSummary (never parses), so a million rows
 * stay fluid. Follows the document's signals incrementally (inserts, removes, moves, changes).
 */
class ExamplesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { PreviewColumn, MessagesColumn, TokensColumn, IssuesColumn, ColumnCount };
    enum Roles {
        ErrorsRole = Qt::UserRole + 1, ///< int
        WarningsRole, ///< int
        TokensRole, ///< int, -1 when not counted yet
        AssistantTokensRole, ///< int, -1 when not counted yet
        MessageCountRole, ///< int
        RoleFlagsRole, ///< int: ExampleSummary::RoleFlag bits
        FormatRole, ///< int: Example::Format
        ExampleIdRole, ///< qulonglong: DatasetDocument::exampleId()
        OverLimitRole, ///< bool: tokens > tokenLimit()
        LineRole, ///< int: 1-based example number
    };

    explicit ExamplesModel(QObject *parent = nullptr);
    ~ExamplesModel() override;

    void setDocument(DatasetDocument *document);
    DatasetDocument *document() const { return m_document; }

    /// Examples with more tokens are "over the limit" (OverLimitRole, the tokens cell's tooltip).
    void setTokenLimit(int tokens);
    int tokenLimit() const { return m_tokenLimit; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
            int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QPointer<DatasetDocument> m_document;
    int m_tokenLimit = 65536;
    QList<QMetaObject::Connection> m_connections;
};

/**
 * @brief Filters ExamplesModel rows: text (in any message, case-insensitive), role present, only
 * examples with errors, only examples over the token limit. All criteria combine (AND).
 */
class ExamplesFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ExamplesFilterModel(QObject *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    /// Only examples having a message with this role (a known role name); empty: any.
    void setRole(const QString &role);
    QString role() const { return m_role; }
    void setOnlyWithErrors(bool on);
    bool onlyWithErrors() const { return m_onlyErrors; }
    /// Errors or warnings.
    void setOnlyWithIssues(bool on);
    bool onlyWithIssues() const { return m_onlyIssues; }
    void setOnlyOverLimit(bool on);
    bool onlyOverLimit() const { return m_onlyOverLimit; }
    bool isFiltering() const;

    /// Source rows (example rows) of the given proxy rows.
    QList<int> sourceRows(const QModelIndexList &proxyIndexes) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    QByteArray m_textUtf8Lower; ///< for the fast raw-line pre-check
    bool m_rawCheckable = false; ///< a miss in the raw line is a miss in the messages
    bool m_rawHitIsFinal = false; ///< a hit in the raw line is a hit in the messages
    QString m_role;
    bool m_onlyErrors = false;
    bool m_onlyIssues = false;
    bool m_onlyOverLimit = false;
};

} // namespace fs
