// SPDX-License-Identifier: GPL-3.0-or-later
// The Storage area driven as a person would, against s3rver (an S3-compatible server from
// npm) and the in-process sandbox: empty state, connections, browsing folders, open in the
// dataset editor, save the dataset to the bucket, send for training, delete, errors, cancel.
#include "../contract/s3rverprocess.h"
#include "appsettings.h"
#include "connectionstore.h"
#include "datasetarea.h"
#include "datasetdocument.h"
#include "messagebox.h"
#include "practicebucket.h"
#include "requiretool.h"
#include "s3client.h"
#include "sandboxserver.h"
#include "screenshot.h"
#include "secretstore.h"
#include "storagearea.h"
#include "storageconnection.h"
#include "storageconnectiondialog.h"
#include "textinput.h"
#include "userfolders.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUuid>

using namespace fs;
using namespace fs::ui;

namespace {

QByteArray jsonl(int count, const QByteArray &topic)
{
    QByteArray out;
    for (int i = 0; i < count; ++i)
        out += "{\"messages\":[{\"role\":\"user\",\"content\":\"" + topic + " question "
                + QByteArray::number(i) + "\"},{\"role\":\"assistant\",\"content\":\"An answer "
                + QByteArray::number(i) + ".\"}]}\n";
    return out;
}

bool waitFor(S3Reply *reply)
{
    if (reply->isFinished())
        return true;
    QSignalSpy spy(reply, &S3Reply::finished);
    return spy.wait(30000);
}

} // namespace

class tst_StorageArea : public QObject
{
    Q_OBJECT

    QTemporaryDir m_userFolders; ///< job history, settings, journals of this test only

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void emptyStateExplainsWhatToDo();
    void dialogChecksTheFields();
    void browseFolders();
    void openInDatasetEditor();
    void saveDatasetToBucket();
    void sendForTraining();
    void cancelDownload();
    void deleteWithConfirmation();
    void errorsInPlainWords();
    void practiceBucketIsThereWithItsSample();

private:
    QString addConnection(const QString &bucket, bool withSecret = true);
    StorageArea *makeArea(DatasetArea *datasets = nullptr);
    bool waitListing(StorageArea *area);
    QByteArray objectBytes(const QString &key);

    test::S3rverProcess m_s3;
    std::unique_ptr<sandbox::SandboxServer> m_sandbox;
    QNetworkAccessManager m_nam;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<fs::AppSettings> m_settings;
    std::unique_ptr<StorageConnectionStore> m_store;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<S3Client> m_seed;
    QList<MessageRequest> m_messages;
    QMessageBox::StandardButton m_answer = QMessageBox::Yes;
};

void tst_StorageArea::initTestCase()
{
    // The upload journal and the download cache stay out of the user's folders.
    QVERIFY(fs::test::useTemporaryUserFolders(m_userFolders));
    QString problem;
    const bool s3rverStarted =
            m_s3.start({QStringLiteral("team-data"), QStringLiteral("empty-bucket")}, &problem);
    FS_REQUIRE_TOOL(s3rverStarted, QStringLiteral("s3rver is needed for this test: ") + problem);
    m_sandbox = std::make_unique<sandbox::SandboxServer>();
    QVERIFY2(m_sandbox->start(&problem), qPrintable(problem));
    MessageBox::setTestHook([this](const MessageRequest &request) {
        m_messages << request;
        return m_answer;
    });

    S3Config config;
    config.endpoint = m_s3.endpoint();
    config.bucket = QStringLiteral("team-data");
    config.credentials = {
            test::S3rverProcess::accessKeyId(), test::S3rverProcess::secretAccessKey(), {}};
    m_seed = std::make_unique<S3Client>(&m_nam, config);
    const QList<QPair<QString, QByteArray>> objects = {
            {QStringLiteral("datasets/support-train.jsonl"), jsonl(40, "support")},
            {QStringLiteral("datasets/support-valid.jsonl"), jsonl(8, "validation")},
            {QStringLiteral("archive/2025/old.jsonl"), jsonl(3, "old")},
            // s3rver leaves out a folder that holds only folders; real S3 and R2 list it.
            {QStringLiteral("archive/summary.txt"), "2025 data.\n"},
            {QStringLiteral("notes.txt"), "Datasets for the support bot.\n"},
            {QStringLiteral("big/large.jsonl"), jsonl(200000, "large")}};
    for (const auto &object : objects) {
        S3Reply *put = m_seed->putData(object.first, object.second);
        QVERIFY(waitFor(put));
        QVERIFY2(put->ok(), qPrintable(put->error().technicalSummary()));
    }
}

