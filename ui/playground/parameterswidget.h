// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>
#include <optional>

class QCheckBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;
class QToolButton;
class QJsonObject;

namespace fs {
struct ChatRequest;
}

namespace fs::ui {

/**
 * @brief The sampling settings of one pane (temperature, top_p, max completion tokens, seed),
 * collapsed to one line until opened. Every field may be left at "default" (not sent).
 */
class ParametersWidget : public QWidget
{
    Q_OBJECT
public:
    explicit ParametersWidget(QWidget *parent = nullptr);

    std::optional<double> temperature() const;
    std::optional<double> topP() const;
    std::optional<int> maxCompletionTokens() const;
    std::optional<qint64> seed() const;

    void setTemperature(std::optional<double> value);
    void setTopP(std::optional<double> value);
    void setMaxCompletionTokens(std::optional<int> value);
    void setSeed(std::optional<qint64> value);

    /// Fills the optional fields of a request.
    void applyTo(ChatRequest &request) const;
    /// Takes the values of a request (e.g. from a loaded session).
    void setFrom(const ChatRequest &request);

    bool isExpanded() const;
    void setExpanded(bool expanded);
    /// One line for the collapsed header, e.g. "temperature 0.7 · seed 42" or "defaults".
    QString summary() const;

Q_SIGNALS:
    void changed();

private:
    void updateSummary();

    QToolButton *m_toggleButton;
    QWidget *m_body;
    QDoubleSpinBox *m_temperatureSpinBox;
    QDoubleSpinBox *m_topPSpinBox;
    QSpinBox *m_maxTokensSpinBox;
    QLineEdit *m_seedLineEdit;
};

} // namespace fs::ui
