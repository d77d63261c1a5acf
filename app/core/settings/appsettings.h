// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDate>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <memory>
#include <optional>

class QSettings;

namespace fs {

/**
 * @brief The one way the app reads and writes its settings file: a typed getter and setter per
 * thing it remembers, a schema version and migrate().
 *
 * Which file: AppSettings() is the application's own (decided here, from the organisation and
 * application names set by AppIdentity, under XDG_CONFIG_HOME, which is how tests isolate it);
 * AppSettings(path) is a given file (tests, another home). Opening either migrates it (see
 * migrate()).
 *
 * Secrets (API keys, storage secret keys, tokens) never go here: they live in the keychain
 * (SecretStore). setValue() refuses a field named like one, and migrate() removes any an older or
 * hand-edited file holds.
 *
 * Connections and storage connections are records whose layout their stores own
 * (ConnectionStore, StorageConnectionStore): those two use value()/setValue()/remove(); every
 * other setting has its typed accessor below.
 */
class AppSettings
{
public:
    /// The schema this build writes. 0 is a file without a version (before versioning).
    static constexpr int kSchemaVersion = 1;

    /// The application's own settings file.
    AppSettings();
    /// The settings in `filePath` (INI format), e.g. a test's temporary folder.
    explicit AppSettings(const QString &filePath);
    ~AppSettings();
    AppSettings(const AppSettings &) = delete;
    AppSettings &operator=(const AppSettings &) = delete;

    /// The application's own settings, shared by everything that was given no other.
    static AppSettings &standard();

    QString fileName() const;
    /// Writes pending changes to the file (others reading the same file see them).
    void sync();

    /// The schema version the file is at (0: written before settings had a version).
    int schemaVersion() const;
    enum class Migration {
        AlreadyCurrent, ///< nothing to do
        Migrated, ///< older keys moved to the current schema
        NewerLeftAlone, ///< written by a newer version: used as it is, not converted
    };
    /// Moves keys of older schemas to the current one and stamps the version. Idempotent. A file
    /// from a newer version is left alone (and a warning logged).
    Migration migrate();

    // The main window.
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);

    // The built-in sandbox: the port it listened on last time (0: none yet).
    quint16 sandboxPort() const;
    void setSandboxPort(quint16 port);

    // The dataset editor.
    QStringList recentFiles() const;
    void setRecentFiles(const QStringList &files);

    /// Kinds of file whose dialogs remember where they were last (see LastFolder).
    enum class Folder { Datasets };
    QString lastFolder(Folder kind) const;
    void setLastFolder(Folder kind, const QString &folder);

    // The guide: whether the welcome was shown once.
    bool welcomeShown() const;
    void setWelcomeShown(bool shown);

    // Fine-tuning: the base model last trained or estimated with, shared by the New job form and
    // the dataset's cost panel (an empty one is not remembered).
    QString lastBaseModel() const;
    void setLastBaseModel(const QString &model);

    /// The user's training prices (USD per million tokens) by model name; only prices that
    /// differ from the built-in ones are kept (see PriceTable).
    QMap<QString, double> trainingPrices() const;
    void setTrainingPrices(const QMap<QString, double> &prices);

    // Deployments: minutes of no use after which they stop (none saved: the default).
    std::optional<int> idleStopMinutes() const;
    void setIdleStopMinutes(int minutes);

    /// Retirement "Remind Me Later": reminder key -> the day it was put off.
    QMap<QString, QDate> retirementReminders() const;
    void setRetirementReminders(const QMap<QString, QDate> &reminders);

    // The Files area's upload choices.
    QString uploadPurpose() const; ///< "fine-tune" unless chosen otherwise
    void setUploadPurpose(const QString &purpose);
    bool uploadAsValidation() const;
    void setUploadAsValidation(bool validation);
    bool alwaysResumable() const;
    void setAlwaysResumable(bool resumable);
    /// What an uploaded file is used for: "training" or "validation"; empty when not known.
    QString fileUse(const QString &fileId) const;
    void setFileUse(const QString &fileId, const QString &use);
    void forgetFileUse(const QString &fileId);

    // Records owned by the connection stores (see the class comment).
    QVariant value(const QString &key, const QVariant &defaultValue = {}) const;
    /// False (and nothing written) for a field named like a secret.
    bool setValue(const QString &key, const QVariant &value);
    void remove(const QString &key);

    /// True for a settings key whose last part names a secret ("apiKey", "secretAccessKey"…).
    static bool isSecretKey(const QString &key);

private:
    void migrateFrom0();

    std::unique_ptr<QSettings> m_settings;
};

} // namespace fs