void tst_StorageArea::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<fs::AppSettings>(m_dir->filePath(QStringLiteral("settings.ini")));
    m_store = std::make_unique<StorageConnectionStore>(m_settings.get());
    m_secrets = std::make_unique<MemorySecretStore>();
    m_messages.clear();
    m_answer = QMessageBox::Yes;
}

void tst_StorageArea::cleanup()
{
    TextInput::setTestHook({});
    m_store.reset();
    m_settings.reset();
    m_dir.reset();
}

QString tst_StorageArea::addConnection(const QString &bucket, bool withSecret)
{
    StorageConnection c;
    c.name = QStringLiteral("Team data");
    c.endpoint = m_s3.endpoint();
    c.region = QStringLiteral("auto");
    c.bucket = bucket;
    c.accessKeyId = test::S3rverProcess::accessKeyId();
    // The secret first, as the area does: the store's change makes the area read it.
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    c.id = id;
    if (withSecret) {
        bool done = false;
        m_secrets->writeKey(StorageConnection::secretId(id), test::S3rverProcess::secretAccessKey(),
                this, [&done](const SecretResult &) { done = true; });
        if (!QTest::qWaitFor([&done] { return done; }))
            return {}; // the callers' checks fail on the missing connection
    }
    m_store->add(c);
    return id;
}

StorageArea *tst_StorageArea::makeArea(DatasetArea *datasets)
{
    StorageArea::Pieces pieces;
    pieces.store = m_store.get();
    pieces.secrets = m_secrets.get();
    pieces.nam = &m_nam;
    auto *area = new StorageArea(pieces, datasets);
    area->setCacheDirectory(m_dir->filePath(QStringLiteral("cache")));
    Connection sandbox;
    sandbox.name = QStringLiteral("Sandbox");
    sandbox.kind = Connection::Kind::Sandbox;
    sandbox.baseUrl = m_sandbox->baseUrl();
    sandbox.apiKey = QStringLiteral("sk-sandbox");
    area->setFineTuningConnection(sandbox);
    area->resize(900, 560);
    area->show();
    return area;
}

bool tst_StorageArea::waitListing(StorageArea *area)
{
    QSignalSpy spy(area, &StorageArea::listingFinished);
    if (!spy.wait(15000))
        return false;
    return spy.last().at(0).toBool();
}

QByteArray tst_StorageArea::objectBytes(const QString &key)
{
    S3Reply *get = m_seed->getObject(key);
    if (!waitFor(get) || !get->ok())
        return {};
    return get->data();
}

void tst_StorageArea::emptyStateExplainsWhatToDo()
{
    std::unique_ptr<StorageArea> area(makeArea());
    QCOMPARE(area->pages()->currentIndex(), 0);
    const QList<QLabel *> labels = area->pages()->currentWidget()->findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.cbegin(), labels.cend(), [](QLabel *label) {
        return label->text().contains(
                QLatin1String("Add a storage connection such as Cloudflare R2"));
    }));
    fs::test::saveScreenshot(area.get(), QStringLiteral("storagearea-empty"));

    // Adding one switches to the browser.
    addConnection(QStringLiteral("empty-bucket"));
    QCOMPARE(area->pages()->currentIndex(), 1);
    QVERIFY(waitListing(area.get()));
    QVERIFY(area->isShowingMessage());
    QVERIFY(area->emptyLabel()->text().contains(QLatin1String("This bucket is empty")));
}

