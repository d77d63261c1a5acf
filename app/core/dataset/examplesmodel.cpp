// SPDX-License-Identifier: GPL-3.0-or-later
#include "examplesmodel.h"

#include "datasetdocument.h"

#include <QLocale>

namespace fs {

namespace {
bool isPlainAscii(const QByteArray &bytes);
bool mayMatchStructure(const QByteArray &needleLower);
bool hasCasedNonAscii(const QString &text);
} // namespace

ExamplesModel::ExamplesModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

ExamplesModel::~ExamplesModel() = default;

void ExamplesModel::setDocument(DatasetDocument *document)
{
    if (document == m_document)
        return;
    beginResetModel();
    for (const auto &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_document = document;
    if (document) {
        auto add = [this](QMetaObject::Connection c) { m_connections.append(c); };
        add(connect(document, &DatasetDocument::aboutToReset, this, [this] { beginResetModel(); }));
        add(connect(document, &DatasetDocument::reset, this, [this] { endResetModel(); }));
        add(connect(document, &DatasetDocument::examplesAboutToBeInserted, this,
                [this](int first, int last) { beginInsertRows({}, first, last); }));
        add(connect(
                document, &DatasetDocument::examplesInserted, this, [this] { endInsertRows(); }));
        add(connect(document, &DatasetDocument::examplesAboutToBeRemoved, this,
                [this](int first, int last) { beginRemoveRows({}, first, last); }));
        add(connect(
                document, &DatasetDocument::examplesRemoved, this, [this] { endRemoveRows(); }));
        add(connect(document, &DatasetDocument::examplesAboutToBeMoved, this,
                [this](int first, int last, int destination) {
                    beginMoveRows({}, first, last, {}, destination);
                }));
        add(connect(document, &DatasetDocument::examplesMoved, this, [this] { endMoveRows(); }));
        add(connect(document, &DatasetDocument::exampleChanged, this,
                [this](int row) { emit dataChanged(index(row, 0), index(row, ColumnCount - 1)); }));
        add(connect(document, &DatasetDocument::examplesChanged, this, [this](int first, int last) {
            emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
        }));
        add(connect(
                document, &DatasetDocument::summariesChanged, this, [this](int first, int last) {
                    emit dataChanged(index(first, MessagesColumn), index(last, IssuesColumn));
                }));
        add(connect(document, &QObject::destroyed, this, [this] {
            beginResetModel();
            m_document = nullptr;
            endResetModel();
        }));
    }
    endResetModel();
}

void ExamplesModel::setTokenLimit(int tokens)
{
    if (tokens == m_tokenLimit)
        return;
    m_tokenLimit = tokens;
    if (rowCount() > 0)
        emit dataChanged(index(0, TokensColumn), index(rowCount() - 1, TokensColumn));
}

int ExamplesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_document ? 0 : m_document->count();
}

int ExamplesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ExamplesModel::data(const QModelIndex &index, int role) const
{
    if (!m_document || !index.isValid() || index.row() >= m_document->count())
        return {};
    const ExampleSummary &s = m_document->summary(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case PreviewColumn:
            if (s.format == Example::Format::InvalidJson)
                return tr("(not valid JSON) %1").arg(s.preview);
            if (s.preview.isEmpty())
                return s.messageCount ? tr("(no user message)") : tr("(empty example)");
            return s.preview;
        case MessagesColumn:
            return int(s.messageCount);
        case TokensColumn:
            return s.tokens >= 0 ? QVariant(s.tokens) : QVariant(QString());
        case IssuesColumn: {
            const QString errors = tr("%n error(s)", nullptr, s.errors);
            const QString warnings = tr("%n warning(s)", nullptr, s.warnings);
            if (!s.errors && !s.warnings)
                return QString();
            if (!s.warnings)
                return errors;
            if (!s.errors)
                return warnings;
            return tr("%1, %2").arg(errors, warnings);
        }
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TokensColumn && s.tokens > m_tokenLimit)
            return tr("This example has %1 tokens, more than the %2 the model trains on; the end "
                      "will be cut off.")
                    .arg(QLocale().toString(s.tokens), QLocale().toString(m_tokenLimit));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == MessagesColumn || index.column() == TokensColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case ErrorsRole:
        return int(s.errors);
    case WarningsRole:
        return int(s.warnings);
    case TokensRole:
        return int(s.tokens);
    case AssistantTokensRole:
        return int(s.assistantTokens);
    case MessageCountRole:
        return int(s.messageCount);
    case RoleFlagsRole:
        return int(s.roles);
    case FormatRole:
        return int(s.format);
    case ExampleIdRole:
        return qulonglong(m_document->exampleId(index.row()));
    case OverLimitRole:
        return s.tokens > m_tokenLimit;
    case LineRole:
        return index.row() + 1;
    }
    return {};
}

