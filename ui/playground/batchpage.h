// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "batchresults.h"
#include "comparisonpage.h"

#include <QList>

class QCheckBox;
class QGroupBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStackedLayout;
class QTableView;
class QToolButton;
class QVBoxLayout;

namespace fs {
struct ApiError;
class BatchResultsModel;
class BatchRunner;
} // namespace fs

namespace fs::ui {

/**
 * @brief "Batch comparison": every example of a validation file (or the open dataset) is sent to
 * two or more models; each answer is scored against the example's own last answer with ROUGE;
 * the table shows where the models differ most. Results can be saved, reopened and rescored
 * without asking the models again, and exported as CSV.
 */
class BatchPage : public ComparisonPage
{
    Q_OBJECT
public:
    BatchPage(PlaygroundConnections *connections, QNetworkAccessManager *nam, DatasetArea *datasets,
            QWidget *parent = nullptr);
    ~BatchPage() override;

    BatchRunner *runner() const { return m_runner; }
    BatchResultsModel *resultsModel() const { return m_model; }
    QTableView *tableView() const { return m_tableView; }
    QLineEdit *fileLineEdit() const { return m_fileLineEdit; }
    QRadioButton *fileRadio() const { return m_fileRadio; }
    QRadioButton *datasetRadio() const { return m_datasetRadio; }
    QSpinBox *concurrencySpinBox() const { return m_concurrencySpinBox; }
    QCheckBox *stemCheckBox() const { return m_stemCheckBox; }
    QPushButton *runButton() const { return m_runButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QPushButton *exportButton() const { return m_exportButton; }
    QProgressBar *progressBar() const { return m_progressBar; }
    QLabel *statusLabel() const { return m_statusLabel; }
    QLabel *averagesLabel() const { return m_averagesLabel; }
    int modelRowCount() const { return int(m_selectors.size()); }
    TargetSelector *modelSelector(int index) const { return m_selectors.value(index); }

public Q_SLOTS:
    bool addModelRow();
    bool removeModelRow(int index);
    bool run();
    void cancel();
    bool exportCsv(const QString &path = {});
    bool saveResults(const QString &path = {});
    bool openResults(const QString &path = {});
    /// Scores the stored answers again (e.g. after switching stemming); no model is asked.
    void recompute();
    /// Sorts the table so the examples where the models differ most come first.
    void sortByDifference();

private:
    QGroupBox *buildSourceBox();
    /// The model rows with their options (requests at once, word forms).
    QGroupBox *buildModelsBox();
    QHBoxLayout *buildRunRow();
    /// The results table, or the hint while it is empty.
    QStackedLayout *buildResultsTable();
    QHBoxLayout *buildResultButtons();
    void connectParts();
    void onProgress(int completed, int total);
    void onFinished(bool cancelled);
    void onPaused(int delayMs, const fs::ApiError &error);
    void updateAverages();
    void updateSameModelWarning();
    void updatePracticeBadge();
    void applyDefaultModels();
    void sizeColumns();
    void updateActions();
    void rebuildModelRows();
    QString askPath(const QString &kind);

    BatchRunner *m_runner;
    BatchResultsModel *m_model;
    bool m_haveResults = false;

    QRadioButton *m_fileRadio;
    QRadioButton *m_datasetRadio;
    QLineEdit *m_fileLineEdit;
    QPushButton *m_browseButton;
    QVBoxLayout *m_modelsLayout;
    QList<TargetSelector *> m_selectors;
    QList<QToolButton *> m_removeButtons;
    QPushButton *m_addModelButton;
    QSpinBox *m_concurrencySpinBox;
    QCheckBox *m_stemCheckBox;
    QPushButton *m_runButton;
    QPushButton *m_cancelButton;
    QProgressBar *m_progressBar;
    QLabel *m_statusLabel;
    QLabel *m_averagesLabel;
    QTableView *m_tableView;
    QLabel *m_emptyLabel;
    QPushButton *m_exportButton;
    QPushButton *m_saveButton;
    QPushButton *m_openButton;
    QPushButton *m_sortButton;
};

} // namespace fs::ui
