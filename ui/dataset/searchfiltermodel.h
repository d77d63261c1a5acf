// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "examplesmodel.h"

#include <QByteArray>
#include <QHash>
#include <QPointer>
#include <memory>
#include <optional>

class QTimer;

namespace fs::ui {

/**
 * @brief The examples list's filter with a text search that never blocks the GUI thread long.
 *
 * Matching the text over 100,000 examples takes a few hundred milliseconds, so setSearchText()
 * does it in slices of a few milliseconds from the event loop (with the core's own matching
 * rules, through a private ExamplesFilterModel) and then applies the result in one re-map.
 * Until then the list keeps showing the previous result. Results are kept per example id and
 * line, so rows edited meanwhile are matched again when they are filtered.
 *
 * The other criteria (role, errors, over the limit) are the base class's and apply at once.
 */
class SearchFilterModel : public ExamplesFilterModel
{
    Q_OBJECT
public:
    explicit SearchFilterModel(QObject *parent = nullptr);
    ~SearchFilterModel() override;

    void setSourceModel(QAbstractItemModel *model) override;

    /// Starts matching `text` (empty: show everything at once). searchFinished() follows.
    void setSearchText(const QString &text);
    /// The text whose result the list shows.
    QString searchText() const { return m_appliedText; }
    bool isSearching() const { return m_pending.has_value(); }

Q_SIGNALS:
    void searchStarted();
    /// The list now shows the matches of searchText().
    void searchFinished();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    struct Match
    {
        QByteArray line; ///< the line that was matched (shared with the document: no copy)
        bool matches = false;
    };
    struct Pending
    {
        QString text;
        int nextRow = 0;
        QHash<quint64, Match> results;
    };
    void step();
    bool textMatches(int sourceRow) const;

    class Matcher;
    std::unique_ptr<Matcher> m_matcher; ///< the core's text matching, never shown
    QTimer *m_stepTimer;
    std::optional<Pending> m_pending;
    QString m_appliedText;
    mutable QHash<quint64, Match> m_results; ///< also caches rows matched while filtering
};

} // namespace fs::ui