QVariant ExamplesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case PreviewColumn:
        return tr("First user message");
    case MessagesColumn:
        return tr("Messages");
    case TokensColumn:
        return tr("Tokens");
    case IssuesColumn:
        return tr("Problems");
    }
    return {};
}

// ---- filter -----------------------------------------------------------------------------------

ExamplesFilterModel::ExamplesFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void ExamplesFilterModel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_textUtf8Lower = text.toLower().toUtf8();
    bool special = false;
    for (const char c : std::as_const(m_textUtf8Lower)) {
        if (static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\\')
            special = true;
    }
    m_rawCheckable = !special && !hasCasedNonAscii(text);
    m_rawHitIsFinal =
            m_rawCheckable && isPlainAscii(m_textUtf8Lower) && !mayMatchStructure(m_textUtf8Lower);
    // A full re-map (O(n)) beats the incremental one, which is quadratic when many scattered
    // rows come and go.
    invalidate();
}

void ExamplesFilterModel::setRole(const QString &role)
{
    if (role == m_role)
        return;
    m_role = role;
    // A full re-map (O(n)) beats the incremental one, which is quadratic when many scattered
    // rows come and go.
    invalidate();
}

void ExamplesFilterModel::setOnlyWithErrors(bool on)
{
    if (on == m_onlyErrors)
        return;
    m_onlyErrors = on;
    // A full re-map (O(n)) beats the incremental one, which is quadratic when many scattered
    // rows come and go.
    invalidate();
}

void ExamplesFilterModel::setOnlyWithIssues(bool on)
{
    if (on == m_onlyIssues)
        return;
    m_onlyIssues = on;
    // A full re-map (O(n)) beats the incremental one, which is quadratic when many scattered
    // rows come and go.
    invalidate();
}

void ExamplesFilterModel::setOnlyOverLimit(bool on)
{
    if (on == m_onlyOverLimit)
        return;
    m_onlyOverLimit = on;
    // A full re-map (O(n)) beats the incremental one, which is quadratic when many scattered
    // rows come and go.
    invalidate();
}

bool ExamplesFilterModel::isFiltering() const
{
    return !m_text.isEmpty() || !m_role.isEmpty() || m_onlyErrors || m_onlyIssues
            || m_onlyOverLimit;
}

