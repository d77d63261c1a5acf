// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"
#include "apitypes.h"
#include "basemodelcatalogue.h"
#include "jobformrules.h"
#include "pricetable.h"
#include "uploader.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

#include <optional>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTableWidget;
class QTimer;
class QWidget;

namespace fs {
class ApiClient;
class ApiReply;
class UploadQueue;
class UploadTask;
class ProviderClient;
class TokenCountJob;
} // namespace fs

namespace fs::ui {

class DatasetArea;

/**
 * @brief The New job form: base model, training and validation data, method, settings, name,
 * seed and metadata, with the estimated cost shown before starting.
 *
 * The open dataset can be the training data: it is uploaded on the way (with progress, and
 * cancel). Every rule comes from core (JobFormRules, BaseModelCatalogue); refusals of the
 * service are shown in plain words above the form, which stays filled.
 *
 * It speaks the connection's service through ProviderClient and shows that service's settings
 * (JobFormRules::rules(provider)): on Together AI an exact learning rate, LoRA or full training,
 * evaluations and checkpoints; the service's own price estimate is shown, and must be known,
 * before the job can start (it is asked again, after a pause, whenever a setting changes).
 */
class NewJobDialog : public QDialog
{
    Q_OBJECT
public:
    /// `client` and `datasets` (may be null) are not owned and must outlive the dialog. The
    /// form starts with `lastUsedModel` when offered, else the cheapest suitable model
    /// (BaseModelCatalogue::defaultIndex()).
    NewJobDialog(fs::ApiClient *client, DatasetArea *datasets,
            const QList<fs::ModelObject> &connectionModels, const fs::PriceTable &prices,
            QWidget *parent = nullptr, const QString &lastUsedModel = QString());
    ~NewJobDialog() override;

    /// Where the upload of the open dataset keeps its resume journal (tests).
    void setUploadOptions(const fs::UploadOptions &options) { m_uploadOptions = options; }
    /// The queue the open dataset is uploaded through (the window's, so the upload shows in
    /// the Files area too); without one the dialog uses a queue of its own.
    void setUploadQueue(fs::UploadQueue *queue);

    /// The request as the form describes it; the open dataset's file id once it is uploaded.
    fs::CreateJobRequest request() const;
    /// What keeps the form from being sent, in form order (empty: it can be sent).
    QList<fs::FormProblem> problems() const;

    /// The cost line as shown ("Estimated cost: $1.20 …").
    QString costText() const;
    /// The refusal (or other failure) shown above the form; empty when none.
    QString refusalText() const;
    bool isBusy() const { return m_busy; }
    bool filesLoaded() const { return m_filesLoaded; }
    /// The service's price estimate for the form as it is now (services that state one).
    std::optional<fs::PriceEstimate> priceEstimate() const;
    /// Whether Start may be pressed now (not busy; on a service that prices jobs, the price of
    /// this very form is known and the account may start it, or the open dataset is still to
    /// be uploaded).
    bool canStart() const;

    /// Selects a model / a training or validation file by id ("" for none; kOpenDataset).
    bool selectModel(const QString &model);
    bool selectTrainingFile(const QString &fileId);
    bool selectValidationFile(const QString &fileId);
    static QString openDatasetId() { return QStringLiteral("(open dataset)"); }

public Q_SLOTS:
    /// Checks the form, uploads the open dataset when chosen, then creates the job.
    void start();
    /// Reads the service's files again.
    void reloadFiles();
    void accept() override; ///< same as start()
    void reject() override; ///< cancels an upload or request in flight, else closes

Q_SIGNALS:
    void jobCreated(const fs::FineTuningJob &job);
    /// The file lists are filled (or failed to load).
    void filesReady();
    /// A refusal or failure is now shown (tests wait for this).
    void failed(const QString &message);
    /// The service's price estimate (or why there is none) is now shown.
    void priceEstimateShown();

private:
    struct HyperRow
    {
        fs::HyperparameterRule baseRule; ///< the provider's, before a model's limits
        fs::HyperparameterRule rule; ///< as shown and checked now
        QCheckBox *autoCheckBox = nullptr;
        QDoubleSpinBox *spinBox = nullptr;
        QLabel *label = nullptr;
        QLabel *explanation = nullptr;
    };

    /// What the cost estimate counts: the training examples' tokens, or why they are not known.
    struct TrainingTokens
    {
        QList<qint32> tokens;
        bool known = false;
        QString unknownReason;
    };

