// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

namespace fs::ui {

/**
 * @brief A small mark over answers that the built-in sandbox made up: "Practice answer —
 * simulated by the built-in sandbox", with a tooltip saying what the sandbox is. Hidden until
 * a page says the answers are simulated (fs::isSimulated()).
 */
class PracticeBadge : public QLabel
{
    Q_OBJECT
public:
    explicit PracticeBadge(QWidget *parent = nullptr);

    /// Shows the standard words when `simulated`, hides the badge otherwise.
    void setSimulated(bool simulated);
    /// Shows `text` (e.g. "one of these answers…"); an empty text hides the badge.
    void showText(const QString &text);

    /// The words for answers of a simulated connection (also for table tooltips).
    static QString simulatedText();
    static QString explanation();
};

} // namespace fs::ui