QList<int> ExamplesFilterModel::sourceRows(const QModelIndexList &proxyIndexes) const
{
    QList<int> rows;
    for (const QModelIndex &i : proxyIndexes) {
        const QModelIndex s = mapToSource(i);
        if (s.isValid())
            rows.append(s.row());
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return rows;
}

namespace {

// ASCII case-insensitive search of a lower-case UTF-8 needle in raw bytes (non-ASCII bytes
// compare exactly), Boyer-Moore-Horspool so that scanning 100 MB stays well under a second.
bool containsFolded(const QByteArray &hay, const QByteArray &needleLower)
{
    const qsizetype n = needleLower.size();
    if (n == 0)
        return true;
    if (hay.size() < n)
        return false;
    auto fold = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c + 32) : c; };
    qsizetype skip[256];
    std::fill(std::begin(skip), std::end(skip), n);
    for (qsizetype i = 0; i + 1 < n; ++i) {
        const char c = needleLower.at(i);
        skip[static_cast<unsigned char>(c)] = n - 1 - i;
        if (c >= 'a' && c <= 'z')
            skip[static_cast<unsigned char>(c - 32)] = n - 1 - i;
    }
    const char *h = hay.constData();
    const char *p = needleLower.constData();
    const qsizetype last = hay.size() - n;
    qsizetype pos = 0;
    while (pos <= last) {
        qsizetype j = n - 1;
        while (fold(h[pos + j]) == p[j]) {
            if (j == 0)
                return true;
            --j;
        }
        pos += skip[static_cast<unsigned char>(h[pos + n - 1])];
    }
    return false;
}

bool isPlainAscii(const QByteArray &bytes)
{
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80 || u < 0x20 || c == '"' || c == '\\')
            return false;
    }
    return true;
}

// Whether a raw-line hit of this text could come from the JSON around the messages (keys, role
// names, numbers, punctuation) rather than from a message's text: then the hit must be checked.
bool mayMatchStructure(const QByteArray &needleLower)
{
    static const char *const words[] = {"messages", "role", "content", "system", "developer",
            "user", "assistant", "tool_calls", "tool_call_id", "weight", "name", "function",
            "arguments", "type", "text", "image_url", "url", "detail", "input", "preferred_output",
            "non_preferred_output", "parallel_tool_calls", "tools", "parameters", "true", "false",
            "null", "id"};
    for (const char *w : words) {
        if (QByteArrayView(w).contains(needleLower))
            return true;
    }
    for (const char c : needleLower) {
        const bool letter = (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
        if (!letter && c != ' ')
            return true; // digits and punctuation occur in the JSON itself
    }
    return false;
}

bool hasCasedNonAscii(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x80 && c.toLower() != c.toUpper())
            return true;
    }
    return false;
}

bool textMatches(const Messages &messages, const QString &text)
{
    for (const Message &m : messages) {
        if (m.text().contains(text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace

bool ExamplesFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    Q_UNUSED(sourceParent)
    const auto *model = qobject_cast<const ExamplesModel *>(sourceModel());
    DatasetDocument *document = model ? model->document() : nullptr;
    if (!document || sourceRow >= document->count())
        return true;
    const ExampleSummary &s = document->summary(sourceRow);
    if (m_onlyErrors && !s.errors)
        return false;
    if (m_onlyIssues && !s.errors && !s.warnings)
        return false;
    if (m_onlyOverLimit && !(s.tokens > model->tokenLimit()))
        return false;
    if (!m_role.isEmpty() && !(s.roles & ExampleSummary::roleFlag(m_role)))
        return false;
    if (m_text.isEmpty())
        return true;
    const QByteArray line = document->line(sourceRow);
    if (s.format == Example::Format::InvalidJson)
        return QString::fromUtf8(line).contains(m_text, Qt::CaseInsensitive);
    // Fast paths on the raw bytes, so that filtering 100,000 rows needs little parsing: a miss
    // in the raw line is a miss in the messages unless JSON escapes (\uXXXX) or case folding
    // beyond ASCII could hide the text; a hit is final unless it may be a key or a role name.
    // (A hit inside tool definitions counts as a hit: they are part of the example too.)
    if (m_rawCheckable && !line.contains("\\u")) {
        if (!containsFolded(line, m_textUtf8Lower))
            return false;
        if (m_rawHitIsFinal)
            return true;
    }
    const Example e = document->example(sourceRow);
    if (textMatches(e.messages(), m_text))
        return true;
    return e.isPreference()
            && (textMatches(e.preferredOutput(), m_text)
                    || textMatches(e.nonPreferredOutput(), m_text));
}

} // namespace fs