void tst_StorageArea::dialogChecksTheFields()
{
    StorageConnectionDialog dialog;
    QVERIFY(!dialog.problem().isEmpty());
    dialog.nameEdit()->setText(QStringLiteral("R2"));
    dialog.endpointEdit()->setText(QStringLiteral("abc.r2.cloudflarestorage.com"));
    dialog.bucketEdit()->setText(QStringLiteral("data/sub"));
    dialog.accessKeyEdit()->setText(QStringLiteral("AKID"));
    QVERIFY(dialog.problem().contains(QLatin1String("cannot contain")));
    dialog.bucketEdit()->setText(QStringLiteral("data"));
    QVERIFY(dialog.problem().contains(QLatin1String("secret")));
    dialog.secretEdit()->setText(QStringLiteral("s3cr3t"));
    QVERIFY(dialog.problem().isEmpty());
    const StorageConnection c = dialog.connection();
    QCOMPARE(c.endpoint, QUrl(QStringLiteral("https://abc.r2.cloudflarestorage.com")));
    QCOMPARE(c.region, QStringLiteral("auto"));
    QCOMPARE(dialog.secret(), QStringLiteral("s3cr3t"));
    dialog.resize(560, dialog.sizeHint().height());
    fs::test::saveScreenshot(&dialog, QStringLiteral("storagearea-dialog"));

    // Editing: the saved secret is kept when the field stays empty.
    StorageConnectionDialog edit;
    edit.setConnection(c, true);
    QVERIFY(edit.problem().isEmpty());
    QVERIFY(edit.secret().isEmpty());
}

void tst_StorageArea::browseFolders()
{
    const QString id = addConnection(QStringLiteral("team-data"));
    std::unique_ptr<StorageArea> area(makeArea());
    QVERIFY(waitListing(area.get()));
    QCOMPARE(area->currentConnectionId(), id);
    QStandardItemModel *model = area->objectModel();
    QStringList names;
    for (int row = 0; row < model->rowCount(); ++row)
        names << model->item(row, 0)->text();
    QVERIFY2(names.size() == 4, qPrintable(names.join(QLatin1Char(','))));
    QCOMPARE(names,
            QStringList({QStringLiteral("archive/"), QStringLiteral("big/"),
                    QStringLiteral("datasets/"), QStringLiteral("notes.txt")}));
    QVERIFY(!area->isShowingMessage());

    // Double-click (activate) a folder to go in.
    area->objectView()->setCurrentIndex(model->index(2, 0));
    QSignalSpy listed(area.get(), &StorageArea::listingFinished);
    emit area->objectView()->activated(model->index(2, 0));
    QVERIFY(listed.wait(10000));
    QCOMPARE(area->currentPrefix(), QStringLiteral("datasets/"));
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->item(0, 0)->text(), QStringLiteral("support-train.jsonl"));
    QVERIFY(!model->item(0, 1)->text().isEmpty()); // size
    QVERIFY(!model->item(0, 2)->text().isEmpty()); // modified
    QVERIFY(area->selectKey(QStringLiteral("datasets/support-train.jsonl")));
    QVERIFY(area->openButton()->isEnabled());
    QVERIFY(area->sendButton()->isEnabled());
    fs::test::saveScreenshot(area.get(), QStringLiteral("storagearea-browser"));

    area->navigateTo(QStringLiteral("archive/2025"));
    QVERIFY(waitListing(area.get()));
    QCOMPARE(area->currentPrefix(), QStringLiteral("archive/2025/"));
    QCOMPARE(model->rowCount(), 1);
    area->goUp();
    QVERIFY(waitListing(area.get()));
    QCOMPARE(area->currentPrefix(), QStringLiteral("archive/"));
    QCOMPARE(model->rowCount(), 2);
    area->goUp();
    QVERIFY(waitListing(area.get()));
    QCOMPARE(area->currentPrefix(), QString());
    QCOMPARE(model->rowCount(), 4);
}

void tst_StorageArea::openInDatasetEditor()
{
    addConnection(QStringLiteral("team-data"));
    std::unique_ptr<StorageArea> area(makeArea());
    QVERIFY(waitListing(area.get()));
    area->navigateTo(QStringLiteral("datasets/"));
    QVERIFY(waitListing(area.get()));
    QVERIFY(area->selectKey(QStringLiteral("datasets/support-valid.jsonl")));
    QSignalSpy open(area.get(), &StorageArea::openDatasetRequested);
    area->openSelected();
    QVERIFY(open.wait(15000));
    const QString path = open.first().at(0).toString();
    QVERIFY(path.startsWith(area->cacheDirectory()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), jsonl(8, "validation"));
    QVERIFY(area->statusText().contains(QLatin1String("Downloaded")));

    // The lead connects it to DatasetArea::openFile: the file opens in the editor.
    DatasetArea editor(m_settings.get());
    QVERIFY(editor.openFile(path));
    QTRY_COMPARE_WITH_TIMEOUT(editor.document()->toBytes(), jsonl(8, "validation"), 10000);
}

