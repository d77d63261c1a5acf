// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QPointer>
#include <functional>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QFormLayout;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace fs {
class CaptureRun;
class ComparisonSession;
struct CapturePromptsLoad;
} // namespace fs

namespace fs::ui {

class DatasetArea;
class DeployOfferBar;
class PlaygroundConnections;
class TargetSelector;

/**
 * @brief "Capture Answers": sends a set of prompts to one model and keeps its answers as a chat
 * dataset (fs::CaptureRun does the work). The person chooses the model, where the prompts come
 * from (the open dataset, a file, the Playground conversation or a pasted list) and the file the
 * answers go to; a progress bar and Stop follow the run. Stopped or interrupted, Start with the
 * same file continues it. When every answer is in, datasetCaptured() asks to open the file in the
 * editor.
 *
 * Opened from the Playground (its "Capture Answers…" button) and from File → Capture Answers…
 * (Ctrl+Shift+K) through PlaygroundArea::captureAnswers(); other places use open().
 */
class CaptureDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Source { Dataset, File, Conversation, List };

    CaptureDialog(PlaygroundConnections *connections, QNetworkAccessManager *nam,
            QWidget *parent = nullptr);
    ~CaptureDialog() override;

    /// Shows a new dialog (not modal; deleted when closed) preset with `modelId` on
    /// `connectionId` (empty: the active connection). Connect datasetCaptured() to open the
    /// result; PlaygroundArea::captureAnswers() does that and offers its dataset and conversation.
    static CaptureDialog *open(QWidget *parent, PlaygroundConnections *connections,
            const QString &modelId = {}, const QString &connectionId = {});

    void setModel(const QString &modelId, const QString &connectionId = {});
    /// Offers "the open dataset" as a source (chosen when a dataset is open).
    void setDatasetArea(DatasetArea *datasets);
    /// Offers the Playground's conversation as a source.
    void setSession(const ComparisonSession *session);
    void setSource(Source source);
    Source source() const;
    void setSourceFile(const QString &path);
    void setPastedPrompts(const QString &text);
    void setOutputPath(const QString &path);
    QString outputPath() const;

    TargetSelector *targetSelector() const { return m_target; }
    QComboBox *sourceComboBox() const { return m_sourceComboBox; }
    QLabel *promptCountLabel() const { return m_countLabel; }
    QDoubleSpinBox *temperatureSpinBox() const { return m_temperatureSpinBox; }
    QSpinBox *concurrencySpinBox() const { return m_concurrencySpinBox; }
    QPushButton *startButton() const { return m_startButton; }
    QPushButton *stopButton() const { return m_stopButton; }
    QPushButton *openButton() const { return m_openButton; }
    QProgressBar *progressBar() const { return m_progressBar; }
    QLabel *statusLabel() const { return m_statusLabel; }
    CaptureRun *run() const { return m_run; }

public Q_SLOTS:
    /// Reads the prompts and starts (or continues) the capture; false with the reason shown.
    bool start();
    void stop();

Q_SIGNALS:
    /// Every prompt has its answer in `path` (or the person pressed Open in the Editor).
    void datasetCaptured(const QString &path);

protected:
    void reject() override;

private:
    QFormLayout *buildForm();
    /// The pages under "Prompts from:", one per source.
    void buildSourceStack();
    QHBoxLayout *buildOutputRow();
    QHBoxLayout *buildSettingsRow();
    void buildProgress();
    QDialogButtonBox *buildButtons();
    void connectParts();
    CapturePromptsLoad loadPrompts() const;
    void updatePromptCount();
    void suggestOutput();
    void updateActions();
    void onProgress(int answered, int total, int failed);
    void onFinished(bool cancelled);
    QString askPath(const QString &kind);

    PlaygroundConnections *m_connections;
    CaptureRun *m_run;
    QPointer<DatasetArea> m_datasets;
    QPointer<const ComparisonSession> m_session;
    TargetSelector *m_target;
    DeployOfferBar *m_deployOffer;
    QComboBox *m_sourceComboBox;
    QStackedWidget *m_sourceStack;
    QLineEdit *m_fileLineEdit;
    QPlainTextEdit *m_listEdit;
    QLabel *m_countLabel;
    QLineEdit *m_outputLineEdit;
    QDoubleSpinBox *m_temperatureSpinBox;
    QSpinBox *m_seedSpinBox;
    QSpinBox *m_concurrencySpinBox;
    QProgressBar *m_progressBar;
    QLabel *m_statusLabel;
    QPushButton *m_startButton;
    QPushButton *m_stopButton;
    QPushButton *m_openButton;
    QPushButton *m_closeButton;
    bool m_outputEdited = false; ///< the person chose the output: no more suggestions
};

} // namespace fs::ui
