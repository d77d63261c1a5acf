// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"

#include <QLoggingCategory>
#include <QSettings>

namespace fs {

Q_LOGGING_CATEGORY(lcSettings, "fs.settings", QtWarningMsg)

namespace {

const QString kVersionKey = QStringLiteral("schemaVersion");
const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kSandboxPortKey = QStringLiteral("sandbox/port");
const QString kRecentFilesKey = QStringLiteral("datasets/recentFiles");
const QString kDatasetFolderKey = QStringLiteral("datasets/lastFolder");
const QString kWelcomeShownKey = QStringLiteral("guide/welcomeShown");
const QString kLastBaseModelKey = QStringLiteral("jobs/lastBaseModel");
const QString kPricesGroup = QStringLiteral("trainingPrices");
const QString kIdleStopKey = QStringLiteral("deployments/idleStopMinutes");
const QString kRemindersKey = QStringLiteral("retirement/remindLater");
const QString kPurposeKey = QStringLiteral("files/uploadPurpose");
const QString kAsValidationKey = QStringLiteral("files/uploadAsValidation");
const QString kResumableKey = QStringLiteral("files/alwaysResumable");
const QString kFileUseGroup = QStringLiteral("files/use/");

// Schema 0 (no version key): the keys that moved in schema 1.
const QString kV0WelcomeShownKey = QStringLiteral("welcome/shown");
const QString kV0LastBaseModelKey = QStringLiteral("training/lastBaseModel");
const QString kV0UploadUseKey = QStringLiteral("files/uploadUse"); // combo box index, 1: validation
// The record groups whose fields must never name a secret.
const QStringList kRecordGroups = {
        QStringLiteral("connections"), QStringLiteral("storageConnections")};

// A model name as a key: '/' would nest a group (Together's "Qwen/Qwen2.5-…"), so it is written
// as "%2F" (and '%' as "%25"); older keys hold neither.
QString keyOfModel(const QString &model)
{
    QString key = model;
    return key.replace(QLatin1Char('%'), QLatin1String("%25"))
            .replace(QLatin1Char('/'), QLatin1String("%2F"));
}

QString modelOfKey(const QString &key)
{
    QString model = key;
    return model.replace(QLatin1String("%2F"), QLatin1String("/"), Qt::CaseInsensitive)
            .replace(QLatin1String("%25"), QLatin1String("%"));
}

QString folderKey(AppSettings::Folder kind)
{
    switch (kind) {
    case AppSettings::Folder::Datasets:
        break;
    }
    return kDatasetFolderKey;
}

void moveKey(QSettings &settings, const QString &from, const QString &to)
{
    if (!settings.contains(from))
        return;
    if (!settings.contains(to))
        settings.setValue(to, settings.value(from));
    settings.remove(from);
}

} // namespace

AppSettings::AppSettings()
    : m_settings(std::make_unique<QSettings>())
{
    migrate();
}

AppSettings::AppSettings(const QString &filePath)
    : m_settings(std::make_unique<QSettings>(filePath, QSettings::IniFormat))
{
    migrate();
}

AppSettings::~AppSettings() = default;

AppSettings &AppSettings::standard()
{
    static AppSettings settings;
    return settings;
}

QString AppSettings::fileName() const
{
    return m_settings->fileName();
}

void AppSettings::sync()
{
    m_settings->sync();
}

int AppSettings::schemaVersion() const
{
    return m_settings->value(kVersionKey, 0).toInt();
}

AppSettings::Migration AppSettings::migrate()
{
    const int version = schemaVersion();
    if (version == kSchemaVersion)
        return Migration::AlreadyCurrent;
    if (version > kSchemaVersion) {
        qCWarning(lcSettings).noquote()
                << QStringLiteral("The settings in %1 were written by a newer version of "
                                  "Finetune Studio (settings version %2; this one knows %3). "
                                  "They are used as they are and not converted.")
                           .arg(fileName())
                           .arg(version)
                           .arg(kSchemaVersion);
        return Migration::NewerLeftAlone;
    }
    migrateFrom0();
    m_settings->setValue(kVersionKey, kSchemaVersion);
    m_settings->sync();
    return Migration::Migrated;
}

void AppSettings::migrateFrom0()
{
    QSettings &s = *m_settings;
    moveKey(s, kV0WelcomeShownKey, kWelcomeShownKey);
    moveKey(s, kV0LastBaseModelKey, kLastBaseModelKey);
    if (s.contains(kV0UploadUseKey)) {
        if (!s.contains(kAsValidationKey))
            s.setValue(kAsValidationKey, s.value(kV0UploadUseKey).toInt() == 1);
        s.remove(kV0UploadUseKey);
    }
    // No version of the app wrote a secret here, but a hand-edited or foreign file might have:
    // it must not stay in plain text.
    for (const QString &group : kRecordGroups) {
        const QStringList keys = [&s, &group] {
            s.beginGroup(group);
            const QStringList all = s.allKeys();
            s.endGroup();
            return all;
        }();
        for (const QString &key : keys) {
            if (isSecretKey(key)) {
                s.remove(group + QLatin1Char('/') + key);
                qCWarning(lcSettings).noquote()
                        << QStringLiteral("Removed a secret (%1/%2) from the settings file: "
                                          "secrets belong in the keychain.")
                                   .arg(group, key);
            }
        }
    }
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings->value(kGeometryKey).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(kGeometryKey, geometry);
}

quint16 AppSettings::sandboxPort() const
{
    const uint port = m_settings->value(kSandboxPortKey).toUInt();
    return port <= 0xffff ? static_cast<quint16>(port) : 0;
}

void AppSettings::setSandboxPort(quint16 port)
{
    m_settings->setValue(kSandboxPortKey, port);
}

QStringList AppSettings::recentFiles() const
{
    return m_settings->value(kRecentFilesKey).toStringList();
}

void AppSettings::setRecentFiles(const QStringList &files)
{
    m_settings->setValue(kRecentFilesKey, files);
}

QString AppSettings::lastFolder(Folder kind) const
{
    return m_settings->value(folderKey(kind)).toString();
}

void AppSettings::setLastFolder(Folder kind, const QString &folder)
{
    m_settings->setValue(folderKey(kind), folder);
}

bool AppSettings::welcomeShown() const
{
    return m_settings->value(kWelcomeShownKey, false).toBool();
}

void AppSettings::setWelcomeShown(bool shown)
{
    m_settings->setValue(kWelcomeShownKey, shown);
}

QString AppSettings::lastBaseModel() const
{
    return m_settings->value(kLastBaseModelKey).toString();
}

void AppSettings::setLastBaseModel(const QString &model)
{
    if (!model.isEmpty())
        m_settings->setValue(kLastBaseModelKey, model);
}

QMap<QString, double> AppSettings::trainingPrices() const
{
    // Kept as text so that no locale can change the decimal separator; junk is skipped.
    QMap<QString, double> prices;
    m_settings->beginGroup(kPricesGroup);
    const QStringList keys = m_settings->childKeys();
    for (const QString &key : keys) {
        bool ok = false;
        const double price = m_settings->value(key).toString().toDouble(&ok);
        if (ok)
            prices.insert(modelOfKey(key), price);
    }
    m_settings->endGroup();
    return prices;
}

void AppSettings::setTrainingPrices(const QMap<QString, double> &prices)
{
    m_settings->beginGroup(kPricesGroup);
    m_settings->remove(QString()); // the whole group: prices no longer given must go
    for (auto it = prices.cbegin(); it != prices.cend(); ++it)
        m_settings->setValue(keyOfModel(it.key()), QString::number(it.value(), 'g', 17));
    m_settings->endGroup();
}

std::optional<int> AppSettings::idleStopMinutes() const
{
    bool ok = false;
    const int minutes = m_settings->value(kIdleStopKey).toInt(&ok);
    return ok && minutes >= 0 ? std::optional<int>(minutes) : std::nullopt;
}

void AppSettings::setIdleStopMinutes(int minutes)
{
    m_settings->setValue(kIdleStopKey, std::max(0, minutes));
}

QMap<QString, QDate> AppSettings::retirementReminders() const
{
    QMap<QString, QDate> reminders;
    const QVariantMap saved = m_settings->value(kRemindersKey).toMap();
    for (auto it = saved.cbegin(); it != saved.cend(); ++it) {
        const QDate day = QDate::fromString(it.value().toString(), Qt::ISODate);
        if (day.isValid())
            reminders.insert(it.key(), day);
    }
    return reminders;
}

void AppSettings::setRetirementReminders(const QMap<QString, QDate> &reminders)
{
    QVariantMap saved;
    for (auto it = reminders.cbegin(); it != reminders.cend(); ++it)
        saved.insert(it.key(), it.value().toString(Qt::ISODate));
    m_settings->setValue(kRemindersKey, saved);
}

QString AppSettings::uploadPurpose() const
{
    return m_settings->value(kPurposeKey, QStringLiteral("fine-tune")).toString();
}

void AppSettings::setUploadPurpose(const QString &purpose)
{
    m_settings->setValue(kPurposeKey, purpose);
}

bool AppSettings::uploadAsValidation() const
{
    return m_settings->value(kAsValidationKey, false).toBool();
}

void AppSettings::setUploadAsValidation(bool validation)
{
    m_settings->setValue(kAsValidationKey, validation);
}

bool AppSettings::alwaysResumable() const
{
    return m_settings->value(kResumableKey, false).toBool();
}

void AppSettings::setAlwaysResumable(bool resumable)
{
    m_settings->setValue(kResumableKey, resumable);
}

QString AppSettings::fileUse(const QString &fileId) const
{
    return m_settings->value(kFileUseGroup + fileId).toString();
}

void AppSettings::setFileUse(const QString &fileId, const QString &use)
{
    m_settings->setValue(kFileUseGroup + fileId, use);
}

void AppSettings::forgetFileUse(const QString &fileId)
{
    m_settings->remove(kFileUseGroup + fileId);
}

QVariant AppSettings::value(const QString &key, const QVariant &defaultValue) const
{
    return m_settings->value(key, defaultValue);
}

bool AppSettings::setValue(const QString &key, const QVariant &value)
{
    if (isSecretKey(key)) {
        qCWarning(lcSettings).noquote()
                << QStringLiteral("Refused to write %1 to the settings file: secrets belong in "
                                  "the keychain.")
                           .arg(key);
        return false;
    }
    m_settings->setValue(key, value);
    return true;
}

void AppSettings::remove(const QString &key)
{
    m_settings->remove(key);
}

bool AppSettings::isSecretKey(const QString &key)
{
    static const QStringList secretNames = {QStringLiteral("apiKey"),
            QStringLiteral("secretAccessKey"), QStringLiteral("secretKey"),
            QStringLiteral("secret"), QStringLiteral("token"), QStringLiteral("accessToken"),
            QStringLiteral("refreshToken"), QStringLiteral("sessionToken"),
            QStringLiteral("password"), QStringLiteral("clientSecret")};
    const QString field = key.section(QLatin1Char('/'), -1);
    for (const QString &name : secretNames) {
        if (field.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace fs