void tst_StorageArea::saveDatasetToBucket()
{
    addConnection(QStringLiteral("team-data"));
    const QString local = m_dir->filePath(QStringLiteral("my dataset.jsonl"));
    {
        QFile file(local);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(jsonl(12, "editor"));
    }
    DatasetArea editor(m_settings.get());
    QVERIFY(editor.openFile(local));
    QTRY_VERIFY_WITH_TIMEOUT(!editor.document()->toBytes().isEmpty(), 10000);

    std::unique_ptr<StorageArea> area(makeArea(&editor));
    QVERIFY(waitListing(area.get()));
    QVERIFY(area->saveButton()->isEnabled());
    area->navigateTo(QStringLiteral("datasets/"));
    QVERIFY(waitListing(area.get()));

    QSignalSpy done(area.get(), &StorageArea::transferFinished);
    QSignalSpy listed(area.get(), &StorageArea::listingFinished);
    // The button asks for the name, suggesting the file's in the folder shown; Cancel: nothing.
    QList<TextRequest> asked;
    TextInput::setTestHook([&asked](const TextRequest &request) -> std::optional<QString> {
        asked << request;
        return std::nullopt;
    });
    QTest::mouseClick(area->saveButton(), Qt::LeftButton);
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.first().text, QStringLiteral("datasets/my dataset.jsonl"));
    QVERIFY(!area->isTransferring());
    TextInput::setTestHook([](const TextRequest &) -> std::optional<QString> {
        return QStringLiteral(" datasets/from-editor.jsonl ");
    });
    QTest::mouseClick(area->saveButton(), Qt::LeftButton);
    QVERIFY(done.wait(15000));
    QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
    QCOMPARE(objectBytes(QStringLiteral("datasets/from-editor.jsonl")),
            editor.document()->toBytes());
    QTRY_COMPARE_WITH_TIMEOUT(listed.size(), 1, 10000); // refreshed after saving
    QVERIFY(area->selectKey(QStringLiteral("datasets/from-editor.jsonl")));

    // Saving over an existing object asks first; "No" leaves it alone.
    m_answer = QMessageBox::No;
    area->saveDatasetAs(QStringLiteral("datasets/support-train.jsonl"));
    QCOMPARE(m_messages.size(), 1);
    QVERIFY(m_messages.first().text.contains(QLatin1String("already in the bucket")));
    QVERIFY(!area->isTransferring());
    QCOMPARE(objectBytes(QStringLiteral("datasets/support-train.jsonl")), jsonl(40, "support"));
}

void tst_StorageArea::sendForTraining()
{
    addConnection(QStringLiteral("team-data"));
    std::unique_ptr<StorageArea> area(makeArea());
    QVERIFY(waitListing(area.get()));
    area->navigateTo(QStringLiteral("datasets/"));
    QVERIFY(waitListing(area.get()));
    QVERIFY(area->selectKey(QStringLiteral("datasets/support-train.jsonl")));

    QSignalSpy sent(area.get(), &StorageArea::fileSent);
    QSignalSpy done(area.get(), &StorageArea::transferFinished);
    area->sendSelected(false);
    QVERIFY(area->isTransferring());
    QVERIFY(area->progressBar()->isVisible());
    QVERIFY(!area->sendButton()->isEnabled()); // one transfer at a time
    fs::test::saveScreenshot(area.get(), QStringLiteral("storagearea-sending"));
    QVERIFY(done.wait(60000));
    QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
    QCOMPARE(sent.size(), 1);
    const QString fileId = sent.first().at(0).toString();
    QVERIFY(fileId.startsWith(QLatin1String("file-")));
    QCOMPARE(sent.first().at(1).toBool(), false);
    QVERIFY2(area->statusText().contains(fileId)
                    && area->statusText().contains(QLatin1String("ready for training")),
            qPrintable(area->statusText()));
    QCOMPARE(area->sentFile().bytes, jsonl(40, "support").size());
    QCOMPARE(area->sentFile().filename, QStringLiteral("support-train.jsonl"));
    QVERIFY(!area->progressBar()->isVisible());
    fs::test::saveScreenshot(area.get(), QStringLiteral("storagearea-sent"));

    // As a validation file.
    QVERIFY(area->selectKey(QStringLiteral("datasets/support-valid.jsonl")));
    area->sendSelected(true);
    QVERIFY(done.wait(60000));
    QVERIFY(done.last().at(0).toBool());
    QVERIFY(area->statusText().contains(QLatin1String("validation file")));
    QCOMPARE(sent.last().at(1).toBool(), true);
}