    void createEstimators();
    void createRefusalLabel();
    void createCostAndProblemLabels();
    QHBoxLayout *createProgressRow();
    void createButtons();
    /// Roomy where there is room, never larger than the screen's free area or `parent`'s window.
    void resizeToFit(QWidget *parent);
    QWidget *createForm();
    QGroupBox *createWhatBox(QWidget *form);
    void addFileRows(QFormLayout *what, QGroupBox *whatBox);
    void addMethodRows(QFormLayout *what, QGroupBox *whatBox);
    QGroupBox *createSettingsBox(QWidget *form);
    HyperRow createHyperRow(const fs::HyperparameterRule &rule, QWidget *settingsBox);
    QGroupBox *createExtraBox(QWidget *form);
    QHBoxLayout *createMetadataRow(QGroupBox *extraBox);
    void fillModels(const QList<fs::ModelObject> &connectionModels, bool includeUnknown = false);
    void loadServiceModels();
    /// The chosen model's limits as the service states them (JobFormShape).
    void loadModelLimits();
    /// The rows' ranges from the provider's rules and the model's limits.
    void applyRules();
    void showRule(HyperRow &row);
    void fillFiles(const QList<fs::FileObject> &files);
    void onModelChanged();
    /// "Retiring: new fine-tuning stops on …, and the model … stops answering on …" when
    /// `model` stops answering within the retirement calendar's warning window; else empty.
    QString retirementText(const QString &model) const;
    void onMethodChanged();
    void updateCost();
    /// The tokens of `training` (the open dataset or a file, counted on demand).
    TrainingTokens trainingTokens(const QString &training);
    QString costText(const QString &training, const TrainingTokens &counted, int epochs) const;
    /// On a service that prices jobs: the estimate shown, or asked for after a pause.
    void updateServiceEstimate();
    void requestEstimate();
    /// The request as the estimate is made for it (the dialect's call body): a changed form
    /// has a different key.
    QByteArray estimateKey() const;
    void onSettingChanged();
    fs::TrainingSettings::Type currentTrainingType() const;
    void countFileTokens(const QString &fileId);
    void onFileTokensCounted(const QString &fileId, const QList<qint32> &tokens);
    /// "Automatic (7 for this dataset)" and the greyed number, for `examples` (unknown: <= 0).
    void showAutomaticEpochs(qint64 examples);
    void updateProblems();
    void setBusy(bool busy, const QString &text = {});
    void showRefusal(const QString &message, const QString &field = {});
    void uploadDataset();
    void createJob(const QString &trainingFileId);
    fs::BaseModelInfo currentModel() const;
    QString currentMethod() const;
    QWidget *widgetForField(const QString &field) const;

    fs::ApiClient *m_client;
    fs::ProviderClient *m_provider = nullptr;
    fs::JobFormShape m_shape;
    QPointer<DatasetArea> m_datasets;
    fs::PriceTable m_prices;
    QString m_lastUsedModel;
    QList<fs::BaseModelInfo> m_models;
    QList<fs::FileObject> m_files;
    fs::UploadOptions m_uploadOptions;
    bool m_busy = false;
    bool m_filesLoaded = false;

    // The open dataset as uploaded: reused while its bytes are unchanged.
    QByteArray m_uploadedHash;
    QString m_uploadedFileId;
    QPointer<fs::UploadQueue> m_queue;
    QPointer<fs::UploadTask> m_task; ///< the open dataset's upload while it runs
    QPointer<fs::ApiReply> m_reply;
    QPointer<fs::ApiReply> m_filesReply;
    QPointer<fs::ApiReply> m_countReply;
    fs::TokenCountJob *m_tokenCount = nullptr; ///< counts a file on the service
    QHash<QString, QList<qint32>> m_fileTokens; ///< per server file id, once counted
    QString m_countingFileId;
    QString m_countProblem;
    QPointer<fs::ApiReply> m_modelsReply;
    QPointer<fs::ApiReply> m_limitsReply;
    std::optional<fs::ModelLimits> m_limits; ///< of the chosen model, once the service said
    QString m_limitsModel; ///< the model whose limits were asked for

    // The service's price estimate (JobFormShape::servicePricesJob).
    QTimer *m_estimateTimer = nullptr;
    QPointer<fs::ApiReply> m_estimateReply;
    QByteArray m_estimateKey; ///< what the estimate or its failure is for
    std::optional<fs::PriceEstimate> m_estimate;
    QString m_estimateProblem;

    QLabel *m_refusalLabel;
    QComboBox *m_modelComboBox;
    QLabel *m_modelNoteLabel;
    QComboBox *m_trainingComboBox;
    QComboBox *m_validationComboBox;
    QLabel *m_filesNoteLabel;
    QRadioButton *m_supervisedRadioButton;
    QRadioButton *m_dpoRadioButton;
    QRadioButton *m_loraRadioButton = nullptr;
    QRadioButton *m_fullRadioButton = nullptr;
    QList<HyperRow> m_hyper;
    QLineEdit *m_suffixLineEdit;
    QLabel *m_suffixNoteLabel;
    QCheckBox *m_seedCheckBox;
    QSpinBox *m_seedSpinBox;
    QTableWidget *m_metadataTable;
    QLabel *m_costLabel = nullptr;
    QPushButton *m_estimateAgainButton = nullptr;
    QLabel *m_problemsLabel;
    QProgressBar *m_progressBar;
    QLabel *m_progressLabel;
    QWidget *m_form;
    QDialogButtonBox *m_buttons;
    QPushButton *m_startButton;
};

} // namespace fs::ui