void tst_StorageArea::cancelDownload()
{
    addConnection(QStringLiteral("team-data"));
    std::unique_ptr<StorageArea> area(makeArea());
    QVERIFY(waitListing(area.get()));
    area->navigateTo(QStringLiteral("big/"));
    QVERIFY(waitListing(area.get()));
    QVERIFY(area->selectKey(QStringLiteral("big/large.jsonl")));
    QSignalSpy open(area.get(), &StorageArea::openDatasetRequested);
    QSignalSpy done(area.get(), &StorageArea::transferFinished);
    area->openSelected();
    QVERIFY(area->isTransferring());
    area->cancelTransfer();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
    QCOMPARE(done.first().at(0).toBool(), false);
    QVERIFY(area->statusText().contains(QLatin1String("cancelled")));
    QCOMPARE(open.size(), 0);
    // No half file is left where the editor would open it.
    QVERIFY(!QFile::exists(area->cacheDirectory() + QLatin1Char('/') + area->currentConnectionId()
            + QStringLiteral("/big/large.jsonl")));
    QVERIFY(area->openButton()->isEnabled());

    // Sending is cancelled the same way, while the first part is on its way.
    m_sandbox->injectLatency(300);
    QSignalSpy served(m_sandbox.get(), &sandbox::SandboxServer::requestServed);
    area->sendSelected(false);
    QVERIFY(area->isTransferring());
    QTRY_VERIFY_WITH_TIMEOUT(!served.isEmpty(), 10000); // the service has begun to receive it
    QVERIFY(area->isTransferring());
    area->cancelTransfer();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 2, 10000);
    m_sandbox->clearFaults();
    QCOMPARE(done.last().at(0).toBool(), false);
    QVERIFY2(area->statusText().contains(QLatin1String("was cancelled")),
            qPrintable(area->statusText()));
    QVERIFY(!area->isTransferring());
    QVERIFY(area->sendButton()->isEnabled());
}

void tst_StorageArea::deleteWithConfirmation()
{
    addConnection(QStringLiteral("team-data"));
    QVERIFY(waitFor(m_seed->putData(QStringLiteral("scratch.jsonl"), jsonl(1, "scratch"))));
    std::unique_ptr<StorageArea> area(makeArea());
    QVERIFY(waitListing(area.get()));
    QVERIFY(area->selectKey(QStringLiteral("scratch.jsonl")));

    m_answer = QMessageBox::No;
    area->deleteSelected();
    QCOMPARE(m_messages.size(), 1);
    QVERIFY(m_messages.first().text.contains(QLatin1String("scratch.jsonl")));
    QVERIFY(!area->isTransferring());

    m_answer = QMessageBox::Yes;
    QSignalSpy done(area.get(), &StorageArea::transferFinished);
    area->deleteSelected();
    QVERIFY(done.wait(10000));
    QVERIFY(done.first().at(0).toBool());
    QVERIFY(waitListing(area.get()));
    QVERIFY(!area->selectKey(QStringLiteral("scratch.jsonl")));
    QVERIFY(objectBytes(QStringLiteral("scratch.jsonl")).isEmpty());
}

void tst_StorageArea::errorsInPlainWords()
{
    addConnection(QStringLiteral("no-such-bucket"));
    std::unique_ptr<StorageArea> area(makeArea());
    QVERIFY(!waitListing(area.get()));
    QVERIFY2(area->emptyLabel()->text().contains(
                     QLatin1String("no bucket named \"no-such-bucket\"")),
            qPrintable(area->emptyLabel()->text()));
    fs::test::saveScreenshot(area.get(), QStringLiteral("storagearea-error"));

    // Test reports through a message box.
    QSignalSpy tested(area.get(), &StorageArea::connectionTested);
    area->testConnection();
    QVERIFY(tested.wait(10000));
    QCOMPARE(tested.first().at(0).toBool(), false);
    QCOMPARE(m_messages.size(), 1);
    QCOMPARE(m_messages.first().icon, QMessageBox::Warning);

    // A connection whose secret is not in the keychain says so.
    const QString id = addConnection(QStringLiteral("team-data"), false);
    area->selectConnection(id);
    QTRY_VERIFY_WITH_TIMEOUT(area->statusText().contains(QLatin1String("not saved")), 5000);

    // The secret is never written to the settings file.
    m_settings->sync();
    QFile ini(m_settings->fileName());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    const QByteArray saved = ini.readAll();
    QVERIFY(saved.contains("storageConnections"));
    QVERIFY(saved.contains("accessKeyId=S3RVER"));
    QVERIFY(!saved.toLower().contains("secret"));
}

void tst_StorageArea::practiceBucketIsThereWithItsSample()
{
    // As the app wires it: the Buckets area follows the connections' built-in sandbox.
    ConnectionStore connections(m_settings.get());
    StorageArea::Pieces pieces;
    pieces.store = m_store.get();
    pieces.secrets = m_secrets.get();
    pieces.nam = &m_nam;
    pieces.connections = &connections;
    std::unique_ptr<StorageArea> area(new StorageArea(pieces, nullptr));
    area->setCacheDirectory(m_dir->filePath(QStringLiteral("cache")));
    Connection sandbox;
    sandbox.name = QStringLiteral("Sandbox");
    sandbox.kind = Connection::Kind::Sandbox;
    sandbox.baseUrl = m_sandbox->baseUrl();
    area->setFineTuningConnection(sandbox);
    area->resize(1024, 600);
    area->show();
    QCOMPARE(area->pages()->currentIndex(), 0); // no sandbox running: no practice bucket

    connections.setSandboxBaseUrl(m_sandbox->baseUrl());
    QCOMPARE(area->pages()->currentIndex(), 1);
    QCOMPARE(area->currentConnectionId(), practice::connectionId());
    QVERIFY2(area->connectionCombo()->currentText().startsWith(QLatin1String("Practice bucket")),
            qPrintable(area->connectionCombo()->currentText()));
    QVERIFY(waitListing(area.get()));
    QStringList keys;
    for (const S3Object &object : area->listing().objects)
        keys << object.key;
    QCOMPARE(keys, practice::sampleKeys());
    QVERIFY(!area->isShowingMessage());
    // Built in: not editable, not removable; its secret asked of no keychain and saved nowhere.
    const QList<QPushButton *> buttons = area->findChildren<QPushButton *>();
    for (QPushButton *button : buttons) {
        if (button->text() == QLatin1String("Edit…") || button->text() == QLatin1String("Remove…"))
            QVERIFY2(!button->isEnabled(), qPrintable(button->text()));
    }
    QCOMPARE(m_secrets->count(), 0);
    m_settings->sync();
    QFile settingsFile(m_settings->fileName());
    const QByteArray saved =
            settingsFile.open(QIODevice::ReadOnly) ? settingsFile.readAll() : QByteArray();
    QVERIFY2(!saved.contains(practice::secretAccessKey().toUtf8()), saved.constData());
    QCOMPARE(m_store->connections().size(), 1);
    QCOMPARE(m_store->count(), 1);
    QVERIFY(!m_store->remove(practice::connectionId()));

    const QString sample = QStringLiteral("support-bot.jsonl");
    QVERIFY(area->selectKey(sample));
    fs::test::saveScreenshot(area.get(), QStringLiteral("storagearea-practice"));

    // The tutorial loop: the sample in the bucket, sent to training on the sandbox.
    QSignalSpy done(area.get(), &StorageArea::transferFinished);
    area->sendSelected(false);
    QVERIFY(done.wait(60000));
    QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
    QVERIFY(area->sentFile().id.startsWith(QLatin1String("file-")));
    QCOMPARE(area->sentFile().filename, sample);

    // The sandbox stops: the practice bucket goes with it.
    connections.setSandboxBaseUrl(QUrl());
    QCOMPARE(area->pages()->currentIndex(), 0);
}

QTEST_MAIN(tst_StorageArea)
#include "tst_storagearea.moc"
